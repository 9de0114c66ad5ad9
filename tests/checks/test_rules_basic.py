"""B3xx: the 一般公共预算财政拨款基本支出决算表."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import EconomicLine, FinalAccount, Severity
from govfinal.checks import RULES, check
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, assert_holds, evolve_path, findings_of, setting

D = Decimal
Mutation = Callable[[FinalAccount], FinalAccount]

# The base table: 301 100 = 30101 60 + 30102 40; 303 18 = 30302 18 (人员经费 118);
# 302 18 = 30201 10 + 30207 8; 310 4 = 31002 4 (公用经费 22); 基本支出 140.


def amounts(**changes: str | None) -> Mutation:
    """Set the amounts of economic lines by code, e.g. ``amounts(c30101="61.00")``."""

    def mutate(report: FinalAccount) -> FinalAccount:
        lines = tuple(
            attrs.evolve(line, amount=changes[f"c{line.code}"])
            if f"c{line.code}" in changes
            else line
            for line in report.general_budget_basic.lines
        )
        return evolve_path(report, "general_budget_basic.lines", lines)

    return mutate


def append(*new: EconomicLine) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        lines = (*report.general_budget_basic.lines, *new)
        return evolve_path(report, "general_budget_basic.lines", lines)

    return mutate


def repeat(line: EconomicLine) -> Mutation:
    """Append ``line`` whose code is listed already.

    The model refuses a repeated code (issue 11 item 7), so the table is built
    with validators off: B306 stays as a defence in depth.
    """

    def mutate(report: FinalAccount) -> FinalAccount:
        with attrs.validators.disabled():
            return append(line)(report)

    return mutate


def rename(code: str, name: str) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        lines = tuple(
            attrs.evolve(line, name=name) if line.code == code else line
            for line in report.general_budget_basic.lines
        )
        return evolve_path(report, "general_budget_basic.lines", lines)

    return mutate


def without_amounts(report: FinalAccount) -> FinalAccount:
    """Every economic line names its item but publishes no amount (as in the seed)."""
    lines = tuple(attrs.evolve(line, amount=None) for line in report.general_budget_basic.lines)
    return evolve_path(report, "general_budget_basic.lines", lines)


def chain(*mutations: Mutation) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        for mutation in mutations:
            report = mutation(report)
        return report

    return mutate


CASES = [
    # 140 against 118 + 22 = 140, published as 141.
    Case(
        "B301",
        "total",
        setting("general_budget_basic.stated_total", "141.00"),
        "general_budget_basic.stated_total",
    ),
    # 人员经费 119 (its items still say 118): 140 ≠ 119 + 22.
    Case(
        "B301",
        "personnel",
        setting("general_budget_basic.stated_personnel", "119.00"),
        "general_budget_basic.stated_total",
    ),
    # 30101 61 (and 301 101): items 61 + 40 + 18 = 119 ≠ 118.
    Case(
        "B302",
        "item",
        amounts(c30101="61.00", c301="101.00"),
        "general_budget_basic.stated_personnel",
    ),
    # 30207 9 (and 302 19): items 10 + 9 + 4 = 23 ≠ 22.
    Case(
        "B303",
        "item",
        amounts(c30207="9.00", c302="19.00"),
        "general_budget_basic.stated_public",
    ),
    # 301 101 ≠ 60 + 40.
    Case("B304", "class", amounts(c301="101.00"), "general_budget_basic[301].amount"),
    Case(
        "B305",
        "not-basic",
        append(EconomicLine("309", "资本性支出（基本建设）")),
        "general_budget_basic[309]",
    ),
    Case(
        "B306",
        "repeat",
        repeat(EconomicLine("30101", "基本工资")),
        "general_budget_basic[30101]",
    ),
    # The fiscal summary's GPB basic 141 against the table's 140.
    Case(
        "B307",
        "fund",
        setting("fiscal.general_budget.basic", "141.00"),
        "general_budget_basic.stated_total",
    ),
    # GPB basic 140 against all-funds basic 139.
    Case(
        "B308",
        "exceeds",
        setting("expenditure.nature.basic", "139.00"),
        "fiscal.general_budget.basic",
    ),
    Case(
        "B309",
        "unknown",
        append(EconomicLine("30230", "其他公用支出")),
        "general_budget_basic[30230]",
    ),
    Case("B309", "renamed", rename("30201", "办公用品费"), "general_budget_basic[30201]"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", sorted({case.code for case in CASES}))
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    assert_holds(code)


@pytest.mark.parametrize("code", sorted({case.code for case in CASES}))
def test_rule_holds_on_the_seed(code: str) -> None:
    assert_holds(code, build_report())


def test_no_basic_finding_on_the_seed() -> None:
    # The seed names 16 items without amounts: B302 and B303 have nothing to add up.
    assert [str(f) for f in check(build_report()) if f.code.startswith("B3")] == []


def test_rules_are_registered_with_documentation() -> None:
    for code in {case.code for case in CASES}:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en


def _paths(code: str, report: FinalAccount, *, exact: bool = False) -> list[str]:
    return findings_of(code, check(report, exact=exact))


def test_items_without_amounts_are_not_summed() -> None:
    report = chain(
        without_amounts,
        setting("general_budget_basic.stated_personnel", "500.00"),
        setting("general_budget_basic.stated_public", "600.00"),
    )(base_report())
    assert _paths("B302", report) == []
    assert _paths("B303", report) == []
    assert _paths("B304", report) == []


def test_personnel_from_items_when_not_published() -> None:
    # No 人员经费合计: 60 + 40 + 18 = 118 stands in; 118 + 22 = 140 holds.
    report = setting("general_budget_basic.stated_personnel", None)(base_report())
    assert _paths("B301", report) == []
    broken = amounts(c30101="61.00", c301="101.00")(report)
    (finding,) = (f for f in check(broken) if f.code == "B301")
    assert finding.path == "general_budget_basic.stated_total"
    assert (finding.actual, finding.expected) == (D("140.00"), D("141.00"))
    # 140 + 3 item terms + 公用经费: 0.005 × 5 = 0.025.
    assert finding.tolerance == D("0.025")
    assert "general_budget_basic[30101].amount" in finding.related


def test_total_is_skipped_when_a_group_is_unavailable() -> None:
    report = chain(
        without_amounts,
        setting("general_budget_basic.stated_public", None),
        setting("general_budget_basic.stated_total", "999.00"),
    )(base_report())
    assert _paths("B301", report) == []


def test_a_class_without_items_counts_itself() -> None:
    # 310 loses its item 31002: 公用经费 = 10 + 8 (302's items) + 4 (310 itself) = 22.
    def drop_31002(report: FinalAccount) -> FinalAccount:
        lines = tuple(line for line in report.general_budget_basic.lines if line.code != "31002")
        return evolve_path(report, "general_budget_basic.lines", lines)

    report = drop_31002(base_report())
    assert _paths("B303", report) == []
    broken = amounts(c310="5.00")(report)
    assert _paths("B303", broken) == ["general_budget_basic.stated_public"]


def test_a_repeated_item_is_counted_once() -> None:
    report = repeat(EconomicLine("30101", "基本工资", "60.00"))(base_report())
    assert _paths("B302", report) == []
    assert _paths("B304", report) == []
    assert _paths("B306", report) == ["general_budget_basic[30101]"]


def test_derived_detail_total_is_compared_with_the_fund() -> None:
    # No stated total: 118 + 22 = 140 = the summary's 140; then 人员经费 119 breaks it.
    report = setting("general_budget_basic.stated_total", None)(base_report())
    assert _paths("B307", report) == []
    broken = setting("general_budget_basic.stated_personnel", "119.00")(report)
    assert _paths("B307", broken) == ["general_budget_basic.parts_total"]


def test_matches_fund_skips_an_unpublished_fund_basic() -> None:
    report = chain(
        setting("fiscal.general_budget.basic", None),
        setting("general_budget_basic.stated_total", "999.00"),
    )(base_report())
    assert _paths("B307", report) == []
    assert _paths("B308", report) == []


def test_rounding_is_not_an_error_but_exact_mode_says_so() -> None:
    # 30101 60.01 (301 still 100): 人员经费 118 against 60.01 + 40 + 18 (tolerance
    # 0.020) and 301 100 against 60.01 + 40 (tolerance 0.015) both hold.
    report = amounts(c30101="60.01")(base_report())
    assert _paths("B302", report) == []
    assert _paths("B304", report) == []
    assert _paths("B302", report, exact=True) == ["general_budget_basic.stated_personnel"]
    assert _paths("B304", report, exact=True) == ["general_budget_basic[301].amount"]


def test_class_message_shows_the_items() -> None:
    report = amounts(c301="101.00")(base_report())
    (finding,) = (f for f in check(report) if f.code == "B304")
    assert finding.message_zh == (
        "工资福利支出（301） 101.00 ≠ 基本工资（30101） 60.00 + 津贴补贴（30102） 40.00"
        " = 100.00（差 1.00，容差 0.015）"
    )


def test_notices_and_warnings_have_their_severity() -> None:
    report = chain(
        append(EconomicLine("309", "资本性支出（基本建设）")),
        rename("30201", "办公 费"),
    )(base_report())
    findings = check(report)
    assert [f.severity for f in findings if f.code == "B305"] == [Severity.WARNING]
    # 309 is unknown (info); 办公 费 is 办公费 once whitespace is ignored.
    assert [(f.path, f.severity) for f in findings if f.code == "B309"] == [
        ("general_budget_basic[309]", Severity.INFO)
    ]
