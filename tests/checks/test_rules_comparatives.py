"""R7xx: comparatives with the prior year and with budgets, and their stated reasons.

The rates the text states (formerly R701, R703, R704) are statements since data
format 3: ``tests/checks/test_stated_rates.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import BudgetVariance, FinalAccount, PriorYear, ratios
from govfinal.checks import RULES, CheckOptions, Severity, check
from govfinal.checks.figures import Figures
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, evolve_path, findings_of

D = Decimal

_LINE = re.compile(r"functions\[(\d+)\]\.(.+)")


def set_at(report: FinalAccount, path: str, value: object) -> FinalAccount:
    """``report`` with the figure at ``path`` replaced; ``functions[CODE].…`` is understood."""
    match = _LINE.fullmatch(path)
    if match is None:
        return evolve_path(report, path, value)
    code, rest = match.groups()
    tree = report.functions
    lines = tuple(_evolve(line, rest, value) if line.code == code else line for line in tree.lines)
    return attrs.evolve(report, functions=attrs.evolve(tree, lines=lines))


def _evolve(inner: Any, dotted: str, value: object) -> Any:
    """``inner`` (any attrs object) with the attribute at ``dotted`` replaced."""
    head, _, rest = dotted.partition(".")
    if not rest:
        return attrs.evolve(inner, **{head: value})
    return attrs.evolve(inner, **{head: _evolve(getattr(inner, head), rest, value)})


def at(path: str, value: object) -> Callable[[FinalAccount], FinalAccount]:
    """A mutation that sets the figure at ``path``."""
    return lambda report: set_at(report, path, value)


def paths_of(code: str, report: FinalAccount, options: CheckOptions | None = None) -> list[str]:
    return findings_of(code, check(report, options=options))


def _explain_three_public(report: FinalAccount) -> FinalAccount:
    """The base report with a reason for each 三公 line's budget variance.

    The base report publishes the 三公 budgets line by line without reasons; see
    :func:`test_base_report_three_public_lines_lack_reasons`.
    """
    for name in ("overseas", "vehicles", "vehicle_operation", "reception"):
        report = set_at(report, f"three_public.{name}.budget.reason", "厉行节约")
    return report


def _fund_budget_far_off(report: FinalAccount) -> FinalAccount:
    budget = BudgetVariance(budget="200.00")
    return set_at(report, "fiscal.general_budget.budget", budget)


CASES = [
    # 22 − 20 = 2, stated 3.
    Case(
        "R702", "change", at("operating_costs.prior.change", "3.00"), "operating_costs.prior.change"
    ),
    Case(
        "R702",
        "amount",
        at("operating_costs.prior.amount", "19.00"),
        "operating_costs.prior.change",
    ),
    # −5 + 5 + 6 + 4 = 10, stated 11 (tolerance 5 × 0.005 = 0.025).
    Case(
        "R705",
        "fund",
        at("fiscal.general_budget.prior.change", "11.00"),
        "fiscal.general_budget.prior.change",
    ),
    # −5 + 5 + 6 + 5 = 11 against the fund's 10.
    Case(
        "R705",
        "item",
        at("functions[2210201].general_budget.prior.change", "5.00"),
        "fiscal.general_budget.prior.change",
    ),
    # 机关运行经费 +10.00 % reaches the default threshold of 10 %.
    Case(
        "R706",
        "operating-costs",
        at("operating_costs.prior.reason", None),
        "operating_costs.prior.reason",
    ),
    # 2010602: +33.33 %, with a blank reason.
    Case(
        "R706",
        "item",
        at("functions[2010602].general_budget.prior.reason", "  "),
        "functions[2010602].general_budget.prior.reason",
    ),
    # 三公 −33.33 % against the budget.
    Case(
        "R707",
        "three-public",
        at("three_public.total.budget.reason", None),
        "three_public.total.budget.reason",
    ),
    # 一般公共预算财政拨款 160 against a budget of 200: −20.00 % (recomputed), no reason.
    Case("R707", "fund", _fund_budget_far_off, "fiscal.general_budget.budget.reason"),
]

CODES = sorted({case.code for case in CASES})


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", CODES)
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    report = _explain_three_public(base_report()) if code == "R707" else base_report()
    assert paths_of(code, report) == []


@pytest.mark.parametrize("code", CODES)
def test_rule_holds_on_the_seed(code: str) -> None:
    assert paths_of(code, build_report()) == []


def test_rules_are_registered_with_documentation() -> None:
    for code in CODES:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en
    assert RULES["R706"].severity is Severity.WARNING
    assert RULES["R707"].severity is Severity.WARNING


def test_base_report_three_public_lines_lack_reasons() -> None:
    # The base report's 三公 table publishes budgets per line, without reasons:
    # 出国 2 of 3 = −33.33 %, 小计 1.5 of 2 = −25.00 %, 运行维护 1.5 of 2 = −25.00 %,
    # 接待 0.5 of 1 = −50.00 %: each at least 10 %. 购置 0 of 0 is 0.00 %; 合计 has a reason.
    assert paths_of("R707", base_report()) == [
        "three_public.overseas.budget.reason",
        "three_public.vehicles.budget.reason",
        "three_public.vehicle_operation.budget.reason",
        "three_public.reception.budget.reason",
    ]


# -- the sites -----------------------------------------------------------------------


def test_sites_in_the_report_order() -> None:
    sites = [
        (site.prior_path if site.prior else site.budget_path)
        for site in Figures(base_report()).sites()
    ]
    assert sites == [
        "grand_total_prior",
        "fiscal.prior",
        "fiscal.budget",
        "fiscal.general_budget.prior",
        "functions[2010601].general_budget.prior",
        "functions[2010602].general_budget.prior",
        "functions[2080505].general_budget.prior",
        "functions[2210201].general_budget.prior",
        "three_public.total.prior",
        "three_public.overseas.budget",
        "three_public.vehicles.budget",
        "three_public.vehicle_purchase.budget",
        "three_public.vehicle_operation.budget",
        "three_public.reception.budget",
        "operating_costs.prior",
    ]


def test_site_currents() -> None:
    currents = {
        (site.prefix, site.label_zh): None if site.current is None else site.current.value
        for site in Figures(build_report()).sites()
    }
    assert currents[("income", "收入总计")] == D("58.95")
    assert currents[("fiscal", "财政拨款收入总计")] == D("58.64")
    assert currents[("fiscal", "本年财政拨款支出")] == D("58.64")
    assert currents[("operating_costs", "机关运行经费")] == D("4.99")


# -- the seed -------------------------------------------------------------------------


def test_seed_item_changes_add_up() -> None:
    # 1.13 − 6.47 − 4.03 − 1.44 = −10.81, the 一般公共预算 change.
    seed = build_report()
    assert paths_of("R705", seed) == []
    report = set_at(seed, "functions[2080505].general_budget.prior.change", "-4.13")
    assert paths_of("R705", report) == ["fiscal.general_budget.prior.change"]


# -- growth from a change -----------------------------------------------


def test_growth_from_change() -> None:
    assert ratios.growth_from_change_of(D("58.95"), D("-14.45")).quantize(D("0.0001")) == D(
        "-19.6866"
    )
    assert ratios.growth_from_change_of(D("1.13"), D("1.13")) == D(100)  # from 0: 100 %
    assert ratios.growth_from_change_of(D("0.00"), D("-1.44")) == D(-100)
    assert ratios.growth_from_change_of(D("0.00"), D("0.00")) == D(0)


# -- change ---------------------------------------------------------------------------


def test_change_needs_both_amount_and_change() -> None:
    report = set_at(base_report(), "operating_costs.prior.amount", None)
    report = set_at(report, "operating_costs.prior.change", "3.00")
    assert paths_of("R702", report) == []


def test_change_message_shows_the_difference() -> None:
    report = set_at(base_report(), "operating_costs.prior.change", "3.00")
    finding = next(f for f in check(report) if f.code == "R702")
    assert finding.message_zh == (
        "机关运行经费增减额 3.00 ≠ 机关运行经费 22.00 − 机关运行经费上年决算数 20.00 = 2.00"
        "（差 1.00，容差 0.015）"
    )
    assert finding.related == ("operating_costs.amount", "operating_costs.prior.amount")


def test_change_rounding_is_not_an_error() -> None:
    # 22.00 − 20.00 = 2.00 against 2.01: 0.01 < tolerance 3 × 0.005.
    report = set_at(base_report(), "operating_costs.prior.change", "2.01")
    assert paths_of("R702", report) == []
    assert paths_of("R702", report, CheckOptions(exact=True)) == ["operating_costs.prior.change"]


# -- item changes -----------------------------------------------------------------------


def test_item_changes_skipped_when_an_item_has_no_change() -> None:
    report = set_at(base_report(), "functions[2010602].general_budget.prior", None)
    report = set_at(report, "fiscal.general_budget.prior.change", "11.00")
    assert paths_of("R705", report) == []


def test_item_change_derived_from_a_prior_amount() -> None:
    # 2210201: 10 against a published 6 is a change of 4: −5 + 5 + 6 + 4 = 10 holds.
    prior = PriorYear(amount="6.00", reason="缴存比例提高")
    report = set_at(base_report(), "functions[2210201].general_budget.prior", prior)
    assert paths_of("R705", report) == []
    # Against 5 it is 5: the items add up to 11 ≠ 10.
    report = set_at(report, "functions[2210201].general_budget.prior.amount", "5.00")
    finding = next(f for f in check(report) if f.code == "R705")
    assert finding.path == "fiscal.general_budget.prior.change"
    assert finding.expected == D("11.00")
    assert "functions[2210201].general_budget.prior.amount" in finding.related


def test_fund_change_derived_from_a_prior_amount() -> None:
    # The fund publishes 上年 150 instead of the change: 160 − 150 = 10 = Σ items.
    prior = PriorYear(amount="150.00", reason="业务量增加")
    report = set_at(base_report(), "fiscal.general_budget.prior", prior)
    assert paths_of("R705", report) == []
    report = set_at(report, "fiscal.general_budget.prior.amount", "149.00")
    assert paths_of("R705", report) == ["fiscal.general_budget.prior.change"]  # derived


# -- reasons and thresholds ----------------------------------------------------------


def test_change_threshold_option() -> None:
    # 2010601: −4.76 % without a reason: below the default 10 %, at least 4 %.
    path = "functions[2010601].general_budget.prior.reason"
    report = set_at(base_report(), path, None)
    assert paths_of("R706", report) == []
    assert paths_of("R706", report, CheckOptions(change_threshold=4)) == [path]
    assert paths_of("R706", report, CheckOptions(change_threshold="4.77")) == []
    # With its reason, no threshold asks for one.
    assert paths_of("R706", base_report(), CheckOptions(change_threshold=0)) == []


def test_change_threshold_on_a_recomputed_growth() -> None:
    # No stated growth: 8/170 = 4.71 % recomputed from the change.
    report = set_at(base_report(), "grand_total_prior", PriorYear(change="8.00"))
    assert paths_of("R706", report) == []
    finding = next(
        f for f in check(report, options=CheckOptions(change_threshold=4)) if f.code == "R706"
    )
    assert finding.path == "grand_total_prior.reason"
    assert finding.actual == D("4.71")
    assert finding.related == ()


def test_variance_threshold_option() -> None:
    # 2010601: −9.09 % against its budget, without a reason: below 10 %, at least 9 %.
    path = "functions[2010601].general_budget.budget.reason"
    report = set_at(base_report(), path, "")
    assert paths_of("R707", _explain_three_public(report)) == []
    options = CheckOptions(variance_threshold=9)
    assert paths_of("R707", _explain_three_public(report), options) == [path]
    # A higher threshold also silences the base report's 三公 lines (at most −50.00 %).
    assert paths_of("R707", report, CheckOptions(variance_threshold=51)) == []
