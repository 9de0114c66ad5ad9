"""Rules of the performance self-evaluation tables (S8xx).

Each 绩效自评表 (:class:`~govfinal.model.performance.SelfEvaluation`) is checked
in itself — its weights, its score total, its funding rows, its stated
execution rate, its completion statement — and against the rest of the report:
the department table's execution against 本年支出合计, and the narrative
summary (十一、预算绩效情况说明) against the tables.

Published scores are also compared with the scoring policy of the check
options (:attr:`CheckOptions.scoring`, :class:`~govfinal.scoring.StandardPolicy`
by default). A policy recomputes a score from published figures, so the
comparison is rounding-exact like every other: the policy's score is taken over
the intervals its operands stand for, and the stated score is accepted when
some value in that range rounds to it at the stated score's own precision
(:mod:`govfinal.checks.scoring_intervals`). Scores deviating from the policy
are warnings: a policy is a convention, not an identity.

Weights (分值) and the counts of tables are exact figures and must agree exactly.
Addresses name a table by its name, an indicator by its name and a funding row
by its label (:mod:`govfinal.address`), e.g.
``performance.evaluations[科普工作人员补助].indicators[发放次数].score`` or
``performance.evaluations[科学技术协会].funding.sources[其他资金].executed``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govfinal import ratios
from govfinal.address import join, keyed
from govfinal.checks.checker import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.scoring_intervals import judge_execution, judge_indicator
from govfinal.checks.tolerance import Term, percent_half_width, shown
from govfinal.model.performance import EvaluationKind, FundingRow, Indicator, SelfEvaluation
from govfinal.model.report import FinalAccount
from govfinal.money import CONTEXT, HUNDRED, ZERO
from govfinal.scoring import Grade
from govfinal.terms import label

DEPARTMENT_TABLE = EvaluationKind.DEPARTMENT.value
PROJECT_TABLE = EvaluationKind.PROJECT.value
TABLES = (DEPARTMENT_TABLE, PROJECT_TABLE)
SUMMARY = "预算绩效情况说明"
TOTALS_TABLE = "收入支出决算总表"

STANDARD_WEIGHT = HUNDRED
"""The 分值 total of a table that does not print its own: 100."""

_COLUMNS = (
    ("initial_budget", "年初预算数", "initial budget"),
    ("full_year_budget", "全年预算数", "full-year budget"),
    ("executed", "全年执行数", "executed amount"),
)
"""The amount columns of a funding row: field, Chinese and English names."""

_EXECUTION_ZH, _EXECUTION_EN = "预算执行率", "budget execution"


# -- naming ------------------------------------------------------------------------


EVALUATIONS = "performance.evaluations"
"""The address of the self-evaluation tables."""


def evaluation_path(evaluation: SelfEvaluation) -> str:
    """The address of a table, by its name: ``performance.evaluations[科普工作人员补助]``."""
    return keyed(EVALUATIONS, evaluation.name)


def indicator_path(prefix: str, indicator: Indicator) -> str:
    """The address of an indicator of the table at ``prefix``, by its name."""
    return keyed(join(prefix, "indicators"), indicator.name)


def source_path(prefix: str, row: FundingRow) -> str:
    """The address of a funding row of the table at ``prefix``, by its label."""
    return keyed(join(prefix, "funding", "sources"), row.label)


def evaluation_title(evaluation: SelfEvaluation) -> tuple[str, str]:
    """How a table is named in messages: ``整体支出绩效自评`` or ``项目支出绩效自评（名称）``."""
    if evaluation.kind is EvaluationKind.DEPARTMENT:
        return "整体支出绩效自评", "department self-evaluation"
    return f"项目支出绩效自评（{evaluation.name}）", f"project self-evaluation ({evaluation.name})"


def _evaluations(report: FinalAccount) -> Iterator[tuple[str, SelfEvaluation]]:
    """Each table with its address, in the report's order."""
    for evaluation in report.performance.evaluations:
        yield evaluation_path(evaluation), evaluation


def _row_name(row: FundingRow) -> str:
    """A funding row's label without a leading ``其中：`` (of which)."""
    label = row.label.strip()
    for prefix in ("其中：", "其中:"):
        if label.startswith(prefix):
            return label.removeprefix(prefix).strip()
    return label


