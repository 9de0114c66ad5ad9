"""Structuring data files into the model and back, with cattrs.

The file format mirrors the model: each key is an attribute name, enums are
written by their Chinese value (``kind = "行政单位"``), amounts as numbers or
strings, and lists of lines as arrays of tables. Unstructuring omits what is
not published (``None``), empty lists and empty texts, so a dumped file holds
what a report states and nothing more.

Invariants:

* ``structure(unstructure(report)) == report``, and each amount keeps the digits
  it was written with.
* Structuring never guesses: a ``float``, a word where an amount belongs, a
  number where a text belongs, ``true`` where a count belongs, or an unknown
  key is an error at its location, and all errors of a document are reported
  together.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import heapq
import re
import sys
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from govfinal.errors import GovFinalError
from govfinal.model._fields import MAX_COUNT
from govfinal.model.function import FunctionTree
from govfinal.model.report import FinalAccount
from govfinal.model.statements import STATEMENT_KINDS, Statement
from govfinal.money import to_decimal

__all__ = ["Problem", "first_problems", "make_converter", "problems_of"]

_NAMED_FIELD = re.compile(r"([A-Z]\w*)\.(\w+(?:\.\w+)*): (.*)", re.S)
_VALIDATED_FIELD = re.compile(r"(?:Length of )?'(\w+)' must ")
"""The start of an attrs validator's message, which names the field it checks."""

T = TypeVar("T")


@attrs.frozen
class Problem:
    """One thing wrong in a data file, with where it is.

    Attributes:
        path: the dotted path in the document, e.g. ``income.sources.general_budget``.
        message: what is wrong.
        line: the line in the file, when the parser gives one.

    """

    path: str
    message: str
    line: int | None = None


def _structure_decimal(value: object, _type: type) -> Decimal:
    return to_decimal(value)


def _structure_int(value: object, _type: type) -> int:
    """A whole number of at most :data:`~govfinal.model._fields.MAX_COUNT` (a count, a year)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise GovFinalError(f"expected a whole number, got {_describe(value)}")
    if abs(value) > MAX_COUNT:  # not printed: it may be too long for str()
        raise GovFinalError(f"whole number beyond ±{MAX_COUNT:,} (MAX_COUNT); none is so large")
    return value


def _structure_date(value: object, _type: type) -> datetime.date:
    """A date: a TOML date, or an ISO date text (``"2024-12-31"``, JSON has no dates)."""
    if isinstance(value, datetime.datetime):
        raise GovFinalError(f"expected a date, got a date and time {value.isoformat()}")
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise GovFinalError(f"expected a date (2024-12-31), got {_describe(value)}")


def _statement_hook(converter: cattrs.Converter) -> Callable[[object, object], Statement]:
    """Structures a statement by its ``kind`` into its class (:data:`STATEMENT_KINDS`)."""

    def structure(value: object, _type: object) -> Statement:
        if not isinstance(value, Mapping):
            raise GovFinalError(f"expected a table (a statement), got {_describe(value)}")
        kind = value.get("kind")
        cls = STATEMENT_KINDS.get(kind) if isinstance(kind, str) else None
        if cls is None:
            kinds = ", ".join(STATEMENT_KINDS)
            if not isinstance(kind, str):
                said = "has no kind" if kind is None else f"has kind {_describe(kind)}"
                raise GovFinalError(f"kind: a statement {said}; the kinds are {kinds}")
            short = len(kind) <= 40  # bounded: a hostile kind is neither matched nor printed
            close = difflib.get_close_matches(kind, list(STATEMENT_KINDS), n=1) if short else []
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            said = repr(kind) if short else repr(kind[:37] + "…")
            raise GovFinalError(
                f"kind: {said} is not a statement kind{hint}; the kinds are {kinds}"
            )
        fields = {key: item for key, item in value.items() if key != "kind"}
        return converter.structure(fields, cls)

    return structure


def _structure_str(value: object, _type: type) -> str:
    if not isinstance(value, str):
        raise GovFinalError(f"expected text, got {_describe(value)}")
    return value


def _structure_bool(value: object, _type: type) -> bool:
    if not isinstance(value, bool):
        raise GovFinalError(f"expected true or false, got {_describe(value)}")
    return value


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    for member in kind:
        if value == member.value or value == member.name:
            return member
    allowed = "、".join(str(member.value) for member in kind)
    raise GovFinalError(f"{_describe(value)} is not one of: {allowed}")


def _describe(value: object) -> str:
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f"{type(value).__name__} {text}"


def _omit(value: object, default: object) -> bool:
    """Whether an attribute is left out of a dumped document.

    ``None`` (not published) is left out, and so is a value identical to its
    default: equal, of the same type, and for an amount with the same digits.
    Anything else, an empty text or an empty table included, is written.
    """
    if value is None:
        return True
    if type(value) is not type(default) or value != default:
        return False
    return repr(value) == repr(default)  # same digits too: Decimal("0.00") is not 0


def make_converter(
    *,
    decimal_as: Callable[[Decimal], object] = str,
    date_as: Callable[[datetime.date], object] = datetime.date.isoformat,
) -> cattrs.Converter:
    """A converter for govfinal documents.

    Args:
        decimal_as: how amounts are unstructured: ``str`` for JSON, or the
            identity for TOML, whose writer keeps a ``Decimal``'s digits.
        date_as: how dates are unstructured: ISO text for JSON, or the
            identity for TOML, which has dates.

    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook_func(
        lambda kind: kind == Statement, _statement_hook(converter)
    )
    converter.register_structure_hook_func(lambda kind: kind == tuple[str, ...], _structure_texts)
    converter.register_structure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook(Decimal, decimal_as)
    converter.register_unstructure_hook(datetime.date, date_as)
    converter.register_unstructure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum),
        lambda member: member.value,
    )
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_factory(converter))
    return converter


