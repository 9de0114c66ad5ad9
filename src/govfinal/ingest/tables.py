"""The standard tables' recognisers: a table's grids into facts at addresses.

A template family's tables are data (``families/<family>.tables.toml``, read
by :func:`table_specs`): each table's title, its columns by heading, and its
rows by 科目编码 or by label. :func:`read_tables` reads every table of a
report's pages with them.

How a grid is read:

* **Headings.** The rows above the first row that holds an amount or a code
  are the header. A column's heading is the text of every header cell over
  it, top to bottom (a merged cell counts for each column it spans), compacted
  (:func:`~govfinal.ingest.layout.compact`).
* **Columns.** A column headed ``…科目编码``, ``类``, ``款`` or ``项`` holds a
  code; one headed ``…科目名称`` or ``项目`` a label; the others hold amounts. A
  label column starts a *side*: the 总表 has a 收入 side and a 支出 side.
* **Rows.** A row whose code cells hold digits is the line of that code
  (``201``, ``06``, ``01`` → ``2010601``; or ``2010601`` in one cell); any
  other row is found by its label, its ordinal prefix (``一、``) left out.
* **Cells.** An amount is read as printed, thousands separators left out
  (``2,940.05`` → ``Decimal("2940.05")``); a blank cell is no figure; any
  other text in an amount column is listed as unreadable, never guessed.

Invariants: a figure is read only where the family names its row and its
column; a row or column the family does not know is listed as missing with
its place; every fact keeps its source (page, table, row, column, cell box,
raw text).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any, Final

import attrs

from govfinal.classification import FUNCTION_CODES, is_economic_code, is_function_code
from govfinal.ingest.layout import FoundTable, compact, find_tables
from govfinal.ingest.pages import Box, Grid, Page
from govfinal.ingest.readings import Readings, Source

__all__ = ["TableSpec", "read_tables", "table_specs"]

_AMOUNT: Final = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_ORDINAL: Final = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])"
)
_CODE_HEADING: Final = re.compile(r"^[类款项]$|编码[类款项]?$")
_LABEL_HEADINGS: Final = ("科目名称", "项目")
_MAX_ROWS: Final = 2_000
_EDGE: Final = Decimal(2)
"""How far, in points, a continuation's cell may start from its column's edge."""
_FINAL_HEADINGS: Final = ("决算数", "决算金额")
_OTHER_FIGURE: Final = re.compile(r"预算|行次|栏次|上年")
"""Headings of a column that holds something other than the year's final figure."""


@attrs.frozen
class Side:
    """A side of a labelled table: rows by label, 类 rows by name."""

    rows: Mapping[str, str | Mapping[str, str]] = attrs.field(factory=dict)
    after: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    classes: str | Mapping[str, str] | None = None


@attrs.frozen
class TableSpec:
    """How a family prints one standard table (see the module's docstring)."""

    table: str
    title: str
    line: str | None = None
    codes: str = "function"
    columns: Mapping[str, str] = attrs.field(factory=dict)
    rows: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    sides: tuple[Side, ...] = ()
    single_row: bool = False


@functools.cache
def table_specs(family: str) -> tuple[TableSpec, ...]:
    """The table specifications of a template family, from its data file; none without one."""
    data = resources.files("govfinal.ingest.families").joinpath(f"{family}.tables.toml")
    if not data.is_file():
        return ()
    document = tomllib.loads(data.read_text("utf-8"))
    return tuple(_spec(table) for table in document["tables"])


def _spec(table: dict[str, Any]) -> TableSpec:
    """One ``[[tables]]`` entry as a :class:`TableSpec`."""
    sides = tuple(
        Side(
            rows={compact(key): value for key, value in side.get("rows", {}).items()},
            after={
                compact(key): {compact(label): address for label, address in value.items()}
                for key, value in side.get("after", {}).items()
            },
            classes=side.get("classes"),
        )
        for side in table.get("sides", ())
    )
    return TableSpec(
        table=table["table"],
        title=table["title"],
        line=table.get("line"),
        codes=table.get("codes", "function"),
        columns={compact(key): value for key, value in table.get("columns", {}).items()},
        rows={compact(key): value for key, value in table.get("rows", {}).items()},
        sides=sides,
        single_row=table.get("single_row", False),
    )


