"""The statements a report's narrative makes, computed from its facts.

:func:`derive_statements` gives, for the figures a report holds, what the
standard narrative (情况说明) states of them: the totals restated, the shares
of the income sources, of 基本/项目 支出, of 一般公共预算财政拨款 in 本年支出
and of each 类 in it, the changes and growth rates over the prior year, the
execution rates against the budgets, the direction of each comparison, and the
report's year. Amounts and percentages are rounded half-up at the published
precision (:func:`~govfinal.money.round_amount`,
:func:`~govfinal.money.round_percent`), so that a report whose narrative is
derived from its facts checks clean (rules N9xx) by construction.

Invariants:

* Only what the facts hold is stated: a share of a blank figure, a growth rate
  without a prior-year figure or a budget rate without a budget is not derived.
* Every address a derived statement names resolves in the report.
* The statements come in the order of the standard narrative's sections.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govfinal import ratios
from govfinal.checks.figures import EXPENDITURE, INCOME, Figures, Site
from govfinal.checks.tolerance import Term
from govfinal.model.comparatives import BudgetBasis
from govfinal.model.funds import FundType
from govfinal.model.report import FinalAccount
from govfinal.model.statements import (
    Against,
    AmountStatement,
    BudgetStatement,
    ChangeStatement,
    DirectionStatement,
    GrowthStatement,
    Measure,
    Place,
    ShareStatement,
    Statement,
    YearStatement,
)
from govfinal.money import round_amount, round_percent

__all__ = [
    "amount_statement",
    "budget_statements",
    "derive_statements",
    "prior_year_statements",
    "section_of",
    "share_statement",
]

_INCOME_SOURCES = INCOME.parts
"""The 收入决算表's sources (财政拨款 combined), as the narrative lists them."""
_NATURES = EXPENDITURE.parts
"""The 支出决算表's natures (基本支出, 项目支出, …), as the narrative lists them."""


def derive_statements(report: FinalAccount) -> tuple[Statement, ...]:
    """The standard narrative's statements of ``report``, computed from its facts.

    >>> import govfinal
    >>> report = govfinal.load("examples/data/kexie_2023.toml")
    >>> stated = govfinal.derive_statements(report)
    >>> next(s for s in stated if s.KIND == "share" and s.about == "expenditure.nature.basic").value
    Decimal('98.08')
    """
    figures = Figures(report)
    return tuple(_statements(report, figures))


def _statements(report: FinalAccount, figures: Figures) -> Iterator[Statement]:
    yield YearStatement(report.unit.fiscal_year, place=Place(section="一"))
    yield from _amounts(figures, "一", ["income.grand_total"])
    yield from _parts(
        "二",
        figures,
        "income.sources.total",
        [f"income.sources.{name}" for name in _INCOME_SOURCES],
    )
    yield from _parts(
        "三",
        figures,
        "expenditure.nature.total",
        [f"expenditure.nature.{name}" for name in _NATURES],
    )
    yield from _amounts(figures, "四", ["fiscal.income_grand_total"])
    general_address, whole_address = "fiscal.general_budget.expenditure", "expenditure.nature.total"
    general, whole = figures.at(general_address), figures.at(whole_address)
    if general is not None:
        yield from _amounts(figures, "五（一）", [general_address])
        if whole is not None:
            yield from _share(general_address, general, whole_address, whole, "五（一）")
        classes = [
            f"functions[{line.code}].general_budget.expenditure"
            for line in report.functions.classes()
        ]
        yield from _parts("五（二）", figures, "fiscal.general_budget.expenditure", classes)
    for site in figures.sites():
        yield from _comparatives(figures, site)
    yield from _amounts(
        figures,
        "六",
        [
            "general_budget_basic.total",
            "general_budget_basic.personnel",
            "general_budget_basic.public",
        ],
    )


def _amounts(figures: Figures, section: str, addresses: list[str]) -> Iterator[Statement]:
    """Each published figure of ``addresses`` restated."""
    for address in addresses:
        statement = amount_statement(figures, address, Place(section=section))
        if statement is not None:
            yield statement


def amount_statement(figures: Figures, address: str, place: Place) -> AmountStatement | None:
    """The figure at ``address`` restated, rounded half-up; ``None`` when it is blank."""
    term = figures.at(address)
    return None if term is None else AmountStatement(address, round_amount(term.value), place=place)


def share_statement(
    figures: Figures, part: str, whole: str, place: Place, *, like: Decimal | None = None
) -> ShareStatement | None:
    """The share of ``part`` in ``whole`` (占比); ``None`` when either is blank or the whole is 0.

    ``like`` is the share as the report states it, whose precision the value takes.
    """
    part_term, whole_term = figures.at(part), figures.at(whole)
    if part_term is None or whole_term is None or whole_term.value.is_zero():
        return None
    value = round_percent(ratios.share_of(part_term.value, whole_term.value), like=like)
    return ShareStatement(part, whole, value, place=place)


