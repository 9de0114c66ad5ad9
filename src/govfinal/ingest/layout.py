"""Layout: which grids make each standard table, and which lines are the text.

A standard table is found by its title (标题), a line above a ruled grid on
the same page. A grid with no title above it continues the table before it,
across pages (续表); an empty ruled grid is passed over. The table of
contents repeats every title, but has no grids, so it finds nothing.

Invariants: a grid belongs to at most one table; the tables come in the order
of their first grid; a title is a short line (at most :data:`TITLE_SLACK`
characters more than the title itself, once spaces and quotation marks are
left out), so a narrative sentence naming a table is not a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from govfinal.ingest.pages import Grid, Page
from govfinal.ingest.readings import TextLine

__all__ = ["TITLE_SLACK", "FoundTable", "compact", "find_tables", "text_outside_tables"]

TITLE_SLACK: Final = 16
"""How many characters a title's line may hold besides the title (公开01表, 单位：万元)."""

_NOISE: Final = re.compile(r"[\s\"'“”‘’「」『』]+")


def compact(text: str) -> str:
    """``text`` with every space, line break and quotation mark left out."""
    return _NOISE.sub("", text)


@attrs.frozen
class FoundTable:
    """A standard table's grids, in order, with its title's line."""

    title: str
    heading: TextLine
    grids: tuple[Grid, ...]


def find_tables(pages: Sequence[Page], titles: Iterable[str]) -> list[FoundTable]:
    """The tables whose ``titles`` head grids of ``pages``, each with its continuations."""
    wanted = sorted(
        {compact(title): title for title in titles}.items(), key=lambda item: -len(item[0])
    )
    found: list[FoundTable] = []
    current: tuple[str, TextLine, list[Grid]] | None = None
    for page in pages:
        above = float("-inf")
        for grid in sorted(page.grids, key=lambda grid: grid.bbox[1]):
            if grid.is_empty:
                continue
            heading = _title_between(page.lines, above, float(grid.bbox[1]), wanted)
            above = float(grid.bbox[3])
            if heading is not None:
                if current is not None:
                    found.append(FoundTable(current[0], current[1], tuple(current[2])))
                current = (heading[0], heading[1], [grid])
            elif current is not None:
                current[2].append(grid)
    if current is not None:
        found.append(FoundTable(current[0], current[1], tuple(current[2])))
    return found


def _title_between(
    lines: Sequence[TextLine], top: float, bottom: float, wanted: list[tuple[str, str]]
) -> tuple[str, TextLine] | None:
    """The last title line between ``top`` and ``bottom`` on a page, with its title."""
    heading = None
    for line in lines:
        if line.bbox is None or not top <= float(line.bbox[1]) < bottom:
            continue
        text = compact(line.text)
        for key, title in wanted:
            if key in text and len(text) - len(key) <= TITLE_SLACK:
                heading = (title, line)
                break
    return heading


def text_outside_tables(pages: Sequence[Page]) -> list[TextLine]:
    """Every page's lines outside its grids, page by page: the report's text."""
    return [line for page in pages for line in page.lines]
