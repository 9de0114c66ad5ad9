"""The function tables as terms: cells, line totals and roll-ups of 类/款/项.

Each function line carries rows of five tables: the 支出决算表 (by nature),
the 收入决算表 (by source) and one table per fund type. :class:`_Table`
describes one of them; :func:`rollup_term` turns a cell of a line into a term
that is the line's own published cell, or else the derived Σ of its
children's roll-ups, so that a tolerance counts every published figure behind
it. A code listed twice counts once, with its first line.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from govfinal.checks.engine import Checker
from govfinal.checks.tolerance import Term
from govfinal.model.function import FunctionLine, FunctionTree
from govfinal.model.funds import FundType
from govfinal.terms import label

EXPENDITURE_TABLE = "支出决算表"
INCOME_TABLE = "收入决算表"
FUND_TABLES = {
    FundType.GENERAL_BUDGET: "一般公共预算财政拨款支出决算表",
    FundType.GOVERNMENT_FUND: "政府性基金预算财政拨款收入支出决算表",
    FundType.STATE_CAPITAL: "国有资本经营预算财政拨款收入支出决算表",
}
ALL_TABLES = (EXPENDITURE_TABLE, INCOME_TABLE, *FUND_TABLES.values())


@attrs.frozen
class _Table:
    """One function table as a line sees it: which attribute, which cells, which total.

    Attributes:
        attr: the line's attribute holding the row (``expenditure``, ``income``,
            ``general_budget``, ...).
        name_zh: the table's prefix for cell names (the fund's name, or empty).
        name_en: the English counterpart of ``name_zh``.
        columns: ``(field, zh, en)`` for each cell the roll-ups check, in column order.
        total: the field of the row's published total.
        derived_total: the model attribute of the Σ of the parts (for paths).
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

    def column_label(self, field: str, *, with_table: bool = True) -> tuple[str, str]:
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


_NATURE_FIELDS = (
    "basic",
    "project",
    "remitted_to_superior",
    "business",
    "subsidies_to_subordinates",
)

EXPENDITURE = _Table(
    attr="expenditure",
    name_zh="",
    name_en="",
    columns=(
        _keyed("basic", "basic"),
        _keyed("project", "project"),
        _keyed("remitted_to_superior", "remitted_to_superior"),
        _keyed("business", "business_expenditure"),
        _keyed("subsidies_to_subordinates", "subsidies_to_subordinates"),
        _keyed("stated_total", "expenditure_total"),
    ),
    total="stated_total",
    derived_total="parts_total",
    parts=_NATURE_FIELDS,
)
"""The 支出决算表 (:class:`~govfinal.model.NatureAmounts`)."""

_SOURCE_FIELDS = (
    "fiscal",
    "superior_subsidy",
    "service",
    "business",
    "subordinate_remittance",
    "other",
)

