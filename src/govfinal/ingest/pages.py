"""A PDF's pages as text lines and ruled grids: the one module that touches pdfplumber.

:func:`read_pdf` opens a PDF (needs the ``pdf`` extra, pdfplumber) and gives
each page as :class:`Page`: its ruled tables as :class:`Grid` (pdfplumber's
"lines" strategy, which reads a cell's characters exactly and tells an empty
cell from one covered by a merged neighbour), and the text outside them as
:class:`~govfinal.ingest.readings.TextLine`.

Lines are grouped by vertical *overlap*, not by baseline: in some published
PDFs the digits sit several points lower than the Chinese text around them,
and grouping by ``top`` would put every amount on a line of its own. Within a
line, characters are ordered left to right; a gap wider than
:data:`WORD_GAP` times the line's character height becomes one space.

Invariants: coordinates are points from the page's top left, rounded to
0.1 pt, as :class:`~decimal.Decimal`; a page with no text has no lines; a
grid's ``cells`` has one row per ruled row and one entry per column, ``None``
where a merged cell covers the position; the work per page is bounded by
:data:`MAX_CHARS_PER_PAGE` characters, :data:`MAX_RULES_PER_PAGE` rules and
:data:`MAX_CROSSINGS_PER_PAGE` crossings of them, past which the page is refused.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from govfinal.errors import IngestError
from govfinal.ingest.readings import TextLine

__all__ = [
    "MAX_CHARS_PER_PAGE",
    "MAX_CROSSINGS_PER_PAGE",
    "MAX_PAGES",
    "MAX_PDF_BYTES",
    "MAX_RULES_PER_PAGE",
    "WORD_GAP",
    "Box",
    "Grid",
    "Page",
    "read_pdf",
]

Box = tuple[Decimal, Decimal, Decimal, Decimal]
"""``(x0, top, x1, bottom)`` in points from the page's top left."""

MAX_PDF_BYTES: Final = 200 * 1024 * 1024
"""The largest PDF read, in bytes (a published 部门决算 is 0.3 to 10 MB)."""

MAX_PAGES: Final = 500
"""The most pages read from one PDF (a 部门决算 has 20 to 60)."""

MAX_CHARS_PER_PAGE: Final = 50_000
"""The most characters read from one page (a dense table page has about 2,000)."""

MAX_RULES_PER_PAGE: Final = 5_000
"""The most lines, boxes and curves read on one page (a ruled table page has a few
hundred); finding the grids among them takes time that grows faster than their number."""

MAX_CROSSINGS_PER_PAGE: Final = 4_000
"""The most crossings of horizontal and vertical rules on one page (a table page of
the Putuo reports has at most 580)."""

WORD_GAP: Final = Decimal("1.5")
"""A gap between characters wider than this many character heights is a space."""

_TABLE_SETTINGS: Final = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_TENTH: Final = Decimal("0.1")
_RECENT_ROWS: Final = 8
"""Lines looked at for a character, the latest first: characters come sorted by ``top``."""


@attrs.frozen
class Grid:
    r"""A ruled table on a page (表格).

    Attributes:
        page: the page, counted from 1.
        bbox: the grid's outline.
        cells: the text of each cell by row and column, ``None`` where a
            merged cell covers the position; a cell's lines are joined with
            ``\\n`` as printed.
        boxes: the outline of each cell, ``None`` where ``cells`` is ``None``.

    """

    page: int
    bbox: Box
    cells: tuple[tuple[str | None, ...], ...]
    boxes: tuple[tuple[Box | None, ...], ...]

    @property
    def is_empty(self) -> bool:
        """Whether no cell holds any text (an empty ruled grid)."""
        return not any(text and text.strip() for row in self.cells for text in row)


@attrs.frozen
class Page:
    """One page: its lines of text outside the grids, and its grids."""

    number: int
    lines: tuple[TextLine, ...]
    grids: tuple[Grid, ...]
    chars: int
    """How many characters the page's text layer holds."""


def _pdfplumber() -> Any:
    """The pdfplumber module; an :class:`IngestError` naming the extra if it is missing."""
    try:
        return importlib.import_module("pdfplumber")
    except ImportError:
        raise IngestError(
            "reading PDF needs pdfplumber, which is not installed: install govfinal[pdf]"
        ) from None


def read_pdf(path: str | Path) -> list[Page]:
    """The pages of the PDF at ``path``, as lines and grids.

    Raises :class:`IngestError` when the file cannot be opened, is larger than
    :data:`MAX_PDF_BYTES`, is not a readable PDF, has more than
    :data:`MAX_PAGES` pages, or has no text layer at all (a scan: OCR is out
    of scope).
    """
    pdfplumber = _pdfplumber()
    try:
        size = os.stat(path).st_size
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror or error})") from None
    if size > MAX_PDF_BYTES:
        raise IngestError(f"{path}: {size} bytes, more than the {MAX_PDF_BYTES} read")
    try:
        document = pdfplumber.open(str(path))
    except Exception as error:  # pdfminer raises many kinds for a damaged file
        raise IngestError(f"{path}: not a readable PDF ({_reason(error)})") from None
    with document:
        try:
            count = len(document.pages)
        except Exception as error:
            raise IngestError(f"{path}: not a readable PDF ({_reason(error)})") from None
        if count > MAX_PAGES:
            raise IngestError(f"{path}: {count} pages, more than the {MAX_PAGES} read")
        pages = []
        for number, page in enumerate(document.pages, start=1):
            try:
                pages.append(_page(page, number))
            except IngestError as error:
                raise IngestError(f"{path} p.{number}: {error}") from None
            except Exception as error:
                raise IngestError(f"{path} p.{number}: cannot be read ({_reason(error)})") from None
            finally:
                page.close()
    if not any(page.chars for page in pages):
        raise IngestError(
            f"{path}: no page has a text layer (a scanned document?); "
            "govfinal reads the text of a PDF and does not recognise images (OCR)"
        )
    return pages


