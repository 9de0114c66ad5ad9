"""Field converters and validators shared by the domain classes.

Converters are plain named functions so that mypy's attrs plugin types each
``__init__`` from them. :func:`located` makes the errors they raise name the
class and field, e.g. ``FunctionLine.total: float 1.5 refused``.
"""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs

from govfinal.errors import AmountError, ClassificationError, GovFinalError
from govfinal.money import AmountLike, optional_decimal, to_decimal

T = TypeVar("T")
C = TypeVar("C", bound=type)


def amount(value: AmountLike) -> Decimal:
    """Converter of a required amount."""
    return to_decimal(value)


def optional_amount(value: AmountLike | None) -> Decimal | None:
    """Converter of an amount that a report may leave unpublished (``None``)."""
    return optional_decimal(value)


def percent(value: AmountLike) -> Decimal:
    """Converter of a required percentage, in percent (``"19.69"`` is 19.69 %)."""
    return to_decimal(value, what="percentage")


def optional_percent(value: AmountLike | None) -> Decimal | None:
    """Converter of a published percentage, in percent (``"19.69"`` is 19.69 %)."""
    return optional_decimal(value, what="percentage")


MAX_COUNT: Final = 10**12
"""Largest head or item count (人数, 车辆数, 批次): a bound against hostile input.

A million million is far above any staff, vehicle or reception count; larger
numbers are refused where they enter, before any check or render has to print them.
"""


def count(value: int) -> int:
    """Converter of a head or item count: an ``int`` from 0 to :data:`MAX_COUNT`.

    Never ``bool`` or ``float``. The error does not print a huge value (Python
    cannot turn an integer of more than 4300 digits into text).
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(f"count: expected a whole number, got {type(value).__name__} {value!r}")
    if value > MAX_COUNT:
        raise AmountError(f"count: more than {MAX_COUNT:,} (MAX_COUNT), the largest count")
    if value < 0:
        shown = f"{value} is negative" if value >= -MAX_COUNT else f"below -{MAX_COUNT:,}"
        raise AmountError(f"count: {shown}")
    return value


def optional_count(value: int | None) -> int | None:
    """Converter of a count that a report may leave unpublished."""
    return None if value is None else count(value)


def texts(values: Iterable[str]) -> tuple[str, ...]:
    """Converter of a sequence of text paragraphs into a tuple."""
    if isinstance(values, str):
        return (values,)
    return tuple(values)


def located(cls: C) -> C:
    """Make conversion errors of an attrs class name the class and the field.

    Apply it on top of ``@attrs.frozen``. On the error path only, it finds the
    first field whose converter rejects its argument and re-raises the error
    with ``Class.field:`` in front, keeping the error's type.
    """
    init: Callable[..., None] = vars(cls)["__init__"]
    signature = inspect.signature(init)
    fields = attrs.fields(cls)

    @functools.wraps(init)
    def init_naming_fields(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except GovFinalError as exc:
            bound = signature.bind_partial(self, *args, **kwargs).arguments
            for field in fields:
                converter = field.converter
                if field.alias not in bound or not callable(converter):
                    continue
                try:
                    converter(bound[field.alias])
                except GovFinalError:
                    raise type(exc)(f"{cls.__name__}.{field.name}: {exc}") from None
            raise

    cls.__init__ = init_naming_fields  # type: ignore[misc]
    return cls


def non_negative_amount(value: AmountLike) -> Decimal:
    """Converter of a required amount that cannot be negative (an area, a value, a score)."""
    return _not_negative(to_decimal(value), "amount")


def optional_non_negative_amount(value: AmountLike | None) -> Decimal | None:
    """Converter of an unpublished-or-non-negative amount (``None`` when not published)."""
    return None if value is None else non_negative_amount(value)


def optional_non_negative_percent(value: AmountLike | None) -> Decimal | None:
    """Converter of a percentage that cannot be negative (a share, an execution rate)."""
    found = optional_decimal(value, what="percentage")
    return None if found is None else _not_negative(found, "percentage")


def _not_negative(value: Decimal, what: str) -> Decimal:
    if value < 0:
        raise AmountError(f"{what} {value} is negative, which this figure cannot be")
    return value


def distinct(key: str) -> Callable[[object, attrs.Attribute[Any], Iterable[Any]], None]:
    """A validator of a table's lines or items: no two of them share ``key``.

    ``key`` is the attribute that names an item in its address (a 科目编码, an
    indicator's name, a vehicle's use): two items with one key would share one
    address. The error names the class, the field, the key and both positions,
    e.g. ``FunctionTree.lines: code '2060101' is listed twice (lines[1] and lines[2])``.
    """

    def validate(instance: object, attribute: attrs.Attribute[Any], items: Iterable[Any]) -> None:
        first: dict[object, int] = {}
        for index, item in enumerate(items):
            value = getattr(item, key)
            earlier = first.setdefault(value, index)
            if earlier != index:
                name = attribute.name
                shown = value.value if isinstance(value, enum.Enum) else value
                raise ClassificationError(
                    f"{type(instance).__name__}.{name}: {key} {shown!r} is listed twice"
                    f" ({name}[{earlier}] and {name}[{index}])"
                )

    return validate


distinct_codes = distinct("code")
"""Validator of a table's lines: no 科目编码 is listed on two lines."""