def read_tables(pages: Sequence[Page], *, file: str, family: str) -> Readings:
    """The figures of every standard table of ``pages``, and what was not found."""
    specs = table_specs(family)
    if not specs:
        readings = Readings()
        readings.miss("表格", f"模板 {family} 未定义表格 (the family defines no tables): none read")
        return readings
    by_title = {compact(spec.title): spec for spec in specs}
    readings = Readings()
    found, skipped = find_tables(pages, (spec.title for spec in specs))
    for grid in skipped:
        source = Source(
            file, grid.grid.page, grid.title or "表格", bbox=grid.grid.bbox, text=grid.title
        )
        readings.miss(
            grid.title or "表格",
            "表格未读：不在已知表格之下 (a grid under no table it belongs to)",
            source,
        )
    seen = set()
    # The coded tables first: the 类 names they print let the 总表 find its 类 rows.
    for table in sorted(found, key=lambda table: by_title[compact(table.title)].line is None):
        spec = by_title[compact(table.title)]
        seen.add(spec.table)
        _Reader(spec, table, file, readings).read()
    for spec in specs:
        if spec.table not in seen:
            readings.miss(spec.title, "表格未找到 (table not found)")
    return readings


@attrs.frozen
class _Cell:
    text: str
    box: Box | None
    page: int