def _grade_en(grade: Grade) -> str:
    return grade.name.lower()


# -- the scores of one table -----------------------------------------------------------


def _score_terms(checker: Checker, prefix: str, evaluation: SelfEvaluation) -> list[Term] | None:
    """The published scores as terms (funding first); ``None`` if any score is unpublished."""
    funding = evaluation.funding
    if funding.stated_score is None:
        return None
    terms = [
        checker.figures.amount(
            join(prefix, "funding", "stated_score"),
            (_EXECUTION_ZH, f"score of {_EXECUTION_EN}"),
            funding.stated_score,
        )
    ]
    for indicator in evaluation.indicators:
        if indicator.score is None:
            return None
        path = join(indicator_path(prefix, indicator), "score")
        terms.append(
            checker.figures.amount(
                path, (indicator.name, f"score of {indicator.name}"), indicator.score
            )
        )
    return terms


@rule(
    "S801",
    "evaluation-weights-sum",
    title_zh="绩效自评分值合计",
    title_en="Self-evaluation weights add up",
    formula="预算执行分值 + Σ 三级指标分值 = 分值合计（未列示时为 100）",
    tables=TABLES,
)
def evaluation_weights_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """分值权重 of budget execution + Σ those of the indicators = the stated total, else 100.

    Weights are exact: no rounding can explain a difference.
    """
    for prefix, evaluation in _evaluations(report):
        yield _weights_finding(checker, prefix, evaluation)


def _weights_finding(checker: Checker, prefix: str, evaluation: SelfEvaluation) -> Finding | None:
    total = evaluation.total_weight
    stated = evaluation.stated_total_weight
    expected = STANDARD_WEIGHT if stated is None else stated
    if total == expected:
        return None
    parts = [
        (
            join(prefix, "funding", "weight"),
            _EXECUTION_ZH,
            _EXECUTION_EN,
            evaluation.funding.weight,
        ),
        *(
            (join(indicator_path(prefix, i), "weight"), i.name, i.name, i.weight)
            for i in evaluation.indicators
        ),
    ]
    formula_zh = " + ".join(f"{zh} {shown(weight)}" for _path, zh, _en, weight in parts)
    formula_en = " + ".join(f"{en} {shown(weight)}" for _path, _zh, en, weight in parts)
    title_zh, title_en = evaluation_title(evaluation)
    sum_ = shown(total)
    if stated is None:
        diff = CONTEXT.subtract(total, expected)
        standard, diff_ = shown(expected), shown(diff)
        return checker.finding(
            join(prefix, "total_weight"),
            f"{title_zh} 分值合计 {formula_zh} = {sum_} ≠ {standard}（差 {diff_}，分值须完全一致）",
            f"{title_en}: weights {formula_en} = {sum_} ≠ {standard}"
            f" (difference {diff_}; weights must agree exactly)",
            expected=expected,
            actual=total,
            tolerance=ZERO,
            related=[path for path, _zh, _en, _weight in parts],
        )
    said, diff_ = shown(stated), shown(CONTEXT.subtract(stated, total))
    return checker.finding(
        join(prefix, "stated_total_weight"),
        f"{title_zh} 分值合计 {said} ≠ {formula_zh} = {sum_}（差 {diff_}，分值须完全一致）",
        f"{title_en}: total weight {said} ≠ {formula_en} = {sum_}"
        f" (difference {diff_}; weights must agree exactly)",
        expected=total,
        actual=stated,
        tolerance=ZERO,
        related=[path for path, _zh, _en, _weight in parts],
    )


@rule(
    "S802",
    "evaluation-scores-sum",
    title_zh="绩效自评得分合计",
    title_en="Self-evaluation scores add up",
    formula="总分 = 预算执行得分 + Σ 三级指标得分",
    tables=TABLES,
)
def evaluation_scores_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """总分 = 预算执行率得分 + Σ 三级指标得分, when every score is published."""
    for prefix, evaluation in _evaluations(report):
        if evaluation.stated_total_score is None:
            continue
        scores = _score_terms(checker, prefix, evaluation)
        if scores is None:
            continue
        title_zh, title_en = evaluation_title(evaluation)
        stated = checker.figures.amount(
            join(prefix, "stated_total_score"),
            (f"{title_zh} 总分", f"total score of the {title_en}"),
            evaluation.stated_total_score,
        )
        derived = checker.figures.sum(
            scores, join(prefix, "published_scores_total"), ("得分合计", "scores")
        )
        yield checker.equal(stated, derived)


