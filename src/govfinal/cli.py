"""The ``govfinal`` command line: check and render data files, list rules, compare figures.

Subcommands:

* ``govfinal check FILE...``: load and check each file (a directory: the
  ``.toml``, ``.json``, ``.pdf`` and ``.txt`` files under it, sorted, hidden
  names skipped; none is an error); one summary line per
  file, then one line per finding, ``FILE:LINE: CODE severity address
  message`` (``FILE: …`` when the figure's line is not known), or the same
  fields in JSON (``--format json``: with each rule's title, and an
  unreadable file's problems); ``--quiet`` leaves out the files without
  findings. Exit status 0 when no
  file has errors, 1 when some file has errors (or warnings, with
  ``--strict``), 2 when some file could not be read (2 wins over 1). Every file
  is checked whatever happens to the others; ``--jobs N`` checks them in
  parallel processes and still reports them in the order given.
* ``govfinal render FILE``: the report of a data file as text, Markdown or HTML, its
  narrative in the sentences of a template family (``--family``); or its nine
  tables as an Excel workbook or a folder of CSV files; the format by ``-o``'s
  suffix unless ``--format`` says (a contradiction is refused).
* ``govfinal migrate FILE...``: each data file rewritten at the current data
  format (``--in-place``, or to ``-o OUT``, or to standard output), all or
  nothing; a file that cannot be read is left as it was (exit status 2).
* ``govfinal rules``: the rule registry (code, severity, name, title, formula, tables).
* ``govfinal schema``: the JSON Schema of data files.
* ``govfinal compare RENDERED PUBLISHED``: how many of the published text's
  figures the rendered text gives in order (:mod:`govfinal.compare`); exit
  status 0 when the share reaches ``--at-least`` (default 0.95), 1 when it
  does not, 2 when a file cannot be read or lacks a heading given.

Errors meant for people (a file that cannot be read, an output file that
cannot be written, a closed standard output) are printed on standard error
without a traceback, with exit status 2; an interrupt (Ctrl-C) or a SIGTERM
stops the command, workers included, with exit status 130 or 143. Text from
data files reaches a terminal only through :func:`~govfinal.terminal.terminal_safe`, so a
report cannot move the cursor, retitle the window or forge a line. Output
files are written all or nothing, never over an input. The command uses the
standard library only (``argparse``).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import errno
import io
import json
import multiprocessing
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from types import FrameType
from typing import Any, Final, TextIO, TypeVar, cast

import attrs

from govfinal import __version__
from govfinal._files import check_not_input, write_text
from govfinal.checks import RULES, CheckOptions, Finding, Findings, Severity, check
from govfinal.checks.registry import retired
from govfinal.checks.tolerance import shown
from govfinal.compare import (
    MAX_CHARS,
    MAX_FIGURES,
    CompareError,
    Figure,
    align,
    figures_between,
)
from govfinal.errors import AmountError, GovFinalError
from govfinal.ingest import FAMILIES as INGEST_FAMILIES
from govfinal.ingest import IngestError, ingest, is_published
from govfinal.io import FORMAT_VERSION, MAX_BYTES, LoadError, Problem, dumps, format_of, load
from govfinal.io.locate import Locator
from govfinal.model.report import FinalAccount
from govfinal.money import to_decimal
from govfinal.render import DEFAULT_FAMILY, Format, render
from govfinal.render.csv_out import write_csv
from govfinal.render.sentences import FAMILIES
from govfinal.render.tables import build_tables
from govfinal.render.xlsx import write_xlsx
from govfinal.terminal import json_safe, terminal_safe

__all__ = ["FileResult", "check_file", "main"]

T = TypeVar("T")

EXIT_OK: Final = 0
"""No file has errors (nor warnings, with ``--strict``)."""

EXIT_FINDINGS: Final = 1
"""Some file has errors (or warnings, with ``--strict``)."""

EXIT_UNREADABLE: Final = 2
"""Some file could not be read, or the command could not run (usage, output file)."""

EXIT_INTERRUPTED: Final = 128 + signal.SIGINT
"""Stopped by an interrupt (Ctrl-C, SIGINT): 130."""

EXIT_TERMINATED: Final = 128 + signal.SIGTERM
"""Stopped by SIGTERM: 143."""

_COLOURS: Final = {"error": "31", "warning": "33", "info": "2"}
"""ANSI SGR codes by severity: red, yellow, dim."""

_RANKS: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
"""The order of severities in the output: errors first."""

_SEVERITY_WORDS: Final = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
}
"""The severity column of the text output, by ``--lang`` (JSON keeps the English codes)."""

DATA_SUFFIXES: Final = (".toml", ".json", ".pdf", ".txt")
"""The files ``check`` takes from a directory: data files and published reports."""

_BAR_WIDTH: Final = 30

_MAX_CHUNK: Final = 16
"""Most files sent to a worker at once: enough to make sending cheap, few
enough (well under a second of work) that stopping does not wait long."""

_STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM)
"""The signals that stop the command (exit status 130 and 143)."""

# -- checking one file: a pure function of its path, run in any process ----------------


@attrs.frozen
class FileResult:
    """What checking one file gave: its findings and their lines, or why it could not be read.

    Plain data (frozen attrs classes, strings, numbers), so it can come back
    from a worker process.

    Attributes:
        file: the file name as given on the command line.
        error: the load error's text when the file could not be read, else ``None``.
        findings: the findings, in the order the checks give them.
        lines: the line of the file at which each finding's figure (by its
            address, ``Finding.path``) is written, or its nearest written
            ancestor; an address of no known line is not in it
            (:mod:`govfinal.io.locate`).
        places: for a published report read by :mod:`govfinal.ingest`, where
            each finding's figure or statement was read (``report.pdf p.10
            支出决算表 2080505 基本支出``), by the same keys as ``lines``.
        pages: for a published report, the page and line (0 when not known)
            of each of ``places``, by the same keys: what the findings are
            ordered by.
        problems: when the file could not be read, what is wrong with it, each
            with its address and line where known (a :class:`~govfinal.io.LoadError`'s
            problems; one problem of no address for any other error).

    """

    file: str
    error: str | None = None
    findings: Findings = attrs.field(factory=Findings)
    lines: Mapping[str, int] = attrs.field(factory=dict, hash=False)
    places: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    pages: Mapping[str, tuple[int, int]] = attrs.field(factory=dict, hash=False)
    problems: tuple[Problem, ...] = ()

    @property
    def readable(self) -> bool:
        """Whether the file could be read (and so was checked)."""
        return self.error is None

    def line(self, finding: Finding) -> int | None:
        """The line of ``finding``'s statement, else of its figure; ``None`` when not known."""
        return _of_finding(self.lines, finding)

    def place(self, finding: Finding) -> str | None:
        """Where ``finding``'s statement, else its figure, was read in a published report."""
        return _of_finding(self.places, finding)

    def ordered(self) -> tuple[Finding, ...]:
        """The findings by severity (errors, warnings, infos), then place, then rule code.

        The place is the line in the file, or the page (then line) of the
        published report; a finding of no known place comes after those of
        its severity that have one. Findings equal in all three keep the order
        the checks give them.
        """
        return tuple(sorted(self.findings, key=self._order_key))

    def _order_key(self, finding: Finding) -> tuple[int, int, tuple[int, ...], str]:
        line = self.line(finding)
        if line is not None:
            place: tuple[int, ...] = (line,)
        else:
            page = _of_finding(self.pages, finding)
            place = () if page is None else page
        return (_RANKS[finding.severity], 0 if place else 1, place, finding.code)

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return len(self.findings.of(severity))

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


