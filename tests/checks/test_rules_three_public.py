"""P5xx: the 财政拨款“三公”经费支出决算表."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from kexie_2023 import build_report

from govfinal import (
    Assets,
    BudgetBasis,
    BudgetVariance,
    Figure,
    FinalAccount,
    FiscalAllocations,
    Severity,
    VehicleHolding,
    VehicleUse,
)
from govfinal.checks import RULES, Finding, check
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, assert_holds, setting

D = Decimal

Mutation = Callable[[FinalAccount], FinalAccount]


def _figure(amount: str | None, budget: str | None = None, reason: str | None = None) -> Figure:
    variance = None
    if budget is not None:
        variance = BudgetVariance(budget=budget, basis=BudgetBasis.FULL_YEAR, reason=reason)
    return Figure(amount=amount, budget=variance)


def _both(*mutations: Mutation) -> Mutation:
    def mutate(report: FinalAccount) -> FinalAccount:
        for mutation in mutations:
            report = mutation(report)
        return report

    return mutate


def _only(code: str, report: FinalAccount, *, exact: bool = False) -> list[Finding]:
    return [f for f in check(report, exact=exact) if f.code == code]


# Base: final 2.00 + (0.00 + 1.50) + 0.50 = 4.00; budget 3.00 + (0.00 + 2.00) + 1.00 = 6.00.
# Counts: 1 delegation, 3 trips; 0 purchased, 1 held; 5 receptions, 40 guests.
# Assets: 1 vehicle. Fiscal expenditure 168.00.
CASES = [
    Case(
        "P501",
        "final",
        setting("three_public.vehicles", _figure("1.60", "2.00")),
        "three_public.vehicles.amount",
    ),
    Case(
        "P501",
        "budget",
        setting("three_public.vehicles", _figure("1.50", "2.10")),
        "three_public.vehicles.budget.budget",
    ),
    Case(
        "P502",
        "final",
        setting("three_public.total", _figure("4.10", "6.00")),
        "three_public.total.amount",
    ),
    Case(
        "P502",
        "budget",
        setting("three_public.total", _figure("4.00", "6.10")),
        "three_public.total.budget.budget",
    ),
    # No 小计 published: 公务用车 is 购置 0.00 + 运行 1.60, so the parts give 4.10.
    Case(
        "P502",
        "without-subtotal",
        _both(
            setting("three_public.vehicles", None),
            setting("three_public.vehicle_operation", _figure("1.60", "2.00")),
        ),
        "three_public.total.amount",
    ),
    Case(
        "P503",
        "zero-amount",
        setting("three_public.overseas", _figure("0.00", "3.00")),
        "three_public.overseas.amount",
    ),
    Case(
        "P503",
        "zero-groups",
        setting("three_public.overseas_groups", 0),
        "three_public.overseas_groups",
    ),
    Case(
        "P504",
        "purchase-zero-amount",
        setting("three_public.vehicles_purchased", 1),
        "three_public.vehicle_purchase.amount",
    ),
    Case(
        "P504",
        "purchase-zero-count",
        setting("three_public.vehicle_purchase", _figure("10.00", "0.00")),
        "three_public.vehicles_purchased",
    ),
    Case(
        "P504",
        "operation-none-held",
        setting("three_public.vehicles_held", 0),
        "three_public.vehicles_held",
    ),
    Case(
        "P505",
        "zero-amount",
        setting("three_public.reception", _figure("0.00", "1.00")),
        "three_public.reception.amount",
    ),
    Case(
        "P505",
        "zero-batches",
        setting("three_public.reception_batches", 0),
        "three_public.reception_batches",
    ),
    Case(
        "P506",
        "differs",
        setting("assets.stated_vehicle_count", 2),
        "three_public.vehicles_held",
    ),
    # 4.00 > 本年财政拨款支出 3.00.
    Case(
        "P507",
        "over-fiscal",
        setting("fiscal.stated_expenditure", "3.00"),
        "three_public.total.amount",
    ),
    # 3.10 > 3.00 with no reason.
    Case(
        "P508",
        "overseas",
        setting("three_public.overseas", _figure("3.10", "3.00")),
        "three_public.overseas.amount",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", sorted({case.code for case in CASES}))
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    assert_holds(code)


def test_every_three_public_rule_is_covered() -> None:
    assert {case.code for case in CASES} == {code for code in RULES if code.startswith("P5")}


def test_rules_are_registered_with_documentation() -> None:
    for code in {case.code for case in CASES}:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en


def test_the_seed_reports_only_its_explained_vehicle() -> None:
    # Every line is 0.00 with zero counts; 保有量 0 against 1 vehicle among the assets,
    # explained as the 科普大篷车: one info, nothing else.
    findings = [f for f in check(build_report()) if f.code.startswith("P5")]
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("P506", Severity.INFO, "three_public.vehicles_held")
    ]
    assert "科普大篷车" in findings[0].message_zh
    assert "科普大篷车" in findings[0].message_en


def test_total_message_shows_the_formula() -> None:
    report = setting("three_public.total", _figure("4.10", "6.00"))(base_report())
    (finding,) = _only("P502", report)
    assert finding.message_zh == (
        "“三公”经费合计决算数 4.10 ≠ 因公出国（境）费决算数 2.00"
        " + 公务用车购置及运行维护费决算数 1.50 + 公务接待费决算数 0.50 = 4.00"
        "（差 0.10，容差 0.020）"
    )
    assert finding.related == (
        "three_public.overseas.amount",
        "three_public.vehicles.amount",
        "three_public.reception.amount",
    )


def test_total_forgives_rounding_but_not_in_exact_mode() -> None:
    # 合计 and three lines: tolerance 4 × 0.005 = 0.02 > 0.01.
    report = setting("three_public.total", _figure("4.01", "6.00"))(base_report())
    assert _only("P502", report) == []
    assert [f.path for f in _only("P502", report, exact=True)] == ["three_public.total.amount"]


def test_subtotal_is_not_checked_when_unpublished() -> None:
    report = setting("three_public.vehicles", None)(base_report())
    assert _only("P501", report) == []
    assert _only("P502", report) == []


def test_subtotal_budget_is_not_checked_when_unpublished() -> None:
    report = setting("three_public.vehicles", _figure("1.50"))(base_report())
    assert _only("P501", report) == []


def test_counts_are_not_compared_with_an_unpublished_amount() -> None:
    report = setting("three_public.overseas", _figure(None, "3.00"))(base_report())
    assert _only("P503", report) == []


def test_unpublished_counts_are_not_read_as_zero() -> None:
    report = _both(
        setting("three_public.overseas_groups", None),
        setting("three_public.overseas_persons", None),
        setting("three_public.reception_batches", None),
        setting("three_public.reception_persons", None),
        setting("three_public.vehicles_held", None),
    )(base_report())
    assert [f for f in check(report) if f.code in {"P503", "P504", "P505"}] == []


def test_zero_amount_lists_every_positive_count() -> None:
    report = setting("three_public.reception", _figure("0.00", "1.00"))(base_report())
    (finding,) = _only("P505", report)
    assert finding.severity is Severity.WARNING
    assert finding.related == ("three_public.reception_batches", "three_public.reception_persons")
    assert (
        finding.message_zh == "公务接待费决算数为 0.00，但国内公务接待批次 5、国内公务接待人次 40"
    )


def test_idle_vehicles_are_not_suspicious() -> None:
    # 运行维护费 0 with a vehicle held: nothing spent on it this year, not reported.
    report = setting("three_public.vehicle_operation", _figure("0.00", "2.00"))(base_report())
    assert _only("P504", report) == []


def test_vehicle_difference_is_a_warning_without_a_reason() -> None:
    report = setting("assets.stated_vehicle_count", 2)(base_report())
    (finding,) = _only("P506", report)
    assert finding.severity is Severity.WARNING
    assert (finding.expected, finding.actual) == (D(2), D(1))
    assert finding.related == ("assets.stated_vehicle_count",)
    assert "未说明原因" in finding.message_zh


def test_vehicle_difference_is_an_info_with_a_reason() -> None:
    report = _both(
        setting("assets.stated_vehicle_count", 2),
        setting("three_public.vehicle_difference_reason", "另有执法执勤用车 1 辆"),
    )(base_report())
    (finding,) = _only("P506", report)
    assert finding.severity is Severity.INFO
    assert "另有执法执勤用车 1 辆" in finding.message_zh


def test_a_blank_reason_does_not_explain() -> None:
    report = _both(
        setting("assets.stated_vehicle_count", 2),
        setting("three_public.vehicle_difference_reason", "  "),
    )(base_report())
    assert [f.severity for f in _only("P506", report)] == [Severity.WARNING]


def test_vehicles_among_assets_are_counted_when_unstated() -> None:
    holdings = (VehicleHolding(VehicleUse.EMERGENCY, 1), VehicleHolding(VehicleUse.OTHER, 1))
    report = setting("assets", Assets(vehicles=holdings))(base_report())
    (finding,) = _only("P506", report)
    assert finding.expected == D(2)
    assert finding.related == ("assets.vehicles",)


def test_vehicles_are_not_compared_when_assets_publish_none() -> None:
    assert _only("P506", setting("assets", Assets())(base_report())) == []
    assert _only("P506", setting("three_public.vehicles_held", None)(base_report())) == []


def test_within_fiscal_uses_the_lines_when_the_total_is_unpublished() -> None:
    # 出国 200.00 + 公务用车 1.50 + 接待 0.50 = 202.00 > 本年财政拨款支出 168.00.
    report = _both(
        setting("three_public.total", None),
        setting("three_public.overseas", _figure("200.00", "3.00", reason="出访任务增加")),
    )(base_report())
    (finding,) = _only("P507", report)
    assert finding.path == "three_public.total_final"
    assert (finding.expected, finding.actual) == (D("168.00"), D("202.00"))
    assert "three_public.overseas.amount" in finding.related
    assert _only("P508", report) == []  # the overspending is explained


def test_within_fiscal_is_skipped_without_fiscal_figures() -> None:
    report = _both(
        setting("fiscal", FiscalAllocations()),
        setting("three_public.total", _figure("400.00", "6.00")),
    )(base_report())
    assert _only("P507", report) == []


def test_over_budget_message_says_no_reason_is_given() -> None:
    report = setting("three_public.overseas", _figure("3.10", "3.00"))(base_report())
    (finding,) = _only("P508", report)
    assert finding.message_zh == (
        "因公出国（境）费决算数 3.10 > 因公出国（境）费预算数 3.00"
        "（超出 0.10，容差 0.010），未说明超预算原因"
    )
    assert finding.related == ("three_public.overseas.budget.budget",)


def test_over_budget_with_a_reason_is_not_reported() -> None:
    report = setting("three_public.overseas", _figure("3.10", "3.00", reason="出访任务增加"))(
        base_report()
    )
    assert _only("P508", report) == []


def test_over_budget_within_rounding_is_not_reported() -> None:
    # A budget written "3.0" stands for 2.95–3.05: 3.04 may be within it (0.04 < 0.055).
    report = setting("three_public.overseas", _figure("3.04", "3.0"))(base_report())
    assert _only("P508", report) == []
    assert [f.path for f in _only("P508", report, exact=True)] == ["three_public.overseas.amount"]
