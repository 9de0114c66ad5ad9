"""Rules of 财政拨款 by fund type (C4xx).

The 财政拨款收入支出决算总表 gives, per fund type (一般公共预算, 政府性基金预算,
国有资本经营预算), 年初结转和结余, 本年收入, 本年支出 (基本/项目) and
年末结转和结余, with their column totals and grand totals. The fund tables
(一般公共预算财政拨款支出决算表 and the two fund tables) break them down by
支出功能分类, and the 收入支出决算总表 holds them within its all-funds figures.

Conventions: a fund's 本年支出 is its published total, else 基本支出 + 项目支出
(a derived term); a fiscal column total is its published figure, else the sum of
the funds' cells. A fund or column that publishes nothing is skipped, never read
as zero; a blank cell beside published ones counts as an exact zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

import attrs

from govfinal.checks.engine import Checker
from govfinal.checks.findings import Finding
from govfinal.checks.registry import rule
from govfinal.checks.rules._build import blank, parts_sum, sum_of, term
from govfinal.checks.rules._tables import FUNDS, first_lines, rollup_term
from govfinal.checks.rules.totals import expenditure_total
from govfinal.checks.tolerance import Term
from govfinal.classification import FunctionLevel
from govfinal.model.funds import FundAmounts, FundType
from govfinal.model.report import FinalAccount
from govfinal.terms import label

__all__ = ["fiscal_total"]

TABLE = "财政拨款收入支出决算总表"
TOTALS_TABLE = "收入支出决算总表"
FUND_TABLES: Final[dict[FundType, str]] = {
    FundType.GENERAL_BUDGET: "一般公共预算财政拨款支出决算表",
    FundType.GOVERNMENT_FUND: "政府性基金预算财政拨款收入支出决算表",
    FundType.STATE_CAPITAL: "国有资本经营预算财政拨款收入支出决算表",
}

BALANCE_COLUMNS: Final = ("opening", "income", "expenditure", "closing")
"""The four columns of a fund row that balance, in the table's order."""

_COLUMNS: Final[dict[str, tuple[str, str]]] = {
    "opening": label("opening_balance"),
    "income": ("本年收入", "income for the year"),
    "basic": label("basic"),
    "project": label("project"),
    "expenditure": ("本年支出", "expenditure for the year"),
    "closing": label("closing_balance"),
}

_FISCAL_KEYS: Final[dict[str, str]] = {
    "opening": "fiscal_opening",
    "income": "fiscal_income",
    "expenditure": "fiscal_expenditure",
    "closing": "fiscal_closing",
}

_LEVELS_EN: Final[dict[FunctionLevel, str]] = {
    FunctionLevel.CLASS: "class",
    FunctionLevel.ITEM: "item",
    FunctionLevel.SUBITEM: "subitem",
}


class _Row(NamedTuple):
    """A fund row: where it is in the model and what its cells are called.

    ``zh``/``en`` name the row in front of each column's name; empty names
    give the bare column names (for messages that name the fund once).
    """

    path: str
    zh: str
    en: str

    def label(self, column: str) -> tuple[str, str]:
        """The (Chinese, English) names of one of the row's cells."""
        zh, en = _COLUMNS[column]
        return f"{self.zh}{zh}", (f"{self.en}: {en}" if self.en else en)

    def cell_path(self, column: str) -> str:
        """The path of a published cell (本年支出 is published as ``stated_expenditure``)."""
        field = "stated_expenditure" if column == "expenditure" else column
        return f"{self.path}.{field}"


def _fund_row(fund_type: FundType, *, named: bool = True) -> _Row:
    """The row of ``fund_type`` on the 财政拨款收入支出决算总表."""
    zh, en = label(f"fund_{fund_type.field}") if named else ("", "")
    return _Row(f"fiscal.{fund_type.field}", zh, en)


def _cell(checker: Checker, amounts: FundAmounts, row: _Row, column: str) -> Term | None:
    """One cell of a fund row as a term; ``None`` when it is blank.

    The ``expenditure`` column is the effective 本年支出: the published total,
    else 基本支出 + 项目支出 as a derived term.
    """
    zh, en = row.label(column)
    if column == "expenditure":
        if amounts.stated_expenditure is not None:
            return checker.amount(row.cell_path(column), zh, en, amounts.stated_expenditure)
        parts = _cells(checker, amounts, row, ("basic", "project"))
        return checker.total(parts, f"{row.path}.expenditure", zh, en) if parts else None
    value = getattr(amounts, column)
    return None if value is None else checker.amount(row.cell_path(column), zh, en, value)


