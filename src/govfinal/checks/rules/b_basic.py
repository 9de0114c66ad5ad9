"""Rules of the 一般公共预算财政拨款基本支出决算表 (B3xx): basic expenditure by economic class.

The table (:class:`~govfinal.model.BasicExpenditureDetail`) splits the general
budget's basic expenditure into 人员经费 (classes 301 and 303) and 公用经费
(302 and 310), with a line per 类 and 款. The rules check that the totals add
up, that each 类 equals its 款, that the codes are basic-expenditure codes
listed once, and that the table agrees with the 财政拨款收入支出决算总表.

Economic lines often publish names without amounts (the narrative lists the
items); the sums then skip, since no part is published. A code listed twice is
reported by B306; the sums count each code once, with its first line.
"""

from __future__ import annotations

from collections.abc import Iterator

from govfinal.address import keyed
from govfinal.checks.checker import Checker
from govfinal.checks.figures import BASIC_LABELS, first_of_each_code
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.classification import ECONOMIC_CODES, EconomicGroup
from govfinal.model.report import FinalAccount
from govfinal.terms import label

TABLE = "一般公共预算财政拨款基本支出决算表"
FISCAL_TABLE = "财政拨款收入支出决算总表"

PREFIX = "general_budget_basic"


def line_address(code: str) -> str:
    """The address of an economic line, e.g. ``general_budget_basic[30101]``."""
    return keyed(PREFIX, code)


