"""The nine standard tables of a 部门决算 (第二部分 部门决算表), as :class:`Table` blocks.

:func:`build_tables` lays a :class:`~govfinal.model.FinalAccount` out as the
national template lays out its tables: the same rows, the same columns, the
same order, the same unit line and notes. Every cell is text, already
formatted (amounts half-up, with thousands separators), so every renderer
shows the same figures.

Where the figures come from:

* a cell of a function table (收入决算表, 支出决算表 and the three fund tables)
  is the line's published cell, else (for a 类 or 款 that publishes nothing)
  the roll-up of the lines below it (:meth:`FunctionTree.rollup`), so totals
  are shown; a cell nobody publishes is blank;
* a 合计 row is the figure the 总表 or the 财政拨款总表 publishes, else the
  Σ of the 类;
* a blank cell is ``""``; a published zero is ``0.00``.

Tables are built in Chinese (``lang="zh"``) or English (``lang="en"``). In
English, titles, headers and row labels are translated (the names of
:mod:`govfinal.terms` where they exist); the names of 款, 项 and economic 款
stay as the report prints them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Final

from govfinal.classification import ECONOMIC_CODES, FUNCTION_CODES, EconomicGroup, FunctionLevel
from govfinal.errors import GovFinalError
from govfinal.model.comparatives import Figure
from govfinal.model.economic import BasicExpenditureDetail, EconomicLine
from govfinal.model.expenditure import NatureAmounts
from govfinal.model.function import FunctionLine, FunctionTree, ValueOf
from govfinal.model.funds import FundAmounts, FundType
from govfinal.model.income import IncomeRow
from govfinal.model.report import FinalAccount
from govfinal.money import sum_published
from govfinal.render import numbers
from govfinal.render.document import Block, Heading, Table, TableRow
from govfinal.terms import label

__all__ = [
    "CLASS_NAMES_EN",
    "ECONOMIC_CLASS_NAMES_EN",
    "LANGS",
    "TABLE_KEYS",
    "TEMPLATE_CLASS_CODES",
    "RenderError",
    "build_tables",
    "chinese_ordinal",
    "is_amount_cell",
    "numeric_columns",
    "titled_tables",
]

LANGS: Final = ("zh", "en")
"""The languages tables are built in."""

TABLE_KEYS: Final = (
    "income_expenditure",
    "income",
    "expenditure",
    "fiscal",
    "general_budget",
    "general_budget_basic",
    "three_public",
    "government_fund",
    "state_capital",
)
"""The keys of the nine tables, in the template's order."""

TEMPLATE_CLASS_CODES: Final = (
    "201",
    "202",
    "203",
    "204",
    "205",
    "206",
    "207",
    "208",
    "210",
    "211",
    "212",
    "213",
    "214",
    "215",
    "216",
    "217",
    "219",
    "220",
    "221",
    "222",
    "223",
    "224",
    "229",
    "234",
)
"""The 类 the two 总表 print on their expenditure side, whether the report has them or not.

Their names come from :data:`govfinal.FUNCTION_CODES`; a 类 the report has
that is not among them is printed too, in code order.
"""

CLASS_NAMES_EN: Final[dict[str, str]] = {
    "201": "General public services",
    "202": "Foreign affairs",
    "203": "National defense",
    "204": "Public security",
    "205": "Education",
    "206": "Science and technology",
    "207": "Culture, tourism, sports and media",
    "208": "Social security and employment",
    "209": "Social insurance funds",
    "210": "Health",
    "211": "Energy conservation and environmental protection",
    "212": "Urban and rural community affairs",
    "213": "Agriculture, forestry and water",
    "214": "Transportation",
    "215": "Resource exploration, industry and information",
    "216": "Commerce and services",
    "217": "Finance",
    "219": "Aid to other regions",
    "220": "Natural resources, oceans and meteorology",
    "221": "Housing security",
    "222": "Grain, oil and material reserves",
    "223": "State capital operation budget expenditure",
    "224": "Disaster prevention and emergency management",
    "227": "Reserve funds",
    "229": "Other expenditure",
    "230": "Transfer expenditure",
    "231": "Debt principal repayment",
    "232": "Debt interest payment",
    "233": "Debt issuance costs",
    "234": "Expenditure of the special treasury bonds for COVID-19 response",
}
"""English names of the 类 of 支出功能分类."""