def _of_finding(where: Mapping[str, T], finding: Finding) -> T | None:
    """What ``where`` holds for ``finding``'s statement, else for its figure's address."""
    if finding.statement is not None:
        found = where.get(_statement_key(finding.statement))
        if found is not None:
            return found
    return where.get(finding.path)


def check_file(path: str, options: CheckOptions | None = None) -> FileResult:
    """Load and check one file, and find the line of each finding's figure in it.

    Never raises (but for interrupts): a load error gives its problems, and any
    other exception, which is a bug, is reported as an internal error of this
    file alone, so that one file cannot stop a batch. The error text holds no
    control characters from the data (see :func:`~govfinal.terminal.terminal_safe`), so each of
    its lines is a real line.

    The lines are found in the file's text, read again after it was checked
    (only when there are findings), and only from a regular file that is still
    the one loaded (same device, inode, size and modification time): a file
    replaced or changed meanwhile, gone, or not a regular file (a pipe) gives
    findings without lines.

    Args:
        path: the data file (``.toml`` or ``.json``).
        options: how to check it (default: all rules, with rounding tolerance).

    """
    options = CheckOptions() if options is None else options
    if is_published(path):
        return _check_published(path, options)
    loaded = _file_state(path)
    try:
        report = load(path)
    except LoadError as exc:
        return FileResult(file=path, error=str(exc), problems=exc.problems)
    except Exception as exc:  # a bug, not the file's fault
        return _unreadable(path, _internal_error(path, exc))
    try:
        findings = check(report, options=options)
        lines = _lines(path, findings, loaded)
    except Exception as exc:  # a bug, not the file's fault
        return _unreadable(path, _internal_error(path, exc))
    return FileResult(file=path, findings=findings, lines=lines)


