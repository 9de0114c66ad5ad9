"""A writer of ruled PDFs of the nine tables, for tests of PDF ingest (not a test file).

:func:`write_tables_pdf` draws a :class:`~govfinal.FinalAccount` as the
Shanghai 2024 template and the published Putuo reports print their tables:
the texts come from :func:`govfinal.render.tables.build_tables`, so the PDF
says what govfinal renders, and each table is a grid of ruled cells (drawn
as line segments, like the published PDFs) under its title and a unit line
(单位：万元), with its notes under the grid.

The layout follows the published PDFs:

* the first page carries the part heading (第二部分 ……年度部门决算表), the
  first table under it;
* a table starts on a new page unless it fits entirely under the previous
  one (on a page of the same orientation), so short tables share a page;
* 收入支出决算总表, 一般公共预算财政拨款支出决算表 and the 基本支出 table are
  portrait, the others landscape;
* header cells are merged where the template merges them (收入 over 项目 and
  决算数, 项目 over the code and name columns, 本年支出 over its three
  columns, the “三公” header four rows deep);
* the 科目编码 is split into 类/款/项 columns ("201", "06", "01") in
  收入决算表, 支出决算表 and the two fund tables, as Putuo prints them, and
  is one cell ("2010601") in 一般公共预算财政拨款支出决算表 and the 基本支出
  table, as the template prints them;
* a 合计 row's label is one cell over the code and name columns;
* a table too long for its page goes on over the next pages, without its
  title, unit line or header rows (as the published continuation pages);
* amounts are right-aligned, as rendered (2,940.05); a blank cell is blank.

Options for tests of PDF pitfalls: ``digit_offset`` draws every run of digits
(with its separators) that many points lower than the rest of its line, as
one published PDF does; ``split_rows`` breaks every table after that many
body rows; ``empty_grid`` adds a page holding a ruled grid without text after
the 财政拨款收入支出决算总表 (as the Putuo PDF has); ``narrative`` adds
paragraphs, wrapped character by character at the text width (numbers split
across lines too), on pages after the tables under a 第三部分 heading.

Every character is drawn in reportlab's CID font ``STSong-Light`` (it has the
Latin digits too, so one font, one ascent: a digit and a Chinese character
drawn on the same baseline have the same ``top`` in pdfplumber). pdfplumber
extracts its text exactly; the font is not embedded, so a viewer without the
Adobe Chinese font pack shows the Chinese glyphs blank or substituted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govfinal import FinalAccount
from govfinal.render.document import Heading, Table
from govfinal.render.tables import build_tables, is_amount_cell, titled_tables

__all__ = ["FONT", "PORTRAIT_TABLES", "write_tables_pdf"]

FONT: Final = "STSong-Light"
"""The font of every character: a CID font reportlab ships, extracted exactly by pdfplumber."""

pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PORTRAIT_TABLES: Final = frozenset({"income_expenditure", "general_budget", "general_budget_basic"})
"""The keys of the tables printed on portrait pages; the others are landscape."""

_SPLIT_CODE_TABLES: Final = frozenset({"income", "expenditure", "government_fund", "state_capital"})
"""The tables whose 科目编码 is printed in 类/款/项 columns."""

_PART_SIZE: Final = 16.0
_TITLE_SIZE: Final = 15.0
_UNIT_SIZE: Final = 9.0
_CELL_SIZE: Final = 9.0
_NOTE_SIZE: Final = 9.0
_TEXT_SIZE: Final = 11.0
_LEADING: Final = 1.3
"""Line spacing, as a multiple of the font size."""

_MARGIN_X: Final = 40.0
_MARGIN_TOP: Final = 50.0
_MARGIN_BOTTOM: Final = 50.0
_PAD_X: Final = 3.0
_PAD_Y: Final = 4.0
_GAP: Final = 24.0
"""Space between a table's notes and the next table on the same page."""
_RULE: Final = 0.75
"""Width of the grid's lines."""
_ASCENT: Final = 0.8
"""Baseline below the top of a line of text, as a multiple of the font size."""

_DIGIT_RUN: Final = re.compile(r"-?[0-9][0-9,.%]*")
_CJK: Final = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class _Cell:
    """One drawn cell: its text, where it starts and how many rows and columns it spans."""

    text: str
    col: int
    row: int = 0
    colspan: int = 1
    rowspan: int = 1
    align: str = "center"


