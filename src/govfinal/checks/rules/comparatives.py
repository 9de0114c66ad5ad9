"""Rules of comparatives (R7xx): the prior year (上年决算) and budgets (预算).

A *comparative site* is one figure the report compares with last year
(:class:`~govfinal.model.comparatives.PriorYear`) or with its budget
(:class:`~govfinal.model.comparatives.BudgetVariance`). :func:`comparative_sites`
lists them all in the report's order; the rules check what each publishes:
the stated rates against the rates recomputed from the published amounts
(rounding-exact, via :meth:`Checker.ratio`), the stated change against the
amounts, the changes of the 项 against their fund's change, and the reasons
a large change or variance needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import attrs

from govfinal import ratios
from govfinal.checks.engine import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.rules._build import named, parts_sum, term
from govfinal.checks.rules.totals import income_total
from govfinal.checks.tolerance import Term, percent_half_width, shown
from govfinal.model.comparatives import BudgetVariance, Figure, PriorYear
from govfinal.model.function import FunctionLine
from govfinal.model.funds import FundAmounts, FundType
from govfinal.model.report import FinalAccount
from govfinal.money import CONTEXT, HUNDRED, PERCENT_PRECISION, quantize_half_up
from govfinal.terms import label

PRIOR_TABLES = ("收入支出决算总体情况说明", "财政拨款支出决算总体情况说明")
BUDGET_TABLES = ("一般公共预算财政拨款支出决算情况说明", "财政拨款“三公”经费支出决算表")
FUNCTION_TABLE = "一般公共预算财政拨款支出决算表"


# -- derived differences ---------------------------------------------------------


@attrs.frozen
class Difference(Term):
    """A derived term ``minuend − subtrahend``: its parts are the two terms.

    Its half-width is the sum of theirs, as for a sum: the interval of a
    difference is the difference of the intervals.
    """

    def formula_zh(self) -> str:
        """``a 1.00 − b 2.00``; a compound subtrahend is bracketed."""
        minuend, subtrahend = self.parts
        return f"{minuend.formula_zh()} − {_bracketed(subtrahend, subtrahend.formula_zh())}"

    def formula_en(self) -> str:
        """The English counterpart of :meth:`formula_zh`."""
        minuend, subtrahend = self.parts
        return f"{minuend.formula_en()} − {_bracketed(subtrahend, subtrahend.formula_en())}"


def _bracketed(term_: Term, formula: str) -> str:
    return f"({formula})" if term_.parts else formula


def difference(minuend: Term, subtrahend: Term, path: str, label_zh: str, label_en: str) -> Term:
    """The derived term ``minuend − subtrahend``."""
    return Difference(
        path,
        label_zh,
        label_en,
        CONTEXT.subtract(minuend.value, subtrahend.value),
        CONTEXT.add(minuend.half_width, subtrahend.half_width),
        (minuend, subtrahend),
    )


# -- stated rates over a base published as zero ------------------------------------


def tiny_base_explains(checker: Checker, stated: Decimal, numerator: Term, base: Term) -> bool:
    """Whether a true base rounding to a published 0 can explain a stated rate.

    A rate is ``numerator ÷ |base| × 100``. :meth:`Checker.ratio` reads a base
    published as 0 with the zero-base convention (0 %, or ±100 %). Outside
    exact mode, 0.00 stands for any base in (−w, w): a tiny non-zero base gives
    a rate of ``|numerator| ÷ w × 100`` or more, in the numerator's direction,
    and any rate at all when the numerator's interval holds 0. Such a stated
    rate is a rounding artefact, not an error.
    """
    if checker.options.exact or not base.value.is_zero() or base.half_width.is_zero():
        return False
    if numerator.low <= 0 <= numerator.high:
        return True
    nearest = min(abs(numerator.low), abs(numerator.high))
    bound = CONTEXT.divide(CONTEXT.multiply(nearest, HUNDRED), base.half_width)
    reach = CONTEXT.add(abs(stated), percent_half_width(stated))
    return (stated > 0) == (numerator.value > 0) and not stated.is_zero() and reach >= bound


def rate_finding(
    checker: Checker,
    stated_path: str,
    labels: tuple[str, str],
    stated: Decimal,
    function: Callable[..., Decimal],
    operands: Sequence[Term],
    *,
    numerator: Term,
    base: Term,
) -> Finding | None:
    """:meth:`Checker.ratio` of a rate ``numerator ÷ |base| × 100``, rounding-exact at a zero base.

    ``labels`` name the rate (Chinese, English); ``function`` recomputes it from
    ``operands``; ``numerator`` and ``base`` are its two sides as terms, for
    :func:`tiny_base_explains`.
    """
    if tiny_base_explains(checker, stated, numerator, base):
        return None
    label_zh, label_en = labels
    return checker.ratio(
        stated_path, label_zh, label_en, stated, function, operands, denominator=base
    )


# -- comparative sites -------------------------------------------------------------


@attrs.frozen
class Site:
    """One figure compared with the prior year and/or a budget.

    Attributes:
        prefix: path of the figure's owner, e.g. ``fiscal.general_budget`` or
            ``functions[2060101].general_budget``.
        label_zh: the figure's Chinese name.
        label_en: the figure's English name.
        current: the figure itself (本年数, 决算数) as a term; ``None`` when
            nothing of it is published.
        prior: its comparison with the prior year, if any.
        budget: its comparison with a budget, if any.
        prior_path: the path of ``prior`` (``{prefix}.prior`` by default).
        budget_path: the path of ``budget`` (``{prefix}.budget`` by default).

    """

    prefix: str
    label_zh: str
    label_en: str
    current: Term | None
    prior: PriorYear | None
    budget: BudgetVariance | None
    prior_path: str = attrs.field()
    budget_path: str = attrs.field()

    @prior_path.default
    def _prior_path(self) -> str:
        return f"{self.prefix}.prior"

    @budget_path.default
    def _budget_path(self) -> str:
        return f"{self.prefix}.budget"


def comparative_sites(report: FinalAccount, checker: Checker) -> Iterator[Site]:
    """Every figure with a comparative, in a fixed order.

    Order: 收入支出总计 (``grand_total_prior``); 财政拨款收入总计 (``fiscal.prior``)
    and 本年财政拨款支出 (``fiscal.budget``); each fund's 本年支出, in
    :class:`FundType` order; each function line's fund expenditure, lines in
    table order and funds in :class:`FundType` order; the 三公 lines (合计,
    出国, 公务用车小计, 购置, 运行维护, 接待); 机关运行经费. Sites with neither
    a prior-year nor a budget comparison are left out.

    The sites are found once per :func:`~govfinal.checks.check` run (they
    depend only on the report and the options) and shared by the R7xx rules
    through :attr:`Checker.shared`.
    """
    shared = checker.shared.get(_SITES)
    if not isinstance(shared, _SharedSites) or shared.report is not report:
        shared = _SharedSites(report, tuple(_find_sites(report, checker)))
        checker.shared[_SITES] = shared
    return iter(shared.sites)


_SITES = "comparatives.sites"


@attrs.frozen
class _SharedSites:
    """The comparative sites of one report, as :attr:`Checker.shared` keeps them."""

    report: FinalAccount = attrs.field(eq=False)
    sites: tuple[Site, ...]


def _find_sites(report: FinalAccount, checker: Checker) -> Iterator[Site]:
    sites = [
        _grand_total_site(report, checker),
        *_fiscal_sites(report, checker),
        *_fund_sites(report, checker),
        *_function_sites(report, checker),
        *_three_public_sites(report, checker),
        _operating_costs_site(report, checker),
    ]
    for site in sites:
        if site is not None and (site.prior is not None or site.budget is not None):
            yield site


def _grand_total_site(report: FinalAccount, checker: Checker) -> Site:
    income = report.income
    zh, en = label("income_grand_total")
    current: Term
    if income.stated_grand_total is not None:
        current = term(
            checker, "income.stated_grand_total", "income_grand_total", income.stated_grand_total
        )
    else:
        parts = [
            income_total(report, checker),
            term(
                checker,
                "income.non_fiscal_balance_used",
                "non_fiscal_balance_used",
                income.non_fiscal_balance_used,
            ),
            term(checker, "income.opening_balance", "opening_balance", income.opening_balance),
        ]
        current = parts_sum(checker, parts, "income", "income_grand_total")
    return Site(
        "income", zh, en, current, report.grand_total_prior, None, prior_path="grand_total_prior"
    )


def fund_expenditure_term(
    checker: Checker, prefix: str, amounts: FundAmounts, label_zh: str, label_en: str
) -> Term | None:
    """本年支出 of one fund's amounts: stated, else 基本 + 项目 (the published ones)."""
    if amounts.stated_expenditure is not None:
        path = f"{prefix}.stated_expenditure"
        return named(checker, path, label_zh, label_en, amounts.stated_expenditure)
    parts = [
        named(checker, f"{prefix}.{field}", f"{label_zh}（{zh}）", f"{label_en} ({en})", value)
        for field, zh, en, value in (
            ("basic", "基本支出", "basic", amounts.basic),
            ("project", "项目支出", "project", amounts.project),
        )
        if value is not None
    ]
    if not parts:
        return None
    return checker.total(parts, prefix, label_zh, label_en)


