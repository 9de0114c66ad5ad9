"""Amounts and ratios: decimal only, and one rounding policy.

Invariants:

* Every amount and ratio in govfinal is a finite :class:`decimal.Decimal`.
* Entrances accept ``str``, ``int`` and ``Decimal``. They refuse ``float``
  and ``bool`` (:class:`~govfinal.errors.FloatRefusedError`) and non-finite
  or absurdly sized values (:class:`~govfinal.errors.AmountError`).
* The digits a caller wrote are kept: ``to_decimal("97.6")`` is ``Decimal("97.6")``,
  not ``Decimal("97.60")``. The exponent is the published precision, which the
  checks turn into a tolerance.
* Rounding happens in one place, :func:`quantize_half_up`, with
  :data:`ROUNDING` (half-up, 四舍五入), the rule Chinese public accounts use.
  :func:`round_amount` and :func:`round_percent` apply it at the published
  precision (0.01 万元 and 0.01 %).
* Arithmetic that can be inexact (division) runs in :data:`CONTEXT`, never in
  the ambient thread context, so results do not depend on the caller's settings.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, TypeAlias

from govfinal.errors import AmountError, FloatRefusedError

__all__ = [
    "AMOUNT_PRECISION",
    "CONTEXT",
    "HUNDRED",
    "MAX_ADJUSTED_EXPONENT",
    "MAX_DIGITS",
    "MIN_EXPONENT",
    "ONE",
    "PERCENT_PRECISION",
    "ROUNDING",
    "ZERO",
    "AmountLike",
    "optional_decimal",
    "percent_precision",
    "precision_of",
    "quantize_half_up",
    "round_amount",
    "round_percent",
    "sum_amounts",
    "sum_published",
    "to_decimal",
]

AmountLike: TypeAlias = Decimal | int | str
"""What an entrance accepts as an amount or ratio: never ``float``."""

ROUNDING: Final = decimal.ROUND_HALF_UP
"""The rounding rule of published figures: half-up (四舍五入), 6.5 → 7 and 0.125 → 0.13."""

AMOUNT_PRECISION: Final = Decimal("0.01")
"""Published precision of amounts: 0.01 of the amount unit (万元 or 元)."""

PERCENT_PRECISION: Final = Decimal("0.01")
"""Published precision of percentages: 0.01 %."""

ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)
HUNDRED: Final = Decimal(100)

MAX_DIGITS: Final = 30
"""Most significant digits an amount may have (a bound against hostile input)."""

MAX_ADJUSTED_EXPONENT: Final = 18
"""Largest power of ten an amount may reach (10^18 万元 is far beyond any budget)."""

MIN_EXPONENT: Final = -18
"""Finest decimal place an amount may carry."""

CONTEXT: Final = decimal.Context(
    prec=80,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""Context for govfinal's arithmetic: 80 significant digits, independent of the caller.

Bounded inputs (at most 30 digits, between 1E-18 and 1E+18) make sums and
differences exact in it; only division rounds, far below any published precision.
"""


def to_decimal(value: object, *, what: str = "amount") -> Decimal:
    """Convert an entrance value to a finite :class:`~decimal.Decimal`, exactly.

    Args:
        value: a ``Decimal``, an ``int`` or a numeric ``str`` such as ``"58.95"``.
        what: how the value is named in error messages.

    Returns:
        The value as a ``Decimal`` with the digits as written.

    Raises:
        FloatRefusedError: ``value`` is a ``float`` (or a ``bool``).
        AmountError: ``value`` is not numeric, not finite, or out of bounds.

    >>> to_decimal("97.6")
    Decimal('97.6')
    >>> to_decimal(3)
    Decimal('3')
    >>> to_decimal(0.1)
    Traceback (most recent call last):
    ...
    govfinal.errors.FloatRefusedError: amount: float 0.1 refused; write it as a string, e.g. "0.1"

    """
    if type(value) is Decimal:  # the common cases first: a Decimal, or a plain "58.95"
        return _bounded(value, what)
    if type(value) is str and _PLAIN.fullmatch(value):
        return Decimal(value)
    if isinstance(value, bool):
        raise FloatRefusedError(f"{what}: {value!r} is a bool, not a number")
    if isinstance(value, float):
        raise FloatRefusedError(
            f'{what}: float {value!r} refused; write it as a string, e.g. "{value!r}"'
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            raise AmountError(f"{what}: integer with more than {MAX_DIGITS} digits")
        result = Decimal(value)
    elif isinstance(value, str):
        result = _parse(value, what)
    else:
        raise AmountError(f"{what}: expected a number, got {type(value).__name__} {value!r}")
    return _bounded(result, what)


_PLAIN = re.compile(r"[+-]?[0-9]{1,15}(?:\.[0-9]{1,15})?", re.ASCII)
"""A plain ASCII number that is within every bound by its shape: at most 30
digits, none finer than 1E-15, none above 1E+15. :func:`_parse` and
:func:`_bounded` would accept it unchanged, so :func:`to_decimal` takes it directly."""

_FULL_WIDTH: Final = str.maketrans("０１２３４５６７８９．，＋－", "0123456789.,+-")
"""The full-width forms (U+FF10–U+FF19, U+FF0E, U+FF0C, U+FF0B, U+FF0D) that Chinese
input methods type for ASCII digits, point, comma and signs. Only these are read as
their ASCII characters: superscripts, subscripts, circled or other scripts' digits are not
digits of an amount (NFKC would turn ``"55.19¹"`` into ``55.191``)."""

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_NON_FINITE = re.compile(r"[+-]?(?:s?nan\d*|inf(?:inity)?)", re.ASCII | re.IGNORECASE)
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)


