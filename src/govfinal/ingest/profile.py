"""The profile's 部门决算单位构成: the units a department's report covers.

The Shanghai template prints them as a ruled table (序号, 单位名称, 备注) in 第一部分
二; the row marked （本级） is the department itself, every other row a
subordinate unit (``profile.subordinate_units``), its kind in brackets after
the name (（下属事业单位）) left out.

Invariants: only a grid headed by a 单位名称 column is read, and only before
the first standard table; a name is the cell's text with its line breaks
joined; nothing is read from a report that prints no such grid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from govfinal.ingest.layout import compact
from govfinal.ingest.pages import Page
from govfinal.ingest.readings import Readings, Source

__all__ = ["read_units"]

_OWN: Final = "（本级）"
_KIND: Final = re.compile(r"[（(](?:下属)?[^（）()]{0,12}单位[）)]$")
_NAME_HEADING: Final = "单位名称"
_WORD: Final = re.compile(r"[\u4e00-\u9fff]")
"""A name holds a Chinese character (a row of “。。。” holds none)."""


def read_units(pages: Sequence[Page], *, file: str, before_page: int | None) -> Readings:
    """The subordinate units of the 单位构成 grid printed before ``before_page``, if any."""
    readings = Readings()
    for page in pages:
        if before_page is not None and page.number >= before_page:
            break
        for grid in page.grids:
            header = [compact(text or "") for text in grid.cells[0]]
            if _NAME_HEADING not in header:
                continue
            column = header.index(_NAME_HEADING)
            names = [compact(row[column] or "") for row in grid.cells[1:]]
            units = [
                _KIND.sub("", name)
                for name in names
                if _WORD.search(name) and not name.endswith(_OWN)
            ]
            text = "、".join(name for name in names if name)
            source = Source(
                file,
                page.number,
                "部门决算单位构成",
                column=_NAME_HEADING,
                bbox=grid.bbox,
                text=text,
            )
            readings.fact("profile.subordinate_units", tuple(units), source)
            return readings
    return readings
