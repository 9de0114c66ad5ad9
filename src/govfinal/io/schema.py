"""The JSON Schema of govfinal data files, generated from the model classes themselves.

:func:`json_schema` walks :class:`~govfinal.model.FinalAccount` and every attrs
class reachable from it, reading each field's type (``typing.get_type_hints``),
default and validators, and each class's docstring. The schema therefore never
drifts from the model: a field added to a class appears in it, with the
description its ``Attributes:`` entry gives (which names the Chinese term).

Mapping of types:

* an attrs class: an object in ``$defs`` (one per class), ``additionalProperties``
  false, ``required`` the fields without a default;
* ``Decimal`` (amounts, percentages, scores): a number, or a string of decimal
  digits, as JSON documents write them (``"58.95"``);
* ``int``: an integer; counts (人数, 辆, 批次…) have ``minimum`` 0 and
  ``maximum`` :data:`~govfinal.model._fields.MAX_COUNT`;
* an amount that cannot be negative (an area, an asset value, a contract
  award, a score) has ``minimum`` 0 and a pattern without a minus sign. (The
  same rule for the amounts of 三公经费 and 机关运行经费 is the model's, on
  the shared comparison object, and is not in the schema.)
* an enum: a string, one of the members' Chinese values;
* ``tuple[X, ...]``: an array of ``X``;
* ``X | None``: ``X``. A file never holds ``null``: an unpublished figure is
  left out, so such a field is simply not required.

The schema describes JSON documents; TOML documents have the same structure.

>>> from govfinal.io.schema import json_schema
>>> schema = json_schema()
>>> schema["$defs"]["BudgetUnit"]["required"]
['name', 'fiscal_year']
>>> schema["$defs"]["BudgetUnit"]["properties"]["kind"]["enum"]
['行政单位', '参照公务员法管理事业单位', '事业单位']
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any, Final

import attrs

from govfinal.io import FORMAT_VERSION
from govfinal.model._fields import (
    MAX_COUNT,
    count,
    non_negative_amount,
    optional_count,
    optional_non_negative_amount,
    optional_non_negative_percent,
)
from govfinal.model.economic import EconomicLine
from govfinal.model.function import FunctionLine, FunctionTree
from govfinal.model.report import FinalAccount

__all__ = ["DECIMAL_PATTERN", "NON_NEGATIVE_DECIMAL_PATTERN", "SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema draft the generated schema follows."""

DECIMAL_PATTERN: Final = (
    r"^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)$"
)
"""A decimal written as a string: ``58.95``, ``-6.47``, ``1E+3`` or ``1,234.50``."""

NON_NEGATIVE_DECIMAL_PATTERN: Final = (
    r"^(?:\+?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)"
    r"|-(?:0+(?:\.0*)?|\.0+)(?:[eE][+-]?[0-9]+)?)$"
)
"""A decimal that cannot be negative, written as a string (``-0`` is zero, so it is allowed)."""

_FUNCTION_CODE: Final = r"^[0-9]{3}(?:[0-9]{2}){0,2}$"
_ECONOMIC_CODE: Final = r"^[0-9]{3}(?:[0-9]{2})?$"

_PATTERNS: Final[dict[tuple[type, str], str]] = {
    (FunctionLine, "code"): _FUNCTION_CODE,
    (FunctionTree, "narrative_order"): _FUNCTION_CODE,
    (EconomicLine, "code"): _ECONOMIC_CODE,
}
"""Fields whose converters accept only strings of a shape (classification codes)."""

_COUNT_CONVERTERS: Final = (count, optional_count)

_NON_NEGATIVE_CONVERTERS: Final = (
    non_negative_amount,
    optional_non_negative_amount,
    optional_non_negative_percent,
)

