"""The nine standard tables: goldens for the seed and the base report, and structure.

The golden files are under tests/render/golden/tables (see tests/render/__init__.py
for how to regenerate them on purpose).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kexie_2023 import build_report

import govfinal
from govfinal import (
    AmountUnit,
    BasicExpenditureDetail,
    BudgetUnit,
    EconomicLine,
    Expenditure,
    FinalAccount,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    Income,
    IncomeSources,
    NatureAmounts,
)
from govfinal.render.document import Table
from govfinal.render.tables import (
    TABLE_KEYS,
    TEMPLATE_CLASS_CODES,
    RenderError,
    build_tables,
    chinese_ordinal,
    is_amount_cell,
    numeric_columns,
    titled_tables,
)
from tests.checks.base import base_report
from tests.render import assert_golden
from tests.strategies import (
    arbitrary_final_accounts,
    complete_final_accounts,
    final_accounts,
    unrounded_final_accounts,
)

REPORTS: dict[str, Callable[[], FinalAccount]] = {"seed": build_report, "base": base_report}

TITLES_ZH = (
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
)

SEED = build_report()


def tables_of(report: FinalAccount, lang: str = "zh") -> dict[str, Table]:
    return {table.key: table for table in build_tables(report, lang)}


def row_named(table: Table, name: str, column: int = 0) -> tuple[str, ...]:
    rows = [row.cells for row in table.rows if row.cells[column] == name]
    assert len(rows) == 1, f"{name!r} in {table.key}: {len(rows)} rows"
    return rows[0]


def table_json(table: Table) -> bytes:
    """A table as JSON, one row per line, for a golden file a person can read."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    rows = ",\n".join(
        f'  {{"emphasis": {dump(row.emphasis)}, "cells": {dump(list(row.cells))}}}'
        for row in table.rows
    )
    rows_text = f"[\n{rows}\n ]" if rows else "[]"
    text = (
        "{\n"
        f' "key": {dump(table.key)},\n'
        f' "title": {dump(table.title)},\n'
        f' "unit": {dump(table.unit)},\n'
        f' "columns": {dump(list(table.columns))},\n'
        f' "rows": {rows_text},\n'
        f' "notes": {dump(list(table.notes))}\n'
        "}\n"
    )
    assert json.loads(text)["rows"] == [
        {"emphasis": row.emphasis, "cells": list(row.cells)} for row in table.rows
    ]
    return text.encode("utf-8")


# -- goldens ---------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(9), ids=TABLE_KEYS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_each_table_matches_its_golden_file(name: str, lang: str, index: int) -> None:
    table = build_tables(REPORTS[name](), lang)[index]
    assert_golden(f"tables/{name}_{lang}/{index + 1:02d}_{table.key}.json", table_json(table))


# -- the seed's figures, independent of the goldens -------------------------------------


def test_the_seed_total_table_shows_the_published_totals() -> None:
    table = tables_of(SEED)["income_expenditure"]
    assert table.columns == ("收入项目", "决算数", "支出项目", "决算数")
    assert row_named(table, "本年收入合计") == ("本年收入合计", "55.19", "本年支出合计", "58.95")
    assert row_named(table, "使用非财政拨款结余") == (
        "使用非财政拨款结余",
        "0.00",
        "结余分配",
        "0.00",
    )
    assert row_named(table, "年初结转和结余") == (
        "年初结转和结余",
        "3.76",
        "年末结转和结余",
        "0.00",
    )
    assert row_named(table, "总计") == ("总计", "58.95", "总计", "58.95")
    assert row_named(table, "一、一般公共预算财政拨款收入")[1] == "55.19"
    assert row_named(table, "六、科学技术支出", 2)[3] == "54.48"
    assert row_named(table, "八、社会保障和就业支出", 2)[3] == "4.47"
    assert row_named(table, "一、一般公共服务支出", 2)[3] == ""
    assert table.unit == "单位：万元"
    assert table.notes == ("注：本表反映部门本年度的总收支和年末结转结余情况。",)


def test_the_total_table_lists_every_class_the_template_prints() -> None:
    table = tables_of(SEED)["income_expenditure"]
    right = [row.cells[2] for row in table.rows if row.cells[2] and row.emphasis == ""]
    classes = right[: len(TEMPLATE_CLASS_CODES)]
    assert len(classes) == 24
    assert classes[0] == "一、一般公共服务支出"
    assert classes[8] == "九、卫生健康支出"
    assert classes[-1] == "二十四、抗疫特别国债安排的支出"
    names = [govfinal.FUNCTION_CODES[code] for code in TEMPLATE_CLASS_CODES]
    assert [label.split("、", 1)[1] for label in classes] == names
    # The eight sources stand on the left of the first eight class rows.
    assert [row.cells[0] for row in table.rows[:8]] == [
        "一、一般公共预算财政拨款收入",
        "二、政府性基金预算财政拨款收入",
        "三、国有资本经营预算财政拨款收入",
        "四、上级补助收入",
        "五、事业收入",
        "六、经营收入",
        "七、附属单位上缴收入",
        "八、其他收入",
    ]
    assert all(row.cells[:2] == ("", "") for row in table.rows[8:24])


