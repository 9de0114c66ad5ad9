"""Issue 11: the command and every write keep their promises.

Items 3 (the writes), 8, 10, 13, 14 and 17 (``dump``), and "no batch stopped by
one bad file". The tests that need a real process run ``python -m govfinal``
with this process's environment, so ``PYTHONPATH`` chooses the code under test.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import govfinal
import govfinal.errors
import govfinal.io
from govfinal import FinalAccount, cli
from govfinal.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
SEED_FILE = ROOT / "examples" / "data" / "kexie_2023.toml"
SEED = govfinal.load(SEED_FILE)

SURROGATE_NAME = "\ud800原因"
"""A unit name holding a lone surrogate: a str Python holds, but UTF-8 cannot encode."""

HOSTILE = "\x1b[2J\x1b]0;X\x07原因\n  T101 error income.stated_grand_total: 伪造\u202e"
"""Item 10's reason: clear the screen, retitle the window, forge a finding line, reverse text."""

RAW_CONTROLS = ("\x1b", "\x07", "\u202e", "\ud800")
"""Characters that must never reach a terminal raw from the data."""

PROGRAM_COLOUR = re.compile(r"\x1b\[\d*m")
"""The SGR colour codes the command adds itself (``--color always``)."""


def with_unit_name(report: FinalAccount, name: str) -> FinalAccount:
    return attrs.evolve(report, unit=attrs.evolve(report.unit, name=name))


def with_vehicle_reason(report: FinalAccount, reason: str) -> FinalAccount:
    """``report`` whose 公务用车 difference reason is ``reason`` (the seed's P506 quotes it)."""
    three_public = attrs.evolve(report.three_public, vehicle_difference_reason=reason)
    return attrs.evolve(report, three_public=three_public)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def python_m(*argv: str | Path, shell_redirect: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m govfinal ARGV`` in bash, with ``shell_redirect`` (e.g. ``>&-``) applied."""
    command = " ".join(
        [_quoted(sys.executable), "-m", "govfinal", *map(_quoted, map(str, argv)), shell_redirect]
    )
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def siblings(path: Path) -> list[str]:
    """The names in ``path``'s folder (a temporary file left behind would show here)."""
    return sorted(entry.name for entry in path.parent.iterdir())


# -- item 3: a write that fails leaves the target as it was -------------------------------


def test_item_03_dump_with_a_lone_surrogate_keeps_the_existing_file(tmp_path: Path) -> None:
    """Issue 11 item 3: a lone surrogate made ``dump()`` leave a 0-byte file."""
    target = tmp_path / "report.toml"
    shutil.copyfile(SEED_FILE, target)
    before = target.read_bytes()
    with pytest.raises(govfinal.errors.WriteError) as raised:
        govfinal.io.dump(with_unit_name(SEED, SURROGATE_NAME), target)
    assert isinstance(raised.value, govfinal.GovFinalError)
    assert str(target) in str(raised.value)
    assert "\\ud800" in str(raised.value)  # says which character
    assert target.read_bytes() == before
    assert siblings(target) == ["report.toml"]


def test_item_03_a_disk_error_keeps_the_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 item 3: a write that fails for any reason (here: the disk is full) never
    truncates or leaves a partial target."""
    target = tmp_path / "report.json"
    govfinal.io.dump(SEED, target)
    before = target.read_bytes()

    def full_disk(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(govfinal.errors.WriteError, match="No space left on device"):
        govfinal.io.dump(with_unit_name(SEED, "另一个单位"), target)
    assert target.read_bytes() == before
    assert siblings(target) == ["report.json"]


def test_item_03_a_read_only_file_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file its owner may not write is refused, as ``open`` refuses it, not replaced (a
    replace needs only the folder's permission). The test stands in for a user without
    root's rights by answering the permission question as the system would for them."""
    target = tmp_path / "report.json"
    govfinal.io.dump(SEED, target)
    before = target.read_bytes()
    target.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode)
    )
    with pytest.raises(govfinal.errors.WriteError, match="read-only"):
        govfinal.io.dump(with_unit_name(SEED, "另一个单位"), target)
    assert target.read_bytes() == before
    assert siblings(target) == ["report.json"]


