"""Table layouts other units print: read right, or listed as not found, never read wrong.

The grids are built here cell by cell (no PDF), as :mod:`govfinal.ingest.pages`
gives them: rows of cell texts, each cell with its box.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govfinal.ingest.layout import find_tables
from govfinal.ingest.pages import Grid, Page
from govfinal.ingest.readings import Readings, TextLine
from govfinal.ingest.tables import read_tables

WIDTH = Decimal(60)
ROW = Decimal(20)


def _grid(page: int, rows: Sequence[Sequence[str]], top: int = 100) -> Grid:
    """A grid of plain cells, each ``WIDTH`` by ``ROW`` points, from ``top`` down."""
    boxes = tuple(
        tuple(
            (WIDTH * column, top + ROW * row, WIDTH * (column + 1), top + ROW * (row + 1))
            for column in range(len(cells))
        )
        for row, cells in enumerate(rows)
    )
    cells = tuple(tuple(cells) for cells in rows)
    bbox = (Decimal(0), Decimal(top), WIDTH * len(rows[0]), top + ROW * len(rows))
    return Grid(page, bbox, cells, boxes)


def _page(number: int, title: str | None, *grids: Grid) -> Page:
    lines = ()
    if title is not None:
        lines = (TextLine(title, number, 1, (Decimal(0), Decimal(60), Decimal(300), Decimal(75))),)
    return Page(number, lines, grids, 100)


def _read(*pages: Page) -> Readings:
    return read_tables(pages, file="r.pdf", family="shanghai_2024")


def _facts(readings: Readings) -> dict[str, Decimal | int | str | tuple[str, ...]]:
    return {fact.address: fact.value for fact in readings.facts if not fact.restates}


def test_row_numbers_and_budget_columns_are_not_read_as_the_final_figure() -> None:
    grid = _grid(
        1,
        [
            ["项目", "行次", "预算数", "决算数", "项目", "行次", "决算数"],
            [
                "一般公共预算财政拨款收入",
                "1",
                "3,000.00",
                "2,940.05",
                "一般公共服务支出",
                "31",
                "2,106.66",
            ],
            ["本年收入合计", "12", "3,000.00", "2,940.05", "本年支出合计", "55", "2,106.66"],
        ],
    )
    readings = _read(_page(1, "收入支出决算总表", grid))
    facts = _facts(readings)
    assert facts["income.sources.general_budget"] == Decimal("2940.05")
    assert facts["income.sources.stated_total"] == Decimal("2940.05")
    assert facts["expenditure.classes[201].amount"] == Decimal("2106.66")
    budgets = [item for item in readings.missing if item.source and item.source.text == "3,000.00"]
    assert len(budgets) == 2  # the 预算数 column is listed, not read


def test_fund_rows_under_an_unknown_opening_row_are_not_read_as_income() -> None:
    grid = _grid(
        1,
        [
            ["项目", "决算数", "项目", "合计"],
            ["一般公共预算财政拨款", "2,940.05", "一般公共服务支出", "2,940.05"],
            ["政府性基金预算财政拨款", "", "", ""],
            ["本年收入合计", "2,940.05", "本年支出合计", "2,940.05"],
            ["年初财政拨款结转结余", "21.63", "", ""],  # not the template's wording
            ["一般公共预算财政拨款", "21.63", "", ""],
            ["政府性基金预算财政拨款", "10.00", "", ""],
        ],
    )
    readings = _read(_page(1, "财政拨款收入支出决算总表", grid))
    facts = _facts(readings)
    assert facts["fiscal.general_budget.income"] == Decimal("2940.05")
    assert "fiscal.government_fund.income" not in facts
    assert "fiscal.general_budget.opening" not in facts
    listed = {item.source.row for item in readings.missing if item.source is not None}
    assert {"年初财政拨款结转结余", "一般公共预算财政拨款", "政府性基金预算财政拨款"} <= listed


def test_a_sub_column_is_not_read_as_its_neighbours_total() -> None:
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "基本支出", "基本支出", "项目支出"],
        ["", "", "", "小计", "人员经费", "公用经费", ""],
        ["201", "一般公共服务支出", "100.00", "80.00", "70.00", "10.00", "20.00"],
    ]
    readings = _read(_page(1, "一般公共预算财政拨款支出决算表", _grid(1, rows)))
    facts = _facts(readings)
    assert facts["functions[201].general_budget.stated_expenditure"] == Decimal("100.00")
    assert facts["functions[201].general_budget.project"] == Decimal("20.00")
    assert (
        facts.get("functions[201].general_budget.basic") is None
    )  # 基本支出 is split: not guessed


def test_split_codes_with_a_gap_give_no_line() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "本年支出合计"],
        ["201", "", "", "一般公共服务支出", "100.00"],
        ["201", "", "01", "行政运行", "100.00"],
        ["", "06", "", "财政事务", "100.00"],
    ]
    readings = _read(_page(1, "支出决算表", _grid(1, rows)))
    facts = _facts(readings)
    assert facts["functions[201].expenditure.stated_total"] == Decimal("100.00")
    assert [
        address for address in facts if address.startswith("functions[") and "201]" not in address
    ] == []
    assert len([item for item in readings.missing if item.source is not None]) == 2


def test_a_title_with_the_units_name_and_table_number_is_found() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "本年支出合计"],
        ["201", "", "", "一般公共服务支出", "100.00"],
    ]
    title = "公开03表 上海市普陀区某某局2024年度部门支出决算表 单位：万元"
    facts = _facts(_read(_page(1, title, _grid(1, rows))))
    assert facts["functions[201].expenditure.stated_total"] == Decimal("100.00")


def test_a_grid_under_another_title_or_out_of_place_is_not_a_continuation() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "本年支出合计"],
        ["201", "", "", "一般公共服务支出", "100.00"],
    ]
    other = [["类", "款", "项", "科目名称", "本年支出合计"], ["205", "", "", "教育支出", "50.00"]]
    pages = (
        _page(1, "支出决算表", _grid(1, rows)),
        _page(2, "项目支出绩效自评表", _grid(2, other)),  # an unknown table's title
        _page(4, None, _grid(4, other)),  # not on the page after the table's
    )
    found, skipped = find_tables(pages, ["支出决算表"])
    assert [table.title for table in found] == ["支出决算表"]
    assert [grid.grid.page for grid in skipped] == [2, 4]
    readings = _read(*pages)
    assert "functions[205].expenditure.stated_total" not in _facts(readings)


def test_a_title_less_grid_at_the_top_of_the_next_page_continues_the_table() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "本年支出合计"],
        ["201", "", "", "一般公共服务支出", "100.00"],
    ]
    more = [["205", "", "", "教育支出", "50.00"]]
    facts = _facts(
        _read(_page(1, "支出决算表", _grid(1, rows)), _page(2, None, _grid(2, more, top=40)))
    )
    assert facts["functions[205].expenditure.stated_total"] == Decimal("50.00")


def test_the_three_public_table_reads_whole_numbers() -> None:
    rows = [
        ["合计", "合计", "公务接待费", "公务接待费"],
        ["预算数", "决算数", "预算数", "决算数"],
        ["12", "0", "12", "0"],
    ]
    facts = _facts(_read(_page(1, "财政拨款“三公”经费支出决算表", _grid(1, rows))))
    assert facts["three_public.total.budget.budget"] == Decimal("12")
    assert facts["three_public.reception.amount"] == Decimal("0")


def test_a_family_without_table_specifications_reads_no_table_and_says_so() -> None:
    rows = [
        ["类", "款", "项", "科目名称", "本年支出合计"],
        ["201", "", "", "一般公共服务支出", "100.00"],
    ]
    readings = read_tables(
        [_page(1, "支出决算表", _grid(1, rows))], file="r.pdf", family="xinjiang_2023"
    )
    assert readings.facts == []
    assert [item.part for item in readings.missing] == ["表格"]
