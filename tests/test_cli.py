"""The ``govfinal`` command line: check, render, rules, schema; exit codes; hostile input."""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kexie_2023 import build_report

import govfinal
import govfinal.io
from govfinal import FinalAccount, cli
from govfinal.cli import _use_colour, main
from govfinal.io.locate import locate
from govfinal.io.schema import json_schema
from govfinal.render.sentences import FAMILIES
from tests.checks.base import base_report

ANSI = "\x1b["
KEXIE_FILE = Path(__file__).resolve().parent.parent / "examples" / "data" / "kexie_2023.toml"
SEED = build_report()
SEED_TOML = govfinal.io.dumps(SEED, format="toml")
SEED_JSON = govfinal.io.dumps(SEED, format="json")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run ``main`` in-process; the exit status, standard output and standard error."""
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def expected_status(report: FinalAccount, *, strict: bool = False) -> int:
    """The exit status ``check`` should give for a readable file holding ``report``."""
    findings = govfinal.check(report)
    if not findings.ok:
        return 1
    return 1 if strict and findings.warnings else 0


def write(tmp_path: Path, name: str, report: FinalAccount) -> Path:
    path = tmp_path / name
    govfinal.io.dump(report, path)
    return path


def broken_base() -> FinalAccount:
    """base_report with 收入总计 shifted by 1.00 (T101 fires)."""
    base = base_report()
    assert base.income.stated_grand_total is not None
    income = attrs.evolve(
        base.income, stated_grand_total=base.income.stated_grand_total + Decimal("1.00")
    )
    return attrs.evolve(base, income=income)


def warnings_only() -> FinalAccount:
    """base_report without the reason for its 33% 三公经费 budget variance: warnings, no errors."""
    base = base_report()
    total = base.three_public.total
    assert total is not None and total.budget is not None
    total = attrs.evolve(total, budget=attrs.evolve(total.budget, reason=None))
    return attrs.evolve(base, three_public=attrs.evolve(base.three_public, total=total))


# -- check: readable files ---------------------------------------------------------------


SEVERITY_WORDS = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
RANKS = {"error": 0, "warning": 1, "info": 2}


def finding_line(path: Path, line: int | None, finding: govfinal.Finding, lang: str = "zh") -> str:
    """A finding as the text output writes it: ``FILE:LINE: CODE severity address message``."""
    where = str(path) if line is None else f"{path}:{line}"
    word = SEVERITY_WORDS[lang][finding.severity.value]
    return f"{where}: {finding.code} {word} {finding.path} {finding.message(lang)}"


def in_output_order(
    pairs: Iterable[tuple[int | None, govfinal.Finding]],
) -> list[tuple[int | None, govfinal.Finding]]:
    """(line, finding) pairs in output order: severity, line (none last), code."""
    return sorted(
        pairs,
        key=lambda pair: (
            RANKS[pair[1].severity.value],
            pair[0] is None,
            pair[0] or 0,
            pair[1].code,
        ),
    )


@pytest.mark.parametrize("suffix", ["toml", "json"])
def test_check_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    path = write(tmp_path, f"seed.{suffix}", SEED)
    code, out, err = run(capsys, "check", path)
    findings = govfinal.check(SEED)
    assert code == expected_status(SEED)
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == (
        f"{path}: {len(findings.errors)} 个错误，{len(findings.warnings)} 个警告，"
        f"{len(findings.infos)} 条提示"
    )
    text = path.read_text(encoding="utf-8")
    located = [locate(text, suffix, f.path) for f in findings]  # type: ignore[arg-type]
    assert located and None not in located  # every finding of the seed is in a written section
    pairs = in_output_order(zip(located, findings, strict=True))
    assert lines[1:] == [finding_line(path, n, f) for n, f in pairs]


def test_check_the_base_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = base_report()
    path = write(tmp_path, "base.toml", report)
    code, out, _ = run(capsys, "check", path)
    assert code == expected_status(report)
    assert out.startswith(f"{path}: ")


def test_english_summary_and_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "seed.toml", SEED)
    _, out, _ = run(capsys, "check", "--lang", "en", path)
    findings = govfinal.check(SEED)

    def plural(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    summary = ", ".join(
        (
            plural(len(findings.errors), "error"),
            plural(len(findings.warnings), "warning"),
            plural(len(findings.infos), "notice"),
        )
    )
    lines = out.splitlines()
    assert lines[0] == f"{path}: {summary}"
    text = path.read_text(encoding="utf-8")
    pairs = in_output_order((locate(text, "toml", f.path), f) for f in findings)
    assert lines[1:] == [finding_line(path, n, f, "en") for n, f in pairs]


def _kexie_with_grand_total(total: str) -> str:
    """The bundled file with the 收入总计 of its [income] table (line 62) written as ``total``."""
    text = KEXIE_FILE.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[61] == "stated_grand_total = 58.95" and lines[58] == "[income]"
    lines[61] = f"stated_grand_total = {total}"
    return "\n".join(lines)


def test_a_finding_names_its_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kexie.toml"
    path.write_text(_kexie_with_grand_total("59.95"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--select", "T101", path)
    assert code == 1
    (line,) = [line for line in out.splitlines() if " T101 " in line]
    assert line.startswith(f"{path}:62: T101 错误 income.stated_grand_total 收入总计 59.95 ")
    _, out, _ = run(capsys, "check", "--select", "T101", "--format", "json", path)
    (finding,) = json.loads(out)[0]["findings"]
    assert (finding["file"], finding["line"], finding["address"]) == (
        str(path),
        62,
        "income.stated_grand_total",
    )


def test_a_figure_of_no_known_line_is_named_by_file_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '[unit]\nname = "示例单位"\nfiscal_year = 2024\n'  # nothing but the unit
    path = tmp_path / "minimal.toml"
    path.write_text(text, encoding="utf-8")
    findings = govfinal.check(govfinal.load(path))
    written = set(tomllib.loads(text))
    unwritten = [f for f in findings if f.path.split(".")[0].split("[")[0] not in written]
    assert unwritten  # the premise: some finding is about a section the file leaves out
    _, out, _ = run(capsys, "check", path)
    for finding in unwritten:
        assert finding_line(path, None, finding) in out.splitlines()
    _, out, _ = run(capsys, "check", "--format", "json", path)
    rows = json.loads(out)[0]["findings"]
    assert [row["line"] for row in rows if row["address"] in {f.path for f in unwritten}] == [
        None
    ] * len(unwritten)


def test_a_file_gone_after_loading_gives_findings_without_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "load", lambda _path: SEED)
    gone = tmp_path / "gone.toml"
    result = cli.check_file(str(gone))
    assert result.readable and len(result.findings) == len(govfinal.check(SEED))
    assert result.lines == {}
    assert all(result.line(finding) is None for finding in result.findings)
    _, out, _ = run(capsys, "check", gone)
    pairs = in_output_order((None, f) for f in govfinal.check(SEED))
    assert out.splitlines()[1:] == [finding_line(gone, None, f) for _, f in pairs]


def test_a_file_changed_after_loading_gives_no_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "seed.toml", SEED)
    assert cli.check_file(str(path)).lines  # the premise: unchanged, it has lines

    def load_then_change(name: str) -> FinalAccount:
        report = govfinal.load(name)
        with Path(name).open("a", encoding="utf-8") as handle:
            handle.write("# edited while it was checked\n")
        return report

    monkeypatch.setattr(cli, "load", load_then_change)
    result = cli.check_file(str(path))
    assert len(result.findings) == len(govfinal.check(SEED))
    assert result.lines == {}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)  # opened for reading, it would wait for a writer for ever
    monkeypatch.setattr(cli, "load", lambda _path: SEED)
    result = cli.check_file(str(pipe))
    assert result.findings and result.lines == {}


def test_a_file_result_is_plain_data_for_worker_processes(tmp_path: Path) -> None:
    path = write(tmp_path, "broken.toml", broken_base())
    result = cli.check_file(str(path), govfinal.CheckOptions(select=["T101"]))
    assert [f.code for f in result.findings] == ["T101"]
    assert isinstance(result.findings[0], govfinal.Finding)
    assert result.line(result.findings[0]) is not None
    assert pickle.loads(pickle.dumps(result)) == result


def test_a_broken_total_fails_with_t101(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "broken.json", broken_base())
    code, out, err = run(capsys, "check", "--format", "json", path)
    assert code == 1
    assert err == ""
    document = json.loads(out)
    assert [entry["file"] for entry in document] == [str(path)]
    assert document[0]["ok"] is False
    assert "error" not in document[0]
    t101 = [f for f in document[0]["findings"] if f["code"] == "T101"]
    lines = path.read_text(encoding="utf-8").split("\n")
    (line,) = [n for n, text in enumerate(lines, 1) if '"stated_grand_total": "179.00"' in text]
    assert t101 == [
        {
            "file": str(path),
            "line": line,
            "place": None,
            "code": "T101",
            "severity": "error",
            "address": "income.stated_grand_total",
            "message": t101[0]["message"],
            "title": "收入总计",
            "expected": "178.00",
            "actual": "179.00",
            "difference": "1.00",
            "tolerance": t101[0]["tolerance"],
        }
    ]
    assert "收入总计" in t101[0]["message"]
    assert Decimal(0) < Decimal(t101[0]["tolerance"]) < Decimal("1.00")


def test_json_rows_match_the_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "seed.toml", SEED)
    _, out, _ = run(capsys, "check", "--format", "json", "--lang", "en", path)
    text = path.read_text(encoding="utf-8")
    pairs = in_output_order((locate(text, "toml", f.path), f) for f in govfinal.check(SEED))
    findings = [f for _, f in pairs]
    rows = json.loads(out)[0]["findings"]
    assert [(r["file"], r["line"]) for r in rows] == [(str(path), line) for line, _ in pairs]
    assert [(r["code"], r["severity"], r["address"], r["message"]) for r in rows] == [
        (f.code, f.severity.value, f.path, f.message_en) for f in findings
    ]

    def figure(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    assert [(r["expected"], r["actual"], r["difference"], r["tolerance"]) for r in rows] == [
        (figure(f.expected), figure(f.actual), figure(f.difference), figure(f.tolerance))
        for f in findings
    ]


def test_strict_turns_warnings_into_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = warnings_only()
    findings = govfinal.check(report)
    assert findings.ok and findings.warnings  # the premise: warnings, no errors
    path = write(tmp_path, "warned.toml", report)
    assert run(capsys, "check", path)[0] == 0
    assert run(capsys, "check", "--strict", path)[0] == 1
    _, out, _ = run(capsys, "check", "--strict", "--format", "json", path)
    assert json.loads(out)[0]["ok"] is False
    _, out, _ = run(capsys, "check", "--format", "json", path)
    assert json.loads(out)[0]["ok"] is True


def test_select_and_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "broken.json", broken_base())
    _, out, _ = run(capsys, "check", "--format", "json", "--select", "T101,T103", path)
    assert {f["code"] for f in json.loads(out)[0]["findings"]} == {"T101", "T103"}
    name = govfinal.RULES["T101"].name
    _, out, _ = run(capsys, "check", "--format", "json", "--ignore", f"{name},T103", path)
    codes = {f["code"] for f in json.loads(out)[0]["findings"]}
    assert "T101" not in codes and "T103" not in codes


def test_an_unknown_rule_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "seed.toml", SEED)
    code, out, err = run(capsys, "check", "--select", "X999", path)
    assert code == 2
    assert out == ""
    assert "X999" in err


def test_exact_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "seed.json", SEED)
    code, out, _ = run(capsys, "check", "--exact", "--format", "json", path)
    findings = govfinal.check(SEED, exact=True)
    text = path.read_text(encoding="utf-8")
    pairs = in_output_order((locate(text, "json", f.path), f) for f in findings)
    assert [f["code"] for f in json.loads(out)[0]["findings"]] == [f.code for _, f in pairs]
    assert code == (0 if findings.ok else 1)


# -- check: unreadable files -----------------------------------------------------------------


def _json_with(edit: Callable[[dict[str, object]], None]) -> bytes:
    document = json.loads(SEED_JSON)
    edit(document)
    return json.dumps(document, ensure_ascii=False).encode()


def _income(document: dict[str, object]) -> dict[str, object]:
    income = document["income"]
    assert isinstance(income, dict)
    return income


def _duplicate_first_line(document: dict[str, object]) -> None:
    functions = document["functions"]
    assert isinstance(functions, dict)
    functions["lines"].append(functions["lines"][0])


def _without_unit(text: str) -> str:
    without = re.sub(r"\n\[unit\]\n(?:[^\[\n][^\n]*\n)*", "\n", text)
    assert "[unit]" in text and "[unit]" not in without
    return without


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _toml_replace(old: str, new: str) -> bytes:
    return _replace(SEED_TOML, old, new).encode()


# name, file name, content (None: no file), fragments stderr must hold
UNREADABLE: list[tuple[str, str, bytes | None, tuple[str, ...]]] = [
    ("missing", "missing.toml", None, ("(document)", "cannot read the file")),
    ("empty", "empty.toml", b"", ("(document)", "empty")),
    (
        "truncated",
        "half.toml",
        SEED_TOML[: SEED_TOML.index('name = "') + 10].encode(),  # inside a text
        ("(document)", "not valid TOML"),
    ),
    (
        "toml syntax",
        "syntax.toml",
        _toml_replace("fiscal_year = ", "fiscal_year = = "),
        (":", "TOML"),
    ),
    ("not utf-8", "latin.toml", b"\xff\xfe" + SEED_TOML.encode(), (":1:", "not UTF-8")),
    (
        "word for amount",
        "abc.toml",
        _toml_replace("opening_balance = 3.76", 'opening_balance = "abc"'),
        ("income.opening_balance", "abc"),
    ),
    (
        "nan",
        "nan.json",
        _replace(SEED_JSON, '"opening_balance": "3.76"', '"opening_balance": NaN').encode(),
        ("NaN",),
    ),
    (
        "infinity",
        "inf.json",
        _replace(SEED_JSON, '"opening_balance": "3.76"', '"opening_balance": -Infinity').encode(),
        ("Infinity",),
    ),
    (
        "huge exponent",
        "huge.json",
        _replace(SEED_JSON, '"opening_balance": "3.76"', '"opening_balance": 1e999999').encode(),
        ("income.opening_balance",),
    ),
    (
        "unknown key",
        "typo.toml",
        _toml_replace("opening_balance = 3.76", "opening_balanse = 3.76"),
        ("income.opening_balanse", "did you mean 'opening_balance'"),
    ),
    ("no unit", "nounit.toml", _without_unit(SEED_TOML).encode(), ("unit", "missing")),
    (
        "malformed function code",
        "code.toml",
        _toml_replace('code = "2060101"', 'code = "206010"'),
        ("functions.lines[2].code", "206010"),
    ),
    (
        "duplicate code",
        "dup.json",
        _json_with(_duplicate_first_line),
        ("functions.lines[", "listed twice"),
    ),
    ("deep nesting", "deep.json", b"[" * 10_000 + b"]" * 10_000, ("(document)", "nested")),
    ("oversized", "big.json", b"", ("(document)", "larger than")),
    ("wrong suffix", "seed.csv", SEED_TOML.encode(), ("(document)", "unknown file type")),
]


def _make(tmp_path: Path, name: str, content: bytes | None) -> Path:
    path = tmp_path / name
    if content is None:
        return path
    path.write_bytes(content)
    if name == "big.json":  # sparse: one byte over the limit, written in no time
        with path.open("r+b") as handle:
            handle.truncate(govfinal.io.MAX_BYTES + 1)
    return path


@pytest.mark.parametrize(
    ("name", "content", "fragments"),
    [pytest.param(n, c, f, id=i) for i, n, c, f in UNREADABLE],
)
def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | None,
    fragments: tuple[str, ...],
) -> None:
    bad = _make(tmp_path, name, content)
    good = write(tmp_path, "good.toml", SEED)
    code, out, err = run(capsys, "check", bad, good)
    assert code == 2
    assert "Traceback" not in err
    assert err.startswith(f"{bad}: ")
    problem_lines = err.splitlines()[1:]
    assert problem_lines and all(line.startswith(f"  {bad}") for line in problem_lines)
    for fragment in fragments:
        assert fragment in err
    assert f"{good}: " in out  # the good file is reported
    assert f"{bad}: 无法读取" in out

    code, out, err = run(capsys, "check", "--format", "json", bad, good)
    assert code == 2
    document = json.loads(out)
    assert [entry["file"] for entry in document] == [str(bad), str(good)]
    assert document[0]["ok"] is False
    assert document[0]["findings"] == []
    assert document[0]["error"] == err.rstrip("\n")
    assert document[1]["ok"] is (expected_status(SEED) == 0)
    assert "error" not in document[1]


def test_unreadable_wins_over_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path, "broken.toml", broken_base())
    code, _, _ = run(capsys, "check", broken, tmp_path / "missing.json")
    assert code == 2
    assert run(capsys, "check", broken)[0] == 1


def test_a_multi_file_run_ends_with_totals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "warned.toml", warnings_only())
    broken = write(tmp_path, "broken.toml", broken_base())
    _, out, _ = run(capsys, "check", good, broken, tmp_path / "missing.toml")
    assert out.splitlines()[-1] == "共检查 3 个文件：通过 1 个，未通过 1 个，无法读取 1 个"
    _, out, _ = run(capsys, "check", "--lang", "en", "--strict", good, broken)
    assert out.splitlines()[-1] == "2 files checked: 0 passed, 2 failed, 0 unreadable"


# -- parallel checking -------------------------------------------------------------------------


def test_jobs_give_the_same_json_as_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = [SEED, base_report(), broken_base(), warnings_only()]
    files: list[Path] = []
    for index in range(20):
        if index % 7 == 6:
            path = tmp_path / f"bad{index}.toml"
            path.write_text(SEED_TOML[: 100 + index], encoding="utf-8")
            files.append(path)
        else:
            suffix = "json" if index % 2 else "toml"
            files.append(write(tmp_path, f"r{index}.{suffix}", reports[index % len(reports)]))
    serial = run(capsys, "check", "--format", "json", *files)
    parallel = run(capsys, "check", "--format", "json", "--jobs", "2", *files)
    assert parallel == serial
    assert serial[0] == 2
    assert [entry["file"] for entry in json.loads(serial[1])] == [str(f) for f in files]
    assert "\r" not in parallel[2]  # no progress bar: standard error is not a terminal


class _Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_progress_bar_only_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [write(tmp_path, f"r{index}.toml", SEED) for index in range(3)]
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["check", "--format", "json", *map(str, files)])
    assert "\r[" in terminal.getvalue() and "3/3" in terminal.getvalue()
    monkeypatch.undo()
    _, _, err = run(capsys, "check", "--format", "json", *files)
    assert err == ""


# -- colour --------------------------------------------------------------------------------------


def test_no_colour_when_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    files = [write(tmp_path, "broken.toml", broken_base()), tmp_path / "missing.toml"]
    _, out, err = run(capsys, "check", *files)
    assert ANSI not in out and ANSI not in err


def test_no_color_is_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_colour("auto", _Terminal())
    monkeypatch.setenv("NO_COLOR", "")
    assert _use_colour("auto", _Terminal())
    monkeypatch.delenv("NO_COLOR")
    assert _use_colour("auto", _Terminal())
    assert not _use_colour("auto", io.StringIO())
    assert not _use_colour("never", _Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    path = write(tmp_path, "broken.toml", broken_base())
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main(["check", str(path)])
    monkeypatch.undo()
    output = terminal.getvalue()
    assert "T101" in output and ANSI not in output


def test_color_always(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "broken.toml", broken_base())
    _, out, _ = run(capsys, "check", "--color", "always", path)
    assert "\x1b[31mT101 错误\x1b[0m" in out
    _, out, _ = run(capsys, "check", "--color", "never", path)
    assert ANSI not in out


# -- rules, schema, version ------------------------------------------------------------------------


def test_rules_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    codes = re.findall(r"^([TFBCPORSN]\d{3}) ", out, flags=re.M)
    assert len(codes) >= 40
    assert codes == list(govfinal.RULES)
    assert govfinal.RULES["T101"].formula in out


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    assert len(rules) >= 40
    assert [rule["code"] for rule in rules] == list(govfinal.RULES)
    first = govfinal.RULES[rules[0]["code"]]
    assert rules[0] == {
        "code": first.code,
        "severity": first.severity.value,
        "name": first.name,
        "title_zh": first.title_zh,
        "title_en": first.title_en,
        "formula": first.formula,
        "tables": list(first.tables),
    }


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == json_schema()
    assert "单位名称" in out  # not escaped


def test_version_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"govfinal {govfinal.__version__}\n")
    code, _, err = run(capsys)
    assert code == 2 and "command" in err
    code, _, err = run(capsys, "check")
    assert code == 2 and "FILE" in err


# -- render ---------------------------------------------------------------------------------


@pytest.fixture
def stub_render(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Replace the command's renderer by a stub that records its calls."""
    calls: list[tuple[str, str, str]] = []

    def render(
        report: FinalAccount, *, format: str = "text", lang: str = "zh", family: str = ""
    ) -> str:
        assert family == "xinjiang_2023"  # the default family; --family is tested below
        calls.append((report.unit.name, format, lang))
        return f"{format}/{lang}: {report.unit.name}"

    monkeypatch.setattr(cli, "render", render)
    return calls


