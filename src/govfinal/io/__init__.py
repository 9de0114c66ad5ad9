"""Data files: a whole final account in TOML or JSON, read exactly, written back the same.

* :func:`load` / :func:`loads` read a document into a
  :class:`~govfinal.model.FinalAccount`; :func:`dump` / :func:`dumps` write one.
* TOML is for people (comments, ``[[functions.lines]]`` tables); JSON is for
  machines (amounts as strings). Both have the same structure, described by
  the JSON Schema of :func:`govfinal.io.schema.json_schema`.
* Amounts are read exactly (``parse_float=Decimal``): ``97.6`` stays ``97.6``.
* Every problem in a document is reported at once, each with its location, in
  one :class:`LoadError`. Hostile input is bounded: :data:`MAX_BYTES` of file
  (UTF-8 bytes, for text too), :data:`MAX_DEPTH` levels of nesting,
  :data:`MAX_PROBLEMS` problems listed, the amount bounds of
  :mod:`govfinal.money` and the count bound
  :data:`~govfinal.model._fields.MAX_COUNT`.
* Never guessed: a key written twice (JSON too, as TOML), a lone surrogate in a
  text or key, an integer too long to read, or a non-ASCII digit other than the
  full-width forms is an error at its path.

Invariant: ``loads(dumps(report, format=f), format=f) == report`` for both
formats, digit for digit.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any, Final, Literal

import attrs
from cattrs.errors import BaseValidationError

from govfinal._files import write_text
from govfinal.errors import GovFinalError, WriteError
from govfinal.io import migrate, toml_writer
from govfinal.io.converter import Problem, first_problems, make_converter
from govfinal.model.report import FinalAccount
from govfinal.terminal import terminal_safe

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_PROBLEMS",
    "Format",
    "LoadError",
    "Problem",
    "dump",
    "dumps",
    "format_of",
    "load",
    "loads",
]

Format = Literal["toml", "json"]

FORMAT_VERSION: Final = 3
"""The version of the data format this govfinal writes, and the newest it reads.

Version 2 adds the narrative's statements (``[[statements]]``) and the facts
of the procurement and performance summaries; a version 1 document (one
without ``format_version``) is a version 2 document as it is. Version 3 holds
the rates the narrative states (增长率, 预决算差异率, 执行率, the 政府采购
shares) as statements only: a version 1 or 2 document that writes them as
keys of the facts is read with each moved into its statement
(:mod:`govfinal.io.migrate`).
"""

MAX_BYTES: Final = 16 * 1024 * 1024
"""Largest data file read (16 MiB; a large report is a few hundred KiB)."""

MAX_DEPTH: Final = 24
"""Deepest nesting of tables and lists a document may have (the format needs 8)."""

MAX_PROBLEMS: Final = 50
"""Most problems a :class:`LoadError` lists; it counts the others ("… and 12 more problems")."""

_JSON_CONVERTER = make_converter(decimal_as=str)
_TOML_CONVERTER = make_converter(decimal_as=lambda value: value, date_as=lambda value: value)
_TOML_LINE = re.compile(r"at line (\d+)")


class LoadError(GovFinalError):
    """A data file could not be read; ``problems`` lists its problems with their location.

    Every problem of an ordinary bad file is listed. Hostile input is bounded: at
    most :data:`MAX_PROBLEMS` are listed, and the message counts the rest.

    Attributes:
        source: the file name (or ``<string>``).
        problems: what is wrong, each with its path and, where known, line (the
            first :data:`MAX_PROBLEMS`).
        total: how many problems were found, listed or not.

    """

    def __init__(self, source: str, problems: Iterable[Problem], *, unlisted: int = 0) -> None:
        remaining = iter(problems)
        self.source = source
        self.problems = tuple(islice(remaining, MAX_PROBLEMS))
        self.total = len(self.problems) + sum(1 for _ in remaining) + unlisted
        shown = terminal_safe(source)
        lines = [f"{shown}: {_plural(self.total, 'problem')}"]
        lines.extend(_located(shown, problem) for problem in self.problems)
        if self.total > len(self.problems):
            lines.append(f"  … and {_plural(self.total - len(self.problems), 'more problem')}")
        super().__init__("\n".join(lines))


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _located(source: str, problem: Problem) -> str:
    where = source if problem.line is None else f"{source}:{problem.line}"
    path = terminal_safe(problem.path) or "(document)"
    return f"  {where}: {path}: {terminal_safe(problem.message)}"


def format_of(path: str | Path) -> Format:
    """The format a file name implies (``.toml`` or ``.json``)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".toml":
        return "toml"
    if suffix == ".json":
        return "json"
    raise LoadError(str(path), [Problem("", "unknown file type: use .toml or .json")])