@dataclass(frozen=True)
class _Grid:
    """A table as drawn: drawn columns, merged header cells and body rows."""

    table: Table
    columns: int
    header_rows: int
    header: tuple[_Cell, ...]
    body: tuple[tuple[_Cell, ...], ...]

    @property
    def landscape(self) -> bool:
        """Whether the table is printed on a landscape page."""
        return self.table.key not in PORTRAIT_TABLES


# -- from rendered tables to drawn grids -----------------------------------------------


def _body_cell(text: str, col: int) -> _Cell:
    """A body cell, aligned as printed: amounts right, codes centred, names left."""
    if is_amount_cell(text):
        return _Cell(text, col, align="right")
    if not text or text.isdigit():
        return _Cell(text, col)
    return _Cell(text, col, align="left")


def _is_total(cells: Sequence[str]) -> bool:
    """Whether a function-table row is a 合计 row (no code, a label)."""
    return cells[0] == "" and cells[1] != ""


def _split_code(code: str) -> tuple[str, str, str]:
    """A function code in 类/款/项 parts: "2010601" → ("201", "06", "01")."""
    return code[:3], code[3:5], code[5:7]


def _function_body(table: Table, *, split: bool) -> tuple[tuple[_Cell, ...], ...]:
    """The rows of a function table, the code split in three columns or in one."""
    lead = 4 if split else 2
    rows: list[tuple[_Cell, ...]] = []
    for row in table.rows:
        cells = row.cells
        drawn: list[_Cell] = []
        if _is_total(cells):
            drawn.append(_Cell(cells[1], 0, colspan=lead))
        elif split:
            drawn.extend(_body_cell(part, col) for col, part in enumerate(_split_code(cells[0])))
            drawn.append(_body_cell(cells[1], 3))
        else:
            drawn.extend((_body_cell(cells[0], 0), _body_cell(cells[1], 1)))
        drawn.extend(_body_cell(text, lead + i) for i, text in enumerate(cells[2:]))
        rows.append(tuple(drawn))
    return tuple(rows)


def _code_header(*, split: bool, rows: int) -> list[_Cell]:
    """The 项目 block over the code and name columns, ``rows`` header rows deep."""
    if not split:
        return [
            _Cell("项目", 0, colspan=2),
            _Cell("功能分类科目编码", 0, row=1, rowspan=rows - 1),
            _Cell("科目名称", 1, row=1, rowspan=rows - 1),
        ]
    return [
        _Cell("项目", 0, colspan=4),
        _Cell("支出功能分类科目编码", 0, row=1, colspan=3, rowspan=rows - 2),
        _Cell("科目名称", 3, row=1, rowspan=rows - 1),
        *(_Cell(text, col, row=rows - 1) for col, text in enumerate("类款项")),
    ]


def _function_grid(table: Table) -> _Grid:
    """收入决算表, 支出决算表 or 一般公共预算财政拨款支出决算表."""
    split = table.key in _SPLIT_CODE_TABLES
    depth = 3 if split else 2
    lead = 4 if split else 2
    header = _code_header(split=split, rows=depth)
    header.extend(_Cell(text, lead + i, rowspan=depth) for i, text in enumerate(table.columns[2:]))
    return _Grid(
        table,
        lead + len(table.columns) - 2,
        depth,
        tuple(header),
        _function_body(table, split=split),
    )


def _fund_grid(table: Table) -> _Grid:
    """政府性基金 or 国有资本经营 table: 本年支出 merged over its three columns."""
    columns = table.columns
    if len(columns) != 8:
        return _plain_grid(table)
    spent = columns[4].removesuffix("合计")
    header = _code_header(split=True, rows=3)
    header.extend(
        [
            _Cell(columns[2], 4, rowspan=3),
            _Cell(columns[3], 5, rowspan=3),
            _Cell(spent, 6, colspan=3),
            _Cell(columns[4][len(spent) :] or columns[4], 6, row=1, rowspan=2),
            _Cell(columns[5], 7, row=1, rowspan=2),
            _Cell(columns[6], 8, row=1, rowspan=2),
            _Cell(columns[7], 9, rowspan=3),
        ]
    )
    return _Grid(table, 10, 3, tuple(header), _function_body(table, split=True))


