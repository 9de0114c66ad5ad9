"""Rules of the 支出功能分类 tree (F2xx): codes, roll-ups and each line's own identities.

The function tree carries the cells of five tables: the 支出决算表 (by nature),
the 收入决算表 (by source) and one table per fund type. The rules check:

* the codes: no code twice, every 款 and 项 under a line of the tree, codes
  and names as the official table has them (F201–F204);
* the roll-ups: a 类 or 款 cell equals the Σ of its children's roll-ups of the
  same cell, where a child that does not publish the cell is represented by
  its own children (F205–F207, :meth:`FunctionTree.rollup` semantics);
* each line on its own: totals equal their parts, the funds stay within the
  line's expenditure, and each fund balances (F208–F212).

A code that appears twice is reported by F201; the roll-ups count each code
once, with its first line, as :meth:`FunctionTree.rollup` reads it.
"""

from __future__ import annotations

from collections.abc import Iterator

from govfinal.address import join
from govfinal.checks.checker import Checker
from govfinal.checks.figures import (
    ALL_TABLES,
    EXPENDITURE,
    EXPENDITURE_TABLE,
    FUND_TABLES,
    FUNDS,
    INCOME,
    INCOME_TABLE,
    FunctionTable,
    first_lines,
    line_address,
    line_label,
)
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import Term, shown
from govfinal.classification import FUNCTION_CODES, FunctionLevel
from govfinal.model.function import FunctionLine
from govfinal.model.report import FinalAccount

# -- codes -------------------------------------------------------------------


