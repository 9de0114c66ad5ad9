"""N9xx: what the narrative states (情况说明的陈述) against the report's figures.

Every test adds statements to the base report (``tests/checks/base.py``) and
reads the findings of the N9xx rules. The figures used, from the base report:

* ``operating_costs.amount`` 22.00 against a published prior-year 20.00;
* ``functions[2010601].general_budget.expenditure`` 100.00 against a 年初预算 of 110.00;
* ``fiscal.general_budget.expenditure`` 160.00 against a 年初预算 of 165.00, with a
  prior-year change of 10.00 but no prior-year amount;
* ``three_public.total.amount`` 4.00 against a 全年预算 of 6.00, of which
  ``three_public.reception.amount`` is 0.50; ``three_public.vehicle_purchase``
  0.00 against a budget of 0.00;
* ``income.sources.total`` 163.00, of which ``income.sources.general_budget`` 150.00;
* ``fiscal.government_fund``: income and expenditure 8.00; ``fiscal.state_capital`` blank.
  The 政府性基金 table prints, of amounts other than 0, the fund's 本年收入, 项目支出
  and 本年支出合计 (8.00 each), and the same three on the lines 212, 21208 and 2120801:
  12 in all.

A published amount stands for its value ± half a unit of its last digit
(22.00 for [21.995, 22.005)), so every expected outcome below comes with its
interval arithmetic.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import (
    Against,
    AmountStatement,
    BudgetBasis,
    BudgetStatement,
    BudgetVariance,
    ChangeStatement,
    CountStatement,
    DateStatement,
    DirectionStatement,
    FinalAccount,
    FunctionTree,
    GrowthStatement,
    Measure,
    NoneStatement,
    Place,
    Presence,
    ReasonStatement,
    Relation,
    Severity,
    ShareStatement,
    StandardTable,
    Statement,
    TableStatement,
    YearStatement,
    resolve,
)
from govfinal.checks import RULES, CheckOptions, Finding, check
from govfinal.checks.rules.n_statements import table_figures
from govfinal.model.funds import FundAmounts
from tests.checks.base import base_report
from tests.checks.cases import Case, assert_fires, evolve_path, findings_of

D = Decimal
Mutation = Callable[[FinalAccount], FinalAccount]

# The figures the statements are about (see the module's docstring).
OC = "operating_costs.amount"  # 22.00
OC_PRIOR = "operating_costs.prior.amount"  # 20.00
ITEM = "functions[2010601].general_budget.expenditure"  # 100.00 (derived: published 本年支出)
ITEM_BUDGET = "functions[2010601].general_budget.budget.budget"  # 110.00, 年初预算
GPB = "fiscal.general_budget.expenditure"  # 160.00
GPB_BUDGET = "fiscal.general_budget.budget.budget"  # 165.00, 年初预算
TP = "three_public.total.amount"  # 4.00
TP_BUDGET = "three_public.total.budget.budget"  # 6.00, 全年预算
RECEPTION = "three_public.reception.amount"  # 0.50
INCOME = "income.sources.total"  # 163.00
GENERAL = "income.sources.general_budget"  # 150.00

N_CODES = [f"N9{n:02d}" for n in range(1, 14)]

INITIAL, FULL_YEAR = BudgetBasis.INITIAL, BudgetBasis.FULL_YEAR
EXECUTION, VARIANCE = Measure.EXECUTION, Measure.VARIANCE
PRIOR_YEAR = Against.PRIOR_YEAR
EMPTY, PUBLISHED = Presence.EMPTY, Presence.PUBLISHED


def stated(*statements: Statement, report: FinalAccount | None = None) -> FinalAccount:
    """``report`` (the base report) holding ``statements``, in the text's order."""
    return evolve_path(base_report() if report is None else report, "statements", statements)


def stating(*statements: Statement) -> Mutation:
    """A mutation that gives the report ``statements``."""
    return lambda report: stated(*statements, report=report)


def with_item_budget(report: FinalAccount, budget: BudgetVariance) -> FinalAccount:
    """``report`` with 2010601's 一般公共预算 budget comparison replaced."""
    tree = report.functions
    lines = []
    for line in tree.lines:
        if line.code == "2010601":
            assert line.general_budget is not None
            line = attrs.evolve(
                line, general_budget=attrs.evolve(line.general_budget, budget=budget)
            )
        lines.append(line)
    return attrs.evolve(report, functions=attrs.evolve(tree, lines=tuple(lines)))


def n_findings(report: FinalAccount, options: CheckOptions | None = None) -> list[Finding]:
    """The findings of the N9xx rules."""
    return [f for f in check(report, options=options) if f.code.startswith("N9")]


def of(code: str, report: FinalAccount, options: CheckOptions | None = None) -> list[Finding]:
    return [f for f in check(report, options=options) if f.code == code]