ECONOMIC_CLASS_NAMES_EN: Final[dict[str, str]] = {
    "301": "Wages and benefits",
    "302": "Goods and services",
    "303": "Subsidies to individuals and households",
    "310": "Capital expenditure",
}
"""English names of the 类 of 支出经济分类 that basic expenditure uses."""


class RenderError(GovFinalError, ValueError):
    """A table or document cannot be rendered as asked (e.g. an unknown language)."""


# -- text of the tables ----------------------------------------------------------------

_Text = tuple[str, str]
"""A text in Chinese and in English."""

_TITLES: Final[dict[str, _Text]] = {
    "income_expenditure": ("收入支出决算总表", "Summary Statement of Income and Expenditure"),
    "income": ("收入决算表", "Statement of Income"),
    "expenditure": ("支出决算表", "Statement of Expenditure"),
    "fiscal": (
        "财政拨款收入支出决算总表",
        "Summary Statement of Fiscal Allocation Income and Expenditure",
    ),
    "general_budget": (
        "一般公共预算财政拨款支出决算表",
        "Statement of General Public Budget Allocation Expenditure",
    ),
    "general_budget_basic": (
        "一般公共预算财政拨款基本支出决算表",
        "Statement of General Public Budget Allocation Basic Expenditure",
    ),
    "three_public": (
        "财政拨款“三公”经费支出决算表",
        'Statement of Fiscal Allocation Expenditure on the "Three Public Expenses"',
    ),
    "government_fund": (
        "政府性基金预算财政拨款收入支出决算表",
        "Statement of Government Fund Budget Allocation Income and Expenditure",
    ),
    "state_capital": (
        "国有资本经营预算财政拨款收入支出决算表",
        "Statement of State Capital Operation Budget Allocation Income and Expenditure",
    ),
}

_NOTES: Final[dict[str, _Text]] = {
    "income_expenditure": (
        "注：本表反映部门本年度的总收支和年末结转结余情况。",
        "Note: this table shows the department's total income and expenditure for the year "
        "and its balances at the end of the year.",
    ),
    "income": (
        "注：本表反映部门本年度取得的各项收入情况。",
        "Note: this table shows the department's income for the year, by source.",
    ),
    "expenditure": (
        "注：本表反映部门本年度各项支出情况。",
        "Note: this table shows the department's expenditure for the year.",
    ),
    "fiscal": (
        "注：本表反映部门本年度财政拨款总收支和结转结余情况。",
        "Note: this table shows the department's fiscal allocation income and expenditure "
        "for the year and its fiscal balances.",
    ),
    "general_budget": (
        "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
        "Note: this table shows the department's expenditure of general public budget "
        "allocations for the year.",
    ),
    "general_budget_basic": (
        "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
        "Note: this table details the department's basic expenditure of general public "
        "budget allocations for the year.",
    ),
    "three_public": (
        "注：本表反映部门本年度“三公”经费支出预决算情况。",
        "Note: this table shows the budget and the actual expenditure of the department's \"three "
        'public expenses" for the year.',
    ),
    "government_fund": (
        "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
        "Note: this table shows the department's income, expenditure and balances of "
        "government fund budget allocations for the year.",
    ),
    "state_capital": (
        "注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。",
        "Note: this table shows the department's income, expenditure and balances of "
        "state capital operation budget allocations for the year.",
    ),
}

_EMPTY_NOTES: Final[dict[FundType, _Text]] = {
    FundType.GOVERNMENT_FUND: (
        "本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，本表为空表。",
        "The unit had no income, expenditure or balance of government fund budget "
        "allocations this year; this table is empty.",
    ),
    FundType.STATE_CAPITAL: (
        "本单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余，本表为空表。",
        "The unit had no income, expenditure or balance of state capital operation budget "
        "allocations this year; this table is empty.",
    ),
}

_CODE: Final[_Text] = ("科目编码", "Code")
_NAME: Final[_Text] = ("科目名称", "Item")
_ACTUAL: Final[_Text] = ("决算数", "Actual")
_TOTAL: Final[_Text] = ("合计", "Total")
_GRAND_TOTAL: Final[_Text] = ("总计", "Grand total")
_INCOME_ITEM: Final[_Text] = ("收入项目", "Income")
_EXPENDITURE_ITEM: Final[_Text] = ("支出项目", "Expenditure")
_INCOME_TOTAL: Final[_Text] = ("本年收入合计", "Total income for the year")
_EXPENDITURE_TOTAL: Final[_Text] = ("本年支出合计", "Total expenditure for the year")
_INCOME_OF_YEAR: Final[_Text] = ("本年收入", "Income for the year")
_SUBTOTAL: Final[_Text] = ("小计", "subtotal")


