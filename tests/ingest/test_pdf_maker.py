"""The ruled-PDF writer of tests/ingest/pdf_maker.py, read back with pdfplumber.

The written PDF must say what govfinal renders: the nine titles in order, and
every cell of the rendered tables (amounts exactly, blanks blank) in the
grids pdfplumber finds with its lines strategy. The options for PDF pitfalls
must do what they say: digits really lower, tables really split, an empty
grid really empty, narrative really wrapped.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import govfinal
from govfinal import FinalAccount
from govfinal.render.document import Table
from govfinal.render.tables import build_tables, is_amount_cell
from tests.ingest.pdf_maker import write_tables_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "data"
REPORTS = ("putuo_caizhengju_2024", "kexie_2023")
LINES: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
TITLES = (
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
HEADER_ROWS = {
    "income_expenditure": 2,
    "income": 3,
    "expenditure": 3,
    "fiscal": 2,
    "general_budget": 2,
    "general_budget_basic": 1,
    "three_public": 4,
    "government_fund": 3,
    "state_capital": 3,
}
"""Header rows of each table as the template draws them (merged cells included)."""
FUNCTION_TABLES = ("income", "expenditure", "general_budget", "government_fund", "state_capital")
"""Tables with 科目编码 and 科目名称 columns before their amounts."""
DIGITS = frozenset("0123456789,.")
Writer = Callable[..., Path]
"""Writes the Putuo report with the options given, giving the PDF's path."""


# -- reading a PDF back ----------------------------------------------------------------


@dataclass
class Grid:
    """A grid pdfplumber found: its page and its rows (merged and blank cells as "")."""

    page: int
    rows: list[list[str]]


@dataclass
class Reading:
    """A PDF read back: each page's text lines, and each table's grids (title first)."""

    pages: list[list[str]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    title_pages: list[int] = field(default_factory=list)
    grids: dict[str, list[Grid]] = field(default_factory=dict)
    orphans: list[Grid] = field(default_factory=list)
    """Grids before any title (none expected)."""


@functools.cache
def read(path: Path, first: int = 0) -> Reading:
    """Read ``path`` from page ``first`` on: text lines, titles, and the grids under each title.

    A grid belongs to the nearest title above it on its page; a grid with no
    title above it continues the last table. Each PDF is read once.
    """
    reading = Reading()  # pages: from page ``first`` on
    current: str | None = None
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages[first:], start=first):
            lines = page.extract_text_lines()
            reading.pages.append([line["text"] for line in lines])
            titles = [(line["top"], line["text"]) for line in lines if line["text"] in TITLES]
            for _, title in titles:
                reading.titles.append(title)
                reading.title_pages.append(number)
            tables = sorted(page.find_tables(LINES), key=lambda table: table.bbox[1])
            for table in tables:
                above = [title for top, title in titles if top < table.bbox[1]]
                if above:
                    current = above[-1]
                grid = Grid(number, [[cell or "" for cell in row] for row in table.extract()])
                if current is None:
                    reading.orphans.append(grid)
                else:
                    reading.grids.setdefault(current, []).append(grid)
    return reading


def body_rows(table: Table, grids: Sequence[Grid]) -> list[list[str]]:
    """The body rows of a table read back: its grids' rows less the header rows."""
    rows = [row for grid in grids for row in grid.rows]
    return rows[HEADER_ROWS[table.key] :]


def texts(cells: Sequence[str]) -> list[str]:
    """The filled cells of a row, the 类/款/项 parts of a code joined, wraps undone."""
    filled = [cell.replace("\n", "") for cell in cells if cell]
    code = ""
    while filled and filled[0].isdigit():
        code += filled.pop(0)
    return [code, *filled] if code else filled


def load(name: str) -> FinalAccount:
    """A bundled example report."""
    return govfinal.load(EXAMPLES / f"{name}.toml")


