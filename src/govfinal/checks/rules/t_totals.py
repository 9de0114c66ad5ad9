"""Rules of the 收入支出决算总表 (T1xx): totals, grand totals and their balance."""

from __future__ import annotations

from collections.abc import Iterator

from govfinal.address import join, keyed
from govfinal.checks.checker import Checker
from govfinal.checks.figures import EXPENDITURE, INCOME, first_lines
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import shown
from govfinal.model.report import FinalAccount
from govfinal.terms import label

TABLE = "收入支出决算总表"


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
    parts = checker.figures.income_grand_total_parts()
    yield checker.equal(
        checker.figures.amount(
            "income.stated_grand_total", label("income_grand_total"), income.stated_grand_total
        ),
        checker.figures.sum(parts, "income.parts_grand_total", label("income_grand_total")),
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
    total = checker.figures.expenditure_total()
    if expenditure.stated_grand_total is None or total is None:
        return
    parts = [
        total,
        checker.figures.amount(
            "expenditure.surplus_distribution",
            label("surplus_distribution"),
            expenditure.surplus_distribution,
        ),
        checker.figures.amount(
            "expenditure.closing_balance", label("closing_balance"), expenditure.closing_balance
        ),
    ]
    yield checker.equal(
        checker.figures.amount(
            "expenditure.stated_grand_total",
            label("expenditure_grand_total"),
            expenditure.stated_grand_total,
        ),
        checker.figures.sum(
            parts, "expenditure.parts_grand_total", label("expenditure_grand_total")
        ),
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
        checker.figures.amount(
            "expenditure.stated_grand_total",
            label("expenditure_grand_total"),
            expenditure.stated_grand_total,
        ),
        checker.figures.amount(
            "income.stated_grand_total", label("income_grand_total"), income.stated_grand_total
        ),
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
        checker.figures.amount(
            "income.sources.stated_total", label("income_total"), sources.stated_total
        ),
        checker.figures.sum(
            checker.figures.income_sources(), "income.sources.parts_total", label("income_total")
        ),
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
    parts = checker.figures.natures()
    if nature.stated_total is None or not parts:
        return
    yield checker.equal(
        checker.figures.amount(
            "expenditure.nature.stated_total", label("expenditure_total"), nature.stated_total
        ),
        checker.figures.sum(parts, "expenditure.nature.parts_total", label("expenditure_total")),
    )


@rule(
    "T106",
    "expenditure-classes-sum",
    title_zh="本年支出合计（按功能分类）",
    title_en="Expenditure for the year by function class",
    formula="本年支出合计 = Σ 支出功能分类（类）",
    tables=(TABLE, "支出决算表"),
)
def expenditure_classes_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    total = checker.figures.expenditure_total()
    classes = checker.figures.class_rollups(EXPENDITURE, "stated_total")
    if total is None or not classes:
        return
    yield checker.equal(
        total, checker.figures.sum(classes, "functions", label("expenditure_total"))
    )


@rule(
    "T107",
    "income-classes-sum",
    title_zh="本年收入合计（按功能分类）",
    title_en="Income for the year by function class",
    formula="本年收入合计 = Σ 收入决算表（类）",
    tables=(TABLE, "收入决算表"),
)
def income_classes_sum(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    classes = checker.figures.class_rollups(INCOME, "total")
    if not classes:
        return
    yield checker.equal(
        checker.figures.income_total(),
        checker.figures.sum(classes, "functions", label("income_total")),
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
        checker.figures.amount("expenditure.personnel", label("personnel"), expenditure.personnel),
        checker.figures.amount("expenditure.public", label("public"), expenditure.public),
    ]
    yield checker.equal(
        checker.figures.amount("expenditure.nature.basic", label("basic"), basic),
        checker.figures.sum(parts, "expenditure", label("basic")),
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
        *checker.figures.income_sources(),
        checker.figures.amount(
            "income.non_fiscal_balance_used",
            label("non_fiscal_balance_used"),
            income.non_fiscal_balance_used,
        ),
        checker.figures.amount(
            "income.opening_balance", label("opening_balance"), income.opening_balance
        ),
        *checker.figures.natures(),
        checker.figures.amount(
            "expenditure.closing_balance", label("closing_balance"), expenditure.closing_balance
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
    for entry in printed:
        seen.add(entry.code)
        line = tree.get(entry.code)
        name = line.name if line is not None else entry.code
        stated = checker.figures.amount(
            join(keyed("expenditure.classes", entry.code), "amount"),
            (f"总表 {name}（{entry.code}）", f"summary class {entry.code}"),
            entry.amount,
        )
        table = checker.figures.rollup(entry.code, EXPENDITURE, "stated_total")
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
        table = checker.figures.rollup(line.code, EXPENDITURE, "stated_total")
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
    total = checker.figures.expenditure_total()
    if not printed or total is None:
        return
    parts = [
        checker.figures.amount(
            join(keyed("expenditure.classes", entry.code), "amount"),
            (f"总表（{entry.code}）", f"summary class {entry.code}"),
            entry.amount,
        )
        for entry in printed
    ]
    yield checker.equal(
        total, checker.figures.sum(parts, "expenditure.classes", label("expenditure_total"))
    )
