"""Rules of the 收入支出决算总表 (T1xx): totals, grand totals and their balance."""

from __future__ import annotations

from collections.abc import Iterator

from govfinal.checks.engine import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.rules._build import (
    named,
    parts_sum,
    published_terms,
    stated_or_sum,
    term,
)
from govfinal.checks.rules._tables import EXPENDITURE, INCOME, _Table, first_lines, rollup_term
from govfinal.checks.tolerance import Term, shown
from govfinal.model.report import FinalAccount

TABLE = "收入支出决算总表"

_SOURCE_KEYS = {
    "general_budget": "general_budget",
    "government_fund": "government_fund",
    "state_capital": "state_capital",
    "superior_subsidy": "superior_subsidy",
    "service": "service",
    "business": "business",
    "subordinate_remittance": "subordinate_remittance",
    "other": "other",
}
_NATURE_KEYS = {
    "basic": "basic",
    "project": "project",
    "remitted_to_superior": "remitted_to_superior",
    "business": "business_expenditure",
    "subsidies_to_subordinates": "subsidies_to_subordinates",
}


def income_total(report: FinalAccount, checker: Checker) -> Term:
    """本年收入合计: as stated, else the sum of the sources."""
    sources = report.income.sources
    parts = source_terms(report, checker)
    return stated_or_sum(
        checker,
        sources.stated_total,
        "income.sources.stated_total",
        parts,
        "income.sources",
        "income_total",
    )


def source_terms(report: FinalAccount, checker: Checker) -> list[Term]:
    """The eight income sources as terms."""
    values = report.income.sources.parts()
    return [
        term(checker, f"income.sources.{field}", key, values[field])
        for field, key in _SOURCE_KEYS.items()
    ]


def expenditure_total(report: FinalAccount, checker: Checker) -> Term | None:
    """本年支出合计: as stated, else the sum of the published natures."""
    nature = report.expenditure.nature
    parts = nature_terms(report, checker)
    if nature.stated_total is None and not parts:
        return None
    return stated_or_sum(
        checker,
        nature.stated_total,
        "expenditure.nature.stated_total",
        parts,
        "expenditure.nature",
        "expenditure_total",
    )


def nature_terms(report: FinalAccount, checker: Checker) -> list[Term]:
    """The published natures of 本年支出 as terms."""
    values = report.expenditure.nature.parts()
    return published_terms(
        checker,
        "expenditure.nature",
        ((field, key, values[field]) for field, key in _NATURE_KEYS.items()),
    )


@rule(
    "T101",
    "income-grand-total",
    title_zh="收入总计",
    title_en="Income grand total",
    formula="收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    tables=(TABLE,),
)
def income_grand_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    income = report.income
    if income.stated_grand_total is None:
        return
    parts = [
        income_total(report, checker),
        term(
            checker,
            "income.non_fiscal_balance_used",
            "non_fiscal_balance_used",
            income.non_fiscal_balance_used,
        ),
        term(checker, "income.opening_balance", "opening_balance", income.opening_balance),
    ]
    yield checker.equal(
        term(checker, "income.stated_grand_total", "income_grand_total", income.stated_grand_total),
        parts_sum(checker, parts, "income", "income_grand_total"),
    )


@rule(
    "T102",
    "expenditure-grand-total",
    title_zh="支出总计",
    title_en="Expenditure grand total",
    formula="支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    tables=(TABLE,),
)
def expenditure_grand_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    expenditure = report.expenditure
    total = expenditure_total(report, checker)
    if expenditure.stated_grand_total is None or total is None:
        return
    parts = [
        total,
        term(
            checker,
            "expenditure.surplus_distribution",
            "surplus_distribution",
            expenditure.surplus_distribution,
        ),
        term(
            checker, "expenditure.closing_balance", "closing_balance", expenditure.closing_balance
        ),
    ]
    yield checker.equal(
        term(
            checker,
            "expenditure.stated_grand_total",
            "expenditure_grand_total",
            expenditure.stated_grand_total,
        ),
        parts_sum(checker, parts, "expenditure", "expenditure_grand_total"),
    )


