"""The outlines of the template families: which sentences a narrative says, in what order.

An outline is a function ``outline(composer, glossary, tables)`` that
yields the whole document's blocks (the family decides where the nine tables
stand), asking its :class:`~govfinal.render.compose.Composer`
for each figure (so that every figure is a statement) and wording every
sentence from the family's catalogue (:mod:`govfinal.render.sentences`).
The outline is the same for every locale of a family; only the catalogue
differs.

Families:

* ``xinjiang_2023``: the wording of the 2023 report of 乌鲁木齐高新区（新市区）
  科学技术协会 (parts 一 to 四, the nine tables last);
* ``shanghai_2024``: the Shanghai 2024 template (第一部分 概况, 第二部分 the
  tables, 第三部分 情况说明, 第四部分 名词解释).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence

import attrs

from govfinal.model.report import FinalAccount
from govfinal.model.statements import Statement
from govfinal.render.compose import Composer
from govfinal.render.document import Block, Table
from govfinal.render.glossary import GlossaryEntry
from govfinal.render.sentences import FAMILIES, catalogue

__all__ = ["Narrative", "Outline", "narrative"]

Outline = Callable[[Composer, Sequence[GlossaryEntry], Sequence[Table]], Iterator[Block]]
"""A family's outline: the composer, the glossary entries and the nine tables → blocks."""


@attrs.frozen
class Narrative:
    """A rendered report: its blocks, and the statements its text makes, in text order."""

    blocks: tuple[Block, ...]
    statements: tuple[Statement, ...]


def narrative(
    report: FinalAccount,
    *,
    family: str,
    lang: str,
    glossary: Sequence[GlossaryEntry],
    tables: Sequence[Table],
) -> Narrative:
    """The report ``report`` in the wording of ``family``, in ``lang``, with ``tables``.

    >>> import govfinal
    >>> report = govfinal.load("examples/data/kexie_2023.toml")
    >>> told = narrative(report, family="xinjiang_2023", lang="zh", glossary=(), tables=())
    >>> first = next(s for s in told.statements if s.KIND == "amount")
    >>> first.about, first.value
    ('income.grand_total', Decimal('58.95'))
    """
    catalogue(family, lang)  # an unknown family or locale fails here, before any work
    assert family in FAMILIES
    module = importlib.import_module(f"govfinal.render.families.{family}")
    outline: Outline = module.outline
    composer = Composer(report, family=family, lang=lang)
    blocks = tuple(outline(composer, glossary, tables))
    return Narrative(blocks, tuple(composer.statements))
