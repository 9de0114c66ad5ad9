"""Data files: a whole final account in TOML or JSON, read exactly, written back the same.

* :func:`load` / :func:`loads` read a document into a
  :class:`~govfinal.model.FinalAccount`; :func:`dump` / :func:`dumps` write one.
* TOML is for people (comments, ``[[functions.lines]]`` tables); JSON is for
  machines (amounts as strings). Both have the same structure, described by
  the JSON Schema of :func:`govfinal.io.schema.json_schema`.
* Amounts are read exactly (``parse_float=Decimal``): ``97.6`` stays ``97.6``.
* Every problem in a document is reported at once, each with its location, in
  one :class:`LoadError`. Hostile input is bounded: :data:`MAX_BYTES` of file,
  :data:`MAX_DEPTH` levels of nesting, and the amount bounds of
  :mod:`govfinal.money`.

Invariant: ``loads(dumps(report, format=f), format=f) == report`` for both
formats, digit for digit.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

from cattrs.errors import BaseValidationError

from govfinal.errors import GovFinalError
from govfinal.io import toml_writer
from govfinal.io.converter import Problem, make_converter, problems_of
from govfinal.model.report import FinalAccount

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
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

MAX_BYTES: Final = 16 * 1024 * 1024
"""Largest data file read (16 MiB; a large report is a few hundred KiB)."""

MAX_DEPTH: Final = 24
"""Deepest nesting of tables and lists a document may have (the format needs 8)."""

_JSON_CONVERTER = make_converter(decimal_as=str)
_TOML_CONVERTER = make_converter(decimal_as=lambda value: value)
_TOML_LINE = re.compile(r"at line (\d+)")


class LoadError(GovFinalError):
    """A data file could not be read; ``problems`` lists every problem with its location.

    Attributes:
        source: the file name (or ``<string>``).
        problems: what is wrong, each with its path and, where known, line.

    """

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        lines = [_located(source, problem) for problem in self.problems]
        count = len(self.problems)
        head = f"{source}: {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([head, *lines]))


def _located(source: str, problem: Problem) -> str:
    where = source if problem.line is None else f"{source}:{problem.line}"
    return f"  {where}: {problem.path or '(document)'}: {problem.message}"


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
        raise LoadError(source, [Problem("", f"cannot read the file: {exc.strerror}")]) from None
    if len(data) > MAX_BYTES:
        raise LoadError(source, [Problem("", f"the file is larger than {MAX_BYTES} bytes")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = Problem("", f"not UTF-8 text (byte {exc.start})", line)
        raise LoadError(source, [problem]) from None
    return loads(text, format=kind, source=source)


def loads(text: str, *, format: Format, source: str = "<string>") -> FinalAccount:
    """Read a final account from TOML or JSON text.

    Args:
        text: the document.
        format: ``"toml"`` or ``"json"``.
        source: the name used in error messages.

    """
    if len(text) > MAX_BYTES:
        raise LoadError(source, [Problem("", f"the document is larger than {MAX_BYTES} bytes")])
    if not text.strip():
        raise LoadError(source, [Problem("", "the document is empty")])
    document = _parse(text, format, source)
    depth = _depth(document)
    if depth > MAX_DEPTH:
        problem = Problem("", f"nested {depth} levels deep; at most {MAX_DEPTH} are allowed")
        raise LoadError(source, [problem])
    converter = _TOML_CONVERTER if format == "toml" else _JSON_CONVERTER
    duplicates = list(_duplicate_codes(document))
    try:
        report = converter.structure(document, FinalAccount)
    except (BaseValidationError, GovFinalError, ValueError, TypeError, KeyError) as exc:
        raise LoadError(source, [*problems_of(exc), *duplicates]) from None
    except RecursionError:
        raise LoadError(source, [Problem("", "nested too deeply")]) from None
    if duplicates:
        raise LoadError(source, duplicates)
    return report


def _parse(text: str, format: Format, source: str) -> Mapping[str, object]:
    try:
        if format == "toml":
            document: object = tomllib.loads(text, parse_float=Decimal)
        elif format == "json":
            document = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
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
    except ValueError as exc:  # e.g. an integer with thousands of digits, or NaN
        raise LoadError(source, [Problem("", str(exc))]) from None
    if not isinstance(document, dict):
        kind = type(document).__name__
        raise LoadError(source, [Problem("", f"the document must be a table, not {kind}")])
    return document


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


def dumps(report: FinalAccount, *, format: Format = "toml") -> str:
    """The document of ``report`` in TOML or JSON."""
    if format == "toml":
        return toml_writer.dumps(_TOML_CONVERTER.unstructure(report))
    if format == "json":
        document = _JSON_CONVERTER.unstructure(report)
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {format!r}; use 'toml' or 'json'")


def dump(report: FinalAccount, path: str | Path) -> None:
    """Write ``report`` to a ``.toml`` or ``.json`` file (UTF-8)."""
    Path(path).write_text(dumps(report, format=format_of(path)), encoding="utf-8")