EXACT = CheckOptions(exact=True)


CASES: list[Case] = [
    # -- N901: an address that names no figure; the finding is at the nearest part that exists.
    # There is no 项 2010699: the nearest part is the function tree itself.
    Case(
        "N901",
        "unknown-code",
        stating(AmountStatement("functions[2010699].general_budget.stated_expenditure", "1.00")),
        "functions",
    ),
    Case(
        "N901",
        "misspelt",
        stating(AmountStatement("operating_costs.amont", "22.00")),
        "operating_costs",
    ),
    # A part, not a figure, cannot be restated.
    Case("N901", "part", stating(AmountStatement("income.sources", "163.00")), "income.sources"),
    Case("N901", "none-unknown", stating(NoneStatement("functions[2129999]")), "functions"),
    # -- N902: a blank figure, or nothing to compare with.
    # No prior-year amount of 一般公共预算财政拨款支出 is published (only its change).
    Case(
        "N902",
        "blank",
        stating(AmountStatement("fiscal.general_budget.prior.amount", "150.00")),
        "fiscal.general_budget.prior.amount",
    ),
    # 减少 against 上年 with no `to` and no change stated for the figure.
    Case("N902", "no-prior", stating(DirectionStatement(ITEM, PRIOR_YEAR, "减少")), ITEM),
    Case(
        "N902",
        "no-budget",
        stating(DirectionStatement(ITEM, Against.INITIAL_BUDGET, "小于")),
        ITEM,
    ),
    # -- N903: 164.00 against 163.00: 1.00 apart, the intervals reach 0.005 + 0.005.
    Case("N903", "total", stating(AmountStatement(INCOME, "164.00")), INCOME),
    # 22.01 stands for [22.005, 22.015), 22.00 for [21.995, 22.005): they cannot meet.
    Case("N903", "cent", stating(AmountStatement(OC, "22.01")), OC),
    # -- N904: 150 / 163 = 92.0245 %; 93.02 is a point off.
    Case("N904", "share", stating(ShareStatement(GENERAL, INCOME, "93.02")), GENERAL),
    # 0.50 / 4.00 = 12.50 %; at most 0.505 / 3.995 = 12.6408 % (3.995 × 0.1264 = 0.504968,
    # and 0.000032 / 3.995 = 0.000008), below 12.645, the least that rounds to 12.65.
    Case("N904", "beyond-rounding", stating(ShareStatement(RECEPTION, TP, "12.65")), RECEPTION),
    # -- N905: 22 − 20 = 2.00; 3.00 is 1 off.
    Case("N905", "change", stating(ChangeStatement(OC, "3.00", prior=OC_PRIOR)), OC),
    # 2.02 − 2.00 = 0.02, not below the tolerance 0.005 (stated) + 0.005 + 0.005 (the two figures).
    Case("N905", "beyond-rounding", stating(ChangeStatement(OC, "2.02", prior=OC_PRIOR)), OC),
    # -- N906: (22 − 20) / 20 = 10.00 %; the intervals allow 9.9475 % to 10.0525 %:
    # 1.99 / 20.005 (20.005 × 0.09947 = 1.98989735, + 0.00010265 / 20.005 = 0.0000051) and
    # 2.01 / 19.995 (19.995 × 0.1005 = 2.0094975, + 0.0005025 / 19.995 = 0.0000251).
    Case("N906", "prior", stating(GrowthStatement(OC, "11.00", prior=OC_PRIOR)), OC),
    # 10.06 needs at least 10.055 > 10.0525.
    Case("N906", "beyond-rounding", stating(GrowthStatement(OC, "10.06", prior=OC_PRIOR)), OC),
    # No prior-year amount: from the stated change 10.00, the prior is 160 − 10 = 150 and the
    # rate 10 / 150 = 6.67 %; 7.67 is a point off.
    Case(
        "N906",
        "from-change",
        stating(ChangeStatement(GPB, "10.00"), GrowthStatement(GPB, "7.67")),
        GPB,
    ),
    # -- N907: 100 / 110 = 90.91 %, (100 − 110) / 110 = −9.09 %.
    Case(
        "N907",
        "execution",
        stating(BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, EXECUTION, "91.91")),
        ITEM,
    ),
    Case(
        "N907",
        "variance",
        stating(BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, VARIANCE, "-10.09")),
        ITEM,
    ),
    # 2010601's budget is a 年初预算, the text says 全年预算: the finding is at the budget.
    Case(
        "N907",
        "basis",
        stating(BudgetStatement(ITEM, ITEM_BUDGET, FULL_YEAR, EXECUTION, "90.91")),
        ITEM_BUDGET,
    ),
    # -- N908: 22 − 20 = 2 is up; 100 − 110 = −10 is below the budget.
    Case("N908", "down", stating(DirectionStatement(OC, PRIOR_YEAR, "减少", to=OC_PRIOR)), OC),
    Case(
        "N908",
        "above-budget",
        stating(DirectionStatement(ITEM, Against.INITIAL_BUDGET, "大于", to=ITEM_BUDGET)),
        ITEM,
    ),
    # |−10| is more than 5 % of 110 = 5.5.
    Case(
        "N908",
        "about-level",
        stating(DirectionStatement(ITEM, Against.INITIAL_BUDGET, "基本持平", to=ITEM_BUDGET)),
        ITEM,
    ),
    # Against the stated change 10.00 (no prior-year amount is a fact): 下降 is wrong.
    Case(
        "N908",
        "change",
        stating(ChangeStatement(GPB, "10.00"), DirectionStatement(GPB, PRIOR_YEAR, "下降")),
        GPB,
    ),
    # -- N909: one 因公出国（境）团组, two stated.
    Case(
        "N909",
        "count",
        stating(CountStatement("three_public.overseas_groups", 2)),
        "three_public.overseas_groups",
    ),
    # -- N910: the report is of 2024; the prior year is 2023.
    Case("N910", "year", stating(YearStatement(2023)), "unit.fiscal_year"),
    Case(
        "N910",
        "prior-year",
        stating(YearStatement(2022, relation=Relation.PRIOR)),
        "unit.fiscal_year",
    ),
    Case("N910", "date", stating(DateStatement("assets", datetime.date(2023, 12, 31))), "assets"),
    # -- N911: 政府性基金 income 8.00 is the first figure other than 0 (after the opening 0.00).
    Case(
        "N911",
        "fund",
        stating(NoneStatement("fiscal.government_fund")),
        "fiscal.government_fund.income",
    ),
    # 三公: 因公出国（境）费 2.00 comes first.
    Case(
        "N911",
        "three-public",
        stating(NoneStatement("three_public")),
        "three_public.overseas.amount",
    ),
    # One figure: 政府性基金预算财政拨款支出 8.00.
    Case(
        "N911",
        "figure",
        stating(NoneStatement("fiscal.government_fund.expenditure")),
        "fiscal.government_fund.expenditure",
    ),
    # -- N912: the 政府性基金 table stated empty: its 本年收入 8.00 comes first (after the
    # opening 0.00).
    Case(
        "N912",
        "empty-fund",
        stating(TableStatement(StandardTable.GOVERNMENT_FUND, EMPTY)),
        "fiscal.government_fund.income",
    ),
    # The “三公” table prints 预算数 and 决算数: 因公出国（境）费 2.00 comes first.
    Case(
        "N912",
        "empty-three-public",
        stating(TableStatement(StandardTable.THREE_PUBLIC, EMPTY)),
        "three_public.overseas.amount",
    ),
    # The 国有资本经营 table stated published: every cell blank; the finding is at its part.
    Case(
        "N912",
        "published-blank",
        stating(TableStatement(StandardTable.STATE_CAPITAL, PUBLISHED)),
        "fiscal.state_capital",
    ),
    # -- N913: the text says 持平, its reason speaks only of a fall (减少), whatever the facts.
    Case(
        "N913",
        "level-reason-down",
        stating(
            DirectionStatement(OC, PRIOR_YEAR, "持平", to=OC_PRIOR),
            ReasonStatement(OC, PRIOR_YEAR, "人员减少"),
        ),
        OC,
    ),
    # A stated change of +2.00 explained by a 压减.
    Case(
        "N913",
        "change-up-reason-down",
        stating(
            ChangeStatement(OC, "2.00", prior=OC_PRIOR),
            ReasonStatement(OC, PRIOR_YEAR, "压减公用经费"),
        ),
        OC,
    ),
]

