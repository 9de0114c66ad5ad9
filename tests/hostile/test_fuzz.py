"""Adversarial fuzz of the promises govfinal makes about bad input.

Mutated copies of every bundled example data file (and of the test suite's base
report) are fed to the library, with values drawn from a pool of hostile inputs
(bounds of amounts and counts, lone surrogates, terminal controls, formula
text, look-alike digits, duplicate keys and codes) as well as arbitrary JSON.
Whatever the document, these promises hold:

* :func:`govfinal.loads` returns a report or raises :class:`~govfinal.io.LoadError`
  with located, bounded problems, and nothing else;
* :func:`govfinal.check` never raises on a report that loaded, in either mode;
* ``dumps`` then ``loads`` gives the same report back, in TOML and JSON;
* :func:`govfinal.render` never raises on a report that loaded, in every
  format and language, and what it returns is valid UTF-8 text; so are the
  CSV tables.

The number of examples follows the Hypothesis profile: a quick run locally and
a thorough one under ``CI`` (see ``tests/conftest.py``). The coverage-guided
harness in ``tests/fuzz/`` fuzzes the same promises with atheris.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.hostile.promises import (
    DOCUMENTS,
    HOSTILE_SCALARS,
    assert_promises_of_a_loaded_report,
    loads_or_load_error,
    slots,
    to_json,
)

hostile = st.sampled_from(HOSTILE_SCALARS)
arbitrary = st.recursive(
    st.one_of(hostile, st.integers(), st.text(max_size=8), st.decimals(allow_nan=False)),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


EXTREME_AMOUNTS = (
    "1E+18",
    "-1E+18",
    "1E-18",
    "-1E-18",
    "0E-18",
    "9" * 30,
    "0." + "9" * 18,
    "0.000001",
)
"""Amounts at the bounds :mod:`govfinal.money` accepts: the ratios of such figures are extreme."""


def _is_amount(value: object) -> bool:
    """Whether a document value is an amount as ``dumps`` writes it (a numeric string)."""
    if not isinstance(value, str) or not value:
        return False
    try:
        return Decimal(value).is_finite()
    except ArithmeticError:
        return False


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict[str, Any], str | None]:
    """A document with a few values made hostile, and perhaps a key written twice.

    Returns the document and, when a key is written twice, a marker (``None``
    when there is none).
    """
    document = copy.deepcopy(draw(st.sampled_from(DOCUMENTS)))
    for _ in range(draw(st.integers(1, 6))):
        places = list(slots(document))
        operation = draw(st.sampled_from(["extreme", "extreme", "hostile", "arbitrary", "repeat"]))
        if operation == "extreme":
            amounts = [slot for slot in places if _is_amount(slot[0][slot[1]])]
            if amounts:
                container, key = draw(st.sampled_from(amounts))
                container[key] = draw(st.sampled_from(EXTREME_AMOUNTS))
            continue
        container, key = draw(st.sampled_from(places))
        value = container[key]
        if operation == "hostile":
            container[key] = draw(hostile)
        elif operation == "arbitrary":
            container[key] = draw(arbitrary)
        elif isinstance(container, list):  # repeat a line, a code or a paragraph
            times = draw(st.integers(1, 3))
            container[key:key] = [copy.deepcopy(value) for _ in range(times)]
    twice = None
    if draw(st.integers(0, 3)) == 0:
        dicts = [document] + [
            value for container, key in slots(document) if isinstance(value := container[key], dict)
        ]
        chosen = draw(st.sampled_from(dicts))
        if chosen:
            chosen["\x00twice"] = draw(st.sampled_from(sorted(chosen)))
            twice = "yes"
    return document, twice


@settings(report_multiple_bugs=False)
@given(case=mutated())
@example(case=(DOCUMENTS[0], None))
def test_mutated_examples_keep_every_promise(case: tuple[dict[str, Any], str | None]) -> None:
    document, twice = case
    report = loads_or_load_error(to_json(document))
    if twice is not None:
        assert report is None, "a key written twice is refused"
    if report is not None:
        assert_promises_of_a_loaded_report(report)


def test_the_hostile_pool_reaches_the_model() -> None:
    """The fuzz is only worth its time if many mutants load and so reach check and render."""
    loaded = refused = 0

    @settings(max_examples=80, database=None, derandomize=True)
    @given(case=mutated())
    def count(case: tuple[dict[str, Any], str | None]) -> None:
        nonlocal loaded, refused
        if loads_or_load_error(to_json(case[0])) is None:
            refused += 1
        else:
            loaded += 1

    count()
    assert loaded >= 8
    assert refused >= 8