def _check_published(path: str, options: CheckOptions) -> FileResult:
    """Read a published report (``.pdf``, ``.txt``) and check it; findings name their sources.

    A report whose tables were not read (a text of the narrative alone) is
    checked by the narrative's rules (N9xx) only, on the statements about
    figures the text gives (:meth:`~govfinal.ingest.Ingested.judged`): the
    tables' identities cannot be judged on the figures the narrative happens
    to restate.
    """
    try:
        read = ingest(path)
    except IngestError as exc:
        return _unreadable(path, terminal_safe(str(exc)))
    except Exception as exc:  # a bug, not the file's fault
        return _unreadable(path, _internal_error(path, exc))
    report, statement_sources = read.judged()
    if not read.tables_read:  # the narrative alone: only its statements can be judged
        tables = frozenset(code for code in RULES if not code.startswith("N"))
        options = attrs.evolve(options, ignore=options.ignore | tables)
    try:
        findings = check(report, options=options)
    except Exception as exc:  # a bug, not the file's fault
        return _unreadable(path, _internal_error(path, exc))
    sources = dict(read.sources)
    for index, source in enumerate(statement_sources):
        sources[_statement_key(index)] = source
    places = {key: str(source) for key, source in sources.items()}
    pages = {
        key: (source.page, source.line or 0)
        for key, source in sources.items()
        if source.page is not None
    }
    return FileResult(file=path, findings=findings, places=places, pages=pages)


def _unreadable(path: str, error: str) -> FileResult:
    """The result of a file that could not be read for ``error``: one problem, of no address."""
    return FileResult(file=path, error=error, problems=(Problem("", error),))


def _report_of(path: str) -> FinalAccount:
    """The report of a data file, or of a published report (:func:`~govfinal.ingest.ingest`)."""
    return ingest(path).report if is_published(path) else load(path)


def _file_state(path: str) -> tuple[int, int, int, int] | None:
    """What changes when a regular file is replaced or written; ``None`` for any other file."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return _state_of(info)


def _state_of(info: os.stat_result) -> tuple[int, int, int, int] | None:
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _lines(
    path: str, findings: Findings, loaded: tuple[int, int, int, int] | None
) -> dict[str, int]:
    """The line of each finding's address in the file, where one is known.

    ``loaded`` is the file's state when it was loaded (:func:`_file_state`);
    a file not in that state any more is not read. It is opened without
    blocking, so a pipe put in its place cannot stop the command.
    """
    if not findings or loaded is None:
        return {}
    try:
        kind = format_of(path)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            if _state_of(os.fstat(handle.fileno())) != loaded:
                return {}
            text = handle.read(MAX_BYTES + 1).decode("utf-8-sig")
    except (LoadError, OSError, ValueError):  # gone, unreadable, or not UTF-8 any more
        return {}
    locator = Locator(text, kind)
    lines: dict[str, int] = {}
    for address in dict.fromkeys(finding.path for finding in findings):
        line = locator.line(address)
        if line is not None:
            lines[address] = line
    for index in {finding.statement for finding in findings} - {None}:
        assert index is not None
        line = locator.statement_line(index)
        if line is not None:
            lines[_statement_key(index)] = line
    return lines


def _statement_key(index: int) -> str:
    """The key of a statement's line in :attr:`FileResult.lines` (never an address)."""
    return f"#statement {index}"


def _internal_error(path: str, exc: BaseException) -> str:
    """One line saying that checking ``path`` failed on a bug, and what the bug said."""
    return terminal_safe(f"internal error while checking {path}: {type(exc).__name__}: {exc}")


# -- checking many files, in this process or in a pool of workers -----------------------