CODES = sorted({case.code for case in CASES})


def test_every_statement_rule_has_a_case() -> None:
    assert CODES == N_CODES
    assert sorted(code for code in RULES if code.startswith("N9")) == N_CODES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", N_CODES)
def test_rule_holds_without_statements(code: str) -> None:
    assert findings_of(code, check(base_report())) == []
    assert findings_of(code, check(build_report())) == []


@pytest.mark.parametrize(
    ("code", "severity"),
    [
        (code, {"N902": Severity.INFO, "N913": Severity.WARNING}.get(code, Severity.ERROR))
        for code in N_CODES
    ],
)
def test_severities(code: str, severity: Severity) -> None:
    registered = RULES[code]
    assert registered.severity is severity
    assert registered.formula and registered.tables and registered.title_en


# -- statements consistent with the base report, under rounding --------------------------

HOLDS: list[tuple[str, tuple[Statement, ...]]] = [
    ("amount", (AmountStatement(INCOME, "163.00"), AmountStatement(OC, "22.00"))),
    # 160 is read at 0.01 (an integer amount), 160.0 at 0.1 ([159.95, 160.05)): both meet 160.00.
    ("amount-fewer-digits", (AmountStatement(GPB, "160"), AmountStatement(GPB, "160.0"))),
    # A derived figure: 本年收入合计 of the published 总表.
    ("amount-derived", (AmountStatement("income.grand_total", "178.00"),)),
    # 150 / 163: 163 × 0.9202 = 149.9926, and 0.0074 / 163 = 0.0000454, so 92.02454 %,
    # which rounds half-up to 92.02.
    ("share-half-up", (ShareStatement(GENERAL, INCOME, "92.02"),)),
    # 0.50 / 4.00 is 12.50 %, but the part stands for [0.495, 0.505] and the whole for
    # [3.995, 4.005]: the share lies in [0.495 / 4.005, 0.505 / 3.995] = [12.3596 %, 12.6408 %]
    # (4.005 × 0.12359 = 0.49497795, + 0.00002205 / 4.005 = 0.0000055). 12.64 needs a share in
    # [12.635, 12.645), 12.36 one in [12.355, 12.365): both inside the intervals only.
    (
        "share-inside-intervals",
        (ShareStatement(RECEPTION, TP, "12.64"), ShareStatement(RECEPTION, TP, "12.36")),
    ),
    # 22 − 20 = 2.00; 2.01 is 0.01 off, below the tolerance 0.005 + 0.005 + 0.005 = 0.015.
    (
        "change",
        (ChangeStatement(OC, "2.00", prior=OC_PRIOR), ChangeStatement(OC, "2.01", prior=OC_PRIOR)),
    ),
    # 10.00 %, and 9.95 and 10.05 inside [9.9475 %, 10.0525 %] (see the N906 cases).
    (
        "growth-prior",
        (
            GrowthStatement(OC, "10.00", prior=OC_PRIOR),
            GrowthStatement(OC, "9.95", prior=OC_PRIOR),
            GrowthStatement(OC, "10.05", prior=OC_PRIOR),
        ),
    ),
    # No prior-year amount is a fact: judged from the stated change 10.00. The rate
    # change / (current − change) lies in [9.995 / 150.01, 10.005 / 149.99] =
    # [6.6629 %, 6.6704 %] (150.01 × 0.0666 = 9.990666, + 0.004334 / 150.01 = 0.0000289;
    # 149.99 × 0.0667 = 10.004333, + 0.000667 / 149.99 = 0.0000044): 6.67 and 6.66 hold.
    (
        "growth-from-change",
        (ChangeStatement(GPB, "10.00"), GrowthStatement(GPB, "6.67"), GrowthStatement(GPB, "6.66")),
    ),
    # 100 / 110 lies in [99.995 / 110.005, 100.005 / 109.995] = [90.9004 %, 90.9178 %]
    # (110.005 × 0.909 = 99.994545, + 0.000455 / 110.005 = 0.0000041; 109.995 × 0.9091 =
    # 99.9964545, + 0.0085455 / 109.995 = 0.0000777): 90.91; less 100: −9.09.
    (
        "budget-initial",
        (
            BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, EXECUTION, "90.91"),
            BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, VARIANCE, "-9.09"),
        ),
    ),
    # 三公 4 of a 全年预算 6: 66.67 %; (4 − 6) / 6 = −33.33 %.
    (
        "budget-full-year",
        (
            BudgetStatement(TP, TP_BUDGET, FULL_YEAR, EXECUTION, "66.67"),
            BudgetStatement(TP, TP_BUDGET, FULL_YEAR, VARIANCE, "-33.33"),
        ),
    ),
    # 22 against 20: up.
    ("direction-prior", (DirectionStatement(OC, PRIOR_YEAR, "增加", to=OC_PRIOR),)),
    # Against the stated change 10.00 when no prior-year amount is a fact: up.
    (
        "direction-change",
        (ChangeStatement(GPB, "10.00"), DirectionStatement(GPB, PRIOR_YEAR, "增长")),
    ),
    # 100 against 110: below; 160 against 165: |−5| is within 5 % of 165 = 8.25.
    (
        "direction-budget",
        (
            DirectionStatement(ITEM, Against.INITIAL_BUDGET, "小于", to=ITEM_BUDGET),
            DirectionStatement(GPB, Against.INITIAL_BUDGET, "基本持平", to=GPB_BUDGET),
        ),
    ),
    # 车辆购置费 0.00 against its 全年预算 0.00: equal.
    (
        "direction-level",
        (
            DirectionStatement(
                "three_public.vehicle_purchase.amount",
                Against.FULL_YEAR_BUDGET,
                "持平",
                to="three_public.vehicle_purchase.budget.budget",
            ),
            DirectionStatement(
                "three_public.vehicle_purchase.amount",
                Against.FULL_YEAR_BUDGET,
                "等于",
                to="three_public.vehicle_purchase.budget.budget",
            ),
        ),
    ),
    (
        "count",
        (
            CountStatement("three_public.overseas_groups", 1),
            CountStatement("three_public.reception_persons", 40),
            CountStatement("assets.stated_vehicle_count", 1),
        ),
    ),
    ("year", (YearStatement(2024), YearStatement(2023, relation=Relation.PRIOR))),
    ("date", (DateStatement("assets", datetime.date(2024, 12, 31)),)),
    # 国有资本经营预算: every figure blank; 车辆购置费: 0.00 spent of 0.00, the rest blank.
    (
        "none-part",
        (NoneStatement("fiscal.state_capital"), NoneStatement("three_public.vehicle_purchase")),
    ),
    # Tables as they are: 国有资本经营 blank (empty), 政府性基金 and “三公” with figures
    # (published); a table stated not published is not judged.
    (
        "table",
        (
            TableStatement(StandardTable.STATE_CAPITAL, EMPTY),
            TableStatement(StandardTable.GOVERNMENT_FUND, PUBLISHED),
            TableStatement(StandardTable.THREE_PUBLIC, PUBLISHED),
            TableStatement(StandardTable.INCOME, Presence.ABSENT),
        ),
    ),
    # One figure that is 0: an amount 0.00 and a count 0.
    (
        "none-figure",
        (
            NoneStatement("three_public.vehicle_purchase.amount"),
            NoneStatement("income.non_fiscal_balance_used"),
            NoneStatement("assets.large_equipment"),
        ),
    ),
    ("reason", (ReasonStatement(ITEM, PRIOR_YEAR, "人员减少"),)),
    # 22.00 against 20.00: up, and the reason tells a rise.
    (
        "reason-fits-direction",
        (
            ChangeStatement(OC, "2.00", prior=OC_PRIOR),
            DirectionStatement(OC, PRIOR_YEAR, "增加", to=OC_PRIOR),
            ReasonStatement(OC, PRIOR_YEAR, "会议增多"),
        ),
    ),
    # Words of both directions: the reason is not read.
    (
        "reason-of-both-directions",
        (
            ChangeStatement(OC, "2.00", prior=OC_PRIOR),
            ReasonStatement(OC, PRIOR_YEAR, "人员减少，但项目增加"),
        ),
    ),
]


