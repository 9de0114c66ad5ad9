"""govfinal serves reports other than the seed: a real 2024 Shanghai Putuo report.

The figures below are transcribed from the 2024 部门决算 of 上海市普陀区规划和
自然资源局 (收入支出决算总表, 收入决算表 and 支出决算表): another province's
wording, other amounts, and 项 codes the seed does not use.
"""

from __future__ import annotations

import attrs

import govfinal
from govfinal import (
    BudgetUnit,
    ClassTotal,
    Expenditure,
    FinalAccount,
    FunctionLine,
    FunctionTree,
    Income,
    IncomeRow,
    IncomeSources,
    NatureAmounts,
    UnitKind,
)

# code, name, 收入决算表 本年收入合计 (= 财政拨款收入), 支出决算表 合计 / 基本支出 / 项目支出
LINES = [
    ("208", "社会保障和就业支出", "754.75", "754.75", "754.75", "0.00"),
    ("20805", "行政事业单位养老支出", "754.75", "754.75", "754.75", "0.00"),
    ("2080501", "行政单位离退休", "54.53", "54.53", "54.53", "0.00"),
    ("2080502", "事业单位离退休", "28.11", "28.11", "28.11", "0.00"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "446.11", "446.11", "446.11", "0.00"),
    ("2080506", "机关事业单位职业年金缴费支出", "225.12", "225.12", "225.12", "0.00"),
    ("2080599", "其他行政事业单位养老支出", "0.88", "0.88", "0.88", "0.00"),
    ("210", "卫生健康支出", "236.64", "236.64", "236.64", "0.00"),
    ("21011", "行政事业单位医疗", "236.64", "236.64", "236.64", "0.00"),
    ("2101101", "行政单位医疗", "40.35", "40.35", "40.35", "0.00"),
    ("2101102", "事业单位医疗", "196.29", "196.29", "196.29", "0.00"),
    ("212", "城乡社区支出", "3832.36", "3845.24", "1585.59", "2259.65"),
    ("21201", "城乡社区管理事务", "1092.80", "1105.68", "1096.91", "8.77"),
    ("2120101", "行政运行", "1092.80", "1105.68", "1096.91", "8.77"),
    ("21202", "城乡社区规划与管理", "2739.56", "2739.56", "488.68", "2250.88"),
    ("2120201", "城乡社区规划与管理", "2739.56", "2739.56", "488.68", "2250.88"),
    ("220", "自然资源海洋气象等支出", "4461.67", "4461.67", "2339.58", "2122.09"),
    ("22001", "自然资源事务", "4461.67", "4461.67", "2339.58", "2122.09"),
    ("2200150", "事业运行", "4416.67", "4416.67", "2339.58", "2077.09"),
    ("2200199", "其他自然资源事务支出", "45.00", "45.00", "0.00", "45.00"),
    ("221", "住房保障支出", "461.08", "461.08", "461.08", "0.00"),
    ("22102", "住房改革支出", "461.08", "461.08", "461.08", "0.00"),
    ("2210201", "住房公积金", "289.59", "289.59", "289.59", "0.00"),
    ("2210203", "购房补贴", "171.49", "171.49", "171.49", "0.00"),
]


def putuo_planning_2024() -> FinalAccount:
    lines = [
        FunctionLine(
            code,
            name,
            income=IncomeRow(total=income, fiscal=income),
            expenditure=NatureAmounts(basic=basic, project=project, stated_total=total),
        )
        for code, name, income, total, basic, project in LINES
    ]
    return FinalAccount(
        unit=BudgetUnit(
            name="上海市普陀区规划和自然资源局", fiscal_year=2024, kind=UnitKind.ADMINISTRATIVE
        ),
        income=Income(
            sources=IncomeSources(general_budget="9746.50", stated_total="9746.50"),
            opening_balance="112.88",
            stated_grand_total="9859.38",
        ),
        expenditure=Expenditure(
            nature=NatureAmounts(basic="5377.64", project="4381.74", stated_total="9759.38"),
            closing_balance="100.00",
            stated_grand_total="9859.38",
        ),
        functions=FunctionTree(lines=lines),
    )


def _errors(report: FinalAccount) -> list[str]:
    return [f"{f.code} {f.path}" for f in govfinal.check(report).errors]


def test_the_published_tables_agree_with_themselves() -> None:
    # 9746.50 + 112.88 = 9859.38 = 9759.38 + 100.00; 5377.64 + 4381.74 = 9759.38; the 类 of
    # the 支出决算表 add up to 9759.38 and those of the 收入决算表 to 9746.50; every 类 and 款
    # equals the sum of its children, and every line's 合计 = 基本 + 项目.
    assert _errors(putuo_planning_2024()) == []


def test_the_summary_disagrees_with_the_expenditure_table_in_two_classes() -> None:
    # The report's 总表 prints 210 as 236.63 and 212 as 3845.25, its 支出决算表 236.64 and
    # 3845.24: each pair is 0.01 apart, and two figures rounded to 0.01 that differ by 0.01
    # cannot stand for the same amount. Both columns still add up to 9759.38.
    printed = [
        ("208", "754.75"),
        ("210", "236.63"),
        ("212", "3845.25"),
        ("220", "4461.67"),
        ("221", "461.08"),
    ]
    report = putuo_planning_2024()
    classes = [ClassTotal(code, value) for code, value in printed]
    report = attrs.evolve(report, expenditure=attrs.evolve(report.expenditure, classes=classes))
    assert _errors(report) == [
        "T110 expenditure.classes[210].amount",
        "T110 expenditure.classes[212].amount",
    ]
    assert "236.63" in govfinal.render(report)  # the 总表 shows what it printed


def test_a_misprinted_line_is_found_where_it_is() -> None:
    report = putuo_planning_2024()
    lines = list(report.functions)
    index = next(i for i, line in enumerate(lines) if line.code == "2120101")
    row = attrs.evolve(lines[index].expenditure, basic="1096.19")  # digits swapped
    lines[index] = attrs.evolve(lines[index], expenditure=row)
    broken = attrs.evolve(report, functions=FunctionTree(lines=lines))
    errors = _errors(broken)
    assert "F208 functions[2120101].expenditure.stated_total" in errors


def test_it_renders_and_round_trips() -> None:
    report = putuo_planning_2024()
    text = govfinal.render(report)
    # The report publishes 收入支出总计 9859.38 and no staff count, so no 实有人数 sentence.
    assert "收入总计 9859.38 万元" in text and "城乡社区规划与管理" in text
    assert "实有人数" not in text
    assert "9,759.38" in text  # the tables group thousands
    for fmt in ("toml", "json"):
        assert govfinal.loads(govfinal.dumps(report, format=fmt), format=fmt) == report
