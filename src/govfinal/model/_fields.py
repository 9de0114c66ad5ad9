"""Field converters and validators shared by the domain classes.

Converters are plain named functions so that mypy's attrs plugin types each
``__init__`` from them. :func:`located` makes the errors they raise name the
class and field, e.g. ``FunctionLine.total: float 1.5 refused``.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from govfinal.errors import AmountError, GovFinalError
from govfinal.money import AmountLike, optional_decimal, to_decimal

T = TypeVar("T")
C = TypeVar("C", bound=type)


def amount(value: AmountLike) -> Decimal:
    """Converter of a required amount."""
    return to_decimal(value)


def optional_amount(value: AmountLike | None) -> Decimal | None:
    """Converter of an amount that a report may leave unpublished (``None``)."""
    return optional_decimal(value)


def optional_percent(value: AmountLike | None) -> Decimal | None:
    """Converter of a published percentage, in percent (``"19.69"`` is 19.69 %)."""
    return optional_decimal(value, what="percentage")


def count(value: int) -> int:
    """Converter of a head or item count: a non-negative ``int``, never ``bool`` or ``float``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(f"count: expected a whole number, got {type(value).__name__} {value!r}")
    if value < 0:
        raise AmountError(f"count: {value} is negative")
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