def _plain_body(table: Table) -> tuple[tuple[_Cell, ...], ...]:
    """Rows drawn cell for cell."""
    return tuple(
        tuple(_body_cell(text, col) for col, text in enumerate(row.cells)) for row in table.rows
    )


def _plain_grid(table: Table) -> _Grid:
    """A table with one header row of its rendered columns (the fallback layout)."""
    header = tuple(_Cell(text, col) for col, text in enumerate(table.columns))
    return _Grid(table, len(table.columns), 1, header, _plain_body(table))


def _summary_grid(table: Table) -> _Grid:
    """The two 总表: 收入 over the left columns, 支出 over the right ones."""
    columns = table.columns
    income, spending = columns[0], columns[2]
    if not (len(income) > 2 and len(spending) > 2 and income[-2:] == spending[-2:]):
        return _plain_grid(table)
    item = income[-2:]  # 项目
    header = [
        _Cell(income[:-2], 0, colspan=2),
        _Cell(spending[:-2], 2, colspan=len(columns) - 2),
        _Cell(item, 0, row=1),
        _Cell(columns[1], 1, row=1),
        _Cell(item, 2, row=1),
        *(_Cell(text, col, row=1) for col, text in enumerate(columns[3:], start=3)),
    ]
    return _Grid(table, len(columns), 2, tuple(header), _plain_body(table))


def _basic_grid(table: Table) -> _Grid:
    """The 基本支出 table: one header row, 经济分类科目编码 in one cell."""
    header = tuple(
        _Cell("经济分类" + text if text == "科目编码" else text, col)
        for col, text in enumerate(table.columns)
    )
    return _Grid(table, len(table.columns), 1, header, _plain_body(table))


def _three_public_grid(table: Table) -> _Grid:
    """The “三公” table: four header rows, 公务用车购置及运行维护费 over its three pairs."""
    names: list[str] = []
    kinds: list[str] = []
    for column in table.columns:
        name, _, kind = column.partition("：")
        if name not in names:
            names.append(name)
        kinds.append(kind)
    if len(names) != 6 or len(kinds) != 12 or not names[2].endswith("小计"):
        return _plain_grid(table)
    vehicles = names[2].removesuffix("小计")
    header = (
        _Cell(table.title.removesuffix("支出决算表"), 0, colspan=12),
        _Cell(names[0], 0, row=1, colspan=2, rowspan=2),
        _Cell(names[1], 2, row=1, colspan=2, rowspan=2),
        _Cell(vehicles, 4, row=1, colspan=6),
        _Cell(names[5], 10, row=1, colspan=2, rowspan=2),
        _Cell("小计", 4, row=2, colspan=2),
        _Cell(names[3], 6, row=2, colspan=2),
        _Cell(names[4], 8, row=2, colspan=2),
        *(_Cell(kind, col, row=3) for col, kind in enumerate(kinds)),
    )
    return _Grid(table, 12, 4, header, _plain_body(table))


def _grid(table: Table) -> _Grid:
    """The drawn layout of one of the nine tables."""
    if table.key in ("income", "expenditure", "general_budget"):
        return _function_grid(table)
    if table.key in ("government_fund", "state_capital"):
        return _fund_grid(table)
    if table.key in ("income_expenditure", "fiscal"):
        return _summary_grid(table)
    if table.key == "general_budget_basic":
        return _basic_grid(table)
    if table.key == "three_public":
        return _three_public_grid(table)
    return _plain_grid(table)


# -- measuring -------------------------------------------------------------------------


def _width(text: str, size: float) -> float:
    """The drawn width of ``text``."""
    return pdfmetrics.stringWidth(text, FONT, size)


