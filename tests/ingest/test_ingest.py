"""``govfinal.ingest`` and ``govfinal ingest``/``check``/``render`` on published reports.

The findings on each shared PDF are compared with those on its hand-made
data file (``examples/data/putuo_*``): the same rules on the same figures.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from govfinal import load
from govfinal.address import resolve
from govfinal.checks import check
from govfinal.cli import main
from govfinal.ingest import IngestError, ingest
from govfinal.io import loads
from govfinal.model.statements import ShareStatement, named_addresses

pytest.importorskip("pdfplumber")

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "examples" / "published"
CAIZHENGJU = PUBLISHED / "sh_putuo_caizhengju_2024.pdf"
GUIHUA = PUBLISHED / "sh_putuo_guihuaziranziyuan_2024.pdf"


def _findings(report: object) -> Counter[tuple[str, str, str]]:
    return Counter((f.code, f.severity.value, f.path) for f in check(report))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pdf", "data"),
    [(CAIZHENGJU, "putuo_caizhengju_2024"), (GUIHUA, "putuo_guihuaziranziyuan_2024")],
)
def test_a_shared_pdf_gives_the_findings_of_its_hand_made_data_file(pdf: Path, data: str) -> None:
    read = ingest(pdf)
    assert read.family == "shanghai_2024"
    assert _findings(read.report) == _findings(load(ROOT / "examples" / "data" / f"{data}.toml"))


def test_the_known_disagreements_of_the_finance_bureau_are_found() -> None:
    codes = {(f.code, f.path) for f in check(ingest(CAIZHENGJU).report)}
    assert ("T110", "expenditure.classes[208].amount") in codes  # 326.71 in the 总表
    assert ("N903", "fiscal.income_grand_total") in codes  # 四: 0.3 万元
    assert ("N904", "functions[201].general_budget.expenditure") in codes  # 71.73%


def test_a_statement_keeps_its_page_and_line() -> None:
    read = ingest(CAIZHENGJU)
    share = next(
        s
        for s in read.report.statements
        if isinstance(s, ShareStatement) and s.text and "71.73" in s.text
    )
    # p.21, line 25 of the PDF: “（类）2106.66万元，占71.73%；社会保障和就业支出（类）…”
    assert (share.place.page, share.place.line, share.place.section) == (21, 25, "五（二）")
    index = read.report.statements.index(share)
    assert read.statement_sources[index].page == 21


def test_the_data_file_written_is_the_report_read_with_its_sources_as_comments() -> None:
    read = ingest(CAIZHENGJU)
    text = read.data_file()
    assert loads(text, format="toml") == read.report
    assert "# sh_putuo_caizhengju_2024.pdf p.10 支出决算表 2080505 基本支出" in text.replace(
        str(PUBLISHED) + "/", ""
    )
    assert "Read twice: functions[208].general_budget.stated_expenditure: 326.72" in text
    assert tomllib.loads(text)["format_version"] == 3


def test_the_template_reads_as_a_report_with_no_figure_and_everything_missing() -> None:
    read = ingest(PUBLISHED / "shanghai_2024_juesuan_template.pdf")
    assert (read.report.unit.name, read.report.unit.fiscal_year) == ("上海市XX局", 2024)
    figures = [
        a
        for a in read.sources
        if not a.startswith(("unit.", "profile.")) and not a.endswith(".name")
    ]
    assert figures == []
    assert read.report.statements == ()
    assert len(read.missing) > 20


def test_the_seed_text_gives_the_figures_its_data_file_holds() -> None:
    read = ingest(PUBLISHED / "xinjiang_kexie_2023.txt")
    golden = load(ROOT / "examples" / "data" / "kexie_2023.toml")
    assert read.family == "xinjiang_2023"
    assert (read.report.unit.name, read.report.unit.fiscal_year) == (golden.unit.name, 2023)
    figures = [a for a in read.sources if not a.startswith(("unit.", "profile."))]
    assert len(figures) > 40
    for address in figures:
        assert (address, str(resolve(read.report, address))) == (
            address,
            str(resolve(golden, address)),
        )


def test_a_scan_is_refused(tmp_path: Path) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "scan.pdf"
    drawing = canvas.Canvas(str(path))
    drawing.rect(50, 50, 400, 600, fill=1)  # an image of a page: no characters
    drawing.showPage()
    drawing.save()
    with pytest.raises(IngestError, match="no page has a text layer"):
        ingest(path)


def test_the_command_reads_checks_and_renders_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.toml"
    assert main(["ingest", str(CAIZHENGJU), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "figures and" in err and "read twice" in err
    assert load(out).unit.name == "上海市普陀区财政局"
    assert main(["check", str(CAIZHENGJU)]) == 1
    report = capsys.readouterr().out
    assert f"{CAIZHENGJU} p.6 收入支出决算总表 社会保障和就业支出" in report
    assert "T110 错误 expenditure.classes[208].amount" in report
    assert main(["render", str(CAIZHENGJU)]) == 0
    assert "上海市普陀区财政局" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"%PDF-1.4 broken", b"not a pdf at all", b""])
def test_an_unreadable_pdf_exits_2_and_leaves_the_output_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    out = tmp_path / "out.toml"
    out.write_text("kept", encoding="utf-8")
    assert main(["ingest", str(bad), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "kept"
    err = capsys.readouterr().err
    assert str(bad) in err and "Traceback" not in err
    good = ROOT / "examples" / "data" / "kexie_2023.toml"
    assert main(["check", str(bad), str(good)]) == 2
    captured = capsys.readouterr()
    assert f"{good}:" in captured.out and "Traceback" not in captured.err


def test_ingest_refuses_to_write_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "report.pdf"
    copy.write_bytes(CAIZHENGJU.read_bytes())
    assert main(["ingest", str(copy), "-o", str(copy)]) == 2
    assert copy.read_bytes() == CAIZHENGJU.read_bytes()
    capsys.readouterr()


def test_a_missing_or_oversized_report_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(IngestError, match="cannot be read"):
        ingest(tmp_path / "absent.pdf")
    with pytest.raises(IngestError, match="cannot be read"):
        ingest(tmp_path / "absent.txt")
    monkeypatch.setattr("govfinal.ingest.pages.MAX_PDF_BYTES", 1000)
    with pytest.raises(IngestError, match="more than the 1000 read"):
        ingest(CAIZHENGJU)


def test_a_text_of_no_known_family_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n今天天气很好。\n", encoding="utf-8")
    with pytest.raises(IngestError, match="template family cannot be told"):
        ingest(path)
    path.write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(IngestError, match="not UTF-8"):
        ingest(path)


def test_a_text_without_its_tables_is_judged_only_where_it_gives_the_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    read = ingest(PUBLISHED / "xinjiang_kexie_2023.txt")
    assert not read.tables_read
    assert any(item.part == "表格" for item in read.missing)
    report, sources = read.judged()
    assert len(report.statements) == len(sources) < len(read.report.statements)
    for statement in report.statements:
        assert all(address in read.sources for address in named_addresses(statement))
    # No table identity is judged on the few figures a narrative restates.
    assert main(["check", str(PUBLISHED / "xinjiang_kexie_2023.txt")]) == 0
    assert "0 个错误" in capsys.readouterr().out
    assert ingest(CAIZHENGJU).tables_read