def _fund_label(fund_type: FundType) -> tuple[str, str]:
    zh, en = label(f"fund_{fund_type.field}")
    return f"{zh}支出", f"expenditure of {en}"


def _fiscal_column(
    report: FinalAccount, checker: Checker, stated: Decimal | None, column: str, key: str
) -> Term | None:
    """A 财政拨款 column's total: stated, else Σ of the funds' published cells."""
    if stated is not None:
        return term(checker, f"fiscal.stated_{column}", key, stated)
    zh, en = label(key)
    parts = []
    for fund_type, fund in report.fiscal.funds().items():
        fund_zh, fund_en = label(f"fund_{fund_type.field}")
        prefix = f"fiscal.{fund_type.field}"
        if column == "expenditure":
            value_term = fund_expenditure_term(
                checker, prefix, fund, f"{fund_zh}{zh}", f"{en}, {fund_en}"
            )
        else:
            value: Decimal | None = getattr(fund, column)
            value_term = (
                None
                if value is None
                else named(
                    checker, f"{prefix}.{column}", f"{fund_zh}{zh}", f"{en}, {fund_en}", value
                )
            )
        if value_term is not None:
            parts.append(value_term)
    if not parts:
        return None
    return parts_sum(checker, parts, "fiscal", key)


def _fiscal_sites(report: FinalAccount, checker: Checker) -> Iterator[Site]:
    fiscal = report.fiscal
    grand_total: Term | None
    if fiscal.stated_income_grand_total is not None:
        grand_total = term(
            checker,
            "fiscal.stated_income_grand_total",
            "fiscal_income_grand_total",
            fiscal.stated_income_grand_total,
        )
    else:
        parts = [
            part
            for part in (
                _fiscal_column(report, checker, fiscal.stated_opening, "opening", "fiscal_opening"),
                _fiscal_column(report, checker, fiscal.stated_income, "income", "fiscal_income"),
            )
            if part is not None
        ]
        grand_total = (
            parts_sum(checker, parts, "fiscal", "fiscal_income_grand_total") if parts else None
        )
    zh, en = label("fiscal_income_grand_total")
    yield Site("fiscal", zh, en, grand_total, fiscal.prior, None)
    expenditure = _fiscal_column(
        report, checker, fiscal.stated_expenditure, "expenditure", "fiscal_expenditure"
    )
    zh, en = label("fiscal_expenditure")
    yield Site("fiscal", zh, en, expenditure, None, fiscal.budget)