def load(path: str | Path) -> FinalAccount:
    """Read a final account from a ``.toml`` or ``.json`` file.

    Raises:
        LoadError: the file is missing, too large, not UTF-8, not well formed,
            or does not describe a final account; every problem is listed.

    """
    source = str(path)
    kind = format_of(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LoadError(source, [Problem("", f"cannot read the file: {reason}")]) from None
    except ValueError:  # open() refuses a name with a NUL character in it
        reason = "its name holds a NUL character"
        raise LoadError(source, [Problem("", f"cannot read the file: {reason}")]) from None
    if len(data) > MAX_BYTES:
        raise LoadError(source, [Problem("", f"the file is larger than {MAX_BYTES} bytes")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = Problem("", f"not UTF-8 text (byte {exc.start})", line)
        raise LoadError(source, [problem]) from None
    return _read(text, kind, source)  # strict UTF-8 text: its size is known, no lone surrogate


def loads(text: str, *, format: Format, source: str = "<string>") -> FinalAccount:
    """Read a final account from TOML or JSON text.

    Args:
        text: the document, as ``str`` (read a file's bytes with :func:`load`).
        format: ``"toml"`` or ``"json"``.
        source: the name used in error messages.

    Raises:
        TypeError: ``text`` is not a ``str`` (e.g. ``bytes``): a mistake in the
            calling program, not in the document.
        LoadError: the document cannot be read; every problem is listed.

    """
    given: object = text  # a caller without a type checker may pass bytes
    if not isinstance(given, str):
        kind = type(given).__name__
        raise TypeError(f"loads() takes text (str), not {kind}; decode it, or use load()")
    _check_text(text, source)
    return _read(text, format, source)


def _check_text(text: str, source: str) -> None:
    """Refuse text of more than :data:`MAX_BYTES` in UTF-8, or with a lone surrogate.

    The size is measured in UTF-8 bytes, as :func:`load` measures a file. ASCII
    text is one byte a character and needs no encoding; other text is encoded
    once, which also finds any lone surrogate (half of a UTF-16 pair, which is
    not a character and cannot be written to a UTF-8 file).
    """
    if len(text) > MAX_BYTES:  # every character is at least one byte
        raise LoadError(source, [Problem("", f"the document is larger than {MAX_BYTES} bytes")])
    if text.isascii():
        return
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise LoadError(source, [_raw_surrogate(text, exc.start)]) from None
    if size > MAX_BYTES:
        message = f"the document is larger than {MAX_BYTES} bytes (in UTF-8)"
        raise LoadError(source, [Problem("", message)])


def _raw_surrogate(text: str, start: int) -> Problem:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    code = ord(text[start])
    message = f"not Unicode text: a lone surrogate U+{code:04X} at column {column}"
    return Problem("", message, line)


def _read(text: str, format: Format, source: str) -> FinalAccount:
    """Parse, bound and structure a document whose text is already checked."""
    if not text.strip():
        raise LoadError(source, [Problem("", "the document is empty")])
    document, marks = _parse(text, format, source)
    depth = _depth(document)
    if depth > MAX_DEPTH:
        problem = Problem("", f"nested {depth} levels deep; at most {MAX_DEPTH} are allowed")
        raise LoadError(source, [problem])
    unreadable: list[Problem] = []
    if marks.repeated_keys or marks.long_integers or _may_hold_surrogates(text, format):
        unreadable = _unreadable_values(document, text, marks)
    document, version, refused = _versioned(document)
    if refused is not None:
        raise LoadError(source, [refused])
    origins: dict[int, str] = {}
    if version < migrate.STATEMENTS_SINCE:
        document, origins = migrate.migrate(document)
        retired: list[Problem] = []
    else:
        document, retired = migrate.refusals(document)
    converter = _TOML_CONVERTER if format == "toml" else _JSON_CONVERTER
    duplicates = list(_duplicate_codes(document))
    try:
        report = converter.structure(document, FinalAccount)
    except (BaseValidationError, GovFinalError, ValueError, TypeError, KeyError) as exc:
        found, total = first_problems(exc, MAX_PROBLEMS)
        seen = {problem.path for problem in unreadable}
        listed = [
            _moved_back(problem, origins)
            for problem in found
            if problem.path not in seen and not _restates(problem, duplicates)
        ]
        problems = [*unreadable, *retired, *listed, *duplicates]
        raise LoadError(source, problems, unlisted=total - len(found)) from None
    except RecursionError:
        raise LoadError(source, [Problem("", "nested too deeply")]) from None
    if unreadable or retired or duplicates:
        raise LoadError(source, [*unreadable, *retired, *duplicates])
    return report


_STATEMENT_PATH = re.compile(r"statements\[(\d+)\]")


def _moved_back(problem: Problem, origins: Mapping[int, str]) -> Problem:
    """A problem of a statement :func:`migrate.migrate` made, at the key it was made from."""
    found = _STATEMENT_PATH.match(problem.path)
    if found is None or int(found.group(1)) not in origins:
        return problem
    return Problem(origins[int(found.group(1))], problem.message, problem.line)


def _versioned(
    document: Mapping[str, object],
) -> tuple[Mapping[str, object], int, Problem | None]:
    """The document without its ``format_version``, its version, and a problem if it is not read.

    A document without one is of version 1 (before statements).
    """
    if "format_version" not in document:
        return document, 1, None
    version = document["format_version"]
    rest = {key: value for key, value in document.items() if key != "format_version"}
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        shown = repr(version) if len(repr(version)) <= 40 else repr(version)[:37] + "…"
        expected = f"a whole number from 1 to {FORMAT_VERSION}"
        return rest, FORMAT_VERSION, Problem("format_version", f"expected {expected}, got {shown}")
    if version > FORMAT_VERSION:
        return (
            rest,
            version,
            Problem(
                "format_version",
                f"version {version} is newer than this govfinal reads ({FORMAT_VERSION});"
                " upgrade govfinal",
            ),
        )
    return rest, version, None


@attrs.define
class _Marks:
    """What the JSON parser marked for refusal (TOML's own parser refuses the same things)."""

    repeated_keys: bool = False
    long_integers: bool = False


class _RepeatedKeys(dict[str, object]):
    """A JSON object that names a key more than once (found after parsing, then refused)."""

    repeated: tuple[str, ...] = ()


@attrs.frozen
class _LongInteger:
    """A JSON integer too long for Python to read: a placeholder, found and refused."""

    digits: int


def _parse(text: str, format: Format, source: str) -> tuple[Mapping[str, object], _Marks]:
    marks = _Marks()
    try:
        if format == "toml":
            document: object = tomllib.loads(text, parse_float=Decimal)
        elif format == "json":
            document = _parse_json(text, marks)
        else:
            raise LoadError(source, [Problem("", f"unknown format {format!r}")])
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        if line is None and "end of document" in str(exc):
            line = text.count("\n") + 1
        raise LoadError(source, [Problem("", f"not valid TOML: {exc}", line)]) from None
    except json.JSONDecodeError as exc:
        problem = Problem("", f"not valid JSON: {exc.msg}", exc.lineno)
        raise LoadError(source, [problem]) from None
    except RecursionError:
        raise LoadError(source, [Problem("", "nested too deeply")]) from None
    except ValueError as exc:  # NaN in JSON, or an integer of thousands of digits in TOML
        raise LoadError(source, [_value_problem(exc, text)]) from None
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise LoadError(source, [Problem("", f"the document must be a table, not {kind}")])
    return document, marks


def _parse_json(text: str, marks: _Marks) -> object:
    """JSON with exact decimals; repeated keys and overlong integers are marked, not lost.

    Integers are read by the parser itself; only a text with an integer too long
    for Python is read again, with a hook that marks it (a hook on every integer
    would cost a call each).
    """

    def table(pairs: list[tuple[str, object]]) -> dict[str, object]:
        found = dict(pairs)
        if len(found) == len(pairs):
            return found
        marks.repeated_keys = True
        repeated = _RepeatedKeys(found)
        repeated.repeated = _repeated(key for key, _value in pairs)
        return repeated

    def integer(digits: str) -> int | _LongInteger:
        try:
            return int(digits)
        except ValueError:  # more digits than sys.get_int_max_str_digits()
            marks.long_integers = True
            return _LongInteger(len(digits.lstrip("-")))

    hooks: dict[str, Any] = {
        "parse_float": Decimal,
        "parse_constant": _no_constant,
        "object_pairs_hook": table,
    }
    try:
        return json.loads(text, **hooks)
    except ValueError as exc:
        if _LONG_INTEGER.search(str(exc)) is None:
            raise
    return json.loads(text, parse_int=integer, **hooks)


def _repeated(keys: Iterable[str]) -> tuple[str, ...]:
    """Each key met again after its first time, once, in the order of its second time."""
    seen: set[str] = set()
    again: dict[str, None] = {}
    for key in keys:
        if key in seen:
            again[key] = None
        seen.add(key)
    return tuple(again)


_LONG_INTEGER = re.compile(r"integer string conversion: value has (\d+) digits")
_DIGIT_RUN = re.compile(r"[0-9][0-9_]*")


def _value_problem(error: ValueError, text: str) -> Problem:
    """The problem of a ``ValueError`` raised while parsing: where it is, if it can be told."""
    long = _LONG_INTEGER.search(str(error))
    if long is None:
        return Problem("", str(error))
    digits = int(long.group(1))
    message = f"an integer of {digits} digits is too long to be read"
    for run in _DIGIT_RUN.finditer(text):  # the first run of so many digits (tomllib gives no line)
        if len(run.group()) - run.group().count("_") == digits:
            return Problem("", message, text.count("\n", 0, run.start()) + 1)
    return Problem("", message)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a finite number")


def _depth(document: object) -> int:
    """How deep tables and lists nest (iteratively, so deep input cannot overflow)."""
    # Only tables and lists go on the stack (scalars cannot nest), in the order
    # in which a walk over every value would meet them.
    deepest = 0
    stack: list[tuple[dict[str, object] | list[object], int]] = (
        [(document, 1)] if isinstance(document, dict | list) else []
    )
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        inner = depth + 1
        items = value.values() if isinstance(value, dict) else value
        stack.extend((item, inner) for item in items if isinstance(item, dict | list))
    return deepest


def _codes_at(document: Mapping[str, object], section: str) -> list[object]:
    """The ``code`` of each line of ``document[section]["lines"]``, as written (or None)."""
    table = document.get(section)
    lines = table.get("lines") if isinstance(table, dict) else None
    if not isinstance(lines, list):
        return []
    return [line.get("code") if isinstance(line, dict) else None for line in lines]


def _restates(problem: Problem, duplicates: Iterable[Problem]) -> bool:
    """Whether ``problem`` is the model's refusal of a table that :func:`_duplicate_codes` located.

    The model refuses a table whose codes repeat (at ``functions.lines``); the
    raw-document check names each repeated line (``functions.lines[2].code``)
    and runs even when other problems keep the table from being built, so its
    problems are the ones kept.
    """
    return any(duplicate.path.startswith(f"{problem.path}[") for duplicate in duplicates)


def _duplicate_codes(document: Mapping[str, object]) -> Iterable[Problem]:
    """A code written on more than one line of a table (read from the raw document)."""
    for section in ("functions", "general_budget_basic"):
        prefix = f"{section}.lines"
        first: dict[str, int] = {}
        for index, code in enumerate(_codes_at(document, section)):
            if not isinstance(code, str):
                continue
            if code in first:
                yield Problem(
                    f"{prefix}[{index}].code",
                    f"code {code!r} is listed twice (first at {prefix}[{first[code]}])",
                )
            else:
                first[code] = index


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.S)


def _may_hold_surrogates(text: str, format: Format) -> bool:
    r"""Whether a parsed document may hold a lone surrogate the text check could not see.

    Only a JSON escape (``"\ud800"``) makes one: the text was checked for raw
    ones, and TOML refuses such escapes itself.
    """
    return format == "json" and _SURROGATE_ESCAPE.search(text) is not None


def _unreadable_values(document: Mapping[str, object], text: str, marks: _Marks) -> list[Problem]:
    """Repeated keys, overlong integers and texts with a lone surrogate, each at its path.

    The line of a lone surrogate is told by counting them in the text, which is
    exact unless a repeated key dropped a value.
    """
    lines = None if marks.repeated_keys else iter(_lone_escape_lines(text))
    found: list[Problem] = []
    for path, item, is_key in _nodes(document, ""):
        if isinstance(item, _RepeatedKeys):
            for key in item.repeated:
                where = _child(path, key)
                found.append(Problem(where, f"key {key!r} is written more than once"))
        elif isinstance(item, _LongInteger):
            message = f"an integer of {item.digits} digits is too long to be read"
            found.append(Problem(path, message))
        elif isinstance(item, str) and _SURROGATE.search(item):
            found.append(_lone_surrogate(path, item, is_key, lines))
    return found


def _lone_surrogate(path: str, text: str, is_key: bool, lines: Iterator[int] | None) -> Problem:
    surrogates = _SURROGATE.findall(text)
    at = None
    if lines is not None:  # this text's surrogates are the next ones of the text
        at = next(lines, None)
        for _ in surrogates[1:]:
            next(lines, None)
    what = "key" if is_key else "text"
    message = (
        f"the {what} holds a lone surrogate U+{ord(surrogates[0]):04X} (half of a UTF-16"
        " pair), which is not a character"
    )
    return Problem(path, message, at)


def _nodes(value: object, path: str) -> Iterator[tuple[str, object, bool]]:
    """Every table, list, key and value of a document with its path, in document order.

    Each yields ``(path, item, is_key)``; a key comes with the path it names,
    before its value. Recursive: the depth is already bounded by :data:`MAX_DEPTH`.
    """
    yield path, value, False
    if isinstance(value, dict):
        for key, item in value.items():
            child = _child(path, key)
            yield child, key, True
            yield from _nodes(item, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nodes(item, f"{path}[{index}]")


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _lone_escape_lines(text: str) -> list[int]:
    r"""The line of each lone surrogate escape of a JSON text, in order.

    Escapes are read as the JSON parser reads them (``\\`` is one escape), and
    a high surrogate escape right before a low one is a pair, one character.
    """
    starts: list[int] = []
    high: tuple[int, int] | None = None  # (start, end) of a high surrogate not yet paired
    for escape in _ESCAPE.finditer(text):
        code = int(escape.group(1), 16) if escape.group(1) else -1
        if high is not None:
            start, end = high
            high = None
            if 0xDC00 <= code <= 0xDFFF and escape.start() == end:
                continue
            starts.append(start)
        if 0xD800 <= code <= 0xDBFF:
            high = (escape.start(), escape.end())
        elif 0xDC00 <= code <= 0xDFFF:
            starts.append(escape.start())
    if high is not None:
        starts.append(high[0])
    return _lines_at(text, starts)


def _lines_at(text: str, offsets: list[int]) -> list[int]:
    """The 1-based line of each offset, for offsets in increasing order."""
    lines: list[int] = []
    line, previous = 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        lines.append(line)
    return lines


def dumps(report: FinalAccount, *, format: Format = "toml") -> str:
    """The document of ``report`` in TOML or JSON."""
    if format == "toml":
        document = {"format_version": FORMAT_VERSION, **_TOML_CONVERTER.unstructure(report)}
        return toml_writer.dumps(document)
    if format == "json":
        document = {"format_version": FORMAT_VERSION, **_JSON_CONVERTER.unstructure(report)}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {format!r}; use 'toml' or 'json'")


def dump(report: FinalAccount, path: str | Path) -> None:
    """Write ``report`` to a ``.toml`` or ``.json`` file (UTF-8), all or nothing.

    The whole document is built and encoded before the file is touched, then
    written beside it and moved into its place: a failure never leaves a
    truncated or partial file.

    Raises:
        WriteError: the name has another suffix, the text holds a character
            UTF-8 cannot encode, or the file cannot be written; whatever was
            at ``path`` is left as it was.

    """
    try:
        kind = format_of(path)
    except LoadError:  # the same test as reading, but this is a write
        raise WriteError(str(path), "unknown file type: use .toml or .json") from None
    write_text(path, dumps(report, format=kind))
