"""Layout: which grids make each standard table, and which lines are the text.

A standard table is found by its title (标题), a line above a ruled grid on
the same page. A grid with no title above it continues the table before it,
across pages (续表); an empty ruled grid is passed over. The table of
contents repeats every title, but has no grids, so it finds nothing.

Invariants: a grid belongs to at most one table; the tables come in the order
of their first grid; a title is a line that ends with it, once the table
number (公开01表), the unit (单位：万元) and 续表 are left out, after at most a
unit's name and year (no sentence punctuation), so a narrative sentence
naming a table is not a title; a grid is read into a table only where its
place says it belongs (its title, or the top of the page after the table's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from govfinal.ingest.pages import Grid, Page
from govfinal.ingest.readings import TextLine

__all__ = ["FoundTable", "SkippedGrid", "compact", "find_tables", "text_outside_tables"]

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


def find_tables(
    pages: Sequence[Page], titles: Iterable[str]
) -> tuple[list[FoundTable], list[SkippedGrid]]:
    """The tables whose ``titles`` head grids of ``pages``, and the grids after them not read.

    A grid continues the table before it only when it has no title of its
    own, is the first grid on its page and that page follows the table's
    last one; a grid under a line that reads like an unknown title, or under
    the title of a table found before, is skipped, never read into another
    table. Grids before the first table (the profile's) are left to their
    own readers.
    """
    wanted = sorted(
        {compact(title): title for title in titles}.items(), key=lambda item: -len(item[0])
    )
    found: list[FoundTable] = []
    skipped: list[SkippedGrid] = []
    seen: set[str] = set()
    current: tuple[str, TextLine, list[Grid]] | None = None
    for page in pages:
        above = float("-inf")
        first_on_page = True
        for grid in sorted(page.grids, key=lambda grid: grid.bbox[1]):
            if grid.is_empty:
                continue
            lines = [
                line
                for line in page.lines
                if line.bbox is not None and above <= float(line.bbox[1]) < float(grid.bbox[1])
            ]
            above = float(grid.bbox[3])
            heading = _title_among(lines, wanted)
            follows = current is not None and first_on_page and grid.page == current[2][-1].page + 1
            first_on_page = False
            if heading is not None and heading[0] not in seen:
                if current is not None:
                    found.append(FoundTable(current[0], current[1], tuple(current[2])))
                seen.add(heading[0])
                current = (heading[0], heading[1], [grid])
                continue
            unknown = _unknown_title(lines)
            continues = heading is None or (current is not None and heading[0] == current[0])
            if current is not None and follows and unknown is None and continues:
                current[2].append(grid)  # no title of its own, or its table's 续表
                continue
            if current is not None or found:
                name = heading[0] if heading is not None else (unknown or "")
                skipped.append(SkippedGrid(grid, name))
            if current is not None:
                found.append(FoundTable(current[0], current[1], tuple(current[2])))
                current = None
    if current is not None:
        found.append(FoundTable(current[0], current[1], tuple(current[2])))
    return found, skipped


@attrs.frozen
class SkippedGrid:
    """A ruled grid after the first table that no table takes, with the title-like text above it."""

    grid: Grid
    title: str


_TITLE_NOISE: Final = re.compile(
    r"(?:金额)?单位[:：]?(?:万元|元)$|[（(]?续表?[）)]?$|公开\d+表$|^公开\d+表|^表[一二三四五六七八九]"
)
_SENTENCE: Final = re.compile(r"[，。；：！？]")
_MAX_PREFIX: Final = 40
_PART_HEADINGS: Final = ("部门决算表", "决算报表", "部门决算公开表")


def _bare_title(text: str) -> str:
    """A line's text without the table number, unit and 续表 marks around a title."""
    text = compact(text)
    while True:
        bare = _TITLE_NOISE.sub("", text)
        if bare == text:
            return bare
        text = bare


def _title_among(
    lines: Sequence[TextLine], wanted: list[tuple[str, str]]
) -> tuple[str, TextLine] | None:
    """The last line that ends with a wanted title (a unit's name and year may come first)."""
    heading = None
    for line in lines:
        text = _bare_title(line.text)
        for key, title in wanted:
            prefix = text[: len(text) - len(key)]
            if text.endswith(key) and len(prefix) <= _MAX_PREFIX and not _SENTENCE.search(prefix):
                heading = (title, line)
                break
    return heading


def _unknown_title(lines: Sequence[TextLine]) -> str | None:
    """The text of a line that reads like a table's title (…表), if one is above a grid.

    A part's heading or a running page header (…部门决算表) is not a table's title.
    """
    for line in reversed(lines):
        text = _bare_title(line.text)
        if (
            text.endswith("表")
            and not text.endswith(_PART_HEADINGS)
            and len(text) <= _MAX_PREFIX + 20
            and not _SENTENCE.search(text)
        ):
            return text
    return None


def text_outside_tables(pages: Sequence[Page]) -> list[TextLine]:
    """Every page's lines outside its grids, page by page: the report's text."""
    return [line for page in pages for line in page.lines]
