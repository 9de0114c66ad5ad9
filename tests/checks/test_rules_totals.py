"""T1xx: the 收入支出决算总表."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govfinal import FunctionLine, IncomeRow, NatureAmounts
from govfinal.checks import RULES, check
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, assert_holds, setting

D = Decimal


def _grow_class_201(report):  # type: ignore[no-untyped-def]
    # 201's published 支出决算表 total moves by 1.00 while 本年支出合计 stays.
    lines = tuple(
        FunctionLine(
            line.code,
            line.name,
            expenditure=NatureAmounts(basic="106.00", project="20.00", stated_total="126.00"),
            income=line.income,
            general_budget=line.general_budget,
        )
        if line.code == "201"
        else line
        for line in report.functions
    )
    return setting("functions", type(report.functions)(lines=lines))(report)


def _income_rows_off(report):  # type: ignore[no-untyped-def]
    lines = tuple(
        FunctionLine(
            line.code,
            line.name,
            expenditure=line.expenditure,
            income=IncomeRow(total="31.00", fiscal="31.00"),
            general_budget=line.general_budget,
        )
        if line.code == "208"
        else line
        for line in report.functions
    )
    return setting("functions", type(report.functions)(lines=lines))(report)


def _summary_classes(*amounts: tuple[str, str]):  # type: ignore[no-untyped-def]
    """The base report with the 总表's own 类 column printed as given."""
    from govfinal import ClassTotal

    classes = [ClassTotal(code, value) for code, value in amounts]
    return setting("expenditure.classes", classes)


# The base report's 支出决算表 类: 201 125.00, 208 30.00, 212 8.00, 221 10.00 (Σ 173.00).
AGREEING_CLASSES = (("201", "125.00"), ("208", "30.00"), ("212", "8.00"), ("221", "10.00"))

CASES = [
    Case(
        "T101",
        "grand-total",
        setting("income.stated_grand_total", "178.02"),
        "income.stated_grand_total",
    ),
    Case(
        "T101", "opening", setting("income.opening_balance", "15.10"), "income.stated_grand_total"
    ),
    Case(
        "T102",
        "grand-total",
        setting("expenditure.stated_grand_total", "177.98"),
        "expenditure.stated_grand_total",
    ),
    Case(
        "T102",
        "closing",
        setting("expenditure.closing_balance", "5.50"),
        "expenditure.stated_grand_total",
    ),
    Case(
        "T103",
        "unbalanced",
        setting("expenditure.stated_grand_total", "178.02"),
        "expenditure.stated_grand_total",
    ),
    Case("T104", "sources", setting("income.sources.other", "5.10"), "income.sources.stated_total"),
    Case(
        "T105",
        "natures",
        setting("expenditure.nature.business", "0.10"),
        "expenditure.nature.stated_total",
    ),
    Case("T106", "classes", _grow_class_201, "expenditure.nature.stated_total"),
    Case("T107", "income-rows", _income_rows_off, "income.sources.stated_total"),
    Case(
        "T108", "personnel", setting("expenditure.personnel", "120.10"), "expenditure.nature.basic"
    ),
    Case("T109", "negative", setting("income.sources.other", "-5.00"), "income.sources.other"),
    Case(
        "T110",
        "misprinted-class",
        _summary_classes(("201", "125.10"), ("208", "30.00"), ("212", "8.00"), ("221", "9.90")),
        "expenditure.classes[201].amount",
    ),
    Case(
        "T110",
        "class-not-in-table",
        _summary_classes(*AGREEING_CLASSES, ("205", "1.00")),
        "expenditure.classes[205].amount",
    ),
    Case(
        "T110",
        "class-missing-from-summary",
        _summary_classes(("201", "125.00"), ("208", "30.00"), ("212", "8.00")),
        "functions[221].expenditure.stated_total",
    ),
    Case(
        "T111",
        "classes-sum",
        _summary_classes(("201", "125.00"), ("208", "30.00"), ("212", "8.00"), ("221", "11.00")),
        "expenditure.nature.stated_total",
    ),
]


def test_a_summary_that_agrees_with_the_expenditure_table_holds() -> None:
    report = _summary_classes(*AGREEING_CLASSES)(base_report())
    codes = check(report).codes()
    assert "T110" not in codes
    assert "T111" not in codes


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", sorted({case.code for case in CASES}))
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    assert_holds(code)


def test_rounding_is_not_an_error() -> None:
    # 0.005 off in each of three parts is what rounding allows; 178.01 stays within
    # 178.00's interval plus the parts' intervals (tolerance 0.005 × 4 = 0.02).
    report = setting("income.stated_grand_total", "178.01")(base_report())
    assert "T101" not in check(report).codes()


def test_message_shows_the_formula_with_figures() -> None:
    report = setting("income.stated_grand_total", "178.05")(base_report())
    finding = next(f for f in check(report) if f.code == "T101")
    assert finding.message_zh == (
        "收入总计 178.05 ≠ 本年收入合计 163.00 + 使用非财政拨款结余 0.00 + 年初结转和结余 15.00"
        " = 178.00（差 0.05，容差 0.020）"
    )
    assert (finding.expected, finding.actual, finding.difference) == (
        D("178.00"),
        D("178.05"),
        D("0.05"),
    )
    assert finding.tolerance == D("0.020")
    assert "income.opening_balance" in finding.related


def test_exact_mode_reports_what_rounding_would_forgive() -> None:
    report = setting("income.stated_grand_total", "178.01")(base_report())
    assert "T101" in check(report, exact=True).codes()


def test_rules_are_registered_with_documentation() -> None:
    for code in {case.code for case in CASES}:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en
