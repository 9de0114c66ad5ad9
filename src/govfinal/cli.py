"""The ``govfinal`` command line: check data files, render reports, list rules, print the schema.

Subcommands:

* ``govfinal check FILE...``: load and check each file; one summary line and
  one line per finding per file (or ``--format json``). Exit status 0 when no
  file has errors, 1 when some file has errors (or warnings, with
  ``--strict``), 2 when some file could not be read (2 wins over 1). Every file
  is checked whatever happens to the others; ``--jobs N`` checks them in
  parallel processes and still reports them in the order given.
* ``govfinal render FILE``: the report of a data file as text, Markdown or HTML.
* ``govfinal rules``: the rule registry (code, severity, name, title, formula, tables).
* ``govfinal schema``: the JSON Schema of data files.

Errors meant for people (a file that cannot be read, an output file that
cannot be written) are printed on standard error without a traceback, with
exit status 2. The command uses the standard library only (``argparse``).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import functools
import io
import json
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Final, TextIO

import attrs

from govfinal import __version__
from govfinal.checks import RULES, CheckOptions, Severity, check
from govfinal.errors import GovFinalError
from govfinal.io import LoadError, load
from govfinal.render import render

__all__ = ["CheckSettings", "FileResult", "Row", "check_file", "main"]

EXIT_OK: Final = 0
"""No file has errors (nor warnings, with ``--strict``)."""

EXIT_FINDINGS: Final = 1
"""Some file has errors (or warnings, with ``--strict``)."""

EXIT_UNREADABLE: Final = 2
"""Some file could not be read, or the command could not run (usage, output file)."""

_COLOURS: Final = {"error": "31", "warning": "33", "info": "2"}
"""ANSI SGR codes by severity: red, yellow, dim."""

_BAR_WIDTH: Final = 30


# -- checking one file: a pure function of its path, run in any process ----------------


@attrs.frozen
class Row:
    """One finding of one file, as plain strings (picklable, and JSON-ready).

    Attributes:
        code: the rule code, e.g. ``T101``.
        severity: ``error``, ``warning`` or ``info``.
        path: where the figure is in the report.
        message_zh: the message in Chinese.
        message_en: the message in English.
        expected: the value the identity asks for, if any.
        actual: the published value, if any.

    """

    code: str
    severity: str
    path: str
    message_zh: str
    message_en: str
    expected: str | None = None
    actual: str | None = None

    def message(self, lang: str) -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        return self.message_en if lang == "en" else self.message_zh

    def as_json(self, lang: str) -> dict[str, str | None]:
        """The row as the JSON output writes it."""
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "message": self.message(lang),
            "expected": self.expected,
            "actual": self.actual,
        }


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings, or why it could not be read.

    Attributes:
        file: the file name as given on the command line.
        error: the load error's text when the file could not be read, else ``None``.
        rows: the findings, in the order the checks give them.

    """

    file: str
    error: str | None = None
    rows: tuple[Row, ...] = ()

    @property
    def readable(self) -> bool:
        """Whether the file could be read (and so was checked)."""
        return self.error is None

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for row in self.rows if row.severity == severity.value)

    def passed(self, *, strict: bool = False) -> bool:
        """Readable and without errors (and without warnings, when ``strict``)."""
        if not self.readable or self.count(Severity.ERROR):
            return False
        return not (strict and self.count(Severity.WARNING))

    def exit_status(self, *, strict: bool = False) -> int:
        """2 when unreadable, 1 when it does not pass, else 0."""
        if not self.readable:
            return EXIT_UNREADABLE
        return EXIT_OK if self.passed(strict=strict) else EXIT_FINDINGS


@attrs.frozen
class CheckSettings:
    """How ``check`` judges each file (plain data, so it can be sent to worker processes).

    Attributes:
        exact: identities must hold exactly.
        select: run only these rule codes or names (empty: all).
        ignore: skip these rule codes or names.

    """

    exact: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def options(self) -> CheckOptions:
        """The :class:`~govfinal.checks.CheckOptions` these settings stand for."""
        return CheckOptions(exact=self.exact, select=self.select, ignore=self.ignore)