def _reason(error: Exception) -> str:
    """A short account of a parser's error."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:200]}" if text else type(error).__name__


def _page(page: Any, number: int) -> Page:
    """One pdfplumber page as a :class:`Page`."""
    chars = page.chars
    if len(chars) > MAX_CHARS_PER_PAGE:
        raise IngestError(f"{len(chars)} characters, more than the {MAX_CHARS_PER_PAGE} read")
    rules = len(page.lines) + len(page.rects) + len(page.curves)
    if rules > MAX_RULES_PER_PAGE:
        raise IngestError(f"{rules} lines and boxes, more than the {MAX_RULES_PER_PAGE} read")
    rows = len({round(edge["top"]) for edge in page.horizontal_edges})
    columns = len({round(edge["x0"]) for edge in page.vertical_edges})
    if rows * columns > MAX_CROSSINGS_PER_PAGE:
        raise IngestError(
            f"a ruling of {rows} by {columns} lines, more than the {MAX_CROSSINGS_PER_PAGE}"
            " crossings read"
        )
    grids = tuple(_grid(table, number) for table in page.find_tables(_TABLE_SETTINGS))
    outside = [char for char in chars if not any(_inside(char, grid.bbox) for grid in grids)]
    return Page(number, tuple(_lines(outside, number)), grids, len(chars))


def _grid(table: Any, page: int) -> Grid:
    """A pdfplumber table as a :class:`Grid`."""
    texts = table.extract()
    boxes = [[None if cell is None else _box(cell) for cell in row.cells] for row in table.rows]
    cells = tuple(tuple(row) for row in texts)
    return Grid(page, _box(table.bbox), cells, tuple(tuple(row) for row in boxes))


def _box(bbox: Sequence[float]) -> Box:
    """A pdfplumber bounding box, rounded to 0.1 pt."""
    x0, top, x1, bottom = (_point(value) for value in bbox)
    return (x0, top, x1, bottom)


def _point(value: float) -> Decimal:
    """A coordinate as a decimal of points, to 0.1 pt."""
    return Decimal(repr(round(value, 1))).quantize(_TENTH)


def _inside(char: dict[str, Any], bbox: Box) -> bool:
    """Whether a character's centre lies within ``bbox``."""
    x: float = (char["x0"] + char["x1"]) / 2
    y: float = (char["top"] + char["bottom"]) / 2
    return float(bbox[0]) <= x <= float(bbox[2]) and float(bbox[1]) <= y <= float(bbox[3])


def _lines(chars: list[dict[str, Any]], page: int) -> Iterator[TextLine]:
    """The characters grouped into lines by vertical overlap, top to bottom."""
    rows: list[list[dict[str, Any]]] = []
    spans: list[list[float]] = []  # each row's [top, bottom]
    for char in sorted(chars, key=lambda char: (char["top"], char["x0"])):
        if not char["text"].strip():
            continue
        for index in range(len(rows) - 1, max(len(rows) - _RECENT_ROWS, 0) - 1, -1):
            span = spans[index]
            if _overlaps(span, char):
                rows[index].append(char)
                span[0], span[1] = min(span[0], char["top"]), max(span[1], char["bottom"])
                break
        else:
            rows.append([char])
            spans.append([char["top"], char["bottom"]])
    order = sorted(range(len(rows)), key=lambda index: spans[index][0])
    for number, index in enumerate(order, start=1):
        row = sorted(rows[index], key=lambda char: char["x0"])
        top, bottom = spans[index]
        x0 = min(char["x0"] for char in row)
        x1 = max(char["x1"] for char in row)
        yield TextLine(_joined(row), page, number, _box((x0, top, x1, bottom)))


def _overlaps(span: list[float], char: dict[str, Any]) -> bool:
    """Whether a character overlaps a line's span by half the smaller height or more."""
    overlap: float = min(span[1], char["bottom"]) - max(span[0], char["top"])
    smaller: float = min(span[1] - span[0], char["bottom"] - char["top"])
    return smaller > 0 and overlap >= smaller / 2


def _joined(row: list[dict[str, Any]]) -> str:
    """A line's characters, a space where the gap is wide."""
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    for char in row:
        if previous is not None:
            height = max(previous["bottom"] - previous["top"], char["bottom"] - char["top"])
            if char["x0"] - previous["x1"] > float(WORD_GAP) * height:
                parts.append(" ")
        parts.append(char["text"])
        previous = char
    return "".join(parts)
