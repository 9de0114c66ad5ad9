"""Rules of 机关运行经费, 政府采购, 国有资产, the profile and performance (O6xx).

Amounts are compared as published figures (rounding-exact); head and vehicle
counts are whole numbers and must agree exactly, in every mode.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from govfinal.address import join, keyed
from govfinal.checks.checker import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import Term
from govfinal.classification import EconomicGroup
from govfinal.model.report import FinalAccount
from govfinal.terms import label

BASIC_TABLE = "一般公共预算财政拨款基本支出决算表"
OPERATING_COSTS = "其他重要事项（机关运行经费）"
PROCUREMENT = "其他重要事项（政府采购）"
ASSETS = "其他重要事项（国有资产占用）"
PROFILE = "单位概况（机构设置及人员情况）"
PERFORMANCE = "预算绩效情况说明"
TOTALS_TABLE = "收入支出决算总表"

_PUBLIC_ZH = "一般公共预算财政拨款基本支出公用经费"
_PUBLIC_EN = "public costs of general-budget basic expenditure"


# -- 机关运行经费 -------------------------------------------------------------


@rule(
    "O601",
    "operating-costs-equals-public",
    title_zh="机关运行经费与公用经费",
    title_en="Operating costs equal public costs",
    formula="机关运行经费 = 一般公共预算财政拨款基本支出中的公用经费（含下属单位的部门：≤）",
    tables=(BASIC_TABLE, OPERATING_COSTS),
)
def operating_costs_equals_public(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """机关运行经费 = 公用经费 of 一般公共预算财政拨款基本支出 (行政 and 参公 units).

    A department whose report includes subordinate units (单位构成) holds the
    公用经费 of its 事业单位 too, which are not 机关运行经费: there, at most.
    """
    costs = report.operating_costs
    if not report.unit.kind.reports_operating_costs or costs is None or costs.amount is None:
        return
    public = checker.figures.economic_group(EconomicGroup.PUBLIC)
    if public is None:
        return
    stated = checker.figures.amount(
        "operating_costs.amount", label("operating_costs"), costs.amount
    )
    if report.profile.subordinate_units:  # a department: its 事业单位 have public costs too
        yield checker.at_most(
            stated,
            public,
            note=(
                "（部门含下属单位，机关运行经费不超过公用经费）",
                " (a department with subordinate units: operating costs are at most public costs)",
            ),
        )
        return
    yield checker.equal(stated, public)


@rule(
    "O602",
    "operating-costs-missing",
    title_zh="未公开机关运行经费",
    title_en="Operating costs not published",
    formula="行政单位和参公事业单位公开机关运行经费",
    tables=(OPERATING_COSTS,),
    severity=Severity.WARNING,
)
def operating_costs_missing(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A 行政单位 or 参公事业单位 must publish 机关运行经费."""
    kind = report.unit.kind
    if not kind.reports_operating_costs:
        return
    costs = report.operating_costs
    if costs is not None and costs.amount is not None:
        return
    path = "operating_costs" if costs is None else "operating_costs.amount"
    yield checker.finding(
        path,
        f"{kind.value}应公开机关运行经费，报告未列示",
        f"a unit of kind {kind.name.lower()} must publish its operating costs; none is given",
    )