INCOME = _Table(
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


def _fund_table(fund: FundType) -> _Table:
    zh, en = label(f"fund_{fund.field}")
    return _Table(
        attr=fund.field,
        name_zh=zh,
        name_en=en,
        columns=(
            _keyed("opening", "opening_balance"),
            ("income", "本年收入", "income for the year"),
            _keyed("basic", "basic"),
            _keyed("project", "project"),
            ("stated_expenditure", "本年支出", "expenditure for the year"),
            _keyed("closing", "closing_balance"),
        ),
        total="stated_expenditure",
        derived_total="parts_expenditure",
        parts=("basic", "project"),
    )


FUNDS: dict[FundType, _Table] = {fund: _fund_table(fund) for fund in FundType}
"""The three fund tables (:class:`~govfinal.model.FundAmounts`), in FundType order."""


# -- terms -------------------------------------------------------------------


def line_path(code: str) -> str:
    """The path of a function line, e.g. ``functions[2060101]``."""
    return f"functions[{code}]"


def line_label(line: FunctionLine) -> tuple[str, str]:
    """How a line is named in messages: ``行政运行（2010601）`` / ``function 2010601``."""
    return f"{line.name}（{line.code}）", f"function {line.code}"


def _cell_labels(line: FunctionLine, table: _Table, field: str, prefixed: bool) -> tuple[str, str]:
    """``行政运行（2010601）一般公共预算财政拨款基本支出``, or just ``基本支出`` unprefixed."""
    if not prefixed:
        return table.column_label(field, with_table=False)
    zh, en = table.column_label(field)
    return f"{line.name}（{line.code}）{zh}", f"{en} ({line.code})"


def cell_value(line: FunctionLine, table: _Table, field: str) -> Decimal | None:
    """The published cell ``line.<table>.<field>``, or ``None`` when blank."""
    row = getattr(line, table.attr)
    if row is None:
        return None
    value: Decimal | None = getattr(row, field)
    return value


def cell_term(
    checker: Checker, line: FunctionLine, table: _Table, field: str, *, prefixed: bool = True
) -> Term | None:
    """The published cell as a term; ``prefixed`` names the line and fund in its label."""
    value = cell_value(line, table, field)
    if value is None:
        return None
    zh, en = _cell_labels(line, table, field, prefixed)
    return checker.amount(f"{line_path(line.code)}.{table.attr}.{field}", zh, en, value)


def part_terms(
    checker: Checker, line: FunctionLine, table: _Table, *, prefixed: bool
) -> list[Term]:
    """The line's published parts of the table's total, as terms (blanks skipped)."""
    terms = (cell_term(checker, line, table, field, prefixed=prefixed) for field in table.parts)
    return [term for term in terms if term is not None]


def parts_total(
    checker: Checker, line: FunctionLine, table: _Table, *, prefixed: bool
) -> Term | None:
    """Σ of the line's published parts (e.g. 基本支出 + 项目支出); ``None`` if none."""
    parts = part_terms(checker, line, table, prefixed=prefixed)
    if not parts:
        return None
    zh, en = _cell_labels(line, table, table.total, prefixed)
    return checker.total(
        parts, f"{line_path(line.code)}.{table.attr}.{table.derived_total}", zh, en
    )


def effective_term(
    checker: Checker, line: FunctionLine, table: _Table, field: str, *, prefixed: bool = True
) -> Term | None:
    """A cell as the line has it: published, else (for the total) the Σ of its parts.

    This is ``NatureAmounts.total`` or ``FundAmounts.expenditure`` as a term,
    with the half-widths of the figures actually published.
    """
    own = cell_term(checker, line, table, field, prefixed=prefixed)
    if own is not None or field != table.total:
        return own
    return parts_total(checker, line, table, prefixed=prefixed)


def _distinct_children(tree: FunctionTree, code: str) -> Iterator[FunctionLine]:
    seen: set[str] = set()
    for child in tree.children(code):
        if child.code not in seen:
            seen.add(child.code)
            yield child


def rollup_term(
    checker: Checker, tree: FunctionTree, code: str, table: _Table, field: str
) -> Term | None:
    """A line's cell as a term: its own (effective) cell, else the Σ of its children's roll-ups.

    ``None`` when neither the line nor anything below it publishes the cell.
    A derived roll-up keeps its children's terms, so its half-width is the sum
    of the published figures behind it.
    """
    line = tree.get(code)
    if line is None:
        return None
    own = effective_term(checker, line, table, field)
    if own is not None:
        return own
    children = children_terms(checker, tree, code, table, field)
    if not children:
        return None
    zh, en = _cell_labels(line, table, field, prefixed=True)
    return checker.total(children, f"{line_path(code)}.{table.attr}.{field}", zh, en)


def children_terms(
    checker: Checker, tree: FunctionTree, code: str, table: _Table, field: str
) -> list[Term]:
    """The roll-ups of the lines directly under ``code`` that publish the cell."""
    terms = (
        rollup_term(checker, tree, child.code, table, field)
        for child in _distinct_children(tree, code)
    )
    return [term for term in terms if term is not None]


def first_lines(tree: FunctionTree) -> Iterator[FunctionLine]:
    """Each code's first line, in table order (repeats are F201's business)."""
    for line in tree:
        if tree.get(line.code) is line:
            yield line
