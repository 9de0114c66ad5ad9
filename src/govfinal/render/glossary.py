"""The glossary (专业名词解释) that ends the narrative: standard entries, overridable.

The standard entries ship as package data (``render/data/glossary.toml``) in
Chinese and English. A report may bring its own glossary instead (see
:func:`standard_glossary` and the ``glossary`` argument of
:func:`govfinal.render.render`).
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

import attrs

__all__ = ["GlossaryEntry", "standard_glossary"]


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


@functools.cache
def _glossary(lang: str) -> tuple[GlossaryEntry, ...]:
    """The entries of the package's glossary file in ``lang``, read once (it is package data)."""
    text = resources.files("govfinal.render").joinpath("data/glossary.toml").read_text("utf-8")
    entries = tomllib.loads(text)[lang]
    return tuple(GlossaryEntry(entry["term"], entry["text"]) for entry in entries)