def _cells(checker: Checker, amounts: FundAmounts, row: _Row, columns: Iterable[str]) -> list[Term]:
    """The published cells among ``columns`` of a fund row."""
    terms = (_cell(checker, amounts, row, column) for column in columns)
    return [found for found in terms if found is not None]


def _cell_orblank(checker: Checker, amounts: FundAmounts, row: _Row, column: str) -> Term:
    """A cell of a fund row, a blank one as an exact zero."""
    found = _cell(checker, amounts, row, column)
    return found if found is not None else blank(row.cell_path(column), *row.label(column))


def _fund_terms(report: FinalAccount, checker: Checker, column: str) -> list[Term]:
    """The funds' published cells of one column, in fund order, with full names."""
    terms: list[Term] = []
    for fund_type, amounts in report.fiscal.funds().items():
        found = _cell(checker, amounts, _fund_row(fund_type), column)
        if found is not None:
            terms.append(found)
    return terms


def fiscal_total(report: FinalAccount, checker: Checker, column: str) -> Term | None:
    """A column total of the 财政拨款收入支出决算总表 as a term.

    ``column`` is ``opening``, ``income``, ``expenditure`` or ``closing``
    (年初财政拨款结转和结余, 本年财政拨款收入, 本年财政拨款支出,
    年末财政拨款结转和结余). The published total, else the sum of the funds'
    published cells; ``None`` when neither is published.
    """
    key = _FISCAL_KEYS[column]
    stated = getattr(report.fiscal, f"stated_{column}")
    if stated is not None:
        return term(checker, f"fiscal.stated_{column}", key, stated)
    parts = _fund_terms(report, checker, column)
    return sum_of(checker, parts, f"fiscal.{column}", *label(key)) if parts else None


def _fiscal_total_orblank(report: FinalAccount, checker: Checker, column: str) -> Term:
    """:func:`fiscal_total`, an unpublished one as an exact zero."""
    found = fiscal_total(report, checker, column)
    if found is not None:
        return found
    return blank(f"fiscal.stated_{column}", *label(_FISCAL_KEYS[column]))


def _naming_fund(finding: Finding | None, fund_type: FundType) -> Finding | None:
    """``finding`` with the fund named in front of its messages."""
    if finding is None:
        return None
    zh, en = label(f"fund_{fund_type.field}")
    return attrs.evolve(
        finding, message_zh=f"{zh}：{finding.message_zh}", message_en=f"{en}: {finding.message_en}"
    )


