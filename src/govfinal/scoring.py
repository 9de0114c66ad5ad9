"""Scoring policies for performance self-evaluation (绩效自评评分).

A published table states its scores; a :class:`ScoringPolicy` recomputes them,
so the checks can compare. :class:`StandardPolicy` follows the common practice
of 财预〔2020〕10号:

* **Execution** (预算执行率): ``score = weight × min(全年执行数 ÷ 全年预算数, 1)``.
* **Positive indicators** (≥, >, =): the full weight when the target is met,
  otherwise ``weight × actual ÷ target`` (never above the weight).
* **Reverse indicators** (≤, <): the full weight when met, otherwise reduced in
  proportion to the overshoot, ``weight × (1 − (actual − target) ÷ target)``,
  reaching 0 at twice the target.
* **Qualitative indicators**: a band of the weight by achievement — 达成
  80–100 %, 部分达成 60–80 %, 未达成 0–60 %. A stated score inside its band
  is accepted.
* **Total**: Σ of the scores. **Grades**: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60;
  the bands are configurable (:class:`GradeBands`), because provinces differ.

Scores are rounded half-up to 0.01 (:func:`round_score`), the precision
tables publish. A policy is any object with the methods of
:class:`ScoringPolicy`; write your own to follow another rule. Derive it from
:class:`BasePolicy` and write the three methods that score (execution, an
indicator, a grade): the base class gives the rest — the total, the wording
of a score in messages, and the score at other figures, which the checks use
to take a score over the rounding intervals of the published figures
(:mod:`govfinal.checks.scoring_intervals`).
"""

from __future__ import annotations

import abc
import enum
from decimal import Decimal
from typing import Protocol

import attrs

from govfinal import ratios
from govfinal.errors import GovFinalError
from govfinal.model.performance import (
    Achievement,
    Comparator,
    Funding,
    Indicator,
    SelfEvaluation,
)
from govfinal.money import CONTEXT, HUNDRED, ONE, ZERO, AmountLike, quantize_half_up, to_decimal

__all__ = [
    "SCORE_PRECISION",
    "BasePolicy",
    "Explanation",
    "Grade",
    "GradeBands",
    "ScoreBand",
    "ScoringPolicy",
    "StandardPolicy",
    "round_score",
]

SCORE_PRECISION = Decimal("0.01")
"""Published precision of scores (得分)."""


def round_score(value: Decimal) -> Decimal:
    """A score rounded half-up to 0.01.

    >>> round_score(Decimal("8.3333"))
    Decimal('8.33')
    """
    return quantize_half_up(value, SCORE_PRECISION)


class Grade(enum.Enum):
    """Performance grade (评价等级)."""

    EXCELLENT = "优"
    GOOD = "良"
    FAIR = "中"
    POOR = "差"


def _bound(value: AmountLike) -> Decimal:
    return to_decimal(value, what="grade bound")


@attrs.frozen
class GradeBands:
    """Lower bounds of the grades, in points out of 100.

    Attributes:
        excellent: lowest score graded 优 (90 by default).
        good: lowest score graded 良 (80).
        fair: lowest score graded 中 (60); below it, 差.

    """

    excellent: Decimal = attrs.field(default=Decimal(90), converter=_bound)
    good: Decimal = attrs.field(default=Decimal(80), converter=_bound)
    fair: Decimal = attrs.field(default=Decimal(60), converter=_bound)

    def grade(self, total: Decimal) -> Grade:
        """The grade of a total score.

        >>> GradeBands().grade(Decimal("73.59"))
        <Grade.FAIR: '中'>
        """
        if total >= self.excellent:
            return Grade.EXCELLENT
        if total >= self.good:
            return Grade.GOOD
        if total >= self.fair:
            return Grade.FAIR
        return Grade.POOR


@attrs.frozen
class ScoreBand:
    """The scores a policy accepts for one item: ``low ≤ score ≤ high``.

    A numeric indicator has ``low == high``; a qualitative one a band.
    ``point`` is the score the policy itself gives (used for totals).
    """

    low: Decimal
    high: Decimal
    point: Decimal

    def accepts(self, score: Decimal) -> bool:
        """Whether ``score`` lies within the band."""
        return self.low <= score <= self.high


@attrs.frozen
class Explanation:
    """How a policy arrives at a score, with its figures, as a finding's message gives it.

    Attributes:
        zh: in Chinese, e.g. ``10 × 10 ÷ 12 = 8.33`` or ``实际 58.95 ≤ 目标 96.41，得满分 12``.
        en: in English, e.g. ``actual 58.95 ≤ target 96.41: full weight 12``.

    """

    zh: str
    en: str


