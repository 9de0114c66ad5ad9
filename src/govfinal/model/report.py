"""The whole final account (部门决算) of one budget unit for one year.

:class:`FinalAccount` gathers every part of the standard report: the profile,
the 总表 (income and expenditure), the function tree, fiscal allocations by
fund, basic expenditure by economic class, 三公经费, 机关运行经费,
procurement, assets and performance. It derives the ratios the narrative
states; it checks nothing (see the checks), so that a report that disagrees
with itself can still be held, checked and reported on.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal import ratios
from govfinal.model._fields import located, texts
from govfinal.model.comparatives import Figure, PriorYear, non_negative_figure
from govfinal.model.economic import BasicExpenditureDetail
from govfinal.model.expenditure import Expenditure
from govfinal.model.function import FunctionTree, fund_expenditure
from govfinal.model.funds import FiscalAllocations, FundType
from govfinal.model.identity import BudgetUnit
from govfinal.model.income import Income
from govfinal.model.other import Assets, Procurement
from govfinal.model.performance import PerformanceSummary
from govfinal.model.profile import Profile
from govfinal.model.statements import Statement
from govfinal.model.three_public import ThreePublicExpenses
from govfinal.money import ZERO

__all__ = ["FinalAccount"]


def _statements(values: Iterable[Statement]) -> tuple[Statement, ...]:
    return tuple(values)


@located
@attrs.frozen(repr=False)
class FinalAccount:
    """部门决算: one unit's final account for one fiscal year.

    Attributes:
        unit: who reports, for which year, in which amount unit.
        profile: 单位概况 (第一部分).
        income: the income side of the 收入支出决算总表.
        expenditure: the expenditure side of the 收入支出决算总表.
        functions: 支出功能分类 lines with the cells of the function tables.
        fiscal: the fiscal allocations by fund type (财政拨款收入支出决算总表).
        general_budget_basic: 一般公共预算财政拨款基本支出 by economic class.
        three_public: “三公”经费 (财政拨款“三公”经费支出决算表).
        operating_costs: 机关运行经费 (for 行政 and 参公 units), with comparatives;
            its 决算数, 预算数 and 上年决算数 cannot be negative.
        procurement: 政府采购.
        assets: 国有资产占用.
        performance: 预算绩效 summary (narrative section 十一).
        grand_total_prior: 收入支出总计, compared with the prior year.
        other_matters: 其他需说明的事项, one paragraph each.
        statements: what the narrative states about the figures, in the
            order of the text (:mod:`govfinal.model.statements`).

    Its ``repr`` is one short line (the parts have their full reprs); in a
    notebook it shows as a small summary table (``_repr_html_``).

    >>> FinalAccount(unit=BudgetUnit(name="示例单位", fiscal_year=2023))
    FinalAccount(unit='示例单位', fiscal_year=2023, functions=0 lines, statements=0)

    """

    unit: BudgetUnit
    profile: Profile = attrs.field(factory=Profile)
    income: Income = attrs.field(factory=Income)
    expenditure: Expenditure = attrs.field(factory=Expenditure)
    functions: FunctionTree = attrs.field(factory=FunctionTree)
    fiscal: FiscalAllocations = attrs.field(factory=FiscalAllocations)
    general_budget_basic: BasicExpenditureDetail = attrs.field(factory=BasicExpenditureDetail)
    three_public: ThreePublicExpenses = attrs.field(factory=ThreePublicExpenses)
    operating_costs: Figure | None = attrs.field(default=None, validator=non_negative_figure)
    procurement: Procurement = attrs.field(factory=Procurement)
    assets: Assets = attrs.field(factory=Assets)
    performance: PerformanceSummary = attrs.field(factory=PerformanceSummary)
    grand_total_prior: PriorYear | None = None
    other_matters: tuple[str, ...] = attrs.field(default=(), converter=texts)
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statements)

    # -- display -----------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(unit={self.unit.name!r}, "
            f"fiscal_year={self.unit.fiscal_year}, "
            f"functions={len(self.functions)} lines, statements={len(self.statements)})"
        )

    def summary(self) -> tuple[tuple[str, str], ...]:
        """The report in a few rows of (label, text): unit, year, totals and counts.

        Amounts are as published, every digit, in the report's amount unit.
        """
        unit = self.unit.amount_unit.value
        return (
            ("单位 unit", self.unit.name),
            ("年度 fiscal year", str(self.unit.fiscal_year)),
            ("本年收入合计 income", f"{self.income.sources.total:f} {unit}"),
            ("本年支出合计 expenditure", f"{self.expenditure.total:f} {unit}"),
            ("收入总计 income grand total", f"{self.income.grand_total:f} {unit}"),
            ("支出总计 expenditure grand total", f"{self.expenditure.grand_total:f} {unit}"),
            ("支出功能分类 function lines", str(len(self.functions))),
            ("陈述 statements", str(len(self.statements))),
        )

    def _repr_html_(self) -> str:
        """A small HTML summary table, for notebooks; every text escaped."""
        rows = "".join(
            f"<tr><th>{html.escape(label)}</th><td>{html.escape(text)}</td></tr>"
            for label, text in self.summary()
        )
        caption = html.escape(f"{type(self).__name__}: {self.unit.name} {self.unit.fiscal_year}")
        return f'<table class="govfinal-report"><caption>{caption}</caption>{rows}</table>'

    # -- derived figures -------------------------------------------------

    @property
    def opening_fiscal_balance(self) -> Decimal:
        """年初结转和结余 — of which 财政拨款."""
        return self.fiscal.opening

    @property
    def grand_total_growth(self) -> Decimal | None:
        """Growth of 收入支出总计 over the prior year, percent (unrounded)."""
        if self.grand_total_prior is None:
            return None
        return self.grand_total_prior.growth_from(self.income.grand_total)

    def income_shares(self) -> dict[str, Decimal]:
        """Share of each source in 本年收入合计, percent (unrounded), 财政拨款 combined.

        Keys: ``fiscal`` and the five non-fiscal sources' field names; blank sources as 0.
        """
        sources = self.income.sources
        whole = sources.total
        parts: dict[str, Decimal | None] = {"fiscal": sources.fiscal}
        parts.update(
            (name, value)
            for name, value in sources.parts().items()
            if name not in {"general_budget", "government_fund", "state_capital"}
        )
        return {
            name: ratios.share_of(ZERO if value is None else value, whole)
            for name, value in parts.items()
        }

    def nature_shares(self) -> dict[str, Decimal]:
        """Share of each nature in 本年支出合计, percent (unrounded); blank natures as 0."""
        whole = self.expenditure.total
        return {
            name: ratios.share_of(ZERO if value is None else value, whole)
            for name, value in self.expenditure.nature.parts().items()
        }

    def fund_expenditure(self, fund_type: FundType = FundType.GENERAL_BUDGET) -> Decimal:
        """本年支出 of one fund type (0 when blank)."""
        value = self.fiscal.funds()[fund_type].expenditure
        return ZERO if value is None else value

    @property
    def general_budget_share(self) -> Decimal:
        """一般公共预算财政拨款支出 as a share of 本年支出合计, percent (unrounded)."""
        return ratios.share_of(self.fund_expenditure(), self.expenditure.total)

    def class_shares(self, fund_type: FundType = FundType.GENERAL_BUDGET) -> dict[str, Decimal]:
        """Share of each 类 in the fund's expenditure, percent (unrounded), by code."""
        whole = self.fund_expenditure(fund_type)
        shares: dict[str, Decimal] = {}
        for line in self.functions.classes():
            value = self.functions.rollup(line.code, fund_expenditure(fund_type))
            if value is not None:
                shares[line.code] = ratios.share_of(value, whole)
        return shares