class _Reader:
    """Reads one found table into ``readings``."""

    def __init__(self, spec: TableSpec, table: FoundTable, file: str, readings: Readings) -> None:
        self.spec, self.table, self.file, self.readings = spec, table, file, readings

    def read(self) -> None:
        first = self.table.grids[0]
        header_rows = _header_count(first, single_row=self.spec.single_row)
        headings = _headings(first, header_rows)
        kinds = [_column_kind(heading) for heading in headings]
        rows = list(self._body(first, header_rows, len(headings)))
        if self.spec.single_row:
            self._single_row(rows, headings)
        elif self.spec.sides:
            self._sides(rows, headings, kinds)
        else:
            self._coded(rows, headings, kinds)

    def _body(self, first: Grid, header_rows: int, width: int) -> Iterator[list[_Cell]]:
        lefts = _column_lefts(first, width)
        count = 0
        for grid in self.table.grids:
            start = header_rows if grid is first else _repeated_header(grid, first, header_rows)
            for texts, boxes in zip(grid.cells[start:], grid.boxes[start:], strict=True):
                count += 1
                if count > _MAX_ROWS:
                    return
                row: list[_Cell] | None
                if len(texts) == width:  # the same columns, wherever the rules fall
                    row = [
                        _Cell(text or "", box, grid.page)
                        for text, box in zip(texts, boxes, strict=True)
                    ]
                else:
                    row = _aligned(texts, boxes, lefts, grid.page)
                if row is None:
                    self.readings.miss(
                        self.spec.title,
                        f"续表的列与表头的 {width} 列不对齐"
                        " (a continuation's columns do not line up)",
                        self._source(
                            grid.page, None, None, grid.bbox, " | ".join(t or "" for t in texts)
                        ),
                    )
                    continue
                yield row

    # -- tables of coded lines ------------------------------------------------------

    def _coded(self, rows: list[list[_Cell]], headings: list[str], kinds: list[str]) -> None:
        codes = [index for index, kind in enumerate(kinds) if kind == "code"]
        labels = [index for index, kind in enumerate(kinds) if kind == "label"]
        values = [index for index, kind in enumerate(kinds) if kind == "value"]
        for sides in _split_sides(kinds):
            side_codes = [index for index in codes if index in sides]
            side_labels = [index for index in labels if index in sides]
            side_values = [index for index in values if index in sides]
            for row in rows:
                self._coded_row(row, side_codes, side_labels, side_values, headings)

    def _coded_row(
        self,
        row: list[_Cell],
        codes: list[int],
        labels: list[int],
        values: list[int],
        headings: list[str],
    ) -> None:
        code_text = _code_of([compact(row[index].text) for index in codes])
        label = _label(" ".join(row[index].text for index in labels))
        if not code_text and not label:
            return
        if code_text.isdigit() and self._is_code(code_text):
            assert self.spec.line is not None
            line = self.spec.line.format(code=code_text)
            name_cell = row[labels[0]] if labels else None
            if name_cell is not None and compact(name_cell.text):
                self.readings.fact(
                    f"{line}.name",
                    compact(name_cell.text),
                    self._source(
                        name_cell.page, code_text, "科目名称", name_cell.box, name_cell.text
                    ),
                )
            for index in values:
                field = _column_field(self.spec.columns, headings[index])
                if field is None:
                    self._unknown_column(row[index], headings[index])
                    continue
                self._amount(row[index], f"{line}.{field}", code_text, headings[index])
            return
        key = label or _label("".join(row[index].text for index in codes))
        targets = self.spec.rows.get(key)
        if targets is None:
            self._unknown_row(row, key or code_text)
            return
        for index in values:
            address = _column_field(targets, headings[index])
            if address is None:
                self._unknown_column(row[index], headings[index])
            else:
                self._amount(row[index], address, key, headings[index])

    def _is_code(self, code: str) -> bool:
        return is_economic_code(code) if self.spec.codes == "economic" else is_function_code(code)

    # -- tables of labelled sides ---------------------------------------------------

    def _sides(self, rows: list[list[_Cell]], headings: list[str], kinds: list[str]) -> None:
        columns = _split_sides(kinds)
        names = {name: code for code, name in self.readings.line_names().items() if len(code) == 3}
        for side, indices in zip(self.spec.sides, columns, strict=False):
            label_index = next((index for index in indices if kinds[index] == "label"), None)
            values = [index for index in indices if kinds[index] == "value"]
            if label_index is None:
                continue
            group: Mapping[str, str] | None = None
            seen: set[str] = set()
            for row in rows:
                cell = row[label_index]
                label = _label(cell.text)
                if not label:
                    continue
                if group is not None and label in group:
                    self._side_value(row, values, headings, group[label], label)
                    continue
                if label in seen:  # a row label met again outside its group: not guessed at
                    self._unknown_row(row, label)
                    continue
                seen.add(label)
                group = side.after.get(label)
                target = side.rows.get(label)
                if target is not None:
                    self._side_value(row, values, headings, target, label)
                    continue
                code = names.get(label) or _class_code(label)
                if code is not None and side.classes is not None:
                    self._side_value(row, values, headings, side.classes, label, code)
                    continue
                self._unknown_row(row, label)
        if len(columns) < len(self.spec.sides):
            self.readings.miss(self.spec.title, "表格的一侧未找到 (a side of the table is missing)")

    def _side_value(
        self,
        row: list[_Cell],
        values: list[int],
        headings: list[str],
        target: str | Mapping[str, str],
        label: str,
        code: str | None = None,
    ) -> None:
        for index in values:
            if isinstance(target, str):  # one figure: the 决算数 column, or the side's only one
                only = len(values) == 1 and not _OTHER_FIGURE.search(headings[index])
                address = target if only or headings[index].endswith(_FINAL_HEADINGS) else None
            else:
                address = _column_field(target, headings[index])
            if address is None:
                self._unknown_column(row[index], headings[index])
                continue
            if code is not None:
                address = address.format(code=code)
            self._amount(row[index], address, label, headings[index])

    # -- a table of one row ---------------------------------------------------------

    def _single_row(self, rows: list[list[_Cell]], headings: list[str]) -> None:
        data = [row for row in rows if any(_AMOUNT.fullmatch(compact(cell.text)) for cell in row)]
        if not data:
            if any(compact(cell.text) for row in rows for cell in row):
                self.readings.miss(self.spec.title, "没有一行数字 (no row of figures)")
            return
        if len(data) > 1:
            self.readings.miss(
                self.spec.title, "多于一行数字 (more than one row of figures): first read"
            )
        for cell, heading in zip(data[0], headings, strict=True):
            address = _column_field(self.spec.columns, heading)
            if address is None:
                if compact(cell.text):
                    self._unknown_column(cell, heading)
                continue
            self._amount(cell, address, None, heading)

    # -- cells ----------------------------------------------------------------------

    def _amount(self, cell: _Cell, address: str, row: str | None, heading: str) -> None:
        text = compact(cell.text)
        if not text:
            return
        source = self._source(cell.page, row, heading, cell.box, cell.text)
        if not _AMOUNT.fullmatch(text):
            self.readings.miss(
                self.spec.title, f"不是金额的单元格 (not an amount): {text[:40]!r}", source
            )
        elif not address:
            self.readings.unheld.append(source)
        else:
            self.readings.fact(address, Decimal(text.replace(",", "")), source)

    def _unknown_row(self, row: list[_Cell], label: str) -> None:
        if any(_AMOUNT.fullmatch(compact(cell.text)) for cell in row):
            cell = next(cell for cell in row if compact(cell.text))
            self.readings.miss(
                self.spec.title,
                f"未识别的行 (row not recognised): {label[:40]!r}",
                self._source(cell.page, label, None, cell.box, cell.text),
            )

    def _unknown_column(self, cell: _Cell, heading: str) -> None:
        if compact(cell.text):
            self.readings.miss(
                self.spec.title,
                f"未识别的列 (column not recognised): {heading[:40]!r}",
                self._source(cell.page, None, heading, cell.box, cell.text),
            )

    def _source(
        self, page: int, row: str | None, column: str | None, box: Box | None, text: str
    ) -> Source:
        return Source(self.file, page, self.spec.title, row, column, None, box, text)