def check_file(path: str, settings: CheckSettings | None = None) -> FileResult:
    """Load and check one file; a load error becomes the result's ``error``, never an exception.

    Args:
        path: the data file (``.toml`` or ``.json``).
        settings: how to check it (default: all rules, with rounding tolerance).

    """
    settings = CheckSettings() if settings is None else settings
    try:
        report = load(path)
    except GovFinalError as exc:
        return FileResult(file=path, error=str(exc))
    findings = check(report, options=settings.options())
    rows = tuple(
        Row(
            code=finding.code,
            severity=finding.severity.value,
            path=finding.path,
            message_zh=finding.message_zh,
            message_en=finding.message_en,
            expected=None if finding.expected is None else str(finding.expected),
            actual=None if finding.actual is None else str(finding.actual),
        )
        for finding in findings
    )
    return FileResult(file=path, rows=rows)


def _results(files: Sequence[str], settings: CheckSettings, jobs: int) -> Iterator[FileResult]:
    """The result of each file, in the order given, checked in ``jobs`` processes."""
    jobs = min(jobs, len(files))
    if jobs <= 1:
        for path in files:
            yield check_file(path, settings)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    chunksize = max(1, min(64, len(files) // (jobs * 4)))
    worker = functools.partial(check_file, settings=settings)
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        yield from pool.map(worker, files, chunksize=chunksize)


# -- output --------------------------------------------------------------------------


def _use_colour(mode: str, stream: TextIO) -> bool:
    """Whether to colour ``stream``: ``always``, ``never``, or ``auto`` (a TTY and no NO_COLOR)."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def _paint(text: str, sgr: str | None, enabled: bool) -> str:
    """``text`` wrapped in an ANSI colour when ``enabled``."""
    return f"\x1b[{sgr}m{text}\x1b[0m" if enabled and sgr else text


def _summary(result: FileResult, lang: str) -> str:
    """``2 errors, 1 warning, 3 notices`` (or its Chinese) for one readable file."""
    errors = result.count(Severity.ERROR)
    warnings = result.count(Severity.WARNING)
    infos = result.count(Severity.INFO)
    if lang == "en":
        return ", ".join(
            (
                _plural(errors, "error"),
                _plural(warnings, "warning"),
                _plural(infos, "notice"),
            )
        )
    return f"{errors} 个错误，{warnings} 个警告，{infos} 条提示"


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _text_lines(result: FileResult, lang: str, colour: bool) -> list[str]:
    """The text report of one file: a header line, then one line per finding."""
    if not result.readable:
        state = "could not be read (see stderr)" if lang == "en" else "无法读取（见标准错误）"
        return [f"{_paint(result.file, '1', colour)}: {_paint(state, '31', colour)}"]
    lines = [f"{_paint(result.file, '1', colour)}: {_summary(result, lang)}"]
    for row in result.rows:
        sgr = _COLOURS.get(row.severity)
        head = _paint(f"{row.code} {row.severity}", sgr, colour)
        lines.append(f"  {head} {row.path}: {row.message(lang)}")
    return lines


class _Tally:
    """What the end of a run needs of the files checked so far: counts and the exit status.

    Results are counted as they come and not kept, so that checking ten thousand
    files takes no more memory than checking ten.
    """

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.files = self.passed = self.unreadable = 0
        self.status = EXIT_OK

    def add(self, result: FileResult) -> None:
        """Count one file's result."""
        self.files += 1
        if not result.readable:
            self.unreadable += 1
        elif result.passed(strict=self.strict):
            self.passed += 1
        self.status = max(self.status, result.exit_status(strict=self.strict))


def _totals_line(tally: _Tally, lang: str) -> str:
    """One line over all files: how many passed, failed, or could not be read."""
    files, passed, unreadable = tally.files, tally.passed, tally.unreadable
    failed = files - unreadable - passed
    if lang == "en":
        return (
            f"{_plural(files, 'file')} checked: "
            f"{passed} passed, {failed} failed, {unreadable} unreadable"
        )
    return f"共检查 {files} 个文件：通过 {passed} 个，未通过 {failed} 个，无法读取 {unreadable} 个"


class _JsonList:
    """A JSON array written one element at a time to a spool, then copied out at the end.

    The text is exactly ``json.dumps(elements, ensure_ascii=False, indent=2)``,
    and nothing reaches the output before :meth:`write_to`; but the elements
    wait in a temporary file (in memory up to 1 MiB), so memory does not grow
    with the number of files.
    """

    def __init__(self) -> None:
        self.count = 0
        self.spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed by write_to or the caller)
            max_size=1 << 20, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
        )

    def append(self, element: object) -> None:
        """Add one element, indented as the array's item."""
        text = json.dumps(element, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.spool.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        self.count += 1

    def write_to(self, out: TextIO) -> None:
        """Write the whole array (then a newline) to ``out``, and drop the spool."""
        with self.spool:
            if self.count == 0:
                out.write("[]\n")
                return
            self.spool.write("\n]\n")
            self.spool.seek(0)
            while chunk := self.spool.read(1 << 16):
                out.write(chunk)


class _Progress:
    """A one-line progress bar on a terminal's standard error; silent elsewhere."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 1
        self.shown = False

    def update(self, done: int) -> None:
        """Draw the bar at ``done`` of ``total``."""
        if not self.enabled:
            return
        filled = _BAR_WIDTH * done // self.total
        bar = "#" * filled + "." * (_BAR_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the bar, so that other output starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:  # a closed stream
        return False


# -- subcommands ---------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> int:
    """``govfinal check``: load and check every file, report, and give the exit status."""
    files: list[str] = args.files
    settings = CheckSettings(exact=args.exact, select=tuple(args.select), ignore=tuple(args.ignore))
    out, err = sys.stdout, sys.stderr
    colour = _use_colour(args.color, out)
    progress = _Progress(len(files), err, _isatty(err))
    tally = _Tally(args.strict)
    document = _JsonList() if args.format == "json" else None
    progress.update(0)
    try:
        for result in _results(files, settings, args.jobs):
            tally.add(result)
            progress.clear()
            if result.error is not None:
                err.write(result.error + "\n")
                err.flush()
            if document is not None:
                document.append(_json_result(result, args.lang, args.strict))
            else:
                out.write("\n".join(_text_lines(result, args.lang, colour)) + "\n")
                out.flush()
            progress.update(tally.files)
        progress.clear()
        if document is not None:
            document.write_to(out)
        elif tally.files > 1:
            out.write(_totals_line(tally, args.lang) + "\n")
    finally:
        if document is not None:
            document.spool.close()
    out.flush()
    return tally.status


def _json_result(result: FileResult, lang: str, strict: bool) -> dict[str, Any]:
    """One file in the JSON output: ``file``, ``ok``, ``findings`` (and ``error``)."""
    document: dict[str, Any] = {"file": result.file, "ok": result.passed(strict=strict)}
    if result.error is not None:
        document["error"] = result.error
    document["findings"] = [row.as_json(lang) for row in result.rows]
    return document


def _run_render(args: argparse.Namespace) -> int:
    """``govfinal render``: the report of one data file, to a file or standard output."""
    report = load(args.file)
    text = render(report, format=args.format, lang=args.lang)
    if not text.endswith("\n"):
        text += "\n"
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    """``govfinal rules``: the rule registry, as text or JSON."""
    rules = list(RULES.values())
    if args.format == "json":
        document = [
            {
                "code": rule.code,
                "severity": rule.severity.value,
                "name": rule.name,
                "title_zh": rule.title_zh,
                "title_en": rule.title_en,
                "formula": rule.formula,
                "tables": list(rule.tables),
            }
            for rule in rules
        ]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max((len(rule.name) for rule in rules), default=0)
    lines: list[str] = []
    for rule in rules:
        title = rule.title_en if args.lang == "en" else rule.title_zh
        lines.append(f"{rule.code} {rule.severity.value:<7} {rule.name:<{width}} {title}")
        lines.append(f"     {rule.formula}")
        if rule.tables:
            lines.append(f"     [{'、'.join(rule.tables)}]")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _run_schema(_args: argparse.Namespace) -> int:
    """``govfinal schema``: the JSON Schema of data files."""
    from govfinal.io.schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


# -- arguments -----------------------------------------------------------------------


def _rule_codes(text: str) -> list[str]:
    """A comma-separated list of rule codes or names, each one registered."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [code for code in codes if code not in RULES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown rule {', '.join(unknown)} (see 'govfinal rules')"
        )
    return codes


