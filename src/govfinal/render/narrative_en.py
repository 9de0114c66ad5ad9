"""The narrative of a 部门决算 in English, for international readers.

Same structure and the same figures as the Chinese narrative
(:mod:`govfinal.render.narrative_zh`): every number is computed from the model
and rounded half-up. Amounts are in the report's unit, in brackets after the
figure: "58.95 (10,000 yuan)". Published reasons and free text are quoted in Chinese, as published.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from govfinal import ratios
from govfinal.classification import EconomicGroup
from govfinal.model.comparatives import BudgetVariance, Figure, PriorYear
from govfinal.model.funds import FundType
from govfinal.model.other import VehicleUse
from govfinal.model.report import FinalAccount
from govfinal.money import ZERO
from govfinal.render import numbers
from govfinal.render.document import Block, Heading, Paragraph
from govfinal.render.glossary import GlossaryEntry
from govfinal.render.narrative_zh import prior_change, self_evaluation_tables

__all__ = ["narrative"]

_VEHICLE_USES = {
    VehicleUse.MINISTERIAL: "vehicles for vice-ministerial (provincial) leaders and above",
    VehicleUse.PRINCIPAL: "vehicles for principal officials",
    VehicleUse.CONFIDENTIAL: "confidential communication vehicles",
    VehicleUse.EMERGENCY: "emergency vehicles",
    VehicleUse.LAW_ENFORCEMENT: "law enforcement vehicles",
    VehicleUse.SPECIAL_TECHNICAL: "special technical vehicles",
    VehicleUse.RETIREE_SERVICE: "vehicles serving retired cadres",
    VehicleUse.OTHER: "other vehicles",
}


class _Writer:
    def __init__(self, report: FinalAccount) -> None:
        self.report = report
        self.unit = report.unit.amount_unit.english
        self.year = report.unit.fiscal_year

    def money(self, value: Decimal | None) -> str:
        """``58.95 (10,000 yuan)``."""
        shown = numbers.amount(ZERO if value is None else value, "en", grouping=True)
        return f"{shown} ({self.unit})"

    def pct(self, value: Decimal, like: Decimal | None = None) -> str:
        return f"{numbers.percent(value, 'en', like=like)}%"

    def share(self, part: Decimal | None, whole: Decimal) -> str:
        return self.pct(ratios.share_of(ZERO if part is None else part, whole))

    def change(self, prior: PriorYear | None, current: Decimal) -> str:
        derived = None if prior is None else prior_change(prior, current)
        if prior is None or derived is None:
            return ""
        change, growth = derived
        verb = "up" if change >= 0 else "down"
        text = f"{verb} {self.money(abs(change))} ({self.pct(abs(growth), prior.growth)})"
        return text + _because(prior.reason)

    def variance(self, budget: BudgetVariance | None, final: Decimal, what: str) -> str:
        if budget is None or budget.budget is None:
            return ""
        rate = numbers.percent(
            ratios.budget_variance_of(budget.budget, final), "en", like=budget.variance
        )
        return (
            f"Against the {what} of {self.money(budget.budget)}, the final amount of "
            f"{self.money(final)} differs by {rate}%{_because(budget.reason)}."
        )


def _because(reason: str | None) -> str:
    return f", mainly because: {reason}" if reason else ""


def narrative(
    report: FinalAccount, glossary: Sequence[GlossaryEntry], table_titles: Sequence[str]
) -> list[Block]:
    """The report's four parts in English, without the nine tables themselves."""
    w = _Writer(report)
    blocks: list[Block] = [*_profile(w), *_part_two(w)]
    blocks.append(Heading("Part III Glossary", 1))
    blocks += [Paragraph(f"{i}. {entry.term}: {entry.text}") for i, entry in enumerate(glossary, 1)]
    blocks.append(Heading("Part IV Final account tables (attached)", 1))
    blocks += [Paragraph(f"{i}. {title}") for i, title in enumerate(table_titles, 1)]
    return blocks


def _profile(w: _Writer) -> Iterator[Block]:
    report = w.report
    profile, staff = report.profile, report.profile.staff
    yield Heading("Part I Profile of the unit", 1)
    yield Heading("1. Main functions", 2)
    if profile.mandate:
        yield Paragraph(profile.mandate)
    for i, function in enumerate(profile.functions, start=1):
        yield Paragraph(f"({i}) {function}")
    yield Heading("2. Organisation and staff", 2)
    yield Paragraph(
        f"In {w.year}, {report.unit.name} had {staff.total} staff: {staff.in_service} in "
        f"service, {staff.retired_cadres} retired cadres (离休) and {staff.retirees} retirees."
    )
    subordinates, divisions = len(profile.subordinate_units), profile.division_count
    yield Paragraph(
        f"It has {subordinates or 'no'} subordinate budget unit(s) "
        f"and {divisions} internal division(s)."
    )