@contextlib.contextmanager
def _checking(
    files: Sequence[str], options: CheckOptions, jobs: int
) -> Iterator[Iterator[FileResult]]:
    """The result of each file, in the order given, checked in ``jobs`` processes.

    With more than one job the files go to a pool of worker processes, in
    chunks. Leaving the ``with`` block for any reason (the end, an error, an
    interrupt, SIGTERM) cancels what is still pending and waits for the
    workers to stop, so nothing is left behind (no process, no semaphore).
    """
    jobs = min(jobs, len(files))
    if jobs <= 1:
        yield (check_file(path, options) for path in files)
        return
    chunks = _chunks(files, max(1, min(_MAX_CHUNK, len(files) // (jobs * 4))))
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=_pool_context(), initializer=_start_worker
    )
    try:
        with _signals_held(*_STOP_SIGNALS):  # the workers start in it (see _start_worker)
            futures = [pool.submit(_check_chunk, chunk, options) for chunk in chunks]
        yield _chunk_results(chunks, futures)
    finally:
        _shut_down(pool)


def _pool_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one, else ``spawn`` (never ``fork``: threads are running)."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _chunks(files: Sequence[str], size: int) -> list[tuple[str, ...]]:
    """``files`` cut into consecutive chunks of ``size`` (the last may be shorter)."""
    return [tuple(files[start : start + size]) for start in range(0, len(files), size)]


def _check_chunk(paths: Sequence[str], options: CheckOptions) -> list[FileResult]:
    """What a worker does: check each file of one chunk."""
    return [check_file(path, options) for path in paths]


def _start_worker() -> None:
    """A worker's start: Ctrl-C is for the parent, which then stops the workers itself.

    (A worker killed by Ctrl-C, as the whole terminal's process group gets it,
    would break the pool and print its traceback.) The fork server and the
    workers are started with SIGINT and SIGTERM held (:func:`_signals_held`),
    so that neither can reach a worker half-started; here SIGINT is ignored for
    good and SIGTERM let through again, with its default: a worker told to end
    ends.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _chunk_results(
    chunks: Sequence[tuple[str, ...]],
    futures: Sequence[concurrent.futures.Future[list[FileResult]]],
) -> Iterator[FileResult]:
    """Each chunk's results in order; a chunk whose worker failed gives an error per file."""
    for chunk, future in zip(chunks, futures, strict=True):
        try:
            results = future.result()
        except Exception as exc:  # the worker process died, or its result was lost
            results = [FileResult(file=path, error=_internal_error(path, exc)) for path in chunk]
        yield from results


def _shut_down(pool: concurrent.futures.Executor) -> None:
    """Cancel the chunks not started, and wait for the workers to finish theirs and exit.

    The pool cancels them itself: a future cancelled from here could be one a
    breaking pool then fails (``InvalidStateError`` in its thread). A Ctrl-C
    (or SIGTERM) while stopping is held until the workers are gone rather than
    left to interrupt the stopping half-way.
    """
    with _signals_held(*_STOP_SIGNALS):
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _signals_held(*signals: signal.Signals) -> Iterator[None]:
    """Hold (block) ``signals`` for a while; one that comes is delivered at the end.

    Processes started meanwhile inherit the block. Only on POSIX, and only in
    the main thread (where Python handles signals); elsewhere, nothing is held.
    """
    if not hasattr(signal, "pthread_sigmask") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


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
    """The text report of one file: a header line, then one line per finding.

    A finding's line is ``FILE:LINE: CODE severity address message``, or
    ``FILE: CODE severity address message`` when the figure's line is not
    known. Every piece of text from the data (file name, address, message) is
    made terminal-safe before the colours are added, so the colours stay and
    nothing else can steer the terminal or start a line.
    """
    name = terminal_safe(result.file)
    if not result.readable:
        state = "could not be read (see stderr)" if lang == "en" else "无法读取（见标准错误）"
        return [f"{_paint(name, '1', colour)}: {_paint(state, '31', colour)}"]
    lines = [f"{_paint(name, '1', colour)}: {_summary(result, lang)}"]
    words = _SEVERITY_WORDS[lang]
    for finding in result.ordered():
        line, place = result.line(finding), result.place(finding)
        where = name if line is None else f"{name}:{line}"
        if place is not None:
            where = terminal_safe(place)
        sgr = _COLOURS.get(finding.severity.value)
        head = _paint(terminal_safe(f"{finding.code} {words[finding.severity]}"), sgr, colour)
        parts = (head, terminal_safe(finding.path), terminal_safe(finding.message(lang)))
        lines.append(f"{_paint(where, '1', colour)}: " + " ".join(part for part in parts if part))
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

    The text is exactly ``json.dumps(elements, ensure_ascii=False, indent=2)``
    (with the escapes of :func:`~govfinal.terminal.json_safe`), and nothing reaches the output
    before :meth:`write_to`; but the elements wait in a temporary file (in
    memory up to 1 MiB), so memory does not grow with the number of files.
    """

    def __init__(self) -> None:
        self.count = 0
        self.spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed by write_to or the caller)
            max_size=1 << 20, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
        )

    def append(self, element: object) -> None:
        """Add one element, indented as the array's item."""
        text = json_safe(json.dumps(element, ensure_ascii=False, indent=2))
        text = text.replace("\n", "\n  ")
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


# -- standard streams ----------------------------------------------------------------


class _StreamError(Exception):
    """Standard output is missing: it was closed before the command started (``>&-``)."""


def _stdout() -> TextIO:
    """Standard output, or :class:`_StreamError` when the command was started without one."""
    if sys.stdout is None:
        raise _StreamError("standard output is closed; there is nowhere to write the output")
    return sys.stdout


def _say(text: str) -> None:
    """Write ``text`` on standard error, each line terminal-safe; quietly, if there is none."""
    stream = sys.stderr
    if stream is None:
        return
    lines = [terminal_safe(line) for line in text.split("\n")]
    try:
        stream.write("\n".join(lines) + "\n")
        stream.flush()
    except (OSError, ValueError):  # standard error is closed too: nothing more can be said
        pass


# -- subcommands ---------------------------------------------------------------------


def _run_check(args: argparse.Namespace) -> int:
    """``govfinal check``: load and check every file, report, and give the exit status."""
    files = _data_files(args.files)
    options = CheckOptions(exact=args.exact, select=args.select, ignore=args.ignore)
    out, err = _stdout(), sys.stderr
    colour = _use_colour(args.color, out)
    progress = _Progress(len(files), err, _isatty(err))
    tally = _Tally(args.strict)
    document = _JsonList() if args.format == "json" else None
    progress.update(0)
    try:
        with _checking(files, options, args.jobs) as results:
            for result in results:
                tally.add(result)
                progress.clear()
                if result.error is not None:
                    _say(result.error)
                if args.quiet and result.readable and not result.findings:
                    pass  # a clean file says nothing with --quiet
                elif document is not None:
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
        progress.clear()
        if document is not None:
            document.spool.close()
    out.flush()
    return tally.status


def _data_files(arguments: Sequence[str]) -> list[str]:
    """The files to check: each argument, a directory replaced by the data files in it.

    A directory is walked recursively, in sorted order, for ``.toml``,
    ``.json``, ``.pdf`` and ``.txt`` files (:data:`DATA_SUFFIXES`, in any case);
    hidden files and directories (a name starting with ``.``) are skipped, and
    links to directories are not followed. A directory without any such file
    is an error (:class:`~govfinal.errors.GovFinalError`, exit status 2).
    """
    files: list[str] = []
    for argument in arguments:
        if not os.path.isdir(argument):
            files.append(argument)
            continue
        found = sorted(_walk(argument), key=lambda path: path.split(os.sep))
        if not found:
            raise GovFinalError(
                f"{argument}: no data file or published report in this directory"
                f" ({', '.join(DATA_SUFFIXES)})"
            )
        files.extend(found)
    return files


def _walk(directory: str) -> Iterator[str]:
    """The paths of the data files under ``directory``, hidden names skipped."""
    for root, dirs, names in os.walk(directory):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in names:
            if not name.startswith(".") and name.lower().endswith(DATA_SUFFIXES):
                yield os.path.join(root, name)


def _json_result(result: FileResult, lang: str, strict: bool) -> dict[str, Any]:
    """One file in the JSON output: ``file``, ``ok``, ``findings`` (and ``error``, ``problems``)."""
    document: dict[str, Any] = {"file": result.file, "ok": result.passed(strict=strict)}
    if result.error is not None:
        document["error"] = result.error
        document["problems"] = [
            {
                "file": result.file,
                "line": problem.line,
                "address": problem.path or None,
                "message": problem.message,
            }
            for problem in result.problems
        ]
    document["findings"] = [_json_finding(result, finding, lang) for finding in result.ordered()]
    return document


def _json_finding(result: FileResult, finding: Finding, lang: str) -> dict[str, Any]:
    """One finding in the JSON output: where it is, what it says, and its figures as text."""
    return {
        "file": result.file,
        "line": result.line(finding),
        "place": result.place(finding),
        "code": finding.code,
        "severity": finding.severity.value,
        "address": finding.path,
        "message": finding.message(lang),
        "title": _title(finding.code, lang),
        "expected": _figure(finding.expected),
        "actual": _figure(finding.actual),
        "difference": _figure(finding.difference),
        "tolerance": _figure(finding.tolerance),
    }


def _title(code: str, lang: str) -> str | None:
    """The title of rule ``code`` in ``lang``; ``None`` for a code not registered."""
    rule = RULES.get(code)
    if rule is None:
        return None
    return rule.title_en if lang == "en" else rule.title_zh


def _figure(value: Decimal | None) -> str | None:
    """A figure as JSON writes it: its digits as text (never an exponent), or ``null``."""
    return None if value is None else shown(value)


def _run_render(args: argparse.Namespace) -> int:
    """``govfinal render``: the report of one data file, to a file or standard output.

    The output file is refused when it is the data file itself (by any name),
    and is written all or nothing. On a terminal the report is made
    terminal-safe (its own newlines and tabs kept); to a file or a pipe it is
    written as rendered, since it is the document that was asked for.
    """
    kind = _render_format(args.format, args.output)
    out = None if args.output is not None else _stdout()
    if args.output is not None:
        check_not_input(args.output, [args.file])
    report = _report_of(args.file)
    if kind in _TABLE_FORMATS:
        tables = build_tables(report, lang=args.lang)
        if kind == "xlsx":
            write_xlsx(tables, args.output)
        else:
            write_csv(tables, args.output)
        return EXIT_OK
    text = render(report, format=cast(Format, kind), lang=args.lang, family=args.family)
    if not text.endswith("\n"):
        text += "\n"
    if out is None:
        write_text(args.output, text, inputs=[args.file])
        return EXIT_OK
    out.write(terminal_safe(text, keep="\n\t") if _isatty(out) else text)
    out.flush()
    return EXIT_OK


_SUFFIX_FORMATS: Final = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
"""The format ``render -o`` writes, by the output's suffix, when ``--format`` is not given."""

_TABLE_FORMATS: Final = ("xlsx", "csv")
"""Formats of the nine tables only: a workbook, or a folder of one CSV file per table."""


def _render_format(given: str | None, output: str | None) -> str:
    """The format ``render`` writes: as given, else by ``-o``'s suffix, else text.

    A given format that the output's suffix contradicts (``-o report.html
    --format text``) is refused rather than written under a misleading name;
    the table formats need ``-o`` (a workbook, or a folder for CSV).
    """
    suffix = "" if output is None else os.path.splitext(output)[1].lower()
    by_suffix = _SUFFIX_FORMATS.get(suffix)
    kind = given or by_suffix or "text"
    if given is not None and by_suffix is not None and given != by_suffix:
        raise GovFinalError(f"-o {output}: a {suffix} file, but --format {given} was asked for")
    if kind in _TABLE_FORMATS and output is None:
        raise GovFinalError(f"--format {kind} writes files: give -o OUT")
    if kind == "csv" and suffix:
        raise GovFinalError(f"-o {output}: CSV is written as a folder of one file per table")
    return kind


def _run_ingest(args: argparse.Namespace) -> int:
    """``govfinal ingest``: a published report as a reviewable data file.

    The output is written all or nothing, never over the input; what was not
    found and what was read twice go to standard error, one line each.
    """
    if not is_published(args.file):
        raise IngestError(f"{args.file}: not a published report (give a .pdf or .txt file)")
    if args.output is not None:
        check_not_input(args.output, [args.file])
    read = ingest(args.file, family=args.family)
    text = read.data_file()
    if args.output is None:
        out = _stdout()
        out.write(terminal_safe(text, keep="\n\t") if _isatty(out) else text)
        out.flush()
    else:
        write_text(args.output, text, inputs=[args.file])
    statements = len(read.report.statements)
    _say(
        terminal_safe(
            f"{args.file}: {len(read.sources)} figures and {statements} statements read"
            f" ({read.family}); {len(read.missing)} not found, {len(read.conflicts)} read twice"
            " with different values"
        )
    )
    for item in read.missing:
        where = f" ({item.source})" if item.source is not None else ""
        _say(terminal_safe(f"  not found: {item.part}: {item.what}{where}"))
    for conflict in read.conflicts:
        _say(terminal_safe(f"  read twice: {conflict}"))
    return EXIT_OK


def _run_rules(args: argparse.Namespace) -> int:
    """``govfinal rules``: the rule registry, as text or JSON."""
    out = _stdout()
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
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max((len(rule.name) for rule in rules), default=0)
    lines: list[str] = []
    for rule in rules:
        title = rule.title_en if args.lang == "en" else rule.title_zh
        lines.append(f"{rule.code} {rule.severity.value:<7} {rule.name:<{width}} {title}")
        lines.append(f"     {rule.formula}")
        if rule.tables:
            lines.append(f"     [{'、'.join(rule.tables)}]")
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def _run_migrate(args: argparse.Namespace) -> int:
    """``govfinal migrate``: each file read and written back at :data:`FORMAT_VERSION`.

    A file of an older format is migrated as it is read (:mod:`govfinal.io.migrate`),
    then written as govfinal writes it (comments are not kept), all or nothing:
    over itself with ``--in-place``, to ``-o OUT``, else to standard output. A
    file that cannot be read or written is named on standard error and left as
    it was (exit status 2); the others are still rewritten.
    """
    files: list[str] = args.files
    if not args.in_place and len(files) > 1:
        raise GovFinalError("migrate: more than one file is rewritten with --in-place only")
    if args.output is not None:
        check_not_input(args.output, files)
    status = EXIT_OK
    for path in files:
        try:
            report = load(path)
            if args.in_place:
                write_text(path, dumps(report, format=format_of(path)))
                _say(f"govfinal: {path}: rewritten at format {FORMAT_VERSION}")
            elif args.output is not None:
                text = dumps(report, format=format_of(args.output))
                write_text(args.output, text, inputs=files)
            else:
                out = _stdout()
                text = dumps(report, format=format_of(path))
                out.write(terminal_safe(text, keep="\n\t") if _isatty(out) else text)
                out.flush()
        except LoadError as exc:
            _say(str(exc))
            status = EXIT_UNREADABLE
        except GovFinalError as exc:  # the file cannot be written: it is left as it was
            _say(f"govfinal: {exc}")
            status = EXIT_UNREADABLE
    return status


def _run_schema(_args: argparse.Namespace) -> int:
    """``govfinal schema``: the JSON Schema of data files."""
    from govfinal.io.schema import json_schema

    _stdout().write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _run_compare(args: argparse.Namespace) -> int:
    """``govfinal compare``: the summary line (and the missing figures); 0 when the rate is met."""
    if args.rendered == "-" and args.published == "-":
        raise CompareError("only one of the two texts can be read from standard input ('-')")
    texts = {path: _read_compared(path) for path in (args.rendered, args.published)}
    figures: dict[str, tuple[Figure, ...]] = {}
    for path, text in texts.items():
        try:
            figures[path] = figures_between(text, args.start, args.end)
        except CompareError as exc:
            raise CompareError(f"{_shown_name(path)}: {exc}") from None
        if len(figures[path]) > MAX_FIGURES:
            raise CompareError(
                f"{_shown_name(path)}: {len(figures[path]):,} figures, more than the "
                f"{MAX_FIGURES:,} compared"
            )
    comparison = align(figures[args.rendered], figures[args.published])
    out = _stdout()
    lines = []
    if args.show_missing:
        name = terminal_safe(_shown_name(args.published))
        lines = [
            f"{name}:{figure.line}:{figure.column}: missing {terminal_safe(figure.text)}"
            for figure in comparison.missing
        ]
    lines.append(comparison.summary())
    out.write("\n".join(lines) + "\n")
    out.flush()
    return EXIT_OK if comparison.meets(args.at_least) else EXIT_FINDINGS


def _shown_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _read_compared(path: str) -> str:
    """The UTF-8 text of ``path`` (``-``: standard input), or a :class:`CompareError` naming it."""
    name = _shown_name(path)
    try:
        if path == "-":
            if sys.stdin is None:
                raise CompareError("standard input is closed; there is nothing to read")
            text = sys.stdin.read(MAX_CHARS + 1)
        else:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read(MAX_CHARS + 1)
    except UnicodeDecodeError as exc:
        raise CompareError(f"{name}: not UTF-8 text (byte {exc.start} cannot be read)") from None
    except OSError as exc:
        raise CompareError(f"{name}: cannot read the file: {exc.strerror or exc}") from None
    if len(text) > MAX_CHARS:
        raise CompareError(f"{name}: longer than the {MAX_CHARS:,} characters compared")
    return text


# -- arguments -----------------------------------------------------------------------


def _rate(text: str) -> Decimal:
    """A share from 0 to 1, e.g. ``0.95``."""
    try:
        rate = to_decimal(text, what="rate")
    except AmountError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= rate <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not from 0 to 1 (e.g. 0.95 for 95%)")
    return rate


def _rule_codes(text: str) -> list[str]:
    """A comma-separated list of rule codes or names, each one registered."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [code for code in codes if code not in RULES]
    if unknown:
        named = [_unknown_rule(code) for code in unknown]
        raise argparse.ArgumentTypeError(f"unknown rule {', '.join(named)} (see 'govfinal rules')")
    return codes


def _unknown_rule(code: str) -> str:
    """``X999``, or ``R701 (retired: N906 checks it now)`` for a retired rule."""
    gone = retired(code)
    return code if gone is None else f"{code} (retired: {gone.replaced_by} checks it now)"


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
    check_cmd.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=(
            ".toml or .json data file, a published report (.pdf, .txt), or a directory"
            " of them (walked recursively)"
        ),
    )
    check_cmd.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="print only the files with findings or that could not be read, and the totals",
    )
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

    render_cmd = commands.add_parser(
        "render",
        help="render a data file as a report",
        description=(
            "Render the whole report (profile, narrative, glossary and the nine tables) as text,"
            " Markdown or HTML, or the nine tables as an Excel workbook or a folder of CSV files;"
            " the format is taken from -o's suffix when --format is not given."
        ),
    )
    render_cmd.add_argument(
        "file", metavar="FILE", help=".toml or .json data file, or a published report (.pdf, .txt)"
    )
    render_cmd.add_argument(
        "--format",
        choices=("text", "markdown", "html", "xlsx", "csv"),
        help="text, markdown or html (the report); xlsx or csv (the nine tables, to -o);"
        " default: by -o's suffix (.txt .md .html .xlsx), else text",
    )
    render_cmd.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="the report's language (default zh)"
    )
    render_cmd.add_argument(
        "--family",
        choices=FAMILIES,
        default=DEFAULT_FAMILY,
        help=f"the template family whose sentences word the narrative (default {DEFAULT_FAMILY})",
    )
    render_cmd.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write here, all or nothing, not to stdout (a folder for --format csv)",
    )
    render_cmd.set_defaults(run=_run_render)

    migrate_cmd = commands.add_parser(
        "migrate",
        help="rewrite data files at the current data format",
        description=(
            f"Read each data file (of format 1 to {FORMAT_VERSION}) and write it at format"
            f" {FORMAT_VERSION}, as govfinal writes it (comments are not kept); exit 2 if a"
            " file cannot be read or written, which is then left as it was."
        ),
    )
    migrate_cmd.add_argument("files", nargs="+", metavar="FILE", help=".toml or .json data file")
    migrate_to = migrate_cmd.add_mutually_exclusive_group()
    migrate_to.add_argument(
        "--in-place", action="store_true", help="rewrite each file over itself, all or nothing"
    )
    migrate_to.add_argument(
        "-o", "--output", metavar="OUT", help="write here (.toml or .json), not stdout"
    )
    migrate_cmd.set_defaults(run=_run_migrate)

    ingest_cmd = commands.add_parser(
        "ingest",
        help="read a published report (.pdf, .txt) into a data file",
        description=(
            "Read a published report into a TOML data file, each figure's source a comment"
            " above it, and list on stderr what was not found and what was read twice with"
            " different values; exit 2 if the report cannot be read (a scan, a damaged PDF)."
        ),
    )
    ingest_cmd.add_argument("file", metavar="FILE", help="a published report (.pdf, .txt)")
    ingest_cmd.add_argument("-o", "--output", metavar="OUT", help="write here (.toml), not stdout")
    ingest_cmd.add_argument(
        "--family",
        choices=INGEST_FAMILIES,
        help="the template family (default: told from the text)",
    )
    ingest_cmd.set_defaults(run=_run_ingest)

    rules_cmd = commands.add_parser("rules", help="list the rules the checks run")
    rules_cmd.add_argument("--format", choices=("text", "json"), default="text")
    rules_cmd.add_argument("--lang", choices=("zh", "en"), default="zh", help="title language")
    rules_cmd.set_defaults(run=_run_rules)

    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of data files")
    schema_cmd.set_defaults(run=_run_schema)

    compare_cmd = commands.add_parser(
        "compare",
        help="how many of a published text's figures a rendered text gives in order",
        description=(
            "Line up the figures of a rendered text with those of a published one, "
            "in order; exit 0 if the share reaches --at-least, 1 if not, 2 if unreadable."
        ),
    )
    compare_cmd.add_argument("rendered", metavar="RENDERED", help="UTF-8 text ('-': stdin)")
    compare_cmd.add_argument("published", metavar="PUBLISHED", help="UTF-8 text ('-': stdin)")
    compare_cmd.add_argument(
        "--from",
        dest="start",
        metavar="HEADING",
        help="compare from the last line that begins with HEADING",
    )
    compare_cmd.add_argument(
        "--to",
        dest="end",
        metavar="HEADING",
        help="up to the next line that begins with HEADING",
    )
    compare_cmd.add_argument(
        "--at-least",
        type=_rate,
        default=Decimal("0.95"),
        metavar="RATE",
        help="the share of published figures needed, from 0 to 1 (default 0.95)",
    )
    compare_cmd.add_argument(
        "--show-missing",
        action="store_true",
        help="list each published figure not given, with its line and column",
    )
    compare_cmd.set_defaults(run=_run_compare)
    return parser


# -- entry point ---------------------------------------------------------------------


class _Terminated(BaseException):
    """Raised in the main thread on SIGTERM, so that the command stops as on Ctrl-C.

    A :class:`BaseException`, like :class:`KeyboardInterrupt`, so that no
    ``except Exception`` takes it for a file's error.
    """


def main(argv: list[str] | None = None) -> int:
    """Run ``govfinal`` with ``argv`` (default: ``sys.argv[1:]``) and return the exit status.

    Errors govfinal raises on purpose, files that cannot be written, and a
    missing or unwritable standard output are reported on standard error
    (exit status 2), never as a traceback. A closed pipe (``govfinal rules |
    head``) ends the command quietly. Ctrl-C stops it with exit status 130,
    SIGTERM with 143, after the worker processes have stopped.
    """
    try:
        with _sigterm_raises():
            return _main(argv)
    except KeyboardInterrupt:
        _say("\ngovfinal: interrupted")
        return EXIT_INTERRUPTED
    except _Terminated:
        _say("\ngovfinal: terminated")
        return EXIT_TERMINATED


def _main(argv: list[str] | None) -> int:
    """Parse ``argv``, run the subcommand, and turn the errors meant for people into status 2."""
    _tolerant_output()
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_UNREADABLE
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_usage(sys.stderr)
        commands = "check, render, ingest, migrate, rules, schema, compare"
        _say(f"govfinal: error: a command is required ({commands})")
        return EXIT_UNREADABLE
    try:
        return run(args)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_FINDINGS
    except _StreamError as exc:
        _say(f"govfinal: {exc}")
        return EXIT_UNREADABLE
    except LoadError as exc:
        _say(str(exc))
        return EXIT_UNREADABLE
    except GovFinalError as exc:
        _say(f"govfinal: {exc}")
        return EXIT_UNREADABLE
    except OSError as exc:
        if exc.errno == errno.EBADF and exc.filename is None:  # e.g. ``1</dev/null``
            _silence_stdout()
            _say(f"govfinal: standard output cannot be written: {exc.strerror}")
            return EXIT_UNREADABLE
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"govfinal: {where}{exc.strerror or exc}")
        return EXIT_UNREADABLE


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`_Terminated` in the main thread.

    Left alone when not in the main thread (only it can set handlers) or when
    SIGTERM already has a handler other than the default (e.g. ignored).
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
    ):
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _raise_terminated(_signum: int, _frame: FrameType | None) -> None:
    raise _Terminated


def _tolerant_output() -> None:
    """Make standard output and error write any text, whatever their encoding.

    A character the encoding cannot take (in UTF-8: only a lone surrogate) is
    written as a backslash escape, so the output is always valid text.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point standard output at the null device, so that exiting does not fail on it again."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (e.g. captured output)
        pass