_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([^`]+)`")
_ENTRY = re.compile(r"(\w+):\s*(.*)")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a govfinal data file.

    Returns:
        A new dict each call: the root refers to ``#/$defs/FinalAccount``, and
        ``$defs`` holds one object schema per attrs class of the model.

    """
    definitions: dict[str, dict[str, Any]] = {}
    _define(FinalAccount, definitions)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "govfinal data file: 部门决算 (departmental final account)",
        "description": (
            "One unit's final account (部门决算) for one fiscal year, as govfinal reads it "
            "from JSON or TOML. Amounts are decimals (numbers, or strings in JSON); an "
            "unpublished figure is left out, never null."
        ),
        "$ref": f"#/$defs/{FinalAccount.__name__}",
        "$defs": dict(sorted(definitions.items())),
    }


def _define(cls: type, definitions: dict[str, dict[str, Any]]) -> str:
    """Add the object schema of attrs class ``cls`` (and those it uses) to ``definitions``."""
    name = cls.__name__
    if name in definitions:
        return name
    definition: dict[str, Any] = {"type": "object", "title": name}
    definitions[name] = definition  # placed first, so that recursion stops here
    summary, descriptions = _docstring(cls)
    if summary:
        definition["description"] = summary
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    kind = getattr(cls, "KIND", None)
    if kind is not None:  # a statement: its kind tells which
        properties["kind"] = {"const": kind, "description": "the kind of statement."}
        required.append("kind")
    if cls is FinalAccount:
        properties["format_version"] = {
            "type": "integer",
            "minimum": 1,
            "maximum": FORMAT_VERSION,
            "description": "The data format's version (1 when left out).",
        }
    for field in attrs.fields(cls):
        if not field.init:
            continue  # derived state (e.g. FunctionTree's index) is not in files
        key = field.alias or field.name
        schema = _type_schema(hints[field.name], definitions)
        schema.update(_field_constraints(cls, field, schema))
        description = descriptions.get(field.name)
        if description:
            schema["description"] = description
        properties[key] = schema
        if field.default is attrs.NOTHING:
            required.append(key)
    definition["properties"] = properties
    if required:
        definition["required"] = required
    definition["additionalProperties"] = False
    return name


def _type_schema(hint: Any, definitions: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The schema of a type hint."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        present = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if all(isinstance(arg, type) and hasattr(arg, "KIND") for arg in present):
            return {"oneOf": [_type_schema(arg, definitions) for arg in present]}  # by kind
        if len(present) != 1:
            raise TypeError(f"no schema for the union {hint!r}")
        return _type_schema(present[0], definitions)  # None means "left out", not null
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"no schema for the fixed-length tuple {hint!r}")
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if not isinstance(hint, type):
        raise TypeError(f"no schema for the type {hint!r}")
    if attrs.has(hint):
        return {"$ref": f"#/$defs/{_define(hint, definitions)}"}
    if issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if hint is Decimal:
        return {"type": ["number", "string"], "pattern": DECIMAL_PATTERN}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is datetime.date:
        return {"type": "string", "format": "date"}
    if hint is str:
        return {"type": "string"}
    raise TypeError(f"no schema for the type {hint!r}")


def _field_constraints(
    cls: type, field: attrs.Attribute[Any], schema: dict[str, Any]
) -> dict[str, Any]:
    """Constraints that a field's converter and validators add to its type's schema."""
    extra: dict[str, Any] = {}
    converter: object = field.converter
    if schema.get("type") == "integer" and converter in _COUNT_CONVERTERS:
        extra["minimum"] = 0
        extra["maximum"] = MAX_COUNT
    if converter in _NON_NEGATIVE_CONVERTERS:
        extra["minimum"] = 0
        extra["pattern"] = NON_NEGATIVE_DECIMAL_PATTERN
    pattern = _PATTERNS.get((cls, field.name))
    if pattern is not None:
        if schema.get("type") == "array":
            schema["items"] = {**schema["items"], "pattern": pattern}
        else:
            extra["pattern"] = pattern
    for validator in _validators(field.validator):
        minimum_length = getattr(validator, "min_length", None)
        if isinstance(minimum_length, int) and schema.get("type") == "string":
            extra["minLength"] = minimum_length
        bound = getattr(validator, "bound", None)
        operator = getattr(validator, "compare_op", None)
        if isinstance(bound, int) and schema.get("type") == "integer":
            if operator == ">=":
                extra["minimum"] = bound
            elif operator == ">":
                extra["exclusiveMinimum"] = bound
            elif operator == "<=":
                extra["maximum"] = bound
            elif operator == "<":
                extra["exclusiveMaximum"] = bound
    if field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        default = field.default
        if isinstance(default, enum.Enum):
            extra["default"] = default.value
        elif isinstance(default, Decimal):
            extra["default"] = str(default)
        elif isinstance(default, bool | int | str):
            extra["default"] = default
    return extra


def _validators(validator: object) -> list[object]:
    """The validators an attrs field runs, with ``and_`` combinations flattened."""
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if isinstance(inner, tuple | list):
        return [leaf for part in inner for leaf in _validators(part)]
    return [validator]


def _docstring(cls: type) -> tuple[str, dict[str, str]]:
    """The docstring's first paragraph, and the ``Attributes:`` entries by field name."""
    text = inspect.getdoc(cls) or ""
    paragraphs = text.split("\n\n")
    summary = _clean(" ".join(paragraphs[0].split("\n"))) if paragraphs else ""
    entries: dict[str, list[str]] = {}
    current: list[str] | None = None
    in_section = False
    entry_indent = -1
    for line in text.splitlines():
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not in_section:
            in_section = stripped == "Attributes:" and indent == 0
            continue
        if not stripped:
            current = None
            continue
        if indent == 0:
            break  # the next section
        if entry_indent < 0:
            entry_indent = indent
        match = _ENTRY.fullmatch(stripped) if indent == entry_indent else None
        if match is not None:
            current = entries.setdefault(match.group(1), [])
            current.append(match.group(2))
        elif current is not None and indent > entry_indent:
            current.append(stripped)
    return summary, {name: _clean(_join(parts)) for name, parts in entries.items()}


def _join(parts: list[str]) -> str:
    """Join wrapped lines: with a space, except between two Chinese characters."""
    text = ""
    for part in parts:
        if not text:
            text = part
        elif _CJK.match(text[-1]) and _CJK.match(part[0]):
            text += part
        else:
            text += " " + part
    return text


def _clean(text: str) -> str:
    """A docstring fragment as plain text: roles and literal markup removed."""
    return _ROLE.sub(r"\1", text).replace("``", "").strip()