_CODE_PARTS: Final = (3, 2, 2)
"""The digits of a code's parts in their own columns: 类, 款, 项 (支出经济分类: 类, 款)."""


def _code_of(parts: list[str]) -> str:
    """The code a row's code cells give: whole in one cell, or 类/款/项 in their own.

    Parts in their own columns count only as a prefix of 类, 款, 项 with their
    digits (``201``, ``06``, ``01``): a blank 类 before a 款, or a part of
    the wrong length, gives no code (the row is then read by its label, and
    listed if it holds figures). Text that is not digits is returned as it is.
    """
    filled = [part for part in parts if part]
    if len(filled) <= 1:
        return filled[0] if filled else ""
    if not all(part.isdigit() for part in filled) or len(parts) > len(_CODE_PARTS):
        return "".join(filled)
    code = ""
    for index, part in enumerate(parts):
        if not part:
            if any(parts[index:]):
                return "?" + "".join(filled)  # a gap: no code
            break
        if len(part) != _CODE_PARTS[index]:
            return "?" + "".join(filled)
        code += part
    return code


def _header_count(grid: Grid, *, single_row: bool = False) -> int:
    """How many rows of ``grid`` come before its first row holding an amount or a code.

    A table of one row of figures (the “三公” table, whose figures may be
    whole numbers) has its header end after its last row of 预算数/决算数
    headings.
    """
    if single_row:
        marked = [
            index
            for index, row in enumerate(grid.cells)
            if any(compact(text or "").endswith(("预算数", "决算数")) for text in row)
        ]
        if marked:
            return marked[-1] + 1
    for index, row in enumerate(grid.cells):
        for text in row:
            value = compact(text or "")
            if _AMOUNT.fullmatch(value) and ("." in value or len(value) >= 3):
                return index
    return len(grid.cells)


def _repeated_header(grid: Grid, first: Grid, header_rows: int) -> int:
    """How many leading rows of a continuation grid repeat the first grid's header."""
    count = 0
    for row, header in zip(grid.cells, first.cells[:header_rows], strict=False):
        if [compact(text or "") for text in row] != [compact(text or "") for text in header]:
            break
        count += 1
    return count


