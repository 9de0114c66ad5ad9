"""Classification codes: 支出功能分类 (by function) and 支出经济分类 (by economic nature).

The code tables ship as package data (``govfinal/data/*.csv``) and are data,
not code: :meth:`CodeTable.extend` returns a table with a user's own rows, and
:func:`load_table` reads a CSV with the same columns.

Invariants:

* A function code is 3 digits (类), 5 (款) or 7 (项); an economic code is
  3 digits (类) or 5 (款). A code's parent is its code without the last two
  digits, so ``2060101`` is under ``20601``, which is under ``206``.
* Unknown but well-formed codes are accepted everywhere; a report's own name
  for a code always wins over the table's.
"""

from __future__ import annotations

import csv
import enum
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import attrs

from govfinal.errors import ClassificationError

__all__ = [
    "ECONOMIC_CODES",
    "FUNCTION_CODES",
    "CodeEntry",
    "CodeTable",
    "EconomicGroup",
    "FunctionLevel",
    "economic_group",
    "function_level",
    "is_economic_code",
    "is_function_code",
    "load_table",
    "parent_code",
]

_FUNCTION_CODE = re.compile(r"\d{3}(?:\d{2}){0,2}", re.ASCII)
_ECONOMIC_CODE = re.compile(r"\d{3}(?:\d{2})?", re.ASCII)


class FunctionLevel(enum.Enum):
    """Level of a 支出功能分类 code."""

    CLASS = "类"
    ITEM = "款"
    SUBITEM = "项"


class EconomicGroup(enum.Enum):
    """How basic expenditure groups by economic class (人员经费 or 公用经费)."""

    PERSONNEL = "人员经费"
    PUBLIC = "公用经费"


_PERSONNEL_CLASSES = frozenset({"301", "303"})
_PUBLIC_CLASSES = frozenset({"302", "310"})


def is_function_code(code: str) -> bool:
    """Whether ``code`` is a well-formed 支出功能分类 code (3, 5 or 7 digits).

    >>> is_function_code("2060101"), is_function_code("20601"), is_function_code("2061")
    (True, True, False)
    """
    return isinstance(code, str) and _FUNCTION_CODE.fullmatch(code) is not None


def is_economic_code(code: str) -> bool:
    """Whether ``code`` is a well-formed 支出经济分类 code (3 or 5 digits)."""
    return isinstance(code, str) and _ECONOMIC_CODE.fullmatch(code) is not None


def function_level(code: str) -> FunctionLevel:
    """The level of a function code: 类 (3 digits), 款 (5) or 项 (7).

    >>> function_level("2080505")
    <FunctionLevel.SUBITEM: '项'>
    """
    if not is_function_code(code):
        raise ClassificationError(f"{code!r} is not a 支出功能分类 code (3, 5 or 7 digits)")
    return {3: FunctionLevel.CLASS, 5: FunctionLevel.ITEM, 7: FunctionLevel.SUBITEM}[len(code)]


def parent_code(code: str) -> str | None:
    """The parent of a classification code: the code without its last two digits.

    >>> parent_code("2060101"), parent_code("206")
    ('20601', None)
    """
    return code[:-2] if len(code) > 3 else None


def economic_group(code: str) -> EconomicGroup | None:
    """人员经费 for classes 301 and 303, 公用经费 for 302 and 310, else ``None``.

    >>> economic_group("30108")
    <EconomicGroup.PERSONNEL: '人员经费'>
    """
    if not is_economic_code(code):
        raise ClassificationError(f"{code!r} is not a 支出经济分类 code (3 or 5 digits)")
    head = code[:3]
    if head in _PERSONNEL_CLASSES:
        return EconomicGroup.PERSONNEL
    if head in _PUBLIC_CLASSES:
        return EconomicGroup.PUBLIC
    return None


@attrs.frozen
class CodeEntry:
    """One row of a code table: a code and its official name (科目名称)."""

    code: str
    name: str


def _read_only(names: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(names))


@attrs.frozen
class CodeTable(Mapping[str, str]):
    """A read-only table of codes to official names, in code order.

    >>> FUNCTION_CODES["206"]
    '科学技术支出'
    >>> mine = FUNCTION_CODES.extend([CodeEntry("2069999", "我的项")])
    >>> mine.name_of("2069999"), "2069999" in FUNCTION_CODES
    ('我的项', False)
    """

    kind: str = attrs.field(validator=attrs.validators.in_(("function", "economic")))
    _names: Mapping[str, str] = attrs.field(
        alias="names", repr=False, converter=_read_only, hash=False
    )

    def __getitem__(self, code: str) -> str:
        return self._names[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def name_of(self, code: str) -> str | None:
        """The official name of ``code``, or ``None`` if the table does not know it."""
        return self._names.get(code)

    def names_as(self, code: str, name: str) -> bool:
        """Whether ``name`` is the official name of ``code``, whitespace aside.

        >>> FUNCTION_CODES.names_as("206", "科学技术 支出"), FUNCTION_CODES.names_as("206", "科技")
        (True, False)
        """
        official = self._names.get(code)
        return official is not None and "".join(official.split()) == "".join(name.split())

    def extend(self, entries: Iterable[CodeEntry]) -> CodeTable:
        """A new table with ``entries`` added; an entry replaces a known code's name."""
        names = dict(self._names)
        for entry in entries:
            _check_code(self.kind, entry.code)
            names[entry.code] = entry.name
        return CodeTable(kind=self.kind, names=dict(sorted(names.items())))


def _check_code(kind: str, code: str) -> None:
    valid = is_function_code(code) if kind == "function" else is_economic_code(code)
    if not valid:
        raise ClassificationError(f"{code!r} is not a well-formed {kind} code")


def _read_rows(text: str, source: str, kind: str) -> list[CodeEntry]:
    rows: list[CodeEntry] = []
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        number = reader.line_num
        code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
        if not name:
            raise ClassificationError(f"{source}:{number}: no name for code {code!r}")
        try:
            _check_code(kind, code)
        except ClassificationError as exc:
            raise ClassificationError(f"{source}:{number}: {exc}") from None
        rows.append(CodeEntry(code, name))
    return rows


def load_table(path: str | Path, kind: str = "function") -> CodeTable:
    """Read a code table from a UTF-8 CSV with at least the columns ``code`` and ``name``.

    Args:
        path: the CSV file.
        kind: ``"function"`` or ``"economic"``; decides which codes are well formed.

    """
    source = Path(path)
    rows = _read_rows(source.read_text(encoding="utf-8-sig"), str(source), kind)
    return CodeTable(kind=kind, names={}).extend(rows)


def _package_table(filename: str, kind: str) -> CodeTable:
    text = resources.files("govfinal.data").joinpath(filename).read_text(encoding="utf-8")
    return CodeTable(kind=kind, names={}).extend(_read_rows(text, filename, kind))


FUNCTION_CODES: CodeTable = _package_table("function_codes.csv", "function")
"""支出功能分类: every 类, and the 款 and 项 seen in published reports."""

ECONOMIC_CODES: CodeTable = _package_table("economic_codes.csv", "economic")
"""支出经济分类 of basic expenditure: 301, 302, 303, 310 and their 款."""
