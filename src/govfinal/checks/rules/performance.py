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
the intervals its operands stand for (:func:`~govfinal.checks.tolerance.ratio_range`)
and the stated score is accepted when some value in that range rounds to it at
the stated score's own precision. Scores deviating from the policy are
warnings: a policy is a convention, not an identity.

Weights (分值) and the counts of tables are exact figures and must agree exactly.
Paths start at ``performance.evaluations[i]``, e.g.
``performance.evaluations[1].indicators[1].score``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs

from govfinal import ratios
from govfinal.checks.checker import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import Term, percent_half_width, ratio_range, rounds_to, shown
from govfinal.errors import GovFinalError
from govfinal.model.performance import (
    EvaluationKind,
    Funding,
    FundingRow,
    Indicator,
    SelfEvaluation,
)
from govfinal.model.report import FinalAccount
from govfinal.money import CONTEXT, HUNDRED, ONE, ZERO, to_decimal
from govfinal.scoring import Grade, ScoreBand, ScoringPolicy, StandardPolicy, round_score

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


def evaluation_path(index: int) -> str:
    """The path of a self-evaluation table, e.g. ``performance.evaluations[1]``."""
    return f"performance.evaluations[{index}]"


def evaluation_title(evaluation: SelfEvaluation) -> tuple[str, str]:
    """How a table is named in messages: ``整体支出绩效自评`` or ``项目支出绩效自评（名称）``."""
    if evaluation.kind is EvaluationKind.DEPARTMENT:
        return "整体支出绩效自评", "department self-evaluation"
    return f"项目支出绩效自评（{evaluation.name}）", f"project self-evaluation ({evaluation.name})"


def _evaluations(report: FinalAccount) -> Iterator[tuple[str, SelfEvaluation]]:
    """Each table with its path, in the report's order."""
    for index, evaluation in enumerate(report.performance.evaluations):
        yield evaluation_path(index), evaluation


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
            f"{prefix}.funding.stated_score",
            (_EXECUTION_ZH, f"score of {_EXECUTION_EN}"),
            funding.stated_score,
        )
    ]
    for index, indicator in enumerate(evaluation.indicators):
        if indicator.score is None:
            return None
        path = f"{prefix}.indicators[{index}].score"
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
        (f"{prefix}.funding.weight", _EXECUTION_ZH, _EXECUTION_EN, evaluation.funding.weight),
        *(
            (f"{prefix}.indicators[{index}].weight", i.name, i.name, i.weight)
            for index, i in enumerate(evaluation.indicators)
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
            f"{prefix}.total_weight",
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
        f"{prefix}.stated_total_weight",
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
            f"{prefix}.stated_total_score",
            (f"{title_zh} 总分", f"total score of the {title_en}"),
            evaluation.stated_total_score,
        )
        derived = checker.figures.total(
            scores, f"{prefix}.published_scores_total", ("得分合计", "scores")
        )
        yield checker.equal(stated, derived)


# -- scores against the policy -------------------------------------------------------