@pytest.mark.parametrize(("label", "statements"), HOLDS, ids=[label for label, _ in HOLDS])
def test_consistent_statements_hold(label: str, statements: tuple[Statement, ...]) -> None:
    assert n_findings(stated(*statements)) == []


def test_about_level_threshold_is_an_option() -> None:
    # 160 − 165 = −5 is within 5 % of 165 (8.25) but not within 3 % (4.95).
    report = stated(DirectionStatement(GPB, Against.INITIAL_BUDGET, "基本持平", to=GPB_BUDGET))
    assert of("N908", report) == []
    options = CheckOptions(about_level_threshold=3)
    assert [f.path for f in of("N908", report, options)] == [GPB]


# -- N907: the basis of a comparison with a budget ----------------------------------------


def test_wrong_basis_is_one_finding_naming_both_bases() -> None:
    # 90.91 is the right rate, but on 2010601's 年初预算 110.00, not a 全年预算.
    report = stated(BudgetStatement(ITEM, ITEM_BUDGET, FULL_YEAR, EXECUTION, "90.91"))
    (finding,) = of("N907", report)
    assert finding.path == ITEM_BUDGET
    assert "全年预算" in finding.message_zh and "年初预算" in finding.message_zh
    assert "110.00" in finding.message_zh
    assert "full-year budget" in finding.message_en and "initial budget" in finding.message_en


