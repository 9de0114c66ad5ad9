"""Plain-text rendering of a document: headings, paragraphs and boxed, aligned tables.

Widths are display widths: a wide or full-width character (East Asian width
``W`` or ``F``, i.e. every Chinese character and full-width punctuation)
takes two columns, a combining mark none, anything else one. So Chinese and
English text line up in a monospaced font.

A table is written as::

    收入决算表
                         单位：万元
    +----------+------+--------+
    | 科目编码 | ...  | 合计   |
    +==========+======+========+
    | 206      | ...  |  54.17 |
    +----------+------+--------+
    注：……

Amount columns are right-aligned; a long header is wrapped over several lines
instead of widening its column. Every line of the box has the same display
width.
"""

from __future__ import annotations

import math
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final

from govfinal.render.document import Block, Heading, Paragraph, Table
from govfinal.render.tables import numeric_columns

__all__ = ["HEADER_WIDTH", "display_width", "render_blocks", "render_table"]

HEADER_WIDTH: Final = 12
"""Display width beyond which a header wider than its column's cells is wrapped."""


def display_width(text: str) -> int:
    """The number of monospaced columns ``text`` takes.

    >>> display_width("合计"), display_width("Total"), display_width("（境）")
    (4, 5, 6)
    """
    if text.isascii():  # no ASCII character is wide or combining
        return len(text)
    width = 0
    for char in text:
        if char < "\u0300":  # below the combining marks: nothing is wide or combining
            width += 1
        elif "\u4e00" <= char <= "\u9fff":  # CJK Unified Ideographs: all wide
            width += 2
        elif unicodedata.combining(char):
            continue
        else:
            width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _single_line(text: str) -> str:
    """``text`` with its line breaks turned into spaces (a cell stays on one line)."""
    return " ".join(text.splitlines())


_NO_LINE_START: Final = frozenset("）】》」』”’：；，、。！？)]}:;,.!?%")
"""Characters a wrapped line does not start with: they hang at the end of the line before."""

_NO_LINE_END: Final = frozenset("（【《「『“‘([{")
"""Characters a wrapped line does not end with: they move to the next line."""


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of about ``width`` columns.

    Text without wide characters wraps at spaces (a word longer than
    ``width`` stands alone on its line). Chinese text wraps between any two
    characters, except that closing punctuation hangs on the line before and
    opening punctuation moves to the line after, so a line can exceed
    ``width`` by one character.
    """
    if display_width(text) <= width:
        return [text]
    if display_width(text) == len(text):  # no wide character: wrap at spaces
        return textwrap.wrap(text, width, break_long_words=False) or [""]
    lines: list[str] = []
    current, used = "", 0
    for char in text:
        size = display_width(char)
        if current and used + size > width and char not in _NO_LINE_START:
            carried = ""
            while current and current[-1] in _NO_LINE_END:
                carried = current[-1] + carried
                current = current[:-1]
            if current:
                lines.append(current)
            current, used = carried, display_width(carried)
        current += char
        used += size
    lines.append(current)
    return lines


def _header_lines(header: str, body_width: int) -> list[str]:
    """A header as one line, or wrapped over balanced lines if it is much wider than its cells."""
    width = display_width(header)
    limit = max(body_width, HEADER_WIDTH)
    if width <= limit:
        return [header]
    count = math.ceil(width / limit)
    target = max(body_width, math.ceil(width / count))
    while True:
        lines = _wrap(header, target)
        if len(lines) <= count or target >= width:
            return lines
        target += 1


def _pad(text: str, width: int, right: bool, measure: Callable[[str], int] = display_width) -> str:
    """``text`` padded with spaces to ``width`` display columns, on the left if ``right``."""
    gap = " " * (width - measure(text))
    return gap + text if right else text + gap


def _measurer() -> Callable[[str], int]:
    """:func:`display_width` that measures each distinct text once (for one table)."""
    sizes: dict[str, int] = {}

    def measure(text: str) -> int:
        size = sizes.get(text)
        if size is None:
            size = sizes[text] = display_width(text)
        return size

    return measure


def render_table(table: Table) -> list[str]:
    """The lines of one table: title, unit (right-aligned), the box, then the notes."""
    columns = [_single_line(column) for column in table.columns]
    body = [[_single_line(cell) for cell in row.cells] for row in table.rows]
    count = len(columns)
    body = [[*cells[:count], *[""] * (count - len(cells))] for cells in body]
    numeric = numeric_columns(table)
    measure = _measurer()
    headers: list[list[str]] = []
    widths: list[int] = []
    for index, column in enumerate(columns):
        body_width = max((measure(cells[index]) for cells in body), default=0)
        lines = _header_lines(column, body_width)
        headers.append(lines)
        widths.append(max(body_width, *(measure(line) for line in lines)))
    height = max((len(lines) for lines in headers), default=1)

    def rule(char: str) -> str:
        """A horizontal rule of the box, drawn with ``char``."""
        return "+" + "+".join(char * (width + 2) for width in widths) + "+"

    def line(cells: Sequence[str]) -> str:
        """One line of the box: the cells padded to their columns."""
        padded = (
            _pad(cell, width, right, measure)
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    if not table.ruled:
        return _unruled(table, headers, body, widths, numeric, height, measure)
    box = [rule("-")]
    for level in range(height):
        box.append(line([lines[level] if level < len(lines) else "" for lines in headers]))
    box.append(rule("="))
    box.extend(line(cells) for cells in body)
    box.append(rule("-"))

    out = [_single_line(table.title)]
    if table.unit:
        out.append(_pad(_single_line(table.unit), display_width(box[0]), right=True))
    out.extend(box)
    out.extend(_single_line(note) for note in table.notes)
    return out


def _unruled(
    table: Table,
    headers: Sequence[Sequence[str]],
    body: Sequence[Sequence[str]],
    widths: Sequence[int],
    numeric: Sequence[bool],
    height: int,
    measure: Callable[[str], int] = display_width,
) -> list[str]:
    """A table in aligned columns separated by two spaces, without a box."""

    def line(cells: Sequence[str]) -> str:
        padded = (
            _pad(cell, width, right, measure)
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        )
        return "  ".join(padded).rstrip()

    out = [_single_line(table.title)]
    if table.unit:
        out.append(_single_line(table.unit))
    for level in range(height):
        out.append(line([lines[level] if level < len(lines) else "" for lines in headers]))
    out.extend(line(cells) for cells in body)
    out.extend(_single_line(note) for note in table.notes)
    return out


def _blank(lines: list[str]) -> None:
    """End the text so far with one blank line (none at the very start)."""
    if lines and lines[-1] != "":
        lines.append("")


def render_blocks(blocks: Sequence[Block], *, lang: str = "zh") -> str:
    """A document as plain text, ending with a newline.

    Headings stand on their own lines, after a blank line; a level-1 heading
    is followed by a blank line. Paragraphs are lines. A table is set off by
    blank lines. ``lang`` is accepted for a uniform signature; cell text is
    already localised.
    """
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            _blank(lines)
            lines.append(_single_line(block.text))
            if block.level <= 1:
                lines.append("")
        elif isinstance(block, Paragraph):
            lines.extend(block.text.splitlines() or [""])
        else:
            _blank(lines)
            lines.extend(render_table(block))
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
