"""Hypothesis strategies for govfinal: amounts, function trees and whole final accounts.

Rules the strategies follow:

* amounts are ``Decimal`` with exactly two places (0.01 万元), never ``float``;
* the *leaves* are generated and every total is *derived* from them with exact
  arithmetic (:func:`exact_sum`), so a generated report is consistent by
  construction; nothing is ``.filter``-ed for consistency;
* sizes stay small (a few 类, a few children each) so that tests stay fast.

Totals here are computed with this module's own exact arithmetic, not with
:mod:`govfinal.money`, so that the tests compare the package with an
independent computation.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from govfinal import (
    FUNCTION_CODES,
    BasicExpenditureDetail,
    BudgetUnit,
    Expenditure,
    FinalAccount,
    FiscalAllocations,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    Income,
    IncomeSources,
    NatureAmounts,
    UnitKind,
)

__all__ = [
    "MAX_AMOUNT",
    "ZERO_AMOUNT",
    "amounts",
    "budget_units",
    "class_codes",
    "exact_sub",
    "exact_sum",
    "final_accounts",
    "function_trees",
    "item_suffixes",
    "nonzero_signed_amounts",
    "partitions",
    "positive_amounts",
    "signed_amounts",
    "sparse_amounts",
    "subitem_codes",
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