def _with_full_year_budget(report: FinalAccount) -> FinalAccount:
    # 年初预算 110.00 (the basis of `budget`) and a 全年预算 of 125.00 beside it.
    budget = BudgetVariance(budget="110.00", other_basis_budget="125.00")
    return with_item_budget(report, budget)


def test_rate_that_fits_the_other_basis_is_named() -> None:
    # Stated as 完成年初预算的80.00%: 100 / 110 = 90.91 %, but 100 / 125 = 80.00 %
    # (on the intervals 99.995 / 125.005 = 79.9968 % to 100.005 / 124.995 = 80.0072 %).
    statement = BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, EXECUTION, "80.00")
    report = stated(statement, report=_with_full_year_budget(base_report()))
    (finding,) = of("N907", report)
    assert finding.path == ITEM
    assert (finding.expected, finding.actual) == (D("90.91"), D("80.00"))
    assert "全年预算 125.00" in finding.message_zh and "口径有误" in finding.message_zh
    assert "fits the full-year budget 125.00 instead: wrong basis" in finding.message_en


def test_rate_that_fits_neither_basis_is_not_called_a_wrong_basis() -> None:
    # 85.00 is neither 90.91 (of 110) nor 80.00 (of 125).
    statement = BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, EXECUTION, "85.00")
    report = stated(statement, report=_with_full_year_budget(base_report()))
    (finding,) = of("N907", report)
    assert "口径" not in finding.message_zh and "wrong basis" not in finding.message_en


