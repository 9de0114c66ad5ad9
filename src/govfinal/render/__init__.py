"""Rendering: the official report from the data, so its text and tables cannot disagree.

:func:`render` builds the whole report as neutral blocks (narrative, the
self-evaluation tables, the glossary and the nine standard tables) and lays
them out as text, Markdown or HTML. Numbers are computed from the model,
rounded half-up in the domain first, then formatted by babel with an explicit
locale.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from govfinal.errors import GovFinalError

if TYPE_CHECKING:  # imported when a report is rendered, so that importing govfinal is light
    from govfinal.model.report import FinalAccount
    from govfinal.render.document import Block
    from govfinal.render.glossary import GlossaryEntry

__all__ = ["Format", "Language", "build_document", "render"]

Format = Literal["text", "markdown", "html"]
Language = Literal["zh", "en"]


def build_document(
    report: FinalAccount,
    *,
    lang: Language = "zh",
    glossary: Sequence[GlossaryEntry] | None = None,
) -> list[Block]:
    """The whole report as blocks: parts one to four, then the nine tables."""
    from govfinal.render.document import Heading
    from govfinal.render.glossary import standard_glossary
    from govfinal.render.tables import build_tables

    if lang not in ("zh", "en"):
        raise GovFinalError(f"unknown language {lang!r}; use 'zh' or 'en'")
    tables = build_tables(report, lang)
    entries = standard_glossary(lang) if glossary is None else glossary
    titles = [table.title for table in tables]
    if lang == "en":
        from govfinal.render.narrative_en import narrative
    else:
        from govfinal.render.narrative_zh import narrative
    blocks = narrative(report, entries, titles)
    blocks.append(Heading("附表" if lang == "zh" else "Tables", 1))
    blocks.extend(tables)
    return blocks


def render(
    report: FinalAccount,
    *,
    format: Format = "text",
    lang: Language = "zh",
    glossary: Sequence[GlossaryEntry] | None = None,
) -> str:
    """The report rendered as text, Markdown or HTML, in Chinese or English.

    Args:
        report: the final account.
        format: ``"text"``, ``"markdown"`` or ``"html"``.
        lang: ``"zh"`` (the official wording) or ``"en"``.
        glossary: entries to use instead of the standard glossary.

    """
    if format not in _LAYOUTS:
        raise GovFinalError(f"unknown format {format!r}; use text, markdown or html")
    blocks = build_document(report, lang=lang, glossary=glossary)
    layout = importlib.import_module(f"govfinal.render.{_LAYOUTS[format]}")
    rendered: str = layout.render_blocks(blocks, lang=lang)
    return rendered


_LAYOUTS = {"text": "text", "markdown": "markdown", "html": "html"}
