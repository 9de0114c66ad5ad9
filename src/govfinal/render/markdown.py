r"""Markdown rendering of a document: ATX headings, paragraphs and pipe tables (GFM).

Text is escaped so that it shows as written: backslashes and the characters
Markdown would read as emphasis, links, code or raw HTML (``\ ` * _ [ ] < > |``)
get a backslash. A table is its title in bold, its unit line, the pipe table
(amount columns right-aligned, 合计/总计 rows in bold) and its notes, each a
paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from govfinal.render.document import Block, Heading, Paragraph, Table
from govfinal.render.tables import numeric_columns

__all__ = ["escape", "render_blocks", "render_table"]

_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|])")
_BLOCK_START: Final = re.compile(r"^(\s*)([#+=-]|\d+[.)])")


def escape(text: str) -> str:
    r"""``text`` with Markdown's special characters backslash-escaped, on one line.

    >>> escape("a|b <c> *d*")
    'a\\|b \\<c\\> \\*d\\*'
    """
    single = " ".join(text.splitlines())
    return _SPECIAL.sub(r"\\\1", single)


def _paragraph(text: str) -> str:
    """A paragraph's text, escaped, so that it cannot start a heading, list or rule."""
    lines = [escape(line) for line in text.splitlines()] or [""]
    return "\n".join(_BLOCK_START.sub(_escape_start, line) for line in lines)


def _escape_start(match: re.Match[str]) -> str:
    """Escape the marker that would make a line a heading, list item or rule."""
    lead, marker = match.group(1), match.group(2)
    if marker[-1] in ".)":
        return f"{lead}{marker[:-1]}\\{marker[-1]}"
    return f"{lead}\\{marker}"


def _row(cells: Sequence[str], *, strong: bool = False) -> str:
    """A pipe-table row; ``strong`` sets the non-blank cells in bold (合计/总计 rows)."""
    shown = (f"**{escape(cell)}**" if strong and cell else escape(cell) for cell in cells)
    return "| " + " | ".join(shown) + " |"


def render_table(table: Table) -> list[str]:
    """The paragraphs of one table (title, unit, pipe table, notes), blank lines between."""
    count = len(table.columns)
    aligns = ["---:" if numeric else "---" for numeric in numeric_columns(table)]
    lines = [f"**{escape(table.title)}**", ""]
    if table.unit:
        lines.extend([escape(table.unit), ""])
    lines.append(_row(table.columns))
    lines.append("| " + " | ".join(aligns) + " |")
    for row in table.rows:
        cells = [*row.cells[:count], *[""] * (count - len(row.cells))]
        lines.append(_row(cells, strong=row.emphasis == "total"))
    for note in table.notes:
        lines.extend(["", _paragraph(note)])
    return lines


def render_blocks(blocks: Sequence[Block], *, lang: str = "zh") -> str:
    """A document as Markdown, blocks separated by blank lines, ending with a newline.

    Heading levels 1–3 become ``#``, ``##`` and ``###`` (deeper levels up to
    ``######``). ``lang`` is accepted for a uniform signature; the text is
    already localised.
    """
    chunks: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            chunks.append("#" * level + " " + escape(block.text))
        elif isinstance(block, Paragraph):
            chunks.append(_paragraph(block.text))
        else:
            chunks.append("\n".join(render_table(block)))
    return "\n\n".join(chunks) + "\n" if chunks else ""
