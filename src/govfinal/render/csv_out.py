r"""CSV output: one UTF-8 file (with a byte-order mark, so Excel reads it) per table.

A file holds the title (one cell), the unit line (one cell), the header, the
body and the notes (one cell each), with ``\r\n`` line ends as RFC 4180 and
Excel expect. Cells are the formatted text of the table, so amounts keep
their thousands separators. A text cell that a spreadsheet would run as a
formula (``=…``, ``+…``, ``-…``, ``@…``) is written with a leading apostrophe
(:func:`govfinal.render.cells.neutralise`); amounts, negative ones included,
are written as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from govfinal._files import write_bytes
from govfinal.render.cells import neutralise
from govfinal.render.document import Table

__all__ = ["ENCODING", "csv_name", "table_csv", "write_csv"]

ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark."""


def table_csv(table: Table) -> bytes:
    r"""One table as CSV bytes: title, unit, header, body, notes.

    >>> from govfinal.render.document import Table, TableRow
    >>> table_csv(Table("表", ["a", "b"], [TableRow(["1", "x,y"])]))
    b'\xef\xbb\xbf\xe8\xa1\xa8\r\na,b\r\n1,"x,y"\r\n'
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_safe([table.title]))
    if table.unit:
        writer.writerow(_safe([table.unit]))
    writer.writerow(_safe(table.columns))
    count = len(table.columns)
    for row in table.rows:
        writer.writerow(_safe([*row.cells[:count], *[""] * (count - len(row.cells))]))
    for note in table.notes:
        writer.writerow(_safe([note]))
    return buffer.getvalue().encode(ENCODING)


def _safe(cells: Sequence[str]) -> list[str]:
    """The cells of one CSV row, each neutralised against formula injection."""
    return [neutralise(cell) for cell in cells]


def csv_name(index: int, table: Table) -> str:
    """The file name of the ``index``-th table (from 1): ``NN_<key>.csv``."""
    return f"{index:02d}_{table.key or 'table'}.csv"


def write_csv(tables: Sequence[Table], directory: str | Path) -> list[Path]:
    """Write each table to ``directory`` (created if missing) as ``NN_<key>.csv``.

    Returns:
        The paths written, in table order.

    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for index, table in enumerate(tables, start=1):
        path = folder / csv_name(index, table)
        write_bytes(path, table_csv(table))
        paths.append(path)
    return paths
