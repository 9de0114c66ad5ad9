"""The renderers: text, Markdown, HTML, CSV and Excel.

Goldens for the seed and the base report (see tests/render/__init__.py for how
to regenerate them on purpose), then the properties each format must have
whatever the report: aligned text, regular Markdown tables, escaped and
well-formed HTML, CSV that reads back, Excel sheets that read back.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kexie_2023 import build_report

import govfinal
from govfinal import FinalAccount, FunctionLine, FunctionTree, NatureAmounts
from govfinal.render import csv_out, markdown, text, xlsx
from govfinal.render import html as html_out
from govfinal.render.document import Block, Heading, Paragraph, Table, TableRow
from govfinal.render.tables import TABLE_KEYS, build_tables, titled_tables
from tests.checks.base import base_report
from tests.render import assert_golden
from tests.strategies import final_accounts

REPORTS: dict[str, Callable[[], FinalAccount]] = {"seed": build_report, "base": base_report}

RENDERERS: dict[str, Callable[..., str]] = {
    "txt": text.render_blocks,
    "md": markdown.render_blocks,
    "html": html_out.render_blocks,
}

SEED = build_report()


# -- goldens ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(RENDERERS))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_each_renderer_matches_its_golden_file(name: str, lang: str, suffix: str) -> None:
    blocks = titled_tables(REPORTS[name](), lang)
    rendered = RENDERERS[suffix](blocks, lang=lang)
    assert_golden(f"render/{name}_{lang}.{suffix}", rendered.encode("utf-8"))


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_the_csv_files_match_their_golden_files(name: str, tmp_path: Path) -> None:
    paths = csv_out.write_csv(build_tables(REPORTS[name]()), tmp_path)
    assert [path.name for path in paths] == [
        f"{index:02d}_{key}.csv" for index, key in enumerate(TABLE_KEYS, start=1)
    ]
    for path in paths:
        assert_golden(f"csv/{name}_zh/{path.name}", path.read_bytes())


# -- text ------------------------------------------------------------------------------


def _table_boxes(rendered: str) -> list[list[str]]:
    """The boxes of a text rendering: runs of consecutive lines starting with + or |."""
    boxes: list[list[str]] = []
    current: list[str] = []
    for line in rendered.splitlines():
        if line.startswith(("+", "|")):
            current.append(line)
        elif current:
            boxes.append(current)
            current = []
    if current:
        boxes.append(current)
    return boxes


def _check_text_alignment(rendered: str, count: int) -> None:
    boxes = _table_boxes(rendered)
    assert len(boxes) == count
    for box in boxes:
        widths = {text.display_width(line) for line in box}
        assert len(widths) == 1, box
        # Column separators stand at the same display columns on every line.
        positions = {
            tuple(
                text.display_width(line[:index]) for index, char in enumerate(line) if char in "+|"
            )
            for line in box
        }
        assert len(positions) == 1, box


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_text_tables_align_in_display_width(name: str, lang: str) -> None:
    rendered = text.render_blocks(titled_tables(REPORTS[name](), lang), lang=lang)
    _check_text_alignment(rendered, 9)


def test_text_layout_of_headings_paragraphs_unit_and_notes() -> None:
    table = Table(
        "表一",
        ["项目", "金额"],
        [TableRow(["收入", "1.00"]), TableRow(["合计", "1,001.00"], "total")],
        unit="单位：万元",
        notes=["注：示例。"],
        key="demo",
    )
    blocks: list[Block] = [Heading("第一部分"), Heading("一、概况", 2), Paragraph("正文。"), table]
    assert text.render_blocks(blocks) == (
        "第一部分\n"
        "\n"
        "一、概况\n"
        "正文。\n"
        "\n"
        "表一\n"
        "         单位：万元\n"
        "+------+----------+\n"
        "| 项目 |     金额 |\n"
        "+======+==========+\n"
        "| 收入 |     1.00 |\n"
        "| 合计 | 1,001.00 |\n"
        "+------+----------+\n"
        "注：示例。\n"
    )


def test_text_wraps_long_headers_and_keeps_punctuation_on_its_line() -> None:
    table = Table(
        "表", ["对附属单位补助支出", "因公出国（境）费：预算数"], [TableRow(["0.00", "0.00"])]
    )
    rendered = text.render_blocks([table])
    assert "| 对附属单位 | 因公出国（境） |" in rendered
    assert "|   补助支出 |     费：预算数 |" in rendered
    _check_text_alignment(rendered, 1)


# -- Markdown --------------------------------------------------------------------------

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _markdown_tables(rendered: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in rendered.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_markdown_tables_have_as_many_cells_in_every_row(name: str, lang: str) -> None:
    tables = build_tables(REPORTS[name](), lang)
    rendered = markdown.render_blocks(tables, lang=lang)
    found = _markdown_tables(rendered)
    assert len(found) == 9
    for table, lines in zip(tables, found, strict=True):
        counts = {len(_UNESCAPED_PIPE.split(line)) - 2 for line in lines}
        assert counts == {len(table.columns)}
        assert len(lines) == 2 + len(table.rows)
        assert re.fullmatch(r"\| (-{3}:?)( \| -{3}:?)* \|", lines[1])


def test_markdown_escapes_pipes_and_markup() -> None:
    table = Table("表|1", ["a|b", "c"], [TableRow(["x|y", "*z*"])], unit="单位：万元")
    rendered = markdown.render_blocks([Heading("标题 <b>"), Paragraph("# 非标题"), table])
    assert rendered.startswith("# 标题 \\<b\\>\n\n\\# 非标题\n\n**表\\|1**\n\n单位：万元\n\n")
    assert "| a\\|b | c |" in rendered
    assert "| x\\|y | \\*z\\* |" in rendered
    for line in _markdown_tables(rendered)[0]:
        assert len(_UNESCAPED_PIPE.split(line)) - 2 == 2


def test_markdown_headings_by_level() -> None:
    blocks: list[Block] = [Heading("一", 1), Heading("二", 2), Heading("三", 3)]
    assert markdown.render_blocks(blocks) == "# 一\n\n## 二\n\n### 三\n"


# -- HTML ------------------------------------------------------------------------------

_VOID = {"meta", "br", "link", "img", "hr", "input", "col", "wbr"}


class _StrictParser(HTMLParser):
    """Records the document's structure and every nesting error."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.doctype: str | None = None
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.data.append(data)


