"""A generated report → its nine tables as a ruled PDF → ingest → the same facts.

The PDF is drawn by reportlab (a test-only dependency, ``tests/ingest/pdf_maker.py``)
from the tables govfinal renders; the pitfalls of published PDFs are drawn on
purpose: digits 4.9 pt below the Chinese text, tables split across pages with
no title on the continuation, an empty ruled grid.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govfinal import FinalAccount, load
from govfinal.address import resolve
from govfinal.errors import AddressError
from govfinal.ingest.pages import read_pdf
from govfinal.ingest.readings import Readings
from govfinal.ingest.tables import read_tables
from tests.ingest.pdf_maker import write_tables_pdf
from tests.strategies import final_accounts

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

ROOT = Path(__file__).resolve().parents[2]


def _read_back(report: FinalAccount, **options: object) -> Readings:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tables.pdf"
        write_tables_pdf(report, path, **options)  # type: ignore[arg-type]
        return read_tables(read_pdf(path), file="tables.pdf", family="shanghai_2024")


def _value(report: FinalAccount, address: str) -> object:
    try:
        return resolve(report, address)
    except AddressError:
        return None


def _line_figures(report: FinalAccount) -> dict[str, Decimal]:
    """Every amount of the function and economic lines, by address: what the tables must give."""
    figures = {}
    for line in report.functions.lines:
        for part, fields in (
            ("expenditure", ("basic", "project")),
            ("general_budget", ("basic", "project")),
            ("government_fund", ("opening", "income", "basic", "project", "closing")),
        ):
            amounts = getattr(line, part)
            for field in fields:
                value = None if amounts is None else getattr(amounts, field)
                if value is not None:
                    figures[f"functions[{line.code}].{part}.{field}"] = value
    for economic in report.general_budget_basic.lines:
        if economic.amount is not None:
            figures[f"general_budget_basic[{economic.code}].amount"] = economic.amount
    return figures


def _assert_same_facts(report: FinalAccount, readings: Readings) -> None:
    assert [item for item in readings.missing if item.source is not None] == []
    read = {fact.address: fact.value for fact in readings.facts if not fact.restates}
    for address, value in read.items():
        if address.endswith(".name"):
            continue
        held = _value(report, address)
        if held is not None:
            assert (address, value) == (address, held)
    for address, value in _line_figures(report).items():
        if value != 0:  # a 0 may print blank
            assert (address, read.get(address)) == (address, value)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(final_accounts(), st.sampled_from([0.0, 4.9]), st.sampled_from([None, 4, 9]))
def test_a_generated_reports_tables_read_back_as_its_facts(
    report: FinalAccount, offset: float, split: int | None
) -> None:
    _assert_same_facts(report, _read_back(report, digit_offset=offset, split_rows=split))


@pytest.mark.parametrize(
    "name", ["kexie_2023", "putuo_caizhengju_2024", "putuo_guihuaziranziyuan_2024"]
)
def test_the_bundled_reports_read_back_with_every_pitfall(name: str) -> None:
    report = load(ROOT / "examples" / "data" / f"{name}.toml")
    readings = _read_back(report, digit_offset=4.9, split_rows=7, empty_grid=True)
    _assert_same_facts(report, readings)
    assert len(readings.facts) > 20