@rule(
    "O603",
    "operating-costs-not-applicable",
    title_zh="事业单位列示机关运行经费",
    title_en="Operating costs published by a public institution",
    formula="事业单位不适用机关运行经费",
    tables=(OPERATING_COSTS,),
    severity=Severity.INFO,
)
def operating_costs_not_applicable(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """机关运行经费 applies to 行政 and 参公 units only; a 事业单位 publishing it is noted."""
    kind = report.unit.kind
    if kind.reports_operating_costs or report.operating_costs is None:
        return
    yield checker.finding(
        "operating_costs",
        f"{kind.value}不适用机关运行经费，报告仍列示了该项",
        "a public institution does not report operating costs of the organ, yet they are given",
    )


# -- 政府采购 -----------------------------------------------------------------


@rule(
    "O604",
    "procurement-sum",
    title_zh="政府采购支出总额",
    title_en="Procurement total",
    formula="政府采购支出总额 = 货物 + 工程 + 服务",
    tables=(PROCUREMENT,),
)
def procurement_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """政府采购支出总额 = 政府采购货物支出 + 工程支出 + 服务支出."""
    stated = report.procurement.stated_total
    if stated is None:
        return
    yield checker.equal(
        checker.figures.amount("procurement.stated_total", label("procurement_total"), stated),
        checker.figures.sum(
            checker.figures.procurement_parts(),
            "procurement.parts_total",
            label("procurement_total"),
        ),
    )


def _sme(report: FinalAccount, checker: Checker) -> Term | None:
    """授予中小企业合同金额; ``None`` when blank (then it is not judged)."""
    value = report.procurement.sme_contracts
    return checker.figures.optional("procurement.sme_contracts", label("sme_contracts"), value)


def _small_micro(report: FinalAccount, checker: Checker) -> Term | None:
    """授予小微企业合同金额; ``None`` when blank."""
    value = report.procurement.small_micro_contracts
    return checker.figures.optional(
        "procurement.small_micro_contracts", label("small_micro_contracts"), value
    )


@rule(
    "O605",
    "procurement-sme-within-total",
    title_zh="中小企业合同金额不超过采购总额",
    title_en="SME contracts within the procurement total",
    formula="授予中小企业合同金额 ≤ 政府采购支出总额",
    tables=(PROCUREMENT,),
)
def procurement_sme_within_total(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """授予中小企业合同金额 ≤ 政府采购支出总额, when the SME amount is published."""
    sme = _sme(report, checker)
    if sme is not None:
        yield checker.at_most(sme, checker.figures.procurement_total())


@rule(
    "O606",
    "procurement-small-micro-within-sme",
    title_zh="小微企业合同金额不超过中小企业合同金额",
    title_en="Small and micro contracts within SME contracts",
    formula="授予小微企业合同金额 ≤ 授予中小企业合同金额",
    tables=(PROCUREMENT,),
)
def procurement_small_micro_within_sme(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """授予小微企业合同金额 ≤ 授予中小企业合同金额, when both are published."""
    small_micro, sme = _small_micro(report, checker), _sme(report, checker)
    if small_micro is not None and sme is not None:
        yield checker.at_most(small_micro, sme)


# -- counts: 国有资产 and 人员 ---------------------------------------------------


def _count_mismatch(
    checker: Checker,
    path: str,
    what: tuple[str, str],
    stated: int,
    parts: Sequence[tuple[str, str, str, int]],
) -> Finding | None:
    """A finding unless the count ``stated`` equals Σ ``parts`` exactly.

    ``what`` names the count (Chinese, English); each part is
    ``(path, Chinese, English, count)``.
    """
    total = sum(count for _path, _zh, _en, count in parts)
    if stated == total:
        return None
    zh, en = what
    formula_zh = " + ".join(f"{part_zh} {count}" for _path, part_zh, _en, count in parts)
    formula_en = " + ".join(f"{part_en} {count}" for _path, _zh, part_en, count in parts)
    return checker.finding(
        path,
        f"{zh} {stated} ≠ {formula_zh or '0'} = {total}（差 {stated - total}，计数须完全一致）",
        f"{en} {stated} ≠ {formula_en or '0'} = {total}"
        f" (difference {stated - total}; counts must agree exactly)",
        expected=Decimal(total),
        actual=Decimal(stated),
        tolerance=Decimal(0),
        related=[part_path for part_path, _zh, _en, _count in parts],
    )


@rule(
    "O608",
    "assets-vehicles-by-use",
    title_zh="车辆数按用途合计",
    title_en="Vehicles by use add up",
    formula="车辆总数 = Σ 各用途车辆数",
    tables=(ASSETS,),
)
def assets_vehicles_by_use(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """车辆 N 辆 = Σ of the vehicles by use, when they are listed (exact)."""
    assets = report.assets
    if assets.stated_vehicle_count is None or not assets.vehicles:
        return
    parts = [
        (
            join(keyed("assets.vehicles", holding.use.value), "count"),
            holding.use.value,
            holding.use.name.lower(),
            holding.count,
        )
        for holding in assets.vehicles
    ]
    yield _count_mismatch(
        checker,
        "assets.stated_vehicle_count",
        ("车辆数", "vehicles held"),
        assets.stated_vehicle_count,
        parts,
    )


@rule(
    "O609",
    "staff-total",
    title_zh="实有人数",
    title_en="Staff total",
    formula="实有人数 = 在职人员 + 离休人员 + 退休人员",
    tables=(PROFILE,),
)
def staff_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """实有人数 = 在职 + 离休 + 退休 (exact), over the parts published; none published, no check."""
    staff = report.profile.staff
    if staff.stated_total is None:
        return
    published = [
        ("profile.staff.in_service", "在职人员", "in service", staff.in_service),
        ("profile.staff.retired_cadres", "离休人员", "retired cadres", staff.retired_cadres),
        ("profile.staff.retirees", "退休人员", "retirees", staff.retirees),
    ]
    parts = [(path, zh, en, value) for path, zh, en, value in published if value is not None]
    if not parts:
        return
    yield _count_mismatch(
        checker,
        "profile.staff.stated_total",
        ("实有人数", "staff total"),
        staff.stated_total,
        parts,
    )


@rule(
    "O610",
    "division-count",
    title_zh="内设科室数",
    title_en="Number of internal divisions",
    formula="下设科室数 = 列出的科室个数",
    tables=(PROFILE,),
    severity=Severity.WARNING,
)
def division_count(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """The stated number of internal divisions equals the divisions listed, when both are given."""
    profile = report.profile
    stated, listed = profile.stated_division_count, len(profile.divisions)
    if stated is None or not listed or stated == listed:
        return
    yield checker.finding(
        "profile.stated_division_count",
        f"下设科室数 {stated} ≠ 列出的科室 {listed} 个（{'、'.join(profile.divisions)}）",
        f"stated number of divisions {stated} ≠ {listed} divisions listed",
        expected=Decimal(listed),
        actual=Decimal(stated),
        tolerance=Decimal(0),
        related=["profile.divisions"],
    )


# -- 预算绩效 -----------------------------------------------------------------


@rule(
    "O611",
    "performance-executed-vs-expenditure",
    title_zh="整体绩效执行数与本年支出合计",
    title_en="Evaluated execution against total expenditure",
    formula="部门整体支出实际执行总额 = 本年支出合计",
    tables=(PERFORMANCE, TOTALS_TABLE),
    severity=Severity.WARNING,
)
def performance_executed_vs_expenditure(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """实际执行总额 of the department's self-evaluation = 本年支出合计."""
    executed = report.performance.department_executed
    total = checker.figures.expenditure_total()
    if executed is None or total is None:
        return
    stated = checker.figures.amount(
        "performance.department_executed",
        ("部门整体支出实际执行总额", "executed total of the department evaluation"),
        executed,
    )
    yield checker.equal(stated, total)


@rule(
    "O612",
    "performance-project-execution",
    title_zh="项目绩效执行数不超过项目支出",
    title_en="Evaluated projects within project expenditure",
    formula="绩效评价项目全年执行数 ≤ 本年支出中的项目支出",
    tables=(PERFORMANCE, TOTALS_TABLE),
    severity=Severity.WARNING,
)
def performance_project_execution(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """全年执行数 of the evaluated projects ≤ 项目支出 of 本年支出合计.

    (Not ≤ their budget: a project may overspend it.)
    """
    executed = report.performance.project_executed
    project = report.expenditure.nature.project
    if executed is None or project is None:
        return
    stated = checker.figures.amount(
        "performance.project_executed",
        ("绩效评价项目全年执行数", "executed amount of the evaluated projects"),
        executed,
    )
    yield checker.at_most(
        stated, checker.figures.amount("expenditure.nature.project", label("project"), project)
    )