def _wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``, at any character."""
    lines: list[str] = []
    line = ""
    for char in text:
        if line and _width(line + char, size) > width:
            lines.append(line)
            line = ""
        line += char
    if line or not lines:
        lines.append(line)
    return lines


def _column_widths(grid: _Grid, available: float) -> list[float]:
    """Column widths: unbreakable texts (amounts, codes) whole, names wrapped if need be."""
    floor = [2 * _CELL_SIZE] * grid.columns  # at least two characters
    want = list(floor)
    for row in grid.body:
        for cell in row:
            if cell.colspan != 1:
                continue
            width = _width(cell.text, _CELL_SIZE)
            if not _CJK.search(cell.text):
                floor[cell.col] = max(floor[cell.col], width)
            want[cell.col] = max(want[cell.col], width)
    for cell in grid.header:
        if cell.colspan == 1:
            width = min(_width(cell.text, _CELL_SIZE), 6 * _CELL_SIZE)
            want[cell.col] = max(want[cell.col], width)
    floor = [width + 2 * _PAD_X for width in floor]
    want = [max(a, b + 2 * _PAD_X) for a, b in zip(floor, want, strict=True)]
    if sum(want) <= available:
        scale = available / sum(want)
        return [width * scale for width in want]
    if sum(floor) >= available:
        return floor
    share = (available - sum(floor)) / (sum(want) - sum(floor))
    return [low + (high - low) * share for low, high in zip(floor, want, strict=True)]


def _cell_width(cell: _Cell, widths: Sequence[float]) -> float:
    """The width of a (merged) cell."""
    return sum(widths[cell.col : cell.col + cell.colspan])


def _text_height(lines: int, size: float) -> float:
    """The height of ``lines`` lines of text."""
    return size + (lines - 1) * size * _LEADING


def _row_heights(
    cells: Sequence[_Cell], rows: int, widths: Sequence[float], offset: float
) -> list[float]:
    """The heights of ``rows`` rows holding ``cells``, each tall enough for its wrapped text."""
    heights = [_CELL_SIZE + 2 * _PAD_Y + offset] * rows
    for cell in sorted(cells, key=lambda cell: cell.rowspan):
        lines = _wrap(cell.text, _cell_width(cell, widths) - 2 * _PAD_X, _CELL_SIZE)
        needed = _text_height(len(lines), _CELL_SIZE) + 2 * _PAD_Y + offset
        spanned = heights[cell.row : cell.row + cell.rowspan]
        if needed > sum(spanned):
            heights[cell.row + cell.rowspan - 1] += needed - sum(spanned)
    return heights


# -- drawing ---------------------------------------------------------------------------


class _Writer:
    """Pages of a PDF being drawn, with a cursor measured from the top of the page."""

    def __init__(self, path: Path, digit_offset: float) -> None:
        self.canvas = Canvas(str(path), pagesize=A4, pageCompression=0)
        self.canvas.setTitle(path.stem)
        self.offset = digit_offset
        self.size: tuple[float, float] = A4
        self.started = False
        self.fresh = False
        """Whether the page holds only the part heading, so the first table starts under it."""
        self.top = _MARGIN_TOP

    @property
    def width(self) -> float:
        """The width of the current page."""
        return self.size[0]

    @property
    def height(self) -> float:
        """The height of the current page."""
        return self.size[1]

    @property
    def room(self) -> float:
        """The height left on the current page."""
        return self.height - _MARGIN_BOTTOM - self.top

    def new_page(self, *, wide: bool) -> None:
        """Start a portrait or landscape page."""
        if self.started:
            self.canvas.showPage()
        self.started = True
        self.fresh = False
        self.size = landscape(A4) if wide else A4
        self.canvas.setPageSize(self.size)
        self.top = _MARGIN_TOP

    def text(self, x: float, baseline: float, text: str, size: float) -> None:
        """Draw a line of text at a baseline (from the top), digits ``offset`` lower."""
        canvas = self.canvas
        canvas.setFont(FONT, size)
        start = 0
        for run in _DIGIT_RUN.finditer(text):
            before = text[start : run.start()]
            canvas.drawString(x, self.height - baseline, before)
            x += _width(before, size)
            canvas.drawString(x, self.height - baseline - self.offset, run.group())
            x += _width(run.group(), size)
            start = run.end()
        if start < len(text):
            canvas.drawString(x, self.height - baseline, text[start:])

    def lines_of_text(
        self, text: str, size: float, *, align: str, left: float, right: float
    ) -> None:
        """Draw ``text`` wrapped between ``left`` and ``right`` at the cursor, and move down."""
        for line in _wrap(text, right - left, size):
            width = _width(line, size)
            x = {"left": left, "right": right - width}.get(align, (left + right - width) / 2)
            self.text(x, self.top + size * _ASCENT, line, size)
            self.top += size * _LEADING

    def grid(
        self,
        left: float,
        widths: Sequence[float],
        heights: Sequence[float],
        cells: Sequence[_Cell],
    ) -> None:
        """Draw cells (rows counted from the cursor) as ruled boxes with their text."""
        xs = [left]
        for width in widths:
            xs.append(xs[-1] + width)
        ys = [self.top]
        for height in heights:
            ys.append(ys[-1] + height)
        horizontal: set[tuple[float, float, float]] = set()
        vertical: set[tuple[float, float, float]] = set()
        for cell in cells:
            x0, x1 = xs[cell.col], xs[cell.col + cell.colspan]
            y0, y1 = ys[cell.row], ys[cell.row + cell.rowspan]
            horizontal.update({(y0, x0, x1), (y1, x0, x1)})
            vertical.update({(x0, y0, y1), (x1, y0, y1)})
            self.cell_text(cell, x0, x1, y0, y1)
        canvas = self.canvas
        canvas.setLineWidth(_RULE)
        for y, x0, x1 in sorted(horizontal):
            canvas.line(x0, self.height - y, x1, self.height - y)
        for x, y0, y1 in sorted(vertical):
            canvas.line(x, self.height - y0, x, self.height - y1)
        self.top = ys[-1]

    def cell_text(self, cell: _Cell, x0: float, x1: float, y0: float, y1: float) -> None:
        """Draw a cell's wrapped text, centred vertically (raised by half the digit offset)."""
        if not cell.text:
            return
        size = _CELL_SIZE
        lines = _wrap(cell.text, x1 - x0 - 2 * _PAD_X, size)
        block = _text_height(len(lines), size)
        baseline = (y0 + y1 - block - self.offset) / 2 + size * _ASCENT
        for line in lines:
            width = _width(line, size)
            if cell.align == "left":
                x = x0 + _PAD_X
            elif cell.align == "right":
                x = x1 - _PAD_X - width
            else:
                x = (x0 + x1 - width) / 2
            self.text(x, baseline, line, size)
            baseline += size * _LEADING

    def save(self) -> None:
        """Finish the PDF."""
        self.canvas.save()


