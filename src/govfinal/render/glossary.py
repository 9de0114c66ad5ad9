"""The glossary (专业名词解释) that ends the narrative: standard entries, overridable.

The standard entries ship as package data (``render/data/glossary.toml``) in
Chinese and English. A template family whose template words its own glossary
has it beside them, ``render/data/glossary.{family}.toml`` (the Shanghai 2024
template's 名词解释: :func:`family_glossary`). A report may bring its own
glossary instead (see :func:`standard_glossary` and the ``glossary`` argument
of :func:`govfinal.render.render`).
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

import attrs

from govfinal.errors import GovFinalError
from govfinal.render.sentences import FAMILIES

__all__ = ["GlossaryEntry", "family_glossary", "standard_glossary"]


@attrs.frozen
class GlossaryEntry:
    """One glossary entry: a term and its explanation."""

    term: str
    text: str


def standard_glossary(lang: str = "zh") -> tuple[GlossaryEntry, ...]:
    """The standard glossary in ``lang`` (``"zh"`` or ``"en"``).

    >>> standard_glossary()[0].term
    '财政拨款收入'
    """
    return _glossary("en" if lang == "en" else "zh")


def family_glossary(family: str, lang: str = "zh") -> tuple[GlossaryEntry, ...]:
    """The glossary of the template family ``family`` in ``lang``: its own, else the standard one.

    >>> family_glossary("shanghai_2024")[-1].term
    '机关运行经费'
    >>> family_glossary("xinjiang_2023") == standard_glossary()
    True

    Raises:
        GovFinalError: no such family.

    """
    if family not in FAMILIES:
        raise GovFinalError(f"unknown template family {family!r}; use one of {', '.join(FAMILIES)}")
    name = f"data/glossary.{family}.toml"
    if not resources.files("govfinal.render").joinpath(name).is_file():
        return standard_glossary(lang)
    return _glossary("en" if lang == "en" else "zh", name)


@functools.cache
def _glossary(lang: str, name: str = "data/glossary.toml") -> tuple[GlossaryEntry, ...]:
    """The entries of a glossary file of the package in ``lang``, read once (it is package data)."""
    text = resources.files("govfinal.render").joinpath(name).read_text("utf-8")
    entries = tomllib.loads(text)[lang]
    return tuple(GlossaryEntry(entry["term"], entry["text"]) for entry in entries)
