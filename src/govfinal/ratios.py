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
"""

from __future__ import annotations

from decimal import Decimal

from govfinal.money import CONTEXT, HUNDRED, ZERO, AmountLike, to_decimal

__all__ = [
    "budget_variance",
    "change",
    "execution_rate",
    "growth",
    "over_zero_base",
    "percent",
    "share",
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


def percent(numerator: AmountLike, denominator: AmountLike) -> Decimal:
    """``numerator / denominator × 100``, with :func:`over_zero_base` for a zero denominator.

    The sign of a negative denominator is ignored, so that a change keeps its
    direction whatever the base.

    >>> percent("1", "8")
    Decimal('12.5')
    """
    return _percent(to_decimal(numerator), to_decimal(denominator))


def _percent(num: Decimal, den: Decimal) -> Decimal:
    if den.is_zero():
        return over_zero_base(num)
    return CONTEXT.divide(CONTEXT.multiply(num, HUNDRED), abs(den))


def share(part: AmountLike, whole: AmountLike) -> Decimal:
    """Share (占比) of ``part`` in ``whole``, in percent.

    >>> from govfinal.money import round_percent
    >>> round_percent(share("57.82", "58.95"))   # 基本支出 in 本年支出合计
    Decimal('98.08')
    """
    return percent(part, whole)


def change(before: AmountLike, after: AmountLike) -> Decimal:
    """Change (增减额) from ``before`` to ``after``: ``after − before``, exact.

    >>> change("73.40", "58.95")
    Decimal('-14.45')
    """
    return CONTEXT.subtract(to_decimal(after), to_decimal(before))


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
    base = to_decimal(before)
    return _percent(CONTEXT.subtract(to_decimal(after), base), base)


def budget_variance(budget: AmountLike, final: AmountLike) -> Decimal:
    """Budget variance rate (预决算差异率): ``(final − budget) / budget × 100``.

    >>> from govfinal.money import round_percent
    >>> round_percent(budget_variance("96.41", "58.64"))
    Decimal('-39.18')
    """
    base = to_decimal(budget)
    return _percent(CONTEXT.subtract(to_decimal(final), base), base)


def execution_rate(budget: AmountLike, executed: AmountLike) -> Decimal:
    """Execution rate (执行率): ``executed / budget × 100``.

    >>> from govfinal.money import round_percent
    >>> round_percent(execution_rate("1.44", "1.13"))
    Decimal('78.47')
    """
    return percent(executed, budget)