def test_render_to_stdout_and_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stub_render: list[tuple[str, str, str]]
) -> None:
    path = write(tmp_path, "seed.toml", SEED)
    code, out, _ = run(capsys, "render", path, "--format", "markdown", "--lang", "en")
    assert code == 0
    assert out == f"markdown/en: {SEED.unit.name}\n"
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "render", path, "--format", "html", "-o", target)
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8") == f"html/zh: {SEED.unit.name}\n"
    assert stub_render == [(SEED.unit.name, "markdown", "en"), (SEED.unit.name, "html", "zh")]


def test_render_errors_exit_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stub_render: list[tuple[str, str, str]]
) -> None:
    path = write(tmp_path, "seed.toml", SEED)
    code, out, err = run(capsys, "render", path, "-o", tmp_path / "no" / "such" / "dir.txt")
    assert (code, out) == (2, "")
    assert "dir.txt" in err and "Traceback" not in err
    code, out, err = run(capsys, "render", tmp_path / "missing.toml")
    assert (code, out) == (2, "")
    assert "missing.toml" in err and "cannot read" in err
    bad = tmp_path / "abc.toml"
    bad.write_bytes(_toml_replace("opening_balance = 3.76", 'opening_balance = "abc"'))
    code, _, err = run(capsys, "render", bad)
    assert code == 2 and "income.opening_balance" in err
    assert stub_render == [(SEED.unit.name, "text", "zh")]  # rendered, then not written


