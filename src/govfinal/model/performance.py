"""预算绩效: budget performance, its self-evaluation tables and the narrative summary.

Two standard tables evaluate performance (绩效自评表): the 部门（单位）整体支出
绩效自评表 for the whole unit, and a 项目支出绩效自评表 for each project. Each
has its funding by source with an execution score, the overall goal and its
completion, and indicators in three levels (一级/二级/三级指标), each with a
target, an actual value, a weight (分值权重) and a published score (得分).
:class:`PerformanceSummary` is narrative section 十一 and holds the tables.

Scores are published data; :mod:`govfinal.scoring` recomputes them by a
stated policy, and the checks compare the two. Invariants (checked, not
enforced): weights add up to 100; the published scores add up to the
published total; the funding rows add up to the total row.

Invariant (enforced): budgets, execution amounts, rates, weights and scores
are never negative (a negative one is refused, the class and field named).
An indicator's target and actual value may be: an indicator can measure a
decrease.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal import ratios
from govfinal.model._fields import (
    count,
    distinct,
    located,
    non_negative_amount,
    optional_amount,
    optional_count,
    optional_non_negative_amount,
    optional_non_negative_percent,
)
from govfinal.money import ZERO, sum_amounts

__all__ = [
    "DEPARTMENT_SCHEME",
    "OUTPUT_SCHEME",
    "Achievement",
    "Comparator",
    "CompletionSpending",
    "EvaluationKind",
    "Funding",
    "FundingRow",
    "GradeCount",
    "Indicator",
    "PerformanceSummary",
    "SelfEvaluation",
]

OUTPUT_SCHEME: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("满意度指标",),
}
"""The usual indicator scheme of project tables: 一级指标 → its 二级指标."""

DEPARTMENT_SCHEME: dict[str, tuple[str, ...]] = {
    "运行成本": ("经济成本指标", "成本指标", "质量指标"),
    "管理效率": ("预算执行", "质量指标", "管理规范"),
    "履职效能": ("数量指标", "质量指标", "时效指标"),
    "社会效益": ("社会效益指标", "质量指标"),
    "服务对象满意度": ("满意度指标",),
}
"""The scheme of department tables the 2023 seed uses (一级指标 → usual 二级指标).

Level names are free text in :class:`Indicator`; the schemes document the
common ones and are not enforced.
"""


class Comparator(enum.Enum):
    """How an indicator's actual value is compared with its target (指标值符号)."""

    GE = "≥"
    GT = ">"
    EQ = "="
    LE = "≤"
    LT = "<"
    QUALITATIVE = "定性"

    @property
    def is_reverse(self) -> bool:
        """True for 反向指标 (≤, <): lower is better."""
        return self in {Comparator.LE, Comparator.LT}

    @property
    def ascii(self) -> str:
        """The sign as the tables often print it: ``>=``, ``<=``, ``=``…"""
        return {"≥": ">=", "≤": "<="}.get(self.value, self.value)

    @classmethod
    def parse(cls, sign: str) -> Comparator:
        """A comparator from its printed sign: ``≥``, ``>=``, ``＞``, ``定性``…"""
        text = sign.strip().replace("＞", ">").replace("＜", "<").replace("＝", "=")
        aliases = {">=": "≥", "<=": "≤", "": "定性"}
        try:
            return cls(aliases.get(text, text))
        except ValueError:
            raise ValueError(f"{sign!r} is not an indicator comparator") from None


class Achievement(enum.Enum):
    """How far a qualitative indicator was achieved (定性指标完成情况)."""

    ACHIEVED = "达成"
    PARTLY = "部分达成"
    NOT_ACHIEVED = "未达成"


class EvaluationKind(enum.Enum):
    """Which self-evaluation table."""

    DEPARTMENT = "部门（单位）整体支出绩效自评表"
    PROJECT = "项目支出绩效自评表"