def _parse(document: str) -> _StrictParser:
    parser = _StrictParser()
    parser.feed(document)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    assert parser.doctype == "DOCTYPE html"
    return parser


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_html_is_a_complete_well_formed_document(name: str, lang: str) -> None:
    report = REPORTS[name]()
    document = html_out.render_blocks(titled_tables(report, lang), lang=lang)
    parser = _parse(document)
    names = [tag for tag, _ in parser.tags]
    assert names[:3] == ["html", "head", "meta"]
    assert parser.tags[0][1] == {"lang": "zh-CN" if lang == "zh" else "en"}
    assert ("meta", {"charset": "utf-8"}) in parser.tags
    assert names.count("title") == 1 and names.count("style") == 1
    assert names.count("table") == names.count("caption") == 9
    assert names.count("thead") == names.count("tbody") == 9
    assert ("tr", {"class": "total"}) in parser.tags
    assert f"<title>{report.unit.name}" in document


def test_html_escapes_every_text() -> None:
    name = "<script>alert('x')</script> & 局"
    report = attrs.evolve(
        SEED,
        unit=attrs.evolve(SEED.unit, name=name),
        functions=FunctionTree(
            [
                *SEED.functions,
                FunctionLine("2089999", "其他<b>支出</b>", expenditure=NatureAmounts(basic="1.00")),
            ]
        ),
    )
    document = html_out.render_blocks(titled_tables(report))
    assert "<script>" not in document and "<b>" not in document
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; 局" in document
    assert "其他&lt;b&gt;支出&lt;/b&gt;" in document
    parser = _parse(document)
    assert name + "2023年度部门决算表" in "".join(parser.data)


def test_html_ids_are_unique_and_rows_are_classed() -> None:
    tables = build_tables(SEED)
    document = html_out.render_blocks([*tables, *tables])
    ids = re.findall(r'id="([^"]+)"', document)
    assert len(ids) == len(set(ids)) == 18
    assert '<tr class="group"><td>206</td>' in document
    assert '<td class="num">54.17</td>' in document
    _parse(document)


