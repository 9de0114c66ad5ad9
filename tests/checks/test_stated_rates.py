"""The rates a narrative states, as statements: N906 (增长率), N907 (差异率, 执行率), N904 (shares).

Up to data format 2 these rates were keys of the facts, checked by R701, R703,
R704 and O607 (retired). The cases below are theirs, now stated: the base
report's statements (``tests/checks/base.py``, :func:`base_statements`) and the
seed's, each broken by one value. Every expected range comes from the interval
arithmetic in the comments.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import (
    BudgetStatement,
    BudgetVariance,
    FinalAccount,
    GrowthStatement,
    Measure,
    PriorYear,
    ShareStatement,
    Statement,
)
from govfinal.checks import RETIRED, RULES, CheckOptions, check
from govfinal.checks.registry import Rule, RuleRegistry, retired
from tests.checks.base import ITEM, base_report
from tests.checks.cases import Case, assert_fires, evolve_path, findings_of
from tests.checks.test_rules_comparatives import set_at

D = Decimal
EXACT = CheckOptions(exact=True)
Mutation = Callable[[FinalAccount], FinalAccount]

VARIANCE, EXECUTION = Measure.VARIANCE, Measure.EXECUTION
SME, SMALL_MICRO = "procurement.sme_contracts", "procurement.small_micro_contracts"


def _kind(about: str, measure: Measure | None) -> str:
    """The kind of rate about ``about``: budget with a measure, else share or growth."""
    if measure is not None:
        return "budget"
    return "share" if about in (SME, SMALL_MICRO) else "growth"


def _matching(report: FinalAccount, about: str, measure: Measure | None) -> list[Statement]:
    kind = _kind(about, measure)
    return [
        s
        for s in report.statements
        if kind == s.KIND
        and getattr(s, "about", None) == about
        and getattr(s, "measure", None) is measure
    ]


def restate(
    report: FinalAccount, about: str, value: str, measure: Measure | None = None
) -> FinalAccount:
    """``report`` with its growth rate (or share, or budget rate of ``measure``) about ``about``
    stated as ``value``; exactly one statement states it."""
    (found,) = _matching(report, about, measure)
    statements = tuple(attrs.evolve(s, value=value) if s is found else s for s in report.statements)
    return attrs.evolve(report, statements=statements)


def restating(about: str, value: str, measure: Measure | None = None) -> Mutation:
    return lambda report: restate(report, about, value, measure)


def stated_value(report: FinalAccount, about: str, measure: Measure | None = None) -> Decimal:
    (found,) = _matching(report, about, measure)
    assert isinstance(found, (GrowthStatement, BudgetStatement, ShareStatement))
    return found.value


def paths_of(code: str, report: FinalAccount, options: CheckOptions | None = None) -> list[str]:
    return findings_of(code, check(report, options=options))


GT, FISCAL, GPB = (
    "income.grand_total",
    "fiscal.income_grand_total",
    "fiscal.general_budget.expenditure",
)
TP, OC = "three_public.total.amount", "operating_costs.amount"

CASES = [
    # 收入支出总计 178 against 170: 8/170 = 4.71 %, the operands allow 4.70 to 4.71 (formerly R701).
    Case("N906", "grand-total", restating(GT, "5.71"), GT),
    # 财政拨款收入总计 170 against 172: −2/172 = −1.16 %.
    Case("N906", "fiscal", restating(FISCAL, "-2.16"), FISCAL),
    # 一般公共预算财政拨款支出 160 against 150: 10/150 = 6.67 %.
    Case("N906", "fund", restating(GPB, "7.67"), GPB),
    # 2010601: 100 against 105: −5/105 = −4.76 %.
    Case("N906", "item", restating(ITEM, "-5.76"), ITEM),
    # 三公 4 against 5: −20.00 %.
    Case("N906", "three-public", restating(TP, "-21.00"), TP),
    # 机关运行经费 22 against a published 20: 10.00 %, the operands allow 9.95 to 10.05.
    Case("N906", "operating-costs", restating(OC, "11.00"), OC),
    # (160 − 165)/165 = −3.03 % (formerly R703).
    Case("N907", "fund-variance", restating(GPB, "-4.03", VARIANCE), GPB),
    # (168 − 175)/175 = −4.00 %.
    Case(
        "N907",
        "fiscal-variance",
        restating("fiscal.expenditure", "-5.00", VARIANCE),
        "fiscal.expenditure",
    ),
    # (4 − 6)/6 = −33.33 %.
    Case("N907", "three-public-variance", restating(TP, "-34.33", VARIANCE), TP),
    # 2010601: (100 − 110)/110 = −9.09 %.
    Case("N907", "item-variance", restating(ITEM, "-10.09", VARIANCE), ITEM),
    # 2010601: 100/110 = 90.91 % (formerly R704).
    Case("N907", "item-execution", restating(ITEM, "91.91", EXECUTION), ITEM),
    # 中小企业 35 of 40 = 87.50 %, 小微企业 20 of 40 = 50.00 % (formerly O607).
    Case("N904", "sme", restating(SME, "88.50"), SME),
    Case("N904", "small-micro", restating(SMALL_MICRO, "49.00"), SMALL_MICRO),
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_rule_fires(case: Case) -> None:
    assert_fires(case)


@pytest.mark.parametrize("code", ["N904", "N906", "N907"])
def test_rules_hold_on_the_base_report_and_the_seed(code: str) -> None:
    assert paths_of(code, base_report()) == []
    assert paths_of(code, base_report(), EXACT) == []
    assert paths_of(code, build_report()) == []


# -- the messages: the stated rate, the rate computed and its interval ----------------------


def test_growth_message_names_the_place_the_rates_and_the_interval() -> None:
    # From the change 8.00 (7.995 to 8.005) and 178.00 (177.995 to 178.005), the prior is
    # current − change: 7.995 / 170.01 = 4.7027 % to 8.005 / 169.99 = 4.7091 %.
    (finding,) = [f for f in check(restate(base_report(), GT, "5.71")) if f.code == "N906"]
    assert (finding.expected, finding.actual) == (D("4.71"), D("5.71"))
    assert "情况说明一" in finding.message_zh
    assert "5.71%" in finding.message_zh and "4.71%" in finding.message_zh
    assert "4.70%" in finding.message_zh  # the interval's low end
    assert "5.71%" in finding.message_en and "4.71%" in finding.message_en


def test_growth_from_a_published_change_takes_the_change_once() -> None:
    # Read as two independent figures, the prior 170.00 ± 0.01 and 178.00 ± 0.005 would allow
    # (178.005 − 169.99) / 169.99 = 4.7150 %, and 4.72; but the prior is 178 − 8: the rate is
    # change ÷ (current − change), at most 4.7091 % (above), so 4.72 is wrong.
    assert paths_of("N906", restate(base_report(), GT, "4.72")) == [GT]


def test_budget_message_names_the_basis_and_the_rate() -> None:
    (finding,) = [
        f for f in check(restate(base_report(), ITEM, "91.91", EXECUTION)) if f.code == "N907"
    ]
    assert (finding.expected, finding.actual) == (D("90.91"), D("91.91"))
    assert "年初预算执行率" in finding.message_zh and "91.91%" in finding.message_zh
    assert "110.00" in finding.message_zh and "90.91%" in finding.message_zh


def test_share_message_names_the_part_and_the_whole() -> None:
    (finding,) = [f for f in check(restate(base_report(), SME, "88.50")) if f.code == "N904"]
    assert (finding.expected, finding.actual) == (D("87.50"), D("88.50"))
    assert "35.00" in finding.message_zh and "40.00" in finding.message_zh


def test_a_variance_that_fits_the_other_basis_is_named() -> None:
    # 2010601's 年初预算 110.00 with a 全年预算 of 125.00 beside it: stated as 差异率 −20.00 %
    # against the 年初预算, it is (100 − 125) / 125 = −20.00 % of the 全年预算 (on the intervals
    # (99.995 − 125.005) / 125.005 = −20.0072 % to (100.005 − 124.995) / 124.995 = −19.9928 %),
    # not (100 − 110) / 110 = −9.09 %.
    budget = BudgetVariance(budget="110.00", reason="节约开支", other_basis_budget="125.00")
    report = set_at(base_report(), "functions[2010601].general_budget.budget", budget)
    report = restate(report, ITEM, "-20.00", VARIANCE)
    (finding,) = [f for f in check(report) if f.code == "N907"]
    assert (finding.expected, finding.actual) == (D("-9.09"), D("-20.00"))
    assert "全年预算 125.00" in finding.message_zh and "口径有误" in finding.message_zh
    assert "wrong basis" in finding.message_en
    # −15.00 fits neither basis: no word of a basis.
    report = restate(report, ITEM, "-15.00", VARIANCE)
    (finding,) = [f for f in check(report) if f.code == "N907"]
    assert "口径" not in finding.message_zh


# -- the seed's stated rates ------------------------------------------------------------------


def _five_points_off_fires(
    code: str, seed: FinalAccount, about: str, stated: str, measure: Measure | None = None
) -> None:
    """The rule does look at the figure: five points off fires.

    On a 三公 line, 0.00 against 0.00 (base and change both 0.00) only fires in
    exact mode: rounded, they may stand for 0.004 and 0.0042, which is 5 %.
    """
    off = restate(seed, about, str(D(stated) + 5), measure)
    assert about in paths_of(code, off, EXACT)
    zero_to_zero = about.startswith("three_public.")
    assert (about in paths_of(code, off)) is not zero_to_zero


SEED_GROWTHS = [
    ("income.grand_total", "-19.69"),  # −14.45 of 58.95 + 14.45 = 73.40
    ("fiscal.income_grand_total", "-19.77"),  # −14.45 of 58.64 + 14.45 = 73.09
    ("fiscal.general_budget.expenditure", "-15.57"),  # −10.81 of 69.45
    ("functions[2060101].general_budget.expenditure", "-10.87"),  # −6.47 of 59.51
    ("functions[2080505].general_budget.expenditure", "-47.41"),  # −4.03 of 8.50
    ("functions[2060799].general_budget.expenditure", "100"),  # from 0 to 1.13
    ("functions[2060199].general_budget.expenditure", "-100"),  # from 1.44 to 0.00
    ("operating_costs.amount", "119.82"),  # 2.72 of 2.27
    ("three_public.total.amount", "0.00"),  # from 0 to 0
    ("three_public.overseas.amount", "0.00"),
    ("three_public.vehicles.amount", "0.00"),
    ("three_public.reception.amount", "0.00"),
]


@pytest.mark.parametrize(("about", "stated"), SEED_GROWTHS, ids=[a for a, _ in SEED_GROWTHS])
def test_seed_growth_holds(about: str, stated: str) -> None:
    seed = build_report()
    assert stated_value(seed, about) == D(stated)
    assert about not in paths_of("N906", seed)
    assert about not in paths_of("N906", seed, EXACT)
    _five_points_off_fires("N906", seed, about, stated)


SEED_VARIANCES = [
    ("fiscal.expenditure", "-39.18"),  # (58.64 − 96.41)/96.41
    ("fiscal.general_budget.expenditure", "-39.18"),
    ("three_public.total.amount", "0.00"),  # zero budget, zero final
    ("three_public.overseas.amount", "0.00"),
    ("three_public.vehicle_purchase.amount", "0.00"),
    ("three_public.vehicle_operation.amount", "0.00"),
    ("three_public.reception.amount", "0.00"),
]


@pytest.mark.parametrize(("about", "stated"), SEED_VARIANCES, ids=[a for a, _ in SEED_VARIANCES])
def test_seed_variance_holds(about: str, stated: str) -> None:
    seed = build_report()
    assert stated_value(seed, about, VARIANCE) == D(stated)
    assert about not in paths_of("N907", seed)
    assert about not in paths_of("N907", seed, EXACT)
    _five_points_off_fires("N907", seed, about, stated, VARIANCE)


def test_one_hundredth_off_fires_when_the_operands_cannot_explain_it() -> None:
    # 收入总计 58.95 (58.945–58.955), 增减额 −14.45 (−14.455 to −14.445):
    # growth = change / (current − change) ranges from −14.455/73.40 = −19.6935 %
    # to −14.445/73.40 = −19.6798 %. −19.70 needs a value ≤ −19.695: none is in range.
    report = restate(build_report(), GT, "-19.70")
    (finding,) = [f for f in check(report) if f.code == "N906"]
    assert finding.path == GT
    assert finding.expected == D("-19.69")
    assert "-19.70%" in finding.message_zh and "-19.70%" in finding.message_en


def test_one_hundredth_off_within_the_operands_range_holds() -> None:
    # −19.68 stands for (−19.685, −19.675]; −19.6798 % is in it: rounding explains it.
    report = restate(build_report(), GT, "-19.68")
    assert paths_of("N906", report) == []
    # Exactly, the growth is −14.45/73.40 = −19.6866 % → −19.69: −19.68 is wrong.
    assert paths_of("N906", report, EXACT) == [GT]


def test_one_hundredth_off_on_large_amounts() -> None:
    # 11000.00 against a published 10000.00: growth 10.00 %, and the operands allow
    # (10999.995 − 10000.005)/10000.005 = 9.99989 % to 1000.01/9999.995 = 10.00011 %.
    # 10.01 needs at least 10.005 %: it fires; 10.00 holds.
    report = set_at(base_report(), "operating_costs.amount", "11000.00")
    report = set_at(report, "operating_costs.prior", PriorYear(amount="10000.00"))
    assert paths_of("N906", restate(report, OC, "10.01")) == [OC]
    assert paths_of("N906", restate(report, OC, "10.00")) == []


def test_zero_base_growth_must_be_100() -> None:
    about = "functions[2060799].general_budget.expenditure"
    (finding,) = [f for f in check(restate(build_report(), about, "50")) if f.code == "N906"]
    assert finding.path == about
    assert finding.expected == D(100)


def test_tiny_prior_published_as_zero() -> None:
    # 1.00 against a published 0.00: the convention reads 100 %, but a true prior of
    # 0.0001 gives 999 900 %. Any prior in (0, 0.005) gives at least
    # (1.00 − 0.01)/0.005 × 100 = 19 800 %: 999 900 % is rounding, 19 000 % is not.
    report = set_at(base_report(), "operating_costs.amount", "1.00")
    report = set_at(report, "operating_costs.prior", PriorYear(amount="0.00"))
    assert paths_of("N906", restate(report, OC, "999900.00")) == []
    assert paths_of("N906", restate(report, OC, "999900.00"), EXACT) == [OC]
    assert paths_of("N906", restate(report, OC, "19000.00")) == [OC]
    assert paths_of("N906", restate(report, OC, "100.00")) == []


def test_growth_needs_an_amount_or_a_change() -> None:
    report = set_at(base_report(), "grand_total_prior", PriorYear())
    assert paths_of("N906", restate(report, GT, "99.00")) == []


def test_growth_uses_the_published_prior_amount() -> None:
    # 22 against 20 is 10.00 %; the (wrong) change 3.00 would make it 3/19 = 15.79 %.
    report = set_at(base_report(), "operating_costs.prior.change", "3.00")
    assert paths_of("N906", report) == []
    assert paths_of("R702", report) == ["operating_costs.prior.change"]


def test_a_growth_statement_without_prior_uses_the_published_prior_amount() -> None:
    # The same with the statement naming no prior: the figure's own 上年决算数 20.00.
    statements = tuple(
        attrs.evolve(s, prior=None) if isinstance(s, GrowthStatement) and s.about == OC else s
        for s in base_report().statements
    )
    report = evolve_path(base_report(), "statements", statements)
    assert paths_of("N906", report) == []
    assert paths_of("N906", restate(report, OC, "11.00")) == [OC]


def test_blank_budget_is_not_judged() -> None:
    report = set_at(base_report(), "functions[2010601].general_budget.budget.budget", None)
    assert paths_of("N907", report) == []
    blank = "functions[2010601].general_budget.budget.budget"
    notes = [f for f in check(report) if f.code == "N902"]
    assert [f.path for f in notes] == [ITEM, ITEM]  # its 差异率 and its 执行率
    assert all(blank in f.message_zh for f in notes)


# -- the shares of the 政府采购 contracts (formerly O607) ----------------------------------


def test_procurement_shares_of_a_derived_total_hold() -> None:
    # Without 政府采购支出总额, the total is 10 + 0 + 30 = 40 derived: the shares still hold.
    report = set_at(base_report(), "procurement.stated_total", None)
    assert paths_of("N904", report) == []
    assert paths_of("N904", restate(report, SME, "88.50")) == [SME]


def test_procurement_zero_share_of_zero_total_holds() -> None:
    # The seed: 0.00 of 0.00 is 0.00 % (zero base).
    seed = build_report()
    assert stated_value(seed, SME) == D("0.00")
    assert paths_of("N904", seed) == []
    # 1.00 % fires in exact mode only: rounded, 0.00 of 0.00 may be 0.0001 of 0.004 (2.5 %).
    report = restate(seed, SME, "1.00")
    assert paths_of("N904", report) == []
    assert paths_of("N904", report, EXACT) == [SME]
    # Of a total of 40.00, contracts of 0.00 are 0.00 %, however rounded: 87.50 % fires.
    report = set_at(base_report(), SME, "0.00")
    report = set_at(report, SMALL_MICRO, "0.00")
    report = restate(report, SMALL_MICRO, "0.00")
    assert paths_of("N904", report) == [SME]


def test_procurement_share_message() -> None:
    (finding,) = [f for f in check(restate(base_report(), SME, "88.50")) if f.code == "N904"]
    assert finding.expected == D("87.50")
    assert "88.50%" in finding.message_zh and "87.50%" in finding.message_zh
    assert "procurement.stated_total" in finding.related


# -- the retired codes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "replaced_by"),
    [
        ("R701", "stated-growth", "N906"),
        ("R703", "stated-variance", "N907"),
        ("R704", "stated-execution", "N907"),
        ("O607", "procurement-stated-shares", "N904"),
    ],
)
def test_retired_rules_name_their_replacement(code: str, name: str, replaced_by: str) -> None:
    assert code not in RULES and name not in [rule.name for rule in RULES.values()]
    assert RETIRED[code].replaced_by == replaced_by and replaced_by in RULES
    assert retired(code) is RETIRED[code] and retired(name) is RETIRED[code]
    assert "format 3" in RETIRED[code].note


def test_a_retired_code_or_name_is_not_registered_again() -> None:
    registry = RuleRegistry()
    template = RULES["N906"]
    with pytest.raises(ValueError, match="retired"):
        registry.add(attrs.evolve(template, code="R701", name="a-new-rule"))
    with pytest.raises(ValueError, match="retired"):
        registry.add(attrs.evolve(template, code="R799", name="stated-growth"))
    registry.add(attrs.evolve(template, code="R799", name="a-new-rule"))
    assert isinstance(registry["R799"], Rule)
    assert retired("N906") is None