def test_a_class_outside_the_template_is_listed_in_code_order() -> None:
    report = attrs.evolve(
        SEED,
        functions=FunctionTree(
            [
                *SEED.functions,
                FunctionLine("209", "社会保险基金支出", expenditure=NatureAmounts(basic="1.00")),
            ]
        ),
    )
    table = tables_of(report)["income_expenditure"]
    labels = [row.cells[2] for row in table.rows if row.cells[2]]
    assert labels[7:10] == ["八、社会保障和就业支出", "九、社会保险基金支出", "十、卫生健康支出"]
    assert row_named(table, "九、社会保险基金支出", 2)[3] == "1.00"
    assert labels[24] == "二十五、抗疫特别国债安排的支出"


def test_the_seed_expenditure_table_rolls_up_the_classes() -> None:
    table = tables_of(SEED)["expenditure"]
    assert table.rows[0].cells == ("", "合计", "58.95", "57.82", "1.13", "0.00", "0.00", "0.00")
    assert table.rows[0].emphasis == "total"
    assert row_named(table, "206")[2:5] == ("54.48", "53.35", "1.13")  # 53.35 + 1.13
    assert row_named(table, "20601")[2:4] == ("53.35", "53.35")
    assert row_named(table, "2060199")[2:] == ("",) * 6  # nobody publishes it
    assert row_named(table, "208")[2] == "4.47"
    assert row_named(table, "206") and [row.emphasis for row in table.rows[1:2]] == ["group"]
    codes = [row.cells[0] for row in table.rows[1:]]
    assert codes == sorted(codes)


def test_the_seed_income_table_has_its_total_first_and_blank_lines() -> None:
    table = tables_of(SEED)["income"]
    assert table.columns[2:] == (
        "本年收入合计",
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
    )
    assert table.rows[0].cells == ("", "合计", "55.19", "55.19", *("0.00",) * 5)
    assert all(cell == "" for row in table.rows[1:] for cell in row.cells[2:])


def test_the_seed_general_budget_table_shows_published_and_rolled_up_cells() -> None:
    table = tables_of(SEED)["general_budget"]
    assert table.columns == ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
    assert row_named(table, "206")[2:] == ("54.17", "53.04", "1.13")
    assert row_named(table, "208")[2:] == ("4.47", "4.47", "0.00")
    assert row_named(table, "2060199")[2:] == ("0.00", "", "")
    assert table.rows[-1].cells == ("", "合计", "58.64", "57.51", "1.13")  # 合计 last
    assert table.rows[-1].emphasis == "total"


def test_the_seed_fiscal_table() -> None:
    table = tables_of(SEED)["fiscal"]
    assert len(table.columns) == 7
    assert table.rows[0].cells[:2] == ("一、一般公共预算财政拨款", "55.19")
    assert row_named(table, "六、科学技术支出", 2)[3:] == ("54.17", "54.17", "", "")
    assert row_named(table, "本年收入合计") == (
        "本年收入合计",
        "55.19",
        "本年支出合计",
        "58.64",
        "58.64",
        "",
        "",
    )
    assert row_named(table, "年初财政拨款结转和结余")[:2] == ("年初财政拨款结转和结余", "3.45")
    assert row_named(table, "总计")[:5] == ("总计", "58.64", "总计", "58.64", "58.64")


def test_the_seed_basic_expenditure_table() -> None:
    table = tables_of(SEED)["general_budget_basic"]
    assert table.columns == ("科目编码", "科目名称", "决算数") * 2
    assert table.rows[-1].cells == ("", "人员经费合计", "52.52", "", "公用经费合计", "4.99")
    left = [row.cells[0] for row in table.rows[:-1] if row.cells[0]]
    right = [row.cells[3] for row in table.rows[:-1] if row.cells[3]]
    assert all(code[:3] in {"301", "303"} for code in left)
    assert all(code[:3] in {"302", "310"} for code in right)
    # The seed names items without their classes: the classes head their items.
    assert left[0] == "301" and "303" in left and right[0] == "302"
    assert row_named(table, "30101")[1:3] == ("基本工资", "")


def test_the_seed_three_public_table_is_all_zero() -> None:
    table = tables_of(SEED)["three_public"]
    assert len(table.columns) == 12
    assert table.columns[:2] == ("合计：预算数", "合计：决算数")
    assert [row.cells for row in table.rows] == [("0.00",) * 12]


