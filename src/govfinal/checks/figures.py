"""Figures: every figure the checks read, as terms keyed by their address, built once per report.

A :class:`Figures` holds one report and the exactness of one check run. It is
the one place that makes a term of a figure: a published figure
(:meth:`Figures.amount`, with the half-width of its rounding, or none in exact
mode), a blank cell beside published ones (:meth:`Figures.blank`, an exact
zero), a sum (:meth:`Figures.sum`) or a difference (:meth:`Figures.difference`).

It is also the one place that derives a figure the report may leave
unpublished: “published, else Σ of its parts”. Each such figure is defined
here once, as the model defines it (:attr:`IncomeSources.total`,
:attr:`FundAmounts.expenditure`, :meth:`FunctionTree.rollup`,
:attr:`ThreePublicExpenses.vehicles_final`, …). A derived term carries the
address of the model's own derivation (``income.sources.parts_total``,
``fiscal.general_budget.parts_expenditure``), so that its value is the model's
value at that address; tests pin the two together. A sum that only one
identity uses carries the address of the part it adds up within (``fiscal``,
``functions``), and a roll-up of an unpublished cell the cell's own address. A
derived term keeps its parts, so its half-width counts every published figure
behind it.

Derived figures are computed once per check run (per :class:`Figures`) and
shared by every rule.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Concatenate, Final, ParamSpec, Protocol, TypeVar, cast

import attrs

from govfinal.address import join, keyed, resolve
from govfinal.address import label as address_label
from govfinal.checks.tolerance import Term, amount_half_width
from govfinal.classification import EconomicGroup
from govfinal.errors import AddressError
from govfinal.model.comparatives import BudgetVariance, Figure, PriorYear
from govfinal.model.economic import EconomicLine
from govfinal.model.function import FunctionLine, FunctionTree
from govfinal.model.funds import FundAmounts, FundType
from govfinal.model.report import FinalAccount
from govfinal.money import CONTEXT, ZERO
from govfinal.terms import label

__all__ = [
    "ALL_TABLES",
    "BALANCE_COLUMNS",
    "BASIC_LABELS",
    "EXPENDITURE",
    "EXPENDITURE_TABLE",
    "FISCAL_KEYS",
    "FUNDS",
    "FUND_TABLES",
    "INCOME",
    "INCOME_TABLE",
    "THREE_PUBLIC_LINES",
    "Difference",
    "Figures",
    "FunctionTable",
    "Labels",
    "Site",
    "first_lines",
    "first_of_each_code",
    "line_address",
    "line_label",
    "three_public_labels",
]

Labels = tuple[str, str]
"""A figure's (Chinese, English) names, as messages write them."""


# -- the function tables -------------------------------------------------------------

EXPENDITURE_TABLE = "支出决算表"
INCOME_TABLE = "收入决算表"
FUND_TABLES: Final = {
    FundType.GENERAL_BUDGET: "一般公共预算财政拨款支出决算表",
    FundType.GOVERNMENT_FUND: "政府性基金预算财政拨款收入支出决算表",
    FundType.STATE_CAPITAL: "国有资本经营预算财政拨款收入支出决算表",
}
ALL_TABLES: Final = (EXPENDITURE_TABLE, INCOME_TABLE, *FUND_TABLES.values())


