"""The sentence catalogues: the locales of a family say the same sentences, with the same slots.

A family's Chinese and English narratives state the same statements because
their outline is one and their catalogues have the same sentence ids, each
with the same slots. The families are those of
:data:`govfinal.render.sentences.FAMILIES` whose catalogue files exist.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from importlib.resources.abc import Traversable

import pytest

from govfinal.errors import GovFinalError
from govfinal.render.sentences import FAMILIES, catalogue, slots_of

LOCALES = ("zh", "en")


def _file(family: str, locale: str) -> Traversable:
    return resources.files("govfinal.render").joinpath(f"data/sentences/{family}.{locale}.toml")


PRESENT = [family for family in FAMILIES if any(_file(family, lang).is_file() for lang in LOCALES)]
"""The families with a catalogue file (one family's catalogues may still be being written)."""


def test_the_seeds_family_has_its_catalogues() -> None:
    assert "xinjiang_2023" in PRESENT
    assert all(_file("xinjiang_2023", locale).is_file() for locale in LOCALES)


@pytest.mark.parametrize("family", PRESENT)
def test_both_locales_have_the_same_sentence_ids_and_slots(family: str) -> None:
    """Read from the files themselves (not through the loader), so nothing is filled in."""
    tables = {
        locale: tomllib.loads(_file(family, locale).read_text("utf-8"))["sentences"]
        for locale in LOCALES
    }
    zh, en = tables["zh"], tables["en"]
    assert sorted(set(zh) - set(en)) == [], "sentences missing in English"
    assert sorted(set(en) - set(zh)) == [], "sentences missing in Chinese"
    differ = {
        sentence: (sorted(slots_of(zh[sentence])), sorted(slots_of(en[sentence])))
        for sentence in zh
        if slots_of(zh[sentence]) != slots_of(en[sentence])
    }
    assert differ == {}


@pytest.mark.parametrize("family", PRESENT)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_sentence_has_plain_named_slots(family: str, locale: str) -> None:
    """A slot is a bare name (``{total}``): no position, format spec or conversion."""
    for template in catalogue(family, locale).sentences.values():
        slots_of(template)  # raises on "{0}", "{total:.2f}", "{total!r}"


def test_a_sentence_is_said_with_exactly_its_slots() -> None:
    zh = catalogue("xinjiang_2023", "zh")
    assert zh.say("format.percent", value="19.69") == "19.69%"
    with pytest.raises(GovFinalError, match=r"missing slots \['value'\]"):
        zh.say("format.percent")
    with pytest.raises(GovFinalError, match=r"unknown slots \['unit'\]"):
        zh.say("format.percent", value="1", unit="万元")
    with pytest.raises(GovFinalError, match=r"no sentence 'no\.such'"):
        zh.say("no.such")
    with pytest.raises(GovFinalError, match="unknown template family"):
        catalogue("nowhere_1999", "zh")
