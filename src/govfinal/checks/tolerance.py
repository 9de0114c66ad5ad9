"""Rounding-exact tolerance: a published figure stands for an interval.

A figure published as ``58.95`` stands for every true value that rounds to it
half-up: 58.945 ≤ x < 58.955. Its *half-width* is half a unit of its last
digit (:func:`half_width`). A :class:`Term` carries a value with its
half-width; a sum of terms carries the sum of their half-widths, because the
sum of intervals is the interval of the sum.

An identity ``total = Σ parts`` holds when the total's interval meets the sum's
interval (the idea of XBRL Calculations 1.1): ``|total − Σ parts| <
w(total) + Σ w(part)``. The comparison is strict because rounding intervals are
half-open: two figures 0.01 apart, each rounded to 0.01, cannot stand for the
same true value. There is no fixed epsilon. In exact mode every half-width is
zero and identities must hold exactly.

Precision of a published amount: the unit of its last written digit, except
that an amount written without decimals (an integer such as a default ``0``)
is taken at the published precision of amounts, 0.01, because integers in data
files and code are written without the decimals a report prints. Percentages
are always taken at the digits written ("100%" stands for 99.5–100.5), and a
percentage written with an exponent (``1e3``) at whole percents: 1000 %, not
"one significant digit".

Ratios over intervals are computed with the cores of :mod:`govfinal.ratios`
(:func:`~govfinal.ratios.growth_of`, …): the end points of an interval may lie
outside the entrance bounds of amounts (``1E-18 − 5E-19``), and a figure of a
loaded report must never make a check raise. Figures in messages are written
in plain notation (:func:`shown`): ``1000``, never ``1E+3``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from govfinal.money import AMOUNT_PRECISION, CONTEXT, ONE, ZERO, precision_of, quantize_half_up

__all__ = [
    "RatioRange",
    "Term",
    "amount_half_width",
    "meets",
    "percent_half_width",
    "percent_precision",
    "quantize_like",
    "ratio_range",
    "rounds_to",
    "shown",
]

_HALF = Decimal("0.5")


def amount_half_width(value: Decimal) -> Decimal:
    """Half-width of a published amount's interval.

    >>> amount_half_width(Decimal("58.95")), amount_half_width(Decimal("97.6"))
    (Decimal('0.005'), Decimal('0.05'))
    >>> amount_half_width(Decimal("0"))
    Decimal('0.005')
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent >= 0:
        return _AMOUNT_HALF_WIDTH
    width = _HALF_WIDTHS.get(exponent)
    return CONTEXT.multiply(precision_of(value), _HALF) if width is None else width


def percent_precision(value: Decimal) -> Decimal:
    """The unit of a published percentage's last digit; whole percents for an exponent (``1e3``).

    >>> percent_precision(Decimal("19.69")), percent_precision(Decimal("1E+3"))
    (Decimal('0.01'), Decimal('1'))
    """
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int), "percent_precision needs a finite Decimal"
    return ONE if exponent > 0 else precision_of(value)


def percent_half_width(value: Decimal) -> Decimal:
    """Half-width of a published percentage's interval, from the digits written.

    >>> percent_half_width(Decimal("19.69")), percent_half_width(Decimal("100"))
    (Decimal('0.005'), Decimal('0.5'))
    >>> percent_half_width(Decimal("1E+3"))  # 1e3 is 1000 %, at whole percents
    Decimal('0.5')
    """
    exponent = value.as_tuple().exponent
    width = _HALF_WIDTHS.get(min(exponent, 0)) if isinstance(exponent, int) else None
    return CONTEXT.multiply(percent_precision(value), _HALF) if width is None else width


def shown(value: Decimal) -> str:
    """A figure as a message writes it: plain notation, every digit, never an exponent.

    >>> shown(Decimal("1E+3")), shown(Decimal("2.0E+2")), shown(Decimal("5E-19"))
    ('1000', '200', '0.0000000000000000005')
    >>> shown(Decimal("19.690")), shown(Decimal("-0.00"))
    ('19.690', '-0.00')
    """
    return format(value, "f")


_HALF_WIDTHS = {
    exponent: CONTEXT.multiply(Decimal((0, (1,), exponent)), _HALF) for exponent in range(-18, 19)
}
"""Half a unit of the last digit, by exponent (a constant table: ``-2`` → ``0.005``)."""

_AMOUNT_HALF_WIDTH = CONTEXT.multiply(AMOUNT_PRECISION, _HALF)


