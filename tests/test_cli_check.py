"""``govfinal check``: finding order, ``--quiet``, directories, and the JSON of each file."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import attrs
import pytest

import govfinal.io
from govfinal import FinalAccount
from govfinal.checks import RULES, Severity
from govfinal.cli import FileResult, check_file, main
from tests.checks.base import base_report
from tests.test_cli import KEXIE_FILE, broken_base, run

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"


def write(tmp_path: Path, name: str, report: FinalAccount) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    govfinal.io.dump(report, path)
    return path


# -- 1. the order of findings: severity, then place, then code ---------------------------------


def test_findings_are_ordered_by_severity_then_line_then_code() -> None:
    result = check_file(str(KEXIE_FILE))
    ordered = result.ordered()
    assert sorted(ordered, key=id) == sorted(result.findings, key=id)  # the same findings
    ranks = [finding.severity.rank for finding in ordered]
    assert ranks == sorted(ranks)
    assert ordered[0].severity is Severity.ERROR  # the one error first, not among warnings
    assert result.findings.items[0].code == "P506"  # the checks' order
    for severity in Severity:
        keys = [(result.line(f), f.code) for f in ordered if f.severity is severity]
        assert keys == sorted(keys)
    assert [(f.code, result.line(f)) for f in ordered] == [
        ("S808", 577),
        ("S803", 602),
        ("S803", 732),
        ("P506", 361),
        ("S812", 527),
        ("S812", 685),
    ]


def test_a_published_reports_findings_are_ordered_by_page() -> None:
    """Without lines, the page (then the line on it) places a finding; none comes last."""
    result = check_file(str(KEXIE_FILE))
    infos = [f for f in result.findings if f.severity is Severity.INFO]
    pages = {infos[0].path: (9, 1), infos[1].path: (3, 7)}  # infos[2] has no page
    published = attrs.evolve(result, lines={}, pages=pages)
    ordered = [f for f in published.ordered() if f.severity is Severity.INFO]
    assert ordered == [infos[1], infos[0], infos[2]]


# -- 2. --quiet --------------------------------------------------------------------------------


def test_quiet_prints_only_the_files_with_findings_and_the_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write(tmp_path, "clean.toml", base_report())
    broken = write(tmp_path, "broken.toml", broken_base())
    missing = tmp_path / "missing.toml"
    argv = ("check", "--select", "T101", "--lang", "en")
    code, out, _ = run(capsys, *argv, "-q", clean, broken, missing)
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"{broken}: 1 error, 0 warnings, 0 notices"
    assert lines[1].startswith(f"{broken}:") and " T101 error " in lines[1]
    assert lines[2] == f"{missing}: could not be read (see stderr)"
    assert lines[3:] == ["3 files checked: 1 passed, 1 failed, 1 unreadable"]
    assert str(clean) not in out
    _, loud, _ = run(capsys, *argv, clean, broken, missing)
    assert loud.splitlines()[0] == f"{clean}: 0 errors, 0 warnings, 0 notices"
    assert [line for line in loud.splitlines() if not line.startswith(str(clean))] == lines


def test_quiet_prints_nothing_for_a_clean_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write(tmp_path, "clean.toml", base_report())
    assert run(capsys, "check", "--quiet", "--select", "T101", clean) == (0, "", "")


def test_quiet_json_lists_only_the_files_with_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = write(tmp_path, "clean.toml", base_report())
    broken = write(tmp_path, "broken.toml", broken_base())
    code, out, _ = run(capsys, "check", "-q", "--format", "json", "--select", "T101", clean, broken)
    assert code == 1
    assert [entry["file"] for entry in json.loads(out)] == [str(broken)]
    assert run(capsys, "check", "-q", "--format", "json", "--select", "T101", clean)[1] == "[]\n"


# -- 3. directories ----------------------------------------------------------------------------


def test_a_directory_is_walked_sorted_and_recursively(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "reports"
    for name in ("b.toml", "a/z.json", "a/y/x.TOML", "c.json"):
        write(root, name, broken_base())
    (root / "notes.md").write_text("not a data file\n", encoding="utf-8")
    (root / "report.txt").write_text("not a published report\n", encoding="utf-8")
    write(root, ".hidden.toml", broken_base())
    write(root, ".git/config.toml", broken_base())
    code, out, _ = run(capsys, "check", "--lang", "en", "--select", "T101", root, KEXIE_FILE)
    assert code == 2  # report.txt is taken, and cannot be read as a published report
    *blocks, totals = out.splitlines()
    heads = [line.split(": ")[0] for line in blocks if " T101 " not in line]
    walked = ["a/y/x.TOML", "a/z.json", "b.toml", "c.json", "report.txt"]
    assert heads == [str(root / name) for name in walked] + [str(KEXIE_FILE)]
    assert totals == "6 files checked: 1 passed, 4 failed, 1 unreadable"


def test_a_directory_without_data_files_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    (empty / ".hidden").mkdir(parents=True)
    write(empty / ".hidden", "a.toml", broken_base())
    (empty / "notes.md").write_text("nothing to check\n", encoding="utf-8")
    code, out, err = run(capsys, "check", KEXIE_FILE, empty)
    assert (code, out) == (2, "")
    assert err == (
        f"govfinal: {empty}: no data file or published report in this directory"
        " (.toml, .json, .pdf, .txt)\n"
    )


# -- 5. JSON: each finding's title, each unreadable file's problems ------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_json_findings_have_their_rules_title(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "check", "--format", "json", "--lang", lang, KEXIE_FILE)
    findings = json.loads(out)[0]["findings"]
    assert findings
    for finding in findings:
        rule = RULES[finding["code"]]
        assert finding["title"] == (rule.title_en if lang == "en" else rule.title_zh)
        assert finding["severity"] in {"error", "warning", "info"}  # stable English codes


def test_json_gives_the_problems_of_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("format_version = 3\n[unit]\nname = 5\n[income\n", encoding="utf-8")
    wrong = tmp_path / "bad.json"
    wrong.write_text('{"format_version": 3, "unit": {"name": 5}}', encoding="utf-8")
    code, out, err = run(capsys, "check", "--format", "json", bad, wrong, KEXIE_FILE)
    assert code == 2
    first, second, good = json.loads(out)
    assert first["error"] == err.split(f"\n{wrong}")[0]  # the error as before
    assert first["problems"] == [
        {"file": str(bad), "line": 4, "address": None, "message": first["problems"][0]["message"]}
    ]
    assert "problems" not in good and "error" not in good
    assert second["problems"] and all(p["file"] == str(wrong) for p in second["problems"])
    assert "unit.name" in {p["address"] for p in second["problems"]}
    for problem in second["problems"]:
        assert set(problem) == {"file", "line", "address", "message"}
        assert problem["message"] in second["error"]


def test_json_gives_one_problem_for_an_error_that_is_not_a_load_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "report.txt"
    text.write_text("not a published report\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", text)
    (entry,) = json.loads(out)
    assert code == 2
    assert entry["problems"] == [
        {"file": str(text), "line": None, "address": None, "message": entry["error"]}
    ]


def test_problems_come_back_from_worker_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 3, "unit": {"name": 5}}', encoding="utf-8")
    result = check_file(str(bad))
    assert result.problems and pickle.loads(pickle.dumps(result)) == result
    assert isinstance(result, FileResult)
    files = [bad, KEXIE_FILE, bad]
    serial = run(capsys, "check", "--format", "json", *files)
    assert main(["check", "--format", "json", "--jobs", "2", *map(str, files)]) == 2
    assert capsys.readouterr().out == serial[1]


# -- render: the format by -o's suffix, the tables as a workbook or CSV files -------------


def test_render_takes_the_format_from_the_outputs_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(EXAMPLES / "kexie_2023.toml")
    html, markdown = tmp_path / "report.html", tmp_path / "report.md"
    assert main(["render", seed, "-o", str(html)]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["render", seed, "-o", str(markdown)]) == 0
    assert markdown.read_text(encoding="utf-8").startswith("# 第一部分 单位概况")
    capsys.readouterr()


def test_render_refuses_a_format_its_output_contradicts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = str(EXAMPLES / "kexie_2023.toml")
    out = tmp_path / "report.html"
    assert main(["render", seed, "-o", str(out), "--format", "text"]) == 2
    assert not out.exists()
    assert "a .html file, but --format text" in capsys.readouterr().err
    assert main(["render", seed, "--format", "xlsx"]) == 2
    assert "give -o OUT" in capsys.readouterr().err


def test_render_writes_the_nine_tables_as_a_workbook_or_csv_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    seed = str(EXAMPLES / "kexie_2023.toml")
    workbook = tmp_path / "tables.xlsx"
    assert main(["render", seed, "-o", str(workbook)]) == 0
    assert len(openpyxl.load_workbook(workbook).sheetnames) == 9
    folder = tmp_path / "tables"
    assert main(["render", seed, "--format", "csv", "-o", str(folder)]) == 0
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 9 and names[0].startswith("01_")
    assert "收入支出决算总表" in (folder / names[0]).read_text(encoding="utf-8-sig")
    capsys.readouterr()
