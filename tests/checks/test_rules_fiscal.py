"""C4xx: 财政拨款 by fund type (财政拨款收入支出决算总表 and the fund tables)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import FinalAccount, FiscalAllocations, FunctionTree, FundAmounts
from govfinal.checks import RULES, check
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, assert_holds, findings_of, setting

D = Decimal

Mutation = Callable[[FinalAccount], FinalAccount]


def _line_fund(code: str, field: str, amounts: FundAmounts | None) -> Mutation:
    """Replace one fund row (``general_budget`` …) of the function line ``code``."""

    def mutate(report: FinalAccount) -> FinalAccount:
        tree = report.functions
        change: dict[str, Any] = {field: amounts}
        lines = tuple(attrs.evolve(line, **change) if line.code == code else line for line in tree)
        return setting("functions", FunctionTree(lines, tree.narrative_order))(report)

    return mutate


def _both(*mutations: Mutation) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        for mutation in mutations:
            report = mutation(report)
        return report

    return mutate


# Base: GPB 12 + 150 = 160 (140 + 20) + 2; GF 0 + 8 = 8 (0 + 8) + 0; SC blank.
# Columns: opening 12, income 158, expenditure 168, closing 2; grand totals 170 = 170.
# 类 of the GPB table: 201 120 (100 + 20), 208 30, 221 10 = 160 (140 + 20).
CASES = [
    Case(
        "C401",
        "gpb-closing",
        setting("fiscal.general_budget.closing", "2.10"),
        "fiscal.general_budget",
    ),
    Case(
        "C401",
        "gf-opening",
        setting("fiscal.government_fund.opening", "1.00"),
        "fiscal.government_fund",
    ),
    Case(
        "C402",
        "gpb-basic",
        setting("fiscal.general_budget.basic", "140.10"),
        "fiscal.general_budget.stated_expenditure",
    ),
    Case("C403", "opening", setting("fiscal.stated_opening", "12.10"), "fiscal.stated_opening"),
    Case("C403", "income", setting("fiscal.stated_income", "158.10"), "fiscal.stated_income"),
    Case(
        "C403",
        "expenditure",
        setting("fiscal.stated_expenditure", "168.10"),
        "fiscal.stated_expenditure",
    ),
    Case("C403", "closing", setting("fiscal.stated_closing", "2.10"), "fiscal.stated_closing"),
    Case(
        "C404",
        "income",
        setting("fiscal.stated_income_grand_total", "170.10"),
        "fiscal.stated_income_grand_total",
    ),
    Case(
        "C404",
        "expenditure",
        setting("fiscal.stated_expenditure_grand_total", "169.00"),
        "fiscal.stated_expenditure_grand_total",
    ),
    Case(
        "C405",
        "unbalanced",
        setting("fiscal.stated_expenditure_grand_total", "170.10"),
        "fiscal.stated_expenditure_grand_total",
    ),
    Case(
        "C406",
        "gpb",
        setting("income.sources.general_budget", "150.10"),
        "fiscal.general_budget.income",
    ),
    Case(
        "C406",
        "gf",
        setting("income.sources.government_fund", "0.00"),
        "fiscal.government_fund.income",
    ),
    Case(
        "C407",
        "class-expenditure",
        _line_fund(
            "208",
            "general_budget",
            FundAmounts(basic="31.00", project="0.00", stated_expenditure="31.00"),
        ),
        "fiscal.general_budget.stated_expenditure",
    ),
    Case(
        "C407",
        "class-basic",
        _line_fund(
            "208",
            "general_budget",
            FundAmounts(basic="31.00", project="0.00", stated_expenditure="31.00"),
        ),
        "fiscal.general_budget.basic",
    ),
    Case(
        "C407",
        "project",
        setting("fiscal.general_budget.project", "21.00"),
        "fiscal.general_budget.project",
    ),
    Case(
        "C408",
        "gf-opening",
        setting("fiscal.government_fund.opening", "1.00"),
        "fiscal.government_fund.opening",
    ),
    Case(
        "C408",
        "gf-class-income",
        _line_fund(
            "212",
            "government_fund",
            FundAmounts(
                opening="0.00",
                income="9.00",
                basic="0.00",
                project="8.00",
                stated_expenditure="8.00",
                closing="0.00",
            ),
        ),
        "fiscal.government_fund.income",
    ),
    Case(
        "C408",
        "gf-expenditure",
        setting("fiscal.government_fund.stated_expenditure", "9.00"),
        "fiscal.government_fund.stated_expenditure",
    ),
    Case(
        "C408",
        "gf-closing",
        setting("fiscal.government_fund.closing", "1.00"),
        "fiscal.government_fund.closing",
    ),
    # 15.10 > 年初结转和结余 15.00.
    Case("C409", "opening", setting("fiscal.stated_opening", "15.10"), "fiscal.stated_opening"),
    # 5.10 > 年末结转和结余 5.00.
    Case("C410", "closing", setting("fiscal.stated_closing", "5.10"), "fiscal.stated_closing"),
    # 173.10 > 本年支出合计 173.00.
    Case(
        "C411",
        "expenditure",
        setting("fiscal.stated_expenditure", "173.10"),
        "fiscal.stated_expenditure",
    ),
    # GPB 20.10 + GF 8.00 = 28.10 > 项目支出 28.00; the sum of the funds is fiscal.project.
    Case("C411", "project", setting("fiscal.general_budget.project", "20.10"), "fiscal.project"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", sorted({case.code for case in CASES}))
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    assert_holds(code)


def test_every_fiscal_rule_is_covered() -> None:
    assert {case.code for case in CASES} == {code for code in RULES if code.startswith("C4")}


def test_rules_are_registered_with_documentation() -> None:
    for code in {case.code for case in CASES}:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en


def _fiscal_findings(report: FinalAccount, *, exact: bool = False) -> list[str]:
    return [str(f) for f in check(report, exact=exact) if f.code.startswith("C4")]


def test_the_seed_agrees_with_itself() -> None:
    # 年初 3.45 + 55.19 = 58.64 (57.51 + 1.13) + 0.00; 类 206 54.17 + 208 4.47 = 58.64;
    # 3.45 ≤ 3.76, 0.00 ≤ 0.00, 58.64 ≤ 58.95, project 1.13 ≤ 1.13.
    assert _fiscal_findings(build_report()) == []
    assert _fiscal_findings(build_report(), exact=True) == []


def test_fund_balance_message_shows_both_sides() -> None:
    report = setting("fiscal.general_budget.closing", "2.10")(base_report())
    finding = next(f for f in check(report) if f.code == "C401")
    assert finding.message_zh == (
        "一般公共预算财政拨款：本年支出 160.00 + 年末结转和结余 2.10 = 162.10"
        " ≠ 年初结转和结余 12.00 + 本年收入 150.00 = 162.00（差 0.10，容差 0.020）"
    )
    assert finding.message_en.startswith("general public budget allocations: ")
    assert (finding.expected, finding.actual, finding.difference) == (
        D("162.00"),
        D("162.10"),
        D("0.10"),
    )
    assert set(finding.related) == {
        "fiscal.general_budget.opening",
        "fiscal.general_budget.income",
        "fiscal.general_budget.closing",
        "fiscal.general_budget.stated_expenditure",
    }


def test_fund_balance_forgives_rounding_but_not_in_exact_mode() -> None:
    # Four published cells: tolerance 4 × 0.005 = 0.02 > 0.01.
    report = setting("fiscal.general_budget.closing", "2.01")(base_report())
    assert "C401" not in check(report).codes()
    assert "C401" in check(report, exact=True).codes()


def test_blank_cells_beside_published_ones_count_as_zero() -> None:
    # GF publishes 本年收入 and 本年支出 only: 0 + 8 = 8 + 0 holds.
    blanks = setting(
        "fiscal.government_fund", FundAmounts(income="8.00", stated_expenditure="8.00")
    )
    assert _fiscal_findings(blanks(base_report())) == []
    # 9 in, 8 out, 年末 blank: 0 + 9 ≠ 8 + 0, reported at the fund's row.
    uneven = setting(
        "fiscal.government_fund", FundAmounts(income="9.00", stated_expenditure="8.00")
    )
    finding = next(f for f in check(uneven(base_report())) if f.code == "C401")
    assert finding.path == "fiscal.government_fund"
    assert "年末结转和结余（空） 0" in finding.message_zh
    assert finding.tolerance == D("0.010")


def test_unpublished_fiscal_allocations_skip_every_rule() -> None:
    # No fund publishes anything: no total is invented, even though the 类 publish GPB.
    report = setting("fiscal", FiscalAllocations())(base_report())
    assert _fiscal_findings(report) == []


def test_effective_expenditure_is_basic_plus_project_when_unstated() -> None:
    unstated = FundAmounts(
        opening="12.00", income="150.00", basic="140.00", project="20.00", closing="2.00"
    )
    report = setting("fiscal.general_budget", unstated)(base_report())
    assert _fiscal_findings(report) == []
    # With 项目支出 21.00 the GPB 本年支出 is 161: the 类 sum 160 disagrees with the derived figure.
    report = setting("fiscal.general_budget", attrs.evolve(unstated, project="21.00"))(
        base_report()
    )
    paths = findings_of("C407", check(report))
    assert paths == ["fiscal.general_budget.parts_expenditure", "fiscal.general_budget.project"]


def test_general_budget_table_rolls_up_classes_that_publish_nothing() -> None:
    bare = _both(
        _line_fund("201", "general_budget", None), _line_fund("20106", "general_budget", None)
    )
    assert_holds("C407", bare(base_report()))
    # 2010602 moves to 21.00: 201 rolls up from its 项 (0.00 + 21.00), 208 0.00, 221 0.00.
    moved = _both(
        bare,
        _line_fund(
            "2010602",
            "general_budget",
            FundAmounts(basic="0.00", project="21.00", stated_expenditure="21.00"),
        ),
    )
    finding = next(
        f
        for f in check(moved(base_report()))
        if f.code == "C407" and f.path == "fiscal.general_budget.project"
    )
    assert (finding.expected, finding.actual) == (D("21.00"), D("20.00"))
    # Stated 20.00 plus four published cells behind the sum: 5 × 0.005.
    assert finding.tolerance == D("0.025")
    assert "functions[2010602].general_budget.project" in finding.related


def test_table_totals_skip_when_no_line_publishes_the_fund() -> None:
    tree = base_report().functions
    no_lines = _both(*(_line_fund(line.code, "general_budget", None) for line in tree))
    assert_holds("C407", no_lines(base_report()))
    # The GPB total is then unchecked against the table, even when it is off.
    off = _both(no_lines, setting("fiscal.general_budget.basic", "150.00"))
    assert_holds("C407", off(base_report()))


def test_fund_income_is_not_compared_when_unpublished() -> None:
    report = setting("fiscal.government_fund.income", None)(base_report())
    assert findings_of("C406", check(report)) == []


def test_project_comparison_needs_the_published_nature() -> None:
    report = _both(
        setting("expenditure.nature.project", None),
        setting("fiscal.general_budget.project", "30.00"),
    )(base_report())
    assert "fiscal.project" not in findings_of("C411", check(report))


def test_an_unstated_fiscal_total_is_the_sum_of_the_funds() -> None:
    # 年初: stated total blank, GPB 16.00 + GF 0.00 = 16.00 > 年初结转和结余 15.00.
    report = _both(
        setting("fiscal.stated_opening", None), setting("fiscal.general_budget.opening", "16.00")
    )(base_report())
    finding = next(f for f in check(report) if f.code == "C409")
    assert finding.path == "fiscal.opening"
    assert (finding.expected, finding.actual) == (D("15.00"), D("16.00"))
    assert finding.tolerance == D("0.015")


def test_grand_totals_use_effective_column_totals() -> None:
    # Column totals unstated: 财政拨款收入总计 170 = (12 + 0) + (150 + 8).
    report = setting(
        "fiscal",
        attrs.evolve(
            base_report().fiscal,
            stated_opening=None,
            stated_income=None,
            stated_expenditure=None,
            stated_closing=None,
        ),
    )(base_report())
    assert _fiscal_findings(report) == []
    report = setting("fiscal.stated_income_grand_total", "171.00")(report)
    assert findings_of("C404", check(report)) == ["fiscal.stated_income_grand_total"]