def _policy_range(
    score_at: Callable[[Decimal, Decimal], ScoreBand | None],
    operands: Sequence[Term],
    center: ScoreBand,
) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest score the policy gives over the operands' intervals.

    ``score_at`` scores ``(denominator, other)``; the first operand is the
    denominator of the policy's ratio (the target, or the budget). ``None``
    when the denominator's interval straddles zero (nothing can be refuted).
    """
    # Both bounds evaluate the policy at the same points (the published values
    # and the corners of their intervals): score each point once. The published
    # point is ``center`` already. Keys are the operand values themselves.
    bands: dict[tuple[Decimal, Decimal], ScoreBand | None] = {
        (operands[0].value, operands[1].value): center
    }

    def band_at(first: Decimal, second: Decimal) -> ScoreBand | None:
        key = (first, second)
        if key not in bands:
            bands[key] = score_at(first, second)
        return bands[key]

    def bound(pick: Callable[[ScoreBand], Decimal]) -> Callable[..., Decimal]:
        def at(first: Decimal, second: Decimal) -> Decimal:
            band = band_at(first, second)
            return pick(center if band is None else band)

        return at

    lowest = ratio_range(bound(lambda band: band.low), operands, operands[0])
    highest = ratio_range(bound(lambda band: band.high), operands, operands[0])
    if not lowest.bounded:
        return None
    return lowest.low, highest.high


def _numeric_formula(
    policy: StandardPolicy, indicator: Indicator, target: Decimal, actual: Decimal
) -> tuple[str, str]:
    """How :class:`StandardPolicy` scores a numeric indicator, with its figures."""
    weight, comparator = indicator.weight, indicator.comparator
    score = policy.numeric_score(comparator, target, actual, weight)
    point = round_score(score)
    got, goal, full = shown(actual), shown(target), shown(weight)
    if score == weight:
        sign = "=" if actual == target else "≤" if comparator.is_reverse else "≥"
        return (
            f"实际 {got} {sign} 目标 {goal}，得满分 {full}",
            f"actual {got} {sign} target {goal}: full weight {full}",
        )
    if target <= 0:
        return (
            f"实际 {got} 未达目标 {goal}，得 0",
            f"actual {got} misses target {goal}: 0",
        )
    if comparator.is_reverse:
        span = CONTEXT.subtract(policy.reverse_zero_at, ONE)
        over = f" ÷ {shown(span)}" if span != ONE else ""
        formula = f"{full} × (1 − ({got} − {goal}) ÷ {goal}{over})"
    else:
        formula = f"{full} × {got} ÷ {goal}"
    if point.is_zero():
        return f"{formula} ≤ 0，得 0", f"{formula} ≤ 0: 0"
    return f"{formula} = {shown(point)}", f"{formula} = {shown(point)}"


@attrs.frozen
class _Judgement:
    """What a policy says of one stated score.

    Attributes:
        accepted: whether the stated score is one the policy gives.
        expected: the policy's own score, rounded (``None`` for a band).
        zh: how the policy scores the item, in Chinese, with its figures.
        en: the same in English.

    """

    accepted: bool
    expected: Decimal | None
    zh: str
    en: str


def _judge_indicator(
    checker: Checker, prefix: str, indicator: Indicator, stated: Decimal
) -> _Judgement | None:
    """The policy's judgement of an indicator's stated score; ``None`` if it cannot score it."""
    policy = checker.options.scoring
    center = policy.indicator_score(indicator)
    if center is None:
        return None
    if indicator.is_qualitative:
        achievement = indicator.judged_achievement
        state_zh = "定性" if achievement is None else achievement.value
        state_en = "qualitative" if achievement is None else achievement.name.lower()
        low, high = shown(round_score(center.low)), shown(round_score(center.high))
        return _Judgement(
            center.accepts(stated),
            None,
            f"{state_zh}，得分区间 {low} 至 {high}",
            f"{state_en.replace('_', ' ')}, a score from {low} to {high}",
        )
    target, actual = indicator.target, indicator.actual
    if target is None or actual is None:
        return None
    operands = [
        checker.figures.amount(f"{prefix}.target", ("目标值", "target"), target),
        checker.figures.amount(f"{prefix}.actual", ("实际完成值", "actual"), actual),
    ]

    def score_at(first: Decimal, second: Decimal) -> ScoreBand | None:
        if not _amounts(first, second):
            return None  # a rounding corner beyond the model's bounds: not scored there
        if type(policy) is StandardPolicy:
            # What StandardPolicy.indicator_score gives the indicator evolved to
            # (first, second), without building it: a numeric indicator (as this
            # one is) scores numeric_score.
            point = policy.numeric_score(indicator.comparator, first, second, indicator.weight)
            return ScoreBand(point, point, point)
        return policy.indicator_score(attrs.evolve(indicator, target=first, actual=second))

    span = _policy_range(score_at, operands, center)
    point = round_score(center.point)
    if isinstance(policy, StandardPolicy):
        zh, en = _numeric_formula(policy, indicator, target, actual)
    else:
        zh = en = shown(point)
    return _Judgement(span is None or rounds_to(stated, *span), point, zh, en)


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
    for prefix, evaluation in _evaluations(report):
        title_zh, title_en = evaluation_title(evaluation)
        for index, indicator in enumerate(evaluation.indicators):
            stated = indicator.score
            if stated is None:
                continue
            path = f"{prefix}.indicators[{index}]"
            judged = _judge_indicator(checker, path, indicator, stated)
            if judged is None or judged.accepted:
                continue
            yield checker.finding(
                f"{path}.score",
                f"{title_zh}：{indicator.name} 得分 {shown(stated)}，按评分规则 {judged.zh}",
                f"{title_en}: {indicator.name} scored {shown(stated)};"
                f" the scoring policy gives {judged.en}",
                expected=judged.expected,
                actual=stated,
                tolerance=percent_half_width(stated),
                related=[f"{path}.target", f"{path}.actual", f"{path}.weight"],
            )


def _execution_at(
    policy: ScoringPolicy, funding: Funding
) -> Callable[[Decimal, Decimal], ScoreBand | None]:
    """The policy's execution score of ``funding`` at another (budget, executed) pair."""

    def score_at(budget: Decimal, executed: Decimal) -> ScoreBand | None:
        if not _amounts(budget, executed):
            return None  # a rounding corner beyond the model's bounds: not scored there
        if type(policy) is StandardPolicy:
            # StandardPolicy.execution_score of the funding evolved to (budget,
            # executed), without building it (see _judge_indicator).
            rate = ratios.execution_rate_of(budget, executed)
            direct = policy.execution_score_at(funding.weight, rate)
            return ScoreBand(direct, direct, direct)
        row = attrs.evolve(funding.total, full_year_budget=budget, executed=executed)
        score = policy.execution_score(attrs.evolve(funding, total=row))
        return None if score is None else ScoreBand(score, score, score)

    return score_at