def _fund_sites(report: FinalAccount, checker: Checker) -> Iterator[Site]:
    for fund_type, fund in report.fiscal.funds().items():
        prefix = f"fiscal.{fund_type.field}"
        zh, en = _fund_label(fund_type)
        current = fund_expenditure_term(checker, prefix, fund, zh, en)
        yield Site(prefix, zh, en, current, fund.prior, fund.budget)


def _line_site(
    checker: Checker, line: FunctionLine, fund_type: FundType, amounts: FundAmounts
) -> Site:
    prefix = f"functions[{line.code}].{fund_type.field}"
    fund_zh, fund_en = _fund_label(fund_type)
    zh = f"{line.name}（{line.code}）{fund_zh}"
    en = f"{fund_en}, line {line.code}"
    current = fund_expenditure_term(checker, prefix, amounts, zh, en)
    return Site(prefix, zh, en, current, amounts.prior, amounts.budget)


def _function_sites(report: FinalAccount, checker: Checker) -> Iterator[Site]:
    for line in report.functions:
        for fund_type in FundType:
            amounts = line.fund(fund_type)
            if amounts is not None:
                yield _line_site(checker, line, fund_type, amounts)


_THREE_PUBLIC_LINES = (
    ("total", "three_public"),
    ("overseas", "overseas"),
    ("vehicles", "vehicles"),
    ("vehicle_purchase", "vehicle_purchase"),
    ("vehicle_operation", "vehicle_operation"),
    ("reception", "reception"),
)


