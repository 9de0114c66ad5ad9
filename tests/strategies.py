"""Hypothesis strategies for govfinal: amounts, function trees and whole final accounts.

Rules the strategies follow:

* amounts are ``Decimal`` with exactly two places (0.01 万元), never ``float``;
* the *leaves* are generated and every total is *derived* from them with exact
  arithmetic (:func:`exact_sum`), so a generated report is consistent by
  construction; nothing is ``.filter``-ed for consistency;
* sizes stay small (a few 类, a few children each) so that tests stay fast.

Two families break the first two rules on purpose: the ``unrounded_*`` reports
have four places (the true figures before publication rounds them), and
:func:`arbitrary_final_accounts` derives nothing (for robustness tests).

Totals here are computed with this module's own exact arithmetic, not with
:mod:`govfinal.money`, so that the tests compare the package with an
independent computation.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from govfinal import (
    ECONOMIC_CODES,
    FUNCTION_CODES,
    Assets,
    BasicExpenditureDetail,
    BudgetBasis,
    BudgetStatement,
    BudgetUnit,
    BudgetVariance,
    EconomicLine,
    Expenditure,
    Figure,
    FinalAccount,
    FiscalAllocations,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    GrowthStatement,
    Income,
    IncomeRow,
    IncomeSources,
    Measure,
    NatureAmounts,
    PerformanceSummary,
    Place,
    PriorYear,
    Procurement,
    Profile,
    ShareStatement,
    Staff,
    Statement,
    ThreePublicExpenses,
    UnitKind,
    VehicleHolding,
    VehicleUse,
)

__all__ = [
    "MAX_AMOUNT",
    "ZERO_AMOUNT",
    "amounts",
    "any_amounts",
    "any_figures",
    "any_function_lines",
    "any_function_trees",
    "any_fund_amounts",
    "any_nature_amounts",
    "any_percents",
    "arbitrary_final_accounts",
    "budget_units",
    "budget_variances",
    "class_codes",
    "complete_final_accounts",
    "exact_sub",
    "exact_sum",
    "final_accounts",
    "function_trees",
    "item_suffixes",
    "map_decimals",
    "maybe_amounts",
    "maybe_non_negative_amounts",
    "non_negative_amounts",
    "non_negative_figures",
    "non_negative_percents",
    "nonzero_signed_amounts",
    "partitions",
    "positive_amounts",
    "prior_years",
    "signed_amounts",
    "sparse_amounts",
    "stated_rate",
    "subitem_codes",
    "unrounded_complete_final_accounts",
    "unrounded_final_accounts",
    "with_blank_parent_rows",
    "with_comparatives",
    "with_details",
]

MAX_AMOUNT = Decimal("9999999.99")
"""Largest generated amount: about 10 亿元 when the unit is 万元, beyond any one unit's budget."""

ZERO_AMOUNT = Decimal("0.00")
"""A published zero, at the published precision."""

