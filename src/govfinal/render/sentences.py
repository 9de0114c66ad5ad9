"""Sentence catalogues: the wording of a narrative, per template family and locale.

A *template family* is a province's standard wording of the 部门决算
(the seed's Xinjiang 2023 report, the Shanghai 2024 template). Its catalogue
for one locale is package data, ``render/data/sentences/{family}.{locale}.toml``,
a table of sentences keyed by sentence id::

    [sentences]
    "totals.income" = "{year} 年度收入总计 {total}，其中：……"

and a table of words (direction words, units, list separators) keyed the
same way. A sentence is a :meth:`str.format` template with named slots only;
which sentences a narrative says, and the statements behind each slot, are
the family's outline (:mod:`govfinal.render.families`), the same for every
locale of the family.

Invariants:

* The locales of one family have the same sentence ids, and each sentence
  the same slots (a test says so), so the Chinese and English narratives
  state the same statements.
* Wording a sentence with a slot missing or left over is an error
  (:class:`~govfinal.errors.GovFinalError`), never a blank in the text.
"""

from __future__ import annotations

import functools
import string
import tomllib
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Final

import attrs

from govfinal.errors import GovFinalError

__all__ = ["FAMILIES", "Catalogue", "catalogue", "slots_of"]

FAMILIES: Final = ("xinjiang_2023", "shanghai_2024")
"""The template families with catalogues: the seed's wording and the Shanghai 2024 template."""

_LOCALES: Final = ("zh", "en")
_FORMATTER: Final = string.Formatter()


def slots_of(template: str) -> frozenset[str]:
    """The named slots of a sentence template.

    >>> sorted(slots_of("{year} 年度收入总计 {total}"))
    ['total', 'year']
    """
    names = set()
    for _, field, spec, conversion in _FORMATTER.parse(template):
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            raise GovFinalError(f"sentence {template!r}: slot {{{field}}} must be a plain name")
        names.add(field)
    return frozenset(names)


def _frozen(table: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(table))


@attrs.frozen
class Catalogue:
    """The sentences and words of one template family in one locale.

    Attributes:
        family: the template family, one of :data:`FAMILIES`.
        locale: ``"zh"`` or ``"en"``.
        sentences: sentence id → template.
        words: word id → word (direction words, units, separators).

    """

    family: str
    locale: str
    sentences: Mapping[str, str] = attrs.field(converter=_frozen)
    words: Mapping[str, str] = attrs.field(converter=_frozen)

    def say(self, sentence_id: str, /, **slots: str) -> str:
        """The sentence ``sentence_id`` with its slots filled.

        Raises:
            GovFinalError: the id is unknown, or a slot is missing or not the sentence's.

        """
        template = self.sentences.get(sentence_id)
        if template is None:
            raise GovFinalError(f"{self.family}.{self.locale}: no sentence {sentence_id!r}")
        wanted, given = slots_of(template), frozenset(slots)
        if wanted != given:
            missing, extra = sorted(wanted - given), sorted(given - wanted)
            raise GovFinalError(
                f"{self.family}.{self.locale}: sentence {sentence_id!r} "
                f"missing slots {missing}, unknown slots {extra}"
            )
        return template.format_map(slots)

    def word(self, word_id: str) -> str:
        """The word ``word_id`` (``"增加"`` → ``"up"`` in English)."""
        found = self.words.get(word_id)
        if found is None:
            raise GovFinalError(f"{self.family}.{self.locale}: no word {word_id!r}")
        return found


def catalogue(family: str, locale: str) -> Catalogue:
    """The catalogue of ``family`` in ``locale``, read once from the package's data.

    >>> catalogue("xinjiang_2023", "zh").word("增加")
    '增加'

    Raises:
        GovFinalError: no such family or locale.

    """
    if family not in FAMILIES:
        raise GovFinalError(f"unknown template family {family!r}; use one of {', '.join(FAMILIES)}")
    if locale not in _LOCALES:
        raise GovFinalError(f"unknown language {locale!r}; use 'zh' or 'en'")
    return _load(family, locale)


@functools.cache
def _load(family: str, locale: str) -> Catalogue:
    path = f"data/sentences/{family}.{locale}.toml"
    text = resources.files("govfinal.render").joinpath(path).read_text("utf-8")
    table = tomllib.loads(text)
    return Catalogue(family, locale, table.get("sentences", {}), table.get("words", {}))