def test_right_rate_with_another_basis_beside_it_holds() -> None:
    statement = BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, EXECUTION, "90.91")
    assert n_findings(stated(statement, report=_with_full_year_budget(base_report()))) == []


# -- N901, N902: what cannot be checked ---------------------------------------------------


def test_blank_figure_is_not_judged() -> None:
    report = stated(AmountStatement("fiscal.general_budget.prior.amount", "150.00"))
    (finding,) = n_findings(report)
    assert (finding.code, finding.severity) == ("N902", Severity.INFO)
    assert finding.path == "fiscal.general_budget.prior.amount"
    assert "fiscal.general_budget.prior.amount" in finding.message_zh


def test_direction_against_prior_year_without_a_change_is_not_judged() -> None:
    # 减少 against 上年: no `to`, and no change is stated for 2010601.
    report = stated(DirectionStatement(ITEM, PRIOR_YEAR, "减少"))
    (finding,) = n_findings(report)
    assert (finding.code, finding.path) == ("N902", ITEM)
    assert "上年" in finding.message_zh and "prior-year" in finding.message_en
    # With the change stated (100 against 105: −5.00), 减少 is judged and holds.
    report = stated(ChangeStatement(ITEM, "-5.00"), DirectionStatement(ITEM, PRIOR_YEAR, "减少"))
    assert n_findings(report) == []


def test_unknown_code_is_reported_at_the_nearest_part() -> None:
    address = "functions[2010699].general_budget.stated_expenditure"
    (finding,) = n_findings(stated(AmountStatement(address, "1.00")))
    assert (finding.code, finding.path) == ("N901", "functions")
    assert address in finding.message_zh and address in finding.message_en
    assert "2010699" in finding.message_en


def test_unknown_field_under_a_line_is_reported_at_the_line_part() -> None:
    address = "functions[2010601].general_budget.prior.amont"
    (finding,) = n_findings(stated(ChangeStatement(address, "-5.00")))
    assert (finding.code, finding.path) == ("N901", "functions[2010601].general_budget.prior")


def test_part_is_named_but_not_called_blank() -> None:
    # income.sources is a part: N901 says so; N902 must not call it a blank figure.
    findings = n_findings(stated(AmountStatement("income.sources", "163.00")))
    assert [(f.code, f.path) for f in findings] == [("N901", "income.sources")]


def test_parts_are_allowed_for_none_and_date_statements() -> None:
    report = stated(
        NoneStatement("fiscal.state_capital"), DateStatement("assets", datetime.date(2024, 12, 31))
    )
    assert n_findings(report) == []


# -- N912: tables stated empty or published ---------------------------------------------------


def test_a_table_stated_empty_names_its_first_figure_and_counts_the_rest() -> None:
    statement = TableStatement(
        StandardTable.GOVERNMENT_FUND, EMPTY, place=Place(section="八", sentence=1)
    )
    (finding,) = n_findings(stated(statement))
    assert (finding.code, finding.severity) == ("N912", Severity.ERROR)
    assert (finding.path, finding.actual, finding.statement) == (
        "fiscal.government_fund.income",
        D("8.00"),
        0,
    )
    assert finding.message_zh == (
        "情况说明八第1句称政府性基金预算财政拨款收入支出决算表为空表，但报表列示"
        " fiscal.government_fund.income（政府性基金预算财政拨款 本年收入）8.00 等 12 项"
    )
    assert "fiscal.government_fund.income" in finding.message_en
    assert "government_fund" in finding.message_en and "11 more" in finding.message_en
    # The other eleven: the fund's 项目支出 and 本年支出合计, then the three lines' three each.
    assert len(finding.related) == 11
    assert finding.related[:2] == (
        "fiscal.government_fund.project",
        "fiscal.government_fund.stated_expenditure",
    )
    assert "functions[2120801].government_fund.stated_expenditure" in finding.related


