"""Property tests of the data-file API (:mod:`govfinal.io`).

* Generated reports survive ``dumps`` → ``loads`` in TOML and JSON, equal and
  digit for digit, and ``dumps`` is stable.
* Whatever JSON or TOML text ``loads`` is given, it returns a report or raises
  :class:`~govfinal.io.LoadError`, never anything else. The texts are arbitrary
  JSON values, the seed's document with values replaced, deleted and inserted at
  random paths, and the seed's TOML text with slices deleted, lines duplicated
  and characters replaced.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from kexie_2023 import build_report

from govfinal import (
    BudgetUnit,
    Figure,
    FinalAccount,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    GrowthStatement,
    Income,
    PriorYear,
    ThreePublicExpenses,
)
from govfinal.io import LoadError, dumps, loads
from govfinal.money import MAX_ADJUSTED_EXPONENT, MAX_DIGITS, MIN_EXPONENT
from tests.checks.base import base_report
from tests.hostile.promises import slots
from tests.strategies import arbitrary_final_accounts, complete_final_accounts, final_accounts

FORMATS = ("toml", "json")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "kexie_2023.toml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def walk_decimals(value: object) -> Iterator[Decimal]:
    """Every ``Decimal`` of an attrs object tree, in field order."""
    if isinstance(value, Decimal):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from walk_decimals(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.init:
                yield from walk_decimals(getattr(value, field.name))


def digits_of(report: FinalAccount) -> list[tuple[Any, ...]]:
    """Sign, digits and exponent of every amount, in order."""
    return [tuple(value.as_tuple()) for value in walk_decimals(report)]


def assert_round_trip(report: FinalAccount, fmt: str) -> None:
    text = dumps(report, format=fmt)
    again = loads(text, format=fmt)
    assert again == report
    assert digits_of(again) == digits_of(report)
    assert dumps(again, format=fmt) == text


def loads_or_load_error(text: str, fmt: Any) -> FinalAccount | None:
    """``loads(text)``; ``None`` if it raised :class:`LoadError`, which must name problems."""
    try:
        return loads(text, format=fmt)
    except LoadError as error:
        problems = error.problems
    assert problems
    for problem in problems:
        assert isinstance(problem.path, str)
        assert problem.message
        assert problem.line is None or problem.line >= 1
    return None


# -- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@given(report=final_accounts())
def test_final_accounts_round_trip(report: FinalAccount, fmt: str) -> None:
    assert_round_trip(report, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=settings().max_examples // 2)
@given(report=complete_final_accounts())
def test_complete_final_accounts_round_trip(report: FinalAccount, fmt: str) -> None:
    assert_round_trip(report, fmt)


UNIT = BudgetUnit(name="示例单位", fiscal_year=2023)


# The converter drops empty tables, so Figure() where the default is Figure(amount=0)
# loads back as that default and dumps differently: the first @example below, and
# test_empty_texts_and_tables_round_trip in test_io.py.
@pytest.mark.parametrize("fmt", FORMATS)
@settings(report_multiple_bugs=False)
@given(report=arbitrary_final_accounts())
@example(report=FinalAccount(unit=UNIT, three_public=ThreePublicExpenses(overseas=Figure())))
@example(report=FinalAccount(unit=UNIT, functions=FunctionTree(lines=[FunctionLine("206", "")])))
def test_arbitrary_reports_load_or_fail_cleanly_and_dump_stably(
    report: FinalAccount, fmt: str
) -> None:
    # Arbitrary reports may hold duplicate codes, which loads refuses, so a LoadError is
    # allowed; what loads must be dumped again the same way.
    text = dumps(report, format=fmt)
    again = loads_or_load_error(text, fmt)
    if again is not None:
        assert dumps(again, format=fmt) == text


@st.composite
def bounded_decimals(draw: st.DrawFn) -> Decimal:
    """Any amount ``to_decimal`` accepts, with any exponent in bounds, of either sign."""
    coefficient = draw(
        st.one_of(st.integers(0, 10**4), st.integers(0, 10**MAX_DIGITS - 1)),
    )
    exponent = draw(st.integers(MIN_EXPONENT, MAX_ADJUSTED_EXPONENT))
    exponent = min(exponent, MAX_ADJUSTED_EXPONENT - (len(str(coefficient)) - 1))
    negative = draw(st.booleans())
    if coefficient == 0 and exponent == 0:
        negative = False  # Decimal("-0") loses its sign in TOML: see test_io.py
    digits = tuple(int(digit) for digit in str(coefficient))
    return Decimal((int(negative), digits, exponent))


@pytest.mark.parametrize("fmt", FORMATS)
@given(values=st.lists(bounded_decimals(), min_size=6, max_size=6))
def test_amounts_keep_their_exponents(values: list[Decimal], fmt: str) -> None:
    report = FinalAccount(
        unit=UNIT,
        income=Income(opening_balance=values[0], stated_grand_total=values[1]),
        grand_total_prior=PriorYear(change=values[2]),
        statements=(GrowthStatement("income.grand_total", values[3]),),
    )
    report = attrs.evolve(
        report,
        fiscal=attrs.evolve(
            report.fiscal, general_budget=FundAmounts(basic=values[4], closing=values[5])
        ),
    )
    text = dumps(report, format=fmt)
    again = loads(text, format=fmt)
    assert again == report
    prior, fund = again.grand_total_prior, again.fiscal.general_budget
    assert prior is not None
    loaded = (
        again.income.opening_balance,  # omitted when it is the default 0, read back as 0
        again.income.stated_grand_total,
        prior.change,
        again.statements[0].value,  # type: ignore[union-attr]
        fund.basic,
        fund.closing,
    )
    assert [value.as_tuple() for value in values] == [
        value.as_tuple() if value is not None else None for value in loaded
    ]
    assert dumps(again, format=fmt) == text


# -- arbitrary JSON ----------------------------------------------------------------------

SEED = build_report()
SEED_DOCUMENTS = (
    json.loads(dumps(SEED, format="json")),
    json.loads(dumps(base_report(), format="json")),
)


def _keys(document: object) -> Iterator[str]:
    if isinstance(document, dict):
        for key, value in document.items():
            yield key
            yield from _keys(value)
    elif isinstance(document, list):
        for value in document:
            yield from _keys(value)


FIELD_NAMES = sorted({key for document in SEED_DOCUMENTS for key in _keys(document)})

keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(
        [
            "58.95",
            "0.00",
            "97.6",
            "-14.45",
            "1e999999",
            "NaN",
            "Infinity",
            "2060101",
            "206",
            "30101",
            "20A",
            "行政单位",
            "万元",
            "全年预算",
            "≥",
            "",
            " ",
        ]
    ),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)
    ),
    max_leaves=12,
)


def to_json(value: object) -> str:
    """JSON text of ``value``; a ``Decimal`` is written as a JSON number with its digits."""
    if isinstance(value, Decimal):
        return str(value)  # "1E+5", "-0.00": valid JSON numbers (NaN and Infinity excluded)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    return json.dumps(value)


@given(value=json_values)
@example(value={"unit": {"name": 3, "fiscal_year": 2023}})
def test_any_json_value_loads_or_fails_cleanly(value: object) -> None:
    loads_or_load_error(to_json(value), "json")


def _containers(document: object) -> Iterator[Any]:
    if isinstance(document, dict | list):
        yield document
        items = document.values() if isinstance(document, dict) else document
        for value in items:
            yield from _containers(value)


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    """A seed document with a few values replaced, deleted, duplicated or inserted."""
    document = copy.deepcopy(draw(st.sampled_from(SEED_DOCUMENTS)))
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["replace", "delete", "duplicate", "insert"]))
        if operation == "insert":
            container = draw(st.sampled_from(list(_containers(document))))
            if isinstance(container, dict):
                container[draw(keys)] = draw(json_values)
            else:
                container.insert(draw(st.integers(0, len(container))), draw(json_values))
            continue
        places = list(slots(document))
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        if operation == "replace":
            container[key] = draw(json_values)
        elif operation == "delete":
            del container[key]
        elif isinstance(container, list):
            container.insert(key, copy.deepcopy(container[key]))
        else:
            container[draw(keys)] = copy.deepcopy(container[key])
    return document


@given(document=mutated_documents())
@example(document={**SEED_DOCUMENTS[0], "unit": []})
def test_mutated_seed_json_loads_or_fails_cleanly(document: object) -> None:
    report = loads_or_load_error(to_json(document), "json")
    if report is not None:  # whatever loads can be written
        assert dumps(report, format="json")
        assert dumps(report, format="toml")


# -- arbitrary TOML ----------------------------------------------------------------------

REPLACEMENTS = '=[]{}"\n0.,a#'
DATA_LINE = re.compile(r"^[^#\n]", re.MULTILINE)


@st.composite
def mutated_toml(draw: st.DrawFn) -> str:
    """The example file with slices deleted, lines duplicated and characters replaced."""
    text = EXAMPLE_TEXT
    for _ in range(draw(st.integers(1, 3))):
        if not text:
            break
        operation = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        start = draw(st.integers(0, len(text) - 1))
        if draw(st.booleans()):  # half the time, somewhere in a line of data, not a comment
            data = [m.start() for m in DATA_LINE.finditer(text)]
            if data:
                line_start = draw(st.sampled_from(data))
                line_end = text.find("\n", line_start)
                line_end = len(text) if line_end < 0 else line_end
                start = draw(st.integers(line_start, max(line_start, line_end - 1)))
        if operation == "delete":
            length = draw(st.sampled_from([1, 8, 64, 1024, len(text)]))
            text = text[:start] + text[start + draw(st.integers(1, length)) :]
        elif operation == "duplicate":
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            text = "".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])
        else:
            text = text[:start] + draw(st.sampled_from(REPLACEMENTS)) + text[start + 1 :]
    return text


@given(text=mutated_toml())
@example(text=EXAMPLE_TEXT.replace("fiscal_year = 2023", 'fiscal_year = "2023"', 1))
def test_mutated_seed_toml_loads_or_fails_cleanly(text: str) -> None:
    report = loads_or_load_error(text, "toml")
    if report is not None:  # whatever loads can be written
        assert dumps(report, format="toml")


def test_mutation_strategies_reach_the_structuring_stage() -> None:
    # The fuzzers above are only worth their time if many mutants parse and reach the
    # converter; check that the mutations are not all syntax errors.
    parsed = 0

    @settings(max_examples=60, database=None)
    @given(text=mutated_toml())
    def count(text: str) -> None:
        nonlocal parsed
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return
        parsed += 1

    count()
    assert parsed >= 5