@attrs.frozen
class FunctionTable:
    """One function table as a line sees it: which attribute, which cells, which total.

    Attributes:
        attr: the line's attribute holding the row (``expenditure``, ``income``,
            ``general_budget``, ...).
        name_zh: the table's prefix for cell names (the fund's name, or empty).
        name_en: the English counterpart of ``name_zh``.
        columns: ``(field, zh, en)`` for each cell the roll-ups check, in column order.
        total: the field of the row's published total.
        derived_total: the model property that is the Σ of the parts.
        parts: the fields whose Σ is ``total``.

    """

    attr: str
    name_zh: str
    name_en: str
    columns: tuple[tuple[str, str, str], ...]
    total: str
    derived_total: str
    parts: tuple[str, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of :attr:`columns`, in column order."""
        return tuple(field for field, _zh, _en in self.columns)

    def column_label(self, field: str, *, with_table: bool = True) -> Labels:
        """The (Chinese, English) name of one cell, with the fund's name unless told not to."""
        for name, zh, en in self.columns:
            if name != field:
                continue
            if not with_table or not self.name_zh:
                return zh, en
            return f"{self.name_zh}{zh}", f"{en} from {self.name_en}"
        raise KeyError(field)


def _keyed(field: str, key: str) -> tuple[str, str, str]:
    zh, en = label(key)
    return field, zh, en


_NATURE_KEYS: Final = {
    "basic": "basic",
    "project": "project",
    "remitted_to_superior": "remitted_to_superior",
    "business": "business_expenditure",
    "subsidies_to_subordinates": "subsidies_to_subordinates",
}

EXPENDITURE: Final = FunctionTable(
    attr="expenditure",
    name_zh="",
    name_en="",
    columns=(
        *(_keyed(field, key) for field, key in _NATURE_KEYS.items()),
        _keyed("stated_total", "expenditure_total"),
    ),
    total="stated_total",
    derived_total="parts_total",
    parts=tuple(_NATURE_KEYS),
)
"""The 支出决算表 (:class:`~govfinal.model.NatureAmounts`)."""

_SOURCE_FIELDS: Final = (
    "fiscal",
    "superior_subsidy",
    "service",
    "business",
    "subordinate_remittance",
    "other",
)

INCOME: Final = FunctionTable(
    attr="income",
    name_zh="",
    name_en="",
    columns=(
        _keyed("total", "income_total"),
        *(_keyed(field, field) for field in _SOURCE_FIELDS),
    ),
    total="total",
    derived_total="parts_total",
    parts=_SOURCE_FIELDS,
)
"""The 收入决算表 (:class:`~govfinal.model.IncomeRow`)."""

_FUND_COLUMNS: Final[dict[str, Labels]] = {
    "opening": label("opening_balance"),
    "income": ("本年收入", "income for the year"),
    "basic": label("basic"),
    "project": label("project"),
    "stated_expenditure": ("本年支出", "expenditure for the year"),
    "closing": label("closing_balance"),
}


def _fund_table(fund: FundType) -> FunctionTable:
    zh, en = label(f"fund_{fund.field}")
    return FunctionTable(
        attr=fund.field,
        name_zh=zh,
        name_en=en,
        columns=tuple((field, *names) for field, names in _FUND_COLUMNS.items()),
        total="stated_expenditure",
        derived_total="parts_expenditure",
        parts=("basic", "project"),
    )


FUNDS: Final[dict[FundType, FunctionTable]] = {fund: _fund_table(fund) for fund in FundType}
"""The three fund tables (:class:`~govfinal.model.FundAmounts`), in FundType order."""

BALANCE_COLUMNS: Final = ("opening", "income", "expenditure", "closing")
"""The four columns of a fund row that balance, in the table's order."""

FISCAL_KEYS: Final = {
    "opening": "fiscal_opening",
    "income": "fiscal_income",
    "expenditure": "fiscal_expenditure",
    "closing": "fiscal_closing",
}
"""The official term of each column total of the 财政拨款收入支出决算总表."""

_SOURCE_KEYS: Final = (
    "general_budget",
    "government_fund",
    "state_capital",
    "superior_subsidy",
    "service",
    "business",
    "subordinate_remittance",
    "other",
)

BASIC_LABELS: Final = ("一般公共预算财政拨款基本支出", "general budget basic expenditure")
"""The names of the 基本支出 detail table's total."""

_GROUP_KEYS: Final = {EconomicGroup.PERSONNEL: "personnel", EconomicGroup.PUBLIC: "public"}

THREE_PUBLIC_LINES: Final = (
    "total",
    "overseas",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)
"""The 三公 table's lines, in its order: 合计, 出国, 公务用车 (小计, 购置, 运行), 接待."""

_THREE_PUBLIC_NAMES: Final[dict[str, Labels]] = {
    "total": ("“三公”经费合计", "three public expenses, total"),
    "overseas": label("overseas"),
    "vehicles": label("vehicles"),
    "vehicle_purchase": label("vehicle_purchase"),
    "vehicle_operation": label("vehicle_operation"),
    "reception": label("reception"),
}

_SIDES: Final[dict[str, tuple[str, str, str]]] = {
    "final": ("amount", "决算数", "final"),
    "budget": ("budget.budget", "预算数", "budget"),
}
"""决算数 and 预算数 of a 三公 line: (field of the figure, Chinese, English)."""


def line_address(code: str) -> str:
    """The address of a function line, e.g. ``functions[2060101]``."""
    return keyed("functions", code)


def line_label(line: FunctionLine) -> Labels:
    """How a line is named in messages: ``行政运行（2010601）`` / ``function 2010601``."""
    return f"{line.name}（{line.code}）", f"function {line.code}"


# -- derived terms ---------------------------------------------------------------------


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


def _bracketed(term: Term, formula: str) -> str:
    return f"({formula})" if term.parts else formula


# -- comparative sites -----------------------------------------------------------------


@attrs.frozen
class Site:
    """One figure compared with the prior year and/or a budget.

    Attributes:
        prefix: address of the figure's owner, e.g. ``fiscal.general_budget`` or
            ``functions[2060101].general_budget``.
        label_zh: the figure's Chinese name.
        label_en: the figure's English name.
        current: the figure itself (本年数, 决算数) as a term; ``None`` when
            nothing of it is published.
        prior: its comparison with the prior year, if any.
        budget: its comparison with a budget, if any.
        prior_path: the address of ``prior`` (``{prefix}.prior`` by default).
        budget_path: the address of ``budget`` (``{prefix}.budget`` by default).

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

    @property
    def address(self) -> str:
        """The model's address of the figure, whether published or derived.

        ``income.grand_total``, ``functions[2060101].general_budget.expenditure``.
        """
        if self.prefix == "income":
            return "income.grand_total"
        if self.prefix == "fiscal":
            return "fiscal.income_grand_total" if self.budget is None else "fiscal.expenditure"
        if self.prefix.startswith(("three_public.", "operating_costs")):
            return f"{self.prefix}.amount"
        return f"{self.prefix}.expenditure"


# -- the figures of one report ----------------------------------------------------------

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _once(method: Callable[Concatenate[Figures, _P], _R]) -> Callable[Concatenate[Figures, _P], _R]:
    """Compute a derived figure once per :class:`Figures` (its arguments are names and flags)."""

    def cached(self: Figures, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        key = (method.__name__, args, tuple(sorted(kwargs.items())))
        if key not in self._memo:
            self._memo[key] = method(self, *args, **kwargs)
        return cast(_R, self._memo[key])

    functools.update_wrapper(cached, method)
    return cached


class Figures:
    """Every figure of ``report`` the checks read, as terms; derived ones made once.

    Attributes:
        report: the report.
        exact: strict mode: every half-width is zero.

    """

    def __init__(self, report: FinalAccount, *, exact: bool = False) -> None:
        self.report = report
        self.exact = exact
        self._memo: dict[tuple[object, ...], object] = {}
        self._at: dict[str, Term | AddressError | None] = {}

    # -- the one way to make each kind of term --------------------------------------

    def amount(self, address: str, labels: Labels, value: Decimal) -> Term:
        """The published figure at ``address``, with the half-width its rounding allows."""
        width = ZERO if self.exact else amount_half_width(value)
        return Term(address, labels[0], labels[1], value, width)

    def optional(self, address: str, labels: Labels, value: Decimal | None) -> Term | None:
        """:meth:`amount` of a cell the report may leave blank; ``None`` when blank."""
        return None if value is None else self.amount(address, labels, value)

    @staticmethod
    def unrounded(address: str, labels: Labels, value: Decimal) -> Term:
        """A figure that is exact by definition (a weight, 分值): no rounding in any mode."""
        return Term(address, labels[0], labels[1], value, ZERO)

    @staticmethod
    def blank(address: str, labels: Labels) -> Term:
        """A blank cell among published ones: exactly zero, with no rounding."""
        return Term(address, f"{labels[0]}（空）", f"{labels[1]} (blank)", ZERO, ZERO)

    @staticmethod
    def sum(parts: Sequence[Term], address: str, labels: Labels) -> Term:
        """The derived sum of ``parts`` at ``address``; its half-width is the Σ of theirs."""
        return Term.total(parts, address, labels[0], labels[1])

    @staticmethod
    def difference(minuend: Term, subtrahend: Term, address: str, labels: Labels) -> Term:
        """The derived term ``minuend − subtrahend``."""
        return Difference(
            address,
            labels[0],
            labels[1],
            CONTEXT.subtract(minuend.value, subtrahend.value),
            CONTEXT.add(minuend.half_width, subtrahend.half_width),
            (minuend, subtrahend),
        )

    def at(self, address: str) -> Term | None:
        """The term of the figure at ``address``; ``None`` for a blank one.

        A figure the report may leave unpublished is :meth:`derived`'s term
        (published, else the Σ of its parts, with their half-widths); any other
        is the published figure (a count is exact). The names are those of
        :func:`~govfinal.address.addresses`.

        Raises:
            AddressError: ``address`` names nothing in the report, or a part,
                not a figure.

        """
        memo = self._at
        if address not in memo:
            try:
                memo[address] = self._term_at(address)
            except AddressError as error:
                memo[address] = error
        found = memo[address]
        if isinstance(found, AddressError):
            raise found
        return found

    def _term_at(self, address: str) -> Term | None:
        derived = self._derived()
        if address in derived:
            return derived[address]
        value = resolve(self.report, address)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise AddressError(f"address {address!r}: names a part of the report, not a figure")
        labels = address_label(self.report, address)
        if isinstance(value, int):
            return self.unrounded(address, labels, Decimal(value))
        return self.amount(address, labels, value)

    @_once
    def _derived(self) -> dict[str, Term]:
        return self.derived()

    def derived(self) -> dict[str, Term]:
        """Every figure the report may leave unpublished, keyed by the model's address of it.

        ``income.sources.total`` → :meth:`income_total`, a term that is the
        published 本年收入合计 or else the Σ of the sources; likewise each
        fund's and each function line's 本年支出, the 财政拨款 column totals,
        the 三公 subtotal and total, 政府采购总额 and the 基本支出 groups. The
        model's value at each address is the term's value (a test says so).
        Those with nothing published are left out; roll-ups of the function
        tree are :meth:`rollup`'s.
        """
        personnel, public = EconomicGroup.PERSONNEL, EconomicGroup.PUBLIC
        found: dict[str, Term | None] = {
            "income.sources.total": self.income_total(),
            "income.grand_total": self.income_grand_total(),
            "expenditure.nature.total": self.expenditure_total(),
            "procurement.total": self.procurement_total(),
            "general_budget_basic.personnel": self.economic_group(personnel),
            "general_budget_basic.public": self.economic_group(public),
            "general_budget_basic.total": self.economic_total(),
        }
        for side in _SIDES:
            found[f"three_public.vehicles_{side}"] = self.vehicles(side)
            found[f"three_public.total_{side}"] = self.three_public_total(side)
        for column in BALANCE_COLUMNS:
            found[f"fiscal.{column}"] = self.fiscal_total(column)
        for fund_type in FundType:
            found[f"fiscal.{fund_type.field}.expenditure"] = self.fund_cell(
                fund_type, "expenditure"
            )
        for line in first_lines(self.report.functions):
            address = line_address(line.code)
            found[f"{address}.expenditure.total"] = self.effective(
                line, EXPENDITURE, "stated_total"
            )
            for table in FUNDS.values():
                found[f"{address}.{table.attr}.expenditure"] = self.effective(
                    line, table, "stated_expenditure"
                )
        return {address: term for address, term in found.items() if term is not None}

    # -- 收入支出决算总表 -------------------------------------------------------------

    def income_sources(self) -> list[Term]:
        """The published income sources (本年收入 by source), in the table's order.

        A blank source is left out, as a blank cell adds nothing to its total.
        """
        values = self.report.income.sources.parts()
        terms = (
            self.optional(f"income.sources.{field}", label(field), values[field])
            for field in _SOURCE_KEYS
        )
        return _published(terms)

    @_once
    def income_total(self) -> Term:
        """本年收入合计 (``income.sources.total``): published, else Σ of the sources."""
        stated = self.report.income.sources.stated_total
        if stated is not None:
            return self.amount("income.sources.stated_total", label("income_total"), stated)
        return self.sum(self.income_sources(), "income.sources.parts_total", label("income_total"))

    def income_grand_total_parts(self) -> list[Term]:
        """本年收入合计, 使用非财政拨款结余 and 年初结转和结余: the parts of 收入总计."""
        income = self.report.income
        return [
            self.income_total(),
            self.amount(
                "income.non_fiscal_balance_used",
                label("non_fiscal_balance_used"),
                income.non_fiscal_balance_used,
            ),
            self.amount("income.opening_balance", label("opening_balance"), income.opening_balance),
        ]

    @_once
    def income_grand_total(self) -> Term:
        """收入总计 (``income.grand_total``): published, else Σ of its parts."""
        stated = self.report.income.stated_grand_total
        if stated is not None:
            return self.amount("income.stated_grand_total", label("income_grand_total"), stated)
        parts = self.income_grand_total_parts()
        return self.sum(parts, "income.parts_grand_total", label("income_grand_total"))

    def natures(self) -> list[Term]:
        """The published natures of 本年支出 (支出决算表 合计 row), in column order."""
        nature = self.report.expenditure.nature
        values = nature.parts()
        terms = (
            self.optional(f"expenditure.nature.{field}", label(key), values[field])
            for field, key in _NATURE_KEYS.items()
        )
        return _published(terms)

    @_once
    def expenditure_total(self) -> Term | None:
        """本年支出合计 (``expenditure.nature.total``): published, else Σ of the natures.

        ``None`` when neither the total nor any nature is published.
        """
        stated = self.report.expenditure.nature.stated_total
        if stated is not None:
            return self.amount(
                "expenditure.nature.stated_total", label("expenditure_total"), stated
            )
        parts = self.natures()
        if not parts:
            return None
        return self.sum(parts, "expenditure.nature.parts_total", label("expenditure_total"))

    # -- the function tables ------------------------------------------------------------

    def cell(
        self, line: FunctionLine, table: FunctionTable, field: str, *, prefixed: bool = True
    ) -> Term | None:
        """The published cell ``line.<table>.<field>``; ``prefixed`` names line and fund."""
        row = getattr(line, table.attr)
        value: Decimal | None = None if row is None else getattr(row, field)
        if value is None:
            return None
        key = ("cell", id(line), table.attr, field, prefixed)  # the report holds its lines
        found = self._memo.get(key)
        if found is None:
            address = f"{line_address(line.code)}.{table.attr}.{field}"
            found = self._memo[key] = self.amount(
                address, _cell_labels(line, table, field, prefixed), value
            )
        assert isinstance(found, Term)
        return found

    def line_parts(self, line: FunctionLine, table: FunctionTable, *, prefixed: bool) -> list[Term]:
        """The line's published parts of the table's total (blanks skipped)."""
        terms = (self.cell(line, table, field, prefixed=prefixed) for field in table.parts)
        return _published(terms)

    def line_parts_total(
        self, line: FunctionLine, table: FunctionTable, *, prefixed: bool
    ) -> Term | None:
        """Σ of the line's published parts (e.g. 基本支出 + 项目支出); ``None`` if none."""
        parts = self.line_parts(line, table, prefixed=prefixed)
        if not parts:
            return None
        address = join(line_address(line.code), table.attr, table.derived_total)
        return self.sum(parts, address, _cell_labels(line, table, table.total, prefixed))

    def effective(
        self, line: FunctionLine, table: FunctionTable, field: str, *, prefixed: bool = True
    ) -> Term | None:
        """A cell as the line has it: published, else (for the total) the Σ of its parts.

        This is ``NatureAmounts.total`` or ``FundAmounts.expenditure`` as a term.
        """
        own = self.cell(line, table, field, prefixed=prefixed)
        if own is not None or field != table.total:
            return own
        return self.line_parts_total(line, table, prefixed=prefixed)

    def rollup(self, code: str, table: FunctionTable, field: str) -> Term | None:
        """A line's cell: its own (effective) cell, else the Σ of its children's roll-ups.

        ``None`` when neither the line nor anything below it publishes the cell;
        :meth:`FunctionTree.rollup` is the model's value. A code listed twice
        counts once, with its first line.
        """
        key = ("rollup", code, table.attr, field)
        if key not in self._memo:
            self._memo[key] = self._rollup(code, table, field)
        found = self._memo[key]
        assert found is None or isinstance(found, Term)
        return found

    def _rollup(self, code: str, table: FunctionTable, field: str) -> Term | None:
        line = self.report.functions.get(code)
        if line is None:
            return None
        own = self.effective(line, table, field)
        if own is not None:
            return own
        children = self.children(code, table, field)
        if not children:
            return None
        address = join(line_address(code), table.attr, field)
        return self.sum(children, address, _cell_labels(line, table, field, prefixed=True))

    def children(self, code: str, table: FunctionTable, field: str) -> list[Term]:
        """The roll-ups of the lines directly under ``code`` that publish the cell."""
        terms = (
            self.rollup(child.code, table, field)
            for child in first_of_each_code(self.report.functions.children(code))
        )
        return _published(terms)

    def class_rollups(self, table: FunctionTable, field: str) -> list[Term]:
        """The 类 lines' roll-ups of one cell of a function table, in table order."""
        terms = (
            self.rollup(line.code, table, field)
            for line in first_lines(self.report.functions)
            if line.parent_code is None
        )
        return _published(terms)

    # -- 财政拨款收入支出决算总表 --------------------------------------------------------

    @_once
    def fund_cell(self, fund_type: FundType, column: str, *, named: bool = True) -> Term | None:
        """One cell of a fund's row; ``None`` when blank; ``named`` puts the fund in its labels.

        The ``expenditure`` column is the effective 本年支出
        (``fiscal.<fund>.expenditure``): the published total, else 基本支出 +
        项目支出 as a derived term.
        """
        amounts = self.report.fiscal.funds()[fund_type]
        row = f"fiscal.{fund_type.field}"
        labels = _fund_labels(fund_type, column, named)
        if column == "expenditure":
            if amounts.stated_expenditure is not None:
                return self.amount(f"{row}.stated_expenditure", labels, amounts.stated_expenditure)
            parts = self.fund_cells(fund_type, ("basic", "project"), named=named)
            return self.sum(parts, f"{row}.parts_expenditure", labels) if parts else None
        return self.optional(f"{row}.{column}", labels, getattr(amounts, column))

    def fund_cells(
        self, fund_type: FundType, columns: Sequence[str], *, named: bool = True
    ) -> list[Term]:
        """The published cells among ``columns`` of a fund's row."""
        terms = (self.fund_cell(fund_type, column, named=named) for column in columns)
        return _published(terms)

    def fund_cell_or_blank(self, fund_type: FundType, column: str, *, named: bool = True) -> Term:
        """:meth:`fund_cell`, a blank one as an exact zero."""
        found = self.fund_cell(fund_type, column, named=named)
        if found is not None:
            return found
        field = "stated_expenditure" if column == "expenditure" else column
        return self.blank(
            f"fiscal.{fund_type.field}.{field}", _fund_labels(fund_type, column, named)
        )

    def fund_column(self, column: str) -> list[Term]:
        """The funds' published cells of one column, in fund order, with the funds named."""
        terms = (self.fund_cell(fund_type, column) for fund_type in FundType)
        return _published(terms)

    @_once
    def fiscal_total(self, column: str) -> Term | None:
        """A column total of the 财政拨款收入支出决算总表 (``fiscal.<column>``).

        ``column`` is ``opening``, ``income``, ``expenditure`` or ``closing``.
        The published total, else the Σ of the funds' published cells; ``None``
        when neither is published.
        """
        key = FISCAL_KEYS[column]
        stated = getattr(self.report.fiscal, f"stated_{column}")
        if stated is not None:
            return self.amount(f"fiscal.stated_{column}", label(key), stated)
        parts = self.fund_column(column)
        return self.sum(parts, f"fiscal.{column}", label(key)) if parts else None

    def fiscal_total_or_blank(self, column: str) -> Term:
        """:meth:`fiscal_total`, an unpublished one as an exact zero."""
        found = self.fiscal_total(column)
        if found is not None:
            return found
        return self.blank(f"fiscal.stated_{column}", label(FISCAL_KEYS[column]))

    # -- 一般公共预算财政拨款基本支出 by economic class -------------------------------------

    def economic_line(self, line: EconomicLine) -> Term | None:
        """A line's published amount, named ``基本工资（30101）``; ``None`` when blank."""
        address = join(keyed("general_budget_basic", line.code), "amount")
        labels = (f"{line.name}（{line.code}）", f"economic class {line.code}")
        return self.optional(address, labels, line.amount)

    def economic_items(self, group: EconomicGroup) -> list[Term]:
        """The published amounts that make up 人员经费 or 公用经费, in table order.

        :meth:`BasicExpenditureDetail.group_sum` semantics: a 类 with 款 lines
        counts through its 款, a 类 without counts itself.
        """
        detail = self.report.general_budget_basic
        items = {line.code[:3] for line in detail.lines if not line.is_class}
        terms = (
            self.economic_line(line)
            for line in first_of_each_code(detail.lines)
            if line.group is group and not (line.is_class and line.code in items)
        )
        return _published(terms)

    def economic_items_sum(self, group: EconomicGroup) -> Term | None:
        """Σ of :meth:`economic_items` (``general_budget_basic.parts_<group>``), or ``None``."""
        key = _GROUP_KEYS[group]
        parts = self.economic_items(group)
        return self.sum(parts, f"general_budget_basic.parts_{key}", label(key)) if parts else None

    @_once
    def economic_group(self, group: EconomicGroup) -> Term | None:
        """人员经费 or 公用经费 (``general_budget_basic.personnel``/``.public``).

        Published, else the Σ of its items; ``None`` when neither is published.
        """
        detail = self.report.general_budget_basic
        key = _GROUP_KEYS[group]
        stated = (
            detail.stated_personnel if group is EconomicGroup.PERSONNEL else detail.stated_public
        )
        if stated is not None:
            return self.amount(f"general_budget_basic.stated_{key}", label(key), stated)
        return self.economic_items_sum(group)

    @_once
    def economic_total(self) -> Term | None:
        """基本支出 of the detail table (``general_budget_basic.total``).

        Published, else 人员经费 + 公用经费 (those available); ``None`` when none is.
        """
        detail = self.report.general_budget_basic
        if detail.stated_total is not None:
            return self.amount(
                "general_budget_basic.stated_total", BASIC_LABELS, detail.stated_total
            )
        parts = [
            term for group in EconomicGroup if (term := self.economic_group(group)) is not None
        ]
        return self.sum(parts, "general_budget_basic.parts_total", BASIC_LABELS) if parts else None

    # -- 政府采购 -------------------------------------------------------------------------

    def procurement_parts(self) -> list[Term]:
        """政府采购货物支出, 工程支出 and 服务支出: those published (a blank one is left out)."""
        procurement = self.report.procurement
        terms = (
            self.optional(f"procurement.{field}", label(field), getattr(procurement, field))
            for field in ("goods", "works", "services")
        )
        return _published(terms)

    @_once
    def procurement_total(self) -> Term:
        """政府采购支出总额 (``procurement.total``): published, else 货物 + 工程 + 服务."""
        stated = self.report.procurement.stated_total
        if stated is not None:
            return self.amount("procurement.stated_total", label("procurement_total"), stated)
        parts = self.procurement_parts()
        return self.sum(parts, "procurement.parts_total", label("procurement_total"))

    # -- 财政拨款“三公”经费支出决算表 -----------------------------------------------------

    def three_public_line(self, line: str, side: str) -> Term | None:
        """One published amount (``final`` 决算数 or ``budget`` 预算数) of a 三公 line."""
        figure: Figure | None = getattr(self.report.three_public, line)
        value: Decimal | None = None
        if figure is not None:
            value = figure.amount if side == "final" else _budget_of(figure.budget)
        address = join("three_public", line, _SIDES[side][0])
        return self.optional(address, three_public_labels(line, side), value)

    def three_public_lines(self, lines: Sequence[str], side: str) -> list[Term]:
        """The published amounts of ``lines`` on one side, in order."""
        terms = (self.three_public_line(line, side) for line in lines)
        return _published(terms)

    def vehicle_parts(self, side: str) -> list[Term]:
        """公务用车购置费 and 公务用车运行维护费, as published, on one side."""
        return self.three_public_lines(("vehicle_purchase", "vehicle_operation"), side)

    @_once
    def vehicles(self, side: str) -> Term | None:
        """公务用车购置及运行维护费 (``three_public.vehicles_<side>``): published 小计, else Σ."""
        stated = self.three_public_line("vehicles", side)
        if stated is not None:
            return stated
        parts = self.vehicle_parts(side)
        address = f"three_public.vehicles_{side}"
        return self.sum(parts, address, three_public_labels("vehicles", side)) if parts else None

    def three_public_parts(self, side: str) -> list[Term]:
        """The published parts of the 合计: 出国, 公务用车 (小计 or its parts), 接待."""
        parts = (
            self.three_public_line("overseas", side),
            self.vehicles(side),
            self.three_public_line("reception", side),
        )
        return _published(parts)

    @_once
    def three_public_total(self, side: str) -> Term | None:
        """“三公”经费合计 (``three_public.total_<side>``): published, else Σ of its parts."""
        stated = self.three_public_line("total", side)
        if stated is not None:
            return stated
        parts = self.three_public_parts(side)
        address = f"three_public.total_{side}"
        return self.sum(parts, address, three_public_labels("total", side)) if parts else None

    # -- comparatives --------------------------------------------------------------------

    @_once
    def sites(self) -> tuple[Site, ...]:
        """Every figure with a comparative, in a fixed order (found once per run).

        Order: 收入支出总计 (``grand_total_prior``); 财政拨款收入总计
        (``fiscal.prior``) and 本年财政拨款支出 (``fiscal.budget``); each
        fund's 本年支出, in :class:`FundType` order; each function line's
        fund expenditure, lines in table order and funds in FundType order;
        the 三公 lines (合计, 出国, 公务用车小计, 购置, 运行维护, 接待);
        机关运行经费. Sites with neither a prior-year nor a budget comparison
        are left out.
        """
        return tuple(
            site
            for site in self._all_sites()
            if site is not None and (site.prior is not None or site.budget is not None)
        )

    def _all_sites(self) -> Iterator[Site | None]:
        report = self.report
        zh, en = label("income_grand_total")
        yield Site(
            "income",
            zh,
            en,
            self.income_grand_total(),
            report.grand_total_prior,
            None,
            prior_path="grand_total_prior",
        )
        yield from self._fiscal_sites()
        for fund_type, fund in report.fiscal.funds().items():
            zh, en = _fund_expenditure_label(fund_type)
            current = self.fund_cell(fund_type, "expenditure")
            yield Site(f"fiscal.{fund_type.field}", zh, en, current, fund.prior, fund.budget)
        for line in report.functions:
            for fund_type in FundType:
                amounts = line.fund(fund_type)
                if amounts is not None:
                    yield self.line_site(line, fund_type, amounts)
        for name in THREE_PUBLIC_LINES:
            figure: Figure | None = getattr(report.three_public, name)
            if figure is not None:
                zh, en = label("three_public" if name == "total" else name)
                current = self._three_public_final(name)
                yield Site(f"three_public.{name}", zh, en, current, figure.prior, figure.budget)
        costs = report.operating_costs
        if costs is not None:
            zh, en = label("operating_costs")
            current = self.optional("operating_costs.amount", (zh, en), costs.amount)
            yield Site("operating_costs", zh, en, current, costs.prior, costs.budget)

    def prior_amount(self, site: Site, amount: Decimal) -> Term:
        """The published 上年决算数 of a site."""
        labels = (f"{site.label_zh}上年决算数", f"{site.label_en}, prior year")
        return self.amount(f"{site.prior_path}.amount", labels, amount)

    def change(self, site: Site, change: Decimal) -> Term:
        """The published 增减额 of a site."""
        labels = (f"{site.label_zh}增减额", f"change in {site.label_en}")
        return self.amount(f"{site.prior_path}.change", labels, change)

    def change_from_amounts(self, site: Site) -> Term | None:
        """本年数 − the published 上年决算数 (at ``….prior.change``); ``None`` if either is missing.

        :meth:`PriorYear.change_from` is the model's value when no change is published.
        """
        prior = site.prior
        if prior is None or prior.amount is None or site.current is None:
            return None
        labels = (f"{site.label_zh}增减额", f"change in {site.label_en}")
        before = self.prior_amount(site, prior.amount)
        return self.difference(site.current, before, f"{site.prior_path}.change", labels)

    def prior_from_change(self, site: Site) -> Term | None:
        """本年数 − the published 增减额 (at ``….prior.amount``); ``None`` if either is missing.

        :meth:`PriorYear.prior_amount` is the model's value when no amount is published.
        """
        prior = site.prior
        if prior is None or prior.change is None or site.current is None:
            return None
        labels = (f"{site.label_zh}上年决算数", f"{site.label_en}, prior year")
        change = self.change(site, prior.change)
        return self.difference(site.current, change, f"{site.prior_path}.amount", labels)

    def derivable_change(self, site: Site) -> Term | None:
        """A site's 增减额: published, else 本年数 − 上年决算数 (derived), else ``None``."""
        prior = site.prior
        if prior is not None and prior.change is not None:
            return self.change(site, prior.change)
        return self.change_from_amounts(site)

    def _three_public_final(self, line: str) -> Term | None:
        """A 三公 line's 决算数 as compared: published, else (小计, 合计) Σ of its parts."""
        if line == "total":
            return self.three_public_total("final")
        if line == "vehicles":
            return self.vehicles("final")
        return self.three_public_line(line, "final")

    def _fiscal_sites(self) -> Iterator[Site]:
        fiscal = self.report.fiscal
        grand_total: Term | None
        if fiscal.stated_income_grand_total is not None:
            grand_total = self.amount(
                "fiscal.stated_income_grand_total",
                label("fiscal_income_grand_total"),
                fiscal.stated_income_grand_total,
            )
        else:
            parts = [
                part
                for part in (self.fiscal_total("opening"), self.fiscal_total("income"))
                if part is not None
            ]
            labels = label("fiscal_income_grand_total")
            grand_total = self.sum(parts, "fiscal.income_grand_total", labels) if parts else None
        zh, en = label("fiscal_income_grand_total")
        yield Site("fiscal", zh, en, grand_total, fiscal.prior, None)
        zh, en = label("fiscal_expenditure")
        yield Site("fiscal", zh, en, self.fiscal_total("expenditure"), None, fiscal.budget)

    def line_site(self, line: FunctionLine, fund_type: FundType, amounts: FundAmounts) -> Site:
        """The comparative site of a function line's fund expenditure."""
        prefix = join(line_address(line.code), fund_type.field)
        fund_zh, fund_en = _fund_expenditure_label(fund_type)
        zh = f"{line.name}（{line.code}）{fund_zh}"
        en = f"{fund_en}, line {line.code}"
        current = self.effective(line, FUNDS[fund_type], "stated_expenditure")
        return Site(prefix, zh, en, current, amounts.prior, amounts.budget)


# -- labels ----------------------------------------------------------------------------------


def _cell_labels(line: FunctionLine, table: FunctionTable, field: str, prefixed: bool) -> Labels:
    """``行政运行（2010601）一般公共预算财政拨款基本支出``, or just ``基本支出`` unprefixed."""
    if not prefixed:
        return table.column_label(field, with_table=False)
    zh, en = table.column_label(field)
    return f"{line.name}（{line.code}）{zh}", f"{en} ({line.code})"


def _fund_labels(fund_type: FundType, column: str, named: bool) -> Labels:
    """The names of one cell of a fund's row, with the fund's name in front when ``named``."""
    zh, en = _FUND_COLUMNS["stated_expenditure" if column == "expenditure" else column]
    if not named:
        return zh, en
    fund_zh, fund_en = label(f"fund_{fund_type.field}")
    return f"{fund_zh}{zh}", f"{fund_en}: {en}"


def _fund_expenditure_label(fund_type: FundType) -> Labels:
    zh, en = label(f"fund_{fund_type.field}")
    return f"{zh}支出", f"expenditure of {en}"


def three_public_labels(line: str, side: str) -> Labels:
    """The names of a 三公 line's 决算数 or 预算数, e.g. ``公务接待费决算数``."""
    zh, en = _THREE_PUBLIC_NAMES[line]
    _, side_zh, side_en = _SIDES[side]
    return f"{zh}{side_zh}", f"{en} ({side_en})"


def _budget_of(budget: BudgetVariance | None) -> Decimal | None:
    return None if budget is None else budget.budget


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_C = TypeVar("_C", bound=_Coded)


def first_of_each_code(lines: Iterable[_C]) -> Iterator[_C]:
    """Each code's first line, in order; a repeat counts once, with its first line.

    Repeats are F201's and B306's business (in data built without the model's validators).
    """
    seen: set[str] = set()
    for line in lines:
        if line.code not in seen:
            seen.add(line.code)
            yield line


def first_lines(tree: FunctionTree) -> Iterator[FunctionLine]:
    """Each code's first function line, in table order."""
    return first_of_each_code(tree)


def _published(terms: Iterable[Term | None]) -> list[Term]:
    """The terms of the figures published among ``terms`` (blanks are ``None``), in order."""
    return [term for term in terms if term is not None]