@rule(
    "B301",
    "basic-detail-personnel-public",
    title_zh="基本支出构成（一般公共预算财政拨款）",
    title_en="General budget basic expenditure by personnel and public costs",
    formula="基本支出 = 人员经费 + 公用经费",
    tables=(TABLE,),
)
def basic_detail_personnel_public(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """基本支出 = 人员经费 + 公用经费, each as published or else from its items."""
    detail = report.general_budget_basic
    if detail.stated_total is None:
        return
    figures = checker.figures
    personnel = figures.economic_group(EconomicGroup.PERSONNEL)
    public = figures.economic_group(EconomicGroup.PUBLIC)
    stated = figures.economic_total()
    if personnel is None or public is None or stated is None:
        return
    yield checker.equal(stated, figures.sum([personnel, public], PREFIX, BASIC_LABELS))


def group_findings(
    report: FinalAccount, checker: Checker, group: EconomicGroup
) -> Iterator[Finding | None]:
    """The published 人员经费 or 公用经费 = Σ of its published items."""
    detail = report.general_budget_basic
    stated = detail.stated_personnel if group is EconomicGroup.PERSONNEL else detail.stated_public
    derived = checker.figures.economic_items_sum(group)
    published = checker.figures.economic_group(group)
    if stated is None or derived is None or published is None:
        return
    yield checker.equal(published, derived)


@rule(
    "B302",
    "basic-personnel-items",
    title_zh="人员经费明细",
    title_en="Personnel costs by economic class",
    formula="人员经费 = Σ 301 工资福利支出 + Σ 303 对个人和家庭的补助",
    tables=(TABLE,),
)
def basic_personnel_items(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """人员经费合计 = Σ of the 301 and 303 items, when any item amount is published."""
    yield from group_findings(report, checker, EconomicGroup.PERSONNEL)


@rule(
    "B303",
    "basic-public-items",
    title_zh="公用经费明细",
    title_en="Public costs by economic class",
    formula="公用经费 = Σ 302 商品和服务支出 + Σ 310 资本性支出",
    tables=(TABLE,),
)
def basic_public_items(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """公用经费合计 = Σ of the 302 and 310 items, when any item amount is published."""
    yield from group_findings(report, checker, EconomicGroup.PUBLIC)


@rule(
    "B304",
    "economic-class-rollup",
    title_zh="经济分类类级汇总",
    title_en="Economic class equals its items",
    formula="类 = Σ 款",
    tables=(TABLE,),
)
def economic_class_rollup(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A 类 line's published amount = Σ of its published 款 amounts."""
    detail = report.general_budget_basic
    lines = tuple(first_of_each_code(detail.lines))
    for line in lines:
        stated = checker.figures.economic_line(line) if line.is_class else None
        if stated is None:
            continue
        items = [
            found
            for item in lines
            if not item.is_class
            and item.code[:3] == line.code
            and (found := checker.figures.economic_line(item)) is not None
        ]
        if not items:
            continue
        yield checker.equal(
            stated,
            checker.figures.sum(
                items, line_address(line.code), (f"{line.name}各款之和", f"Σ items of {line.code}")
            ),
        )


@rule(
    "B305",
    "economic-code-not-basic",
    title_zh="经济分类科目不属于基本支出",
    title_en="Economic code outside basic expenditure",
    formula="经济分类类级 ∈ {301, 302, 303, 310}",
    tables=(TABLE,),
    severity=Severity.WARNING,
)
def economic_code_not_basic(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A line whose 类 is neither 人员经费 (301, 303) nor 公用经费 (302, 310)."""
    for line in first_of_each_code(report.general_budget_basic.lines):
        if line.group is not None:
            continue
        yield checker.finding(
            line_address(line.code),
            f"经济分类科目 {line.code}「{line.name}」不属于基本支出的人员经费（301、303）"
            f"或公用经费（302、310）",
            f"economic code {line.code} ({line.name}) is neither personnel costs (301, 303)"
            f" nor public costs (302, 310) of basic expenditure",
        )


@rule(
    "B306",
    "economic-code-duplicate",
    title_zh="经济分类科目重复",
    title_en="Economic code listed twice",
    formula="每个经济分类科目编码只出现一次",
    tables=(TABLE,),
)
def economic_code_duplicate(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """A code on more than one line: each repeat is reported."""
    first_row: dict[str, int] = {}
    for row, line in enumerate(report.general_budget_basic.lines, start=1):
        if line.code not in first_row:
            first_row[line.code] = row
            continue
        first = first_row[line.code]
        yield checker.finding(
            line_address(line.code),
            f"经济分类科目 {line.code}「{line.name}」重复列示：第 {row} 行，首次见第 {first} 行",
            f"economic code {line.code} ({line.name}) is listed again on row {row}"
            f" (first on row {first})",
        )


@rule(
    "B307",
    "basic-detail-matches-fund",
    title_zh="基本支出决算表与财政拨款总表一致",
    title_en="Basic expenditure detail matches the fiscal summary",
    formula="基本支出决算表合计 = 一般公共预算财政拨款基本支出（财政拨款收入支出决算总表）",
    tables=(TABLE, FISCAL_TABLE),
)
def basic_detail_matches_fund(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """The detail table's 基本支出 (stated, else derived) = the fiscal summary's one."""
    fund_basic = report.fiscal.general_budget.basic
    total = checker.figures.economic_total()
    if fund_basic is None or total is None:
        return
    yield checker.equal(
        total,
        checker.figures.amount(
            "fiscal.general_budget.basic",
            (
                "财政拨款收入支出决算总表一般公共预算财政拨款基本支出",
                "general budget basic expenditure in the fiscal summary",
            ),
            fund_basic,
        ),
    )


@rule(
    "B308",
    "basic-general-budget-within-basic",
    title_zh="一般公共预算财政拨款基本支出不超过基本支出",
    title_en="General budget basic expenditure within all basic expenditure",
    formula="一般公共预算财政拨款基本支出 ≤ 基本支出（收入支出决算总表）",
    tables=(FISCAL_TABLE, "收入支出决算总表"),
)
def basic_general_budget_within_basic(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """The general budget's 基本支出 is part of the 基本支出 of all funds."""
    fund_basic = report.fiscal.general_budget.basic
    all_basic = report.expenditure.nature.basic
    if fund_basic is None or all_basic is None:
        return
    yield checker.at_most(
        checker.figures.amount("fiscal.general_budget.basic", BASIC_LABELS, fund_basic),
        checker.figures.amount("expenditure.nature.basic", label("basic"), all_basic),
    )


@rule(
    "B309",
    "economic-code-unknown-or-renamed",
    title_zh="经济分类科目不在科目表中或名称不同",
    title_en="Economic code unknown or renamed",
    formula="科目编码 ∈ 支出经济分类科目表，列示名称 = 科目表名称（不计空白）",
    tables=(TABLE,),
    severity=Severity.INFO,
)
def economic_code_unknown_or_renamed(
    report: FinalAccount, checker: Checker
) -> Iterator[Finding | None]:
    """A code the official table does not know, or a name other than its official one."""
    reported: set[tuple[str, str]] = set()
    for line in report.general_budget_basic.lines:
        if (line.code, line.name) in reported:
            continue
        official = ECONOMIC_CODES.name_of(line.code)
        if official is None:
            reported.add((line.code, line.name))
            yield checker.finding(
                line_address(line.code),
                f"经济分类科目 {line.code}「{line.name}」不在科目表中（已按列示接受）",
                f"economic code {line.code} ({line.name}) is not in the code table"
                " (accepted as listed)",
            )
        elif not ECONOMIC_CODES.names_as(line.code, line.name):
            reported.add((line.code, line.name))
            yield checker.finding(
                line_address(line.code),
                f"经济分类科目 {line.code} 列示名称「{line.name}」，科目表名称为「{official}」",
                f"economic code {line.code} is named '{line.name}';"
                f" the code table names it '{official}'",
            )