class ScoringPolicy(Protocol):
    """What a scoring policy provides. Scores are unrounded; callers round.

    :class:`BasePolicy` implements every method but the first three from
    those three.
    """

    def execution_score(self, funding: Funding) -> Decimal | None:
        """The score of budget execution, or ``None`` if it cannot be computed."""
        ...

    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        """The accepted scores of one indicator, or ``None`` if it cannot be scored."""
        ...

    def grade(self, total: Decimal) -> Grade:
        """The grade of a total score."""
        ...

    def total(self, evaluation: SelfEvaluation) -> Decimal | None:
        """The policy's total score of a table, or ``None`` if it gives none."""
        ...

    def explain_execution(self, funding: Funding, score: Decimal) -> Explanation:
        """How the policy arrives at ``score``, its :meth:`execution_score` of ``funding``."""
        ...

    def explain_indicator(self, indicator: Indicator, band: ScoreBand) -> Explanation:
        """How the policy arrives at ``band``, its :meth:`indicator_score` of ``indicator``."""
        ...

    def execution_score_with(
        self, funding: Funding, budget: Decimal, executed: Decimal
    ) -> Decimal | None:
        """:meth:`execution_score` with this 全年预算数 and 全年执行数 in the total row."""
        ...

    def indicator_score_with(
        self, indicator: Indicator, target: Decimal, actual: Decimal
    ) -> ScoreBand | None:
        """:meth:`indicator_score` of ``indicator`` had it this target and actual value."""
        ...


def _plain(value: Decimal) -> str:
    """A figure in plain notation, as messages write it (``1000``, never ``1E+3``)."""
    return format(value, "f")


class BasePolicy(abc.ABC):
    """A policy's defaults: derive from it and write the three scoring methods.

    The defaults, from the three: :meth:`total` adds up the scores;
    :meth:`explain_execution` and :meth:`explain_indicator` give the score
    (or a qualitative band); :meth:`execution_score_with` and
    :meth:`indicator_score_with` score a copy of the item with the other
    figures (``attrs.evolve``), ``None`` where the model refuses them (a
    negative 全年执行数). Override any of them: :class:`StandardPolicy` explains
    with its formulas, and scores at other figures without building copies.
    """

    __slots__ = ()

    @abc.abstractmethod
    def execution_score(self, funding: Funding) -> Decimal | None:
        """The score of budget execution, or ``None`` if it cannot be computed."""

    @abc.abstractmethod
    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        """The accepted scores of one indicator, or ``None`` if it cannot be scored."""

    @abc.abstractmethod
    def grade(self, total: Decimal) -> Grade:
        """The grade of a total score."""

    def total(self, evaluation: SelfEvaluation) -> Decimal | None:
        """Σ of the policy's scores, each rounded to 0.01; ``None`` if an item cannot be scored.

        Qualitative indicators count with their band's ``point`` (for
        :class:`StandardPolicy`, the stated score when it lies in the band,
        else the top of the band).
        """
        execution = self.execution_score(evaluation.funding)
        if execution is None:
            return None
        total = round_score(execution)
        for indicator in evaluation.indicators:
            band = self.indicator_score(indicator)
            if band is None:
                return None
            total = CONTEXT.add(total, round_score(band.point))
        return total

    def explain_execution(self, funding: Funding, score: Decimal) -> Explanation:
        """The score, rounded: ``6.04``."""
        point = _plain(round_score(score))
        return Explanation(point, point)

    def explain_indicator(self, indicator: Indicator, band: ScoreBand) -> Explanation:
        """The score, rounded (``8.33``); for a qualitative indicator, its band.

        >>> from govfinal.model.performance import Achievement
        >>> indicator = Indicator("效益指标", "社会效益指标", "满意度", Comparator.QUALITATIVE,
        ...                       weight=20, achievement=Achievement.PARTLY)
        >>> policy = StandardPolicy()
        >>> policy.explain_indicator(indicator, policy.indicator_score(indicator)).zh
        '部分达成，得分区间 12.00 至 16.00'
        """
        if indicator.is_qualitative:
            achievement = indicator.judged_achievement
            state_zh = "定性" if achievement is None else achievement.value
            state_en = "qualitative" if achievement is None else achievement.name.lower()
            low, high = _plain(round_score(band.low)), _plain(round_score(band.high))
            return Explanation(
                f"{state_zh}，得分区间 {low} 至 {high}",
                f"{state_en.replace('_', ' ')}, a score from {low} to {high}",
            )
        point = _plain(round_score(band.point))
        return Explanation(point, point)

    def execution_score_with(
        self, funding: Funding, budget: Decimal, executed: Decimal
    ) -> Decimal | None:
        """:meth:`execution_score` of a copy of ``funding`` with these amounts in its total row."""
        try:
            row = attrs.evolve(funding.total, full_year_budget=budget, executed=executed)
            other = attrs.evolve(funding, total=row)
        except GovFinalError:
            return None  # figures the model refuses (a negative amount): not scored there
        return self.execution_score(other)

    def indicator_score_with(
        self, indicator: Indicator, target: Decimal, actual: Decimal
    ) -> ScoreBand | None:
        """:meth:`indicator_score` of a copy of ``indicator`` with this target and actual value."""
        try:
            other = attrs.evolve(indicator, target=target, actual=actual)
        except GovFinalError:
            return None  # figures the model refuses: not scored there
        return self.indicator_score(other)