def test_a_table_stated_published_but_blank_is_a_warning() -> None:
    statement = TableStatement(StandardTable.STATE_CAPITAL, PUBLISHED)
    (finding,) = n_findings(stated(statement))
    assert (finding.code, finding.severity, finding.path) == (
        "N912",
        Severity.WARNING,
        "fiscal.state_capital",
    )
    assert finding.message_zh == (
        "情况说明称公开国有资本经营预算财政拨款收入支出决算表，但该表各项金额均为空"
    )
    assert "is published, but every amount of it is blank" in finding.message_en


def test_a_printed_zero_is_not_blank() -> None:
    # The 国有资本经营 table printed with 0.00 in every cell: published, and empty too.
    zeros = FundAmounts(
        opening="0.00",
        income="0.00",
        basic="0.00",
        project="0.00",
        stated_expenditure="0.00",
        closing="0.00",
    )
    report = evolve_path(base_report(), "fiscal.state_capital", zeros)
    for presence in (PUBLISHED, EMPTY):
        statement = TableStatement(StandardTable.STATE_CAPITAL, presence)
        assert n_findings(stated(statement, report=report)) == []


def test_a_comparison_is_not_a_cell_of_a_fund_table() -> None:
    # 一般公共预算: prior-year change 10.00 and 年初预算 165.00 are the narrative's, and the
    # table prints only 本年支出: with those and 年初结转和结余 12.00 left, it is empty.
    kept = FundAmounts(
        opening="12.00",
        basic="0.00",
        prior=base_report().fiscal.general_budget.prior,
        budget=base_report().fiscal.general_budget.budget,
    )
    report = evolve_path(base_report(), "functions", FunctionTree())
    report = evolve_path(report, "fiscal.general_budget", kept)
    statement = TableStatement(StandardTable.GENERAL_BUDGET, EMPTY)
    assert n_findings(stated(statement, report=report)) == []
    # The “三公” table prints 预算数: 因公出国（境）费's 决算数 2.00 and 预算数 3.00 come first.
    three_public = table_figures(base_report(), StandardTable.THREE_PUBLIC)
    assert [f.address for f in three_public[:3]] == [
        "three_public.overseas.amount",
        "three_public.overseas.budget.budget",
        "three_public.vehicle_purchase.amount",
    ]


def test_the_general_budget_table_is_its_fund_s_expenditure() -> None:
    # The fund's 基本支出, 项目支出 and 本年支出合计, then the same three of each of the
    # ten lines with a 一般公共预算 row (201, 20106, 2010601, 2010602, 208, 20805,
    # 2080505, 221, 22102, 2210201): 3 + 30.
    found = table_figures(base_report(), StandardTable.GENERAL_BUDGET)
    assert len(found) == 33
    assert [f.address for f in found[:4]] == [
        "fiscal.general_budget.basic",
        "fiscal.general_budget.project",
        "fiscal.general_budget.stated_expenditure",
        "functions[201].general_budget.basic",
    ]
    columns = {f.address.rsplit(".", 1)[1] for f in found}
    assert columns == {"basic", "project", "stated_expenditure"}


def test_table_statements_name_parts_and_are_never_not_checkable() -> None:
    # Every table's parts resolve, in the base report and in one that publishes nothing.
    empty = FinalAccount(unit=base_report().unit)
    statements = tuple(TableStatement(table, PUBLISHED) for table in StandardTable)
    for report in (base_report(), empty):
        codes = {f.code for f in n_findings(stated(*statements, report=report))}
        assert codes <= {"N912"}


# -- exact mode ----------------------------------------------------------------------------


def test_exact_mode_judges_a_restated_amount_exactly() -> None:
    # 22.003 is within 0.0005 + 0.005 of 22.00 when rounded, 0.003 off when exact.
    report = stated(AmountStatement(OC, "22.003"), AmountStatement(OC, "22.0"))
    assert n_findings(report) == []
    (finding,) = n_findings(report, EXACT)
    assert (finding.code, finding.path, finding.statement) == ("N903", OC, 0)
    assert (finding.expected, finding.actual, finding.tolerance) == (D("22.00"), D("22.003"), D(0))


def test_exact_mode_rounds_a_share_half_up() -> None:
    # 0.50 / 4.00 = 12.5 % exactly: half-up at whole percents is 13, never 12.
    # Rounded, the share lies in [12.36 %, 12.64 %], which rounds to 12 or 13.
    report = stated(ShareStatement(RECEPTION, TP, "13"), ShareStatement(RECEPTION, TP, "12"))
    assert n_findings(report) == []
    assert [(f.code, f.statement) for f in n_findings(report, EXACT)] == [("N904", 1)]