def _three_public_sites(report: FinalAccount, checker: Checker) -> Iterator[Site]:
    expenses = report.three_public
    figures: dict[str, Figure | None] = {
        name: getattr(expenses, name) for name, _key in _THREE_PUBLIC_LINES
    }
    current: dict[str, Term | None] = {}

    def amount_or_sum(name: str, key: str, parts: Sequence[str]) -> Term | None:
        figure = figures[name]
        if figure is not None and figure.amount is not None:
            return term(checker, f"three_public.{name}.amount", key, figure.amount)
        terms = [found for found in (current[part] for part in parts) if found is not None]
        return parts_sum(checker, terms, f"three_public.{name}", key) if terms else None

    for name in ("overseas", "vehicle_purchase", "vehicle_operation", "reception"):
        current[name] = amount_or_sum(name, name, ())
    current["vehicles"] = amount_or_sum(
        "vehicles", "vehicles", ("vehicle_purchase", "vehicle_operation")
    )
    current["total"] = amount_or_sum("total", "three_public", ("overseas", "vehicles", "reception"))
    for name, key in _THREE_PUBLIC_LINES:
        figure = figures[name]
        if figure is None:
            continue
        zh, en = label(key)
        yield Site(f"three_public.{name}", zh, en, current[name], figure.prior, figure.budget)


def _operating_costs_site(report: FinalAccount, checker: Checker) -> Site | None:
    figure = report.operating_costs
    if figure is None:
        return None
    zh, en = label("operating_costs")
    current = (
        None
        if figure.amount is None
        else term(checker, "operating_costs.amount", "operating_costs", figure.amount)
    )
    return Site("operating_costs", zh, en, current, figure.prior, figure.budget)


# -- terms of a site's comparatives -------------------------------------------------


def prior_amount_term(checker: Checker, site: Site, amount: Decimal) -> Term:
    """The published 上年决算数 of a site."""
    return named(
        checker,
        f"{site.prior_path}.amount",
        f"{site.label_zh}上年决算数",
        f"{site.label_en}, prior year",
        amount,
    )


def change_term(checker: Checker, site: Site, change: Decimal) -> Term:
    """The published 增减额 of a site."""
    return named(
        checker,
        f"{site.prior_path}.change",
        f"{site.label_zh}增减额",
        f"change in {site.label_en}",
        change,
    )


