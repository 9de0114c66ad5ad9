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
:class:`ScoringPolicy`; write your own to follow another rule.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Protocol

import attrs

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


class ScoringPolicy(Protocol):
    """What a scoring policy provides. Scores are unrounded; callers round."""

    def execution_score(self, funding: Funding) -> Decimal | None:
        """The score of budget execution, or ``None`` if it cannot be computed."""
        ...

    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        """The accepted scores of one indicator, or ``None`` if it cannot be scored."""
        ...

    def grade(self, total: Decimal) -> Grade:
        """The grade of a total score."""
        ...


_QUALITATIVE_BANDS = {
    Achievement.ACHIEVED: (Decimal("0.8"), ONE),
    Achievement.PARTLY: (Decimal("0.6"), Decimal("0.8")),
    Achievement.NOT_ACHIEVED: (ZERO, Decimal("0.6")),
}


@attrs.frozen
class StandardPolicy:
    """The default policy (财预〔2020〕10号 practice); see the module docstring.

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

    def total(self, evaluation: SelfEvaluation) -> Decimal | None:
        """Σ of the policy's scores, each rounded to 0.01; ``None`` if an item cannot be scored.

        Qualitative indicators count with their stated score when it lies in
        the band, else with the top of the band.
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