@rule(
    "T103",
    "grand-totals-balance",
    title_zh="收支总计平衡",
    title_en="Income and expenditure grand totals balance",
    formula="收入总计 = 支出总计",
    tables=(TABLE,),
)
def grand_totals_balance(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    income, expenditure = report.income, report.expenditure
    if income.stated_grand_total is None or expenditure.stated_grand_total is None:
        return
    yield checker.equal(
        term(
            checker,
            "expenditure.stated_grand_total",
            "expenditure_grand_total",
            expenditure.stated_grand_total,
        ),
        term(checker, "income.stated_grand_total", "income_grand_total", income.stated_grand_total),
    )


@rule(
    "T104",
    "income-sources-sum",
    title_zh="本年收入合计",
    title_en="Income for the year by source",
    formula="本年收入合计 = Σ 八项收入来源",
    tables=(TABLE, "收入决算表"),
)
def income_sources_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    sources = report.income.sources
    if sources.stated_total is None:
        return
    yield checker.equal(
        term(checker, "income.sources.stated_total", "income_total", sources.stated_total),
        parts_sum(checker, source_terms(report, checker), "income.sources", "income_total"),
    )


@rule(
    "T105",
    "expenditure-natures-sum",
    title_zh="本年支出合计（按性质）",
    title_en="Expenditure for the year by nature",
    formula="本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出",
    tables=(TABLE, "支出决算表"),
)
def expenditure_natures_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    nature = report.expenditure.nature
    parts = nature_terms(report, checker)
    if nature.stated_total is None or not parts:
        return
    yield checker.equal(
        term(checker, "expenditure.nature.stated_total", "expenditure_total", nature.stated_total),
        parts_sum(checker, parts, "expenditure.nature", "expenditure_total"),
    )


def class_terms(report: FinalAccount, checker: Checker, table: _Table, field: str) -> list[Term]:
    """The 类 lines' roll-ups of one cell of a function table, as terms.

    A 类 that does not publish the cell is the derived Σ of its children, so
    the tolerance counts every published figure behind it.
    """
    tree = report.functions
    terms = (
        rollup_term(checker, tree, line.code, table, field)
        for line in first_lines(tree)
        if line.parent_code is None
    )
    return [found for found in terms if found is not None]


@rule(
    "T106",
    "expenditure-classes-sum",
    title_zh="本年支出合计（按功能分类）",
    title_en="Expenditure for the year by function class",
    formula="本年支出合计 = Σ 支出功能分类（类）",
    tables=(TABLE, "支出决算表"),
)
def expenditure_classes_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    total = expenditure_total(report, checker)
    classes = class_terms(report, checker, EXPENDITURE, "stated_total")
    if total is None or not classes:
        return
    yield checker.equal(total, parts_sum(checker, classes, "functions", "expenditure_total"))


@rule(
    "T107",
    "income-classes-sum",
    title_zh="本年收入合计（按功能分类）",
    title_en="Income for the year by function class",
    formula="本年收入合计 = Σ 收入决算表（类）",
    tables=(TABLE, "收入决算表"),
)
def income_classes_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    classes = class_terms(report, checker, INCOME, "total")
    if not classes:
        return
    yield checker.equal(
        income_total(report, checker), parts_sum(checker, classes, "functions", "income_total")
    )


@rule(
    "T108",
    "basic-personnel-public",
    title_zh="基本支出构成",
    title_en="Basic expenditure by personnel and public costs",
    formula="基本支出 = 人员经费 + 公用经费",
    tables=(TABLE, "支出决算表"),
)
def basic_personnel_public(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    expenditure = report.expenditure
    basic = expenditure.nature.basic
    if basic is None or expenditure.personnel is None or expenditure.public is None:
        return
    parts = [
        term(checker, "expenditure.personnel", "personnel", expenditure.personnel),
        term(checker, "expenditure.public", "public", expenditure.public),
    ]
    yield checker.equal(
        term(checker, "expenditure.nature.basic", "basic", basic),
        parts_sum(checker, parts, "expenditure", "basic"),
    )


@rule(
    "T109",
    "negative-amount",
    title_zh="负数金额",
    title_en="Negative amount",
    formula="总表各项金额 ≥ 0",
    tables=(TABLE,),
    severity=Severity.WARNING,
)
def negative_amount(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    income, expenditure = report.income, report.expenditure
    figures = [
        *source_terms(report, checker),
        term(
            checker,
            "income.non_fiscal_balance_used",
            "non_fiscal_balance_used",
            income.non_fiscal_balance_used,
        ),
        term(checker, "income.opening_balance", "opening_balance", income.opening_balance),
        *nature_terms(report, checker),
        term(
            checker, "expenditure.closing_balance", "closing_balance", expenditure.closing_balance
        ),
    ]
    for figure in figures:
        if figure.value < 0:
            yield checker.finding(
                figure.path,
                f"{figure.label_zh} 为负数 {shown(figure.value)}",
                f"{figure.label_en} is negative: {shown(figure.value)}",
                actual=figure.value,
            )


@rule(
    "T110",
    "summary-classes-match-table",
    title_zh="总表功能分类与支出决算表一致",
    title_en="The summary's function classes agree with the expenditure table",
    formula="收入支出决算总表各类支出 = 支出决算表同类 本年支出合计",
    tables=(TABLE, "支出决算表"),
)
def summary_classes_match_table(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Each 类 the 总表 prints equals the same 类 of the 支出决算表, and none is missing."""
    printed = report.expenditure.classes
    if not printed:
        return
    tree = report.functions
    seen: set[str] = set()
    for index, entry in enumerate(printed):
        seen.add(entry.code)
        line = tree.get(entry.code)
        name = line.name if line is not None else entry.code
        stated = named(
            checker,
            f"expenditure.classes[{index}].amount",
            f"总表 {name}（{entry.code}）",
            f"summary class {entry.code}",
            entry.amount,
        )
        table = rollup_term(checker, tree, entry.code, EXPENDITURE, "stated_total")
        if table is not None:
            yield checker.equal(stated, table)
        elif not entry.amount.is_zero():
            yield checker.finding(
                stated.path,
                f"总表列示 {name}（{entry.code}）{shown(entry.amount)}，支出决算表无此类",
                f"the summary prints class {entry.code} at {shown(entry.amount)},"
                " but the expenditure table has no such class",
                actual=entry.amount,
            )
    for line in first_lines(tree):
        if line.parent_code is not None or line.code in seen:
            continue
        table = rollup_term(checker, tree, line.code, EXPENDITURE, "stated_total")
        if table is None or table.value.is_zero():
            continue
        yield checker.finding(
            table.path,
            f"支出决算表 {table.label_zh} {shown(table.value)} 未列入收入支出决算总表",
            f"{table.label_en} {shown(table.value)} in the expenditure table is not in the summary",
            actual=table.value,
        )


@rule(
    "T111",
    "summary-classes-sum",
    title_zh="总表各类支出合计",
    title_en="The summary's function classes add up",
    formula="本年支出合计 = Σ 收入支出决算总表各类支出",
    tables=(TABLE,),
)
def summary_classes_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """本年支出合计 equals the Σ of the 类 the 总表 prints."""
    printed = report.expenditure.classes
    total = expenditure_total(report, checker)
    if not printed or total is None:
        return
    parts = [
        named(
            checker,
            f"expenditure.classes[{index}].amount",
            f"总表（{entry.code}）",
            f"summary class {entry.code}",
            entry.amount,
        )
        for index, entry in enumerate(printed)
    ]
    yield checker.equal(
        total, parts_sum(checker, parts, "expenditure.classes", "expenditure_total")
    )