def _unstructure_factory(
    converter: cattrs.Converter,
) -> Callable[[type], Callable[[Any], dict[str, object]]]:
    def factory(cls: type) -> Callable[[Any], dict[str, object]]:
        fields = [field for field in attrs.fields(cls) if field.init]
        if cls is FunctionTree:
            fields = [field for field in fields if not field.name.startswith("_")]

        kind = getattr(cls, "KIND", None)  # a statement's kind comes first

        def unstructure(instance: Any) -> dict[str, object]:
            document: dict[str, object] = {} if kind is None else {"kind": kind}
            for field in fields:
                value = getattr(instance, field.name)
                if _omit(value, _default(field)):
                    continue
                document[field.alias or field.name] = converter.unstructure(value)
            return document

        return unstructure

    return factory


def _default(field: attrs.Attribute[Any]) -> object:
    """A field's default value (a factory is called), or a sentinel for a required field."""
    default: Any = field.default
    if default is attrs.NOTHING:
        return _REQUIRED
    factory = getattr(default, "factory", None)
    if isinstance(default, attrs.Factory) and callable(factory):  # type: ignore[arg-type]
        return factory()
    return default


_REQUIRED = object()


def _structure_texts(value: object, _type: type) -> tuple[str, ...]:
    """A list of texts: a list of strings, never a string split into characters."""
    if not isinstance(value, list):
        raise GovFinalError(f"expected a list of texts, got {_describe(value)}")
    found = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise GovFinalError(f"item {index}: expected text, got {_describe(item)}")
        found.append(item)
    return tuple(found)


def problems_of(error: BaseException, root: type = FinalAccount) -> list[Problem]:
    """Flatten a cattrs validation error into located problems, in document order."""
    return first_problems(error, sys.maxsize, root)[0]


def first_problems(
    error: BaseException, limit: int, root: type = FinalAccount
) -> tuple[list[Problem], int]:
    """The first ``limit`` problems of a cattrs validation error, and how many there are in all.

    Problems past the limit are counted, not built: the cost of a million unknown
    keys is a count, not a million suggestions.
    """
    found = _Found(limit)
    _walk(error, "", root, found)
    return found.problems, found.total


@attrs.define
class _Found:
    """The problems kept (at most ``limit``) and the number found."""

    limit: int
    problems: list[Problem] = attrs.Factory(list)
    total: int = 0

    def room(self) -> int:
        """How many more problems are kept."""
        return max(0, self.limit - len(self.problems))

    def add(self, problem: Problem) -> None:
        """Count ``problem``, and keep it while there is room."""
        self.total += 1
        if len(self.problems) < self.limit:
            self.problems.append(problem)


def _walk(error: BaseException, path: str, kind: type | None, found: _Found) -> None:
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            step = note.name if hasattr(note, "name") else getattr(note, "index", "")
            inner_kind = getattr(note, "type", None)
            child = f"{path}.{step}" if isinstance(step, str) else f"{path}[{step}]"
            _walk(inner, child.lstrip("."), inner_kind, found)
        for inner in without_notes:
            _walk(inner, path, kind, found)
        return
    if isinstance(error, ForbiddenExtraKeysError):
        _unknown_keys(error, path, found)
        return
    if isinstance(error, KeyError) and error.args:
        found.add(Problem(path, f"required key {error.args[0]!r} is missing"))
        return
    validated = _validated_field(error, kind)
    if validated is not None:  # "'fiscal_year' must be >= 1949: 0", from an attrs validator
        found.add(Problem(f"{path}.{validated}".lstrip("."), str(error)))
        return
    message = str(error) if isinstance(error, GovFinalError) else _plain(error, kind)
    named = _NAMED_FIELD.match(message)
    if named is not None:  # "FunctionLine.code: …" raised by the class itself
        path, message = f"{path}.{named.group(2)}".lstrip("."), named.group(3)
    found.add(Problem(path, message))


def _unknown_keys(error: ForbiddenExtraKeysError, path: str, found: _Found) -> None:
    """One problem per unknown key, alphabetically; a suggestion only for those kept."""
    extras = error.extra_fields
    room = found.room()
    # the first ones alphabetically, without sorting them all
    kept = sorted(extras) if len(extras) <= room else heapq.nsmallest(room, extras)
    names = _field_names(error.cl)
    for extra in kept:
        close = difflib.get_close_matches(extra, names, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        where = f"{path}.{extra}".lstrip(".")
        found.add(Problem(where, f"unknown key {extra!r}{hint}"))
    found.total += len(extras) - len(kept)


def _validated_field(error: BaseException, kind: type | None) -> str | None:
    """The field an attrs validator's ``ValueError`` names, if it is a field of ``kind``."""
    if not isinstance(error, ValueError) or kind is None or not attrs.has(kind):
        return None
    named = _VALIDATED_FIELD.match(str(error))
    if named is None or named.group(1) not in _field_names(kind):
        return None
    return named.group(1)


def _field_names(cls: type) -> list[str]:
    return [field.alias or field.name for field in attrs.fields(cls) if field.init]


def _plain(error: BaseException, kind: type | None) -> str:
    if isinstance(error, TypeError | ValueError | AttributeError):
        expected = getattr(kind, "__name__", None) if kind is not None else None
        detail = str(error) or type(error).__name__
        return f"expected {expected}: {detail}" if expected else detail
    return f"{type(error).__name__}: {error}"


def structure(converter: cattrs.Converter, document: Mapping[str, object], kind: type[T]) -> T:
    """Structure ``document`` into ``kind`` (errors propagate as cattrs raises them)."""
    return converter.structure(document, kind)