def test_exact_mode_judges_a_stated_change_exactly() -> None:
    # An unrounded prior 19.996: 22.00 − 19.996 = 2.004. Stated 2.00, the change is within
    # rounding (0.004 < 0.005 + 0.005 + 0.0005), but exactly it is 0.004 off.
    report = evolve_path(base_report(), OC_PRIOR, "19.996")
    report = stated(ChangeStatement(OC, "2.00", prior=OC_PRIOR), report=report)
    assert of("N905", report) == []
    (finding,) = of("N905", report, EXACT)
    assert (finding.expected, finding.actual, finding.tolerance) == (D("2.004"), D("2.00"), D(0))


def test_exact_mode_judges_a_direction_from_a_stated_change_exactly() -> None:
    # A stated change 0.00: rounded, it may stand for a change up to 0.005, so 增加 holds;
    # exactly it is no change at all.
    report = stated(ChangeStatement(GPB, "0.00"), DirectionStatement(GPB, PRIOR_YEAR, "增加"))
    assert of("N908", report) == []
    assert [f.path for f in of("N908", report, EXACT)] == [GPB]


# -- direction words at the edges ----------------------------------------------------------


def test_level_needs_figures_that_can_be_equal() -> None:
    # 22.00 stands for [21.995, 22.005) and 21.99 for [21.985, 21.995): never equal, so
    # 持平 is wrong (the difference 0.01 is not below the tolerance 0.01) and 增加 is right.
    report = evolve_path(base_report(), OC_PRIOR, "21.99")
    level = DirectionStatement(OC, PRIOR_YEAR, "持平", to=OC_PRIOR)
    (finding,) = of("N908", stated(level, report=report))
    assert finding.path == OC and "实为增加" in finding.message_zh
    assert (
        of("N908", stated(DirectionStatement(OC, PRIOR_YEAR, "增加", to=OC_PRIOR), report=report))
        == []
    )
    # 21.995 stands for [21.9945, 21.9955), which meets [21.995, 22.005): 持平 holds.
    report = evolve_path(base_report(), OC_PRIOR, "21.995")
    assert of("N908", stated(level, report=report)) == []


def test_about_level_is_judged_against_the_prior_year_figure() -> None:
    # Without `to`, the figure compared with is the prior year's: 100 − change.
    # Change −5.20: prior 105.20, 5 % of it 5.26 ≥ 5.205 (5.20 and its rounding): about level.
    down = stated(ChangeStatement(ITEM, "-5.20"), DirectionStatement(ITEM, PRIOR_YEAR, "基本持平"))
    assert of("N908", down) == []
    # Change 4.90: prior 95.10, 5 % of it 4.755 < 4.895: not about level (against this year's
    # 100 it would be, 4.895 ≤ 5).
    up = stated(ChangeStatement(ITEM, "4.90"), DirectionStatement(ITEM, PRIOR_YEAR, "基本持平"))
    assert [f.path for f in of("N908", up)] == [ITEM]


# -- where a finding is --------------------------------------------------------------------


def test_findings_carry_the_statement_index() -> None:
    report = stated(
        YearStatement(2024),
        AmountStatement(INCOME, "164.00"),  # 163.00: wrong
        CountStatement("three_public.overseas_groups", 1),
        DateStatement("assets", datetime.date(2024, 6, 30)),  # not the year's end: wrong
        ShareStatement(GENERAL, INCOME, "93.02"),  # 92.02: wrong
    )
    found = sorted((f.statement, f.code) for f in n_findings(report))
    assert found == [(1, "N903"), (3, "N910"), (4, "N904")]
    # Findings of other rules are about no statement.
    others = [
        f for f in check(evolve_path(report, "procurement.goods", "11.00")) if f.code[:2] != "N9"
    ]
    assert others and all(f.statement is None for f in others)


def test_the_message_names_the_place() -> None:
    place = Place(section="五（二）", sentence=1, page=3)
    report = stated(AmountStatement(INCOME, "164.00", place=place))
    (finding,) = n_findings(report)
    assert "情况说明（第3页）五（二）第1句" in finding.message_zh
    assert "the narrative (p.3) 五（二）, sentence 1" in finding.message_en


def _failing_reports() -> list[FinalAccount]:
    reports = [case.mutate(base_report()) for case in CASES]
    reports.append(stated(*(s for case in CASES for s in case.mutate(base_report()).statements)))
    reports.append(
        stated(
            BudgetStatement(ITEM, ITEM_BUDGET, INITIAL, EXECUTION, "80.00"),
            report=_with_full_year_budget(base_report()),
        )
    )
    return reports


@pytest.mark.parametrize("report", _failing_reports())
def test_every_address_of_every_finding_resolves(report: FinalAccount) -> None:
    findings = n_findings(report)
    assert findings
    for finding in findings:
        assert finding.statement is not None
        assert 0 <= finding.statement < len(report.statements)
        for address in (finding.path, *finding.related):
            resolve(report, address)  # raises AddressError if it names nothing