# Exact arithmetic for the derived totals: any rounding at all is an error.
_EXACT = decimal.Context(
    prec=200,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation, decimal.Overflow],
)


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Σ ``values``, exactly (raises if any rounding would be needed)."""
    total = ZERO_AMOUNT
    for value in values:
        total = _EXACT.add(total, value)
    return total


def exact_sub(left: Decimal, right: Decimal) -> Decimal:
    """``left − right``, exactly."""
    return _EXACT.subtract(left, right)


# -- amounts ---------------------------------------------------------------


def amounts(
    max_value: Decimal = MAX_AMOUNT, min_value: Decimal = ZERO_AMOUNT
) -> st.SearchStrategy[Decimal]:
    """Non-negative amounts (by default) with two places, e.g. ``Decimal('58.95')``."""
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=2,
        allow_nan=False,
        allow_infinity=False,
    )


def positive_amounts(max_value: Decimal = MAX_AMOUNT) -> st.SearchStrategy[Decimal]:
    """Strictly positive amounts with two places (at least 0.01)."""
    return amounts(max_value=max_value, min_value=Decimal("0.01"))


def signed_amounts(max_value: Decimal = MAX_AMOUNT) -> st.SearchStrategy[Decimal]:
    """Amounts of either sign with two places (changes, balances that went negative)."""
    return amounts(max_value=max_value, min_value=-max_value)


def nonzero_signed_amounts(max_value: Decimal = MAX_AMOUNT) -> st.SearchStrategy[Decimal]:
    """Non-zero amounts of either sign: a positive amount with a drawn sign (no filter)."""
    return st.builds(
        lambda magnitude, negative: -magnitude if negative else magnitude,
        positive_amounts(max_value),
        st.booleans(),
    )


def sparse_amounts(max_value: Decimal = MAX_AMOUNT) -> st.SearchStrategy[Decimal]:
    """Amounts that are often exactly ``0.00``, as most cells of a real report are."""
    return st.one_of(st.just(ZERO_AMOUNT), amounts(max_value))


@st.composite
def partitions(
    draw: st.DrawFn, max_parts: int = 20, max_value: Decimal = MAX_AMOUNT
) -> list[Decimal]:
    """Non-negative parts, at least one of them positive (so their sum is positive).

    The positive part is drawn separately and inserted at a drawn position, so
    no example is ever rejected.
    """
    others = draw(st.lists(sparse_amounts(max_value), max_size=max_parts - 1))
    positive = draw(positive_amounts(max_value))
    position = draw(st.integers(min_value=0, max_value=len(others)))
    return [*others[:position], positive, *others[position:]]


# -- classification codes --------------------------------------------------


def class_codes() -> st.SearchStrategy[str]:
    """A 3-digit 类 code of the 2xx range (支出功能分类 classes are 201–233, 299)."""
    return st.integers(min_value=201, max_value=299).map(str)


def item_suffixes() -> st.SearchStrategy[str]:
    """The two digits a 款 adds to its 类, or a 项 to its 款 (01–99)."""
    return st.integers(min_value=1, max_value=99).map("{:02d}".format)


def subitem_codes() -> st.SearchStrategy[str]:
    """A 7-digit 项 code built from a 类 and two suffixes."""
    return st.builds(lambda c, k, x: c + k + x, class_codes(), item_suffixes(), item_suffixes())


def _name(code: str) -> str:
    return FUNCTION_CODES.name_of(code) or f"科目{code}"


# -- function trees --------------------------------------------------------


def _fund_sum(children: Sequence[FundAmounts | None]) -> FundAmounts | None:
    """A parent's FundAmounts: each column the exact Σ of its children's."""
    present = [child for child in children if child is not None]
    if not present:
        return None
    basic = exact_sum(child.basic or ZERO_AMOUNT for child in present)
    project = exact_sum(child.project or ZERO_AMOUNT for child in present)
    return FundAmounts(basic=basic, project=project, stated_expenditure=exact_sum((basic, project)))


def _nature_sum(children: Sequence[NatureAmounts | None]) -> NatureAmounts:
    """A parent's NatureAmounts: basic, project and 合计 each the exact Σ of the children's."""
    present = [child for child in children if child is not None]
    basic = exact_sum(child.basic or ZERO_AMOUNT for child in present)
    project = exact_sum(child.project or ZERO_AMOUNT for child in present)
    return NatureAmounts(basic=basic, project=project, stated_total=exact_sum((basic, project)))


def _parent_line(code: str, children: Sequence[FunctionLine]) -> FunctionLine:
    return FunctionLine(
        code=code,
        name=_name(code),
        expenditure=_nature_sum([child.expenditure for child in children]),
        general_budget=_fund_sum([child.general_budget for child in children]),
        government_fund=_fund_sum([child.government_fund for child in children]),
    )


@st.composite
def _leaf_line(draw: st.DrawFn, code: str, with_government_fund: bool) -> FunctionLine:
    """A 项 line: fund amounts drawn, its 支出决算表 row derived from them.

    基本支出 (project likewise) of the line is 一般公共预算 + 政府性基金 + the
    rest (other funds, non-fiscal money), so a fund never spends more than the line.
    """
    gb_basic, gb_project = draw(sparse_amounts()), draw(sparse_amounts())
    rest_basic, rest_project = draw(sparse_amounts()), draw(sparse_amounts())
    general_budget = FundAmounts(
        basic=gb_basic, project=gb_project, stated_expenditure=exact_sum((gb_basic, gb_project))
    )
    government_fund = None
    gf_basic = gf_project = ZERO_AMOUNT
    if with_government_fund:
        gf_basic, gf_project = draw(sparse_amounts()), draw(sparse_amounts())
        government_fund = FundAmounts(
            basic=gf_basic,
            project=gf_project,
            stated_expenditure=exact_sum((gf_basic, gf_project)),
        )
    basic = exact_sum((gb_basic, gf_basic, rest_basic))
    project = exact_sum((gb_project, gf_project, rest_project))
    return FunctionLine(
        code=code,
        name=_name(code),
        expenditure=NatureAmounts(
            basic=basic, project=project, stated_total=exact_sum((basic, project))
        ),
        general_budget=general_budget,
        government_fund=government_fund,
    )


def _suffix_lists(max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(item_suffixes(), min_size=1, max_size=max_size, unique=True).map(sorted)


@st.composite
def function_trees(
    draw: st.DrawFn,
    max_classes: int = 3,
    max_children: int = 3,
    with_government_fund: bool | None = None,
) -> FunctionTree:
    """A consistent :class:`FunctionTree` of 类 → 款 → 项.

    Each 款 code is its 类 code plus two digits, each 项 code its 款 code plus
    two. The 项 amounts are drawn; every 款 and 类 line publishes basic,
    project and 合计 (支出决算表 and the fund tables) as the exact Σ of its
    children. Lines are in table order: each 类, then its 款, each followed by
    its 项. ``with_government_fund`` decides whether the lines carry 政府性基金
    amounts (drawn when ``None``).
    """
    if with_government_fund is None:
        with_government_fund = draw(st.booleans())
    classes = draw(
        st.lists(class_codes(), min_size=1, max_size=max_classes, unique=True).map(sorted)
    )
    lines: list[FunctionLine] = []
    for class_code in classes:
        class_block: list[FunctionLine] = []
        items: list[FunctionLine] = []
        for item_suffix in draw(_suffix_lists(max_children)):
            item_code = class_code + item_suffix
            subitems = [
                draw(_leaf_line(item_code + suffix, with_government_fund))
                for suffix in draw(_suffix_lists(max_children))
            ]
            item = _parent_line(item_code, subitems)
            items.append(item)
            class_block += [item, *subitems]
        lines += [_parent_line(class_code, items), *class_block]
    return FunctionTree(lines=lines)


# -- whole reports ---------------------------------------------------------


def budget_units() -> st.SearchStrategy[BudgetUnit]:
    """A budget unit: fixed name, drawn year and kind."""
    return st.builds(
        BudgetUnit,
        name=st.just("测试单位"),
        fiscal_year=st.integers(min_value=2015, max_value=2030),
        kind=st.sampled_from(UnitKind),
    )


def _balances(income: Decimal, spent: Decimal, base: Decimal) -> tuple[Decimal, Decimal]:
    """(opening, closing), both ≥ 0, such that opening + income = spent + closing.

    opening = base + max(0, spent − income) and closing = base + max(0, income − spent):
    then opening + income = base + max(income, spent) = spent + closing, whatever
    the signs of ``income`` and ``spent``.
    """
    gap = exact_sub(spent, income)
    opening = exact_sum((base, max(gap, ZERO_AMOUNT)))
    closing = exact_sum((base, max(-gap, ZERO_AMOUNT)))
    return opening, closing


@st.composite
def _fund(draw: st.DrawFn, income: Decimal, basic: Decimal, project: Decimal) -> FundAmounts:
    """One fund type on the 财政拨款总表: income and spending given, balances derived."""
    spent = exact_sum((basic, project))
    opening, closing = _balances(income, spent, draw(sparse_amounts()))
    return FundAmounts(
        opening=opening,
        income=income,
        basic=basic,
        project=project,
        stated_expenditure=spent,
        closing=closing,
    )


def _leaf_column(tree: FunctionTree, fund: str, column: str) -> Decimal:
    values: list[Decimal] = []
    for line in tree.subitems():
        amounts_ = getattr(line, fund)
        if amounts_ is not None:
            values.append(getattr(amounts_, column) or ZERO_AMOUNT)
    return exact_sum(values)


@st.composite
def final_accounts(draw: st.DrawFn, max_classes: int = 3, max_children: int = 3) -> FinalAccount:
    """A consistent :class:`govfinal.FinalAccount`.

    Drawn: the function tree (hence expenditure by nature and per fund), the
    eight income sources, 使用非财政拨款结余, 结余分配, a base balance per fund
    and one for non-fiscal money. Derived, exactly:

    * 本年收入合计 = Σ sources; 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余;
    * 本年支出 by nature = Σ of the 项 (so 本年支出合计 = Σ of the 类 totals);
      人员经费 + 公用经费 = 基本支出;
    * per fund type: opening + income = expenditure + closing, both balances ≥ 0,
      fund income = the matching income source, fund expenditure = Σ of its 项;
    * non-fiscal money balances the same way, so the 总表 balances:
      收入总计 = 支出总计, with 年末结转和结余 ≥ 0 and 年初结转和结余 ≥ 0;
    * the 总表 of fiscal allocations publishes its totals as the Σ of the funds.
    """
    tree = draw(function_trees(max_classes=max_classes, max_children=max_children))

    # Income sources: drawn.
    has_government_fund = any(line.government_fund is not None for line in tree)
    sources = IncomeSources(
        general_budget=draw(sparse_amounts()),
        government_fund=draw(sparse_amounts()) if has_government_fund else ZERO_AMOUNT,
        state_capital=draw(sparse_amounts()),
        superior_subsidy=draw(sparse_amounts()),
        service=draw(sparse_amounts()),
        business=draw(sparse_amounts()),
        subordinate_remittance=draw(sparse_amounts()),
        other=draw(sparse_amounts()),
    )
    income_total = exact_sum(sources.parts().values())
    sources = attrs.evolve(sources, stated_total=income_total)
    balance_used = draw(sparse_amounts())

    # Expenditure by nature: Σ of the 项.
    basic = _leaf_column(tree, "expenditure", "basic")
    project = _leaf_column(tree, "expenditure", "project")
    spent_total = exact_sum((basic, project))
    personnel = draw(amounts(max_value=basic))
    nature = NatureAmounts(
        basic=basic,
        project=project,
        remitted_to_superior=ZERO_AMOUNT,
        business=ZERO_AMOUNT,
        subsidies_to_subordinates=ZERO_AMOUNT,
        stated_total=spent_total,
    )
    surplus_distribution = draw(sparse_amounts())

    # Fiscal allocations, per fund type.
    general_budget = draw(
        _fund(
            sources.general_budget,
            _leaf_column(tree, "general_budget", "basic"),
            _leaf_column(tree, "general_budget", "project"),
        )
    )
    government_fund = draw(
        _fund(
            sources.government_fund,
            _leaf_column(tree, "government_fund", "basic"),
            _leaf_column(tree, "government_fund", "project"),
        )
    )
    state_capital = draw(_fund(sources.state_capital, ZERO_AMOUNT, ZERO_AMOUNT))
    funds = (general_budget, government_fund, state_capital)

    def fund_total(column: str) -> Decimal:
        return exact_sum(getattr(fund, column) for fund in funds)

    fiscal_opening, fiscal_income = fund_total("opening"), fund_total("income")
    fiscal_spent, fiscal_closing = fund_total("stated_expenditure"), fund_total("closing")
    fiscal = FiscalAllocations(
        general_budget=general_budget,
        government_fund=government_fund,
        state_capital=state_capital,
        stated_opening=fiscal_opening,
        stated_income=fiscal_income,
        stated_expenditure=fiscal_spent,
        stated_closing=fiscal_closing,
        stated_income_grand_total=exact_sum((fiscal_opening, fiscal_income)),
        stated_expenditure_grand_total=exact_sum((fiscal_spent, fiscal_closing)),
    )

    # Non-fiscal money: whatever the funds do not cover, balanced the same way.
    non_fiscal_income = exact_sub(exact_sum((income_total, balance_used)), fiscal_income)
    non_fiscal_spent = exact_sub(exact_sum((spent_total, surplus_distribution)), fiscal_spent)
    non_fiscal_opening, non_fiscal_closing = _balances(
        non_fiscal_income, non_fiscal_spent, draw(sparse_amounts())
    )
    opening = exact_sum((fiscal_opening, non_fiscal_opening))
    closing = exact_sum((fiscal_closing, non_fiscal_closing))

    income = Income(
        sources=sources,
        non_fiscal_balance_used=balance_used,
        opening_balance=opening,
        stated_grand_total=exact_sum((income_total, balance_used, opening)),
    )
    expenditure = Expenditure(
        nature=nature,
        personnel=personnel,
        public=exact_sub(basic, personnel),
        surplus_distribution=surplus_distribution,
        closing_balance=closing,
        stated_grand_total=exact_sum((spent_total, surplus_distribution, closing)),
    )
    general_budget_basic = general_budget.basic or ZERO_AMOUNT
    gb_personnel = draw(amounts(max_value=general_budget_basic))
    return FinalAccount(
        unit=draw(budget_units()),
        income=income,
        expenditure=expenditure,
        functions=tree,
        fiscal=fiscal,
        general_budget_basic=BasicExpenditureDetail(
            stated_total=general_budget_basic,
            stated_personnel=gb_personnel,
            stated_public=exact_sub(general_budget_basic, gb_personnel),
        ),
    )


# -- unrounded reports ---------------------------------------------------------


def map_decimals(value: Any, function: Callable[[Decimal], Decimal]) -> Any:
    """``value`` with ``function`` applied to every ``Decimal`` inside it.

    Walks attrs instances (rebuilt with :func:`attrs.evolve`, so converters run
    again) and tuples; anything else (text, counts, enums) is kept as it is.
    """
    if isinstance(value, Decimal):
        return function(value)
    if isinstance(value, tuple):
        return tuple(map_decimals(item, function) for item in value)
    if attrs.has(type(value)):
        changes = {
            field.alias: map_decimals(getattr(value, field.name), function)
            for field in attrs.fields(type(value))
            if field.init
        }
        return attrs.evolve(value, **changes)
    return value


_HUNDREDTH = Decimal("0.01")


def _hundredth(value: Decimal) -> Decimal:
    return _EXACT.multiply(value, _HUNDREDTH)


def unrounded_final_accounts(
    max_classes: int = 3, max_children: int = 3
) -> st.SearchStrategy[FinalAccount]:
    """A consistent :class:`govfinal.FinalAccount` whose amounts have four places.

    Built exactly as :func:`final_accounts`, then every amount is divided by 100
    (exactly): the leaves become four-place amounts such as ``0.5895`` and every
    total stays the exact sum of its parts, because all the identities of
    :func:`final_accounts` are linear and homogeneous (Σ, differences and
    ``max(·, 0)`` all commute with a positive factor). This is the "true" report
    before publication rounds it to 0.01.
    """
    return final_accounts(max_classes=max_classes, max_children=max_children).map(
        lambda report: map_decimals(report, _hundredth)
    )


# -- arbitrary (inconsistent) reports ------------------------------------------

_SMALL = Decimal("1000.00")

_FUNCTION_CODE_POOL = (
    "201",
    "20101",
    "2010101",
    "2010102",
    "20102",
    "2010201",
    "208",
    "20805",
    "2080505",
    "2080506",
    "2120801",  # an orphan: neither 21208 nor 212 need be present
    "221",
    "22102",
    "2210201",
    "299",
    "29999",
    "2999999",
)
_ECONOMIC_CODE_POOL = ("301", "30101", "30102", "302", "30201", "303", "30302", "310", "31002")


@functools.cache
def any_amounts() -> st.SearchStrategy[Decimal]:
    """Two-place amounts of either sign, often zero or small."""
    return st.one_of(st.just(ZERO_AMOUNT), signed_amounts(_SMALL), signed_amounts())


@functools.cache
def maybe_amounts() -> st.SearchStrategy[Decimal | None]:
    """Like :func:`any_amounts`, or ``None`` (a blank cell)."""
    return st.one_of(st.none(), any_amounts())


@functools.cache
def non_negative_amounts() -> st.SearchStrategy[Decimal]:
    """Like :func:`any_amounts`, never negative (an area, a value, a contract, a score)."""
    return st.one_of(st.just(ZERO_AMOUNT), amounts(_SMALL), amounts())


@functools.cache
def maybe_non_negative_amounts() -> st.SearchStrategy[Decimal | None]:
    """Like :func:`non_negative_amounts`, or ``None`` (a blank cell)."""
    return st.one_of(st.none(), non_negative_amounts())


@functools.cache
def non_negative_percents() -> st.SearchStrategy[Decimal | None]:
    """Like :func:`any_percents`, never negative (a share, an execution rate)."""
    return st.one_of(
        st.none(),
        st.sampled_from([Decimal("0"), Decimal("100"), Decimal("0.00")]),
        st.decimals(min_value=0, max_value=1000, places=2),
        st.integers(min_value=0, max_value=1000).map(Decimal),
    )


@functools.cache
def any_percents() -> st.SearchStrategy[Decimal | None]:
    """A stated percentage at 0.01, 0.1 or 1 % (blank sometimes), zero and ±100 included."""
    return st.one_of(
        st.none(),
        st.sampled_from([Decimal("0"), Decimal("100"), Decimal("-100"), Decimal("0.00")]),
        st.decimals(min_value=-1000, max_value=1000, places=2),
        st.decimals(min_value=-1000, max_value=1000, places=1),
        st.integers(min_value=-1000, max_value=1000).map(Decimal),
    )


_REASONS = st.one_of(st.none(), st.just(""), st.just("业务量变化"))


@functools.cache
def prior_years() -> st.SearchStrategy[PriorYear | None]:
    """A comparison with the prior year with any (possibly inconsistent) figures."""
    return st.one_of(
        st.none(),
        st.builds(
            PriorYear,
            amount=maybe_amounts(),
            change=maybe_amounts(),
            reason=_REASONS,
        ),
    )


@functools.cache
def budget_variances() -> st.SearchStrategy[BudgetVariance | None]:
    """A comparison with a budget with any (possibly inconsistent) figures."""
    return st.one_of(
        st.none(),
        st.builds(
            BudgetVariance,
            budget=maybe_amounts(),
            basis=st.sampled_from(BudgetBasis),
            reason=_REASONS,
        ),
    )


@functools.cache
def any_figures() -> st.SearchStrategy[Figure]:
    """A published amount (or a blank) with any comparatives."""
    return st.builds(Figure, amount=maybe_amounts(), prior=prior_years(), budget=budget_variances())


@functools.cache
def non_negative_figures() -> st.SearchStrategy[Figure]:
    """A figure that cannot be negative (三公经费, 机关运行经费): 决算数, 预算数 and
    上年决算数 never negative; the change of either sign."""
    prior = st.builds(
        PriorYear,
        amount=maybe_non_negative_amounts(),
        change=maybe_amounts(),
        reason=_REASONS,
    )
    budget = st.builds(
        BudgetVariance,
        budget=maybe_non_negative_amounts(),
        basis=st.sampled_from(BudgetBasis),
        reason=_REASONS,
    )
    return st.builds(
        Figure,
        amount=maybe_non_negative_amounts(),
        prior=st.one_of(st.none(), prior),
        budget=st.one_of(st.none(), budget),
    )


@functools.cache
def any_fund_amounts(comparatives: bool = True) -> st.SearchStrategy[FundAmounts]:
    """One fund type's cells, each blank or any amount."""
    return st.builds(
        FundAmounts,
        opening=maybe_amounts(),
        income=maybe_amounts(),
        basic=maybe_amounts(),
        project=maybe_amounts(),
        stated_expenditure=maybe_amounts(),
        closing=maybe_amounts(),
        prior=prior_years() if comparatives else st.none(),
        budget=budget_variances() if comparatives else st.none(),
    )


