"""Rules of the narrative's statements (N9xx): what the text states against the facts.

Each statement (:mod:`govfinal.model.statements`) names the addresses of the
figures it is about; a rule reads them as terms (:meth:`Figures.at`, with
their rounding intervals) and judges the stated value rounding-exact: a
restated amount must meet its figure's interval, a stated share, growth rate
or budget rate must be what some values inside the intervals give, a
direction word must fit the sign of the difference, a count, a year or a
date must be the one the facts give, and a table stated empty must print no
amount other than 0. A finding is about the address the
statement is about, and its message names the statement's place in the text.

A statement that cannot be judged (its figure is blank, or nothing is
published to compare it with) is reported as such (N902, a note): never
judged against a guess.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TypeVar

import attrs

from govfinal import ratios
from govfinal.address import FigureAt, addresses, join, parse, resolve
from govfinal.checks.checker import Checker
from govfinal.checks.figures import Labels, Site
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import Term, shown
from govfinal.errors import AddressError
from govfinal.model.comparatives import BudgetBasis, BudgetVariance
from govfinal.model.report import FinalAccount
from govfinal.model.statements import (
    Against,
    AmountStatement,
    BudgetStatement,
    ChangeStatement,
    CountStatement,
    DateStatement,
    DirectionStatement,
    GrowthStatement,
    Measure,
    NoneStatement,
    Presence,
    ReasonStatement,
    Relation,
    ShareStatement,
    Statement,
    TableStatement,
    Trend,
    YearStatement,
    named_addresses,
)
from govfinal.model.tables import StandardTable
from govfinal.money import CONTEXT, HUNDRED

NARRATIVE = "部门决算情况说明"


def _where(statement: Statement) -> Labels:
    """``情况说明五（二）第1句`` / ``narrative 五（二）, sentence 1``."""
    place = statement.place
    zh, en = "情况说明", "the narrative"
    if place.page is not None:
        zh, en = f"{zh}（第{place.page}页）", f"{en} (p.{place.page})"
    if place.section is not None:
        zh, en = f"{zh}{place.section}", f"{en} {place.section}"
    if place.sentence is not None:
        zh, en = f"{zh}第{place.sentence}句", f"{en}, sentence {place.sentence}"
    return zh, en


def _figure(checker: Checker, address: str) -> Term | None:
    """The term at ``address``; ``None`` when it is blank or names nothing (N901 reports it)."""
    try:
        return checker.figures.at(address)
    except AddressError:
        return None


def _stated(
    checker: Checker, statement: Statement, what: Labels, value: Decimal, *, count: bool = False
) -> Term:
    """The stated figure as a term at the statement's ``about``, named by its place.

    An amount or a rate stands for its rounding interval (none in exact mode), a
    count for itself.
    """
    where = _where(statement)
    labels = (f"{where[0]}所述{what[0]}", f"{what[1] or 'the figure'} stated in {where[1]}")
    about = getattr(statement, "about", "unit.fiscal_year")
    figures = checker.figures
    return (
        figures.unrounded(about, labels, value) if count else figures.amount(about, labels, value)
    )


def _of(statements: tuple[Statement, ...], kind: type[Statement]) -> Iterator[Statement]:
    return (statement for statement in statements if isinstance(statement, kind))


_S = TypeVar("_S")


def _each(report: FinalAccount, checker: Checker, kind: type[_S]) -> Iterator[_S]:
    """The statements of ``kind``, in order; the checker tags findings with their position."""
    for index, statement in enumerate(report.statements):
        if isinstance(statement, kind):
            checker.statement = index
            yield statement
    checker.statement = None


def _every(report: FinalAccount, checker: Checker) -> Iterator[Statement]:
    """Every statement, in order; the checker tags findings with its position."""
    for index, statement in enumerate(report.statements):
        checker.statement = index
        yield statement
    checker.statement = None


def _not_judged(checker: Checker, statement: Statement, why: Labels) -> Finding:
    where = _where(statement)
    return checker.finding(
        getattr(statement, "about", "unit.fiscal_year"),
        f"{where[0]}的陈述无法核对：{why[0]}",
        f"the statement in {where[1]} cannot be checked: {why[1]}",
    )


# -- N901, N902: the statements' addresses ------------------------------------------


@rule(
    "N901",
    "statement-names-nothing",
    title_zh="情况说明所述项目不存在",
    title_en="A statement names no figure of the report",
    formula="情况说明所述每一项目都在报表中",
    tables=(NARRATIVE,),
)
def statement_names_nothing(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Every address a statement names is a figure (or, for N910-N912, a part) of the report."""
    for statement in _every(report, checker):
        for address in named_addresses(statement):
            parts_allowed = isinstance(statement, (NoneStatement, DateStatement, TableStatement))
            try:
                if parts_allowed:
                    resolve(report, address)
                else:
                    checker.figures.at(address)
            except AddressError as error:
                where = _where(statement)
                yield checker.finding(
                    _nearest(report, address),
                    f"{where[0]}所述项目 {address} 在报表中不存在：{error}",
                    f"{where[1]} names {address}, which the report does not hold: {error}",
                )
            else:
                yield None


