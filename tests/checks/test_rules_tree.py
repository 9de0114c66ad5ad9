"""F2xx: the 支出功能分类 tree."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import (
    FinalAccount,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    IncomeRow,
    NatureAmounts,
    Severity,
)
from govfinal.checks import RULES, check
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, assert_holds, evolve_path, findings_of

D = Decimal
Mutation = Callable[[FinalAccount], FinalAccount]

_ROWS: dict[str, type] = {
    "expenditure": NatureAmounts,
    "income": IncomeRow,
    "general_budget": FundAmounts,
    "government_fund": FundAmounts,
    "state_capital": FundAmounts,
}


def _with_lines(report: FinalAccount, lines: Iterable[FunctionLine]) -> FinalAccount:
    tree = FunctionTree(lines=tuple(lines), narrative_order=report.functions.narrative_order)
    return evolve_path(report, "functions", tree)


def edit(code: str, table: str, **cells: object) -> Mutation:
    """Change cells of ``table`` on the line(s) ``code``; a blank row is created if need be."""

    def mutate(report: FinalAccount) -> FinalAccount:
        lines = []
        for line in report.functions:
            if line.code == code:
                row = getattr(line, table)
                new = _ROWS[table](**cells) if row is None else attrs.evolve(row, **cells)
                line = attrs.evolve(line, **{table: new})
            lines.append(line)
        return _with_lines(report, lines)

    return mutate


def blank(code: str, table: str) -> Mutation:
    """Remove the row of ``table`` from the line ``code`` (nothing published)."""

    def mutate(report: FinalAccount) -> FinalAccount:
        lines = [
            attrs.evolve(line, **{table: None}) if line.code == code else line
            for line in report.functions
        ]
        return _with_lines(report, lines)

    return mutate


def rename(code: str, name: str) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        lines = [
            attrs.evolve(line, name=name) if line.code == code else line
            for line in report.functions
        ]
        return _with_lines(report, lines)

    return mutate


def append(*new: FunctionLine) -> Mutation:
    return lambda report: _with_lines(report, (*report.functions, *new))


def repeat(code: str) -> Mutation:
    """Repeat the line ``code``.

    The model refuses a repeated code (issue 11 item 7), so the tree is built
    with validators off: F201 stays as a defence in depth.
    """

    def mutate(report: FinalAccount) -> FinalAccount:
        with attrs.validators.disabled():
            return _with_lines(report, (*report.functions, report.functions[code]))

    return mutate


def chain(*mutations: Mutation) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        for mutation in mutations:
            report = mutation(report)
        return report

    return mutate


CASES = [
    Case("F201", "repeat", repeat("2210201"), "functions[2210201]"),
    Case(
        "F202",
        "no-item",
        append(FunctionLine("2069999", "其他科学技术支出")),
        "functions[2069999]",
    ),
    Case("F202", "no-class", append(FunctionLine("22001", "自然资源事务")), "functions[22001]"),
    Case("F203", "unknown", append(FunctionLine("2010699", "其他财政事务")), "functions[2010699]"),
    Case("F204", "renamed", rename("2010601", "行政运行费"), "functions[2010601]"),
    # 201 basic 106 (and total 126) against its 款 20106's 105.
    Case(
        "F205",
        "class-nature",
        edit("201", "expenditure", basic="106.00", stated_total="126.00"),
        "functions[201].expenditure.basic",
    ),
    Case(
        "F205",
        "class-total",
        edit("201", "expenditure", basic="106.00", stated_total="126.00"),
        "functions[201].expenditure.stated_total",
    ),
    # 20106 project 21 against its 项 2010602's 20.
    Case(
        "F205",
        "item-nature",
        edit("20106", "expenditure", project="21.00", stated_total="126.00"),
        "functions[20106].expenditure.project",
    ),
    # 20106 now publishes income 116 = 110 + 6; 201 publishes 115 = 110 + 5.
    Case(
        "F206",
        "class-total",
        edit("20106", "income", total="116.00", fiscal="110.00", other="6.00"),
        "functions[201].income.total",
    ),
    Case(
        "F206",
        "class-source",
        edit("20106", "income", total="116.00", fiscal="110.00", other="6.00"),
        "functions[201].income.other",
    ),
    # 201 GPB basic 101 (total 121) against 20106's 100.
    Case(
        "F207",
        "general-budget",
        edit("201", "general_budget", basic="101.00", stated_expenditure="121.00"),
        "functions[201].general_budget.basic",
    ),
    # 212 政府性基金 income 9 against 21208's 8.
    Case(
        "F207",
        "government-fund",
        edit("212", "government_fund", income="9.00"),
        "functions[212].government_fund.income",
    ),
    # 2010601: 105 + 0 published as 106.
    Case(
        "F208",
        "natures",
        edit("2010601", "expenditure", stated_total="106.00"),
        "functions[2010601].expenditure.stated_total",
    ),
    # 2010601 GPB: 100 + 0 published as 101.
    Case(
        "F209",
        "general-budget",
        edit("2010601", "general_budget", stated_expenditure="101.00"),
        "functions[2010601].general_budget.stated_expenditure",
    ),
    # 2120801 政府性基金: 0 + 8 published as 9.
    Case(
        "F209",
        "government-fund",
        edit("2120801", "government_fund", stated_expenditure="9.00"),
        "functions[2120801].government_fund.stated_expenditure",
    ),
    # 201 income: 110 + 5 published as 116.
    Case(
        "F210",
        "sources",
        edit("201", "income", total="116.00"),
        "functions[201].income.total",
    ),
    # 2010601 GPB 106 = 106 + 0, more than the 105 it spent from all funds.
    Case(
        "F211",
        "one-fund",
        edit("2010601", "general_budget", basic="106.00", stated_expenditure="106.00"),
        "functions[2010601].general_budget.stated_expenditure",
    ),
    # 2120801: 政府性基金 8 + GPB 1 = 9 > 8.
    Case(
        "F211",
        "two-funds",
        edit("2120801", "general_budget", stated_expenditure="1.00"),
        "functions[2120801]",
    ),
    # 2120801 政府性基金: 0 + 8 = 8 + 1 fails.
    Case(
        "F212",
        "government-fund",
        edit("2120801", "government_fund", closing="1.00"),
        "functions[2120801].government_fund",
    ),
    # A general-budget line that publishes its balances: 5 + 100 = 100 + 4 fails.
    Case(
        "F212",
        "general-budget",
        edit("2010601", "general_budget", opening="5.00", income="100.00", closing="4.00"),
        "functions[2010601].general_budget",
    ),
]

# Codes whose rule holds on the base report; F203 notes its two codes the table lacks.
HOLDING = sorted({case.code for case in CASES} - {"F203"})


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", HOLDING)
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    assert_holds(code)


@pytest.mark.parametrize("code", sorted({case.code for case in CASES}))
def test_rule_holds_on_the_seed(code: str) -> None:
    assert_holds(code, build_report())


def test_no_tree_finding_on_the_seed() -> None:
    assert [str(f) for f in check(build_report()) if f.code.startswith("F2")] == []


def test_rules_are_registered_with_documentation() -> None:
    for code in {case.code for case in CASES}:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en


def _paths(code: str, report: FinalAccount, *, exact: bool = False) -> list[str]:
    return findings_of(code, check(report, exact=exact))


# -- codes -------------------------------------------------------------------


def test_unknown_codes_of_the_base_report_are_noted_as_info() -> None:
    # function_codes.csv lacks 21208 and 2120801 (国有土地使用权出让收入安排的支出).
    findings = [f for f in check(base_report()) if f.code == "F203"]
    assert [f.path for f in findings] == ["functions[21208]", "functions[2120801]"]
    assert all(f.severity is Severity.INFO for f in findings)
    assert "征地和拆迁补偿支出" in findings[1].message_zh
    assert "2120801" in findings[1].message_en


def test_each_repeat_is_reported() -> None:
    report = chain(repeat("2210201"), repeat("2210201"))(base_report())
    findings = [f for f in check(report) if f.code == "F201"]
    assert [f.path for f in findings] == ["functions[2210201]"] * 2
    assert "第 14 行" in findings[0].message_zh and "第 15 行" in findings[1].message_zh
    assert "row 13" in findings[0].message_en


def test_a_repeated_line_is_counted_once_in_the_rollups() -> None:
    report = repeat("2010601")(base_report())
    for code in ("F205", "F207", "F211"):
        assert _paths(code, report) == [], code


def test_an_orphan_names_its_missing_parent() -> None:
    report = append(FunctionLine("2069999", "其他科学技术支出"))(base_report())
    (finding,) = (f for f in check(report) if f.code == "F202")
    assert finding.severity is Severity.WARNING
    assert "20699" in finding.message_zh and "20699" in finding.message_en


def test_names_are_compared_without_whitespace() -> None:
    report = rename("2010601", "行政　运行 ")(base_report())
    assert _paths("F204", report) == []


def test_a_renamed_line_shows_both_names() -> None:
    report = rename("2010601", "行政运行费")(base_report())
    (finding,) = (f for f in check(report) if f.code == "F204")
    assert finding.severity is Severity.INFO
    assert "行政运行费" in finding.message_zh and "「行政运行」" in finding.message_zh


# -- roll-ups ----------------------------------------------------------------


def test_rollup_message_shows_the_children() -> None:
    report = edit("201", "expenditure", basic="106.00", stated_total="126.00")(base_report())
    finding = next(
        f
        for f in check(report)
        if f.code == "F205" and f.path == "functions[201].expenditure.basic"
    )
    assert finding.message_zh == (
        "一般公共服务支出（201）基本支出 106.00 ≠ 财政事务（20106）基本支出 105.00"
        "（差 1.00，容差 0.010）"
    )
    assert finding.message_en == (
        "basic expenditure (201) 106.00 ≠ basic expenditure (20106) 105.00"
        " (difference 1.00, tolerance 0.010)"
    )
    assert finding.related == ("functions[20106].expenditure.basic",)


def test_a_silent_item_is_represented_by_its_subitems() -> None:
    # 20106 publishes no 支出决算表 row: 201 is compared with 2010601 + 2010602.
    report = blank("20106", "expenditure")(base_report())
    assert _paths("F205", report) == []
    broken = edit("2010601", "expenditure", basic="106.00", stated_total="106.00")(report)
    finding = next(
        f
        for f in check(broken)
        if f.code == "F205" and f.path == "functions[201].expenditure.basic"
    )
    assert (finding.expected, finding.actual) == (D("106.00"), D("105.00"))
    assert finding.related == (
        "functions[2010601].expenditure.basic",
        "functions[2010602].expenditure.basic",
    )


def test_a_derived_rollup_carries_the_half_widths_of_its_leaves() -> None:
    # 201 basic 105 against 2010601 105.00 + 2010602 0.00 (20106 silent): tolerance
    # 0.005 + 0.005 + 0.005 = 0.015, so 0.01 is rounding and 0.02 is not.
    silent = blank("20106", "expenditure")(base_report())
    within = edit("201", "expenditure", basic="105.01")(silent)
    assert "functions[201].expenditure.basic" not in _paths("F205", within)
    beyond = edit("201", "expenditure", basic="105.02")(silent)
    finding = next(
        f
        for f in check(beyond)
        if f.code == "F205" and f.path == "functions[201].expenditure.basic"
    )
    assert finding.tolerance == D("0.015")


def test_a_child_total_is_its_effective_total() -> None:
    # 2010601 publishes its natures (105 + 0) but no 本年支出合计: 20106's 125 is
    # compared with (105.00 + 0.00) + 20.00, tolerance 0.005 × 4 = 0.020.
    silent = edit("2010601", "expenditure", stated_total=None)(base_report())
    assert _paths("F205", silent) == []
    broken = edit("20106", "expenditure", stated_total="125.10")(silent)
    finding = next(
        f
        for f in check(broken)
        if f.code == "F205" and f.path == "functions[20106].expenditure.stated_total"
    )
    assert finding.expected == D("125.00")
    assert finding.tolerance == D("0.020")
    assert "functions[2010601].expenditure.basic" in finding.related


def test_a_child_fund_expenditure_is_its_effective_expenditure() -> None:
    # 2010602 GPB publishes 0 + 20 without 本年支出: 20106's 120 = 100 + (0 + 20).
    silent = edit("2010602", "general_budget", stated_expenditure=None)(base_report())
    assert _paths("F207", silent) == []
    broken = edit("20106", "general_budget", stated_expenditure="121.00")(silent)
    assert "functions[20106].general_budget.stated_expenditure" in _paths("F207", broken)


def test_an_unpublished_cell_is_not_compared() -> None:
    # 201 publishes no 本年支出合计: only its natures are compared.
    report = edit("201", "expenditure", stated_total=None)(base_report())
    assert _paths("F205", report) == []
    # No child publishes 上缴上级支出: 201's own 0.00 is not compared with anything.
    lonely = edit("201", "expenditure", remitted_to_superior="3.00")(base_report())
    assert "functions[201].expenditure.remitted_to_superior" not in _paths("F205", lonely)


def test_rollups_hold_on_the_seed_where_classes_publish_only_the_general_budget() -> None:
    # 206 publishes GPB 54.17 = 53.04 + 0.00 (20601, silent) + 1.13 (20607, silent).
    report = build_report()
    assert _paths("F207", report) == []
    broken = edit("206", "general_budget", stated_expenditure="54.27")(report)
    finding = next(f for f in check(broken) if f.code == "F207")
    assert finding.path == "functions[206].general_budget.stated_expenditure"
    assert finding.expected == D("54.17")
    assert finding.tolerance == D("0.020")


def test_rounding_is_not_an_error_but_exact_mode_says_so() -> None:
    # 2010601: 105.00 + 0.00 published as 105.01 (tolerance 0.015); 20106's
    # 125.00 against 105.01 + 20.00 (tolerance 0.015) holds too.
    report = edit("2010601", "expenditure", stated_total="105.01")(base_report())
    assert _paths("F208", report) == []
    assert _paths("F205", report) == []
    assert _paths("F208", report, exact=True) == ["functions[2010601].expenditure.stated_total"]
    assert _paths("F205", report, exact=True) == ["functions[20106].expenditure.stated_total"]


# -- each line ---------------------------------------------------------------


def test_line_totals_skip_unpublished_sides() -> None:
    no_parts = edit("2010601", "general_budget", basic=None, project=None)(base_report())
    assert _paths("F209", no_parts) == []
    no_total = edit("2010601", "expenditure", stated_total=None, basic="999.00")(base_report())
    assert _paths("F208", no_total) == []


def test_funds_within_total_uses_the_effective_figures() -> None:
    # The line publishes natures only (105 + 0) and GPB parts only (106 + 0).
    report = chain(
        edit("2010601", "expenditure", stated_total=None),
        edit("2010601", "general_budget", basic="106.00", stated_expenditure=None),
    )(base_report())
    (finding,) = (f for f in check(report) if f.code == "F211")
    assert finding.path == "functions[2010601].general_budget.parts_expenditure"
    assert (finding.actual, finding.expected) == (D("106.00"), D("105.00"))


def test_funds_within_total_is_silent_without_a_line_total() -> None:
    report = chain(
        blank("2010601", "expenditure"),
        edit("2010601", "general_budget", basic="999.00", stated_expenditure="999.00"),
    )(base_report())
    assert _paths("F211", report) == []


def test_two_funds_are_named_in_the_message() -> None:
    report = edit("2120801", "general_budget", stated_expenditure="1.00")(base_report())
    (finding,) = (f for f in check(report) if f.code == "F211")
    assert "一般公共预算 1.00 + 政府性基金预算 8.00" in finding.message_zh
    assert (finding.actual, finding.expected) == (D("9.00"), D("8.00"))


def test_fund_balance_needs_opening_income_and_closing() -> None:
    report = edit("2120801", "government_fund", opening=None, closing="1.00")(base_report())
    assert _paths("F212", report) == []


def test_fund_balance_message() -> None:
    report = edit("2120801", "government_fund", closing="1.00")(base_report())
    (finding,) = (f for f in check(report) if f.code == "F212")
    assert finding.message_zh == (
        "征地和拆迁补偿支出（2120801）政府性基金预算财政拨款：本年支出 8.00 + 年末结转和结余 1.00"
        " = 9.00 ≠ 年初结转和结余 0.00 + 本年收入 8.00 = 8.00（差 1.00，容差 0.020）"
    )
    assert finding.message_en == (
        "function 2120801, government fund budget allocations: expenditure for the year 8.00"
        " + balance carried forward 1.00 = 9.00 ≠ balance brought forward 0.00"
        " + income for the year 8.00 = 8.00 (difference 1.00, tolerance 0.020)"
    )
    assert "functions[2120801].government_fund.stated_expenditure" in finding.related
    assert "functions[2120801].government_fund.opening" in finding.related