@functools.cache
def any_nature_amounts() -> st.SearchStrategy[NatureAmounts]:
    """A 支出决算表 row, each cell blank or any amount."""
    return st.builds(
        NatureAmounts,
        basic=maybe_amounts(),
        project=maybe_amounts(),
        remitted_to_superior=maybe_amounts(),
        business=maybe_amounts(),
        subsidies_to_subordinates=maybe_amounts(),
        stated_total=maybe_amounts(),
    )


@functools.cache
def any_function_lines() -> st.SearchStrategy[FunctionLine]:
    """A function line of a small code pool (orphans possible), every cell arbitrary."""
    return st.builds(
        FunctionLine,
        code=st.sampled_from(_FUNCTION_CODE_POOL),
        name=st.sampled_from(["", "科目"]),
        expenditure=st.one_of(st.none(), any_nature_amounts()),
        income=st.one_of(
            st.none(),
            st.builds(
                IncomeRow,
                total=maybe_amounts(),
                fiscal=maybe_amounts(),
                superior_subsidy=maybe_amounts(),
                service=maybe_amounts(),
                business=maybe_amounts(),
                subordinate_remittance=maybe_amounts(),
                other=maybe_amounts(),
            ),
        ),
        general_budget=st.one_of(st.none(), any_fund_amounts()),
        government_fund=st.one_of(st.none(), any_fund_amounts(comparatives=False)),
        state_capital=st.one_of(st.none(), any_fund_amounts(comparatives=False)),
    )