@attrs.frozen
class Term:
    """A figure in an identity: its value, half-width, path and labels.

    A published figure has the half-width of its rounding; a derived one (a
    sum) has the sum of its parts' half-widths and keeps the parts, so that a
    message can show the formula with its figures.
    """

    path: str
    label_zh: str
    label_en: str
    value: Decimal
    half_width: Decimal
    parts: tuple[Term, ...] = ()

    @property
    def low(self) -> Decimal:
        """Lowest true value the term can stand for."""
        return CONTEXT.subtract(self.value, self.half_width)

    @property
    def high(self) -> Decimal:
        """Highest true value the term can stand for."""
        return CONTEXT.add(self.value, self.half_width)

    def formula_zh(self) -> str:
        """``label value`` or, for a sum, ``a 1.00 + b 2.00``."""
        if not self.parts:
            return f"{self.label_zh} {shown(self.value)}"
        return " + ".join(part.formula_zh() for part in self.parts)

    def formula_en(self) -> str:
        """The English counterpart of :meth:`formula_zh`."""
        if not self.parts:
            return f"{self.label_en} {shown(self.value)}"
        return " + ".join(part.formula_en() for part in self.parts)

    def spelled(self) -> Term:
        """The term named with its formula when it is derived (``合计：a 1.00 + b 2.00 =``).

        A published term is returned unchanged; a sum of one figure is named
        ``合计：a`` (its value follows in the message). Used on the stated side of a
        message, so that a derived figure shows what was added up.
        """
        if not self.parts:
            return self
        prefix_zh = f"{self.label_zh}：" if self.label_zh else ""
        prefix_en = f"{self.label_en}: " if self.label_en else ""
        if len(self.parts) == 1:  # a sum of one figure shows that figure's own name
            (part,) = self.parts
            named = part.spelled()
            return attrs.evolve(
                self,
                label_zh=f"{prefix_zh}{named.label_zh}",
                label_en=f"{prefix_en}{named.label_en}",
            )
        return attrs.evolve(
            self,
            label_zh=f"{prefix_zh}{self.formula_zh()} =",
            label_en=f"{prefix_en}{self.formula_en()} =",
        )

    def paths(self) -> tuple[str, ...]:
        """The paths of the published figures behind this term."""
        if not self.parts:
            return (self.path,)
        return tuple(path for part in self.parts for path in part.paths())

    @classmethod
    def total(cls, parts: Sequence[Term], path: str, label_zh: str, label_en: str) -> Term:
        """The sum of ``parts`` as a derived term."""
        value, width = ZERO, ZERO
        for part in parts:
            value = CONTEXT.add(value, part.value)
            width = CONTEXT.add(width, part.half_width)
        return cls(path, label_zh, label_en, value, width, tuple(parts))


def meets(left: Term, right: Term) -> bool:
    """Whether two terms can stand for the same true value.

    >>> a = Term("a", "甲", "a", Decimal("58.96"), Decimal("0.005"))
    >>> b = Term("b", "乙", "b", Decimal("58.95"), Decimal("0.005"))
    >>> meets(a, b)
    False
    """
    difference = abs(CONTEXT.subtract(left.value, right.value))
    return difference.is_zero() or difference < CONTEXT.add(left.half_width, right.half_width)


@attrs.frozen
class RatioRange:
    """The range a ratio takes over its operands' intervals.

    ``low``/``high`` bound the ratio; ``center`` is its value at the published
    operands. ``bounded`` is false when a denominator's interval straddles zero
    while its published value is not zero: then no stated value can be refuted.
    """

    low: Decimal
    high: Decimal
    center: Decimal
    bounded: bool = True


def ratio_range(
    function: Callable[..., Decimal],
    operands: Sequence[Term],
    denominator: Term | None = None,
) -> RatioRange:
    """Evaluate ``function`` at the corners of its operands' intervals.

    The ratios of govfinal (share, growth, variance, execution) are monotone in
    each operand while the denominator keeps its sign, so the corners bound
    them. A denominator published as zero follows the zero-base convention at
    the published values only.

    ``function`` takes the corners as they are, which may lie outside the
    entrance bounds of amounts: pass a core of :mod:`govfinal.ratios`
    (:func:`~govfinal.ratios.growth_of`, …), never a public entrance.
    """
    center = function(*(term.value for term in operands))
    if denominator is not None:
        if denominator.value.is_zero():
            return RatioRange(center, center, center)
        if denominator.low <= ZERO <= denominator.high:
            return RatioRange(center, center, center, bounded=False)
    corners = [
        function(*values)
        for values in itertools.product(*((term.low, term.high) for term in operands))
    ]
    return RatioRange(min(corners), max(corners), center)


def rounds_to(stated: Decimal, low: Decimal, high: Decimal) -> bool:
    """Whether some value in ``[low, high]`` rounds half-up to ``stated`` at its precision.

    >>> rounds_to(Decimal("19.69"), Decimal("19.6866"), Decimal("19.6866"))
    True
    >>> rounds_to(Decimal("19.70"), Decimal("19.6866"), Decimal("19.6866"))
    False
    """
    width = percent_half_width(stated)
    top = CONTEXT.add(stated, width)
    bottom = CONTEXT.subtract(stated, width)
    if stated.is_zero():  # (−w, w): half-up rounds both edges away from zero
        return low < top and high > bottom
    if stated > 0:  # [stated − w, stated + w): half-up rounds the lower edge up to stated
        return low < top and high >= bottom
    return low <= top and high > bottom  # mirror image for negative figures


def quantize_like(value: Decimal, stated: Decimal) -> Decimal:
    """``value`` rounded half-up to the precision of the stated percentage (never raises).

    >>> quantize_like(Decimal("-19.6866"), Decimal("1E+3"))
    Decimal('-20')
    >>> quantize_like(Decimal("2E+38"), Decimal("0.01"))
    Decimal('200000000000000000000000000000000000000.00')
    """
    return quantize_half_up(value, percent_precision(stated))
