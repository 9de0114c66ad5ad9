"""Number formatting for rendered reports: quantize half-up, then babel with an explicit locale.

Rounding happens first, in the domain (:func:`govfinal.money.quantize_half_up`, half-up,
never raising whatever the size of the figure); the digits are then laid out
for the locale with babel's symbols, so babel's own rounding (half-even by
default) never applies. Every function takes the locale explicitly.

Numbers are always written in plain notation, every digit shown (``1000``,
never ``1E+3``): a computed ratio such as ``1E+18 ÷ 1E-18 × 100`` prints in
full. Nothing here depends on the caller's decimal context.

Precision: a figure is printed at the precision it was published with when
that is coarser than the report's (``97.6`` stays ``97.6``); otherwise amounts
and percentages get two decimals. A percentage published with an exponent
(``1e3``) sets whole percents.
"""

from __future__ import annotations

import decimal
from decimal import Decimal

from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from govfinal.money import (
    AMOUNT_PRECISION,
    PERCENT_PRECISION,
    percent_precision,
    precision_of,
    quantize_half_up,
)

__all__ = ["amount", "count", "percent", "plain"]

_LOCALES = {"zh": "zh_CN", "en": "en_US"}


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, lang)


def _precision(value: Decimal, default: Decimal, like: Decimal | None) -> Decimal:
    model = value if like is None else like
    exponent = model.as_tuple().exponent
    assert isinstance(exponent, int)
    written = precision_of(model)
    if -2 < exponent < 0:  # published with fewer decimals than the report's precision
        return written
    if like is not None and default == PERCENT_PRECISION:
        return percent_precision(like)  # "增长 100%", "60.4%": the stated precision
    return default


def _layout(value: Decimal, precision: Decimal, lang: str, grouping: bool) -> str:
    places = max(0, -int(precision.as_tuple().exponent))
    symbols = _SYMBOLS.get(lang)
    if symbols is None:
        return _babel_layout(value, places, lang, grouping)
    return _plain_layout(value, places, symbols, grouping)


def _plain_layout(value: Decimal, places: int, symbols: tuple[str, str], grouping: bool) -> str:
    """What babel lays out for ``value`` with ``places`` decimals, without its arithmetic.

    ``format_decimal`` with ``decimal_quantization=False`` keeps every digit
    and only adds the sign, the locale's group separators (``#,##0``) and its
    decimal symbol; this does the same in plain notation (``format(value,
    "f")``), which needs no decimal context and so cannot fail on a figure of
    any size. A value with fewer decimals than ``places`` (e.g. ``1E+3``) is
    padded with zeros; one with more is not cut (callers round first).
    """
    whole, _, fraction = f"{value.copy_abs():f}".partition(".")
    fraction = fraction.ljust(places, "0")
    decimal_symbol, group_symbol = symbols
    if grouping and len(whole) > 3:
        head = len(whole) % 3 or 3
        groups = [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
        whole = group_symbol.join(groups)
    sign = "-" if value.is_signed() else ""
    return f"{sign}{whole}{decimal_symbol}{fraction}" if fraction else f"{sign}{whole}"


def _babel_layout(value: Decimal, places: int, lang: str, grouping: bool) -> str:
    """Babel's layout for a locale other than zh/en, in a context wide enough for ``value``.

    Babel quantizes in the ambient decimal context; a local one with as many
    digits as the value needs keeps that from failing on large figures.
    """
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    digits = max(value.adjusted(), 0) + places + 2
    with decimal.localcontext(decimal.Context(prec=max(digits, decimal.BasicContext.prec))):
        return format_decimal(
            value, format=pattern, locale=_locale(lang), decimal_quantization=False
        )


def _symbols(lang: str) -> tuple[str, str]:
    locale = _locale(lang)
    return get_decimal_symbol(locale), get_group_symbol(locale)


_SYMBOLS = {lang: _symbols(lang) for lang in _LOCALES}
"""The decimal and group symbols of each report language, from babel (constants)."""


def amount(value: Decimal, lang: str = "zh", *, grouping: bool = False) -> str:
    """An amount, half-up at its published precision (two decimals by default).

    >>> amount(Decimal("58.95")), amount(Decimal("0")), amount(Decimal("97.6"))
    ('58.95', '0.00', '97.6')
    >>> amount(Decimal("2940.054"), "en", grouping=True)
    '2,940.05'
    """
    precision = _precision(value, AMOUNT_PRECISION, None)
    return _layout(quantize_half_up(value, precision), precision, lang, grouping)


def percent(value: Decimal, lang: str = "zh", *, like: Decimal | None = None) -> str:
    """A percentage (without the % sign), half-up to 0.01, or to the precision of ``like``.

    ``like`` is the figure as the report states it: a stated "100" (a whole
    number) or "60.4" sets the precision of the recomputed value.

    >>> percent(Decimal("-19.6866"))
    '-19.69'
    >>> percent(Decimal("100"), like=Decimal("100"))
    '100'
    >>> percent(Decimal("60.399"), like=Decimal("60.4"))
    '60.4'
    """
    precision = _precision(value, PERCENT_PRECISION, like)
    return _layout(quantize_half_up(value, precision), precision, lang, False)


def plain(value: Decimal, lang: str = "zh") -> str:
    """A number as written, e.g. an indicator's target ``95`` or ``96.41``.

    >>> plain(Decimal("96.41")), plain(Decimal("5"))
    ('96.41', '5')
    """
    precision = precision_of(value) if value.as_tuple().exponent != 0 else Decimal(1)
    return _layout(value, precision, lang, False)


def count(value: int) -> str:
    """A whole count, e.g. staff or vehicles."""
    return str(value)