def _jobs(text: str) -> int:
    """A number of worker processes; 0 means one per CPU."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("the number of jobs cannot be negative")
    return number if number > 0 else (os.cpu_count() or 1)


def _parser() -> argparse.ArgumentParser:
    """The argument parser of ``govfinal`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="govfinal",
        description="Check and render Chinese departmental final accounts (部门决算).",
    )
    parser.add_argument("--version", action="version", version=f"govfinal {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check_cmd = commands.add_parser(
        "check",
        help="check data files",
        description="Load and check data files; exit 0 if no errors, 1 if errors, 2 if unreadable.",
    )
    check_cmd.add_argument("files", nargs="+", metavar="FILE", help=".toml or .json data file")
    check_cmd.add_argument("--format", choices=("text", "json"), default="text")
    check_cmd.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="check in N processes (0: all CPUs)",
    )
    check_cmd.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    check_cmd.add_argument(
        "--exact", action="store_true", help="identities must hold exactly (no rounding tolerance)"
    )
    check_cmd.add_argument(
        "--select",
        type=_rule_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="run only these rules (comma-separated codes or names)",
    )
    check_cmd.add_argument(
        "--ignore",
        type=_rule_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="skip these rules (comma-separated codes or names)",
    )
    check_cmd.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language")
    check_cmd.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal unless NO_COLOR is set)",
    )
    check_cmd.set_defaults(run=_run_check)

    render_cmd = commands.add_parser("render", help="render a data file as a report")
    render_cmd.add_argument("file", metavar="FILE", help=".toml or .json data file")
    render_cmd.add_argument("--format", choices=("text", "markdown", "html"), default="text")
    render_cmd.add_argument("--lang", choices=("zh", "en"), default="zh")
    render_cmd.add_argument("-o", "--output", metavar="OUT", help="write here (UTF-8), not stdout")
    render_cmd.set_defaults(run=_run_render)

    rules_cmd = commands.add_parser("rules", help="list the rules the checks run")
    rules_cmd.add_argument("--format", choices=("text", "json"), default="text")
    rules_cmd.add_argument("--lang", choices=("zh", "en"), default="zh", help="title language")
    rules_cmd.set_defaults(run=_run_rules)

    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of data files")
    schema_cmd.set_defaults(run=_run_schema)
    return parser


# -- entry point ---------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Run ``govfinal`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit status.

    Errors govfinal raises on purpose, and files that cannot be written, are
    reported on standard error (exit status 2), never as a traceback. A closed
    standard output (``govfinal rules | head``) ends the command quietly.
    """
    _tolerant_output()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_UNREADABLE
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_usage(sys.stderr)
        sys.stderr.write("govfinal: error: a command is required (check, render, rules, schema)\n")
        return EXIT_UNREADABLE
    try:
        return run(args)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        sys.stderr.write("\ngovfinal: interrupted\n")
        return 130
    except LoadError as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_UNREADABLE
    except GovFinalError as exc:
        sys.stderr.write(f"govfinal: {exc}\n")
        return EXIT_UNREADABLE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(f"govfinal: {where}{exc.strerror or exc}\n")
        return EXIT_UNREADABLE


def _tolerant_output() -> None:
    """Make standard output and error write any text, whatever their encoding."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and encoding != "utf8":
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point standard output at the null device, so that exiting does not fail on it again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (e.g. captured output)
        pass
