"""A small TOML writer for govfinal data files.

``tomllib`` only reads. This writer emits what govfinal's data needs and keeps
it easy to edit by hand: sub-tables as ``[a.b]`` headers, lists of tables as
``[[a.b]]`` arrays of tables, a statement's place as an inline table
(:data:`INLINE_KEYS`), dates as TOML dates, and decimals with the digits they
were written with (``Decimal("0.00")`` stays ``0.00``; an integral
``Decimal("3")`` is written ``3``).

Input: nested ``dict`` with ``str`` keys, ``list``, ``str``, ``int``, ``bool``,
``datetime.date`` and finite ``Decimal`` values; ``None`` is not representable
and is refused.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

__all__ = ["INLINE_KEYS", "dumps"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dumps(document: Mapping[str, object]) -> str:
    """The TOML text of ``document``."""
    return "\n".join(_table(document, ())).strip() + "\n"


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # JSON's string escapes (\" \\ \n \t \uXXXX …) are valid in TOML basic strings;
    # TOML also forbids a raw DEL (U+007F), which JSON leaves as it is.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _is_table_list(value: object) -> bool:
    return (
        isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)
    )


INLINE_KEYS: Final = frozenset({"place"})
"""Keys whose table is written inline (``place = { section = "五", sentence = 2 }``)."""


def _table(table: Mapping[str, object], path: tuple[str, ...]) -> Iterator[str]:
    subtables: list[tuple[str, Mapping[str, object]]] = []
    table_lists: list[tuple[str, list[Mapping[str, object]]]] = []
    for key, value in table.items():
        if isinstance(value, Mapping) and key in INLINE_KEYS:
            yield f"{_key(key)} = {_inline(value)}"
        elif isinstance(value, Mapping):
            subtables.append((key, value))
        elif _is_table_list(value):
            assert isinstance(value, list)
            table_lists.append((key, value))
        else:
            yield f"{_key(key)} = {_value(value)}"
    for key, sub in subtables:
        name = ".".join(_key(part) for part in (*path, key))
        scalars = [
            k for k, v in sub.items() if not isinstance(v, Mapping) and not _is_table_list(v)
        ]
        if scalars or not sub:
            yield ""
            yield f"[{name}]"
        yield from _table(sub, (*path, key))
    for key, items in table_lists:
        name = ".".join(_key(part) for part in (*path, key))
        for item in items:
            yield ""
            yield f"[[{name}]]"
            yield from _table(item, (*path, key))


def _inline(table: Mapping[str, object]) -> str:
    if not table:
        return "{}"
    return "{ " + ", ".join(f"{_key(key)} = {_value(value)}" for key, value in table.items()) + " }"


def _value(value: object) -> str:
    if isinstance(value, Mapping):
        return _inline(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _decimal(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Sequence):
        items = [_value(item) for item in value]
        if sum(len(item) for item in items) < 60:
            return "[" + ", ".join(items) + "]"
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    raise TypeError(f"cannot write {type(value).__name__} {value!r} to TOML")


def _decimal(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"cannot write {value} to TOML")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent == 0 and not (value.is_zero() and value.is_signed()):
        return str(int(value))
    if exponent == 0:  # −0 as an integer would lose its sign
        return "-0e0"
    text = str(value)
    if "E" in text:
        return text.replace("E", "e")
    return text