def _part_two(w: _Writer) -> Iterator[Block]:
    report = w.report
    income, expenditure, fiscal = report.income, report.expenditure, report.fiscal
    yield Heading("Part II Notes on the final account", 1)
    yield Heading("1. Income and expenditure overall", 2)
    yield Paragraph(
        f"Total income in {w.year} was {w.money(income.grand_total)}: income for the year "
        f"{w.money(income.sources.total)}, non-fiscal balance used "
        f"{w.money(income.non_fiscal_balance_used)}, balance brought forward "
        f"{w.money(income.opening_balance)}. Total expenditure was "
        f"{w.money(expenditure.grand_total)}: expenditure for the year "
        f"{w.money(expenditure.total)}, distribution of surplus "
        f"{w.money(expenditure.surplus_distribution)}, balance carried forward "
        f"{w.money(expenditure.closing_balance)}."
    )
    compared = w.change(report.grand_total_prior, income.grand_total)
    if compared:
        yield Paragraph(f"Compared with the prior year, the total is {compared}.")
    yield Heading("2. Income", 2)
    sources = income.sources
    parts = [
        ("fiscal allocations", sources.fiscal),
        ("subsidies from the superior unit", sources.superior_subsidy),
        ("public service income", sources.service),
        ("business income", sources.business),
        ("remittances from affiliated units", sources.subordinate_remittance),
        ("other income", sources.other),
    ]
    listed = "; ".join(
        f"{name} {w.money(value)} ({w.share(value, sources.total)})" for name, value in parts
    )
    yield Paragraph(f"Income for the year was {w.money(sources.total)}: {listed}.")
    yield Heading("3. Expenditure", 2)
    nature = expenditure.nature
    natures = [
        ("basic expenditure", nature.basic),
        ("project expenditure", nature.project),
        ("remittances to the superior unit", nature.remitted_to_superior),
        ("business expenditure", nature.business),
        ("subsidies to affiliated units", nature.subsidies_to_subordinates),
    ]
    listed = "; ".join(
        f"{name} {w.money(value)} ({w.share(value, expenditure.total)})" for name, value in natures
    )
    yield Paragraph(f"Expenditure for the year was {w.money(expenditure.total)}: {listed}.")
    yield Heading("4. Fiscal allocations overall", 2)
    text = (
        f"Fiscal income totalled {w.money(fiscal.income_grand_total)}: brought forward "
        f"{w.money(fiscal.opening)} and allocated this year {w.money(fiscal.income)}. Fiscal "
        f"expenditure totalled {w.money(fiscal.expenditure_grand_total)}: spent this year "
        f"{w.money(fiscal.expenditure)} and carried forward {w.money(fiscal.closing)}."
    )
    compared = w.change(fiscal.prior, fiscal.income_grand_total)
    if compared:
        text += f" Compared with the prior year, the total is {compared}."
    variance = w.variance(fiscal.budget, fiscal.expenditure, "initial budget")
    yield Paragraph(f"{text} {variance}".strip())
    yield from _general_budget(w)
    yield from _basic(w)
    yield from _three_public(w)
    yield from _fund(w, 8, FundType.GOVERNMENT_FUND, "government fund budget")
    yield from _fund(w, 9, FundType.STATE_CAPITAL, "state capital operation budget")
    yield from _other(w)
    yield from _performance(w)
    yield from self_evaluation_tables(report)
    yield Heading("12. Other matters", 2)
    for text in report.other_matters or ("None.",):
        yield Paragraph(text)


def _general_budget(w: _Writer) -> Iterator[Block]:
    report = w.report
    gpb = report.fiscal.general_budget
    spent = report.fund_expenditure(FundType.GENERAL_BUDGET)
    yield Heading("5. General public budget allocations", 2)
    text = (
        f"Expenditure from general public budget allocations was {w.money(spent)}, "
        f"{w.pct(ratios.share_of(spent, report.expenditure.total))} of expenditure for the year."
    )
    compared = w.change(gpb.prior, spent)
    if compared:
        text += f" Compared with the prior year it is {compared}."
    variance = w.variance(gpb.budget, spent, "initial budget")
    yield Paragraph(f"{text} {variance}".strip())
    tree = report.functions
    for line in tree.classes():
        value = tree.rollup(
            line.code,
            lambda item: None if item.general_budget is None else item.general_budget.expenditure,
        )
        if value is not None:
            yield Paragraph(
                f"Class {line.code} {line.name}: {w.money(value)} ({w.share(value, spent)})."
            )
    for line in tree.in_narrative_order():
        amounts = line.general_budget
        if amounts is None or amounts.expenditure is None:
            continue
        text = f"Subitem {line.code} {line.name}: {w.money(amounts.expenditure)}"
        compared = w.change(amounts.prior, amounts.expenditure)
        yield Paragraph(text + (f", {compared}." if compared else "."))


