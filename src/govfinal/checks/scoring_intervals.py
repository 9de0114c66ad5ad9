"""Published scores against a scoring policy, over the intervals of the published figures.

A policy (:class:`~govfinal.scoring.ScoringPolicy`) recomputes a score from
published figures — an indicator's target and actual value (S803), a table's
全年预算数 and 全年执行数 (S804) — and each figure stands for the interval of its
rounding (:class:`~govfinal.checks.tolerance.Term`). The policy's score is
therefore taken over those intervals: the policy is evaluated at the corners
(:func:`~govfinal.checks.tolerance.ratio_range`, the first operand being the
denominator of its ratio), and a stated score is accepted when some value in
the range rounds to it at the stated score's own precision
(:func:`~govfinal.checks.tolerance.rounds_to`). A qualitative indicator has a
band by achievement instead; a stated score inside it is accepted.

The policy is asked for everything: its score at the published figures, its
score at the corners (``*_score_with``) and how it explains the score
(``explain_*``). A corner the model's amounts cannot hold (beyond their
bounds) is not scored; the published point stands for it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs

from govfinal.checks.tolerance import Term, ratio_range, rounds_to
from govfinal.errors import GovFinalError
from govfinal.model.performance import Funding, Indicator
from govfinal.money import to_decimal
from govfinal.scoring import Explanation, ScoreBand, ScoringPolicy, round_score

__all__ = ["Judgement", "judge_execution", "judge_indicator", "score_range"]


@attrs.frozen
class Judgement:
    """What a policy says of one stated score.

    Attributes:
        accepted: whether the stated score is one the policy gives.
        expected: the policy's own score, rounded (``None`` for a qualitative band).
        explanation: how the policy scores the item, with its figures.

    """

    accepted: bool
    expected: Decimal | None
    explanation: Explanation


def judge_indicator(
    policy: ScoringPolicy,
    indicator: Indicator,
    stated: Decimal,
    operands: tuple[Term, Term] | None,
) -> Judgement | None:
    """The policy's judgement of an indicator's stated score; ``None`` if it cannot score it.

    ``operands`` are the published target and actual value as terms (their
    intervals), ``None`` when the indicator does not publish both; a
    qualitative indicator needs none.
    """
    center = policy.indicator_score(indicator)
    if center is None:
        return None
    if indicator.is_qualitative:
        return Judgement(center.accepts(stated), None, policy.explain_indicator(indicator, center))
    if operands is None:
        return None

    def score_at(target: Decimal, actual: Decimal) -> ScoreBand | None:
        if not _amounts(target, actual):
            return None  # a rounding corner beyond the model's bounds: not scored there
        return policy.indicator_score_with(indicator, target, actual)

    span = score_range(score_at, operands, center)
    accepted = span is None or rounds_to(stated, *span)
    explanation = policy.explain_indicator(indicator, center)
    return Judgement(accepted, round_score(center.point), explanation)


def judge_execution(
    policy: ScoringPolicy,
    funding: Funding,
    stated: Decimal,
    operands: tuple[Term, Term] | None,
) -> Judgement | None:
    """The policy's judgement of a stated execution score; ``None`` if it cannot score it.

    ``operands`` are the total row's 全年预算数 and 全年执行数 as terms, ``None``
    when the row does not publish both.
    """
    score = policy.execution_score(funding)
    if operands is None or score is None:
        return None

    def score_at(budget: Decimal, executed: Decimal) -> ScoreBand | None:
        if not _amounts(budget, executed):
            return None  # a rounding corner beyond the model's bounds: not scored there
        at = policy.execution_score_with(funding, budget, executed)
        return None if at is None else ScoreBand(at, at, at)

    center = ScoreBand(score, score, score)
    span = score_range(score_at, operands, center)
    accepted = span is None or rounds_to(stated, *span)
    return Judgement(accepted, round_score(score), policy.explain_execution(funding, score))


def score_range(
    score_at: Callable[[Decimal, Decimal], ScoreBand | None],
    operands: tuple[Term, Term],
    center: ScoreBand,
) -> tuple[Decimal, Decimal] | None:
    """The lowest and highest score the policy gives over the operands' intervals.

    ``score_at`` scores ``(denominator, other)``; the first operand is the
    denominator of the policy's ratio (the target, or the budget), ``center``
    the score at the published values. A point ``score_at`` cannot score
    counts as ``center``. ``None`` when the denominator's interval straddles
    zero (nothing can be refuted).
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


def _amounts(*values: Decimal) -> bool:
    """Whether the model's amount converters accept each value (its bounds)."""
    try:
        for value in values:
            to_decimal(value)
    except GovFinalError:
        return False
    return True
