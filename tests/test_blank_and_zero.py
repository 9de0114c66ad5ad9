"""A blank cell and a printed 0 (空白 与 0): they load, check, print and dump differently.

A published table leaves a cell blank or prints 0.00, and the two say different
things. The income sources of the 总表, the 政府采购 amounts and the staff counts
are ``None`` when the file leaves them out, and keep the digits of a written 0;
a dump writes back exactly what was read.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govfinal
from govfinal import FinalAccount, IncomeSources, Procurement, Staff
from govfinal.render.tables import build_tables
from tests.checks.base import base_report

D = Decimal
HEAD = '[unit]\nname = "示例单位"\nfiscal_year = 2024\n'

AMOUNTS = [
    *(("income.sources", name) for name in IncomeSources().parts()),
    *(
        ("procurement", name)
        for name in ("goods", "works", "services", "sme_contracts", "small_micro_contracts")
    ),
]
COUNTS = [("profile.staff", name) for name in ("in_service", "retired_cadres", "retirees")]


def _load(section: str, line: str = "") -> FinalAccount:
    text = HEAD if not line else f"{HEAD}\n[{section}]\n{line}\n"
    return govfinal.loads(text, format="toml")


@pytest.mark.parametrize(("section", "name"), AMOUNTS, ids=lambda x: str(x))
def test_a_blank_amount_a_printed_0_and_a_printed_0_00_load_apart(section: str, name: str) -> None:
    address = f"{section}.{name}"
    blank = _load(section)
    zero = _load(section, f"{name} = 0")
    zero_cents = _load(section, f"{name} = 0.00")
    assert govfinal.resolve(blank, address) is None
    assert str(govfinal.resolve(zero, address)) == "0"
    assert str(govfinal.resolve(zero_cents, address)) == "0.00"
    assert blank != zero and blank != zero_cents  # 0 and 0.00 are equal, their digits differ


@pytest.mark.parametrize(("section", "name"), AMOUNTS + COUNTS, ids=lambda x: str(x))
@pytest.mark.parametrize("format", ["toml", "json"])
def test_each_dumps_back_as_it_was_read(section: str, name: str, format: str) -> None:
    blank, zero = _load(section), _load(section, f"{name} = 0")
    blank_text = govfinal.dumps(blank, format=format)  # type: ignore[arg-type]
    zero_text = govfinal.dumps(zero, format=format)  # type: ignore[arg-type]
    key = f"{name} = " if format == "toml" else f'"{name}": '
    assert key not in blank_text  # a blank stays left out
    is_count = section == "profile.staff"
    written = "0" if format == "toml" or is_count else '"0"'
    assert f"{key}{written}\n" in zero_text or f"{key}{written}," in zero_text
    for report, text in ((blank, blank_text), (zero, zero_text)):
        assert govfinal.loads(text, format=format) == report  # type: ignore[arg-type]


@pytest.mark.parametrize(("section", "name"), COUNTS, ids=lambda x: str(x))
def test_a_blank_count_is_not_a_0(section: str, name: str) -> None:
    address = f"{section}.{name}"
    assert govfinal.resolve(_load(section), address) is None
    assert govfinal.resolve(_load(section, f"{name} = 0"), address) == 0


def test_a_printed_zero_keeps_its_digits_through_a_dump() -> None:
    report = _load("income.sources", "service = 0.00")
    assert "[income.sources]\nservice = 0.00\n" in govfinal.dumps(report)
    assert '"service": "0.00"' in govfinal.dumps(report, format="json")


# -- sums add the published figures -----------------------------------------------------------


def test_sums_add_the_published_figures() -> None:
    sources = IncomeSources(general_budget="150.00", other="5.00")
    assert sources.parts()["service"] is None
    assert (sources.fiscal, sources.parts_total, sources.total) == (
        D("150.00"),
        D("155.00"),
        D("155.00"),
    )
    assert IncomeSources().total == 0  # nothing published: a sum of none
    assert Procurement(goods="10.00", services="30.00").total == D("40.00")
    assert Staff(in_service=10, retirees=2).total == 12
    assert Staff().total is None  # no count published, none derived
    assert Staff(stated_total=12).total == 12


def test_a_blank_source_prints_blank_and_a_printed_0_prints_0_00() -> None:
    """The 收入支出决算总表 prints 事业收入 on its fifth row: blank, or 0.00."""
    report = base_report()  # 事业收入 is left blank

    def service_cell(report: FinalAccount) -> list[str]:
        table = build_tables(report)[0]
        return [row.cells[1] for row in table.rows if row.cells[0] == "五、事业收入"]

    assert service_cell(report) == [""]
    printed = attrs.evolve(
        report,
        income=attrs.evolve(
            report.income, sources=attrs.evolve(report.income.sources, service="0.00")
        ),
    )
    assert service_cell(printed) == ["0.00"]


# -- the checks read a blank as blank ------------------------------------------------------------


def _codes(report: FinalAccount, code: str) -> list[govfinal.Finding]:
    return [f for f in govfinal.check(report) if f.code == code]


def test_a_blank_source_adds_no_rounding_and_a_printed_0_does() -> None:
    # 本年收入合计 163.01 against 150 + 8 + 5 = 163.00: 0.01 off. The total and three
    # published sources allow 4 × 0.005 = 0.020; with 事业收入 printed 0.00 as well,
    # 5 × 0.005 = 0.025. Both hold; at 163.03 (0.03 off) both fail, with those tolerances.
    report = base_report()
    with_zero = attrs.evolve(report.income.sources, service="0.00")
    for sources, tolerance in ((report.income.sources, "0.020"), (with_zero, "0.025")):
        for total, fails in (("163.01", False), ("163.03", True)):
            stated = attrs.evolve(sources, stated_total=total)
            changed = attrs.evolve(report, income=attrs.evolve(report.income, sources=stated))
            found = _codes(changed, "T104")
            assert bool(found) is fails
            if found:
                assert found[0].tolerance == D(tolerance)


def test_a_fund_income_against_a_blank_source() -> None:
    # The 政府性基金 fund publishes 本年收入 8.00; the 总表 leaving the source blank
    # disagrees with it (8.00 against an exact 0), and a fund income of 0.00 agrees.
    report = base_report()
    blank = attrs.evolve(report.income.sources, government_fund=None)
    changed = attrs.evolve(report, income=attrs.evolve(report.income, sources=blank))
    (finding,) = _codes(changed, "C406")
    assert (finding.expected, finding.actual) == (D("0"), D("8.00"))
    zero_income = attrs.evolve(
        changed,
        fiscal=attrs.evolve(
            changed.fiscal,
            government_fund=attrs.evolve(
                changed.fiscal.government_fund,
                income="0.00",
                project="0.00",
                stated_expenditure="0.00",
            ),
        ),
    )
    assert _codes(zero_income, "C406") == []


def test_a_blank_sme_amount_is_not_judged() -> None:
    # Base: SME 35.00 of 40.00, small and micro 20.00. Small and micro 50.00 is more than
    # the SME 35.00 (O606); with the SME amount blank it is not judged at all.
    report = base_report()
    over = attrs.evolve(report.procurement, small_micro_contracts="50.00")
    assert len(_codes(attrs.evolve(report, procurement=over), "O606")) == 1
    blank = attrs.evolve(over, sme_contracts=None)
    assert _codes(attrs.evolve(report, procurement=blank), "O606") == []
    assert _codes(attrs.evolve(report, procurement=blank), "O605") == []


def test_a_staff_total_against_the_counts_published() -> None:
    # 实有人数 12: 在职 10 + 退休 2 holds with 离休 blank; 在职 10 alone does not (12 ≠ 10);
    # with no count published there is nothing to add up.
    report = base_report()

    def with_staff(staff: Staff) -> FinalAccount:
        return attrs.evolve(report, profile=attrs.evolve(report.profile, staff=staff))

    assert _codes(with_staff(Staff(in_service=10, retirees=2, stated_total=12)), "O609") == []
    (finding,) = _codes(with_staff(Staff(in_service=10, stated_total=12)), "O609")
    assert (finding.expected, finding.actual) == (D(10), D(12))
    assert _codes(with_staff(Staff(stated_total=12)), "O609") == []