@rule(
    "C401",
    "fund-balance",
    title_zh="财政拨款分资金性质收支平衡",
    title_en="Fiscal allocations balance per fund type",
    formula="年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余（分资金性质）",
    tables=(TABLE,),
)
def fund_balance(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per fund type: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.

    The finding is about the fund's 年末结转和结余. A fund with none of the four
    published is skipped; a blank cell beside published ones counts as zero.
    """
    for fund_type, amounts in report.fiscal.funds().items():
        row = _fund_row(fund_type, named=False)
        if not _cells(checker, amounts, row, BALANCE_COLUMNS):
            continue
        inflow = [_cell_orblank(checker, amounts, row, c) for c in ("opening", "income")]
        outflow = [_cell_orblank(checker, amounts, row, c) for c in ("expenditure", "closing")]
        stated = checker.total(outflow, row.cell_path("closing"), "", "")
        derived = checker.total(inflow, row.path, "", "")
        yield _naming_fund(checker.equal(stated, derived), fund_type)


@rule(
    "C402",
    "fund-natures",
    title_zh="财政拨款本年支出构成",
    title_en="Fiscal expenditure of a fund by nature",
    formula="本年支出 = 基本支出 + 项目支出（分资金性质）",
    tables=(TABLE,),
)
def fund_natures(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per fund type: published 本年支出 = 基本支出 + 项目支出."""
    for fund_type, amounts in report.fiscal.funds().items():
        if amounts.stated_expenditure is None:
            continue
        row = _fund_row(fund_type, named=False)
        parts = _cells(checker, amounts, row, ("basic", "project"))
        if not parts:
            continue
        stated = _cell_orblank(checker, amounts, row, "expenditure")
        derived = checker.total(parts, row.path, *row.label("expenditure"))
        yield _naming_fund(checker.equal(stated, derived), fund_type)


@rule(
    "C403",
    "fiscal-column-sums",
    title_zh="财政拨款合计",
    title_en="Fiscal column totals",
    formula="年初财政拨款结转和结余、本年财政拨款收入、本年财政拨款支出、"
    "年末财政拨款结转和结余 = Σ 各资金性质",
    tables=(TABLE,),
)
def fiscal_column_sums(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each published column total = Σ of the funds' cells (本年支出: effective)."""
    for column in BALANCE_COLUMNS:
        stated = getattr(report.fiscal, f"stated_{column}")
        parts = _fund_terms(report, checker, column)
        if stated is None or not parts:
            continue
        key = _FISCAL_KEYS[column]
        yield checker.equal(
            term(checker, f"fiscal.stated_{column}", key, stated),
            sum_of(checker, parts, "fiscal", *label(key)),
        )


@rule(
    "C404",
    "fiscal-grand-totals",
    title_zh="财政拨款收支总计",
    title_en="Fiscal grand totals",
    formula="财政拨款收入总计 = 年初财政拨款结转和结余 + 本年财政拨款收入；"
    "财政拨款支出总计 = 本年财政拨款支出 + 年末财政拨款结转和结余",
    tables=(TABLE,),
)
def fiscal_grand_totals(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each published grand total = the sum of its two effective column totals."""
    fiscal = report.fiscal
    sides = (
        ("income_grand_total", fiscal.stated_income_grand_total, ("opening", "income")),
        (
            "expenditure_grand_total",
            fiscal.stated_expenditure_grand_total,
            ("expenditure", "closing"),
        ),
    )
    for name, stated, columns in sides:
        if stated is None or all(fiscal_total(report, checker, c) is None for c in columns):
            continue
        key = f"fiscal_{name}"
        parts = [_fiscal_total_orblank(report, checker, column) for column in columns]
        yield checker.equal(
            term(checker, f"fiscal.stated_{name}", key, stated),
            parts_sum(checker, parts, "fiscal", key),
        )


@rule(
    "C405",
    "fiscal-grand-totals-balance",
    title_zh="财政拨款收支总计平衡",
    title_en="Fiscal grand totals balance",
    formula="财政拨款收入总计 = 财政拨款支出总计",
    tables=(TABLE,),
)
def fiscal_grand_totals_balance(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Published 财政拨款收入总计 = published 财政拨款支出总计."""
    fiscal = report.fiscal
    income, expenditure = fiscal.stated_income_grand_total, fiscal.stated_expenditure_grand_total
    if income is None or expenditure is None:
        return
    yield checker.equal(
        term(
            checker,
            "fiscal.stated_expenditure_grand_total",
            "fiscal_expenditure_grand_total",
            expenditure,
        ),
        term(checker, "fiscal.stated_income_grand_total", "fiscal_income_grand_total", income),
    )


@rule(
    "C406",
    "fund-income-matches-sources",
    title_zh="财政拨款收入与总表一致",
    title_en="Fiscal income per fund matches the income sources",
    formula="各资金性质本年收入 = 收入支出决算总表对应财政拨款收入",
    tables=(TABLE, TOTALS_TABLE),
)
def fund_income_matches_sources(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per fund type with a published 本年收入: it equals the 总表's income from that fund."""
    sources = report.income.sources.parts()
    for fund_type, amounts in report.fiscal.funds().items():
        stated = _cell(checker, amounts, _fund_row(fund_type), "income")
        if stated is None:
            continue
        field = fund_type.field
        yield checker.equal(stated, term(checker, f"income.sources.{field}", field, sources[field]))


def _table_total(
    report: FinalAccount, checker: Checker, fund_type: FundType, column: str
) -> Finding | None:
    """The fund's total of ``column`` against Σ over 类 of its fund table."""
    stated = _cell(checker, report.fiscal.funds()[fund_type], _fund_row(fund_type), column)
    if stated is None:  # nothing to compare the 类 with: do not add them up
        return None
    tree = report.functions
    field = "stated_expenditure" if column == "expenditure" else column
    terms = (
        rollup_term(checker, tree, line.code, FUNDS[fund_type], field)
        for line in first_lines(tree)
        if line.parent_code is None
    )
    classes = [found for found in terms if found is not None]
    if stated is None or not classes:
        return None
    zh, en = _COLUMNS[column]
    return checker.equal(stated, sum_of(checker, classes, "functions", zh, en))


@rule(
    "C407",
    "general-budget-table-total",
    title_zh="一般公共预算财政拨款支出决算表合计",
    title_en="General public budget expenditure table total",
    formula="一般公共预算财政拨款本年支出、基本支出、项目支出 = Σ 支出功能分类（类）",
    tables=(TABLE, FUND_TABLES[FundType.GENERAL_BUDGET]),
)
def general_budget_table_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """一般公共预算财政拨款 本年支出, 基本支出, 项目支出 = Σ over 类 of its table's column."""
    for column in ("expenditure", "basic", "project"):
        yield _table_total(report, checker, FundType.GENERAL_BUDGET, column)


@rule(
    "C408",
    "fund-table-totals",
    title_zh="政府性基金、国有资本经营预算财政拨款表合计",
    title_en="Government fund and state capital table totals",
    formula="年初结转和结余、本年收入、本年支出、年末结转和结余 = Σ 支出功能分类（类）",
    tables=(
        TABLE,
        FUND_TABLES[FundType.GOVERNMENT_FUND],
        FUND_TABLES[FundType.STATE_CAPITAL],
    ),
)
def fund_table_totals(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per fund table (政府性基金, 国有资本经营): each column's total = Σ over 类."""
    for fund_type in (FundType.GOVERNMENT_FUND, FundType.STATE_CAPITAL):
        for column in BALANCE_COLUMNS:
            yield _table_total(report, checker, fund_type, column)


@rule(
    "C409",
    "fiscal-opening-within-total",
    title_zh="年初财政拨款结转和结余不超过年初结转和结余",
    title_en="Fiscal balance brought forward within the total",
    formula="年初财政拨款结转和结余 ≤ 年初结转和结余",
    tables=(TABLE, TOTALS_TABLE),
)
def fiscal_opening_within_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """年初财政拨款结转和结余 ≤ 年初结转和结余 (all funds)."""
    part = fiscal_total(report, checker, "opening")
    if part is None:
        return
    opening = report.income.opening_balance
    whole = term(checker, "income.opening_balance", "opening_balance", opening)
    yield checker.at_most(part, whole)


@rule(
    "C410",
    "fiscal-closing-within-total",
    title_zh="年末财政拨款结转和结余不超过年末结转和结余",
    title_en="Fiscal balance carried forward within the total",
    formula="年末财政拨款结转和结余 ≤ 年末结转和结余",
    tables=(TABLE, TOTALS_TABLE),
)
def fiscal_closing_within_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """年末财政拨款结转和结余 ≤ 年末结转和结余 (all funds)."""
    part = fiscal_total(report, checker, "closing")
    if part is None:
        return
    closing = report.expenditure.closing_balance
    whole = term(checker, "expenditure.closing_balance", "closing_balance", closing)
    yield checker.at_most(part, whole)


@rule(
    "C411",
    "fiscal-expenditure-within-total",
    title_zh="财政拨款支出不超过本年支出",
    title_en="Fiscal expenditure within the total expenditure",
    formula="本年财政拨款支出 ≤ 本年支出合计；Σ 财政拨款项目支出 ≤ 项目支出",
    tables=(TABLE, TOTALS_TABLE),
)
def fiscal_expenditure_within_total(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """本年财政拨款支出 ≤ 本年支出合计, and Σ funds' 项目支出 ≤ 项目支出 (all funds)."""
    part = fiscal_total(report, checker, "expenditure")
    whole = expenditure_total(report, checker)
    if part is not None and whole is not None:
        yield checker.at_most(part, whole)
    project = report.expenditure.nature.project
    projects = _fund_terms(report, checker, "project")
    if project is None or not projects:
        return
    fiscal_project = sum_of(
        checker, projects, "fiscal", "财政拨款项目支出", "fiscal project expenditure"
    )
    whole = term(checker, "expenditure.nature.project", "project", project)
    yield checker.at_most(fiscal_project, whole)