def _share(
    part_address: str, part: Term, whole_address: str, whole: Term, section: str
) -> Iterator[Statement]:
    if whole.value.is_zero():
        return
    value = round_percent(ratios.share_of(part.value, whole.value))
    yield ShareStatement(part_address, whole_address, value, place=Place(section=section))


def _parts(
    section: str, figures: Figures, whole_address: str, addresses: list[str]
) -> Iterator[Statement]:
    """The whole restated, then each published part with its share of the whole."""
    whole = figures.at(whole_address)
    if whole is None:
        return
    yield from _amounts(figures, section, [whole_address])
    for address in addresses:
        part = figures.at(address)
        if part is None or part.value.is_zero():
            continue
        yield from _amounts(figures, section, [address])
        yield from _share(address, part, whole_address, whole, section)


def _comparatives(figures: Figures, site: Site) -> Iterator[Statement]:
    """A site's change and growth over the prior year, and its rate against its budget."""
    place = Place(section=section_of(site))
    yield from prior_year_statements(site, place)
    yield from budget_statements(site, place)


def prior_year_statements(
    site: Site, place: Place, *, like: Decimal | None = None
) -> tuple[ChangeStatement, DirectionStatement, GrowthStatement] | tuple[()]:
    """Change, direction and growth of a site over the prior year (与上年相比).

    From the prior-year amount, else from the change the report publishes
    (prior = current − change); empty when the site has neither or no
    current figure. ``like`` is the growth rate as the report states it.
    """
    current = site.current
    if current is None or site.prior is None:
        return ()
    about = site.address
    amount = site.prior.amount
    if amount is not None:
        prior_address: str | None = f"{site.prior_path}.amount"
        change = round_amount(ratios.change_of(amount, current.value))
        growth = ratios.growth_of(amount, current.value)
    elif site.prior.change is not None:  # published as a change: prior = current − change
        prior_address, change = None, site.prior.change
        growth = ratios.growth_from_change_of(current.value, change)
    else:
        return ()
    return (
        ChangeStatement(about, change, prior=prior_address, place=place),
        DirectionStatement(about, Against.PRIOR_YEAR, _word(change), to=prior_address, place=place),
        GrowthStatement(about, round_percent(growth, like=like), prior=prior_address, place=place),
    )


def budget_statements(
    site: Site,
    place: Place,
    *,
    measure: Measure = Measure.EXECUTION,
    like: Decimal | None = None,
) -> tuple[AmountStatement, DirectionStatement, BudgetStatement] | tuple[()]:
    """The budget of a site, the direction against it and its rate on the budget's basis.

    The rate is the 执行率 or the 预决算差异率 (``measure``). Empty when the
    site has no current figure or no nonzero budget. ``like`` is the rate as
    the report states it.
    """
    current, budget = site.current, site.budget
    if current is None or budget is None or budget.budget is None or budget.budget.is_zero():
        return ()
    address = f"{site.budget_path}.budget"
    against = (
        Against.INITIAL_BUDGET if budget.basis is BudgetBasis.INITIAL else Against.FULL_YEAR_BUDGET
    )
    rate = (
        ratios.execution_rate_of(budget.budget, current.value)
        if measure is Measure.EXECUTION
        else ratios.budget_variance_of(budget.budget, current.value)
    )
    return (
        AmountStatement(address, budget.budget, place=place),
        DirectionStatement(
            site.address,
            against,
            _comparison_word(current.value, budget.budget),
            to=address,
            place=place,
        ),
        BudgetStatement(
            site.address,
            address,
            budget.basis,
            measure,
            round_percent(rate, like=like),
            place=place,
        ),
    )


def _word(change: Decimal) -> str:
    return "增加" if change > 0 else "减少" if change < 0 else "持平"


def _comparison_word(final: Decimal, budget: Decimal) -> str:
    return "大于" if final > budget else "小于" if final < budget else "等于"


def section_of(site: Site) -> str:
    """The standard narrative's section (情况说明的部分) of a comparative site.

    Both template families number the sections alike: 四 the fiscal totals,
    五 the 一般公共预算 expenditure, 七 the “三公” lines, 八 the 政府性基金 and
    九 the 国有资本经营 funds.
    """
    prefix = site.prefix
    if prefix == "income":
        return "一"
    if prefix == "fiscal":
        return "四"
    if prefix.endswith(FundType.GOVERNMENT_FUND.field):
        return "八"
    if prefix.endswith(FundType.STATE_CAPITAL.field):
        return "九"
    if prefix.startswith("fiscal."):
        return "五（一）"
    if prefix.startswith("functions"):
        return "五（三）"
    if prefix.startswith("three_public"):
        return "七"
    return "十一"
