"""Excel output: one workbook, one sheet per table (needs the ``xlsx`` extra, openpyxl).

A sheet holds the title (bold), the unit line, the header (bold, frozen), the
body and the notes. Amount cells are written as numbers with a matching
number format (``#,##0.00``), so they add up in Excel; every other cell,
codes included, is text, stored as a string and never as a formula: a text
that a spreadsheet would run (``=HYPERLINK(…)``, ``@…``, ``-…``) also gets
Excel's quote prefix, the stored form of a leading apostrophe
(:func:`govfinal.render.cells.is_formula_text`). openpyxl is imported only
when a workbook is written, so govfinal does not need it otherwise.
"""

from __future__ import annotations

import importlib
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from govfinal._files import write_bytes
from govfinal.errors import GovFinalError
from govfinal.render.cells import is_formula_text
from govfinal.render.document import Table
from govfinal.render.tables import is_amount_cell, numeric_columns
from govfinal.render.text import display_width
from govfinal.terminal import terminal_safe

__all__ = ["MAX_SHEET_TITLE", "sheet_titles", "write_xlsx"]

MAX_SHEET_TITLE: Final = 31
"""Excel's limit on the length of a sheet's name."""

_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")


def _openpyxl() -> Any:
    """The openpyxl module, imported now; a :class:`GovFinalError` if it is missing."""
    try:
        return importlib.import_module("openpyxl")
    except ImportError as exc:
        raise GovFinalError(
            "writing .xlsx needs openpyxl, which is not installed: install govfinal[xlsx]"
        ) from exc


def sheet_titles(tables: Sequence[Table]) -> list[str]:
    """A distinct, valid sheet name per table: its key (else ``TableN``), at most 31 characters.

    >>> from govfinal.render.document import Table
    >>> sheet_titles([Table("a", ["x"], key="income"), Table("b", ["x"], key="income")])
    ['income', 'income_2']
    """
    titles: list[str] = []
    for index, table in enumerate(tables, start=1):
        base = _FORBIDDEN.sub("_", table.key or f"Table{index}").strip("'")[:MAX_SHEET_TITLE]
        title, number = base or f"Table{index}", 2
        while title.lower() in {used.lower() for used in titles}:
            suffix = f"_{number}"
            title, number = base[: MAX_SHEET_TITLE - len(suffix)] + suffix, number + 1
        titles.append(title)
    return titles


def _number_format(cell: str) -> str:
    """The Excel number format of an amount cell: grouped, with its decimals."""
    places = len(cell.rsplit(".", 1)[1])
    return "#,##0." + "0" * places


def _storable(text: str) -> str:
    r"""``text`` as a workbook can hold it: a control character as a visible escape (``\x07``).

    The escapes are a terminal's (:func:`govfinal.terminal.terminal_safe`);
    tabs and line breaks, which a cell can hold, stay.
    """
    return terminal_safe(text, keep="\t\n\r")


def _store_as_text(sheet: Any) -> None:
    """Store every text cell of ``sheet`` as a string, never a formula.

    openpyxl takes a ``str`` starting with ``=`` for a formula; the cell is
    made a string again, and a text a spreadsheet would run gets the quote
    prefix, so it shows as written and stays text when edited.
    """
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if is_formula_text(cell.value):
                    cell.quotePrefix = True


def write_xlsx(tables: Sequence[Table], path: str | Path) -> Path:
    """Write ``tables`` to an Excel workbook at ``path``, one sheet each.

    Raises:
        GovFinalError: openpyxl is not installed (``pip install govfinal[xlsx]``).
        WriteError: the file cannot be written (an existing file is left as it was).

    Returns:
        The path written.

    """
    openpyxl = _openpyxl()
    styles = importlib.import_module("openpyxl.styles")
    utils = importlib.import_module("openpyxl.utils")
    bold = styles.Font(bold=True)
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for table, title in zip(tables, sheet_titles(tables), strict=True):
        sheet = workbook.create_sheet(title=title)
        count = len(table.columns)
        numeric = numeric_columns(table)
        sheet.append([_storable(table.title)])
        sheet.cell(row=1, column=1).font = bold
        if table.unit:
            sheet.append([_storable(table.unit)])
        sheet.append([_storable(column) for column in table.columns])
        header_row = sheet.max_row
        for column in range(1, count + 1):
            sheet.cell(row=header_row, column=column).font = bold
        widths = [display_width(column) for column in table.columns]
        for row in table.rows:
            cells = [*row.cells[:count], *[""] * (count - len(row.cells))]
            sheet.append(
                [
                    Decimal(cell.replace(",", ""))
                    if num and is_amount_cell(cell)
                    else _storable(cell)
                    for cell, num in zip(cells, numeric, strict=True)
                ]
            )
            current = sheet.max_row
            for column, (cell, num) in enumerate(zip(cells, numeric, strict=True), start=1):
                target = sheet.cell(row=current, column=column)
                if num and is_amount_cell(cell):
                    target.number_format = _number_format(cell)
                if row.emphasis == "total":
                    target.font = bold
                widths[column - 1] = max(widths[column - 1], display_width(cell))
        for note in table.notes:
            sheet.append([_storable(note)])
        for column, width in enumerate(widths, start=1):
            letter = utils.get_column_letter(column)
            sheet.column_dimensions[letter].width = min(max(width, 6) + 2, 60)
        sheet.freeze_panes = f"A{header_row + 1}"
        _store_as_text(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes(path, buffer.getvalue())
    return Path(path)