@pytest.fixture(scope="module", params=REPORTS)
def example(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[tuple[Table, ...], Reading]:
    """An example report's rendered tables and its PDF read back."""
    report = load(request.param)
    path = tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf"
    write_tables_pdf(report, path)
    return build_tables(report), read(path)


@pytest.fixture(scope="module")
def putuo() -> FinalAccount:
    """The Putuo finance bureau's 2024 report."""
    return load("putuo_caizhengju_2024")


# -- what the PDF says -------------------------------------------------------------------


def test_nine_titles_in_order(example: tuple[tuple[Table, ...], Reading]) -> None:
    tables, reading = example
    assert reading.titles == [table.title for table in tables] == list(TITLES)
    assert not reading.orphans
    units = [line for page in reading.pages for line in page if line == "单位：万元"]
    assert len(units) == 9
    text = "".join(line for page in reading.pages for line in page)
    assert all(note in text for table in tables for note in table.notes)


def test_every_amount_in_the_grid_cells(example: tuple[tuple[Table, ...], Reading]) -> None:
    tables, reading = example
    checked = 0
    for table in tables:
        rows = body_rows(table, reading.grids[table.title])
        assert len(rows) == len(table.rows), table.key
        for drawn, rendered in zip(rows, table.rows, strict=True):
            expected = list(rendered.cells)
            if table.key in FUNCTION_TABLES:  # the code is split, the 合计 label merged
                amounts = len(expected) - 2
                assert drawn[-amounts:] == expected[2:], table.key
                assert texts(drawn) == texts(expected), table.key
            else:
                assert drawn == expected, table.key
            checked += sum(is_amount_cell(cell) for cell in expected)
    assert checked == sum(
        is_amount_cell(cell) for table in tables for row in table.rows for cell in row.cells
    )
    assert checked > 50


def test_amounts_have_thousands_separators(example: tuple[tuple[Table, ...], Reading]) -> None:
    tables, reading = example
    drawn = {
        cell
        for grids in reading.grids.values()
        for grid in grids
        for row in grid.rows
        for cell in row
        if is_amount_cell(cell)
    }
    rendered = {
        cell for table in tables for row in table.rows for cell in row.cells if is_amount_cell(cell)
    }
    assert drawn == rendered
    large = [cell for cell in drawn if abs(float(cell.replace(",", ""))) >= 1000]
    assert all("," in cell for cell in large)


def test_headers_merged_as_the_template(example: tuple[tuple[Table, ...], Reading]) -> None:
    tables, reading = example
    first = {table.key: reading.grids[table.title][0].rows for table in tables}
    assert first["income_expenditure"][:2] == [
        ["收入", "", "支出", ""],
        ["项目", "决算数", "项目", "决算数"],
    ]
    assert first["income"][0][:4] == ["项目", "", "", ""]
    assert first["income"][2][:3] == ["类", "款", "项"]
    assert first["general_budget"][1][:2] == ["功能分类科目编码", "科目名称"]
    assert first["three_public"][0] == ["财政拨款“三公”经费"] + [""] * 11
    assert first["three_public"][3] == ["预算数", "决算数"] * 6
    assert first["government_fund"][0][6:9] == ["本年支出", "", ""]


# -- the options -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def putuo_pdf(tmp_path_factory: pytest.TempPathFactory) -> Writer:
    """Write the Putuo report with options (each variant once), giving the PDF's path."""
    report = load("putuo_caizhengju_2024")
    folder = tmp_path_factory.mktemp("putuo")
    written: dict[str, Path] = {}

    def write(**options: Any) -> Path:
        name = "-".join(f"{key}={value}" for key, value in sorted(options.items())) or "plain"
        if name not in written:
            path = folder / f"{len(written)}.pdf"
            write_tables_pdf(report, path, **options)
            written[name] = path
        return written[name]

    return write


def test_tables_share_a_page(putuo_pdf: Writer) -> None:
    reading = read(putuo_pdf())
    pages = reading.title_pages
    assert any(pages.count(page) > 1 for page in pages)
    assert pages == sorted(pages)


@pytest.mark.parametrize("offset", [0.0, 4.9])
def test_digit_offset(putuo_pdf: Writer, offset: float) -> None:
    rows = 0
    with pdfplumber.open(putuo_pdf(digit_offset=offset)) as pdf:
        for page in pdf.pages:
            for table in page.find_tables(LINES):
                for row in table.rows:
                    _, top, _, bottom = row.bbox
                    chars = [c for c in page.chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom]
                    chinese = {round(c["top"], 3) for c in chars if ord(c["text"]) > 0x2E80}
                    digits = {round(c["top"], 3) for c in chars if c["text"] in DIGITS}
                    if len(chinese) != 1 or not digits:
                        continue  # a row without both, or with wrapped names
                    (line,) = chinese
                    assert digits == {round(line + offset, 3)}
                    rows += 1
        heading = [c for c in pdf.pages[0].chars if c["top"] < 80]  # 第二部分 …2024年度…
        chinese = {round(c["top"], 3) for c in heading if ord(c["text"]) > 0x2E80}
        digits = {round(c["top"], 3) for c in heading if c["text"] in DIGITS}
        assert len(chinese) == 1 and digits == {round(min(chinese) + offset, 3)}
    assert rows > 40


def test_split_rows_continues_without_title(putuo_pdf: Writer) -> None:
    reading = read(putuo_pdf(split_rows=5))
    tables = build_tables(load("putuo_caizhengju_2024"))
    assert reading.titles == list(TITLES)
    income = next(table for table in tables if table.key == "income")
    grids = reading.grids[income.title]
    assert len(income.rows) == 20
    assert len(grids) == 4  # 20 rows, 5 a page
    assert [grid.page for grid in grids] == list(range(grids[0].page, grids[0].page + 4))
    assert len(grids[0].rows) == HEADER_ROWS["income"] + 5
    for number, grid in enumerate(grids[1:], start=1):
        assert income.title not in reading.pages[grid.page]
        assert not set(reading.pages[grid.page]) & set(TITLES)
        assert grid.rows[0][0] != "项目"  # no header repeated
        rendered = income.rows[5 * number : 5 * number + 5]
        assert [row[-7:] for row in grid.rows] == [list(row.cells[2:]) for row in rendered]
    for table in tables:  # every table still whole, each page at most five rows
        assert len(body_rows(table, reading.grids[table.title])) == len(table.rows)
        assert all(len(grid.rows) <= 5 for grid in reading.grids[table.title][1:])


def test_split_rows_must_be_positive(putuo: FinalAccount, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="split_rows"):
        write_tables_pdf(putuo, tmp_path / "bad.pdf", split_rows=0)


def test_empty_grid(putuo_pdf: Writer) -> None:
    plain = read(putuo_pdf())
    reading = read(putuo_pdf(empty_grid=True))
    assert len(reading.pages) == len(plain.pages) + 1
    fiscal = reading.grids["财政拨款收入支出决算总表"]
    empty = fiscal[-1]  # no title above it: it reads as a continuation
    assert empty.rows == [[""] * 7]
    assert empty.page == fiscal[-2].page + 1
    assert fiscal[-2].rows[-1][0] == "总计"
    assert reading.pages[empty.page] == []
    with pdfplumber.open(putuo_pdf(empty_grid=True)) as pdf:
        page = pdf.pages[empty.page]
        assert not page.chars
        assert len(page.lines) == 2 * 7 + 8  # each cell's top and bottom, 8 rules across


def test_narrative_pages(putuo_pdf: Writer) -> None:
    paragraphs = [
        "上海市普陀区财政局2024年度收入支出总计2,995.39万元。" * 6,
        "编号" + "1234567890" * 20,
        "第三段。",
    ]
    first = len(read(putuo_pdf()).pages)
    pages = read(putuo_pdf(narrative=paragraphs), first).pages
    assert pages and not {line for page in pages for line in page} & set(TITLES)
    lines = [line for page in pages for line in page]
    assert lines[0] == "第三部分 上海市普陀区财政局2024年度部门决算情况说明"
    text = lines[1:]
    assert "".join(text) == "".join(paragraphs)
    assert len(text) > len(paragraphs) + 3  # wrapped
    split = [
        i for i in range(len(text) - 1) if text[i][-1:].isdigit() and text[i + 1][:1].isdigit()
    ]
    assert split  # a number broken across lines


def test_narrative_runs_over_pages(putuo_pdf: Writer) -> None:
    paragraphs = [f"第{number}段。" + "说明文字" * 30 for number in range(1, 31)]
    first = len(read(putuo_pdf()).pages)
    pages = read(putuo_pdf(narrative=paragraphs), first).pages
    assert len(pages) >= 2
    lines = [line for page in pages for line in page]
    assert lines[0].startswith("第三部分 ")
    assert "".join(lines[1:]) == "".join(paragraphs)