def _pick(text: _Text, lang: str) -> str:
    """The Chinese or the English text."""
    return text[0] if lang == "zh" else text[1]


def _term(key: str, lang: str) -> str:
    """The name of a figure of :mod:`govfinal.terms`, capitalised in English."""
    zh, en = label(key)
    return zh if lang == "zh" else en[:1].upper() + en[1:]


_DIGITS: Final = "零一二三四五六七八九"


def chinese_ordinal(number: int) -> str:
    """The Chinese numeral of ``number`` (1–99) as the template numbers its rows.

    >>> chinese_ordinal(1), chinese_ordinal(10), chinese_ordinal(11), chinese_ordinal(24)
    ('一', '十', '十一', '二十四')
    """
    if not 1 <= number <= 99:
        return str(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def _numbered(number: int, text: str, lang: str) -> str:
    """A row label numbered as the template numbers it: 一、… in Chinese, 1. … in English."""
    return f"{chinese_ordinal(number)}、{text}" if lang == "zh" else f"{number}. {text}"


def _fmt(value: Decimal | None, lang: str) -> str:
    """An amount cell: half-up with thousands separators, or blank when unpublished."""
    return "" if value is None else numbers.amount(value, lang, grouping=True)


def _cells(values: Iterable[Decimal | None], lang: str) -> list[str]:
    """Amount cells of ``values``, in order."""
    return [_fmt(value, lang) for value in values]


def _unit_line(report: FinalAccount, lang: str) -> str:
    """The unit line of every table: 单位：万元 (or 元), Unit: 10,000 yuan (or yuan)."""
    unit = report.unit.amount_unit
    return f"单位：{unit.value}" if lang == "zh" else f"Unit: {unit.english}"


_AMOUNT_CELL: Final = re.compile(r"-?\d{1,3}(?:,\d{3})*\.\d+|-?\d+\.\d+", re.ASCII)


def is_amount_cell(cell: str) -> bool:
    """Whether a cell holds a formatted amount (digits with a decimal point).

    Codes (``"2060101"``) are not amounts: amounts always carry decimals.

    >>> is_amount_cell("1,234.50"), is_amount_cell("-0.13"), is_amount_cell("206")
    (True, True, False)
    """
    return _AMOUNT_CELL.fullmatch(cell) is not None


def numeric_columns(table: Table) -> tuple[bool, ...]:
    """For each column: whether it holds amounts (some body cell, and no other text).

    Renderers right-align these columns and may write them as numbers.
    """
    flags: list[bool] = []
    for index in range(len(table.columns)):
        column = [row.cells[index] for row in table.rows if index < len(row.cells)]
        filled = [cell for cell in column if cell]
        flags.append(bool(filled) and all(is_amount_cell(cell) for cell in filled))
    return tuple(flags)


def _table(
    key: str,
    report: FinalAccount,
    lang: str,
    columns: Sequence[_Text],
    rows: Iterable[TableRow],
    extra_notes: Sequence[str] = (),
) -> Table:
    """A table with its title, unit line and notes, in ``lang``."""
    return Table(
        title=_pick(_TITLES[key], lang),
        columns=[_pick(column, lang) for column in columns],
        rows=rows,
        unit=_unit_line(report, lang),
        notes=(_pick(_NOTES[key], lang), *extra_notes),
        key=key,
    )


# -- function lines --------------------------------------------------------------------


def _table_lines(tree: FunctionTree) -> list[FunctionLine]:
    """The report's lines, each code once (its first line), in code order."""
    seen: dict[str, FunctionLine] = {}
    for line in tree:
        seen.setdefault(line.code, line)
    return [seen[code] for code in sorted(seen)]


def _line_name(line: FunctionLine, lang: str) -> str:
    """A line's name: the report's, except an English name for a known 类 in English."""
    if lang == "en" and line.level is FunctionLevel.CLASS and line.code in CLASS_NAMES_EN:
        return CLASS_NAMES_EN[line.code]
    return line.name


def _line_values(
    tree: FunctionTree, cells: Sequence[ValueOf], *, only_published: bool
) -> list[tuple[FunctionLine, list[Decimal | None]]]:
    """Each line with each cell's roll-up.

    With ``only_published``, a line is left out when neither it nor a line
    below it publishes any cell of the table (a line of another fund).
    """
    lines: list[tuple[FunctionLine, list[Decimal | None]]] = []
    columns = [tree.rollups(cell) for cell in cells]  # every line's roll-up, one pass per cell
    for line in _table_lines(tree):
        values = [column[line.code] for column in columns]
        if only_published and all(value is None for value in values):
            continue
        lines.append((line, values))
    return lines


def _line_rows(
    lines: Iterable[tuple[FunctionLine, Sequence[Decimal | None]]], lang: str
) -> list[TableRow]:
    """One row per line: code, name and cells; 类 rows are emphasised as groups."""
    return [
        TableRow(
            [line.code, _line_name(line, lang), *_cells(values, lang)],
            "group" if line.level is FunctionLevel.CLASS else "",
        )
        for line, values in lines
    ]


def _total_row(
    tree: FunctionTree,
    stated: Sequence[Decimal | None],
    cells: Sequence[ValueOf],
    lang: str,
) -> TableRow:
    """The 合计 row: each stated figure, else the Σ of the 类 of that cell."""
    values = [
        tree.classes_sum(cell) if value is None else value
        for value, cell in zip(stated, cells, strict=True)
    ]
    return TableRow(["", _pick(_TOTAL, lang), *_cells(values, lang)], "total")


def _on_expenditure(cell: Callable[[NatureAmounts], Decimal | None]) -> ValueOf:
    """A :data:`ValueOf` picking a cell of the line's 支出决算表 row."""

    def pick(line: FunctionLine) -> Decimal | None:
        """The cell of ``line``, or ``None`` when the line has no such row."""
        return None if line.expenditure is None else cell(line.expenditure)

    return pick


def _on_income(cell: Callable[[IncomeRow], Decimal | None]) -> ValueOf:
    """A :data:`ValueOf` picking a cell of the line's 收入决算表 row."""

    def pick(line: FunctionLine) -> Decimal | None:
        """The cell of ``line``, or ``None`` when the line has no such row."""
        return None if line.income is None else cell(line.income)

    return pick


def _on_fund(fund_type: FundType, cell: Callable[[FundAmounts], Decimal | None]) -> ValueOf:
    """A :data:`ValueOf` picking a cell of the line's row of ``fund_type``."""

    def pick(line: FunctionLine) -> Decimal | None:
        """The cell of ``line``, or ``None`` when the line has no such row."""
        amounts = line.fund(fund_type)
        return None if amounts is None else cell(amounts)

    return pick


def _income_row_total(row: IncomeRow) -> Decimal | None:
    """本年收入合计 of a 收入决算表 row: published, else Σ of its published sources."""
    return row.parts_total if row.total is None else row.total


_NATURE_CELLS: Final[tuple[Callable[[NatureAmounts], Decimal | None], ...]] = (
    lambda row: row.total,
    lambda row: row.basic,
    lambda row: row.project,
    lambda row: row.remitted_to_superior,
    lambda row: row.business,
    lambda row: row.subsidies_to_subordinates,
)

_INCOME_CELLS: Final[tuple[Callable[[IncomeRow], Decimal | None], ...]] = (
    _income_row_total,
    lambda row: row.fiscal,
    lambda row: row.superior_subsidy,
    lambda row: row.service,
    lambda row: row.business,
    lambda row: row.subordinate_remittance,
    lambda row: row.other,
)

_FUND_CELLS: Final[tuple[Callable[[FundAmounts], Decimal | None], ...]] = (
    lambda row: row.opening,
    lambda row: row.income,
    lambda row: row.expenditure,
    lambda row: row.basic,
    lambda row: row.project,
    lambda row: row.closing,
)

_SPENDING_CELLS: Final[tuple[Callable[[FundAmounts], Decimal | None], ...]] = (
    lambda row: row.expenditure,
    lambda row: row.basic,
    lambda row: row.project,
)


def _expenditure_total(line: FunctionLine) -> Decimal | None:
    """本年支出合计 of the line's 支出决算表 row (published, else Σ of its natures)."""
    return None if line.expenditure is None else line.expenditure.total


def _class_entries(report: FinalAccount) -> list[tuple[str, str]]:
    """The 类 of the two 总表: the template's, and any other the report uses, in code order.

    A 类 the report has keeps the report's name; the others take the code table's.
    """
    tree = report.functions
    codes = set(TEMPLATE_CLASS_CODES) | {line.code[:3] for line in tree}
    codes |= {entry.code for entry in report.expenditure.classes}
    entries: list[tuple[str, str]] = []
    for code in sorted(codes):
        line = tree.get(code)
        entries.append((code, line.name if line is not None else FUNCTION_CODES.get(code, code)))
    return entries


def _class_label(number: int, code: str, name: str, lang: str) -> str:
    """The numbered label of a 类 on the expenditure side of a 总表."""
    shown = CLASS_NAMES_EN.get(code, name) if lang == "en" else name
    return _numbered(number, shown, lang)


# -- the nine tables -------------------------------------------------------------------


def _income_expenditure(report: FinalAccount, lang: str) -> Table:
    """一、收入支出决算总表: the eight sources beside the 类, then the totals."""
    sources = report.income.sources
    left = [
        (_numbered(number, _term(key, lang), lang), value)
        for number, (key, value) in enumerate(sources.parts().items(), start=1)
    ]
    tree = report.functions
    printed = {entry.code: entry.amount for entry in report.expenditure.classes}
    right = [
        (
            _class_label(number, code, name, lang),
            printed[code] if code in printed else tree.rollup(code, _expenditure_total),
        )
        for number, (code, name) in enumerate(_class_entries(report), start=1)
    ]
    rows: list[TableRow] = []
    for left_cell, right_cell in itertools.zip_longest(left, right):
        cells: list[str] = []
        for side in (left_cell, right_cell):
            cells.extend(("", "") if side is None else (side[0], _fmt(side[1], lang)))
        rows.append(TableRow(cells))
    income, expenditure = report.income, report.expenditure
    grand_labels = (
        (_pick(_GRAND_TOTAL, lang), _pick(_GRAND_TOTAL, lang))
        if lang == "zh"
        else (_term("income_grand_total", lang), _term("expenditure_grand_total", lang))
    )
    closing: list[tuple[str, Decimal, str, Decimal, str]] = [
        (
            _pick(_INCOME_TOTAL, lang),
            income.sources.total,
            _pick(_EXPENDITURE_TOTAL, lang),
            expenditure.total,
            "total",
        ),
        (
            _term("non_fiscal_balance_used", lang),
            income.non_fiscal_balance_used,
            _term("surplus_distribution", lang),
            expenditure.surplus_distribution,
            "",
        ),
        (
            _term("opening_balance", lang),
            income.opening_balance,
            _term("closing_balance", lang),
            expenditure.closing_balance,
            "",
        ),
        (grand_labels[0], income.grand_total, grand_labels[1], expenditure.grand_total, "total"),
    ]
    for left_label, left_value, right_label, right_value, emphasis in closing:
        rows.append(
            TableRow(
                [left_label, _fmt(left_value, lang), right_label, _fmt(right_value, lang)],
                emphasis,
            )
        )
    columns = (_INCOME_ITEM, _ACTUAL, _EXPENDITURE_ITEM, _ACTUAL)
    return _table("income_expenditure", report, lang, columns, rows)


def _income(report: FinalAccount, lang: str) -> Table:
    """二、收入决算表: income by function line and source, 合计 first."""
    tree = report.functions
    cells = [_on_income(cell) for cell in _INCOME_CELLS]
    sources = report.income.sources
    stated = (
        sources.total,
        sources.fiscal,
        sources.superior_subsidy,
        sources.service,
        sources.business,
        sources.subordinate_remittance,
        sources.other,
    )
    rows = [
        _total_row(tree, stated, cells, lang),
        *_line_rows(_line_values(tree, cells, only_published=False), lang),
    ]
    columns = (
        _CODE,
        _NAME,
        label("income_total"),
        label("fiscal"),
        label("superior_subsidy"),
        label("service"),
        label("business"),
        label("subordinate_remittance"),
        label("other"),
    )
    return _table("income", report, lang, _capitalised(columns), rows)


def _capitalised(columns: Sequence[_Text]) -> list[_Text]:
    """(Chinese, English) names with the English capitalised, as headers."""
    return [(zh, en[:1].upper() + en[1:]) for zh, en in columns]


def _expenditure(report: FinalAccount, lang: str) -> Table:
    """三、支出决算表: expenditure by function line and nature, 合计 first."""
    tree = report.functions
    cells = [_on_expenditure(cell) for cell in _NATURE_CELLS]
    nature = report.expenditure.nature
    stated = (
        report.expenditure.total,
        nature.basic,
        nature.project,
        nature.remitted_to_superior,
        nature.business,
        nature.subsidies_to_subordinates,
    )
    rows = [
        _total_row(tree, stated, cells, lang),
        *_line_rows(_line_values(tree, cells, only_published=False), lang),
    ]
    columns = (
        _CODE,
        _NAME,
        label("expenditure_total"),
        label("basic"),
        label("project"),
        label("remitted_to_superior"),
        label("business_expenditure"),
        label("subsidies_to_subordinates"),
    )
    return _table("expenditure", report, lang, _capitalised(columns), rows)


_FUND_KEYS: Final[dict[FundType, str]] = {
    FundType.GENERAL_BUDGET: "fund_general_budget",
    FundType.GOVERNMENT_FUND: "fund_government_fund",
    FundType.STATE_CAPITAL: "fund_state_capital",
}


def _fiscal(report: FinalAccount, lang: str) -> Table:
    """四、财政拨款收入支出决算总表: fiscal income by fund beside the 类 by fund."""
    fiscal, tree = report.fiscal, report.functions
    funds = fiscal.funds()
    left: list[tuple[str, Decimal | None]] = [
        (_numbered(number, _term(_FUND_KEYS[fund_type], lang), lang), amounts.income)
        for number, (fund_type, amounts) in enumerate(funds.items(), start=1)
    ]
    right: list[tuple[str, list[Decimal | None]]] = []
    for number, (code, name) in enumerate(_class_entries(report), start=1):
        spent_by_fund = [
            tree.rollup(code, _on_fund(fund_type, lambda row: row.expenditure))
            for fund_type in funds
        ]
        right.append(
            (
                _class_label(number, code, name, lang),
                [sum_published(spent_by_fund), *spent_by_fund],
            )
        )
    rows: list[TableRow] = []
    for left_cell, right_cell in itertools.zip_longest(left, right):
        cells = ["", ""] if left_cell is None else [left_cell[0], _fmt(left_cell[1], lang)]
        if right_cell is None:
            cells.extend([""] * 5)
        else:
            cells.extend([right_cell[0], *_cells(right_cell[1], lang)])
        rows.append(TableRow(cells))

    def by_fund(column: Callable[[FundAmounts], Decimal | None]) -> list[Decimal | None]:
        """One column of the three funds, in the table's order."""
        return [column(amounts) for amounts in funds.values()]

    spent = by_fund(lambda row: row.expenditure)
    closing = by_fund(lambda row: row.closing)
    fund_totals = [sum_published(pair) for pair in zip(spent, closing, strict=True)]
    rows.append(
        TableRow(
            [
                _pick(_INCOME_TOTAL, lang),
                _fmt(fiscal.income, lang),
                _pick(_EXPENDITURE_TOTAL, lang),
                *_cells([fiscal.expenditure, *spent], lang),
            ],
            "total",
        )
    )
    rows.append(
        TableRow(
            [
                _term("fiscal_opening", lang),
                _fmt(fiscal.opening, lang),
                _term("fiscal_closing", lang),
                *_cells([fiscal.closing, *closing], lang),
            ]
        )
    )
    for number, (fund_type, amounts) in enumerate(funds.items(), start=1):
        name = _numbered(number, _term(_FUND_KEYS[fund_type], lang), lang)
        rows.append(TableRow([name, _fmt(amounts.opening, lang), *[""] * 5]))
    grand_labels = (
        (_pick(_GRAND_TOTAL, lang), _pick(_GRAND_TOTAL, lang))
        if lang == "zh"
        else (
            _term("fiscal_income_grand_total", lang),
            _term("fiscal_expenditure_grand_total", lang),
        )
    )
    rows.append(
        TableRow(
            [
                grand_labels[0],
                _fmt(fiscal.income_grand_total, lang),
                grand_labels[1],
                *_cells([fiscal.expenditure_grand_total, *fund_totals], lang),
            ],
            "total",
        )
    )
    columns = (
        _INCOME_ITEM,
        _ACTUAL,
        _EXPENDITURE_ITEM,
        _TOTAL,
        *_capitalised([label(key) for key in _FUND_KEYS.values()]),
    )
    return _table("fiscal", report, lang, columns, rows)


def _general_budget(report: FinalAccount, lang: str) -> Table:
    """五、一般公共预算财政拨款支出决算表: the fund's lines, 合计 last."""
    tree = report.functions
    fund_type = FundType.GENERAL_BUDGET
    cells = [_on_fund(fund_type, cell) for cell in _SPENDING_CELLS]
    fund = report.fiscal.general_budget
    stated = (fund.expenditure, fund.basic, fund.project)
    rows = [
        *_line_rows(_line_values(tree, cells, only_published=True), lang),
        _total_row(tree, stated, cells, lang),
    ]
    columns = (_CODE, _NAME, _TOTAL, *_capitalised([label("basic"), label("project")]))
    return _table("general_budget", report, lang, columns, rows)


def _economic_name(line: EconomicLine, lang: str) -> str:
    """An economic line's name: the report's, except an English name for a 类 in English."""
    if lang == "en" and line.is_class and line.code in ECONOMIC_CLASS_NAMES_EN:
        return ECONOMIC_CLASS_NAMES_EN[line.code]
    return line.name


def _economic_side(
    detail: BasicExpenditureDetail, lines: Sequence[EconomicLine], lang: str
) -> list[tuple[str, str, str]]:
    """One column group of the 基本支出表: each 类 before its 款, with its amount.

    A 类 the report leaves out is put before its first 款; a 类 that publishes
    no amount shows the Σ of its 款 (blank when they publish none either).
    """
    classes = {line.code for line in detail.lines if line.is_class}
    inserted: set[str] = set()
    side: list[tuple[str, str, str]] = []

    def items_sum(class_code: str) -> Decimal | None:
        """Σ of the published 款 amounts of ``class_code``."""
        return sum_published(
            line.amount
            for line in detail.lines
            if not line.is_class and line.code.startswith(class_code)
        )

    for line in lines:
        if not line.is_class:
            class_code = line.code[:3]
            if class_code not in classes and class_code not in inserted:
                inserted.add(class_code)
                name = ECONOMIC_CODES.get(class_code, class_code)
                shown = EconomicLine(class_code, name)
                side.append(
                    (class_code, _economic_name(shown, lang), _fmt(items_sum(class_code), lang))
                )
        value = line.amount
        if value is None and line.is_class:
            value = items_sum(line.code)
        side.append((line.code, _economic_name(line, lang), _fmt(value, lang)))
    return side


def _general_budget_basic(report: FinalAccount, lang: str) -> Table:
    """六、一般公共预算财政拨款基本支出决算表: 人员经费 left, 公用经费 right.

    Lines of a class outside both groups (neither 301/303 nor 302/310) are
    listed on the right, after the 公用经费 lines, and count in neither total.
    """
    detail = report.general_budget_basic
    personnel_lines = [line for line in detail.lines if line.group is EconomicGroup.PERSONNEL]
    other_lines = [line for line in detail.lines if line.group is not EconomicGroup.PERSONNEL]
    other_lines.sort(key=lambda line: line.group is None)  # stable: 公用经费 first
    left = _economic_side(detail, personnel_lines, lang)
    right = _economic_side(detail, other_lines, lang)
    rows = [
        TableRow([*(a or ("", "", "")), *(b or ("", "", ""))])
        for a, b in itertools.zip_longest(left, right)
    ]
    rows.append(
        TableRow(
            [
                "",
                _pick(("人员经费合计", "Total personnel costs"), lang),
                _fmt(detail.personnel, lang),
                "",
                _pick(("公用经费合计", "Total public (office) costs"), lang),
                _fmt(detail.public, lang),
            ],
            "total",
        )
    )
    columns = (_CODE, _NAME, _ACTUAL, _CODE, _NAME, _ACTUAL)
    return _table("general_budget_basic", report, lang, columns, rows)


def _budget_of(figure: Figure) -> Decimal | None:
    """The 预算数 of a “三公” line, if published."""
    return None if figure.budget is None else figure.budget.budget


def _three_public(report: FinalAccount, lang: str) -> Table:
    """七、财政拨款“三公”经费支出决算表: one row of 预算数/决算数 pairs."""
    expenses = report.three_public
    pairs: list[tuple[str, Decimal | None, Decimal | None]] = [
        (_pick(_TOTAL, lang), expenses.total_budget, expenses.total_final),
        (_term("overseas", lang), _budget_of(expenses.overseas), expenses.overseas.amount),
        (
            _term("vehicles", lang) + ("" if lang == "zh" else ", ") + _pick(_SUBTOTAL, lang),
            expenses.vehicles_budget,
            expenses.vehicles_final,
        ),
        (
            _term("vehicle_purchase", lang),
            _budget_of(expenses.vehicle_purchase),
            expenses.vehicle_purchase.amount,
        ),
        (
            _term("vehicle_operation", lang),
            _budget_of(expenses.vehicle_operation),
            expenses.vehicle_operation.amount,
        ),
        (
            _term("reception", lang),
            _budget_of(expenses.reception),
            expenses.reception.amount,
        ),
    ]
    kinds = (("预算数", "budget"), ("决算数", "actual"))
    separator = "：" if lang == "zh" else ": "
    columns: list[_Text] = []
    values: list[Decimal | None] = []
    for name, budget, final in pairs:
        for kind, value in zip(kinds, (budget, final), strict=True):
            text = f"{name}{separator}{_pick(kind, lang)}"
            columns.append((text, text))
            values.append(value)
    rows = [TableRow(_cells(values, lang))]
    return _table("three_public", report, lang, columns, rows)


def _fund_table(report: FinalAccount, lang: str, fund_type: FundType, key: str) -> Table:
    """八、九、the 政府性基金 and 国有资本经营 tables: 合计 first, or empty with a note."""
    tree = report.functions
    cells = [_on_fund(fund_type, cell) for cell in _FUND_CELLS]
    fund = report.fiscal.funds()[fund_type]
    lines = _line_values(tree, cells, only_published=True)
    empty = fund.is_empty and all(
        value is None or value.is_zero() for _, values in lines for value in values
    )
    extra: tuple[str, ...] = ()
    rows: list[TableRow] = []
    if empty:
        extra = (_pick(_EMPTY_NOTES[fund_type], lang),)
    else:
        stated = [cell(fund) for cell in _FUND_CELLS]
        rows = [_total_row(tree, stated, cells, lang), *_line_rows(lines, lang)]
    columns = (
        _CODE,
        _NAME,
        *_capitalised([label("opening_balance")]),
        _INCOME_OF_YEAR,
        *_capitalised([label("expenditure_total"), label("basic"), label("project")]),
        *_capitalised([label("closing_balance")]),
    )
    return _table(key, report, lang, columns, rows, extra)


def _check_lang(lang: str) -> None:
    """Refuse a language other than ``zh`` and ``en``."""
    if lang not in LANGS:
        raise RenderError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")


def build_tables(report: FinalAccount, lang: str = "zh") -> tuple[Table, ...]:
    """The nine standard tables of ``report``, in the template's order.

    Args:
        report: the final account.
        lang: ``"zh"`` (as published) or ``"en"``.

    Returns:
        The tables keyed, in order, ``income_expenditure``, ``income``,
        ``expenditure``, ``fiscal``, ``general_budget``,
        ``general_budget_basic``, ``three_public``, ``government_fund`` and
        ``state_capital`` (:data:`TABLE_KEYS`).

    >>> from govfinal import BudgetUnit, FinalAccount
    >>> tables = build_tables(FinalAccount(unit=BudgetUnit(name="示例单位", fiscal_year=2024)))
    >>> [table.title for table in tables][:2], tables[0].unit
    (['收入支出决算总表', '收入决算表'], '单位：万元')

    """
    _check_lang(lang)
    return (
        _income_expenditure(report, lang),
        _income(report, lang),
        _expenditure(report, lang),
        _fiscal(report, lang),
        _general_budget(report, lang),
        _general_budget_basic(report, lang),
        _three_public(report, lang),
        _fund_table(report, lang, FundType.GOVERNMENT_FUND, "government_fund"),
        _fund_table(report, lang, FundType.STATE_CAPITAL, "state_capital"),
    )


def titled_tables(report: FinalAccount, lang: str = "zh") -> tuple[Block, ...]:
    """The nine tables under one level-1 heading naming the unit and the year.

    E.g. "XX局2024年度部门决算表" (the template's heading over its tables).
    """
    _check_lang(lang)
    unit = report.unit
    if lang == "zh":
        heading = f"{unit.name}{unit.fiscal_year}年度部门决算表"
    else:
        heading = f"{unit.name}: Final Account Tables, {unit.fiscal_year}"
    return (Heading(heading, level=1), *build_tables(report, lang))