def _headings(grid: Grid, header_rows: int) -> list[str]:
    """Each column's heading: the header cells over it, top to bottom."""
    width = len(grid.cells[0])
    centres = _column_centres(grid, width)
    headings = []
    for centre in centres:
        parts = []
        for texts, boxes in zip(grid.cells[:header_rows], grid.boxes[:header_rows], strict=True):
            for text, box in zip(texts, boxes, strict=True):
                if text and box is not None and box[0] <= centre <= box[2]:
                    parts.append(compact(text))
        headings.append("".join(parts))
    return headings


def _column_lefts(grid: Grid, width: int) -> list[Decimal | None]:
    """The left edge of each column of ``grid``, where some cell starts in it."""
    lefts: list[Decimal | None] = []
    for index in range(width):
        boxes = [row[index] for row in grid.boxes if index < len(row) and row[index] is not None]
        lefts.append(min((box[0] for box in boxes if box is not None), default=None))
    return lefts


def _aligned(
    texts: Sequence[str | None],
    boxes: Sequence[Box | None],
    lefts: Sequence[Decimal | None],
    page: int,
) -> list[_Cell] | None:
    """A row's cells in the first grid's columns, by where each starts; ``None`` if one fits none.

    A continuation grid with as many columns as the first is read column by
    column; one with fewer (a 合计 row whose label spans the code and name
    columns) has its cells placed by their left edges, within :data:`_EDGE`
    points, the columns they cover left blank.
    """
    row = [_Cell("", None, page) for _ in lefts]
    for text, box in zip(texts, boxes, strict=True):
        if box is None:
            continue
        column = next(
            (
                index
                for index, left in enumerate(lefts)
                if left is not None and abs(left - box[0]) <= _EDGE
            ),
            None,
        )
        if column is None:
            return None
        row[column] = _Cell(text or "", box, page)
    return row


def _column_centres(grid: Grid, width: int) -> list[Decimal]:
    """The horizontal centre of each column: its left edge to its narrowest cell's right."""
    centres = []
    for index in range(width):
        boxes = [row[index] for row in grid.boxes if index < len(row) and row[index] is not None]
        if not boxes:
            centres.append(Decimal(-1))
            continue
        left = min(box[0] for box in boxes if box is not None)
        right = min(box[2] for box in boxes if box is not None)
        centres.append((left + right) / 2)
    return centres


def _column_kind(heading: str) -> str:
    """``code``, ``label``, ``ordinal`` (行次, 栏次: row numbers, not read) or ``value``."""
    if heading.endswith(("行次", "栏次")):
        return "ordinal"
    if _CODE_HEADING.search(heading):
        return "code"
    if heading.endswith(_LABEL_HEADINGS):
        return "label"
    return "value"


def _split_sides(kinds: list[str]) -> list[list[int]]:
    """Column indices grouped into sides: a code or label column after a value column starts one."""
    sides: list[list[int]] = []
    previous = "value"
    for index, kind in enumerate(kinds):
        if kind == "ordinal":
            continue
        if kind != "value" and (previous == "value" or not sides):
            sides.append([])
        if not sides:
            sides.append([])
        sides[-1].append(index)
        previous = kind
    return sides


def _column_field(columns: Mapping[str, str], heading: str) -> str | None:
    """The field of the longest key that the heading ends with.

    A heading whose part before the key ends with another key is a
    sub-column of that column (``基本支出小计`` under 基本支出), not the key's
    column: it matches nothing.
    """
    best = None
    for key, field in columns.items():
        if heading.endswith(key) and (best is None or len(key) > len(best[0])):
            best = (key, field)
    if best is None:
        return None
    before = heading[: len(heading) - len(best[0])]
    if any(before.endswith(key) for key in columns if key):
        return None
    return best[1]


def _label(text: str) -> str:
    """A row's label: compacted, its ordinal prefix left out."""
    return _ORDINAL.sub("", compact(text))


def _class_code(label: str) -> str | None:
    """The 类 whose official name a 总表 row's label is (the report's own names come first)."""
    return next(
        (
            code
            for code in FUNCTION_CODES
            if len(code) == 3 and FUNCTION_CODES.names_as(code, label)
        ),
        None,
    )