# -- CSV -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_csv_has_a_bom_and_reads_back_to_the_same_cells(name: str, lang: str) -> None:
    for table in build_tables(REPORTS[name](), lang):
        data = csv_out.table_csv(table)
        assert data.startswith(b"\xef\xbb\xbf")
        assert not data[3:].startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert rows[0] == [table.title]
        assert rows[1] == [table.unit]
        assert rows[2] == list(table.columns)
        assert rows[3 : 3 + len(table.rows)] == [list(row.cells) for row in table.rows]
        assert rows[3 + len(table.rows) :] == [[note] for note in table.notes]


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    table = Table('表"一"', ["a,b", "c"], [TableRow(["1,234.00", "x\ny"])])
    rows = list(csv.reader(io.StringIO(csv_out.table_csv(table).decode("utf-8-sig"), newline="")))
    assert rows == [['表"一"'], ["a,b", "c"], ["1,234.00", "x\ny"]]


def test_write_csv_creates_the_folder_and_names_files_by_number_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "csv"
    paths = csv_out.write_csv(build_tables(SEED), folder)
    assert [path.parent for path in paths] == [folder] * 9
    assert paths[0].name == "01_income_expenditure.csv"
    assert paths[-1].name == "09_state_capital.csv"
    assert sorted(folder.iterdir()) == paths


# -- Excel -----------------------------------------------------------------------------


def test_xlsx_without_openpyxl_asks_for_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(govfinal.GovFinalError, match=r"install govfinal\[xlsx\]"):
        xlsx.write_xlsx(build_tables(SEED), tmp_path / "report.xlsx")
    assert not (tmp_path / "report.xlsx").exists()


def test_sheet_titles_are_unique_valid_and_short() -> None:
    tables = [
        Table("a", ["x"], key="k" * 40),
        Table("b", ["x"], key="k" * 40),
        Table("c", ["x"], key="a/b:c"),
        Table("d", ["x"]),
    ]
    titles = xlsx.sheet_titles(tables)
    assert titles == ["k" * 31, "k" * 29 + "_2", "a_b_c", "Table4"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_xlsx_reads_back_one_sheet_per_table(name: str, lang: str, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    tables = build_tables(REPORTS[name](), lang)
    path = xlsx.write_xlsx(tables, tmp_path / "report.xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == list(TABLE_KEYS)
    for table in tables:
        sheet = workbook[table.key]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        width = len(table.columns)
        assert rows[0][0] == table.title
        assert rows[1][0] == table.unit
        assert tuple(rows[2][:width]) == table.columns
        body = rows[3 : 3 + len(table.rows)]
        for row, cells in zip(table.rows, body, strict=True):
            for expected, got in zip(row.cells, cells, strict=False):
                if isinstance(got, int | float):
                    assert Decimal(str(got)) == Decimal(expected.replace(",", ""))
                else:
                    assert (got or "") == expected
        assert [row[0] for row in rows[3 + len(table.rows) :]] == list(table.notes)


def test_xlsx_writes_amounts_as_numbers_and_codes_as_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = xlsx.write_xlsx(build_tables(SEED), tmp_path / "seed.xlsx")
    sheet = openpyxl.load_workbook(path)["general_budget"]
    first = sheet.cell(row=4, column=1)
    assert first.value == "206" and first.data_type == "s"
    amount = sheet.cell(row=4, column=3)
    assert amount.value == pytest.approx(54.17)
    assert amount.number_format == "#,##0.00"


# -- properties ------------------------------------------------------------------------


@given(report=final_accounts(), lang=st.sampled_from(["zh", "en"]))
def test_every_renderer_renders_every_generated_report(report: FinalAccount, lang: str) -> None:
    tables = build_tables(report, lang)
    _check_text_alignment(text.render_blocks(tables, lang=lang), 9)
    rendered = markdown.render_blocks(tables, lang=lang)
    for table, lines in zip(tables, _markdown_tables(rendered), strict=True):
        assert {len(_UNESCAPED_PIPE.split(line)) - 2 for line in lines} == {len(table.columns)}
    _parse(html_out.render_blocks(tables, lang=lang))
    for table in tables:
        assert csv_out.table_csv(table).startswith(b"\xef\xbb\xbf")