def derivable_change(checker: Checker, site: Site) -> Term | None:
    """A site's 增减额: published, else 本年数 − 上年决算数 (derived), else ``None``."""
    prior = site.prior
    if prior is None:
        return None
    if prior.change is not None:
        return change_term(checker, site, prior.change)
    if prior.amount is None or site.current is None:
        return None
    return difference(
        site.current,
        prior_amount_term(checker, site, prior.amount),
        f"{site.prior_path}.amount",
        f"{site.label_zh}增减额",
        f"change in {site.label_en}",
    )


def growth_from_change(current: Decimal, change: Decimal) -> Decimal:
    """增长率 from 本年数 and 增减额: ``change ÷ |current − change| × 100``.

    The prior amount is ``current − change``; a prior of exactly 0 follows
    :func:`govfinal.ratios.over_zero_base` (from 0 to 1.13 is 100 %). Like
    every rate of the checks it uses the core (:func:`~govfinal.ratios.growth_of`):
    ``current − change`` may lie beyond the entrance bounds of amounts.
    """
    return ratios.growth_of(CONTEXT.subtract(current, change), current)


def _budget_term(checker: Checker, site: Site, budget: Decimal) -> Term:
    return named(
        checker,
        f"{site.budget_path}.budget",
        f"{site.label_zh}预算数",
        f"{site.label_en}, budget",
        budget,
    )


def _published_paths(*figures: tuple[str, Decimal | None]) -> list[str]:
    return [path for path, value in figures if value is not None]


def _has_reason(reason: str | None) -> bool:
    return reason is not None and bool(reason.strip())


# -- rules -------------------------------------------------------------------------


