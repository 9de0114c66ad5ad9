"""The nine standard tables of a 部门决算 (第二部分 部门决算表) and the parts they print.

A report publishes nine tables, in the template's order; :class:`StandardTable`
names each by its Chinese title (as a data file writes it) and its key (as
:func:`govfinal.render.tables.build_tables` keys it), and says where in the
model its figures are: the parts under which they lie (``roots``) and, for a
table with a row per 支出功能分类 line, the field of that row on each line
(``rows``).

Invariants:

* The members are the nine tables, in the template's order; their keys are
  :data:`govfinal.render.tables.TABLE_KEYS` and their values the tables' titles.
* Every root is an address of a part the model always holds (never blank), so
  it resolves in every report; ``rows`` and ``columns`` are field names of the
  model (a test says so).
"""

from __future__ import annotations

import enum
from typing import Final

import attrs

__all__ = ["StandardTable"]


@attrs.frozen
class _Layout:
    """Where a table's figures are: parts of the report, and rows of the function lines."""

    key: str
    roots: tuple[str, ...]
    rows: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    budgets: bool = False


class StandardTable(enum.Enum):
    """One of the nine standard tables (部门决算表), by its title."""

    INCOME_EXPENDITURE = "收入支出决算总表"
    INCOME = "收入决算表"
    EXPENDITURE = "支出决算表"
    FISCAL = "财政拨款收入支出决算总表"
    GENERAL_BUDGET = "一般公共预算财政拨款支出决算表"
    GENERAL_BUDGET_BASIC = "一般公共预算财政拨款基本支出决算表"
    THREE_PUBLIC = "财政拨款“三公”经费支出决算表"
    GOVERNMENT_FUND = "政府性基金预算财政拨款收入支出决算表"
    STATE_CAPITAL = "国有资本经营预算财政拨款收入支出决算表"

    @property
    def key(self) -> str:
        """The table's key (``"three_public"``), as the rendered tables are keyed."""
        return _LAYOUTS[self].key

    @property
    def title(self) -> str:
        """The table's Chinese title (its value)."""
        return str(self.value)

    @property
    def roots(self) -> tuple[str, ...]:
        """The addresses of the parts its figures lie under (``fiscal.government_fund``)."""
        return _LAYOUTS[self].roots

    @property
    def rows(self) -> tuple[str, ...]:
        """The fields of each function line that are its rows (``government_fund``), if any."""
        return _LAYOUTS[self].rows

    @property
    def columns(self) -> tuple[str, ...]:
        """The fields it prints of each part, when it prints only some (empty: all)."""
        return _LAYOUTS[self].columns

    @property
    def prints_budgets(self) -> bool:
        """Whether it prints 预算数 beside 决算数 (the “三公” table does; the others do not)."""
        return _LAYOUTS[self].budgets

    @property
    def addresses(self) -> tuple[str, ...]:
        """Its roots, and ``functions`` when it has rows of the function lines."""
        return (*self.roots, "functions") if self.rows else self.roots

    @classmethod
    def by_key(cls, key: str) -> StandardTable:
        """The table whose key is ``key``.

        Raises:
            KeyError: no standard table has that key.

        """
        for table, layout in _LAYOUTS.items():
            if layout.key == key:
                return table
        raise KeyError(key)


_FUNDS: Final = ("general_budget", "government_fund", "state_capital")

_LAYOUTS: Final[dict[StandardTable, _Layout]] = {
    StandardTable.INCOME_EXPENDITURE: _Layout(
        "income_expenditure", ("income", "expenditure"), ("expenditure",)
    ),
    StandardTable.INCOME: _Layout("income", ("income.sources",), ("income",)),
    StandardTable.EXPENDITURE: _Layout("expenditure", ("expenditure.nature",), ("expenditure",)),
    StandardTable.FISCAL: _Layout("fiscal", ("fiscal",), _FUNDS),
    StandardTable.GENERAL_BUDGET: _Layout(
        "general_budget",
        ("fiscal.general_budget",),
        ("general_budget",),
        ("stated_expenditure", "basic", "project"),
    ),
    StandardTable.GENERAL_BUDGET_BASIC: _Layout("general_budget_basic", ("general_budget_basic",)),
    StandardTable.THREE_PUBLIC: _Layout("three_public", ("three_public",), budgets=True),
    StandardTable.GOVERNMENT_FUND: _Layout(
        "government_fund", ("fiscal.government_fund",), ("government_fund",)
    ),
    StandardTable.STATE_CAPITAL: _Layout(
        "state_capital", ("fiscal.state_capital",), ("state_capital",)
    ),
}
"""Each table's layout: the 总表 prints its 类 from the lines' 支出 rows, the
财政拨款总表 its 类 by fund from the lines' fund rows, the
一般公共预算财政拨款支出决算表 only the 本年支出 (合计, 基本, 项目) of its fund."""
