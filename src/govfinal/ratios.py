"""Derived ratios of a final account: shares, change, growth, variance, execution.

Every function here is pure, takes amounts (``Decimal``, ``int`` or ``str``;
never ``float``) and returns an *unrounded* ``Decimal``. Percentages are in
percent (``19.69`` means 19.69 %). Round for publication with
:func:`govfinal.money.round_percent`, which is half-up.

The zero-base convention
------------------------
A ratio whose base (denominator) is zero is decided in one place,
:func:`over_zero_base`, and follows the published reports:

* from 0 to 0 reads as 0.00 % (e.g. a 三公 line that was and stays 0);
* from 0 to a positive amount reads as a 100 % increase ("增长 100%");
* from 0 to a negative amount reads as −100 %.

The same rule serves every ratio: a share of an empty whole is 0 %, and a
budget variance or execution rate against a zero budget is 0 % when nothing
was spent and 100 % otherwise.

One arithmetic path
-------------------
The public functions (:func:`share`, :func:`growth`, …) are entrances: they
convert and bound their arguments (:func:`govfinal.money.to_decimal`) and say
which function and argument was bad (``share: whole: …``). Each then calls its
*core* (:func:`share_of`, :func:`growth_of`, …), which takes finite Decimals
and computes in :data:`~govfinal.money.CONTEXT` without entrance bounds. The
checks and the renderer call the cores directly: the end points of a rounding
interval (``1E-18 − 5E-19``) and sums of many amounts are outside the entrance
bounds, yet their ratios are well defined. For inputs within ±1E+999, a core
never raises: 80 significant digits and an exponent range of ±999999 hold any
quotient of such values, and :func:`govfinal.money.quantize_half_up` rounds any
result half-up without raising, whatever its size.
"""

from __future__ import annotations

from decimal import Decimal

from govfinal.money import CONTEXT, HUNDRED, ZERO, AmountLike, to_decimal

__all__ = [
    "budget_variance",
    "budget_variance_of",
    "change",
    "change_of",
    "execution_rate",
    "execution_rate_of",
    "growth",
    "growth_from_change_of",
    "growth_of",
    "over_zero_base",
    "percent",
    "percent_of",
    "share",
    "share_of",
]


def over_zero_base(numerator: Decimal) -> Decimal:
    """The percentage a ratio takes when its base is zero (the zero-base convention).

    >>> over_zero_base(Decimal("1.13"))
    Decimal('100')
    >>> over_zero_base(Decimal("0.00"))
    Decimal('0')
    >>> over_zero_base(Decimal("-2"))
    Decimal('-100')
    """
    if numerator.is_zero():
        return ZERO
    return HUNDRED if numerator > 0 else -HUNDRED


def _entrance(value: AmountLike, function: str, argument: str) -> Decimal:
    """An argument of a public ratio function, converted and bounded (``share: whole: …``)."""
    return to_decimal(value, what=f"{function}: {argument}")


# -- the core: finite Decimals in CONTEXT, no entrance bounds -----------------------


def percent_of(numerator: Decimal, denominator: Decimal) -> Decimal:
    """Core of :func:`percent`: ``numerator ÷ |denominator| × 100``, or :func:`over_zero_base`.

    >>> percent_of(Decimal("1E-18"), Decimal("5E-19")) == 200   # below the entrance bounds
    True
    """
    if denominator.is_zero():
        return over_zero_base(numerator)
    return CONTEXT.divide(CONTEXT.multiply(numerator, HUNDRED), abs(denominator))


def share_of(part: Decimal, whole: Decimal) -> Decimal:
    """Core of :func:`share`."""
    return percent_of(part, whole)


def change_of(before: Decimal, after: Decimal) -> Decimal:
    """Core of :func:`change`: ``after − before``, exact for operands of up to 80 digits."""
    return CONTEXT.subtract(after, before)


def growth_of(before: Decimal, after: Decimal) -> Decimal:
    """Core of :func:`growth`: ``(after − before) ÷ |before| × 100``."""
    return percent_of(CONTEXT.subtract(after, before), before)


def growth_from_change_of(current: Decimal, change: Decimal) -> Decimal:
    """增长率 from 本年数 and 增减额: ``change ÷ |current − change| × 100``.

    The prior amount is ``current − change``; a prior of exactly 0 follows
    :func:`over_zero_base` (from 0 to 1.13 is 100 %). ``current − change``
    may lie beyond the entrance bounds of amounts.
    """
    return growth_of(CONTEXT.subtract(current, change), current)


def budget_variance_of(budget: Decimal, final: Decimal) -> Decimal:
    """Core of :func:`budget_variance`: ``(final − budget) ÷ |budget| × 100``."""
    return percent_of(CONTEXT.subtract(final, budget), budget)


def execution_rate_of(budget: Decimal, executed: Decimal) -> Decimal:
    """Core of :func:`execution_rate`: ``executed ÷ |budget| × 100``."""
    return percent_of(executed, budget)


# -- the entrances ---------------------------------------------------------------


def percent(numerator: AmountLike, denominator: AmountLike) -> Decimal:
    """``numerator / denominator × 100``, with :func:`over_zero_base` for a zero denominator.

    The sign of a negative denominator is ignored, so that a change keeps its
    direction whatever the base.

    >>> percent("1", "8")
    Decimal('12.5')
    """
    return percent_of(
        _entrance(numerator, "percent", "numerator"),
        _entrance(denominator, "percent", "denominator"),
    )


def share(part: AmountLike, whole: AmountLike) -> Decimal:
    """Share (占比) of ``part`` in ``whole``, in percent.

    >>> from govfinal.money import round_percent
    >>> round_percent(share("57.82", "58.95"))   # 基本支出 in 本年支出合计
    Decimal('98.08')
    """
    return share_of(_entrance(part, "share", "part"), _entrance(whole, "share", "whole"))


def change(before: AmountLike, after: AmountLike) -> Decimal:
    """Change (增减额) from ``before`` to ``after``: ``after − before``, exact.

    >>> change("73.40", "58.95")
    Decimal('-14.45')
    """
    return change_of(_entrance(before, "change", "before"), _entrance(after, "change", "after"))


def growth(before: AmountLike, after: AmountLike) -> Decimal:
    """Growth rate (增长率) from ``before`` to ``after``, in percent.

    ``(after − before) / |before| × 100``; a zero ``before`` follows
    :func:`over_zero_base`.

    >>> from govfinal.money import round_percent
    >>> round_percent(growth("73.40", "58.95"))
    Decimal('-19.69')
    >>> growth("0", "1.13")
    Decimal('100')
    """
    return growth_of(_entrance(before, "growth", "before"), _entrance(after, "growth", "after"))


def budget_variance(budget: AmountLike, final: AmountLike) -> Decimal:
    """Budget variance rate (预决算差异率): ``(final − budget) / budget × 100``.

    >>> from govfinal.money import round_percent
    >>> round_percent(budget_variance("96.41", "58.64"))
    Decimal('-39.18')
    """
    return budget_variance_of(
        _entrance(budget, "budget_variance", "budget"),
        _entrance(final, "budget_variance", "final"),
    )


def execution_rate(budget: AmountLike, executed: AmountLike) -> Decimal:
    """Execution rate (执行率): ``executed / budget × 100``.

    >>> from govfinal.money import round_percent
    >>> round_percent(execution_rate("1.44", "1.13"))
    Decimal('78.47')
    """
    return execution_rate_of(
        _entrance(budget, "execution_rate", "budget"),
        _entrance(executed, "execution_rate", "executed"),
    )