# -- scores against the policy -------------------------------------------------------


def _indicator_operands(
    checker: Checker, path: str, indicator: Indicator
) -> tuple[Term, Term] | None:
    """A numeric indicator's published target and actual value as terms; ``None`` if not both."""
    target, actual = indicator.target, indicator.actual
    if indicator.is_qualitative or target is None or actual is None:
        return None
    return (
        checker.figures.amount(join(path, "target"), ("目标值", "target"), target),
        checker.figures.amount(join(path, "actual"), ("实际完成值", "actual"), actual),
    )


@rule(
    "S803",
    "indicator-score-policy",
    title_zh="三级指标得分与评分规则",
    title_en="Indicator scores follow the scoring policy",
    formula="三级指标得分 = 评分规则按目标值与实际完成值计算的得分（定性指标在等级区间内）",
    tables=TABLES,
    severity=Severity.WARNING,
)
def indicator_score_policy(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each published indicator score against the score the policy gives.

    A numeric indicator's policy score is taken over the intervals of its
    published target and actual value; a qualitative one's is a band by
    achievement (达成 / 部分达成 / 未达成).
    """
    policy = checker.options.scoring
    for prefix, evaluation in _evaluations(report):
        title_zh, title_en = evaluation_title(evaluation)
        for indicator in evaluation.indicators:
            stated = indicator.score
            if stated is None:
                continue
            path = indicator_path(prefix, indicator)
            operands = _indicator_operands(checker, path, indicator)
            judged = judge_indicator(policy, indicator, stated, operands)
            if judged is None or judged.accepted:
                continue
            how = judged.explanation
            yield checker.finding(
                join(path, "score"),
                f"{title_zh}：{indicator.name} 得分 {shown(stated)}，按评分规则 {how.zh}",
                f"{title_en}: {indicator.name} scored {shown(stated)};"
                f" the scoring policy gives {how.en}",
                expected=judged.expected,
                actual=stated,
                tolerance=percent_half_width(stated),
                related=[join(path, "target"), join(path, "actual"), join(path, "weight")],
            )


def _execution_operands(checker: Checker, prefix: str, row: FundingRow) -> tuple[Term, Term] | None:
    """A total row's 全年预算数 and 全年执行数 as terms; ``None`` unless both are published."""
    budget, executed = row.full_year_budget, row.executed
    if budget is None or executed is None:
        return None
    return (
        checker.figures.amount(join(prefix, "full_year_budget"), ("全年预算数", "budget"), budget),
        checker.figures.amount(join(prefix, "executed"), ("全年执行数", "executed"), executed),
    )


@rule(
    "S804",
    "execution-score-policy",
    title_zh="预算执行得分与评分规则",
    title_en="Execution score follows the scoring policy",
    formula="预算执行得分 = 分值 × min(全年执行数 ÷ 全年预算数, 1)（按评分规则）",
    tables=TABLES,
    severity=Severity.WARNING,
)
def execution_score_policy(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """The published execution score against the policy's, over the amounts' intervals."""
    policy = checker.options.scoring
    for prefix, evaluation in _evaluations(report):
        funding = evaluation.funding
        stated = funding.stated_score
        if stated is None:
            continue
        total = join(prefix, "funding", "total")
        operands = _execution_operands(checker, total, funding.total)
        judged = judge_execution(policy, funding, stated, operands)
        if judged is None or judged.accepted:
            continue
        title_zh, title_en = evaluation_title(evaluation)
        how = judged.explanation
        yield checker.finding(
            join(prefix, "funding", "stated_score"),
            f"{title_zh}：{_EXECUTION_ZH}得分 {shown(stated)}，按评分规则 {how.zh}",
            f"{title_en}: execution scored {shown(stated)}; the scoring policy gives {how.en}",
            expected=judged.expected,
            actual=stated,
            tolerance=percent_half_width(stated),
            related=[
                join(total, "full_year_budget"),
                join(total, "executed"),
                join(prefix, "funding", "weight"),
            ],
        )


# -- funding ---------------------------------------------------------------------------


@rule(
    "S805",
    "funding-sources-sum",
    title_zh="资金来源合计",
    title_en="Funding sources add up",
    formula="年度总资金 = Σ 各资金来源（年初预算数、全年预算数、全年执行数各列）",
    tables=TABLES,
)
def funding_sources_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per column, the total row = Σ of the source rows that publish the column.

    The sources are one breakdown of the total (a leading ``其中：`` on the
    first row introduces the breakdown); blank cells count as zero.
    """
    for prefix, evaluation in _evaluations(report):
        funding = evaluation.funding
        total_name = _row_name(funding.total)
        title_zh, title_en = evaluation_title(evaluation)
        for field, zh, en in _COLUMNS:
            total: Decimal | None = getattr(funding.total, field)
            if total is None:
                continue
            parts = [
                checker.figures.amount(
                    join(source_path(prefix, row), field),
                    (f"{_row_name(row)}{zh}", f"{en} of {_row_name(row)}"),
                    value,
                )
                for row in funding.sources
                if (value := getattr(row, field)) is not None
            ]
            if not parts:
                continue
            stated = checker.figures.amount(
                join(prefix, "funding", "total", field),
                (f"{title_zh} {total_name}{zh}", f"total {en} of the {title_en}"),
                total,
            )
            derived = checker.figures.sum(parts, join(prefix, "funding", "sources"), (zh, en))
            yield checker.equal(stated, derived)


@rule(
    "S806",
    "funding-stated-execution-rate",
    title_zh="预算执行率",
    title_en="Stated execution rate",
    formula="执行率 = 全年执行数 ÷ 全年预算数 × 100%",
    tables=TABLES,
)
def funding_stated_execution_rate(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """The stated 执行率 against 全年执行数 ÷ 全年预算数 × 100 of the total row."""
    for prefix, evaluation in _evaluations(report):
        funding = evaluation.funding
        stated = funding.stated_execution_rate
        budget, executed = funding.total.full_year_budget, funding.total.executed
        if stated is None or budget is None or executed is None:
            continue
        budget_term = checker.figures.amount(
            join(prefix, "funding", "total", "full_year_budget"),
            ("全年预算数", "full-year budget"),
            budget,
        )
        executed_term = checker.figures.amount(
            join(prefix, "funding", "total", "executed"),
            ("全年执行数", "executed amount"),
            executed,
        )
        title_zh, title_en = evaluation_title(evaluation)
        yield checker.rate(
            join(prefix, "funding", "stated_execution_rate"),
            (f"{title_zh} 执行率", f"execution rate of the {title_en}"),
            stated,
            ratios.execution_rate_of,
            [budget_term, executed_term],
            numerator=executed_term,
            base=budget_term,
        )


# -- the tables against the report --------------------------------------------------


@rule(
    "S807",
    "department-executed-vs-expenditure",
    title_zh="整体支出执行数与本年支出合计",
    title_en="Department execution equals total expenditure",
    formula="部门整体支出绩效自评表 全年执行数 = 本年支出合计",
    tables=(DEPARTMENT_TABLE, TOTALS_TABLE),
)
def department_executed_vs_expenditure(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """全年执行数 of a department table's total row = 本年支出合计 (stated, else derived)."""
    total = checker.figures.expenditure_total()
    if total is None:
        return
    for prefix, evaluation in _evaluations(report):
        executed = evaluation.funding.total.executed
        if evaluation.kind is not EvaluationKind.DEPARTMENT or executed is None:
            continue
        stated = checker.figures.amount(
            join(prefix, "funding", "total", "executed"),
            ("整体支出绩效自评全年执行数", "executed amount of the department self-evaluation"),
            executed,
        )
        yield checker.equal(stated, total)


def _completion_total(
    checker: Checker, prefix: str, evaluation: SelfEvaluation, value: Decimal
) -> Term:
    """The spending a table's completion statement gives, as a term named with the table."""
    title_zh, title_en = evaluation_title(evaluation)
    return checker.figures.amount(
        join(prefix, "completion_spending", "total"),
        (
            f"{title_zh} 实际完成情况所列支出",
            f"spending in the completion statement of the {title_en}",
        ),
        value,
    )


@rule(
    "S808",
    "completion-spending-vs-executed",
    title_zh="实际完成支出与全年执行数",
    title_en="Completion spending equals the executed amount",
    formula="实际完成情况所列支出 = 年度总资金全年执行数",
    tables=TABLES,
)
def completion_spending_vs_executed(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """The spending a completion statement gives = 全年执行数 of the funding total."""
    for prefix, evaluation in _evaluations(report):
        spending = evaluation.completion_spending
        executed = evaluation.funding.total.executed
        if spending is None or spending.total is None or executed is None:
            continue
        yield checker.equal(
            _completion_total(checker, prefix, evaluation, spending.total),
            checker.figures.amount(
                join(prefix, "funding", "total", "executed"),
                (f"{_row_name(evaluation.funding.total)}全年执行数", "executed total"),
                executed,
            ),
        )


@rule(
    "S809",
    "completion-spending-breakdown",
    title_zh="实际完成支出构成",
    title_en="Completion spending breakdown",
    formula="实际完成支出 = 基本支出（行政运行支出）+ 项目支出",
    tables=TABLES,
)
def completion_spending_breakdown(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """实际完成支出 X 万元 = 其中基本支出 + 项目支出, when all three are published."""
    for prefix, evaluation in _evaluations(report):
        spending = evaluation.completion_spending
        if spending is None:
            continue
        total, basic, project = spending.total, spending.basic, spending.project
        if total is None or basic is None or project is None:
            continue
        parts = [
            checker.figures.amount(
                join(prefix, "completion_spending", "basic"), label("basic"), basic
            ),
            checker.figures.amount(
                join(prefix, "completion_spending", "project"), label("project"), project
            ),
        ]
        yield checker.equal(
            _completion_total(checker, prefix, evaluation, total),
            checker.figures.sum(
                parts, join(prefix, "completion_spending"), ("实际完成支出", "spending")
            ),
        )


@rule(
    "S810",
    "score-within-weight",
    title_zh="得分不超过分值",
    title_en="Scores within their weights",
    formula="0 ≤ 得分 ≤ 分值（预算执行与各三级指标）",
    tables=TABLES,
)
def score_within_weight(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each published score lies between 0 and its weight (weights are exact)."""
    for prefix, evaluation in _evaluations(report):
        funding = evaluation.funding
        items = [
            (
                join(prefix, "funding"),
                _EXECUTION_ZH,
                _EXECUTION_EN,
                funding.stated_score,
                funding.weight,
                "stated_score",
            ),
            *(
                (indicator_path(prefix, i), i.name, i.name, i.score, i.weight, "score")
                for i in evaluation.indicators
            ),
        ]
        title_zh, title_en = evaluation_title(evaluation)
        for owner, zh, en, score, weight, field in items:
            if score is None:
                continue
            stated = checker.figures.amount(
                join(owner, field), (f"{title_zh} {zh}得分", f"{title_en}: score of {en}"), score
            )
            if score < 0:
                yield checker.finding(
                    stated.path,
                    f"{stated.label_zh} 为负数 {shown(score)}",
                    f"{stated.label_en} is negative: {shown(score)}",
                    expected=ZERO,
                    actual=score,
                    related=[join(owner, "weight")],
                )
                continue
            yield checker.at_most(
                stated,
                checker.figures.unrounded(
                    join(owner, "weight"), (f"{zh}分值", f"weight of {en}"), weight
                ),
            )


# -- the summary against the tables ----------------------------------------------------


def _summed_cells(
    checker: Checker,
    report: FinalAccount,
    kind: EvaluationKind,
    field: str,
    labels: tuple[str, str],
) -> Term | None:
    """Σ of one total-row cell over the tables of ``kind`` that publish it; ``None`` if none."""
    parts = [
        checker.figures.amount(
            join(prefix, "funding", "total", field),
            (
                f"{evaluation_title(evaluation)[0]}{labels[0]}",
                f"{labels[1]} of the {evaluation_title(evaluation)[1]}",
            ),
            value,
        )
        for prefix, evaluation in _evaluations(report)
        if evaluation.kind is kind
        and (value := getattr(evaluation.funding.total, field)) is not None
    ]
    if not parts:
        return None
    return checker.figures.sum(parts, EVALUATIONS, (labels[0], labels[1]))


_SUMMARY_AMOUNTS = (
    (
        EvaluationKind.DEPARTMENT,
        "department_budget",
        "full_year_budget",
        ("部门整体支出全年预算总额", "department budget of the summary"),
        ("全年预算数", "full-year budget"),
    ),
    (
        EvaluationKind.DEPARTMENT,
        "department_executed",
        "executed",
        ("部门整体支出实际执行总额", "department executed total of the summary"),
        ("全年执行数", "executed amount"),
    ),
    (
        EvaluationKind.PROJECT,
        "project_budget",
        "full_year_budget",
        ("绩效评价项目全年预算数", "evaluated projects' budget of the summary"),
        ("全年预算数", "full-year budget"),
    ),
    (
        EvaluationKind.PROJECT,
        "project_executed",
        "executed",
        ("绩效评价项目全年执行数", "evaluated projects' executed amount of the summary"),
        ("全年执行数", "executed amount"),
    ),
)

_SUMMARY_COUNTS = (
    (EvaluationKind.DEPARTMENT, "department_evaluations", "部门整体支出绩效自评表", "department"),
    (EvaluationKind.PROJECT, "project_evaluations", "项目支出绩效自评表", "project"),
)


@rule(
    "S811",
    "summary-matches-tables",
    title_zh="绩效情况说明与自评表一致",
    title_en="Performance summary matches the tables",
    formula="情况说明所列预算总额、执行总额、评价个数 = 各自评表之和",
    tables=(SUMMARY, *TABLES),
)
def summary_matches_tables(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """The narrative summary's amounts and counts = those of the tables of each kind.

    Department amounts = the department table's total row; project amounts =
    Σ over the project tables; counts = the number of tables (exact). A kind
    is compared only when its tables are given.
    """
    performance = report.performance
    for kind, field, column, (zh, en), cell_labels in _SUMMARY_AMOUNTS:
        stated: Decimal | None = getattr(performance, field)
        if stated is None or not performance.of_kind(kind):
            continue
        derived = _summed_cells(checker, report, kind, column, cell_labels)
        if derived is None:
            continue
        yield checker.equal(
            checker.figures.amount(f"performance.{field}", (zh, en), stated), derived
        )
    for kind, field, table_zh, kind_en in _SUMMARY_COUNTS:
        tables = len(performance.of_kind(kind))
        count: int = getattr(performance, field)
        if not tables or count == tables:
            continue
        yield checker.finding(
            f"performance.{field}",
            f"情况说明所列{table_zh} {count} 个 ≠ 所附自评表 {tables} 个（计数须完全一致）",
            f"the summary counts {count} {kind_en} evaluation(s) but {tables} table(s) are given"
            " (counts must agree exactly)",
            expected=Decimal(tables),
            actual=Decimal(count),
            tolerance=ZERO,
            related=[EVALUATIONS],
        )


@rule(
    "S812",
    "evaluation-grade",
    title_zh="绩效自评等级",
    title_en="Self-evaluation grade",
    formula="评价等级按总分：优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60（按评分规则）",
    tables=TABLES,
    severity=Severity.INFO,
)
def evaluation_grade(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A notice of each table's grade, and of the policy's own total and grade when it has one."""
    policy = checker.options.scoring
    for prefix, evaluation in _evaluations(report):
        stated = evaluation.stated_total_score
        if stated is None:
            continue
        grade = policy.grade(stated)
        title_zh, title_en = evaluation_title(evaluation)
        message_zh = f"{title_zh} 总分 {shown(stated)}（{grade.value}）"
        message_en = f"{title_en}: total score {shown(stated)} ({_grade_en(grade)})"
        own = policy.total(evaluation)
        if own is not None:
            own_grade = policy.grade(own)
            message_zh += f"；按评分规则 {shown(own)}（{own_grade.value}）"
            message_en += f"; by the scoring policy {shown(own)} ({_grade_en(own_grade)})"
        yield checker.finding(
            join(prefix, "stated_total_score"),
            message_zh,
            message_en,
            expected=own,
            actual=stated,
        )
