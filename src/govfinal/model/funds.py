"""财政拨款: fiscal allocations by fund type, and one fund's amounts on a line.

The three fund types are 一般公共预算, 政府性基金预算 and 国有资本经营预算.
For each, the 财政拨款收入支出决算总表 publishes 年初结转和结余, 本年收入,
本年支出 (基本/项目) and 年末结转和结余.

Invariant (checked, not enforced): per fund type,
年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govfinal.model._fields import located, optional_amount
from govfinal.model.comparatives import BudgetVariance, PriorYear
from govfinal.money import ZERO, sum_amounts, sum_published

__all__ = ["FiscalAllocations", "FundAmounts", "FundType"]


class FundType(enum.Enum):
    """Fund type of a fiscal allocation (财政拨款资金性质)."""

    GENERAL_BUDGET = "一般公共预算"
    GOVERNMENT_FUND = "政府性基金预算"
    STATE_CAPITAL = "国有资本经营预算"

    @property
    def field(self) -> str:
        """The attribute that holds this fund type on fiscal and function-line objects."""
        return _FIELDS[self]


_FIELDS = {
    FundType.GENERAL_BUDGET: "general_budget",
    FundType.GOVERNMENT_FUND: "government_fund",
    FundType.STATE_CAPITAL: "state_capital",
}


@located
@attrs.frozen
class FundAmounts:
    """One fund type's amounts: on the 总表, or on one function line of its table.

    ``None`` marks a cell the report leaves blank. ``prior`` and ``budget``
    compare 本年支出 with the prior year and the budget, as the narrative does
    for 一般公共预算财政拨款支出 and for each of its 项.

    Attributes:
        opening: 年初结转和结余.
        income: 本年收入.
        basic: 基本支出, of 本年支出.
        project: 项目支出, of 本年支出.
        stated_expenditure: 本年支出合计 as published.
        closing: 年末结转和结余.
        prior: 本年支出, compared with the prior year.
        budget: 本年支出, compared with its budget.

    """

    opening: Decimal | None = attrs.field(default=None, converter=optional_amount)
    income: Decimal | None = attrs.field(default=None, converter=optional_amount)
    basic: Decimal | None = attrs.field(default=None, converter=optional_amount)
    project: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_expenditure: Decimal | None = attrs.field(default=None, converter=optional_amount)
    closing: Decimal | None = attrs.field(default=None, converter=optional_amount)
    prior: PriorYear | None = None
    budget: BudgetVariance | None = None

    @property
    def parts_expenditure(self) -> Decimal | None:
        """基本支出 + 项目支出, from the published cells."""
        return sum_published((self.basic, self.project))

    @property
    def expenditure(self) -> Decimal | None:
        """本年支出: the published total, else 基本 + 项目."""
        if self.stated_expenditure is not None:
            return self.stated_expenditure
        return self.parts_expenditure

    @property
    def is_empty(self) -> bool:
        """True when every amount is blank or zero (an 空表 for this fund)."""
        values = (self.opening, self.income, self.expenditure, self.closing)
        return all(value is None or value.is_zero() for value in values)


def _or_zero(value: Decimal | None) -> Decimal:
    return ZERO if value is None else value


@located
@attrs.frozen
class FiscalAllocations:
    """财政拨款收入支出决算总表: fiscal allocations by fund type, with its totals.

    Attributes:
        general_budget: 一般公共预算财政拨款.
        government_fund: 政府性基金预算财政拨款.
        state_capital: 国有资本经营预算财政拨款.
        stated_opening: 年初财政拨款结转和结余 as published.
        stated_income: 本年财政拨款收入 (本年收入合计) as published.
        stated_expenditure: 本年财政拨款支出 (本年支出合计) as published.
        stated_closing: 年末财政拨款结转和结余 as published.
        stated_income_grand_total: 财政拨款收入总计 as published.
        stated_expenditure_grand_total: 财政拨款支出总计 as published.
        prior: 财政拨款收入支出总计, compared with the prior year.
        budget: 本年财政拨款支出, compared with the budget.

    """

    general_budget: FundAmounts = attrs.field(factory=FundAmounts)
    government_fund: FundAmounts = attrs.field(factory=FundAmounts)
    state_capital: FundAmounts = attrs.field(factory=FundAmounts)
    stated_opening: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_income: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_expenditure: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_closing: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_income_grand_total: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_expenditure_grand_total: Decimal | None = attrs.field(
        default=None, converter=optional_amount
    )
    prior: PriorYear | None = None
    budget: BudgetVariance | None = None

    def funds(self) -> dict[FundType, FundAmounts]:
        """The three fund types, in the table's order."""
        return {
            FundType.GENERAL_BUDGET: self.general_budget,
            FundType.GOVERNMENT_FUND: self.government_fund,
            FundType.STATE_CAPITAL: self.state_capital,
        }

    def _sum(self, column: str) -> Decimal:
        return sum_amounts(_or_zero(getattr(fund, column)) for fund in self.funds().values())

    @property
    def basic(self) -> Decimal:
        """本年财政拨款支出 — 基本支出: Σ of the funds' (the table prints no total of its own)."""
        return self._sum("basic")

    @property
    def project(self) -> Decimal:
        """本年财政拨款支出 — 项目支出: Σ of the funds'."""
        return self._sum("project")

    @property
    def opening(self) -> Decimal:
        """年初财政拨款结转和结余: published, else Σ of the funds."""
        return self._sum("opening") if self.stated_opening is None else self.stated_opening

    @property
    def income(self) -> Decimal:
        """本年财政拨款收入: published, else Σ of the funds."""
        return self._sum("income") if self.stated_income is None else self.stated_income

    @property
    def expenditure(self) -> Decimal:
        """本年财政拨款支出: published, else Σ of the funds."""
        if self.stated_expenditure is not None:
            return self.stated_expenditure
        return self._sum("expenditure")

    @property
    def closing(self) -> Decimal:
        """年末财政拨款结转和结余: published, else Σ of the funds."""
        return self._sum("closing") if self.stated_closing is None else self.stated_closing

    @property
    def income_grand_total(self) -> Decimal:
        """财政拨款收入总计: published, else 年初结转和结余 + 本年收入."""
        if self.stated_income_grand_total is not None:
            return self.stated_income_grand_total
        return sum_amounts((self.opening, self.income))

    @property
    def expenditure_grand_total(self) -> Decimal:
        """财政拨款支出总计: published, else 本年支出 + 年末结转和结余."""
        if self.stated_expenditure_grand_total is not None:
            return self.stated_expenditure_grand_total
        return sum_amounts((self.expenditure, self.closing))