def test_item_03_render_output_with_a_lone_surrogate_keeps_the_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 item 3: a lone surrogate truncated an existing ``-o`` file to 0 bytes."""
    monkeypatch.setattr(cli, "load", lambda _path: with_unit_name(SEED, SURROGATE_NAME))
    target = tmp_path / "report.txt"
    target.write_text("an earlier report\n", encoding="utf-8")
    code, out, err = run(capsys, "render", SEED_FILE, "-o", target)
    assert (code, out) == (2, "")
    assert str(target) in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "an earlier report\n"
    assert siblings(target) == ["report.txt"]


@pytest.mark.parametrize(
    ("errors", "surrogate"), [("strict", "\ud800"), ("surrogateescape", "\udcff")]
)
def test_item_03_text_on_stdout_is_always_valid_utf8(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    errors: str,
    surrogate: str,
) -> None:
    """Issue 11 item 3: lone surrogates crashed ``check`` (text, json) and made ``render``
    to stdout write invalid UTF-8 (``surrogateescape``, as under a C locale)."""
    text_field = surrogate + "原因"
    report = with_vehicle_reason(with_unit_name(SEED, text_field), text_field)
    monkeypatch.setattr(cli, "load", lambda _path: report)
    for command in ("render", "check", "json"):
        argv = ["check", "--format", "json"] if command == "json" else [command]
        raw = io.BytesIO()
        stdout = io.TextIOWrapper(raw, encoding="utf-8", errors=errors, write_through=True)
        monkeypatch.setattr(sys, "stdout", stdout)
        code = main([*argv, str(SEED_FILE)])
        stdout.flush()
        text = raw.getvalue().decode("utf-8")  # raises on invalid UTF-8
        assert code in {0, 1}, command
        if command == "json":  # the same data, as a JSON escape
            messages = [row["message"] for row in json.loads(text)[0]["findings"]]
            assert any(text_field in message for message in messages)
        else:  # shown as a visible escape, not dropped
            assert ascii(surrogate)[1:-1] + "原因" in text, command
    monkeypatch.undo()
    assert "Traceback" not in capsys.readouterr().err


# -- item 8: never write over an input -------------------------------------------------


@pytest.mark.parametrize("alias", ["same name", "dotted path", "hard link", "symbolic link"])
def test_item_08_render_refuses_to_write_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], alias: str
) -> None:
    """Issue 11 item 8: ``govfinal render self.toml -o self.toml`` exited 0 and replaced
    the data file with the report."""
    data = tmp_path / "self.toml"
    shutil.copyfile(SEED_FILE, data)
    before = data.read_bytes()
    output: Path | str = data
    if alias == "dotted path":
        output = f"{tmp_path}/./self.toml"
    elif alias == "hard link":
        output = tmp_path / "hard.toml"
        os.link(data, output)
    elif alias == "symbolic link":
        output = tmp_path / "link.toml"
        output.symlink_to(data)
    code, out, err = run(capsys, "render", data, "-o", output)
    assert (code, out) == (2, "")
    assert "input" in err and str(output) in err and "Traceback" not in err
    assert data.read_bytes() == before


# -- item 10: data cannot steer the terminal ----------------------------------------------


def test_item_10_check_text_escapes_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 item 10: a reason holding ``\\u001b[2J\\u001b]0;X\\u0007`` was printed raw
    by ``check``, and a ``\\n`` in a reason forged whole finding lines."""
    report = with_vehicle_reason(SEED, HOSTILE)
    monkeypatch.setattr(cli, "load", lambda _path: report)
    findings = govfinal.check(report)
    name = tmp_path / "a\x1b[31mname\u202e.toml"
    for colour in ("never", "always"):
        code, out, err = run(capsys, "check", "--color", colour, name)
        assert code == (0 if findings.ok else 1)
        assert err == ""
        assert "伪造" in out  # the reason is shown ...
        assert "\\x1b[2J\\x1b]0;X\\x07原因\\n  T101" in out  # ... as visible escapes
        assert "\\u202e" in out and "a\\x1b[31mname\\u202e.toml" in out
        assert not any(char in PROGRAM_COLOUR.sub("", out) for char in RAW_CONTROLS)
        assert len(out.splitlines()) == 1 + len(findings)  # no forged line
    assert "\x1b[31m" in out and "\x1b[0m" in out  # the program's own colours stay
    assert "\x1b[2J" not in out and "\x1b[31mname" not in out


