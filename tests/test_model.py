"""Unit tests of the domain classes: shape, immutability, derived totals, errors."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import pytest

import govfinal
from govfinal import (
    AmountError,
    Assets,
    BasicExpenditureDetail,
    BudgetUnit,
    ClassificationError,
    EconomicLine,
    Expenditure,
    FinalAccount,
    FiscalAllocations,
    FloatRefusedError,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    FundType,
    GrowthStatement,
    Income,
    IncomeSources,
    NatureAmounts,
    PriorYear,
    Procurement,
    Staff,
    ThreePublicExpenses,
    UnitKind,
    VehicleHolding,
    VehicleUse,
)
from govfinal.model.comparatives import Figure

D = Decimal
DOMAIN_CLASSES = [
    cls
    for name in govfinal.__all__
    if isinstance(cls := getattr(govfinal, name), type) and attrs.has(cls)
]


@pytest.mark.parametrize("cls", DOMAIN_CLASSES, ids=lambda cls: cls.__name__)
def test_domain_classes_are_frozen_slotted_and_documented(cls: type) -> None:
    assert "__slots__" in vars(cls), f"{cls.__name__} is not slotted"
    assert cls.__doc__ and cls.__doc__.strip()
    params = attrs.fields(cls)
    assert all(
        field.on_setattr is None or field.on_setattr is attrs.setters.NO_OP for field in params
    )
    if cls in {govfinal.CodeEntry, govfinal.CodeTable}:
        return
    instance = _some_instance(cls)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, params[0].name, params[0].default)


def _some_instance(cls: type) -> object:
    makers: dict[type, object] = {
        BudgetUnit: lambda: BudgetUnit(name="甲单位", fiscal_year=2024),
        FinalAccount: lambda: FinalAccount(unit=BudgetUnit(name="甲单位", fiscal_year=2024)),
        FunctionLine: lambda: FunctionLine("201", "一般公共服务支出"),
        EconomicLine: lambda: EconomicLine("30101", "基本工资"),
        VehicleHolding: lambda: VehicleHolding(VehicleUse.OTHER, 1),
        govfinal.Funding: lambda: govfinal.Funding(govfinal.FundingRow("年度总资金")),
        govfinal.FundingRow: lambda: govfinal.FundingRow("年度总资金"),
        govfinal.Indicator: lambda: govfinal.Indicator(
            "产出指标", "数量指标", "发放人数", govfinal.Comparator.GE
        ),
        govfinal.SelfEvaluation: lambda: govfinal.SelfEvaluation(
            govfinal.EvaluationKind.PROJECT, "项目", govfinal.Funding(govfinal.FundingRow("合计"))
        ),
        govfinal.ClassTotal: lambda: govfinal.ClassTotal("206", "1.00"),
        govfinal.GradeCount: lambda: govfinal.GradeCount("优", 4),
        govfinal.AmountStatement: lambda: govfinal.AmountStatement("income.grand_total", "1.00"),
        govfinal.ShareStatement: lambda: govfinal.ShareStatement(
            "income.sources.fiscal", "income.sources.total", "99.79"
        ),
        govfinal.ChangeStatement: lambda: govfinal.ChangeStatement("income.grand_total", "-1.00"),
        govfinal.GrowthStatement: lambda: govfinal.GrowthStatement("income.grand_total", "-1.87"),
        govfinal.BudgetStatement: lambda: govfinal.BudgetStatement(
            "fiscal.general_budget.expenditure",
            "fiscal.general_budget.budget.budget",
            govfinal.BudgetBasis.INITIAL,
            govfinal.Measure.EXECUTION,
            "98.20",
        ),
        govfinal.DirectionStatement: lambda: govfinal.DirectionStatement(
            "income.grand_total", govfinal.Against.PRIOR_YEAR, "减少"
        ),
        govfinal.CountStatement: lambda: govfinal.CountStatement("assets.large_equipment", 2),
        govfinal.YearStatement: lambda: govfinal.YearStatement(2024),
        govfinal.DateStatement: lambda: govfinal.DateStatement(
            "assets", datetime.date(2024, 12, 31)
        ),
        govfinal.NoneStatement: lambda: govfinal.NoneStatement("three_public"),
        govfinal.TableStatement: lambda: govfinal.TableStatement(
            govfinal.StandardTable.THREE_PUBLIC, govfinal.Presence.EMPTY
        ),
        govfinal.ReasonStatement: lambda: govfinal.ReasonStatement(
            "income.grand_total", govfinal.Against.PRIOR_YEAR, "人员减少"
        ),
        govfinal.FigureAt: lambda: govfinal.FigureAt("income.opening_balance", "", "", None),
        govfinal.Finding: lambda: govfinal.Finding(
            "T101", govfinal.Severity.ERROR, "income", "收入总计不符", "income grand total off"
        ),
    }
    make = makers.get(cls)
    return make() if make is not None else cls()  # type: ignore[operator]


def test_amounts_keep_the_digits_written() -> None:
    sources = IncomeSources(general_budget="97.6", other=3)
    assert sources.general_budget.as_tuple() == D("97.6").as_tuple()
    assert sources.other == D(3)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: IncomeSources(general_budget=1.5), "IncomeSources.general_budget"),
        (lambda: NatureAmounts(project=0.1), "NatureAmounts.project"),
        (lambda: FundAmounts(closing=2.0), "FundAmounts.closing"),
        (lambda: GrowthStatement("income.grand_total", -19.69), "GrowthStatement.value"),
        (lambda: Procurement(services=1e3), "Procurement.services"),
    ],
)
def test_float_is_refused_naming_class_and_field(build, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FloatRefusedError, match=field):
        build()


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf", "abc", "1e999", ""])
def test_non_amounts_are_refused_naming_the_field(bad: str) -> None:
    with pytest.raises(AmountError, match=r"Income\.opening_balance"):
        Income(opening_balance=bad)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(AmountError, match=r"Staff\.retirees"):
        Staff(retirees=-1)


@pytest.mark.parametrize("code", ["20", "2061", "206010", "20601011", "2O6", " 206"])
def test_malformed_function_codes_are_refused(code: str) -> None:
    with pytest.raises(ClassificationError, match=r"FunctionLine\.code"):
        FunctionLine(code, "x")


def test_malformed_economic_codes_are_refused() -> None:
    with pytest.raises(ClassificationError, match=r"EconomicLine\.code"):
        EconomicLine("3010", "x")


def test_published_totals_win_and_missing_ones_are_derived() -> None:
    derived = IncomeSources(general_budget="10.00", service="2.50")
    assert derived.stated_total is None
    assert derived.total == D("12.50")
    stated = attrs.evolve(derived, stated_total="12.49")
    assert stated.total == D("12.49")
    assert stated.parts_total == D("12.50")


def test_income_and_expenditure_grand_totals() -> None:
    income = Income(
        sources=IncomeSources(general_budget="55.19"),
        non_fiscal_balance_used="0.00",
        opening_balance="3.76",
    )
    assert income.grand_total == D("58.95")
    expenditure = Expenditure(
        nature=NatureAmounts(basic="57.82", project="1.13"),
        closing_balance="0.00",
    )
    assert expenditure.total == D("58.95")
    assert expenditure.grand_total == D("58.95")


def test_fiscal_allocations_sum_the_funds() -> None:
    fiscal = FiscalAllocations(
        general_budget=FundAmounts(opening="3.45", income="55.19", basic="57.51", project="1.13"),
        government_fund=FundAmounts(opening="1.00", income="2.00", basic="0.50", closing="2.50"),
    )
    assert fiscal.opening == D("4.45")
    assert fiscal.income == D("57.19")
    assert fiscal.expenditure == D("59.14")
    assert fiscal.closing == D("2.50")
    assert fiscal.income_grand_total == D("61.64")
    assert fiscal.expenditure_grand_total == D("61.64")
    assert fiscal.state_capital.is_empty
    assert not fiscal.general_budget.is_empty


def test_function_tree_rollup_and_structure() -> None:
    def gpb(line: FunctionLine) -> Decimal | None:
        return None if line.general_budget is None else line.general_budget.expenditure

    tree = FunctionTree(
        lines=(
            FunctionLine("208", "社会保障和就业支出"),
            FunctionLine("20805", "行政事业单位养老支出"),
            FunctionLine("2080505", "养老保险", general_budget=FundAmounts(basic="160.75")),
            FunctionLine("2080506", "职业年金", general_budget=FundAmounts(basic="80.38")),
            FunctionLine(
                "210", "卫生健康支出", general_budget=FundAmounts(stated_expenditure="60.99")
            ),
        )
    )
    assert [line.code for line in tree.classes()] == ["208", "210"]
    assert [line.code for line in tree.children("20805")] == ["2080505", "2080506"]
    assert tree.rollup("208", gpb) == D("241.13")
    assert tree.rollup("210", gpb) == D("60.99")  # published at 类 level only
    assert tree.classes_sum(gpb) == D("302.12")
    assert tree.rollup("999", gpb) is None
    assert "2080506" in tree and "2080507" not in tree
    assert tree.get("2080507") is None
    assert tree["20805"].parent_code == "208"


def test_economic_detail_groups_personnel_and_public() -> None:
    detail = BasicExpenditureDetail(
        lines=(
            EconomicLine("301", "工资福利支出", "2082.85"),
            EconomicLine("30101", "基本工资", "262.33"),
            EconomicLine("30102", "津贴补贴", "1238.58"),
            EconomicLine("303", "对个人和家庭的补助", "69.41"),
            EconomicLine("302", "商品和服务支出", "171.07"),
            EconomicLine("30201", "办公费", "21.21"),
            EconomicLine("310", "资本性支出", "13.58"),
        )
    )
    # 301 has items: only they count; 303 and 310 have none: the 类 amount counts.
    assert detail.personnel == D("262.33") + D("1238.58") + D("69.41")
    assert detail.public == D("21.21") + D("13.58")
    assert detail.total == detail.personnel + detail.public


def test_three_public_totals_are_derived_from_lines() -> None:
    three = ThreePublicExpenses(
        overseas=Figure(amount="1.00"),
        vehicle_purchase=Figure(amount="20.00"),
        vehicle_operation=Figure(amount="3.50"),
        reception=Figure(amount="0.40"),
    )
    assert three.vehicles_final == D("23.50")
    assert three.total_final == D("24.90")
    assert three.total_budget is None


def test_assets_vehicle_counts() -> None:
    assets = Assets(
        vehicles=(VehicleHolding(VehicleUse.OTHER, 1), VehicleHolding(VehicleUse.EMERGENCY, 2))
    )
    assert assets.vehicle_count == 3
    assert assets.vehicles_of(VehicleUse.EMERGENCY) == 2
    assert assets.vehicles_of(VehicleUse.PRINCIPAL) == 0


def test_unit_kind_decides_operating_costs() -> None:
    assert UnitKind.ADMINISTRATIVE.reports_operating_costs
    assert UnitKind.CIVIL_SERVICE_MANAGED.reports_operating_costs
    assert not UnitKind.PUBLIC_INSTITUTION.reports_operating_costs


def test_prior_year_derives_what_is_not_published() -> None:
    published_change = PriorYear(change="-14.45")
    assert published_change.prior_amount(D("58.95")) == D("73.40")
    published_amount = PriorYear(amount="73.40")
    assert published_amount.change_from(D("58.95")) == D("-14.45")
    assert PriorYear().growth_from(D("1")) is None


def test_fund_type_fields_match_the_classes() -> None:
    fiscal = FiscalAllocations()
    line = FunctionLine("201", "一般公共服务支出")
    for fund_type in FundType:
        assert hasattr(fiscal, fund_type.field)
        assert line.fund(fund_type) is None