@located
@attrs.frozen
class Indicator:
    """One 三级指标 of a self-evaluation table.

    Attributes:
        level1: 一级指标, e.g. 产出指标 or 履职效能.
        level2: 二级指标, e.g. 数量指标.
        name: 三级指标, e.g. 发放人数.
        comparator: ≥, >, =, ≤, < or qualitative.
        target: 年度指标值 / 预期指标值 as a number (``None`` if qualitative).
        unit: the unit printed after the values (``%``, ``人``, ``万元``, ``元/月``…).
        actual: 实际完成值 as a number (``None`` if qualitative).
        weight: 分值 / 分值权重.
        score: 得分 as published.
        basis: 指标值设定依据.
        target_text: the target as printed when it is not a number (e.g. ``有效``).
        actual_text: the actual value as printed when it is not a number.
        achievement: for a qualitative indicator, how far it was achieved; if
            ``None``, an actual text equal to the target text counts as achieved.
        deviation: 偏差原因分析及改进措施.

    """

    level1: str
    level2: str
    name: str
    comparator: Comparator = attrs.field(validator=attrs.validators.instance_of(Comparator))
    target: Decimal | None = attrs.field(default=None, converter=optional_amount)
    unit: str = ""
    actual: Decimal | None = attrs.field(default=None, converter=optional_amount)
    weight: Decimal = attrs.field(default=ZERO, converter=non_negative_amount)
    score: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    basis: str | None = None
    target_text: str | None = None
    actual_text: str | None = None
    achievement: Achievement | None = None
    deviation: str | None = None

    @property
    def is_qualitative(self) -> bool:
        """True when the indicator has no numeric target (定性指标)."""
        return self.comparator is Comparator.QUALITATIVE or self.target is None

    @property
    def judged_achievement(self) -> Achievement | None:
        """The stated achievement, else 达成 when the actual text equals the target text."""
        if self.achievement is not None:
            return self.achievement
        if self.target_text is not None and self.actual_text is not None:
            same = self.target_text.strip() == self.actual_text.strip()
            return Achievement.ACHIEVED if same else None
        return None


@located
@attrs.frozen
class FundingRow:
    """One row of a table's funding block (资金来源).

    Attributes:
        label: the row as printed, e.g. 年度总资金, 中央安排, 县（市、区）安排, 其他资金.
        initial_budget: 年初预算数.
        full_year_budget: 全年预算数.
        executed: 全年执行数.

    """

    label: str
    initial_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    full_year_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    executed: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)


def _rows(values: Iterable[FundingRow]) -> tuple[FundingRow, ...]:
    return tuple(values)


@located
@attrs.frozen
class Funding:
    """The funding block of a self-evaluation table, with its execution score.

    Attributes:
        total: 年度总资金, the total row (年度总资金 / 年度资金总额).
        sources: the rows by source (中央, 自治区/省, 地（州、市）, 县（市、区）,
            其他; or 当年财政拨款 and 其他资金).
        weight: 分值权重 of budget execution.
        stated_execution_rate: 执行率 as published, in percent.
        stated_score: 得分 as published.

    """

    total: FundingRow
    sources: tuple[FundingRow, ...] = attrs.field(
        default=(), converter=_rows, validator=distinct("label")
    )
    weight: Decimal = attrs.field(default=Decimal(10), converter=non_negative_amount)
    stated_execution_rate: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_percent
    )
    stated_score: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)

    @property
    def execution_rate(self) -> Decimal | None:
        """执行率 = 全年执行数 ÷ 全年预算数 × 100 (percent, unrounded)."""
        budget, executed = self.total.full_year_budget, self.total.executed
        if budget is None or executed is None:
            return None
        return ratios.execution_rate_of(budget, executed)


@located
@attrs.frozen
class CompletionSpending:
    """The spending a completion statement gives (实际完成情况: 实际完成支出 X 万元，其中…).

    Attributes:
        total: 合计, the spending stated in total.
        basic: 基本支出, of it: basic (running) expenditure.
        project: 项目支出, of it: project expenditure.

    """

    total: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    basic: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    project: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)


def _indicators(values: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(values)


@located
@attrs.frozen
class SelfEvaluation:
    """A 绩效自评表: the department's whole spending, or one project.

    Attributes:
        kind: department or project table.
        name: 部门（单位）名称 or 项目名称.
        funding: 资金来源, the funding block with its execution score.
        indicators: the 三级指标, in table order.
        goal: 年度总体目标 — 预期目标.
        completion: 实际完成情况, as published.
        completion_spending: 实际完成情况所列支出, the spending figures the completion
            statement gives.
        department: 主管部门.
        implementer: 实施单位.
        stated_total_score: 总分 / 得分合计 as published.
        stated_total_weight: 分值合计, the 分值 total as published (usually 100).
        year: 年度 of the table.

    """

    kind: EvaluationKind = attrs.field(validator=attrs.validators.instance_of(EvaluationKind))
    name: str
    funding: Funding
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_indicators, validator=distinct("name")
    )
    goal: str = ""
    completion: str = ""
    completion_spending: CompletionSpending | None = None
    department: str | None = None
    implementer: str | None = None
    stated_total_score: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    stated_total_weight: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    year: int | None = None

    @property
    def total_weight(self) -> Decimal:
        """分值权重 of the funding block plus those of every indicator."""
        return sum_amounts((self.funding.weight, *(i.weight for i in self.indicators)))

    @property
    def published_scores_total(self) -> Decimal | None:
        """Σ of the published scores (funding and indicators); ``None`` if any is missing."""
        scores = (self.funding.stated_score, *(i.score for i in self.indicators))
        if any(score is None for score in scores):
            return None
        return sum_amounts(score for score in scores if score is not None)


