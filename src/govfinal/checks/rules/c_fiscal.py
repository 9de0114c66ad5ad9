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

from collections.abc import Iterator

from govfinal.checks.checker import Checker
from govfinal.checks.figures import BALANCE_COLUMNS, FISCAL_KEYS, FUND_TABLES, FUNDS
from govfinal.checks.findings import Finding
from govfinal.checks.registry import rule
from govfinal.model.funds import FundType
from govfinal.model.report import FinalAccount
from govfinal.terms import label

TABLE = "财政拨款收入支出决算总表"
TOTALS_TABLE = "收入支出决算总表"


def _fund_name(fund_type: FundType) -> tuple[str, str]:
    """The fund's (Chinese, English) name, e.g. 一般公共预算财政拨款."""
    return label(f"fund_{fund_type.field}")


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

    The finding is about the fund's row (``fiscal.<fund>``): both sides are
    sums of its cells. A fund with none of the four published is skipped; a
    blank cell beside published ones counts as zero.
    """
    figures = checker.figures
    for fund_type in FundType:
        if not figures.fund_cells(fund_type, BALANCE_COLUMNS, named=False):
            continue
        inflow = [
            figures.fund_cell_or_blank(fund_type, c, named=False) for c in ("opening", "income")
        ]
        outflow = [
            figures.fund_cell_or_blank(fund_type, c, named=False)
            for c in ("expenditure", "closing")
        ]
        row = f"fiscal.{fund_type.field}"
        stated = figures.sum(outflow, row, _fund_name(fund_type))
        derived = figures.sum(inflow, row, ("", ""))
        yield checker.equal(stated, derived)


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
    figures = checker.figures
    for fund_type, amounts in report.fiscal.funds().items():
        parts = figures.fund_cells(fund_type, ("basic", "project"), named=False)
        if amounts.stated_expenditure is None or not parts:
            continue
        stated = figures.fund_cell(fund_type, "expenditure")  # published: stated_expenditure
        assert stated is not None
        address = f"fiscal.{fund_type.field}.parts_expenditure"
        yield checker.equal(
            stated, figures.sum(parts, address, ("本年支出", "expenditure for the year"))
        )


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
        parts = checker.figures.fund_column(column)
        if stated is None or not parts:
            continue
        key = FISCAL_KEYS[column]
        yield checker.equal(
            checker.figures.amount(f"fiscal.stated_{column}", label(key), stated),
            checker.figures.sum(parts, "fiscal", label(key)),
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
        if stated is None or all(checker.figures.fiscal_total(c) is None for c in columns):
            continue
        key = f"fiscal_{name}"
        parts = [checker.figures.fiscal_total_or_blank(column) for column in columns]
        yield checker.equal(
            checker.figures.amount(f"fiscal.stated_{name}", label(key), stated),
            checker.figures.sum(parts, "fiscal", label(key)),
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
        checker.figures.amount(
            "fiscal.stated_expenditure_grand_total",
            label("fiscal_expenditure_grand_total"),
            expenditure,
        ),
        checker.figures.amount(
            "fiscal.stated_income_grand_total", label("fiscal_income_grand_total"), income
        ),
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
    """Per fund type with a published 本年收入: it equals the 总表's income from that fund.

    A blank source of the 总表 is an exact 0 here (a published 0.00 fund income agrees).
    """
    sources = report.income.sources.parts()
    figures = checker.figures
    for fund_type in FundType:
        stated = figures.fund_cell(fund_type, "income")
        if stated is None:
            continue
        field = fund_type.field
        address, labels = f"income.sources.{field}", label(field)
        source = figures.optional(address, labels, sources[field])
        yield checker.equal(stated, figures.blank(address, labels) if source is None else source)


def _table_total(
    report: FinalAccount, checker: Checker, fund_type: FundType, column: str
) -> Finding | None:
    """The fund's total of ``column`` against Σ over 类 of its fund table."""
    stated = checker.figures.fund_cell(fund_type, column)
    if stated is None:  # nothing to compare the 类 with: do not add them up
        return None
    field = "stated_expenditure" if column == "expenditure" else column
    classes = checker.figures.class_rollups(FUNDS[fund_type], field)
    if not classes:
        return None
    labels = FUNDS[fund_type].column_label(field, with_table=False)
    return checker.equal(stated, checker.figures.sum(classes, "functions", labels))


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
    part = checker.figures.fiscal_total("opening")
    if part is None:
        return
    opening = report.income.opening_balance
    whole = checker.figures.amount("income.opening_balance", label("opening_balance"), opening)
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
    part = checker.figures.fiscal_total("closing")
    if part is None:
        return
    closing = report.expenditure.closing_balance
    whole = checker.figures.amount("expenditure.closing_balance", label("closing_balance"), closing)
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
    part = checker.figures.fiscal_total("expenditure")
    whole = checker.figures.expenditure_total()
    if part is not None and whole is not None:
        yield checker.at_most(part, whole)
    project = report.expenditure.nature.project
    projects = checker.figures.fund_column("project")
    if project is None or not projects:
        return
    fiscal_project = checker.figures.sum(
        projects, "fiscal.project", ("财政拨款项目支出", "fiscal project expenditure")
    )
    whole = checker.figures.amount("expenditure.nature.project", label("project"), project)
    yield checker.at_most(fiscal_project, whole)
