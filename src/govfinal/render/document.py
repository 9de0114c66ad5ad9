"""The neutral document model every renderer writes from.

A rendered report is a sequence of blocks: headings, paragraphs and tables.
Narrative builders and table builders produce blocks; the text, Markdown,
HTML and CSV renderers turn blocks into a format. Cell and paragraph text is
already formatted (numbers quantized half-up and localised), so every format
shows the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["Block", "Heading", "Paragraph", "Table", "TableRow"]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class Heading:
    """A heading; ``level`` 1 is a part (第一部分), 2 a section (一、), 3 a subsection (（一）)."""

    text: str
    level: int = 1


@attrs.frozen
class Paragraph:
    """A paragraph of running text."""

    text: str


@attrs.frozen
class TableRow:
    """One row of a table: its cells as text, and whether it is a total or heading row.

    Attributes:
        cells: the formatted cells, one per column (``""`` for a blank cell).
        emphasis: ``"total"`` for 合计/总计 rows, ``"group"`` for 类 rows, else ``""``.

    """

    cells: tuple[str, ...] = attrs.field(converter=_strings)
    emphasis: str = ""


def _rows(values: Iterable[TableRow]) -> tuple[TableRow, ...]:
    return tuple(values)


@attrs.frozen
class Table:
    """A table: title, column headers, rows and notes.

    Attributes:
        title: the table's name, e.g. 收入支出决算总表.
        columns: the column headers.
        rows: the body.
        unit: the amount unit line (单位：万元), if any.
        notes: notes under the table, e.g. the statement of an empty table.
        key: a short ASCII name (for file and sheet names), e.g. ``income_expenditure``.

    """

    title: str
    columns: tuple[str, ...] = attrs.field(converter=_strings)
    rows: tuple[TableRow, ...] = attrs.field(default=(), converter=_rows)
    unit: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    key: str = ""
    ruled: bool = True


Block = Heading | Paragraph | Table
"""One block of a rendered document."""