@st.composite
def _any_function_trees(draw: st.DrawFn) -> FunctionTree:
    lines = draw(st.lists(any_function_lines(), max_size=8, unique_by=lambda line: line.code))
    subitems = [line.code for line in lines if len(line.code) == 7]
    order = draw(st.lists(st.sampled_from(subitems), max_size=4, unique=True)) if subitems else []
    return FunctionTree(lines=lines, narrative_order=order)


@functools.cache
def any_function_trees() -> st.SearchStrategy[FunctionTree]:
    """Lines in any order, orphans included, each code once; a narrative order of some 项.

    (The model refuses a code listed twice, and a narrative order naming a code
    that is not a 项 of the tree, or naming one twice.)
    """
    return _any_function_trees()


_COUNTS = st.one_of(st.none(), st.integers(min_value=0, max_value=5))
_ECONOMIC_LINES = st.lists(
    st.builds(
        EconomicLine,
        code=st.sampled_from(_ECONOMIC_CODE_POOL),
        name=st.just("科目"),
        amount=maybe_amounts(),
    ),
    max_size=5,
    unique_by=lambda line: line.code,
)
_VEHICLES = st.lists(
    st.builds(
        VehicleHolding,
        use=st.sampled_from(VehicleUse),
        count=st.integers(min_value=0, max_value=5),
    ),
    max_size=3,
    unique_by=lambda holding: holding.use,  # a use is the holding's address key
)