def _amounts(*values: Decimal) -> bool:
    """Whether the model's amount converters accept each value (as ``attrs.evolve`` would ask)."""
    try:
        for value in values:
            to_decimal(value)
    except GovFinalError:
        return False
    return True


def _judge_execution(
    checker: Checker, prefix: str, funding: Funding, stated: Decimal
) -> _Judgement | None:
    """The policy's judgement of the stated execution score; ``None`` if it cannot score it."""
    policy = checker.options.scoring
    budget, executed = funding.total.full_year_budget, funding.total.executed
    score = policy.execution_score(funding)
    if budget is None or executed is None or score is None:
        return None
    operands = [
        checker.figures.amount(
            f"{prefix}.funding.total.full_year_budget", ("全年预算数", "budget"), budget
        ),
        checker.figures.amount(
            f"{prefix}.funding.total.executed", ("全年执行数", "executed"), executed
        ),
    ]
    center = ScoreBand(score, score, score)
    span = _policy_range(_execution_at(policy, funding), operands, center)
    point = round_score(score)
    if isinstance(policy, StandardPolicy):
        zh, en = _execution_formula(policy, funding, budget, executed)
    else:
        zh = en = shown(point)
    return _Judgement(span is None or rounds_to(stated, *span), point, zh, en)


def _execution_formula(
    policy: StandardPolicy, funding: Funding, budget: Decimal, executed: Decimal
) -> tuple[str, str]:
    """How :class:`StandardPolicy` scores budget execution, with its figures."""
    score = policy.execution_score(funding)
    point = shown(ZERO if score is None else round_score(score))
    full, spent, planned = shown(funding.weight), shown(executed), shown(budget)
    if budget > 0 and executed >= budget:
        return (
            f"执行数 {spent} ≥ 预算数 {planned}，得满分 {full}",
            f"executed {spent} ≥ budget {planned}: full weight {full}",
        )
    if budget.is_zero():
        return f"预算数为 0，得 {point}", f"a zero budget: {point}"
    formula = f"{full} × {spent} ÷ {planned}"
    return f"{formula} = {point}", f"{formula} = {point}"


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
    for prefix, evaluation in _evaluations(report):
        funding = evaluation.funding
        stated = funding.stated_score
        if stated is None:
            continue
        judged = _judge_execution(checker, prefix, funding, stated)
        if judged is None or judged.accepted:
            continue
        title_zh, title_en = evaluation_title(evaluation)
        yield checker.finding(
            f"{prefix}.funding.stated_score",
            f"{title_zh}：{_EXECUTION_ZH}得分 {shown(stated)}，按评分规则 {judged.zh}",
            f"{title_en}: execution scored {shown(stated)}; the scoring policy gives {judged.en}",
            expected=judged.expected,
            actual=stated,
            tolerance=percent_half_width(stated),
            related=[
                f"{prefix}.funding.total.full_year_budget",
                f"{prefix}.funding.total.executed",
                f"{prefix}.funding.weight",
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
                    f"{prefix}.funding.sources[{index}].{field}",
                    (f"{_row_name(row)}{zh}", f"{en} of {_row_name(row)}"),
                    value,
                )
                for index, row in enumerate(funding.sources)
                if (value := getattr(row, field)) is not None
            ]
            if not parts:
                continue
            stated = checker.figures.amount(
                f"{prefix}.funding.total.{field}",
                (f"{title_zh} {total_name}{zh}", f"total {en} of the {title_en}"),
                total,
            )
            derived = checker.figures.sum(parts, f"{prefix}.funding.sources", (zh, en))
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
            f"{prefix}.funding.total.full_year_budget", ("全年预算数", "full-year budget"), budget
        )
        executed_term = checker.figures.amount(
            f"{prefix}.funding.total.executed", ("全年执行数", "executed amount"), executed
        )
        title_zh, title_en = evaluation_title(evaluation)
        yield checker.rate(
            f"{prefix}.funding.stated_execution_rate",
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
            f"{prefix}.funding.total.executed",
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
        f"{prefix}.completion_spending.total",
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
                f"{prefix}.funding.total.executed",
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
            checker.figures.keyed(f"{prefix}.completion_spending.basic", "basic", basic),
            checker.figures.keyed(f"{prefix}.completion_spending.project", "project", project),
        ]
        yield checker.equal(
            _completion_total(checker, prefix, evaluation, total),
            checker.figures.total(
                parts, f"{prefix}.completion_spending", ("实际完成支出", "spending")
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
                f"{prefix}.funding",
                _EXECUTION_ZH,
                _EXECUTION_EN,
                funding.stated_score,
                funding.weight,
                "stated_score",
            ),
            *(
                (f"{prefix}.indicators[{index}]", i.name, i.name, i.score, i.weight, "score")
                for index, i in enumerate(evaluation.indicators)
            ),
        ]
        title_zh, title_en = evaluation_title(evaluation)
        for owner, zh, en, score, weight, field in items:
            if score is None:
                continue
            stated = checker.figures.amount(
                f"{owner}.{field}", (f"{title_zh} {zh}得分", f"{title_en}: score of {en}"), score
            )
            if score < 0:
                yield checker.finding(
                    stated.path,
                    f"{stated.label_zh} 为负数 {shown(score)}",
                    f"{stated.label_en} is negative: {shown(score)}",
                    expected=ZERO,
                    actual=score,
                    related=[f"{owner}.weight"],
                )
                continue
            yield checker.at_most(
                stated,
                checker.figures.unrounded(f"{owner}.weight", (f"{zh}分值", f"weight of {en}"), weight),
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
            f"{prefix}.funding.total.{field}",
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
    return checker.figures.sum(parts, "performance.evaluations", (labels[0], labels[1]))


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
            related=["performance.evaluations"],
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
        own = _policy_total(policy, evaluation)
        if own is not None:
            own_grade = policy.grade(own)
            message_zh += f"；按评分规则 {shown(own)}（{own_grade.value}）"
            message_en += f"; by the scoring policy {shown(own)} ({_grade_en(own_grade)})"
        yield checker.finding(
            f"{prefix}.stated_total_score",
            message_zh,
            message_en,
            expected=own,
            actual=stated,
        )


def _policy_total(policy: object, evaluation: SelfEvaluation) -> Decimal | None:
    """The policy's own total of a table, if the policy computes totals (``policy.total``)."""
    total = getattr(policy, "total", None)
    if not callable(total):
        return None
    value = total(evaluation)
    return value if isinstance(value, Decimal) else None
