"""O6xx: 机关运行经费, 政府采购, 国有资产, the profile and performance."""

from __future__ import annotations

from decimal import Decimal

import pytest
from kexie_2023 import build_report

from govfinal import BasicExpenditureDetail, EconomicLine, Severity, UnitKind
from govfinal.checks import RULES, check
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, assert_holds, findings_of, setting

D = Decimal

CASES = [
    # 机关运行经费 23.00 against 公用经费 22.00: 1.00 apart, tolerance 0.01.
    Case("O601", "amount", setting("operating_costs.amount", "23.00"), "operating_costs.amount"),
    Case(
        "O601",
        "public",
        setting("general_budget_basic.stated_public", "21.00"),
        "operating_costs.amount",
    ),
    Case("O602", "missing", setting("operating_costs", None), "operating_costs"),
    Case("O602", "no-amount", setting("operating_costs.amount", None), "operating_costs.amount"),
    Case(
        "O603",
        "public-institution",
        setting("unit.kind", UnitKind.PUBLIC_INSTITUTION),
        "operating_costs",
    ),
    # 11 + 0 + 30 = 41 against 40: tolerance 4 × 0.005 = 0.02.
    Case("O604", "goods", setting("procurement.goods", "11.00"), "procurement.stated_total"),
    Case("O604", "total", setting("procurement.stated_total", "39.00"), "procurement.stated_total"),
    # SME 41 > total 40.
    Case(
        "O605",
        "sme",
        setting("procurement.sme_contracts", "41.00"),
        "procurement.sme_contracts",
    ),
    # Small and micro 36 > SME 35.
    Case(
        "O606",
        "small-micro",
        setting("procurement.small_micro_contracts", "36.00"),
        "procurement.small_micro_contracts",
    ),
    # 1 emergency vehicle listed; 2 stated.
    Case(
        "O608", "vehicles", setting("assets.stated_vehicle_count", 2), "assets.stated_vehicle_count"
    ),
    # 10 + 0 + 2 = 12; 13 stated.
    Case("O609", "staff", setting("profile.staff.stated_total", 13), "profile.staff.stated_total"),
    Case("O609", "retirees", setting("profile.staff.retirees", 3), "profile.staff.stated_total"),
    # 2 divisions listed; 3 stated.
    Case(
        "O610",
        "divisions",
        setting("profile.stated_division_count", 3),
        "profile.stated_division_count",
    ),
    # 本年支出合计 173; 174 executed.
    Case(
        "O611",
        "executed",
        setting("performance.department_executed", "174.00"),
        "performance.department_executed",
    ),
    # 项目支出 28; 29 executed by the evaluated projects.
    Case(
        "O612",
        "projects",
        setting("performance.project_executed", "29.00"),
        "performance.project_executed",
    ),
]

CODES = sorted({case.code for case in CASES})


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", CODES)
def test_rule_holds_on_the_consistent_report(code: str) -> None:
    assert_holds(code)


@pytest.mark.parametrize("code", CODES)
def test_rule_holds_on_the_seed(code: str) -> None:
    assert_holds(code, build_report())


def test_rules_are_registered_with_documentation() -> None:
    for code in CODES:
        registered = RULES[code]
        assert registered.formula and registered.tables and registered.title_en


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        ("O601", Severity.ERROR),
        ("O602", Severity.WARNING),
        ("O603", Severity.INFO),
        ("O604", Severity.ERROR),
        ("O605", Severity.ERROR),
        ("O606", Severity.ERROR),
        ("O608", Severity.ERROR),
        ("O609", Severity.ERROR),
        ("O610", Severity.WARNING),
        ("O611", Severity.WARNING),
        ("O612", Severity.WARNING),
    ],
)
def test_severities(code: str, severity: Severity) -> None:
    assert RULES[code].severity is severity


# -- 机关运行经费 ---------------------------------------------------------------


def _public_lines_only(value_30201: str) -> BasicExpenditureDetail:
    # No stated 公用经费: it is derived from the 款 lines, 30201 + 30207 + 31002.
    return BasicExpenditureDetail(
        stated_total="140.00",
        stated_personnel="118.00",
        lines=(
            EconomicLine("302", "商品和服务支出", "18.00"),
            EconomicLine("30201", "办公费", value_30201),
            EconomicLine("30207", "邮电费", "8.00"),
            EconomicLine("310", "资本性支出", "4.00"),
            EconomicLine("31002", "办公设备购置", "4.00"),
        ),
    )