@st.composite
def arbitrary_final_accounts(draw: st.DrawFn) -> FinalAccount:
    """A :class:`govfinal.FinalAccount` with arbitrary, usually inconsistent figures.

    Every field :func:`final_accounts` sets gets any two-place amount of either
    sign, or a blank where the model allows one; nothing is derived. The other
    parts (comparatives, 三公经费, 机关运行经费, procurement, assets,
    performance, staff) are filled the same way, except that a figure the
    model refuses when negative (an asset, a contract, a “三公” amount or
    budget, a performance budget) is never negative. For robustness tests: the
    checks must report on such a report, never fail on it.
    """
    sources = IncomeSources(
        **{name: draw(any_amounts()) for name in IncomeSources().parts()},
        stated_total=draw(maybe_amounts()),
    )
    income = Income(
        sources=sources,
        non_fiscal_balance_used=draw(any_amounts()),
        opening_balance=draw(any_amounts()),
        stated_grand_total=draw(maybe_amounts()),
    )
    expenditure = Expenditure(
        nature=draw(any_nature_amounts()),
        personnel=draw(maybe_amounts()),
        public=draw(maybe_amounts()),
        surplus_distribution=draw(any_amounts()),
        closing_balance=draw(any_amounts()),
        stated_grand_total=draw(maybe_amounts()),
    )
    fiscal = FiscalAllocations(
        general_budget=draw(any_fund_amounts()),
        government_fund=draw(any_fund_amounts()),
        state_capital=draw(any_fund_amounts()),
        stated_opening=draw(maybe_amounts()),
        stated_income=draw(maybe_amounts()),
        stated_expenditure=draw(maybe_amounts()),
        stated_closing=draw(maybe_amounts()),
        stated_income_grand_total=draw(maybe_amounts()),
        stated_expenditure_grand_total=draw(maybe_amounts()),
        prior=draw(prior_years()),
        budget=draw(budget_variances()),
    )
    economic_lines = draw(_ECONOMIC_LINES)
    counts = _COUNTS
    three_public = ThreePublicExpenses(
        overseas=draw(non_negative_figures()),
        vehicle_purchase=draw(non_negative_figures()),
        vehicle_operation=draw(non_negative_figures()),
        reception=draw(non_negative_figures()),
        vehicles=draw(st.one_of(st.none(), non_negative_figures())),
        total=draw(st.one_of(st.none(), non_negative_figures())),
        overseas_groups=draw(counts),
        overseas_persons=draw(counts),
        vehicles_purchased=draw(counts),
        vehicles_held=draw(counts),
        reception_batches=draw(counts),
        reception_persons=draw(counts),
        foreign_reception_batches=draw(counts),
        foreign_reception_persons=draw(counts),
    )
    procurement = Procurement(
        goods=draw(non_negative_amounts()),
        works=draw(non_negative_amounts()),
        services=draw(non_negative_amounts()),
        stated_total=draw(maybe_non_negative_amounts()),
        sme_contracts=draw(non_negative_amounts()),
        small_micro_contracts=draw(non_negative_amounts()),
    )
    assets = Assets(
        fixed_assets_original_value=draw(maybe_non_negative_amounts()),
        vehicles=draw(_VEHICLES),
        stated_vehicle_count=draw(counts),
        vehicle_value=draw(maybe_non_negative_amounts()),
        large_equipment=draw(counts),
    )
    performance = PerformanceSummary(
        department_evaluations=draw(st.integers(min_value=0, max_value=3)),
        department_budget=draw(maybe_non_negative_amounts()),
        department_executed=draw(maybe_non_negative_amounts()),
        project_evaluations=draw(st.integers(min_value=0, max_value=3)),
        project_budget=draw(maybe_non_negative_amounts()),
        project_executed=draw(maybe_non_negative_amounts()),
    )
    staff = Staff(
        in_service=draw(st.integers(min_value=0, max_value=50)),
        retired_cadres=draw(st.integers(min_value=0, max_value=5)),
        retirees=draw(st.integers(min_value=0, max_value=20)),
        stated_total=draw(st.one_of(st.none(), st.integers(min_value=0, max_value=80))),
    )
    return FinalAccount(
        unit=draw(budget_units()),
        profile=Profile(staff=staff),
        income=income,
        expenditure=expenditure,
        functions=draw(any_function_trees()),
        fiscal=fiscal,
        general_budget_basic=BasicExpenditureDetail(
            stated_total=draw(maybe_amounts()),
            stated_personnel=draw(maybe_amounts()),
            stated_public=draw(maybe_amounts()),
            lines=economic_lines,
        ),
        three_public=three_public,
        operating_costs=draw(st.one_of(st.none(), non_negative_figures())),
        procurement=procurement,
        assets=assets,
        performance=performance,
        grand_total_prior=draw(prior_years()),
        statements=tuple(draw(st.lists(any_rate_statements(), max_size=6))),
    )


_RATE_FIGURES = (
    "income.grand_total",
    "fiscal.income_grand_total",
    "fiscal.expenditure",
    "fiscal.general_budget.expenditure",
    "three_public.total.amount",
    "three_public.vehicles_final",
    "operating_costs.amount",
)
_RATE_BUDGETS = (
    "fiscal.budget.budget",
    "fiscal.general_budget.budget.budget",
    "three_public.total.budget.budget",
    "operating_costs.budget.budget",
)
_RATE_PRIORS = (None, "grand_total_prior.amount", "operating_costs.prior.amount")


@functools.cache
def any_rate_statements() -> st.SearchStrategy[Statement]:
    """A growth rate, budget rate or 政府采购 share as a narrative states it: any value.

    About the figures every report has a place for; the figures may be blank.
    """
    rates = any_percents().filter(lambda value: value is not None)
    figures = st.sampled_from(_RATE_FIGURES)
    growth = st.builds(GrowthStatement, figures, rates, prior=st.sampled_from(_RATE_PRIORS))
    budget = st.builds(
        BudgetStatement,
        figures,
        st.sampled_from(_RATE_BUDGETS),
        st.sampled_from(BudgetBasis),
        st.sampled_from(Measure),
        rates,
    )
    share = st.builds(
        ShareStatement,
        st.sampled_from(["procurement.sme_contracts", "procurement.small_micro_contracts"]),
        st.just("procurement.total"),
        rates,
    )
    return st.one_of(growth, budget, share)


