"""The checks' figures agree with the model, and every finding's address resolves.

:class:`govfinal.checks.figures.Figures` is the one place the checks derive a
figure (“published, else Σ of its parts”). Each derived term is pinned here to
the model's own value of the same figure (its property, or
:meth:`FunctionTree.rollup`), and every term's address resolves in the report
to the figure it stands for. Then, over the example data, every rule-test case
and generated reports: every address in every finding resolves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govfinal
from govfinal import FinalAccount, FundType
from govfinal.address import resolve
from govfinal.checks.figures import EXPENDITURE, FUNDS, INCOME, Figures, FunctionTable
from govfinal.checks.tolerance import Term
from govfinal.classification import EconomicGroup
from govfinal.model.function import FunctionLine
from tests import strategies
from tests.checks.base import base_report
from tests.checks.test_rule_coverage import _cases

EXAMPLE = "examples/data/kexie_2023.toml"

# Keyed tables whose key is a code; any other bracketed key must be a name, never a position.
_CODED = ("functions[", "general_budget_basic[", "expenditure.classes[")

_REPORTS = st.one_of(
    strategies.final_accounts(),
    strategies.unrounded_final_accounts(),
    strategies.final_accounts().flatmap(strategies.with_comparatives),
    strategies.arbitrary_final_accounts(),
)


def _leaves(term: Term) -> Iterator[Term]:
    if not term.parts:
        yield term
    for part in term.parts:
        yield from _leaves(part)


def _assert_resolves(report: FinalAccount, term: Term | None, model_value: object) -> None:
    """The term is the model's figure, and every address in it resolves to what it says."""
    if term is None:
        return
    assert term.value == model_value, term.path
    assert resolve(report, term.path) == model_value, term.path
    for leaf in _leaves(term):
        found = resolve(report, leaf.path)
        if leaf.label_zh.endswith("（空）"):  # a blank cell read as an exact zero
            assert found is None, leaf.path
        else:
            assert found == leaf.value, leaf.path


def _effective(table: FunctionTable, field: str) -> govfinal.model.function.ValueOf:
    """The model's value of a function-table cell: published, else (a total) Σ of its parts."""

    def pick(line: FunctionLine) -> Decimal | None:
        row = getattr(line, table.attr)
        if row is None:
            return None
        value: Decimal | None = getattr(row, field)
        if value is None and field == table.total:
            value = getattr(row, table.derived_total)
        return value

    return pick


def _pin(report: FinalAccount) -> None:
    figures = Figures(report)
    derived = figures.derived()
    for address, term in derived.items():  # the model's value at the address is the term's
        _assert_resolves(report, term, resolve(report, address))
    assert "income.sources.total" in derived  # never left out: the sources are always there
    detail = report.general_budget_basic
    for group, parts in (
        (EconomicGroup.PERSONNEL, detail.parts_personnel),
        (EconomicGroup.PUBLIC, detail.parts_public),
    ):
        _assert_resolves(report, figures.economic_items_sum(group), parts)
    tables = [(EXPENDITURE, "stated_total"), (INCOME, "total")]
    tables += [(FUNDS[fund], "stated_expenditure") for fund in FundType]
    for line in report.functions:
        for table, field in tables:
            rolled = figures.rollup(line.code, table, field)
            expected = report.functions.rollup(line.code, _effective(table, field))
            if rolled is None:
                assert expected is None, line.code
                continue
            assert rolled.value == expected, (line.code, table.attr)
            for leaf in _leaves(rolled):
                assert resolve(report, leaf.path) == leaf.value, leaf.path


def test_derived_figures_are_the_models_on_the_example() -> None:
    _pin(govfinal.load(EXAMPLE))


def test_derived_figures_are_the_models_on_the_base_report() -> None:
    _pin(base_report())


@settings(max_examples=150, deadline=None)
@given(_REPORTS)
def test_derived_figures_are_the_models(report: FinalAccount) -> None:
    _pin(report)


def _assert_findings_resolve(report: FinalAccount) -> None:
    for finding in govfinal.check(report):
        figure = resolve(report, finding.path)
        stated = finding.statement is not None  # its actual is the text's figure, not the fact
        if finding.actual is not None and isinstance(figure, (Decimal, int)) and not stated:
            assert figure == finding.actual, (finding.code, finding.path)  # the figure it is about
        for address in (finding.path, *finding.related):
            resolve(report, address)  # raises AddressError when it names nothing
            for key in re.findall(r"\[([^\]]*)\]", address):
                if not address.startswith(_CODED):
                    assert not key.isdigit() or len(key) > 2, (finding.code, address)


def test_every_finding_address_resolves_on_the_example() -> None:
    _assert_findings_resolve(govfinal.load(EXAMPLE))


@pytest.mark.parametrize("case", _cases(), ids=lambda case: case.id)
def test_every_finding_address_resolves_on_the_rule_cases(case: object) -> None:
    _assert_findings_resolve(case.mutate(base_report()))  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(_REPORTS)
def test_every_finding_address_resolves(report: FinalAccount) -> None:
    _assert_findings_resolve(report)


def test_a_finding_names_a_performance_item_by_its_name() -> None:
    """Indicators and evaluations are addressed by name, never by their position."""
    report = govfinal.load(EXAMPLE)
    addresses = [f.path for f in govfinal.check(report) if f.code.startswith("S")]
    assert addresses
    assert all("evaluations[0]" not in a and "indicators[0]" not in a for a in addresses)
