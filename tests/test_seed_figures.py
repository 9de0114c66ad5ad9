"""The derived figures the 2023 seed states in 第二部分 equal the model's values.

Each row names a figure the seed prints, how the model derives it, the figure
as printed (expected, from the seed text), and the amounts behind it as printed.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from kexie_2023 import build_report

from govfinal import FinalAccount, FundType, round_amount, round_percent

REPORT = build_report()
D = Decimal


def _gpb(report: FinalAccount, code: str) -> Decimal:
    amounts = report.functions[code].general_budget
    assert amounts is not None
    value = amounts.expenditure
    assert value is not None
    return value


def _line_growth(code: str) -> Callable[[FinalAccount], Decimal | None]:
    def growth(report: FinalAccount) -> Decimal | None:
        amounts = report.functions[code].general_budget
        assert amounts is not None and amounts.prior is not None
        return amounts.prior.growth_from(_gpb(report, code))

    return growth


def _fiscal_growth(report: FinalAccount) -> Decimal | None:
    assert report.fiscal.prior is not None
    return report.fiscal.prior.growth_from(report.fiscal.income_grand_total)


def _fiscal_variance(report: FinalAccount) -> Decimal | None:
    assert report.fiscal.budget is not None
    return report.fiscal.budget.variance_from(report.fiscal.expenditure)


def _gpb_growth(report: FinalAccount) -> Decimal | None:
    gpb = report.fiscal.general_budget
    assert gpb.prior is not None
    return gpb.prior.growth_from(report.fund_expenditure(FundType.GENERAL_BUDGET))


def _gpb_variance(report: FinalAccount) -> Decimal | None:
    gpb = report.fiscal.general_budget
    assert gpb.budget is not None
    return gpb.budget.variance_from(report.fund_expenditure())


def _operating_growth(report: FinalAccount) -> Decimal | None:
    costs = report.operating_costs
    assert costs is not None and costs.prior is not None and costs.amount is not None
    return costs.prior.growth_from(costs.amount)


# (section, what the seed says, model derivation, figure as printed)
PERCENT_FIGURES = [
    ("一", "收入支出总体 下降 19.69%", lambda r: r.grand_total_growth, "-19.69"),
    ("三", "基本支出 占 98.08%", lambda r: r.nature_shares()["basic"], "98.08"),
    ("三", "项目支出 占 1.92%", lambda r: r.nature_shares()["project"], "1.92"),
    ("二", "财政拨款收入 占 100.00%", lambda r: r.income_shares()["fiscal"], "100.00"),
    ("二", "事业收入 占 0.00%", lambda r: r.income_shares()["service"], "0.00"),
    ("四", "财政拨款收入支出总体 下降 19.77%", _fiscal_growth, "-19.77"),
    ("四", "预决算差异率 -39.18%", _fiscal_variance, "-39.18"),
    ("五（一）", "占本年支出合计的 99.47%", lambda r: r.general_budget_share, "99.47"),
    ("五（一）", "下降 15.57%", _gpb_growth, "-15.57"),
    ("五（一）", "预决算差异率 -39.18%", _gpb_variance, "-39.18"),
    ("五（二）", "科学技术支出（类）占 92.38%", lambda r: r.class_shares()["206"], "92.38"),
    ("五（二）", "社会保障和就业支出（类）占 7.62%", lambda r: r.class_shares()["208"], "7.62"),
    ("五（三）1", "其他科学技术普及支出 增长 100%", _line_growth("2060799"), "100"),
    ("五（三）2", "行政运行 下降 10.87%", _line_growth("2060101"), "-10.87"),
    ("五（三）3", "基本养老保险缴费支出 下降 47.41%", _line_growth("2080505"), "-47.41"),
    ("五（三）4", "其他科学技术管理事务支出 下降 100%", _line_growth("2060199"), "-100"),
    ("十（一）", "机关运行经费 增长 119.82%", _operating_growth, "119.82"),
    ("十一", "整体支出 执行率 60.4%", lambda r: r.performance.department_execution_rate, "60.40"),
    ("十一", "项目 执行率 78.47%", lambda r: r.performance.project_execution_rate, "78.47"),
]


@pytest.mark.parametrize(
    ("section", "said", "derive", "printed"),
    PERCENT_FIGURES,
    ids=[f"{row[0]}:{row[1]}" for row in PERCENT_FIGURES],
)
def test_stated_percentages_are_the_models(
    section: str, said: str, derive: Callable[[FinalAccount], Decimal | None], printed: str
) -> None:
    value = derive(REPORT)
    assert value is not None, f"{section}: the model derives nothing for {said}"
    assert round_percent(value) == round_percent(D(printed))


# The amounts behind the ratios, as printed, and the model's figure for them.
AMOUNT_FIGURES = [
    ("收入总计", lambda r: r.income.grand_total, "58.95"),
    ("本年收入合计", lambda r: r.income.sources.total, "55.19"),
    ("年初结转和结余", lambda r: r.income.opening_balance, "3.76"),
    ("支出总计", lambda r: r.expenditure.grand_total, "58.95"),
    ("本年支出合计", lambda r: r.expenditure.total, "58.95"),
    (
        "上年收入支出总计 = 58.95 + 14.45",
        lambda r: r.grand_total_prior.prior_amount(D("58.95")),
        "73.40",
    ),
    ("财政拨款收入总计", lambda r: r.fiscal.income_grand_total, "58.64"),
    ("年初财政拨款结转和结余", lambda r: r.opening_fiscal_balance, "3.45"),
    ("本年财政拨款支出", lambda r: r.fiscal.expenditure, "58.64"),
    (
        "上年财政拨款收入支出总计 = 58.64 + 14.45",
        lambda r: r.fiscal.prior.prior_amount(D("58.64")),
        "73.09",
    ),
    ("年初预算数", lambda r: r.fiscal.budget.budget, "96.41"),
    ("一般公共预算财政拨款支出", lambda r: r.fund_expenditure(), "58.64"),
    ("科学技术支出（类）一般公共预算", lambda r: _gpb(r, "206"), "54.17"),
    ("社会保障和就业支出（类）一般公共预算", lambda r: _gpb(r, "208"), "4.47"),
    ("行政运行（项）", lambda r: _gpb(r, "2060101"), "53.04"),
    (
        "上年行政运行 = 53.04 + 6.47",
        lambda r: r.functions["2060101"].general_budget.prior.prior_amount(D("53.04")),
        "59.51",
    ),
    (
        "上年养老保险缴费 = 4.47 + 4.03",
        lambda r: r.functions["2080505"].general_budget.prior.prior_amount(D("4.47")),
        "8.50",
    ),
    ("一般公共预算财政拨款基本支出", lambda r: r.general_budget_basic.total, "57.51"),
    ("人员经费", lambda r: r.general_budget_basic.personnel, "52.52"),
    ("公用经费", lambda r: r.general_budget_basic.public, "4.99"),
    (
        "上年机关运行经费 = 4.99 − 2.72",
        lambda r: r.operating_costs.prior.prior_amount(D("4.99")),
        "2.27",
    ),
    ("三公经费 合计 决算数", lambda r: r.three_public.total_final, "0.00"),
    ("政府采购支出总额", lambda r: r.procurement.total, "0.00"),
]


@pytest.mark.parametrize(
    ("said", "derive", "printed"), AMOUNT_FIGURES, ids=[row[0] for row in AMOUNT_FIGURES]
)
def test_amounts_behind_the_ratios(
    said: str, derive: Callable[[FinalAccount], Decimal | None], printed: str
) -> None:
    value = derive(REPORT)
    assert value is not None, said
    assert round_amount(value) == D(printed)


def test_class_amounts_roll_up_from_their_subitems() -> None:
    # 五（二） publishes the 类 totals; 五（三） publishes the 项 they hold.
    tree = REPORT.functions

    def gpb(line):  # type: ignore[no-untyped-def]
        return None if line.general_budget is None else line.general_budget.expenditure

    assert tree.children_sum("206", gpb) == D("1.13") + D("53.04") + D("0.00")
    assert tree.children_sum("208", gpb) == D("4.47")
    assert tree.classes_sum(gpb) == D("58.64")


def test_item_changes_add_up_to_the_change_of_the_total() -> None:
    # 1.13 − 6.47 − 4.03 − 1.44 = −10.81, the change of 一般公共预算财政拨款支出.
    changes = []
    for line in REPORT.functions.in_narrative_order():
        amounts = line.general_budget
        assert amounts is not None and amounts.prior is not None and amounts.expenditure is not None
        changes.append(amounts.prior.change_from(amounts.expenditure))
    assert sum(changes, D(0)) == D("-10.81")


def test_all_funds_expenditure_holds_the_inferred_non_fiscal_part() -> None:
    # 58.95 (all funds) − 58.64 (一般公共预算) = 0.31, placed on 2060101 行政运行.
    tree = REPORT.functions

    def total(line):  # type: ignore[no-untyped-def]
        return None if line.expenditure is None else line.expenditure.total

    assert tree.classes_sum(total) == D("58.95")
    assert tree.rollup("2060101", total) - _gpb(REPORT, "2060101") == D("0.31")


def test_narrative_order_is_the_seeds() -> None:
    names = [line.name for line in REPORT.functions.in_narrative_order()]
    assert names == [
        "其他科学技术普及支出",
        "行政运行",
        "机关事业单位基本养老保险缴费支出",
        "其他科学技术管理事务支出",
    ]


def test_profile_counts() -> None:
    staff = REPORT.profile.staff
    assert (staff.total, staff.in_service, staff.retired_cadres, staff.retirees) == (2, 2, 0, 0)
    assert REPORT.profile.division_count == 0
    assert len(REPORT.profile.functions) == 7
