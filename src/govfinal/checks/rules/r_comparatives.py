"""Rules of comparatives (R7xx): the prior year (上年决算) and budgets (预算).

A *comparative site* is one figure the report compares with last year
(:class:`~govfinal.model.comparatives.PriorYear`) or with its budget
(:class:`~govfinal.model.comparatives.BudgetVariance`). :func:`comparative_sites`
lists them all in the report's order; the rules check what each publishes:
the stated change against the amounts, the changes of the 项 against their
fund's change, and the reasons a large change or variance needs (judged on
the rates the amounts give). The rates the text states (增长率, 差异率,
执行率) are statements, checked by N906 and N907 (formerly R701, R703, R704).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from govfinal.checks.checker import Checker
from govfinal.checks.figures import Site
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import Term, shown
from govfinal.model.funds import FundType
from govfinal.model.report import FinalAccount
from govfinal.money import PERCENT_PRECISION, quantize_half_up

PRIOR_TABLES = ("收入支出决算总体情况说明", "财政拨款支出决算总体情况说明")
BUDGET_TABLES = ("一般公共预算财政拨款支出决算情况说明", "财政拨款“三公”经费支出决算表")
FUNCTION_TABLE = "一般公共预算财政拨款支出决算表"


# -- terms of a site's comparatives -------------------------------------------------


def _published_paths(*figures: tuple[str, Decimal | None]) -> list[str]:
    return [path for path, value in figures if value is not None]


def _has_reason(reason: str | None) -> bool:
    return reason is not None and bool(reason.strip())


# -- rules -------------------------------------------------------------------------


@rule(
    "R702",
    "stated-change",
    title_zh="增减额",
    title_en="Stated change",
    formula="增减额 = 本年数 − 上年决算数",
    tables=PRIOR_TABLES,
)
def stated_change(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A stated 增减额 = 本年数 − 上年决算数, when both are published."""
    for site in checker.figures.sites():
        prior, current = site.prior, site.current
        if prior is None or prior.amount is None or prior.change is None or current is None:
            continue
        derived = checker.figures.change_from_amounts(site)
        assert derived is not None
        yield checker.equal(checker.figures.change(site, prior.change), derived)


@rule(
    "R705",
    "item-changes-sum",
    title_zh="各项增减额合计",
    title_en="Changes of the items add up",
    formula="财政拨款支出增减额 = Σ 各项（项级科目）增减额",
    tables=(FUNCTION_TABLE, "财政拨款支出决算具体情况说明"),
)
def item_changes_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per fund type: the change of its 本年支出 over last year = Σ of its 项 lines' changes.

    Checked only when the fund's change is derivable and every 项 line that
    publishes the fund's expenditure has a derivable change (published, or
    本年数 − published 上年决算数).
    """
    funds = [site for site in checker.figures.sites() if site.prefix.startswith("fiscal.")]
    for fund_site in funds:
        fund_type = next(ft for ft in FundType if fund_site.prefix == f"fiscal.{ft.field}")
        fund_change = checker.figures.derivable_change(fund_site)
        items = _item_changes(report, checker, fund_type)
        if fund_change is None or not items:
            continue
        zh, en = fund_site.label_zh, fund_site.label_en
        yield checker.equal(
            fund_change,
            checker.figures.sum(
                items, "functions", (f"{zh}各项增减额", f"changes by item of {en}")
            ),
        )


def _item_changes(report: FinalAccount, checker: Checker, fund_type: FundType) -> list[Term]:
    """The changes of the 项 lines that publish ``fund_type``'s expenditure, in table order.

    Empty when there is none, or when one of them has no derivable change.
    """
    changes: list[Term] = []
    for line in report.functions.subitems():
        amounts = line.fund(fund_type)
        if amounts is None or amounts.expenditure is None:
            continue
        change = checker.figures.derivable_change(
            checker.figures.line_site(line, fund_type, amounts)
        )
        if change is None:
            return []
        changes.append(change)
    return changes


def _rate(site: Site, recompute: Callable[[Decimal], Decimal | None]) -> Decimal | None:
    """A site's rate recomputed from its current figure, rounded to 0.01; ``None`` if unknown."""
    if site.current is None:
        return None
    recomputed = recompute(site.current.value)
    return None if recomputed is None else quantize_half_up(recomputed, PERCENT_PRECISION)


@rule(
    "R706",
    "change-without-reason",
    title_zh="较大增减未说明原因",
    title_en="Large change without a reason",
    formula="|增长率| ≥ 阈值（默认 10%）时应说明主要原因",
    tables=PRIOR_TABLES,
    severity=Severity.WARNING,
)
def change_without_reason(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A change over last year of at least ``change_threshold`` % needs a stated reason."""
    threshold = checker.options.change_threshold
    for site in checker.figures.sites():
        prior = site.prior
        if prior is None or _has_reason(prior.reason):
            continue
        growth = _rate(site, prior.growth_from)
        if growth is None or abs(growth) < threshold:
            continue
        rate, least = shown(growth), shown(threshold)
        yield checker.finding(
            f"{site.prior_path}.reason",
            f"{site.label_zh}比上年增减 {rate}%（不低于 {least}%），未说明主要原因",
            f"{site.label_en} changed by {rate}% over the prior year"
            f" (at least {least}%) without a stated reason",
            actual=growth,
        )


@rule(
    "R707",
    "variance-without-reason",
    title_zh="较大预决算差异未说明原因",
    title_en="Large budget variance without a reason",
    formula="|预决算差异率| ≥ 阈值（默认 10%）时应说明主要原因",
    tables=BUDGET_TABLES,
    severity=Severity.WARNING,
)
def variance_without_reason(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A budget variance of at least ``variance_threshold`` % needs a stated reason."""
    threshold = checker.options.variance_threshold
    for site in checker.figures.sites():
        budget = site.budget
        if budget is None or _has_reason(budget.reason):
            continue
        variance = _rate(site, budget.variance_from)
        if variance is None or abs(variance) < threshold:
            continue
        rate, least = shown(variance), shown(threshold)
        yield checker.finding(
            f"{site.budget_path}.reason",
            f"{site.label_zh}预决算差异率 {rate}%（绝对值不低于 {least}%），未说明主要原因",
            f"{site.label_en} differs from its budget by {rate}%"
            f" (at least {least}% either way) without a stated reason",
            actual=variance,
            related=_published_paths((f"{site.budget_path}.budget", budget.budget)),
        )