# -- comparatives consistent with a report ----------------------------------------

_WIDE = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN, traps=[decimal.InvalidOperation])
_PERCENT = Decimal("0.01")
_HUNDRED = Decimal(100)

_PRIOR_SHAPES = (
    ("amount", "change", "growth"),
    ("change", "growth"),
    ("amount", "growth"),
    ("amount", "change"),
    ("change",),
    ("growth",),
)
"""Which of 上年决算数, 增减额 and 增长率 a comparison publishes."""

_ITEM_PRIOR_SHAPES = tuple(
    shape for shape in _PRIOR_SHAPES if "amount" in shape or "change" in shape
)
"""Shapes that let the change of a 项 be derived (for the Σ of item changes)."""

_BUDGET_SHAPES = (("variance", "execution"), ("variance",), ("execution",), ())
_PRIOR_REASONS = st.sampled_from([None, "业务量变化"])
_BUDGET_REASONS = st.sampled_from([None, "执行进度"])


def stated_rate(numerator: Decimal, base: Decimal) -> Decimal:
    """``numerator ÷ |base| × 100`` as a report states it: rounded half-up to 0.01 %.

    A zero base reads 0 % for a zero numerator, else ±100 % (the zero-base
    convention of published reports). Computed here independently of
    :mod:`govfinal.ratios`.
    """
    if base.is_zero():
        value = Decimal(0) if numerator.is_zero() else _HUNDRED.copy_sign(numerator)
    else:
        value = _WIDE.divide(_WIDE.multiply(numerator, _HUNDRED), abs(base))
    return value.quantize(_PERCENT, rounding=decimal.ROUND_HALF_UP, context=_WIDE)


@functools.cache
def _bases(places: int) -> st.SearchStrategy[Decimal]:
    """Prior-year amounts and budgets, zero included, at ``places`` decimals.

    Small bases matter: with four places, a base below 0.005 is published as
    0.00, where only rounding can explain the stated rate.
    """
    top = MAX_AMOUNT if places == 2 else Decimal("99999.9999")
    zero = Decimal((0, (0,), -places))
    return st.one_of(
        st.just(zero),
        st.decimals(min_value=zero, max_value=Decimal("0.0100"), places=places),
        st.decimals(min_value=zero, max_value=top, places=places),
    )


class _Stated:
    """The rates a generated narrative states, each about the address of its figure.

    ``figure`` is the address of the figure a rate is about, ``owner`` that of
    its comparison (``functions[2010601].general_budget.prior``, ``….budget``).
    """

    def __init__(self) -> None:
        self.statements: list[Statement] = []

    def prior(
        self,
        draw: st.DrawFn,
        figure: str,
        owner: str,
        current: Decimal | None,
        prior: Decimal,
        shapes: Shapes,
    ) -> PriorYear | None:
        """:meth:`prior_year`, when drawn (and ``current`` is published)."""
        if current is None or not draw(st.booleans()):
            return None
        return self.prior_year(draw, figure, owner, current, prior, shapes)

    def prior_year(
        self,
        draw: st.DrawFn,
        figure: str,
        owner: str,
        current: Decimal,
        prior: Decimal,
        shapes: Shapes,
    ) -> PriorYear:
        """A comparison with the prior year; its 增长率, when published, as a statement."""
        shape = draw(st.sampled_from(shapes))
        change = exact_sub(current, prior)
        if "growth" in shape:
            named = f"{owner}.amount" if "amount" in shape else None
            rate = stated_rate(change, prior)
            self.statements.append(GrowthStatement(figure, rate, prior=named, place=_PLACE))
        return PriorYear(
            amount=prior if "amount" in shape else None,
            change=change if "change" in shape else None,
            reason=draw(_PRIOR_REASONS),
        )

    def budget(
        self, draw: st.DrawFn, figure: str, owner: str, current: Decimal | None, places: int
    ) -> BudgetVariance | None:
        """A comparison with a budget, when drawn; its rates, when published, as statements."""
        if current is None or not draw(st.booleans()):
            return None
        budget = draw(_bases(places))
        basis = draw(st.sampled_from(BudgetBasis))
        self.budget_rates(
            figure, owner, basis, draw(st.sampled_from(_BUDGET_SHAPES)), current, budget
        )
        return BudgetVariance(budget=budget, basis=basis, reason=draw(_BUDGET_REASONS))

    def budget_rates(
        self,
        figure: str,
        owner: str,
        basis: BudgetBasis,
        shape: tuple[str, ...],
        current: Decimal,
        budget: Decimal,
    ) -> None:
        """The 差异率 and 执行率 that ``shape`` publishes, as statements."""
        rates = {
            "variance": (Measure.VARIANCE, stated_rate(exact_sub(current, budget), budget)),
            "execution": (Measure.EXECUTION, stated_rate(current, budget)),
        }
        for key in shape:
            measure, value = rates[key]
            self.statements.append(
                BudgetStatement(figure, f"{owner}.budget", basis, measure, value, place=_PLACE)
            )

    def share(self, part: str, numerator: Decimal, base: Decimal) -> None:
        """A 政府采购 share of ``procurement.total``, as a statement."""
        value = stated_rate(numerator, base)
        self.statements.append(ShareStatement(part, "procurement.total", value, place=_PLACE))

    def added_to(self, report: FinalAccount) -> FinalAccount:
        """``report`` with these statements after its own."""
        return attrs.evolve(report, statements=(*report.statements, *self.statements))


Shapes = Sequence[tuple[str, ...]]
_PLACE = Place()