def _parse(value: str, what: str) -> Decimal:
    """Parse a numeric string exactly: ASCII digits, or their full-width forms.

    Thousands separators are accepted. Only the characters of :data:`_FULL_WIDTH`
    are read as their ASCII forms; no other character is read as a digit.
    """
    if len(value) > MAX_DIGITS + 16:
        raise AmountError(f"{what}: {value[:20]!r}… is too long to be an amount")
    text = value.translate(_FULL_WIDTH).strip()
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        if _NON_FINITE.fullmatch(text):
            raise AmountError(f"{what}: {value!r} is not a finite number")
        raise AmountError(f"{what}: {value!r} is not a number")
    return Decimal(text)


def _bounded(value: Decimal, what: str) -> Decimal:
    if not value.is_finite():
        raise AmountError(f"{what}: {value} is not a finite number")
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    if len(digits) > MAX_DIGITS:
        raise AmountError(f"{what}: more than {MAX_DIGITS} significant digits")
    if exponent < MIN_EXPONENT:
        raise AmountError(f"{what}: {value} is finer than 1E{MIN_EXPONENT}")
    if value.is_zero():
        if exponent > MAX_ADJUSTED_EXPONENT:
            raise AmountError(f"{what}: {value} has an exponent above {MAX_ADJUSTED_EXPONENT}")
        return value
    if value.adjusted() > MAX_ADJUSTED_EXPONENT:
        raise AmountError(f"{what}: {value:.3E} exceeds 1E+{MAX_ADJUSTED_EXPONENT}")
    return value


def optional_decimal(value: object, *, what: str = "amount") -> Decimal | None:
    """Like :func:`to_decimal`, but ``None`` (not published) passes through.

    >>> optional_decimal(None) is None
    True
    """
    return None if value is None else to_decimal(value, what=what)


def quantize_half_up(value: Decimal, precision: Decimal) -> Decimal:
    """Round ``value`` to ``precision`` half-up: the one rounding policy of govfinal.

    It never raises for a finite ``value`` and a ``precision`` within the exponent
    range of :data:`CONTEXT`: the rounding runs in :data:`CONTEXT`, widened to the
    digits the result needs, so that a ratio as large as ``1E+18 ÷ 1E-18 × 100``
    rounds to any precision.

    >>> quantize_half_up(Decimal("0.125"), Decimal("0.01"))
    Decimal('0.13')
    >>> quantize_half_up(Decimal("-0.125"), Decimal("0.01"))
    Decimal('-0.13')
    >>> quantize_half_up(Decimal("1E+38"), Decimal("0.01"))
    Decimal('100000000000000000000000000000000000000.00')
    """
    exponent = precision.as_tuple().exponent
    assert isinstance(exponent, int), "quantize_half_up needs a finite precision"
    needed = max(value.adjusted(), 0) - exponent + 2
    context = CONTEXT if needed <= CONTEXT.prec else _widened(needed)
    return value.quantize(precision, rounding=ROUNDING, context=context)


def _widened(digits: int) -> decimal.Context:
    """:data:`CONTEXT` with ``digits`` significant digits."""
    context = CONTEXT.copy()
    context.prec = digits
    return context


def round_amount(value: Decimal) -> Decimal:
    """Round an amount to its published precision, 0.01, half-up.

    >>> round_amount(Decimal("14.445"))
    Decimal('14.45')
    """
    return quantize_half_up(value, AMOUNT_PRECISION)


def round_percent(value: Decimal, *, like: Decimal | None = None) -> Decimal:
    """Round a percentage half-up to 0.01 %, or to the precision the report states it with.

    ``like`` is the same percentage as the report states it; its precision
    (:func:`percent_precision`) applies when it is coarser than 0.01 %.

    >>> round_percent(Decimal("19.6866"))
    Decimal('19.69')
    >>> round_percent(Decimal("60.349"), like=Decimal("60.4"))
    Decimal('60.3')
    """
    return quantize_half_up(value, percent_precision(like))


def percent_precision(like: Decimal | None) -> Decimal:
    """The precision of a percentage stated as ``like``: 0.01 unless it is stated coarser.

    >>> [percent_precision(like) for like in (None, Decimal("60.4"), Decimal("1E+2"))]
    [Decimal('0.01'), Decimal('0.1'), Decimal('1')]
    """
    if like is None:
        return PERCENT_PRECISION
    exponent = like.as_tuple().exponent
    assert isinstance(exponent, int), "percent_precision needs a finite Decimal"
    if -2 < exponent < 0:
        return precision_of(like)
    return ONE if exponent >= 0 else PERCENT_PRECISION


def precision_of(value: Decimal) -> Decimal:
    """The unit of the last digit written: ``0.01`` for ``58.95``, ``0.1`` for ``97.6``.

    >>> precision_of(Decimal("97.6"))
    Decimal('0.1')
    >>> precision_of(Decimal("15"))
    Decimal('1')
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int), "precision_of needs a finite Decimal"
    return Decimal((0, (1,), exponent))


def sum_published(values: Iterable[Decimal | None]) -> Decimal | None:
    """Sum the published values; ``None`` when none of them is published.

    A blank cell among published ones counts as zero, as in the printed tables.

    >>> sum_published([Decimal("1.13"), None, Decimal("53.04")])
    Decimal('54.17')
    >>> sum_published([None, None]) is None
    True
    """
    total: Decimal | None = None
    for value in values:
        if value is not None:
            total = value if total is None else CONTEXT.add(total, value)
    return total


def sum_amounts(values: Iterable[Decimal]) -> Decimal:
    """Exact sum of amounts, in :data:`CONTEXT` whatever the caller's context.

    >>> sum_amounts([Decimal("53.04"), Decimal("1.13"), Decimal("4.47")])
    Decimal('58.64')
    """
    total = ZERO
    for value in values:
        total = CONTEXT.add(total, value)
    return total