def _basic(w: _Writer) -> Iterator[Block]:
    detail = w.report.general_budget_basic
    yield Heading("6. Basic expenditure from general public budget allocations", 2)
    personnel = "、".join(line.name for line in detail.items(EconomicGroup.PERSONNEL))
    public = "、".join(line.name for line in detail.items(EconomicGroup.PUBLIC))
    yield Paragraph(
        f"Basic expenditure was {w.money(detail.total)}: personnel costs "
        f"{w.money(detail.personnel)}{f' ({personnel})' if personnel else ''} and public "
        f"costs {w.money(detail.public)}{f' ({public})' if public else ''}."
    )


def _three_public(w: _Writer) -> Iterator[Block]:
    three = w.report.three_public
    total = three.total_final or ZERO
    yield Heading("7. Three public expenses from fiscal allocations", 2)
    lines: list[tuple[str, Figure | None, Decimal | None]] = [
        ("official overseas travel", three.overseas, three.overseas.amount),
        ("official vehicles", three.vehicles, three.vehicles_final),
        ("official reception", three.reception, three.reception.amount),
    ]
    parts = "; ".join(
        f"{name} {w.money(value)} ({w.share(value, total)})" for name, _, value in lines
    )
    text = f"The three public expenses were {w.money(total)}: {parts}."
    if three.total is not None:
        compared = w.change(three.total.prior, total)
        if compared:
            text += f" Compared with the prior year they are {compared}."
        budget = w.variance(three.total.budget, total, "full-year budget")
        text += f" {budget}" if budget else ""
    yield Paragraph(text)
    yield Paragraph(
        f"Overseas delegations: {three.overseas_groups or 0}, {three.overseas_persons or 0} "
        f"person-trips. Vehicles purchased: {three.vehicles_purchased or 0}; vehicles held: "
        f"{three.vehicles_held or 0}. Domestic receptions: {three.reception_batches or 0}, "
        f"{three.reception_persons or 0} persons."
    )


def _fund(w: _Writer, number: int, fund_type: FundType, name: str) -> Iterator[Block]:
    amounts = w.report.fiscal.funds()[fund_type]
    yield Heading(f"{number}. Allocations from the {name}", 2)
    if amounts.is_empty:
        yield Paragraph(f"The unit had no {name} allocations this year; the table is empty.")
        return
    yield Paragraph(
        f"Brought forward {w.money(amounts.opening)}, income {w.money(amounts.income)}, "
        f"expenditure {w.money(amounts.expenditure)}, carried forward {w.money(amounts.closing)}."
    )


def _other(w: _Writer) -> Iterator[Block]:
    report = w.report
    yield Heading("10. Other important matters", 2)
    costs = report.operating_costs
    if costs is not None and costs.amount is not None:
        compared = w.change(costs.prior, costs.amount)
        yield Paragraph(
            f"Operating costs of the organ were {w.money(costs.amount)}"
            + (f", {compared}." if compared else ".")
        )
    purchase = report.procurement
    yield Paragraph(
        f"Government procurement totalled {w.money(purchase.total)}: goods "
        f"{w.money(purchase.goods)}, works {w.money(purchase.works)}, services "
        f"{w.money(purchase.services)}. Contracts awarded to SMEs: "
        f"{w.money(purchase.sme_contracts)} ({w.share(purchase.sme_contracts, purchase.total)}), "
        f"of which small and micro firms {w.money(purchase.small_micro_contracts)} "
        f"({w.share(purchase.small_micro_contracts, purchase.total)})."
    )
    assets = report.assets
    uses = ", ".join(f"{_VEHICLE_USES[use]} {assets.vehicles_of(use)}" for use in VehicleUse)
    yield Paragraph(
        f"At 31 December {w.year}: fixed assets at original value "
        f"{w.money(assets.fixed_assets_original_value)}; buildings "
        f"{numbers.amount(assets.building_area or ZERO, 'en', grouping=True)} square metres worth "
        f"{w.money(assets.building_value)}; {assets.vehicle_count} vehicles worth "
        f"{w.money(assets.vehicle_value)} ({uses}); equipment priced at 1 million yuan or more: "
        f"{assets.large_equipment or 0}."
    )


def _performance(w: _Writer) -> Iterator[Block]:
    perf = w.report.performance
    yield Heading("11. Budget performance", 2)
    yield Paragraph(
        f"{perf.department_evaluations} department-wide self-evaluation (full-year budget "
        f"{w.money(perf.department_budget)}, executed {w.money(perf.department_executed)}); "
        f"{perf.project_evaluations} project evaluation(s) (budget "
        f"{w.money(perf.project_budget)}, executed {w.money(perf.project_executed)})."
    )
