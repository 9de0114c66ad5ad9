"""A rendered narrative, read back: the statements it makes agree with the facts it was made from.

The renderer words statements computed from the facts; the narrative
recogniser reads them back. What it reads must be what the facts give: the
figures at their addresses, and statements that the N9xx rules find no fault
with. A generated report may be worded in ways no pattern reads (then the
sentence is listed as missing), never read into a wrong value.
"""

from __future__ import annotations

import enum
import tomllib
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govfinal import FinalAccount, check, load, render
from govfinal.address import resolve
from govfinal.checks import Severity
from govfinal.ingest.narrative import read_narrative
from govfinal.ingest.readings import Readings, text_lines
from govfinal.io import dumps, loads, toml_writer
from tests.strategies import final_accounts

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = [
    ("kexie_2023", "xinjiang_2023"),
    ("putuo_caizhengju_2024", "shanghai_2024"),
    ("putuo_guihuaziranziyuan_2024", "shanghai_2024"),
]


def _read_rendered(report: FinalAccount, family: str) -> Readings:
    text = render(report, format="text", family=family)
    return read_narrative(list(text_lines(text)), file="rendered.txt", family=family)


def _with_statements(report: FinalAccount, readings: Readings) -> FinalAccount:
    document = tomllib.loads(dumps(attrs.evolve(report, statements=())), parse_float=Decimal)
    document["statements"] = [dict(table) for table, _ in readings.statements]
    return loads(toml_writer.dumps(document), format="toml")


def _faults(report: FinalAccount) -> list[str]:
    return [
        f"{finding.code} {finding.path} {finding.message_zh}"
        for finding in check(report)
        if finding.code.startswith("N") and finding.severity is not Severity.INFO
    ]


@pytest.mark.parametrize(("name", "family"), BUNDLED)
def test_a_rendered_narrative_reads_back_as_its_facts(name: str, family: str) -> None:
    report = load(ROOT / "examples" / "data" / f"{name}.toml")
    readings = _read_rendered(report, family)
    assert len(readings.statements) > 100
    for fact in readings.facts:
        if fact.address.endswith("].note"):  # the name the text prints a vehicle use by
            continue
        held = resolve(report, fact.address)
        if isinstance(fact.value, Decimal):
            held = Decimal(held)
        elif isinstance(held, enum.Enum):
            held = held.value
        elif fact.address.endswith(".reason"):  # read without its closing 。
            held = held.rstrip("。")
        assert (fact.address, fact.value) == (fact.address, held)
    assert _faults(_with_statements(report, readings)) == []


@pytest.mark.parametrize(("name", "family"), BUNDLED[1:])
def test_every_sentence_the_shanghai_wording_renders_is_read(name: str, family: str) -> None:
    report = load(ROOT / "examples" / "data" / f"{name}.toml")
    assert _read_rendered(report, family).missing == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(final_accounts(), st.sampled_from(["shanghai_2024", "xinjiang_2023"]))
def test_a_generated_reports_narrative_never_reads_into_a_fault(
    report: FinalAccount, family: str
) -> None:
    readings = _read_rendered(report, family)
    assert _faults(_with_statements(report, readings)) == []
