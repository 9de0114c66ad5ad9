"""Rendering: the official report from the data, so its text and tables cannot disagree.

:func:`render` builds the whole report as neutral blocks (narrative, the
self-evaluation tables, the glossary and the nine standard tables) and lays
them out as text, Markdown or HTML. The narrative is worded in a template
family's sentences (:mod:`govfinal.render.families`); every figure it prints is
a statement computed from the facts (:mod:`govfinal.render.compose`), rounded
half-up in the domain first, then formatted by babel with an explicit locale.
:func:`build_narrative` gives the blocks together with those statements.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from govfinal.errors import GovFinalError

if TYPE_CHECKING:  # imported when a report is rendered, so that importing govfinal is light
    from govfinal.model.report import FinalAccount
    from govfinal.render.document import Block
    from govfinal.render.families import Narrative
    from govfinal.render.glossary import GlossaryEntry

__all__ = ["DEFAULT_FAMILY", "Format", "Language", "build_document", "build_narrative", "render"]

Format = Literal["text", "markdown", "html"]
Language = Literal["zh", "en"]

DEFAULT_FAMILY = "xinjiang_2023"
"""The template family rendered unless told otherwise: the seed's wording."""


def build_narrative(
    report: FinalAccount,
    *,
    lang: Language = "zh",
    glossary: Sequence[GlossaryEntry] | None = None,
    family: str = DEFAULT_FAMILY,
) -> Narrative:
    """The whole report as blocks, with the statements its text makes.

    The blocks are those :func:`build_document` gives; the statements
    (:attr:`~govfinal.render.families.Narrative.statements`) are every figure
    the narrative prints, each with its place (section and sentence id), in
    text order. They check clean against the facts: ``govfinal.check(
    attrs.evolve(report, statements=narrative.statements))`` finds nothing
    of rules N9xx.

    >>> import govfinal
    >>> report = govfinal.load("examples/data/kexie_2023.toml")
    >>> told = build_narrative(report)
    >>> first = next(s for s in told.statements if s.KIND == "amount")
    >>> first.about, first.value, first.place.section, first.place.template
    ('income.grand_total', Decimal('58.95'), '一', 'totals.income')

    Raises:
        GovFinalError: an unknown language or template family.

    """
    from govfinal.render.families import narrative
    from govfinal.render.glossary import standard_glossary
    from govfinal.render.tables import build_tables

    if lang not in ("zh", "en"):
        raise GovFinalError(f"unknown language {lang!r}; use 'zh' or 'en'")
    tables = build_tables(report, lang)
    entries = standard_glossary(lang) if glossary is None else glossary
    return narrative(report, family=family, lang=lang, glossary=entries, tables=tables)


def build_document(
    report: FinalAccount,
    *,
    lang: Language = "zh",
    glossary: Sequence[GlossaryEntry] | None = None,
    family: str = DEFAULT_FAMILY,
) -> list[Block]:
    """The whole report as blocks, in the wording of ``family``: parts one to four, the tables."""
    return list(build_narrative(report, lang=lang, glossary=glossary, family=family).blocks)


def render(
    report: FinalAccount,
    *,
    format: Format = "text",
    lang: Language = "zh",
    glossary: Sequence[GlossaryEntry] | None = None,
    family: str = DEFAULT_FAMILY,
) -> str:
    """The report rendered as text, Markdown or HTML, in Chinese or English.

    Args:
        report: the final account.
        format: ``"text"``, ``"markdown"`` or ``"html"``.
        lang: ``"zh"`` (the official wording) or ``"en"``.
        glossary: entries to use instead of the standard glossary.
        family: the template family whose sentences word the narrative
            (:data:`govfinal.render.sentences.FAMILIES`).

    """
    if format not in _LAYOUTS:
        raise GovFinalError(f"unknown format {format!r}; use text, markdown or html")
    blocks = build_document(report, lang=lang, glossary=glossary, family=family)
    layout = importlib.import_module(f"govfinal.render.{_LAYOUTS[format]}")
    rendered: str = layout.render_blocks(blocks, lang=lang)
    return rendered


_LAYOUTS = {"text": "text", "markdown": "markdown", "html": "html"}