def _body_cells(rows: Sequence[tuple[_Cell, ...]]) -> list[_Cell]:
    """Body cells numbered by their row in ``rows``."""
    return [
        _Cell(cell.text, cell.col, index, cell.colspan, cell.rowspan, cell.align)
        for index, row in enumerate(rows)
        for cell in row
    ]


def _notes_lines(table: Table, width: float) -> list[str]:
    """The notes under a table, wrapped at its width."""
    return [line for note in table.notes for line in _wrap(note, width, _NOTE_SIZE)]


def _draw_table(writer: _Writer, grid: _Grid, *, split_rows: int | None, empty_grid: bool) -> None:
    """Draw one table: on the current page if it fits whole, else from a new page."""
    table = grid.table
    available = (landscape(A4) if grid.landscape else A4)[0] - 2 * _MARGIN_X
    widths = _column_widths(grid, available)
    left = _MARGIN_X + (available - sum(widths)) / 2
    right = left + sum(widths)
    header_heights = _row_heights(grid.header, grid.header_rows, widths, writer.offset)
    body_heights = [
        _row_heights(_body_cells([row]), 1, widths, writer.offset)[0] for row in grid.body
    ]
    notes = _notes_lines(table, right - left)
    title_height = (_TITLE_SIZE + _UNIT_SIZE) * _LEADING
    notes_height = len(notes) * _NOTE_SIZE * _LEADING + _PAD_Y
    whole = title_height + sum(header_heights) + sum(body_heights) + notes_height
    fits = writer.fresh and writer.size == (landscape(A4) if grid.landscape else A4)
    fits = fits or (
        writer.started
        and writer.size == (landscape(A4) if grid.landscape else A4)
        and whole + _GAP <= writer.room
        and (split_rows is None or len(grid.body) <= split_rows)
    )
    if fits:
        writer.top += _GAP
        writer.fresh = False
    else:
        writer.new_page(wide=grid.landscape)
    writer.lines_of_text(table.title, _TITLE_SIZE, align="center", left=left, right=right)
    writer.lines_of_text(table.unit or "", _UNIT_SIZE, align="right", left=left, right=right)
    writer.grid(left, widths, header_heights, grid.header)
    start = 0
    while start < len(grid.body):
        if start > 0:
            writer.new_page(wide=grid.landscape)  # a continuation: no title, no header
        end = start
        used = 0.0
        limit = len(grid.body) if split_rows is None else min(len(grid.body), start + split_rows)
        while end < limit and (end == start or used + body_heights[end] <= writer.room):
            used += body_heights[end]
            end += 1
        writer.grid(left, widths, body_heights[start:end], _body_cells(grid.body[start:end]))
        start = end
    if notes:
        if notes_height > writer.room:
            writer.new_page(wide=grid.landscape)
        writer.top += _PAD_Y
        for line in notes:
            writer.lines_of_text(line, _NOTE_SIZE, align="left", left=left, right=right)
    if empty_grid and table.key == "fiscal":
        writer.new_page(wide=grid.landscape)
        blank = [_Cell("", col) for col in range(grid.columns)]
        writer.grid(left, widths, [_CELL_SIZE + 2 * _PAD_Y], blank)