@st.composite
def with_comparatives(draw: st.DrawFn, report: FinalAccount, places: int = 2) -> FinalAccount:
    """``report`` with prior-year and budget comparisons that agree with its amounts.

    For a :func:`final_accounts` report (``places=2``) or an
    :func:`unrounded_final_accounts` one (``places=4``). Drawn: the prior-year
    amount of each 项 of each fund (one 款 or 类 is the Σ of its 项, the fund the
    Σ of all its 项, so that the changes add up), the prior amounts of
    收入支出总计 and 财政拨款收入总计, the budgets, and which of amount, change,
    rate and reason each comparison publishes. Derived, exactly: change =
    current − prior; growth, variance and execution rates from the amounts,
    rounded half-up to 0.01 % (:func:`stated_rate`), stated as the narrative's
    statements about their figures (after the report's own).
    """
    tree = report.functions
    fiscal = report.fiscal
    amounts_ = _bases(places)
    stated = _Stated()
    line_priors: dict[tuple[str, str], PriorYear | None] = {}
    line_budgets: dict[tuple[str, str], BudgetVariance | None] = {}
    fund_priors: dict[str, PriorYear | None] = {}
    for field in ("general_budget", "government_fund", "state_capital"):
        fund: FundAmounts = getattr(fiscal, field)
        leaves = [line for line in tree.subitems() if getattr(line, field) is not None]
        leaf_prior = {line.code: draw(amounts_) for line in leaves}
        every_item = bool(leaves) and draw(st.booleans())
        for line in tree:
            amounts_of_line = getattr(line, field)
            if amounts_of_line is None:
                continue
            current = amounts_of_line.stated_expenditure
            prior = exact_sum(v for code, v in leaf_prior.items() if code.startswith(line.code))
            owner = f"functions[{line.code}].{field}"
            figure = f"{owner}.expenditure"
            if every_item and current is not None:
                line_priors[line.code, field] = stated.prior_year(
                    draw, figure, f"{owner}.prior", current, prior, _ITEM_PRIOR_SHAPES
                )
            else:
                line_priors[line.code, field] = stated.prior(
                    draw, figure, f"{owner}.prior", current, prior, _PRIOR_SHAPES
                )
            line_budgets[line.code, field] = stated.budget(
                draw, figure, f"{owner}.budget", current, places
            )
        fund_prior = exact_sum(leaf_prior.values()) if leaves else draw(amounts_)
        fund_priors[field] = stated.prior(
            draw,
            f"fiscal.{field}.expenditure",
            f"fiscal.{field}.prior",
            fund.stated_expenditure,
            fund_prior,
            _PRIOR_SHAPES,
        )

    def line_with(line: FunctionLine) -> FunctionLine:
        changes = {
            field: attrs.evolve(
                getattr(line, field),
                prior=line_priors[line.code, field],
                budget=line_budgets[line.code, field],
            )
            for field in ("general_budget", "government_fund", "state_capital")
            if getattr(line, field) is not None
        }
        return attrs.evolve(line, **changes)

    funds = {
        field: attrs.evolve(
            getattr(fiscal, field),
            prior=fund_priors[field],
            budget=stated.budget(
                draw,
                f"fiscal.{field}.expenditure",
                f"fiscal.{field}.budget",
                getattr(fiscal, field).stated_expenditure,
                places,
            ),
        )
        for field in ("general_budget", "government_fund", "state_capital")
    }
    new_fiscal = attrs.evolve(
        fiscal,
        **funds,
        prior=stated.prior(
            draw,
            "fiscal.income_grand_total",
            "fiscal.prior",
            fiscal.stated_income_grand_total,
            draw(amounts_),
            _PRIOR_SHAPES,
        ),
        budget=stated.budget(
            draw, "fiscal.expenditure", "fiscal.budget", fiscal.stated_expenditure, places
        ),
    )
    compared = attrs.evolve(
        report,
        functions=attrs.evolve(tree, lines=[line_with(line) for line in tree]),
        fiscal=new_fiscal,
        grand_total_prior=stated.prior(
            draw,
            "income.grand_total",
            "grand_total_prior",
            report.income.stated_grand_total,
            draw(amounts_),
            _PRIOR_SHAPES,
        ),
    )
    return stated.added_to(compared)


# -- blank rows ---------------------------------------------------------------------

_ROW_BLANKING = st.sampled_from(["keep", "row", "total"])


@st.composite
def with_blank_parent_rows(draw: st.DrawFn, report: FinalAccount) -> FinalAccount:
    """``report`` with some 类 and 款 rows left blank, which keeps it consistent.

    For each row (支出决算表 or a fund table) of each 类 and 款 line: kept, left
    blank altogether, or published without its 合计. A blank cell of a parent is
    its children's sum (:meth:`FunctionTree.rollup`), so nothing disagrees.
    """
    lines: list[FunctionLine] = []
    for line in report.functions:
        if len(line.code) == 7:
            lines.append(line)
            continue
        changes: dict[str, object] = {}
        for table, total in (
            ("expenditure", "stated_total"),
            ("general_budget", "stated_expenditure"),
            ("government_fund", "stated_expenditure"),
        ):
            row = getattr(line, table)
            if row is None:
                continue
            choice = draw(_ROW_BLANKING)
            if choice == "row":
                changes[table] = None
            elif choice == "total":
                changes[table] = attrs.evolve(row, **{total: None})
        lines.append(attrs.evolve(line, **changes))
    return attrs.evolve(report, functions=attrs.evolve(report.functions, lines=lines))


# -- the other parts, consistent with a report ---------------------------------------

_ECONOMIC_ITEMS = {
    # class: its 款 items, in table order
    "301": ("30101", "30102"),
    "303": ("30302",),
    "302": ("30201", "30207"),
    "310": ("31002",),
}

_THREE_PUBLIC_LEAVES = ("overseas", "vehicle_purchase", "vehicle_operation", "reception")


def _economic_name(code: str) -> str:
    return ECONOMIC_CODES.name_of(code) or f"科目{code}"


def _at_most(places: int, top: Decimal) -> st.SearchStrategy[Decimal]:
    """An amount between 0 and ``top`` at ``places`` decimals."""
    zero = Decimal((0, (0,), -places))
    return st.decimals(min_value=zero, max_value=max(top, zero), places=places)


def _split(draw: st.DrawFn, total: Decimal, count: int, places: int) -> list[Decimal]:
    """``total`` (≥ 0) cut into ``count`` non-negative parts that add up to it exactly."""
    parts: list[Decimal] = []
    rest = total
    for _ in range(count - 1):
        part = draw(_at_most(places, rest))
        parts.append(part)
        rest = exact_sub(rest, part)
    return [*parts, rest]


def _group_lines(
    draw: st.DrawFn, total: Decimal, classes: Sequence[str], places: int
) -> list[EconomicLine]:
    """人员经费 or 公用经费 cut into its classes and their items; a class row may be blank."""
    lines: list[EconomicLine] = []
    for class_code, class_amount in zip(
        classes, _split(draw, total, len(classes), places), strict=True
    ):
        items = _ECONOMIC_ITEMS[class_code]
        shown = None if draw(st.booleans()) and draw(st.booleans()) else class_amount
        lines.append(EconomicLine(class_code, _economic_name(class_code), shown))
        for code, value in zip(items, _split(draw, class_amount, len(items), places), strict=True):
            lines.append(EconomicLine(code, _economic_name(code), value))
    return lines


