"""The neutral document model every renderer writes from.

A rendered report is a sequence of blocks: headings, paragraphs and tables.
Narrative builders and table builders produce blocks; the text, Markdown,
HTML and CSV renderers turn blocks into a format. Cell and paragraph text is
already formatted (numbers quantized half-up and localised), so every format
shows the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

__all__ = ["Block", "Heading", "Paragraph", "Table", "TableRow"]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _values(values: Iterable[Decimal | None]) -> tuple[Decimal | None, ...]:
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
        values: optionally, the unformatted amounts behind the cells, one per
            column (``None`` for a text or blank cell); empty when the builder
            gives only text. Renderers never read it (they show ``cells``);
            :meth:`Table.to_pandas` prefers it to the text of the cells.

    """

    cells: tuple[str, ...] = attrs.field(converter=_strings)
    emphasis: str = ""
    values: tuple[Decimal | None, ...] = attrs.field(default=(), converter=_values, repr=False)


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

    def _repr_html_(self) -> str:
        """The table as HTML (:func:`govfinal.render.html.render_table`), for notebooks."""
        from govfinal.render.html import render_table

        return "\n".join(render_table(self))

    def frame_columns(self) -> tuple[str, ...]:
        """The column headers made unique, as pandas does: a repeated ``决算数`` is ``决算数.1``.

        >>> Table("表", ["项目", "决算数", "项目", "决算数"]).frame_columns()
        ('项目', '决算数', '项目.1', '决算数.1')
        """
        seen: set[str] = set(self.columns)
        counts: dict[str, int] = {}
        names: list[str] = []
        for column in self.columns:
            if column not in counts:
                counts[column] = 0
                names.append(column)
                continue
            number = counts[column]
            name = column
            while name in seen:
                number += 1
                name = f"{column}.{number}"
            counts[column] = number
            seen.add(name)
            names.append(name)
        return tuple(names)

    def to_pandas(self) -> Any:
        """The body as a ``pandas.DataFrame`` (needs the ``pandas`` extra).

        Columns: the headers (:meth:`frame_columns`), plus ``emphasis``
        (``"total"``, ``"group"`` or ``""``). In an amount column (one whose
        filled cells are all formatted amounts,
        :func:`~govfinal.render.tables.numeric_columns`) a cell is a
        :class:`~decimal.Decimal` (the row's unformatted value if it has one,
        else the figure shown: ``"2,940.05"`` is ``Decimal("2940.05")``),
        never a float. Other cells (codes, names) stay strings; a blank cell
        is ``None``. Every column has dtype ``object``. Without pandas it raises
        :class:`~govfinal.frames.MissingExtraError`.
        """
        from govfinal.frames import data_frame
        from govfinal.render.tables import is_amount_cell, numeric_columns

        names = self.frame_columns()
        numeric = numeric_columns(self)
        count = len(names)
        rows: list[dict[str, object]] = []
        for row in self.rows:
            cells = [*row.cells[:count], *[""] * (count - len(row.cells))]
            record: dict[str, object] = {}
            for index, (name, cell, num) in enumerate(zip(names, cells, numeric, strict=True)):
                raw = row.values[index] if index < len(row.values) else None
                if raw is not None:
                    record[name] = raw
                elif not cell:
                    record[name] = None
                elif num and is_amount_cell(cell):
                    record[name] = Decimal(cell.replace(",", ""))
                else:
                    record[name] = cell
            record["emphasis"] = row.emphasis
            rows.append(record)
        return data_frame((*names, "emphasis"), rows)


Block = Heading | Paragraph | Table
"""One block of a rendered document."""
