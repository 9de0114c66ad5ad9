"""The cover (封面): the unit's name and the fiscal year.

A published 部门决算 opens with ``<unit><year>年度部门决算`` on its first page,
the year sometimes on a line of its own (``上海市普陀区财政局`` / ``年度部门决算`` /
``2024``). A text without a cover names its unit in the profile's first
sentence, ``<unit>（以下简称…）``, and its year in the narrative
(``2023年度收入总计…``).

Invariants: a name is read only from those two forms, a year only as four
digits between 1949 and 2099 next to 年度 or on the cover; what is not read
is not given (the caller lists it as missing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from govfinal.ingest.layout import compact
from govfinal.ingest.readings import Readings, Source, TextLine

__all__ = ["read_cover"]

_COVER: Final = re.compile(
    r"(?P<name>[^\d，。：、#]{2,80}?)(?P<year>(?:19|20)\d{2})?年度?部门决算(?P<after>(?:19|20)\d{2})?$"
)
_SHORT_NAME: Final = re.compile(
    r"(?P<name>[^，。：；、（]{2,80}(?:（[^）]{1,40}）[^，。：；、（]{0,40})?)（以下简称"
)
_NOT_A_NAME: Final = re.compile(r"目录|部分|附件|公开|^\W")
"""What a unit's name on a cover does not hold (a table of contents, a part, an attachment)."""
_YEAR: Final = re.compile(
    r"(?P<year>(?:19|20)\d{2})年度?(?:部门决算|收入|支出|财政拨款|一般公共预算)"
)
_COVER_LINES: Final = 12
_WINDOW: Final = 3
_PROFILE_LINES: Final = 40


def read_cover(lines: Sequence[TextLine], *, file: str) -> Readings:
    """The unit's name and fiscal year, from the cover or else the opening text."""
    readings = Readings()
    lines = [line for line in lines if line.text.strip()]
    for line, text in _cover_windows(lines[:_COVER_LINES]):
        match = _COVER.fullmatch(text)
        if match and (match["year"] or match["after"]) and not _NOT_A_NAME.search(match["name"]):
            source = Source(file, line.page, "封面", line=line.number, text=text)
            readings.fact("unit.name", match["name"], source)
            readings.fact("unit.fiscal_year", int(match["year"] or match["after"]), source)
            return readings
    for line, text in _windows(lines[:_PROFILE_LINES]):
        named = _SHORT_NAME.match(text)
        if named is not None:
            source = Source(file, line.page, "单位概况", line=line.number, text=named[0])
            readings.fact("unit.name", named["name"], source)
            break
    for line in lines:
        year = _YEAR.search(compact(line.text))
        if year is not None:
            source = Source(file, line.page, "情况说明", line=line.number, text=line.text.strip())
            readings.fact("unit.fiscal_year", int(year["year"]), source)
            break
    return readings


def _cover_windows(lines: Sequence[TextLine]) -> Iterator[tuple[TextLine, str]]:
    """Around each line holding 部门决算: with its neighbours on the page, longest first.

    A name wrapped over two lines is read whole; a line above the title
    (附件, 公开版, 目录) is refused by :data:`_NOT_A_NAME`, and a shorter text tried.
    """
    for index, line in enumerate(lines):
        if "部门决算" not in compact(line.text):
            continue
        spans = sorted(
            (
                (start, end)
                for start in range(index - 2, index + 1)
                for end in range(index, index + 2)
            ),
            key=lambda span: span[0] - span[1],
        )
        for start, end in spans:
            chosen = lines[max(start, 0) : end + 1]
            if chosen and all(item.page == line.page for item in chosen):
                yield chosen[0], "".join(compact(item.text) for item in chosen)


def _windows(lines: Sequence[TextLine]) -> Iterator[tuple[TextLine, str]]:
    """Each line with the compacted text of it and the next lines of its page, one to three."""
    for index, line in enumerate(lines):
        following = [item for item in lines[index : index + _WINDOW] if item.page == line.page]
        for size in range(1, len(following) + 1):
            yield line, "".join(compact(item.text) for item in following[:size])