def _draw_narrative(writer: _Writer, report: FinalAccount, paragraphs: Sequence[str]) -> None:
    """Draw the 第三部分 heading and the paragraphs, wrapped at the text width."""
    writer.new_page(wide=False)
    unit = report.unit
    left, right = _MARGIN_X, writer.width - _MARGIN_X
    heading = f"第三部分 {unit.name}{unit.fiscal_year}年度部门决算情况说明"
    writer.lines_of_text(heading, _PART_SIZE, align="center", left=left, right=right)
    writer.top += _TEXT_SIZE * _LEADING
    indent = 2 * _TEXT_SIZE
    for paragraph in paragraphs:
        first = _wrap(paragraph, right - left - indent, _TEXT_SIZE)[0] if paragraph else ""
        lines = [first, *_wrap(paragraph[len(first) :], right - left, _TEXT_SIZE)]
        for index, line in enumerate(line for line in lines if line):
            if writer.room < _TEXT_SIZE * _LEADING:
                writer.new_page(wide=False)
            start = left + (indent if index == 0 and first else 0)
            writer.lines_of_text(line, _TEXT_SIZE, align="left", left=start, right=right)


def write_tables_pdf(
    report: FinalAccount,
    path: Path,
    *,
    digit_offset: float = 0.0,
    split_rows: int | None = None,
    empty_grid: bool = False,
    narrative: Sequence[str] = (),
) -> None:
    """Write the nine tables of ``report`` to ``path`` as a PDF of ruled grids.

    Args:
        report: the final account; its tables are :func:`build_tables` in Chinese.
        path: the PDF to write.
        digit_offset: draw every run of digits (with its ``,``, ``.``, ``%`` and
            a leading ``-``) this many points lower than the other text of its
            line, everywhere (cells, headings, narrative).
        split_rows: end a page after every ``split_rows`` body rows of a table
            (the next page goes on without title or header rows).
        empty_grid: after 财政拨款收入支出决算总表, add a page holding only a
            ruled one-row grid of the table's columns, without text.
        narrative: paragraphs drawn after the tables, on new pages under a
            第三部分 heading, wrapped at the text width at any character.

    """
    if split_rows is not None and split_rows < 1:
        raise ValueError(f"split_rows must be at least 1, got {split_rows}")
    writer = _Writer(path, digit_offset)
    heading = next(block for block in titled_tables(report) if isinstance(block, Heading))
    for index, table in enumerate(build_tables(report)):
        grid = _grid(table)
        if index == 0:
            writer.new_page(wide=grid.landscape)
            left, right = _MARGIN_X, writer.width - _MARGIN_X
            part = f"第二部分 {heading.text}"
            writer.lines_of_text(part, _PART_SIZE, align="center", left=left, right=right)
            writer.fresh = True
        _draw_table(writer, grid, split_rows=split_rows, empty_grid=empty_grid)
    if narrative:
        _draw_narrative(writer, report, narrative)
    writer.save()
