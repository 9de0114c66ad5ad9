"""HTML rendering of a document: one complete, valid HTML5 page.

The page declares its language (``zh-CN`` or ``en``) and UTF-8, takes its
``<title>`` from the first heading (else the first table), and carries a
small inline style sheet. Every text is escaped with :func:`html.escape`.
Each table is a ``<table>`` with a ``<caption>`` (its title and unit line),
a ``<thead>`` and a ``<tbody>``; 合计/总计 rows have the class ``total``, 类
rows ``group``, amount cells ``num``; the notes follow as paragraphs.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Final

from govfinal.render.document import Block, Heading, Paragraph, Table
from govfinal.render.tables import numeric_columns

__all__ = ["STYLE", "html_lang", "render_blocks", "render_table"]

STYLE: Final = """\
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; }
section.table { margin: 1.5em 0; }
table { border-collapse: collapse; }
caption { font-weight: bold; padding: 0.3em 0; }
caption .unit { display: block; font-weight: normal; text-align: right; }
th, td { border: 1px solid #888; padding: 0.2em 0.5em; }
th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total { font-weight: bold; }
tr.group { background: #f6f6f6; }
p.note { font-size: 0.9em; }"""
"""The inline style sheet of a rendered page."""

_LANGS: Final = {"zh": "zh-CN", "en": "en"}
_NUM: Final = ' class="num"'


def html_lang(lang: str) -> str:
    """The ``lang`` attribute for a language code: ``zh`` is ``zh-CN``."""
    return _LANGS.get(lang, lang)


def _text(text: str) -> str:
    """``text`` escaped, its line breaks as ``<br>``."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


def render_table(table: Table, *, ident: str | None = None) -> list[str]:
    """The lines of one table as a ``<section>``, with ``ident`` as its ``id`` if given."""
    count = len(table.columns)
    numeric = numeric_columns(table)
    attribute = f' id="{html.escape(ident)}"' if ident else ""
    lines = [f'<section class="table"{attribute}>', "<table>"]
    unit = f'<span class="unit">{_text(table.unit)}</span>' if table.unit else ""
    lines.append(f"<caption>{_text(table.title)}{unit}</caption>")
    lines.append("<thead>")
    heads = (
        f'<th scope="col"{_NUM if num else ""}>{_text(column)}</th>'
        for column, num in zip(table.columns, numeric, strict=True)
    )
    lines.append("<tr>" + "".join(heads) + "</tr>")
    lines.append("</thead>")
    lines.append("<tbody>")
    for row in table.rows:
        cells = [*row.cells[:count], *[""] * (count - len(row.cells))]
        tds = (
            f"<td{_NUM if num else ''}>{_text(cell)}</td>"
            for cell, num in zip(cells, numeric, strict=True)
        )
        row_class = f' class="{html.escape(row.emphasis)}"' if row.emphasis else ""
        lines.append(f"<tr{row_class}>" + "".join(tds) + "</tr>")
    lines.append("</tbody>")
    lines.append("</table>")
    lines.extend(f'<p class="note">{_text(note)}</p>' for note in table.notes)
    lines.append("</section>")
    return lines


def _title(blocks: Sequence[Block]) -> str:
    """The page title: the first heading, else the first table's title."""
    for block in blocks:
        if isinstance(block, Heading):
            return block.text
    for block in blocks:
        if isinstance(block, Table):
            return block.title
    return "govfinal"


def render_blocks(blocks: Sequence[Block], *, lang: str = "zh") -> str:
    """A document as a complete HTML5 page, ending with a newline.

    Headings become ``<h1>``–``<h6>``, paragraphs ``<p>``, tables sections
    (see :func:`render_table`) with ids ``table-<key>`` (made unique).
    """
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(html_lang(lang))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(_title(blocks))}</title>",
        "<style>",
        STYLE,
        "</style>",
        "</head>",
        "<body>",
    ]
    used: set[str] = set()
    for block in blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            lines.append(f"<h{level}>{_text(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            lines.append(f"<p>{_text(block.text)}</p>")
        else:
            ident = None
            if block.key:
                base = ident = f"table-{block.key}"
                number = 2
                while ident in used:
                    ident, number = f"{base}-{number}", number + 1
                used.add(ident)
            lines.extend(render_table(block, ident=ident))
    lines.extend(["</body>", "</html>"])
    return "\n".join(lines) + "\n"