@rule(
    "R701",
    "stated-growth",
    title_zh="增长率",
    title_en="Stated growth rate",
    formula="增长率 = (本年数 − 上年数) ÷ |上年数| × 100%；上年数为 0 时按 100%",
    tables=(*PRIOR_TABLES, FUNCTION_TABLE),
)
def stated_growth(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A stated 增长率 agrees with the growth from the published amounts.

    The prior amount is the published 上年决算数 if any, else 本年数 − 增减额.
    """
    for site in comparative_sites(report, checker):
        yield _growth_finding(checker, site)


def _growth_finding(checker: Checker, site: Site) -> Finding | None:
    prior, current = site.prior, site.current
    if prior is None or prior.growth is None or current is None:
        return None
    path = f"{site.prior_path}.growth"
    label_ = (f"{site.label_zh}增长率", f"growth of {site.label_en}")
    if prior.amount is not None:
        before = prior_amount_term(checker, site, prior.amount)
        change = difference(
            current, before, path, f"{site.label_zh}增减额", f"change in {site.label_en}"
        )
        return rate_finding(
            checker,
            path,
            label_,
            prior.growth,
            ratios.growth_of,
            [before, current],
            numerator=change,
            base=before,
        )
    if prior.change is not None:
        change = change_term(checker, site, prior.change)
        before = difference(
            current,
            change,
            f"{site.prior_path}.amount",
            f"{site.label_zh}上年决算数",
            f"{site.label_en}, prior year",
        )
        return rate_finding(
            checker,
            path,
            label_,
            prior.growth,
            growth_from_change,
            [current, change],
            numerator=change,
            base=before,
        )
    return None


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
    for site in comparative_sites(report, checker):
        prior, current = site.prior, site.current
        if prior is None or prior.amount is None or prior.change is None or current is None:
            continue
        derived = difference(
            current,
            prior_amount_term(checker, site, prior.amount),
            site.prior_path,
            f"{site.label_zh}增减额",
            f"change in {site.label_en}",
        )
        yield checker.equal(change_term(checker, site, prior.change), derived)


@rule(
    "R703",
    "stated-variance",
    title_zh="预决算差异率",
    title_en="Stated budget variance",
    formula="预决算差异率 = (决算数 − 预算数) ÷ 预算数 × 100%",
    tables=BUDGET_TABLES,
)
def stated_variance(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A stated 预决算差异率 agrees with the variance from the budget and the final amount."""
    for site in comparative_sites(report, checker):
        budget, current = site.budget, site.current
        if budget is None or budget.variance is None or budget.budget is None or current is None:
            continue
        base = _budget_term(checker, site, budget.budget)
        path = f"{site.budget_path}.variance"
        yield rate_finding(
            checker,
            path,
            (f"{site.label_zh}预决算差异率", f"budget variance of {site.label_en}"),
            budget.variance,
            ratios.budget_variance_of,
            [base, current],
            numerator=difference(current, base, path, site.label_zh, site.label_en),
            base=base,
        )


@rule(
    "R704",
    "stated-execution",
    title_zh="预算执行率",
    title_en="Stated execution rate",
    formula="执行率 = 决算数 ÷ 预算数 × 100%",
    tables=BUDGET_TABLES,
)
def stated_execution(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A stated 执行率 (完成预算的 %) agrees with final ÷ budget."""
    for site in comparative_sites(report, checker):
        budget, current = site.budget, site.current
        if budget is None or budget.execution is None or budget.budget is None or current is None:
            continue
        base = _budget_term(checker, site, budget.budget)
        yield rate_finding(
            checker,
            f"{site.budget_path}.execution",
            (f"{site.label_zh}执行率", f"execution rate of {site.label_en}"),
            budget.execution,
            ratios.execution_rate_of,
            [base, current],
            numerator=current,
            base=base,
        )


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
    funds = [
        site for site in comparative_sites(report, checker) if site.prefix.startswith("fiscal.")
    ]
    for fund_site in funds:
        fund_type = next(ft for ft in FundType if fund_site.prefix == f"fiscal.{ft.field}")
        fund_change = derivable_change(checker, fund_site)
        items = _item_changes(report, checker, fund_type)
        if fund_change is None or not items:
            continue
        zh, en = fund_site.label_zh, fund_site.label_en
        yield checker.equal(
            fund_change,
            checker.total(items, "functions", f"{zh}各项增减额", f"changes by item of {en}"),
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
        change = derivable_change(checker, _line_site(checker, line, fund_type, amounts))
        if change is None:
            return []
        changes.append(change)
    return changes


def _rate(
    site: Site, stated: Decimal | None, recompute: Callable[[Decimal], Decimal | None]
) -> Decimal | None:
    """A site's rate as stated, else recomputed from its current figure and rounded to 0.01."""
    if stated is not None or site.current is None:
        return stated
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
    for site in comparative_sites(report, checker):
        prior = site.prior
        if prior is None or _has_reason(prior.reason):
            continue
        growth = _rate(site, prior.growth, prior.growth_from)
        if growth is None or abs(growth) < threshold:
            continue
        rate, least = shown(growth), shown(threshold)
        yield checker.finding(
            f"{site.prior_path}.reason",
            f"{site.label_zh}比上年增减 {rate}%（不低于 {least}%），未说明主要原因",
            f"{site.label_en} changed by {rate}% over the prior year"
            f" (at least {least}%) without a stated reason",
            actual=growth,
            related=_published_paths((f"{site.prior_path}.growth", prior.growth)),
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
    for site in comparative_sites(report, checker):
        budget = site.budget
        if budget is None or _has_reason(budget.reason):
            continue
        variance = _rate(site, budget.variance, budget.variance_from)
        if variance is None or abs(variance) < threshold:
            continue
        rate, least = shown(variance), shown(threshold)
        yield checker.finding(
            f"{site.budget_path}.reason",
            f"{site.label_zh}预决算差异率 {rate}%（绝对值不低于 {least}%），未说明主要原因",
            f"{site.label_en} differs from its budget by {rate}%"
            f" (at least {least}% either way) without a stated reason",
            actual=variance,
            related=_published_paths(
                (f"{site.budget_path}.variance", budget.variance),
                (f"{site.budget_path}.budget", budget.budget),
            ),
        )