def test_item_10_check_json_is_faithful_and_printable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 item 10: JSON output keeps the data exactly, with every control escaped."""
    report = with_vehicle_reason(SEED, HOSTILE + "\x85\u2066")
    monkeypatch.setattr(cli, "load", lambda _path: report)
    code, out, _ = run(capsys, "check", "--format", "json", SEED_FILE)
    assert code in {0, 1}
    messages = [row["message"] for row in json.loads(out)[0]["findings"]]
    assert any(HOSTILE + "\x85\u2066" in message for message in messages)
    assert not any(char in out for char in (*RAW_CONTROLS, "\x85", "\u2066"))
    assert "\\u001b[2J" in out and "\\u202e" in out and "\\u0085" in out


def test_item_10_error_messages_on_stderr_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11 item 10: file names and error messages on stderr are escaped too."""
    bad = tmp_path / "bad\x1b]0;X\x07\n  forged.toml"
    bad.write_text('unit = "\\u001b[2J"\n[income\n', encoding="utf-8")
    code, out, err = run(capsys, "check", bad)
    assert code == 2
    assert not any(char in out + err for char in RAW_CONTROLS)
    assert "bad\\x1b]0;X\\x07\\n  forged.toml" in err
    assert all(line.startswith(("  ", str(tmp_path))) for line in err.splitlines())
    assert len(out.splitlines()) == 1