def _evaluations(values: Iterable[SelfEvaluation]) -> tuple[SelfEvaluation, ...]:
    return tuple(values)


@located
@attrs.frozen
class GradeCount:
    """The number of self-evaluated projects given one grade (绩效评级为“优”的项目 N 个).

    Attributes:
        grade: the grade as the report names it (优, 良, 中, 差; the Shanghai
            template grades 优, 良, 合格, 不合格).
        count: 项目数, the number of projects.

    """

    grade: str = attrs.field(validator=attrs.validators.instance_of(str))
    count: int = attrs.field(converter=count)


def _grade_counts(values: Iterable[GradeCount]) -> tuple[GradeCount, ...]:
    return tuple(values)


@located
@attrs.frozen
class PerformanceSummary:
    """十一、预算绩效的情况说明, and the self-evaluation tables it introduces.

    Attributes:
        department_evaluations: 整体支出绩效自评表数, the number of
            部门（单位）整体支出绩效自评表.
        department_budget: 全年预算总额 covered by the department evaluation.
        department_executed: 实际执行总额.
        project_evaluations: 绩效评价项目数, the number of projects evaluated
            (预算绩效评价项目).
        project_budget: 评价项目全年预算数, their 全年预算数.
        project_executed: 评价项目全年执行数, their 全年执行数.
        achievements: 取得的成效, as published.
        problems: 发现的问题及原因, as published.
        improvements: 下一步改进措施, as published.
        evaluations: the self-evaluation tables, department table first.
        target_projects: 编报绩效目标的项目数.
        target_budget: 编报绩效目标的项目涉及预算金额.
        tracked_projects: 绩效跟踪评价的项目数.
        tracked_budget: 绩效跟踪评价的项目涉及预算金额.
        evaluated_projects: 绩效自评的项目数.
        evaluated_budget: 绩效自评的项目涉及预算金额.
        average_score: 绩效自评平均得分.
        grade_counts: 绩效评级项目数, the self-evaluated projects by grade
            (绩效评级), one grade once, in the order published.
        problems_found: 绩效自评发现问题数.
        problems_fixed: 已经完成整改的问题数.
        problems_fixing: 正在整改的问题数.

    """

    department_evaluations: int = attrs.field(default=0, converter=count)
    department_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    department_executed: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    project_evaluations: int = attrs.field(default=0, converter=count)
    project_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    project_executed: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    achievements: str = ""
    problems: str = ""
    improvements: str = ""
    evaluations: tuple[SelfEvaluation, ...] = attrs.field(
        default=(), converter=_evaluations, validator=distinct("name")
    )
    target_projects: int | None = attrs.field(default=None, converter=optional_count)
    target_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    tracked_projects: int | None = attrs.field(default=None, converter=optional_count)
    tracked_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    evaluated_projects: int | None = attrs.field(default=None, converter=optional_count)
    evaluated_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    average_score: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    grade_counts: tuple[GradeCount, ...] = attrs.field(
        default=(), converter=_grade_counts, validator=distinct("grade")
    )
    problems_found: int | None = attrs.field(default=None, converter=optional_count)
    problems_fixed: int | None = attrs.field(default=None, converter=optional_count)
    problems_fixing: int | None = attrs.field(default=None, converter=optional_count)

    def of_kind(self, kind: EvaluationKind) -> tuple[SelfEvaluation, ...]:
        """The tables of one kind, in order."""
        return tuple(e for e in self.evaluations if e.kind is kind)

    @property
    def department_execution_rate(self) -> Decimal | None:
        """执行率 of the department's whole budget, in percent (unrounded)."""
        if self.department_budget is None or self.department_executed is None:
            return None
        return ratios.execution_rate_of(self.department_budget, self.department_executed)

    @property
    def project_execution_rate(self) -> Decimal | None:
        """执行率 of the evaluated projects, in percent (unrounded)."""
        if self.project_budget is None or self.project_executed is None:
            return None
        return ratios.execution_rate_of(self.project_budget, self.project_executed)