def test_operating_costs_against_derived_public_costs() -> None:
    # 10 + 8 + 4 = 22 = 机关运行经费 (the 类 lines 302 and 310 are not counted twice).
    report = setting("general_budget_basic", _public_lines_only("10.00"))(base_report())
    assert findings_of("O601", check(report)) == []
    # 11 + 8 + 4 = 23 ≠ 22.
    report = setting("general_budget_basic", _public_lines_only("11.00"))(base_report())
    finding = next(f for f in check(report) if f.code == "O601")
    assert finding.path == "operating_costs.amount"
    assert finding.expected == D("23.00")
    assert "general_budget_basic[30201].amount" in finding.related


def test_operating_costs_skipped_when_public_costs_unpublished() -> None:
    report = setting("general_budget_basic", BasicExpenditureDetail())(base_report())
    report = setting("operating_costs.amount", "99.00")(report)
    assert findings_of("O601", check(report)) == []


def test_public_institution_neither_compared_nor_asked() -> None:
    report = setting("unit.kind", UnitKind.PUBLIC_INSTITUTION)(base_report())
    report = setting("operating_costs.amount", "99.00")(report)
    findings = check(report)
    assert findings_of("O601", findings) == []
    assert findings_of("O602", findings) == []
    assert [f.severity for f in findings if f.code == "O603"] == [Severity.INFO]
    report = setting("operating_costs", None)(report)
    assert findings_of("O603", check(report)) == []


def test_operating_costs_one_cent_apart_is_an_error() -> None:
    # 22.01 stands for [22.005, 22.015) and 22.00 for [21.995, 22.005): they cannot meet.
    report = setting("operating_costs.amount", "22.01")(base_report())
    assert findings_of("O601", check(report)) == ["operating_costs.amount"]


# -- 政府采购 ------------------------------------------------------------------


def test_procurement_rounding_is_not_an_error() -> None:
    # 10.01 + 0 + 30 = 40.01 against 40.00: 0.01 < tolerance 4 × 0.005 = 0.02.
    report = setting("procurement.goods", "10.01")(base_report())
    assert findings_of("O604", check(report)) == []
    assert "O604" in check(report, exact=True).codes()


def test_procurement_total_unpublished_is_not_invented() -> None:
    report = setting("procurement.stated_total", None)(base_report())
    assert findings_of("O604", check(report)) == []


# -- counts ------------------------------------------------------------------------


def test_counts_are_exact_with_a_bilingual_message() -> None:
    report = setting("profile.staff.stated_total", 13)(base_report())
    finding = next(f for f in check(report) if f.code == "O609")
    assert finding.message_zh == (
        "实有人数 13 ≠ 在职人员 10 + 离休人员 0 + 退休人员 2 = 12（差 1，计数须完全一致）"
    )
    assert "staff total 13" in finding.message_en
    assert (finding.expected, finding.actual, finding.tolerance) == (D(12), D(13), D(0))


def test_vehicles_skipped_when_not_listed() -> None:
    report = setting("assets.vehicles", ())(base_report())
    report = setting("assets.stated_vehicle_count", 5)(report)
    assert findings_of("O608", check(report)) == []


def test_staff_skipped_when_total_unpublished() -> None:
    report = setting("profile.staff.stated_total", None)(base_report())
    assert findings_of("O609", check(report)) == []


def test_division_count_needs_both_figures() -> None:
    # The seed states 0 divisions and lists none: nothing to compare.
    assert findings_of("O610", check(build_report())) == []
    report = setting("profile.divisions", ())(base_report())
    report = setting("profile.stated_division_count", 3)(report)
    assert findings_of("O610", check(report)) == []


# -- performance -------------------------------------------------------------------


def test_performance_skipped_when_unpublished() -> None:
    report = setting("performance.department_executed", None)(base_report())
    report = setting("performance.project_executed", None)(report)
    findings = check(report)
    assert findings_of("O611", findings) == []
    assert findings_of("O612", findings) == []


def test_project_execution_may_exceed_its_budget() -> None:
    # Projects budgeted 20.00 that executed 28.00 overspent their budget; that is possible
    # and not what O612 checks: 28.00 is within the 28.00 of 项目支出.
    report = setting("performance.project_budget", "20.00")(base_report())
    assert findings_of("O612", check(report)) == []


def test_project_execution_skipped_without_project_expenditure() -> None:
    report = setting("expenditure.nature.project", None)(base_report())
    report = setting("performance.project_executed", "99.00")(report)
    assert findings_of("O612", check(report)) == []