@pytest.mark.parametrize(
    ("key", "note"),
    [
        (
            "government_fund",
            "本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余，本表为空表。",
        ),
        (
            "state_capital",
            "本单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余，本表为空表。",
        ),
    ],
)
def test_the_seed_fund_tables_are_empty_with_their_note(key: str, note: str) -> None:
    table = tables_of(SEED)[key]
    assert table.rows == ()
    assert table.notes[-1] == note
    assert table.notes[0].startswith("注：本表反映部门本年度")
    assert len(table.columns) == 8


def test_a_fund_with_lines_has_its_total_first_and_only_its_lines() -> None:
    tables = tables_of(base_report())
    fund = tables["government_fund"]
    assert fund.rows[0].cells == ("", "合计", "0.00", "8.00", "8.00", "0.00", "8.00", "0.00")
    assert [row.cells[0] for row in fund.rows[1:]] == ["212", "21208", "2120801"]
    assert len(fund.notes) == 1
    general = tables["general_budget"]
    assert "212" not in [row.cells[0] for row in general.rows]
    assert tables["state_capital"].rows == ()


# -- structure -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_nine_tables_in_the_template_order(lang: str) -> None:
    tables = build_tables(SEED, lang)
    assert tuple(table.key for table in tables) == TABLE_KEYS
    assert len(tables) == 9
    if lang == "zh":
        assert tuple(table.title for table in tables) == TITLES_ZH
    assert all(table.notes for table in tables)
    assert len({table.title for table in tables}) == 9


def test_english_tables_translate_titles_headers_labels_and_unit() -> None:
    tables = tables_of(SEED, "en")
    total = tables["income_expenditure"]
    assert total.title == "Summary Statement of Income and Expenditure"
    assert total.unit == "Unit: 10,000 yuan"
    assert row_named(total, "Total income for the year")[1] == "55.19"
    assert row_named(total, "6. Science and technology", 2)[3] == "54.48"
    assert total.notes[0].startswith("Note: ")
    assert tables["expenditure"].columns[2] == "Total expenditure for the year"
    assert tables["general_budget_basic"].rows[-1].cells[1] == "Total personnel costs"
    no_chinese_labels = [
        cell
        for table in tables.values()
        for cell in (table.title, table.unit or "", *table.columns)
    ]
    assert not any(re.search(r"[\u4e00-\u9fff]", text) for text in no_chinese_labels)


@pytest.mark.parametrize(("unit", "zh", "en"), [(AmountUnit.YUAN, "单位：元", "Unit: yuan")])
def test_the_unit_line_follows_the_reports_amount_unit(unit: AmountUnit, zh: str, en: str) -> None:
    report = attrs.evolve(SEED, unit=attrs.evolve(SEED.unit, amount_unit=unit))
    assert {table.unit for table in build_tables(report)} == {zh}
    assert {table.unit for table in build_tables(report, "en")} == {en}


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(RenderError, match="lang"):
        build_tables(SEED, "fr")
    assert issubclass(RenderError, govfinal.GovFinalError)


def test_titled_tables_head_the_tables_with_the_unit_and_year() -> None:
    blocks = titled_tables(SEED)
    heading = blocks[0]
    assert getattr(heading, "text", "") == f"{SEED.unit.name}2023年度部门决算表"
    assert blocks[1:] == build_tables(SEED)


def _unit() -> BudgetUnit:
    return BudgetUnit(name="示例单位", fiscal_year=2024)


def test_amounts_are_rounded_half_up_with_thousands_separators() -> None:
    report = FinalAccount(
        unit=_unit(),
        income=Income(
            sources=IncomeSources(general_budget="0.125", other="12345.675"),
            opening_balance="2.5",
        ),
        expenditure=Expenditure(nature=NatureAmounts(basic="0.125", project="0.005")),
        functions=FunctionTree(
            [
                FunctionLine("201", "一般公共服务支出"),
                FunctionLine(
                    "2010101",
                    "行政运行",
                    expenditure=NatureAmounts(basic="0.125", project="0.005"),
                    general_budget=FundAmounts(basic="1234567.895"),
                ),
                FunctionLine("20101", "人大事务"),
            ]
        ),
    )
    tables = tables_of(report)
    total = tables["income_expenditure"]
    assert row_named(total, "一、一般公共预算财政拨款收入")[1] == "0.13"
    assert row_named(total, "八、其他收入")[1] == "12,345.68"
    assert row_named(total, "本年收入合计")[1] == "12,345.80"
    assert row_named(total, "年初结转和结余")[1] == "2.5"  # published with one decimal
    expenditure = tables["expenditure"]
    assert row_named(expenditure, "2010101")[2:5] == ("0.13", "0.13", "0.01")
    assert row_named(tables["general_budget"], "201")[3] == "1,234,567.90"
    every_cell = [cell for table in tables.values() for row in table.rows for cell in row.cells]
    assert "0.12" not in every_cell
    assert "0.125" not in every_cell