def _nearest(report: FinalAccount, address: str) -> str:
    """The longest start of ``address`` that names something (for a finding's address)."""
    try:
        steps = parse(address)
    except AddressError:
        return "statements"
    for end in range(len(steps), 0, -1):
        head, last = [str(step) for step in steps[: end - 1]], steps[end - 1]
        for tail in (str(last),) if last.key is None else (str(last), last.name):
            candidate = join(*head, tail)
            try:
                resolve(report, candidate)
            except AddressError:
                continue
            return candidate
    return "statements"


@rule(
    "N902",
    "statement-not-checkable",
    title_zh="情况说明所述无法核对",
    title_en="A statement cannot be checked",
    formula="情况说明所述项目在报表中有数",
    tables=(NARRATIVE,),
    severity=Severity.INFO,
)
def statement_not_checkable(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A statement whose figures are blank, or which has nothing to be compared with."""
    for statement in _every(report, checker):
        if isinstance(statement, (NoneStatement, DateStatement, YearStatement, TableStatement)):
            continue
        blank = [address for address in named_addresses(statement) if _blank(checker, address)]
        if blank:
            listed = "、".join(blank)
            yield _not_judged(
                checker,
                statement,
                (f"{listed} 在报表中为空", f"{', '.join(blank)} is blank in the report"),
            )
        elif (
            isinstance(statement, DirectionStatement)
            and _comparison(report, checker, statement) is None
            and _figure(checker, statement.about) is not None
        ):
            yield _not_judged(
                checker,
                statement,
                (
                    f"报表未列示可比较的{statement.against.value}数",
                    f"the report publishes no {_AGAINST_EN[statement.against]} figure"
                    " to compare with",
                ),
            )
        else:
            yield None


def _blank(checker: Checker, address: str) -> bool:
    """Whether ``address`` names a figure the report leaves blank (not a part, not nothing)."""
    try:
        return checker.figures.at(address) is None
    except AddressError:
        return False


def _resolves(report: FinalAccount, address: str) -> bool:
    try:
        resolve(report, address)
    except AddressError:
        return False
    return True


# -- N903: a restated amount ------------------------------------------------------------


@rule(
    "N903",
    "statement-amount",
    title_zh="情况说明金额与报表不符",
    title_en="A stated amount differs from the tables",
    formula="情况说明所述金额 = 报表数（按舍入区间）",
    tables=(NARRATIVE,),
)
def statement_amount(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """An amount the text restates meets the figure's rounding interval."""
    for statement in _each(report, checker, AmountStatement):
        figure = _figure(checker, statement.about)
        if figure is None:
            continue
        stated = _stated(checker, statement, ("", ""), statement.value)
        yield checker.equal(stated, figure)


# -- N904: a share -------------------------------------------------------------------


@rule(
    "N904",
    "statement-share",
    title_zh="情况说明占比不符",
    title_en="A stated share does not follow from its figures",
    formula="占比 = 部分 ÷ 总体 × 100%",
    tables=(NARRATIVE,),
)
def statement_share(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A stated share is what the part and the whole give, inside their intervals."""
    for statement in _each(report, checker, ShareStatement):
        part, whole = _figure(checker, statement.about), _figure(checker, statement.of)
        if part is None or whole is None:
            continue
        where = _where(statement)
        yield checker.rate(
            statement.about,
            (
                f"{where[0]}所述{part.label_zh}占{whole.label_zh}的比重",
                f"share of {part.label_en} in {whole.label_en} stated in {where[1]}",
            ),
            statement.value,
            ratios.share_of,
            [part, whole],
            numerator=part,
            base=whole,
        )


# -- N905, N906: changes and growth over the prior year --------------------------------


def _change_of(report: FinalAccount, about: str) -> ChangeStatement | None:
    """The first change statement about ``about``."""
    return next(
        (
            statement
            for statement in _of(report.statements, ChangeStatement)
            if isinstance(statement, ChangeStatement) and statement.about == about
        ),
        None,
    )


def _prior(checker: Checker, statement: ChangeStatement | GrowthStatement) -> Term | None:
    """The prior-year figure: at the statement's ``prior``, else the figure's own 上年决算数.

    The figure's own is its comparative site's (:meth:`Figures.sites`) published
    prior-year amount, or this year's less its published change.
    """
    if statement.prior is not None:
        return _figure(checker, statement.prior)
    site = _site_of(checker, statement.about)
    if site is None or site.prior is None or site.current is None:
        return None
    figures = checker.figures
    if site.prior.amount is not None:
        return figures.prior_amount(site, site.prior.amount)
    return figures.prior_from_change(site)


def _prior_amount(checker: Checker, statement: GrowthStatement) -> Term | None:
    """The prior-year figure as published: at the statement's ``prior``, else the site's amount."""
    if statement.prior is not None:
        return _figure(checker, statement.prior)
    site = _site_of(checker, statement.about)
    if site is None or site.prior is None or site.prior.amount is None:
        return None
    return checker.figures.prior_amount(site, site.prior.amount)


def _change_and_prior(
    report: FinalAccount, checker: Checker, statement: GrowthStatement, current: Term
) -> tuple[Term, Term] | None:
    """The change of ``statement``'s figure and the prior year's (current − change), if known.

    The change is the figure's published 增减额 (a fact), else the one the text
    states for it (:class:`ChangeStatement`).
    """
    site = None if statement.prior is not None else _site_of(checker, statement.about)
    if site is not None and site.prior is not None and site.prior.change is not None:
        before = checker.figures.prior_from_change(site)
        if before is not None:
            return checker.figures.change(site, site.prior.change), before
    change_statement = _change_of(report, statement.about)
    if change_statement is None:
        return None
    change = _stated(checker, change_statement, ("增减额", "change"), change_statement.value)
    before = checker.figures.difference(
        current,
        change,
        statement.about,
        (f"{current.label_zh}上年数", f"prior-year {current.label_en}"),
    )
    return change, before


def _site_of(checker: Checker, address: str) -> Site | None:
    """The comparative site whose figure is at ``address`` (by its address or its owner's)."""
    for site in checker.figures.sites():
        if site.current is not None and address in (site.current.path, site.address):
            return site
    return None


@rule(
    "N905",
    "statement-change",
    title_zh="情况说明增减额与上年数不符",
    title_en="A stated change differs from the prior-year figure",
    formula="增减额 = 本年数 − 上年数",
    tables=(NARRATIVE,),
)
def statement_change(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A change stated with a published prior-year figure is their difference."""
    for statement in _each(report, checker, ChangeStatement):
        current, prior = _figure(checker, statement.about), _prior(checker, statement)
        if current is None or prior is None:
            continue
        stated = _stated(checker, statement, ("增减额", "change"), statement.value)
        yield checker.equal(
            stated,
            checker.figures.difference(
                current,
                prior,
                statement.about,
                (f"{current.label_zh}增减额", f"change of {current.label_en}"),
            ),
        )


@rule(
    "N906",
    "statement-growth",
    title_zh="情况说明增长率不符",
    title_en="A stated growth rate does not follow from the amounts",
    formula="增长率 = (本年数 − 上年数) ÷ 上年数 × 100%；上年数未列示时为 本年数 − 增减额",
    tables=(NARRATIVE,),
)
def statement_growth(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A growth rate is what the prior-year figure, or the change, gives.

    The prior-year figure is the statement's ``prior``, else the figure's own
    published 上年决算数. Without one, the change is the figure's published
    增减额, else the change the text states for it; the rate is then judged
    from this year's figure and the change (prior = current − change), whose
    intervals are independent.
    """
    for statement in _each(report, checker, GrowthStatement):
        current = _figure(checker, statement.about)
        if current is None:
            continue
        where = _where(statement)
        labels = (
            f"{where[0]}所述{current.label_zh}增长率",
            f"growth of {current.label_en} stated in {where[1]}",
        )
        prior = _prior_amount(checker, statement)
        if prior is not None:
            yield checker.rate(
                statement.about,
                labels,
                statement.value,
                ratios.growth_of,
                [prior, current],
                numerator=checker.figures.difference(current, prior, statement.about, labels),
                base=prior,
            )
            continue
        found = _change_and_prior(report, checker, statement, current)
        if found is None:
            continue
        change, before = found
        yield checker.rate(
            statement.about,
            labels,
            statement.value,
            ratios.growth_from_change_of,
            [current, change],
            numerator=change,
            base=before,
        )


# -- N907: a comparison with a budget ------------------------------------------------

_MEASURES: dict[Measure, tuple[Callable[[Decimal, Decimal], Decimal], Labels]] = {
    Measure.EXECUTION: (ratios.execution_rate_of, ("执行率", "execution rate")),
    Measure.VARIANCE: (ratios.budget_variance_of, ("预决算差异率", "budget variance")),
}

_BASIS_EN = {BudgetBasis.INITIAL: "initial budget", BudgetBasis.FULL_YEAR: "full-year budget"}


def _budget_record(report: FinalAccount, address: str) -> BudgetVariance | None:
    """The :class:`BudgetVariance` whose ``budget`` ``address`` names, if it names one."""
    steps = parse(address)
    if len(steps) < 2 or steps[-1].name != "budget":
        return None
    owner = resolve(report, join(*map(str, steps[:-1])))
    return owner if isinstance(owner, BudgetVariance) else None


def _other_basis(basis: BudgetBasis) -> BudgetBasis:
    return BudgetBasis.FULL_YEAR if basis is BudgetBasis.INITIAL else BudgetBasis.INITIAL


@rule(
    "N907",
    "statement-budget-rate",
    title_zh="情况说明预算执行率（差异率）不符",
    title_en="A stated budget rate does not follow from its basis",
    formula=(
        "执行率 = 决算数 ÷ 预算数 × 100%；差异率 = (决算数 − 预算数) ÷ 预算数 × 100%，按所述口径"
    ),
    tables=(NARRATIVE,),
)
def statement_budget_rate(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A rate stated on a basis is the rate on that basis; a wrong basis is named.

    A 执行率 or 差异率 wrong on its own basis but right on the budget of the
    other basis (``BudgetVariance.other_basis_budget``) says so: 口径有误.
    """
    for statement in _each(report, checker, BudgetStatement):
        final, budget = _figure(checker, statement.about), _figure(checker, statement.budget)
        if final is None or budget is None:
            continue
        record = _budget_record(report, statement.budget)
        where = _where(statement)
        said = statement.basis
        if record is not None and record.basis is not said:
            yield checker.finding(
                statement.budget,
                f"{where[0]}称与{said.value}比较，但所比较的预算数 {shown(budget.value)} 是"
                f"{record.basis.value}数",
                f"{where[1]} compares with the {_BASIS_EN[said]}, but the budget"
                f" {shown(budget.value)} it compares with is the {_BASIS_EN[record.basis]}",
            )
            continue
        function, (name_zh, name_en) = _MEASURES[statement.measure]
        labels = (
            f"{where[0]}所述{final.label_zh}{said.value}{name_zh}",
            f"{name_en} of {final.label_en} against the {_BASIS_EN[said]} stated in {where[1]}",
        )
        numerator = (
            final
            if statement.measure is Measure.EXECUTION
            else checker.figures.difference(final, budget, statement.about, labels)
        )
        found = checker.rate(
            statement.about,
            labels,
            statement.value,
            function,
            [budget, final],
            numerator=numerator,
            base=budget,
        )
        other = None if record is None else record.other_basis_budget
        if found is not None and other is not None:
            alternative = checker.figures.amount(
                join(statement.budget.rsplit(".", 1)[0], "other_basis_budget"),
                (f"{_other_basis(said).value}数", _BASIS_EN[_other_basis(said)]),
                other,
            )
            fits_other = checker.rate(
                statement.about,
                labels,
                statement.value,
                function,
                [alternative, final],
                numerator=(
                    final
                    if statement.measure is Measure.EXECUTION
                    else checker.figures.difference(final, alternative, statement.about, labels)
                ),
                base=alternative,
            )
            if fits_other is None:
                found = checker.finding(
                    statement.about,
                    f"{found.message_zh}；所述比率按{_other_basis(said).value}"
                    f" {shown(other)} 计算才成立：口径有误",
                    f"{found.message_en}; the stated rate fits the"
                    f" {_BASIS_EN[_other_basis(said)]} {shown(other)} instead: wrong basis",
                    expected=found.expected,
                    actual=found.actual,
                    tolerance=found.tolerance,
                    related=found.related,
                )
        yield found


# -- N908: a direction word ---------------------------------------------------------

_AGAINST_EN = {
    Against.PRIOR_YEAR: "prior-year",
    Against.INITIAL_BUDGET: "initial budget",
    Against.FULL_YEAR_BUDGET: "full-year budget",
}

_TREND_WORDS: dict[Trend, Labels] = {
    Trend.UP: ("增加（大于）", "up"),
    Trend.DOWN: ("减少（小于）", "down"),
    Trend.LEVEL: ("持平（等于）", "level"),
    Trend.ABOUT_LEVEL: ("基本持平", "about level"),
}


def _comparison(
    report: FinalAccount, checker: Checker, statement: DirectionStatement
) -> Term | None:
    """``about − compared``: from the ``to`` figure, else from the change stated for ``about``."""
    current = _figure(checker, statement.about)
    if current is None:
        return None
    if statement.to is not None:
        compared = _figure(checker, statement.to)
        if compared is None:
            return None
        labels = (
            f"{current.label_zh} − {compared.label_zh}",
            f"{current.label_en} − {compared.label_en}",
        )
        return checker.figures.difference(current, compared, statement.about, labels)
    if statement.against is not Against.PRIOR_YEAR:
        return None
    change = _change_of(report, statement.about)
    if change is None:
        return None
    return _stated(checker, change, ("增减额", "change"), change.value)


def _trend_holds(trend: Trend, difference: Term, base: Decimal, about_level: Decimal) -> bool:
    """Whether some value inside the difference's interval has the trend the word says."""
    if trend is Trend.UP:
        return difference.high > 0
    if trend is Trend.DOWN:
        return difference.low < 0
    if trend is Trend.LEVEL:  # as :func:`~govfinal.checks.tolerance.meets`: strictly
        return difference.value.is_zero() or difference.low < 0 < difference.high
    reach = CONTEXT.divide(CONTEXT.multiply(abs(base), about_level), HUNDRED)
    return difference.low <= reach and difference.high >= -reach


@rule(
    "N908",
    "statement-direction",
    title_zh="情况说明增减方向与数据不符",
    title_en="A direction word does not fit the figures",
    formula="增加/大于：本年数 > 比较数；减少/小于：本年数 < 比较数；持平/等于：两者相等",
    tables=(NARRATIVE,),
)
def statement_direction(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A direction word fits the sign of the difference (基本持平: within a threshold)."""
    about_level = checker.options.about_level_threshold
    for statement in _each(report, checker, DirectionStatement):
        difference = _comparison(report, checker, statement)
        if difference is None:
            continue
        compared = None if statement.to is None else _figure(checker, statement.to)
        current = _figure(checker, statement.about)
        if compared is not None:
            base = compared.value
        elif current is not None:  # the prior year's figure: this year's less the change
            base = CONTEXT.subtract(current.value, difference.value)
        else:
            base = difference.value
        if _trend_holds(statement.trend, difference, base, about_level):
            yield None
            continue
        where = _where(statement)
        level = _trend_holds(Trend.LEVEL, difference, base, about_level)
        up = difference.value > 0
        actual = "持平" if level else "增加" if up else "减少"
        actual_en = "level" if level else "up" if up else "down"
        yield checker.finding(
            statement.about,
            f"{where[0]}称{statement.word}（与{statement.against.value}相比），但"
            f" {difference.formula_zh()} = {shown(difference.value)}：实为{actual}",
            f"{where[1]} says {statement.word} ({_TREND_WORDS[statement.trend][1]}) against the"
            f" {_AGAINST_EN[statement.against]}, but {difference.formula_en()} ="
            f" {shown(difference.value)}: {actual_en}",
            actual=difference.value,
            tolerance=difference.half_width,
            related=difference.paths(),
        )


# -- N909, N910, N911: counts, years and dates, and parts said to hold nothing --------


@rule(
    "N909",
    "statement-count",
    title_zh="情况说明数量与报表不符",
    title_en="A stated count differs from the report",
    formula="情况说明所述数量 = 报表数",
    tables=(NARRATIVE,),
)
def statement_count(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A count the text states is the count the report holds, exactly."""
    for statement in _each(report, checker, CountStatement):
        figure = _figure(checker, statement.about)
        if figure is None:
            continue
        stated = _stated(
            checker, statement, ("数量", "count"), Decimal(statement.value), count=True
        )
        yield checker.equal(stated, figure)


@rule(
    "N910",
    "statement-year",
    title_zh="情况说明年度或日期有误",
    title_en="A stated year or date is not the report's",
    formula="本年度 = 决算年度；上年度 = 决算年度 − 1；年末日期 = 决算年度 12 月 31 日",
    tables=(NARRATIVE,),
)
def statement_year(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Years name the report's year or the one before; dates the year's end."""
    year = report.unit.fiscal_year
    for statement in _every(report, checker):
        if isinstance(statement, YearStatement):
            wanted = year if statement.relation is Relation.CURRENT else year - 1
            said = statement.value
            what = ("本年度", "the report's year")
            if statement.relation is Relation.PRIOR:
                what = ("上年度", "the prior year")
        elif isinstance(statement, DateStatement):
            end = datetime.date(year, 12, 31) if 1 <= year <= 9999 else None
            if end == statement.value:
                yield None
                continue
            where = _where(statement)
            yield checker.finding(
                statement.about,
                f"{where[0]}所述日期 {statement.value.isoformat()} 不是决算年度 {year} 年末",
                f"{where[1]} states the date {statement.value.isoformat()}, not the end of the"
                f" fiscal year {year}",
            )
            continue
        else:
            continue
        if said == wanted:
            yield None
            continue
        where = _where(statement)
        yield checker.finding(
            "unit.fiscal_year",
            f"{where[0]}所述{what[0]} {said} 年 ≠ {wanted} 年（决算年度 {year}）",
            f"{where[1]} states {said} for {what[1]}, which is {wanted} (fiscal year {year})",
            expected=Decimal(wanted),
            actual=Decimal(said),
        )


@rule(
    "N911",
    "statement-none",
    title_zh="情况说明称无，但报表有数",
    title_en="The text says none, but the tables hold figures",
    formula="情况说明称“无”的部分，报表数均为 0 或空",
    tables=(NARRATIVE,),
)
def statement_none(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A part the text says holds nothing has no figure other than 0 under it."""
    for statement in _each(report, checker, NoneStatement):
        if not _resolves(report, statement.about):
            continue
        prefix = statement.about
        figure = _figure(checker, prefix)
        if isinstance(figure, Term):  # one figure: it is 0 (or blank)
            held = (
                []
                if figure.value.is_zero()
                else [_At(prefix, figure.label_zh, figure.label_en, figure.value)]
            )
        else:
            held = [
                _At(f.address, f.label_zh, f.label_en, f.value)
                for f in addresses(report, under=prefix)
                if (f.address.startswith((f"{prefix}.", f"{prefix}[")))
                and isinstance(f.value, (Decimal, int))
                and f.value != 0
                and _is_amount_or_count(f.address)
            ]
        if not held:
            yield None
            continue
        where = _where(statement)
        first = held[0]
        listed = "、".join(f"{f.label_zh} {f.value}" for f in held[:3])
        listed_en = ", ".join(f"{f.label_en} {f.value}" for f in held[:3])
        more = f" 等 {len(held)} 项" if len(held) > 3 else ""
        more_en = f" and {len(held) - 3} more" if len(held) > 3 else ""
        yield checker.finding(
            first.address,
            f"{where[0]}称无此项，但报表列示 {listed}{more}",
            f"{where[1]} says there is none, but the report holds {listed_en}{more_en}",
            related=[f.address for f in held[1:]],
        )


@attrs.frozen
class _At:
    """A figure said to be none: its address, names and value."""

    address: str
    label_zh: str
    label_en: str
    value: Decimal | int


def _is_amount_or_count(address: str) -> bool:
    """Whether a figure is one of this year's amounts or counts.

    Not a published rate (a share may be 0 or not), nor a comparative: "本年度无…"
    says nothing of last year's figure or of the budget.
    """
    steps = {step.name for step in parse(address)}
    last = address.rsplit(".", 1)[-1]
    return not steps & {"prior", "budget"} and not last.endswith("_share")


# -- N912: a table stated published, or empty ---------------------------------------------


@rule(
    "N912",
    "statement-table",
    title_zh="情况说明所述空表（公开表）与报表不符",
    title_en="A table stated empty holds figures, or one stated published holds none",
    formula="称为空表的表，各金额均为 0 或空；称公开的表，至少有一项金额不为空",
    tables=(NARRATIVE,),
)
def statement_table(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A table stated empty prints no amount other than 0; one stated published prints one.

    A table stated empty that holds a figure other than 0 is an error; a table
    stated published whose every amount is blank is a warning (a printed 0.00
    is a figure, a blank cell is not). A table stated not published (未公开)
    is not judged.
    """
    for statement in _each(report, checker, TableStatement):
        if statement.presence is Presence.ABSENT:
            continue
        table = statement.table
        printed = table_figures(report, table)
        where = _where(statement)
        title = table.value
        if statement.presence is Presence.EMPTY:
            held = [(f, f.value) for f in printed if isinstance(f.value, Decimal) and f.value != 0]
            if not held:
                yield None
                continue
            first, value = held[0]
            more = f" 等 {len(held)} 项" if len(held) > 1 else ""
            more_en = f" and {len(held) - 1} more" if len(held) > 1 else ""
            yield checker.finding(
                first.address,
                f"{where[0]}称{title}为空表，但报表列示 {first.address}"
                f"（{first.label_zh}）{shown(value)}{more}",
                f"{where[1]} says the table {title} ({table.key}) is empty, but the report"
                f" holds {first.address} ({first.label_en}) {shown(value)}{more_en}",
                actual=value,
                related=[f.address for f, _ in held[1:]],
            )
        elif any(f.value is not None for f in printed):
            yield None
        else:
            yield checker.finding(
                table.roots[0],
                f"{where[0]}称公开{title}，但该表各项金额均为空",
                f"{where[1]} says the table {title} ({table.key}) is published, but every"
                " amount of it is blank",
                severity=Severity.WARNING,
            )


def table_figures(report: FinalAccount, table: StandardTable) -> list[FigureAt]:
    """The amounts ``table`` prints, in the data file's order; a blank one has value ``None``.

    They are the figures under each of its roots and in its row of each
    function line (:class:`~govfinal.model.tables.StandardTable`), found as
    :func:`~govfinal.address.addresses` lists them, less what the table does
    not print: the fields outside its columns, counts (the narrative's),
    comparisons with the prior year, and comparisons with a budget, except the
    预算数 of the “三公” table.
    """
    found = [f for root in table.roots for f in addresses(report, under=root)]
    if table.rows:
        for figure in addresses(report, under="functions"):
            steps = parse(figure.address)
            if len(steps) > 1 and steps[0].key is not None and steps[1].name in table.rows:
                found.append(figure)
    return [f for f in found if _printed_in(table, f)]


def _printed_in(table: StandardTable, figure: FigureAt) -> bool:
    """Whether ``figure``, one of the figures under ``table``'s parts, is a cell of it."""
    if isinstance(figure.value, int):  # a count (bool is not a figure)
        return False
    names = [step.name for step in parse(figure.address)]
    if "prior" in names or (table.columns and names[-1] not in table.columns):
        return False
    if "budget" in names[:-1]:  # a comparison with a budget: only its 预算数, where printed
        return table.prints_budgets and names[-2:] == ["budget", "budget"]
    return True


# -- N913: a reason that speaks of the other direction -------------------------------

#: Words of a reason that tell a rise, and words that tell a fall. Only these
#: plain words count: a reason's other wording is not read.
REASON_UP_WORDS = ("增加", "增长", "上升", "提高", "增多")
REASON_DOWN_WORDS = ("减少", "下降", "降低", "调减", "压减", "缩减", "减支")


def reason_trend(text: str) -> Trend | None:
    """The direction a reason's words tell: up or down when only one kind is used, else ``None``."""
    up = any(word in text for word in REASON_UP_WORDS)
    down = any(word in text for word in REASON_DOWN_WORDS)
    if up == down:
        return None
    return Trend.UP if up else Trend.DOWN


def _stated_trend(statement: Statement) -> tuple[tuple[str, Against], Trend, str] | None:
    """What a direction word or a stated change says: its figure and basis, direction and word."""
    if isinstance(statement, DirectionStatement):
        return (statement.about, statement.against), statement.trend, statement.word
    if isinstance(statement, ChangeStatement):
        key = (statement.about, Against.PRIOR_YEAR)
        if statement.value.is_zero():
            return key, Trend.LEVEL, "持平"
        return (key, Trend.UP, "增加") if statement.value > 0 else (key, Trend.DOWN, "减少")
    return None


@rule(
    "N913",
    "statement-reason-direction",
    title_zh="情况说明所述原因与增减方向相反",
    title_en="A stated reason speaks of the other direction",
    formula="所述原因的增减用语与所述增减方向一致",
    tables=(NARRATIVE,),
    severity=Severity.WARNING,
)
def statement_reason_direction(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A reason (主要原因) tells the direction its change or direction word says.

    A reason whose direction words (:data:`REASON_UP_WORDS`,
    :data:`REASON_DOWN_WORDS`) are all of one kind, given for a figure the
    text says is level or moved the other way, is a warning: the text
    disagrees with itself, whatever the facts are. A reason with words of
    both kinds, or of neither, is not judged.
    """
    said: dict[tuple[str, Against], list[tuple[Trend, str, Statement]]] = {}
    for statement in report.statements:
        stated = _stated_trend(statement)
        if stated is not None:
            key, trend, word = stated
            said.setdefault(key, []).append((trend, word, statement))
    for reason in _each(report, checker, ReasonStatement):
        told = reason_trend(reason.text)
        if told is None:
            continue
        for trend, word, statement in said.get((reason.about, reason.against), ()):
            if trend is told or trend is Trend.ABOUT_LEVEL:
                yield None
                continue
            where, stated_where = _where(reason), _where(statement)
            told_zh, told_en = ("增加", "a rise") if told is Trend.UP else ("减少", "a fall")
            yield checker.finding(
                reason.about,
                f"{stated_where[0]}称{word}（与{reason.against.value}相比），"
                f"而{where[0]}所述原因说的是{told_zh}：“{reason.text}”",
                f"{stated_where[1]} says {word} ({_TREND_WORDS[trend][1]}) against the"
                f" {_AGAINST_EN[reason.against]}, but the reason in {where[1]} speaks of"
                f" {told_en}: “{reason.text}”",
            )
