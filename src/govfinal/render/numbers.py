"""Number formatting for rendered reports: quantize half-up, then babel with an explicit locale.

Rounding happens first, in the domain (:func:`govfinal.money.quantize_half_up`);
babel only lays the digits out for the locale, so its own rounding (half-even
by default) never applies. Every function takes the locale explicitly.

Precision: a figure is printed at the precision it was published with when
that is coarser than the report's (``97.6`` stays ``97.6``); otherwise amounts
and percentages get two decimals.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from govfinal.money import AMOUNT_PRECISION, PERCENT_PRECISION, precision_of, quantize_half_up

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
    if like is not None and exponent >= 0 and default == PERCENT_PRECISION:
        return written  # a percentage published as a whole number ("增长 100%")
    return default


def _layout(value: Decimal, precision: Decimal, lang: str, grouping: bool) -> str:
    places = max(0, -int(precision.as_tuple().exponent))
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=_locale(lang), decimal_quantization=False)


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