def test_a_blank_class_shows_the_sum_of_its_children_and_blank_cells_stay_blank() -> None:
    report = FinalAccount(
        unit=_unit(),
        functions=FunctionTree(
            [
                FunctionLine("208", "社会保障和就业支出"),
                FunctionLine("20805", "行政事业单位养老支出"),
                FunctionLine("2080505", "养老保险缴费", expenditure=NatureAmounts(basic="3.00")),
                FunctionLine("2080506", "职业年金缴费", expenditure=NatureAmounts(basic="1.50")),
            ]
        ),
    )
    table = tables_of(report)["expenditure"]
    assert row_named(table, "208")[2:5] == ("4.50", "4.50", "")
    assert row_named(table, "20805")[2:5] == ("4.50", "4.50", "")
    assert row_named(table, "2080506")[2:] == ("1.50", "1.50", "", "", "", "")


def test_economic_classes_without_amounts_show_the_sum_of_their_items() -> None:
    report = FinalAccount(
        unit=_unit(),
        general_budget_basic=BasicExpenditureDetail(
            lines=[
                EconomicLine("30101", "基本工资", "2.00"),
                EconomicLine("30102", "津贴补贴", "1.00"),
                EconomicLine("302", "商品和服务支出"),
                EconomicLine("30201", "办公费", "0.50"),
                EconomicLine("399", "其他支出", "0.25"),
            ]
        ),
    )
    table = tables_of(report)["general_budget_basic"]
    assert table.rows[0].cells == ("301", "工资福利支出", "3.00", "302", "商品和服务支出", "0.50")
    assert table.rows[2].cells[3:] == ("399", "其他支出", "0.25")  # outside both groups: right
    assert table.rows[-1].cells == ("", "人员经费合计", "3.00", "", "公用经费合计", "0.50")


def test_chinese_ordinals() -> None:
    assert [chinese_ordinal(n) for n in (1, 9, 10, 12, 20, 21, 99, 100)] == [
        "一",
        "九",
        "十",
        "十二",
        "二十",
        "二十一",
        "九十九",
        "100",
    ]


def test_amount_cells_and_numeric_columns() -> None:
    assert is_amount_cell("0.00") and is_amount_cell("1,234.56") and is_amount_cell("-2.5")
    assert not is_amount_cell("2060101") and not is_amount_cell("合计") and not is_amount_cell("")
    table = tables_of(SEED)["general_budget"]
    assert numeric_columns(table) == (False, False, True, True, True)


# -- properties ------------------------------------------------------------------------

_AMOUNT_2 = re.compile(r"-?\d{1,3}(,\d{3})*\.\d{2}")


def _check_shape(tables: tuple[Table, ...]) -> None:
    assert tuple(table.key for table in tables) == TABLE_KEYS
    for table in tables:
        assert table.columns
        for row in table.rows:
            assert len(row.cells) == len(table.columns), (table.key, row.cells)
            assert row.emphasis in {"", "total", "group"}


@given(
    report=st.one_of(final_accounts(), complete_final_accounts(), arbitrary_final_accounts()),
    lang=st.sampled_from(["zh", "en"]),
)
def test_build_tables_never_raises_and_every_row_fills_every_column(
    report: FinalAccount, lang: str
) -> None:
    _check_shape(build_tables(report, lang))


@given(report=st.one_of(final_accounts(), complete_final_accounts()))
def test_every_amount_of_a_two_place_report_shows_two_places(report: FinalAccount) -> None:
    for table in build_tables(report):
        numeric = numeric_columns(table)
        for row in table.rows:
            for cell, is_numeric in zip(row.cells, numeric, strict=True):
                if is_numeric and cell:
                    assert _AMOUNT_2.fullmatch(cell), (table.key, cell)


def _half_up(value: Decimal) -> str:
    """The oracle: quantize half-up, then Python's own grouping (independent of babel)."""
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"


@given(report=unrounded_final_accounts())
def test_unrounded_amounts_are_shown_rounded_half_up(report: FinalAccount) -> None:
    tables = tables_of(report)
    total = tables["income_expenditure"]
    sources = report.income.sources
    assert row_named(total, "本年收入合计")[1] == _half_up(sources.total)
    assert row_named(total, "总计")[1] == _half_up(report.income.grand_total)
    assert row_named(total, "一、一般公共预算财政拨款收入")[1] == _half_up(sources.general_budget)
    expenditure = tables["expenditure"]
    assert expenditure.rows[0].cells[2] == _half_up(report.expenditure.total)
    tree = report.functions
    for row in expenditure.rows[1:]:
        line = tree[row.cells[0]]
        value = tree.rollup(
            line.code, lambda item: None if item.expenditure is None else item.expenditure.total
        )
        assert row.cells[2] == ("" if value is None else _half_up(value))