class _Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_item_10_render_is_escaped_on_a_terminal_and_faithful_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11 item 10: ``render`` shows the report a person asked for: on a terminal
    with the data's controls escaped (its own line breaks kept), to a file or pipe as is."""
    report = with_unit_name(SEED, "科协\x1b]0;X\x07\u202e")
    monkeypatch.setattr(cli, "load", lambda _path: report)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["render", str(SEED_FILE)]) == 0
    shown = terminal.getvalue()
    assert "科协\\x1b]0;X\\x07\\u202e" in shown
    assert not any(char in shown for char in RAW_CONTROLS)
    assert shown.count("\n") == govfinal.render(report).rstrip("\n").count("\n") + 1
    monkeypatch.undo()
    monkeypatch.setattr(cli, "load", lambda _path: report)
    target = tmp_path / "report.txt"
    assert main(["render", str(SEED_FILE), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").rstrip("\n") == govfinal.render(report).rstrip("\n")
    assert capsys.readouterr().err == ""


# -- item 13: Ctrl-C and SIGTERM stop the workers too, quietly -------------------------


def _copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    data = SEED_FILE.read_bytes()
    paths = [folder / f"r{index:04}.toml" for index in range(count)]
    for path in paths:
        path.write_bytes(data)
    return paths


def _pool_started(group: int) -> bool:
    """Whether a process of ``group`` other than its leader is alive (Linux ``/proc``)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == group:
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, _parent, process_group = stat[stat.rindex(")") + 2 :].split()[:3]
        if int(process_group) == group and state != "Z":
            return True
    return False


def _wait_until(ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 60
    while not ready():
        assert time.monotonic() < deadline, f"{what} did not happen in 60 s"
        time.sleep(0.005)


def _stopped_check(
    files: list[Path], folder: Path, number: signal.Signals, moment: tuple[str, float]
) -> tuple[int, str]:
    """Start ``check --jobs 2``, send ``number`` at ``moment``, give its status and stderr.

    ``moment`` is ``("pool", seconds)``: that long after the first worker-side process
    appeared (the workers are starting), or ``("output", 0)``: once it printed a line.
    SIGINT goes to the whole process group, as a terminal sends Ctrl-C. Standard error is
    a pipe, read to its end: the end comes when every process holding it (workers, fork
    server, resource tracker, which reports leaks last) has exited.
    """
    out_path = folder / "out.txt"
    with out_path.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "govfinal", "check", "--jobs", "2", *map(str, files)],
            stdout=out,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            when, delay = moment
            if when == "pool":
                _wait_until(lambda: _pool_started(process.pid), "the pool's start")
            else:
                _wait_until(
                    lambda: out_path.stat().st_size > 0 or process.poll() is not None,
                    "the first line",
                )
            time.sleep(delay)
            assert process.poll() is None, "check ended before the signal; give it more files"
            if number == signal.SIGINT:
                os.killpg(process.pid, number)
            else:
                os.kill(process.pid, number)
            _, err = process.communicate(timeout=30)
        finally:
            _kill_group(process)
    return process.returncode, err.decode("utf-8", errors="replace")


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill whatever is left of ``process``'s group (orphaned workers too), and reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs POSIX and /proc")
@pytest.mark.parametrize(("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_item_13_signals_stop_a_pooled_check_cleanly(
    tmp_path: Path, number: signal.Signals, status: int
) -> None:
    """Issue 11 item 13: Ctrl-C during ``check --jobs`` printed ``InvalidStateError:
    CANCELLED`` and tracebacks; SIGTERM left "leaked semaphore objects"."""
    files = _copies(tmp_path / "data", 64)
    moments = [("pool", 0.05), ("pool", 0.25), ("output", 0.0)]  # workers starting, working
    for attempt, moment in enumerate(moments):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        code, err = _stopped_check(files, folder, number, moment)
        assert code == status, (moment, err)
        for fragment in ("Traceback", "InvalidStateError", "leaked semaphore", "Exception"):
            assert fragment not in err, (moment, err)


INTERRUPTED_IMPORT = textwrap.dedent(
    """
    import importlib.abc, os, signal, sys

    class Interrupt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "govfinal.cli":  # Ctrl-C arrives while the command is imported
                os.kill(os.getpid(), signal.SIGINT)
            return None

    sys.meta_path.insert(0, Interrupt())
    from govfinal.__main__ import run
    sys.exit(run())
    """
)


def test_item_13_ctrl_c_while_the_command_is_imported_exits_quietly() -> None:
    """Issue 11 item 13: Ctrl-C during import printed a KeyboardInterrupt traceback.

    The signal is delivered exactly while ``govfinal.cli`` is being imported, by
    an import hook, so the test does not depend on timing.
    """
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_IMPORT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (130, "")


def test_item_13_the_command_enters_through_the_light_entry_point() -> None:
    """Issue 11 item 13: the ``govfinal`` script starts in :mod:`govfinal.__main__`, whose
    import (and ``govfinal``'s own) loads none of the command's modules."""
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="govfinal")
    assert script.value == "govfinal.__main__:run"
    probe = "import sys, govfinal.__main__; print(' '.join(m for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(result.stdout.split())
    assert {"govfinal", "govfinal.__main__"} <= loaded
    heavy = {"govfinal.cli", "govfinal.checks", "govfinal.io", "govfinal.model", "govfinal.scoring"}
    assert not loaded & heavy


# -- item 14: no standard output -----------------------------------------------------------


@pytest.mark.parametrize("redirect", [">&-", "1</dev/null"])
@pytest.mark.parametrize("command", ["check", "render", "rules", "schema"])
def test_item_14_a_closed_stdout_exits_2_with_a_message(command: str, redirect: str) -> None:
    """Issue 11 item 14: ``govfinal check X >&-`` failed with ``AttributeError: 'NoneType'
    object has no attribute 'write'``; likewise render, rules, schema."""
    argv = [command, SEED_FILE] if command in {"check", "render"} else [command]
    result = python_m(*argv, shell_redirect=redirect)
    assert result.returncode == 2, result.stderr
    assert "standard output" in result.stderr
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr


def test_item_14_render_to_a_file_needs_no_stdout(tmp_path: Path) -> None:
    """Issue 11 item 14: ``render -o`` writes no standard output, so it works without one."""
    target = tmp_path / "report.txt"
    result = python_m("render", SEED_FILE, "-o", target, shell_redirect=">&-")
    assert (result.returncode, result.stderr) == (0, "")
    assert target.read_text(encoding="utf-8").rstrip("\n") == govfinal.render(SEED).rstrip("\n")


# -- item 17: dump to another suffix is a write error ---------------------------------------


def test_item_17_dump_to_a_txt_path_is_a_write_error(tmp_path: Path) -> None:
    """Issue 11 item 17: ``dump()`` to a ``.txt`` path raised ``LoadError`` (a load error
    while writing)."""
    target = tmp_path / "report.txt"
    with pytest.raises(govfinal.errors.WriteError) as raised:
        govfinal.io.dump(SEED, target)
    assert not isinstance(raised.value, govfinal.io.LoadError)
    assert str(target) in str(raised.value) and ".toml or .json" in str(raised.value)
    assert not target.exists()


def test_item_17_the_command_reports_a_write_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11 item 17: the command maps a write error to exit 2 and a message."""
    folder = tmp_path / "a folder"
    folder.mkdir()
    code, out, err = run(capsys, "render", SEED_FILE, "-o", folder)
    assert (code, out) == (2, "")
    assert err.startswith(f"govfinal: {folder}: cannot write the file: ")
    assert "Traceback" not in err and folder.is_dir()


# -- no batch stopped by one bad file ---------------------------------------------------


BOOM = "BOOM"
"""The unit name for which the patched ``check`` raises, as a bug would."""

FILE_HEAD = re.compile(r"(.*?): (?:\d+ 个错误，|无法读取)")
"""A file's first line of the text output (then come its findings, ``FILE:LINE: …``)."""


def heads_of(output: str) -> list[str]:
    """The lines of ``output`` that begin a file's report."""
    return [line for line in output.splitlines() if FILE_HEAD.match(line)]


def _boom_check_source() -> str:
    """Python that makes ``govfinal.cli.check`` raise for the report named :data:`BOOM`."""
    return textwrap.dedent(
        f"""
        import govfinal.cli

        _real_check = govfinal.cli.check

        def _check(report, **kwargs):
            if report.unit.name == {BOOM!r}:
                raise ZeroDivisionError("decimal division by zero")
            return _real_check(report, **kwargs)

        govfinal.cli.check = _check
        """
    )


def test_one_crashing_file_does_not_stop_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11: no batch stopped by one bad file, even when checking it hits a bug."""
    namespace: dict[str, object] = {}
    exec(_boom_check_source(), namespace)
    monkeypatch.setattr(cli, "check", namespace["_check"])
    good = tmp_path / "good.toml"
    shutil.copyfile(SEED_FILE, good)
    boom = tmp_path / "boom.toml"
    govfinal.io.dump(with_unit_name(SEED, BOOM), boom)
    code, out, err = run(capsys, "check", good, boom, good)
    assert code == 2
    bug = "ZeroDivisionError: decimal division by zero"
    assert err == f"internal error while checking {boom}: {bug}\n"
    heads = heads_of(out)
    assert heads == [heads[0], f"{boom}: 无法读取（见标准错误）", heads[0]]
    assert heads[0].startswith(f"{good}: ")  # both good copies checked
    code, out, _ = run(capsys, "check", "--format", "json", boom, good)
    document = json.loads(out)
    assert code == 2 and document[0]["ok"] is False and document[1]["file"] == str(good)
    assert document[0]["error"] == f"internal error while checking {boom}: {bug}"


def test_one_crashing_file_does_not_stop_a_pooled_batch(tmp_path: Path) -> None:
    """Issue 11: no batch stopped by one bad file, in worker processes too (``--jobs 2``)."""
    script = tmp_path / "boom_govfinal.py"
    script.write_text(
        _boom_check_source()
        + "\nif __name__ == '__main__':\n    import sys\n    sys.exit(govfinal.cli.main())\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.toml"
    shutil.copyfile(SEED_FILE, good)
    boom = tmp_path / "boom.toml"
    govfinal.io.dump(with_unit_name(SEED, BOOM), boom)
    files = [good, good, boom, good, good]
    result = subprocess.run(
        [sys.executable, str(script), "check", "--jobs", "2", *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"internal error while checking {boom}: ZeroDivisionError" in result.stderr
    heads = heads_of(result.stdout)
    assert [head.split(": ")[0] for head in heads] == list(map(str, files))
    assert heads[2] == f"{boom}: 无法读取（见标准错误）"