@rule(
    "F201",
    "function-code-duplicate",
    title_zh="功能分类科目重复",
    title_en="Function code listed twice",
    formula="每个支出功能分类科目编码只出现一次",
    tables=ALL_TABLES,
)
def function_code_duplicate(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A code on more than one line: each repeat is reported."""
    first_row: dict[str, int] = {}
    for row, line in enumerate(report.functions, start=1):
        if line.code not in first_row:
            first_row[line.code] = row
            continue
        first = first_row[line.code]
        yield checker.finding(
            line_address(line.code),
            f"支出功能分类科目 {line.code}「{line.name}」重复列示："
            f"第 {row} 行，首次见第 {first} 行",
            f"function code {line.code} ({line.name}) is listed again on row {row}"
            f" (first on row {first})",
        )


@rule(
    "F202",
    "function-code-orphan",
    title_zh="功能分类科目缺少上级科目",
    title_en="Function line without its parent line",
    formula="每个款、项科目的上级科目列示于表中",
    tables=ALL_TABLES,
    severity=Severity.WARNING,
)
def function_code_orphan(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A 款 or 项 line whose parent code has no line: its amounts roll up nowhere."""
    tree = report.functions
    for line in first_lines(tree):
        parent = line.parent_code
        if parent is None or parent in tree:
            continue
        official = FUNCTION_CODES.name_of(parent)
        named_zh = f"{parent}「{official}」" if official else parent
        named_en = f"{parent} ({official})" if official else parent
        yield checker.finding(
            line_address(line.code),
            f"{line.name}（{line.code}）的上级科目 {named_zh} 未列示",
            f"the parent {named_en} of function {line.code} ({line.name}) has no line",
        )


@rule(
    "F203",
    "function-code-unknown",
    title_zh="功能分类科目不在科目表中",
    title_en="Function code not in the code table",
    formula="科目编码 ∈ 支出功能分类科目表",
    tables=ALL_TABLES,
    severity=Severity.INFO,
)
def function_code_unknown(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A well-formed code the official table does not know: accepted, and noted."""
    for line in first_lines(report.functions):
        if line.code in FUNCTION_CODES:
            continue
        yield checker.finding(
            line_address(line.code),
            f"支出功能分类科目 {line.code}「{line.name}」不在科目表中（已按列示接受）",
            f"function code {line.code} ({line.name}) is not in the code table"
            " (accepted as listed)",
        )


@rule(
    "F204",
    "function-name-differs",
    title_zh="功能分类科目名称与科目表不同",
    title_en="Function name differs from the code table",
    formula="列示科目名称 = 科目表名称（不计空白）",
    tables=ALL_TABLES,
    severity=Severity.INFO,
)
def function_name_differs(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A line's published name is not the official name of its code (whitespace ignored)."""
    reported: set[tuple[str, str]] = set()
    for line in report.functions:
        official = FUNCTION_CODES.name_of(line.code)
        if official is None or FUNCTION_CODES.names_as(line.code, line.name):
            continue
        if (line.code, line.name) in reported:
            continue
        reported.add((line.code, line.name))
        yield checker.finding(
            line_address(line.code),
            f"科目 {line.code} 列示名称「{line.name}」，科目表名称为「{official}」",
            f"function {line.code} is named '{line.name}'; the code table names it '{official}'",
        )


# -- roll-ups ----------------------------------------------------------------


def rollup_findings(
    report: FinalAccount, checker: Checker, table: FunctionTable
) -> Iterator[Finding | None]:
    """Each published cell of each 类 and 款 = Σ of its children's roll-ups of it."""
    tree = report.functions
    for line in first_lines(tree):
        if line.level is FunctionLevel.SUBITEM:
            continue
        for field in table.fields:
            stated = checker.figures.cell(line, table, field)
            if stated is None:
                continue
            children = checker.figures.children(line.code, table, field)
            if not children:
                continue
            zh, en = table.column_label(field)
            derived = checker.figures.sum(
                children,
                f"{line_address(line.code)}.{table.attr}",
                (f"下级科目{zh}之和", f"Σ {en}"),
            )
            yield checker.equal(stated, derived)


@rule(
    "F205",
    "function-rollup-expenditure",
    title_zh="支出决算表科目汇总",
    title_en="Expenditure by nature rolls up the function tree",
    formula="类（款）各栏 = Σ 下级款（项）同栏",
    tables=(EXPENDITURE_TABLE,),
)
def function_rollup_expenditure(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """支出决算表: each cell of a 类 or 款 = Σ of its children's roll-ups."""
    yield from rollup_findings(report, checker, EXPENDITURE)


@rule(
    "F206",
    "function-rollup-income",
    title_zh="收入决算表科目汇总",
    title_en="Income by source rolls up the function tree",
    formula="类（款）各栏 = Σ 下级款（项）同栏",
    tables=(INCOME_TABLE,),
)
def function_rollup_income(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """收入决算表: each cell of a 类 or 款 = Σ of its children's roll-ups."""
    yield from rollup_findings(report, checker, INCOME)


@rule(
    "F207",
    "function-rollup-funds",
    title_zh="财政拨款支出决算表科目汇总",
    title_en="Fund tables roll up the function tree",
    formula="类（款）各栏 = Σ 下级款（项）同栏（三类财政拨款各表）",
    tables=tuple(FUND_TABLES.values()),
)
def function_rollup_funds(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each fund table: each cell of a 类 or 款 = Σ of its children's roll-ups."""
    for table in FUNDS.values():
        yield from rollup_findings(report, checker, table)


# -- each line on its own ----------------------------------------------------


def line_total_findings(
    report: FinalAccount, checker: Checker, table: FunctionTable
) -> Iterator[Finding | None]:
    """Per line: the published total of ``table`` = Σ of its published parts."""
    for line in report.functions:
        stated = checker.figures.cell(line, table, table.total)
        derived = checker.figures.line_parts_total(line, table, prefixed=False)
        if stated is None or derived is None:
            continue
        yield checker.equal(stated, derived)


@rule(
    "F208",
    "function-line-natures",
    title_zh="科目本年支出合计（按性质）",
    title_en="A function line's expenditure by nature",
    formula="本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出",
    tables=(EXPENDITURE_TABLE,),
)
def function_line_natures(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """支出决算表, per line: 本年支出合计 = Σ of its published natures."""
    yield from line_total_findings(report, checker, EXPENDITURE)


@rule(
    "F209",
    "function-line-fund-natures",
    title_zh="科目财政拨款本年支出（按性质）",
    title_en="A function line's fund expenditure by nature",
    formula="本年支出 = 基本支出 + 项目支出（各类财政拨款）",
    tables=tuple(FUND_TABLES.values()),
)
def function_line_fund_natures(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each fund table, per line: 本年支出 = 基本支出 + 项目支出."""
    for table in FUNDS.values():
        yield from line_total_findings(report, checker, table)


@rule(
    "F210",
    "function-line-income-sources",
    title_zh="科目本年收入合计（按来源）",
    title_en="A function line's income by source",
    formula="本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入"
    " + 附属单位上缴收入 + 其他收入",
    tables=(INCOME_TABLE,),
)
def function_line_income_sources(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """收入决算表, per line: 本年收入合计 = Σ of its published sources."""
    yield from line_total_findings(report, checker, INCOME)


def fiscal_expenditure(checker: Checker, line: FunctionLine) -> Term | None:
    """The line's 财政拨款本年支出: one fund's term, or the Σ over the funds publishing it."""
    funds = [
        (fund, term)
        for fund, table in FUNDS.items()
        if (term := checker.figures.effective(line, table, table.total)) is not None
    ]
    if not funds:
        return None
    if len(funds) == 1:
        return funds[0][1]
    figures_zh = " + ".join(f"{fund.value} {shown(term.value)}" for fund, term in funds)
    figures_en = " + ".join(f"{FUNDS[fund].name_en} {shown(term.value)}" for fund, term in funds)
    zh, en = line_label(line)
    return checker.figures.sum(
        [term for _fund, term in funds],
        line_address(line.code),
        (f"{zh}财政拨款本年支出（{figures_zh}）", f"fiscal expenditure of {en} ({figures_en})"),
    )


@rule(
    "F211",
    "function-line-funds-within-total",
    title_zh="科目财政拨款支出不超过本年支出",
    title_en="A function line's fiscal expenditure within its total",
    formula="Σ 三类财政拨款本年支出 ≤ 本年支出合计（支出决算表）",
    tables=(EXPENDITURE_TABLE, *FUND_TABLES.values()),
)
def function_line_funds_within_total(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """Per line: what the fiscal funds spent is part of what the line spent from all funds."""
    for line in report.functions:
        whole = checker.figures.effective(line, EXPENDITURE, EXPENDITURE.total)
        part = fiscal_expenditure(checker, line)
        if whole is None or part is None:
            continue
        yield checker.at_most(part, whole)


def balance_finding(checker: Checker, line: FunctionLine, table: FunctionTable) -> Finding | None:
    """One fund on one line: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.

    Skipped unless opening, income and closing are published; a blank
    本年支出 among them counts as zero. The finding is about the line's fund
    row (its address), the two sides being sums of its cells.
    """
    opening = checker.figures.cell(line, table, "opening", prefixed=False)
    income = checker.figures.cell(line, table, "income", prefixed=False)
    closing = checker.figures.cell(line, table, "closing", prefixed=False)
    if opening is None or income is None or closing is None:
        return None
    spent = checker.figures.effective(line, table, table.total, prefixed=False)
    uses = [closing] if spent is None else [spent, closing]
    zh, en = line_label(line)
    row = join(line_address(line.code), table.attr)
    stated = checker.figures.sum(uses, row, (f"{zh}{table.name_zh}", f"{en}, {table.name_en}"))
    sources = checker.figures.sum([opening, income], row, ("", ""))
    return checker.equal(stated, sources)


@rule(
    "F212",
    "function-line-fund-balance",
    title_zh="科目财政拨款收支平衡",
    title_en="A function line's fund balances",
    formula="年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余（各类财政拨款）",
    tables=tuple(FUND_TABLES.values()),
)
def function_line_fund_balance(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per line and fund: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余."""
    for table in FUNDS.values():
        for line in report.functions:
            yield balance_finding(checker, line, table)