def test_render_family_chooses_the_wording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    families: list[str] = []

    def render(report: FinalAccount, *, format: str, lang: str, family: str) -> str:
        families.append(family)
        return family

    monkeypatch.setattr(cli, "render", render)
    path = write(tmp_path, "seed.toml", SEED)
    for family in FAMILIES:
        code, out, _ = run(capsys, "render", path, "--family", family)
        assert (code, out) == (0, f"{family}\n")
    code, _, err = run(capsys, "render", path, "--family", "nowhere_1999")
    assert code == 2 and "nowhere_1999" in err
    assert families == list(FAMILIES)


def test_render_with_the_real_renderer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renderer = pytest.importorskip("govfinal.render")
    path = write(tmp_path, "seed.json", SEED)
    for fmt in ("text", "markdown", "html"):
        code, out, _ = run(capsys, "render", path, "--format", fmt)
        assert code == 0
        assert out.rstrip("\n") == renderer.render(SEED, format=fmt, lang="zh").rstrip("\n")


# -- the console entry, in a real process -----------------------------------------------------


def _python_m(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        [sys.executable, "-m", "govfinal", *map(str, argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_python_m_govfinal_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    good = write(tmp_path, "seed.toml", SEED)
    broken = write(tmp_path, "broken.json", broken_base())
    typo = tmp_path / "typo.toml"
    typo.write_bytes(_toml_replace("opening_balance = 3.76", "opening_balanse = 3.76"))

    result = _python_m("check", good)
    assert result.returncode == expected_status(SEED)
    assert result.stdout.startswith(f"{good}: ")

    result = _python_m("check", broken)
    assert result.returncode == 1
    assert "T101 错误 income.stated_grand_total" in result.stdout

    result = _python_m("check", typo, good, "--jobs", "2")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "did you mean 'opening_balance'" in result.stderr
    assert f"{good}: " in result.stdout
    assert ANSI not in result.stdout + result.stderr  # pipes are not terminals


def test_the_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("govfinal")
    if not script.exists():
        pytest.skip("the govfinal console script is not installed next to this Python")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"govfinal {govfinal.__version__}\n")


def test_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "govfinal", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head` that has already exited
    error = process.stderr.read().decode("utf-8")
    process.stderr.close()
    status = process.wait(timeout=60)
    assert status in {0, 1}
    assert "Traceback" not in error and "Exception ignored" not in error


# -- fuzzing the TOML text ------------------------------------------------------------------


@st.composite
def mutated_seeds(draw: st.DrawFn) -> str:
    """The seed's TOML text after one to three random edits."""
    text = SEED_TOML
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        kind = draw(st.sampled_from(["delete", "duplicate", "replace", "swap"]))
        if kind == "delete" and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start, min(len(text), start + 400)))
            text = text[:start] + text[end:]
        elif kind == "duplicate":
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "\n".join(lines)
        elif kind == "replace" and text:
            index = draw(st.integers(0, len(text) - 1))
            text = text[:index] + draw(st.sampled_from('=[]{}"\n0.,a')) + text[index + 1 :]
        elif kind == "swap":
            first = draw(st.integers(0, len(lines) - 1))
            second = draw(st.integers(0, len(lines) - 1))
            lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
    return text


@settings(max_examples=30)
@given(text=mutated_seeds())
def test_mutated_seeds_never_escape(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "mutated.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--color", "never", str(path)]) in {0, 1, 2}
