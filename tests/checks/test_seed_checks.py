"""What the checks say of the real 2023 seed report.

The seed's financial parts agree with themselves under rounding (the
arithmetic is in tests/test_seed_figures.py); its one notice is the vehicle
held outside the 公务用车 count, which the report explains. (The
self-evaluation tables, which do disagree, are checked by the S8xx rules.)
"""

from __future__ import annotations

from kexie_2023 import build_report

import govfinal
from govfinal import Severity

SEED = build_report()


def test_the_seed_has_no_financial_error_or_warning() -> None:
    findings = govfinal.check(SEED)
    assert [f for f in findings if f.code[0] != "S" and f.severity is not Severity.INFO] == []


def test_the_seed_vehicle_difference_is_an_explained_notice() -> None:
    notices = [f for f in govfinal.check(SEED).infos if f.code == "P506"]
    assert [f.path for f in notices] == ["three_public.vehicles_held"]
    assert "科普大篷车" in notices[0].message_zh


def test_exact_mode_finds_nothing_more_in_the_seeds_financial_parts() -> None:
    # The seed's amounts add up exactly, not only within rounding.
    rounding = [f.code for f in govfinal.check(SEED) if f.code[0] != "S"]
    exact = [f.code for f in govfinal.check(SEED, exact=True) if f.code[0] != "S"]
    assert exact == rounding


def test_a_broken_seed_is_caught_where_it_breaks() -> None:
    import attrs

    broken = attrs.evolve(
        SEED, income=attrs.evolve(SEED.income, opening_balance=SEED.income.opening_balance + 1)
    )
    errors = govfinal.check(broken).errors
    assert [f.path for f in errors if f.code == "T101"] == ["income.stated_grand_total"]
    # 年初财政拨款结转 3.45 is still within 年初结转和结余 4.76: C409 stays quiet.
    assert "C409" not in {f.code for f in errors}


def test_registry_holds_at_least_forty_rules_each_documented() -> None:
    assert len(govfinal.RULES) >= 40
    for code, registered in govfinal.RULES.items():
        assert registered.code == code
        assert registered.title_zh and registered.title_en and registered.formula
        assert registered.tables