_QUALITATIVE_BANDS = {
    Achievement.ACHIEVED: (Decimal("0.8"), ONE),
    Achievement.PARTLY: (Decimal("0.6"), Decimal("0.8")),
    Achievement.NOT_ACHIEVED: (ZERO, Decimal("0.6")),
}


@attrs.frozen
class StandardPolicy(BasePolicy):
    """The default policy (财预〔2020〕10号 practice); see the module docstring.

    Messages spell out its formulas (:meth:`explain_indicator`,
    :meth:`explain_execution`); the checks score it at the corners of the
    figures' rounding intervals directly (:meth:`indicator_score_with`,
    :meth:`execution_score_with`), without building a copy of the item.

    Attributes:
        grades: the grade bands.
        reverse_zero_at: the multiple of the target at which a reverse
            indicator's score reaches 0 (2: twice the target).

    """

    grades: GradeBands = attrs.field(factory=GradeBands)
    reverse_zero_at: Decimal = attrs.field(default=Decimal(2), converter=_bound)

    def execution_score(self, funding: Funding) -> Decimal | None:
        """``weight × min(执行数 ÷ 预算数, 1)``; ``None`` without both amounts.

        >>> from govfinal.model.performance import FundingRow
        >>> funding = Funding(FundingRow("年度总资金", "96.41", "97.6", "58.95"), weight=10)
        >>> round_score(StandardPolicy().execution_score(funding))
        Decimal('6.04')
        """
        rate = funding.execution_rate
        if rate is None:
            return None
        return self.execution_score_at(funding.weight, rate)

    def execution_score_at(self, weight: Decimal, rate: Decimal) -> Decimal:
        """``weight × min(rate ÷ 100, 1)``, at least 0: the score of an execution rate (percent).

        >>> StandardPolicy().execution_score_at(Decimal(10), Decimal("60.4"))
        Decimal('6.040')
        """
        fraction = min(CONTEXT.divide(rate, HUNDRED), ONE)
        return CONTEXT.multiply(weight, max(fraction, ZERO))

    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        """The policy's score of one indicator (a band for qualitative ones)."""
        weight = indicator.weight
        if indicator.is_qualitative:
            return self._qualitative(indicator)
        target, actual = indicator.target, indicator.actual
        if target is None or actual is None:
            return None
        point = self.numeric_score(indicator.comparator, target, actual, weight)
        return ScoreBand(point, point, point)

    def numeric_score(
        self, comparator: Comparator, target: Decimal, actual: Decimal, weight: Decimal
    ) -> Decimal:
        """The score of a numeric indicator, unrounded, within ``[0, weight]``.

        >>> policy = StandardPolicy()
        >>> round_score(policy.numeric_score(Comparator.EQ, Decimal(12), Decimal(10), Decimal(10)))
        Decimal('8.33')
        >>> StandardPolicy().numeric_score(Comparator.LE, Decimal(100), Decimal(150), Decimal(10))
        Decimal('5.0')
        """
        if _met(comparator, target, actual):
            return weight
        if comparator.is_reverse:
            if target <= 0:
                return ZERO
            overshoot = CONTEXT.divide(CONTEXT.subtract(actual, target), target)
            span = CONTEXT.subtract(self.reverse_zero_at, ONE)
            fraction = CONTEXT.subtract(ONE, CONTEXT.divide(overshoot, span))
        else:
            if target <= 0:
                return ZERO
            fraction = CONTEXT.divide(actual, target)
        fraction = min(max(fraction, ZERO), ONE)
        return CONTEXT.multiply(weight, fraction)

    def _qualitative(self, indicator: Indicator) -> ScoreBand | None:
        achievement = indicator.judged_achievement
        if achievement is None:
            return None
        low, high = _QUALITATIVE_BANDS[achievement]
        weight = indicator.weight
        band_low, band_high = CONTEXT.multiply(weight, low), CONTEXT.multiply(weight, high)
        stated = indicator.score
        point = stated if stated is not None and band_low <= stated <= band_high else band_high
        return ScoreBand(band_low, band_high, point)

    def grade(self, total: Decimal) -> Grade:
        """The grade of a total, by :attr:`grades`."""
        return self.grades.grade(total)

    def execution_score_with(
        self, funding: Funding, budget: Decimal, executed: Decimal
    ) -> Decimal | None:
        """:meth:`execution_score` with these amounts, computed from them (no copy is built).

        >>> from govfinal.model.performance import FundingRow
        >>> funding = Funding(FundingRow("年度总资金", "96.41", "97.6", "58.95"), weight=10)
        >>> StandardPolicy().execution_score_with(funding, Decimal(100), Decimal(80))
        Decimal('8.0')
        """
        rate = ratios.execution_rate_of(budget, executed)
        return self.execution_score_at(funding.weight, rate)

    def indicator_score_with(
        self, indicator: Indicator, target: Decimal, actual: Decimal
    ) -> ScoreBand | None:
        """:meth:`indicator_score` with this target and actual, computed from them (no copy)."""
        if indicator.comparator is Comparator.QUALITATIVE:
            return self._qualitative(indicator)  # a band by achievement: the figures do not count
        point = self.numeric_score(indicator.comparator, target, actual, indicator.weight)
        return ScoreBand(point, point, point)

    def explain_execution(self, funding: Funding, score: Decimal) -> Explanation:
        """``weight × 执行数 ÷ 预算数 = score``, or the full weight when fully executed.

        >>> from govfinal.model.performance import FundingRow
        >>> funding = Funding(FundingRow("年度总资金", "96.41", "97.6", "58.95"), weight=10)
        >>> policy = StandardPolicy()
        >>> policy.explain_execution(funding, policy.execution_score(funding)).en
        '10 × 58.95 ÷ 97.6 = 6.04'
        """
        budget, executed = funding.total.full_year_budget, funding.total.executed
        if budget is None or executed is None:
            return super().explain_execution(funding, score)
        point = _plain(round_score(score))
        full, spent, planned = _plain(funding.weight), _plain(executed), _plain(budget)
        if budget > 0 and executed >= budget:
            return Explanation(
                f"执行数 {spent} ≥ 预算数 {planned}，得满分 {full}",
                f"executed {spent} ≥ budget {planned}: full weight {full}",
            )
        if budget.is_zero():
            return Explanation(f"预算数为 0，得 {point}", f"a zero budget: {point}")
        formula = f"{full} × {spent} ÷ {planned}"
        return Explanation(f"{formula} = {point}", f"{formula} = {point}")

    def explain_indicator(self, indicator: Indicator, band: ScoreBand) -> Explanation:
        """The formula of a numeric indicator with its figures; a qualitative one's band.

        >>> indicator = Indicator("产出指标", "数量指标", "发放次数", Comparator.EQ,
        ...                       target=12, actual=10, weight=10)
        >>> policy = StandardPolicy()
        >>> policy.explain_indicator(indicator, policy.indicator_score(indicator)).zh
        '10 × 10 ÷ 12 = 8.33'
        """
        target, actual = indicator.target, indicator.actual
        if indicator.is_qualitative or target is None or actual is None:
            return super().explain_indicator(indicator, band)
        weight, comparator = indicator.weight, indicator.comparator
        score = band.point
        point = round_score(score)
        got, goal, full = _plain(actual), _plain(target), _plain(weight)
        if score == weight:
            sign = "=" if actual == target else "≤" if comparator.is_reverse else "≥"
            return Explanation(
                f"实际 {got} {sign} 目标 {goal}，得满分 {full}",
                f"actual {got} {sign} target {goal}: full weight {full}",
            )
        if target <= 0:
            return Explanation(
                f"实际 {got} 未达目标 {goal}，得 0", f"actual {got} misses target {goal}: 0"
            )
        if comparator.is_reverse:
            span = CONTEXT.subtract(self.reverse_zero_at, ONE)
            over = f" ÷ {_plain(span)}" if span != ONE else ""
            formula = f"{full} × (1 − ({got} − {goal}) ÷ {goal}{over})"
        else:
            formula = f"{full} × {got} ÷ {goal}"
        if point.is_zero():
            return Explanation(f"{formula} ≤ 0，得 0", f"{formula} ≤ 0: 0")
        return Explanation(f"{formula} = {_plain(point)}", f"{formula} = {_plain(point)}")


def _met(comparator: Comparator, target: Decimal, actual: Decimal) -> bool:
    # An if-chain, not a dict of all six comparisons: this runs at every corner
    # of every indicator's intervals (check S803), and only one comparison is needed.
    if comparator is Comparator.GE:
        return actual >= target
    if comparator is Comparator.GT:
        return actual > target
    if comparator is Comparator.EQ:
        return actual == target
    if comparator is Comparator.LE:
        return actual <= target
    if comparator is Comparator.LT:
        return actual < target
    if comparator is Comparator.QUALITATIVE:
        return False
    raise KeyError(comparator)