@st.composite
def with_details(draw: st.DrawFn, report: FinalAccount, places: int = 2) -> FinalAccount:
    """``report`` with the other parts published, each consistent with it.

    For a :func:`final_accounts` report (``places=2``) or an unrounded one
    (``places=4``). Drawn: how 人员经费 and 公用经费 of the
    一般公共预算财政拨款基本支出 split into economic classes and items; the
    “三公” lines (their 合计 within 本年财政拨款支出) and budgets; procurement;
    the evaluated projects; the staff and vehicles. Derived, exactly: class =
    Σ items, 小计 and 合计 of the “三公” lines, 机关运行经费 = 公用经费 (for
    行政 and 参公 units), procurement total, 实际执行总额 = 本年支出合计, 实有人数,
    and counts that agree with the amounts; the rates (“三公” 差异率, 增长率) and the
    procurement shares are stated as statements.
    """
    detail = report.general_budget_basic
    personnel = detail.stated_personnel or ZERO_AMOUNT
    public = detail.stated_public or ZERO_AMOUNT
    lines = [
        *_group_lines(draw, personnel, ("301", "303"), places),
        *_group_lines(draw, public, ("302", "310"), places),
    ]
    detail = attrs.evolve(detail, lines=lines)
    stated = _Stated()

    operating_costs = None
    if report.unit.kind.reports_operating_costs:
        prior = draw(_bases(places))
        costs = "operating_costs.amount"
        operating_costs = Figure(
            amount=public,
            prior=stated.prior(draw, costs, "operating_costs.prior", public, prior, _PRIOR_SHAPES),
            budget=stated.budget(draw, costs, "operating_costs.budget", public, places),
        )

    # “三公”: each line at most a quarter of 本年财政拨款支出, so that 合计 stays within it.
    fiscal_spent = report.fiscal.stated_expenditure or ZERO_AMOUNT
    quarter = _EXACT.divide(fiscal_spent, Decimal(4)).quantize(
        Decimal((0, (1,), -places)), rounding=decimal.ROUND_DOWN
    )
    final = {name: draw(_at_most(places, quarter)) for name in _THREE_PUBLIC_LEAVES}
    budget = {name: draw(_bases(places)) for name in _THREE_PUBLIC_LEAVES}
    with_rates = draw(st.booleans())

    def line_budget(name: str, current: Decimal, planned: Decimal) -> BudgetVariance:
        """A 三公 line's 全年预算; its 差异率 stated when ``with_rates``."""
        owner = f"three_public.{name}"
        shape = ("variance",) if with_rates else ()
        basis = BudgetBasis.FULL_YEAR
        stated.budget_rates(f"{owner}.amount", f"{owner}.budget", basis, shape, current, planned)
        return BudgetVariance(budget=planned, basis=basis, reason=draw(_BUDGET_REASONS))

    def figure(name: str, current: Decimal, planned: Decimal) -> Figure:
        return Figure(amount=current, budget=line_budget(name, current, planned))

    vehicles = exact_sum((final["vehicle_purchase"], final["vehicle_operation"]))
    vehicles_budget = exact_sum((budget["vehicle_purchase"], budget["vehicle_operation"]))
    total = exact_sum((final["overseas"], vehicles, final["reception"]))
    total_budget = exact_sum((budget["overseas"], vehicles_budget, budget["reception"]))
    held = draw(st.integers(min_value=0, max_value=3))
    if not final["vehicle_operation"].is_zero():
        held = max(held, 1)

    def active(name: str) -> int:
        return 0 if final[name].is_zero() else 1

    three_public = ThreePublicExpenses(
        overseas=figure("overseas", final["overseas"], budget["overseas"]),
        vehicle_purchase=figure(
            "vehicle_purchase", final["vehicle_purchase"], budget["vehicle_purchase"]
        ),
        vehicle_operation=figure(
            "vehicle_operation", final["vehicle_operation"], budget["vehicle_operation"]
        ),
        reception=figure("reception", final["reception"], budget["reception"]),
        vehicles=figure("vehicles", vehicles, vehicles_budget),
        total=Figure(
            amount=total,
            prior=stated.prior(
                draw,
                "three_public.total.amount",
                "three_public.total.prior",
                total,
                draw(_bases(places)),
                _PRIOR_SHAPES,
            ),
            budget=line_budget("total", total, total_budget),
        ),
        overseas_groups=active("overseas"),
        overseas_persons=2 * active("overseas"),
        vehicles_purchased=active("vehicle_purchase"),
        vehicles_held=held,
        reception_batches=active("reception"),
        reception_persons=3 * active("reception"),
    )
    assets = Assets(
        vehicles=[VehicleHolding(VehicleUse.OTHER, held)] if held else [],
        stated_vehicle_count=held,
    )

    goods, works, services = (draw(_bases(places)) for _ in range(3))
    procured = exact_sum((goods, works, services))
    sme = draw(_at_most(places, procured))
    small_micro = draw(_at_most(places, sme))
    procurement = Procurement(
        goods=goods,
        works=works,
        services=services,
        stated_total=procured,
        sme_contracts=sme,
        small_micro_contracts=small_micro,
    )
    stated.share("procurement.sme_contracts", sme, procured)
    stated.share("procurement.small_micro_contracts", small_micro, procured)

    spent = report.expenditure.nature.stated_total or ZERO_AMOUNT
    projects = report.expenditure.nature.project or ZERO_AMOUNT
    performance = PerformanceSummary(
        department_evaluations=1,
        department_budget=draw(_bases(places)),
        department_executed=spent,
        project_evaluations=draw(st.integers(min_value=0, max_value=3)),
        project_budget=draw(_bases(places)),
        project_executed=draw(_at_most(places, projects)),
    )
    in_service, retirees = draw(st.integers(0, 50)), draw(st.integers(0, 20))
    divisions = draw(st.lists(st.sampled_from(["办公室", "业务科", "财务科"]), unique=True))
    profile = Profile(
        staff=Staff(in_service=in_service, retirees=retirees, stated_total=in_service + retirees),
        divisions=divisions,
        stated_division_count=draw(st.sampled_from([None, len(divisions)])),
    )
    detailed = attrs.evolve(
        report,
        profile=profile,
        general_budget_basic=detail,
        three_public=three_public,
        operating_costs=operating_costs,
        procurement=procurement,
        assets=assets,
        performance=performance,
    )
    return stated.added_to(detailed)


def complete_final_accounts() -> st.SearchStrategy[FinalAccount]:
    """:func:`final_accounts` with every other part published, consistently.

    Comparatives (:func:`with_comparatives`) and the other parts
    (:func:`with_details`) are added to the report.
    """
    return (
        final_accounts()
        .flatmap(lambda r: with_comparatives(r, places=2))
        .flatmap(lambda r: with_details(r, places=2))
    )


def unrounded_complete_final_accounts() -> st.SearchStrategy[FinalAccount]:
    """:func:`complete_final_accounts` before rounding: amounts at four places.

    Stated rates are computed from the four-place amounts and stated at 0.01 %.
    """
    return (
        unrounded_final_accounts()
        .flatmap(lambda r: with_comparatives(r, places=4))
        .flatmap(lambda r: with_details(r, places=4))
    )
