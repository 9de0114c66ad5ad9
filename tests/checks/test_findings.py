"""The findings API (findings.py, engine.py) and the rounding-exact tolerance (tolerance.py).

Expected values are worked out by hand in the comments; none is pasted from
the package's output.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import govfinal
from govfinal import ratios
from govfinal.checks import (
    RULES,
    CheckOptions,
    Finding,
    FindingError,
    Findings,
    FindingsError,
    Severity,
    Term,
    check,
)
from govfinal.checks.tolerance import (
    amount_half_width,
    meets,
    percent_half_width,
    ratio_range,
    rounds_to,
)
from govfinal.errors import GovFinalError
from tests.checks.base import base_report
from tests.checks.cases import setting

D = Decimal


def _finding(
    code: str,
    severity: Severity,
    path: str,
    *,
    related: tuple[str, ...] = (),
    expected: str | None = None,
    actual: str | None = None,
) -> Finding:
    exp = None if expected is None else D(expected)
    act = None if actual is None else D(actual)
    return Finding(
        code=code,
        severity=severity,
        path=path,
        message_zh=f"{path} 有误",
        message_en=f"{path} is wrong",
        expected=exp,
        actual=act,
        difference=None if exp is None or act is None else act - exp,
        tolerance=None if exp is None else D("0.010"),
        related=related,
    )


E1 = _finding(
    "T101",
    Severity.ERROR,
    "income.stated_grand_total",
    related=("income.sources.stated_total", "income.opening_balance"),
    expected="178.00",
    actual="178.05",
)
W1 = _finding("T109", Severity.WARNING, "income.sources.other", actual="-5.00")
E2 = _finding("T104", Severity.ERROR, "income.sources.stated_total")
I1 = _finding("R799", Severity.INFO, "grand_total_prior.growth")
W2 = _finding("T109", Severity.WARNING, "income.opening_balance")

MIXED = Findings((E1, W1, E2, I1, W2))


# -- Findings ----------------------------------------------------------------


def test_findings_is_a_sequence_in_the_order_given() -> None:
    assert len(MIXED) == 5
    assert MIXED[0] is E1
    assert MIXED[-1] is W2
    assert list(MIXED[1:3]) == [W1, E2]
    assert list(MIXED) == [E1, W1, E2, I1, W2]
    assert Findings.collect(iter([W2, E1])).items == (W2, E1)
    assert len(Findings()) == 0


def test_findings_by_severity_keep_the_order() -> None:
    assert MIXED.errors == (E1, E2)
    assert MIXED.warnings == (W1, W2)
    assert MIXED.infos == (I1,)
    assert MIXED.of(Severity.WARNING) == MIXED.warnings


def test_ok_means_no_error() -> None:
    assert not MIXED.ok
    assert Findings((W1, I1)).ok
    assert Findings().ok


def test_codes_and_by_code() -> None:
    assert MIXED.codes() == ("T101", "T109", "T104", "R799", "T109")
    groups = MIXED.by_code()
    # Grouped in order of first appearance, each group in the findings' order.
    assert list(groups) == ["T101", "T109", "T104", "R799"]
    assert groups["T109"] == (W1, W2)
    assert groups["T101"] == (E1,)


@pytest.mark.parametrize(
    ("severity", "expected"),
    [
        (Severity.ERROR, (E1, E2)),
        (Severity.WARNING, (E1, W1, E2, W2)),
        (Severity.INFO, (E1, W1, E2, I1, W2)),
    ],
)
def test_at_least(severity: Severity, expected: tuple[Finding, ...]) -> None:
    assert MIXED.at_least(severity) == expected


def test_severity_ranks_order_errors_first() -> None:
    assert [s.rank for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] == [0, 1, 2]


def test_flatten_gives_one_row_of_strings_per_finding() -> None:
    rows = Findings((E1, W1)).flatten()
    assert rows[0] == {
        "code": "T101",
        "severity": "error",
        "path": "income.stated_grand_total",
        "message": "income.stated_grand_total 有误",
        "message_en": "income.stated_grand_total is wrong",
        "expected": "178.00",
        "actual": "178.05",
        "difference": "0.05",
        "tolerance": "0.010",
    }
    # Missing numbers are empty strings, never "None".
    assert rows[1]["expected"] == rows[1]["difference"] == rows[1]["tolerance"] == ""
    assert rows[1]["actual"] == "-5.00"
    assert all(isinstance(value, str) for row in rows for value in row.values())


def test_message_by_language_and_str() -> None:
    assert E1.message("en") == "income.stated_grand_total is wrong"
    assert E1.message("zh") == "income.stated_grand_total 有误"
    assert E1.message() == E1.message_zh
    assert str(E1) == "T101 error income.stated_grand_total: income.stated_grand_total 有误"


def test_a_real_finding_has_messages_in_both_languages() -> None:
    report = setting("income.sources.stated_total", "164.00")(base_report())
    finding = next(f for f in check(report) if f.code == "T104")
    # Sources 150 + 8 + 5 = 163 (the other five are blank, and add no rounding); 164 is
    # 1.00 off, beyond 0.005 × 4 = 0.020 (the stated total's and the three sources').
    assert finding.message("en").startswith("total income for the year 164.00 ≠ ")
    assert finding.message("zh").startswith("本年收入合计 164.00 ≠ ")
    assert (finding.expected, finding.actual, finding.difference) == (
        D("163.00"),
        D("164.00"),
        D("1.00"),
    )
    assert finding.tolerance == D("0.020")


# -- raising -------------------------------------------------------------------


def test_raise_for_findings_raises_an_exception_group_of_finding_errors() -> None:
    with pytest.raises(FindingsError) as info:
        MIXED.raise_for_findings()
    group = info.value
    assert isinstance(group, ExceptionGroup)
    assert "2 finding(s) at error or above" in str(group)
    assert [error.finding for error in group.exceptions] == [E1, E2]
    first = group.exceptions[0]
    assert isinstance(first, FindingError)
    assert isinstance(first, GovFinalError)
    assert "at income.stated_grand_total" in first.__notes__
    assert "with income.sources.stated_total" in first.__notes__
    assert "with income.opening_balance" in first.__notes__
    assert str(first) == "T101 income.stated_grand_total: income.stated_grand_total is wrong"
    assert group.exceptions[1].__notes__ == ["at income.sources.stated_total"]


def test_finding_errors_can_be_caught_with_except_star() -> None:
    caught: list[str] = []
    try:
        MIXED.raise_for_findings()
    except* FindingError as group:
        caught = [error.finding.path for error in group.exceptions]
    assert caught == ["income.stated_grand_total", "income.sources.stated_total"]


def test_only_warnings_is_ok_but_raises_at_warning_level() -> None:
    findings = Findings((W1, I1, W2))
    assert findings.ok
    findings.raise_for_findings()  # errors only: nothing to raise
    findings.raise_for_findings(Severity.ERROR)
    with pytest.raises(FindingsError) as info:
        findings.raise_for_findings(Severity.WARNING)
    assert [error.finding for error in info.value.exceptions] == [W1, W2]
    with pytest.raises(FindingsError) as everything:
        findings.raise_for_findings(Severity.INFO)
    assert len(everything.value.exceptions) == 3


def test_no_findings_raise_nothing_at_any_level() -> None:
    for severity in Severity:
        Findings().raise_for_findings(severity)


def test_check_raises_for_the_broken_report() -> None:
    report = setting("income.stated_grand_total", "178.05")(base_report())
    with pytest.raises(FindingsError) as info:
        check(report).raise_for_findings()
    paths = {error.finding.path for error in info.value.exceptions}
    assert "income.stated_grand_total" in paths


# -- check() and CheckOptions --------------------------------------------------

# 收入总计 178.05 against 163.00 + 0.00 + 15.00 = 178.00 (T101) and against
# 支出总计 178.00 (T103, reported at the expenditure side).
BROKEN = setting("income.stated_grand_total", "178.05")


def test_the_broken_report_fires_two_rules() -> None:
    errors = check(BROKEN(base_report())).errors
    assert {f.code for f in errors} >= {"T101", "T103"}


@pytest.mark.parametrize("key", ["T101", "income-grand-total"])
def test_select_by_code_or_name(key: str) -> None:
    findings = check(BROKEN(base_report()), options=CheckOptions(select={key}))
    assert findings.codes() == ("T101",)


@pytest.mark.parametrize("key", ["T101", "income-grand-total"])
def test_ignore_by_code_or_name(key: str) -> None:
    findings = check(BROKEN(base_report()), options=CheckOptions(ignore=[key]))
    assert "T101" not in findings.codes()
    assert "T103" in findings.codes()


def test_ignore_wins_over_select() -> None:
    options = CheckOptions(select={"T101", "T103"}, ignore={"grand-totals-balance"})
    assert check(BROKEN(base_report()), options=options).codes() == ("T101",)


def test_runs_follows_select_and_ignore() -> None:
    t101 = RULES["T101"]
    assert RULES["income-grand-total"] is t101
    assert CheckOptions().runs(t101)
    assert CheckOptions(select={"T101"}).runs(t101)
    assert not CheckOptions(select={"T102"}).runs(t101)
    assert not CheckOptions(ignore={"income-grand-total"}).runs(t101)


def test_selecting_an_unknown_code_runs_nothing() -> None:
    assert check(BROKEN(base_report()), options=CheckOptions(select={"X999"})) == Findings()


# 收入总计 178.01 against 178.00: 0.01 is within rounding (tolerance 0.005 × 4 = 0.020)
# but not exact.
NEAR = setting("income.stated_grand_total", "178.01")


def test_exact_keyword_equals_exact_option() -> None:
    report = NEAR(base_report())
    assert "T101" not in check(report).codes()
    by_keyword = check(report, exact=True)
    assert "T101" in by_keyword.codes()
    assert by_keyword == check(report, options=CheckOptions(exact=True))
    # exact=True also wins over options that do not ask for it.
    assert by_keyword == check(report, exact=True, options=CheckOptions())


def test_exact_findings_have_zero_tolerance() -> None:
    finding = next(f for f in check(NEAR(base_report()), exact=True) if f.code == "T101")
    assert finding.tolerance == 0
    assert finding.difference == D("0.01")


def test_thresholds_refuse_floats() -> None:
    assert CheckOptions(change_threshold="5").change_threshold == D(5)
    with pytest.raises(govfinal.FloatRefusedError):
        CheckOptions(change_threshold=5.0)  # type: ignore[arg-type]


def test_check_is_exported_from_the_package() -> None:
    assert govfinal.check is check
    assert govfinal.RULES is RULES


# -- tolerance: half-widths -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "half_width"),
    [
        ("58.95", "0.005"),  # the last digit is 0.01
        ("58.9", "0.05"),  # written with one decimal: 0.1
        ("97.60", "0.005"),
        ("0.00", "0.005"),
        ("-3.10", "0.005"),  # the sign does not matter
        ("1.2345", "0.00005"),  # unrounded data carry their own digits
        ("0", "0.005"),  # integers are taken at the published 0.01
        ("15", "0.005"),
        ("1E+2", "0.005"),
    ],
)
def test_amount_half_width(value: str, half_width: str) -> None:
    assert amount_half_width(D(value)) == D(half_width)


@pytest.mark.parametrize(
    ("value", "half_width"),
    [
        ("19.69", "0.005"),
        ("-4.76", "0.005"),
        ("97.6", "0.05"),
        ("100", "0.5"),  # "100%" stands for 99.5 % to 100.5 %
        ("0", "0.5"),
        ("12.345", "0.0005"),
    ],
)
def test_percent_half_width(value: str, half_width: str) -> None:
    assert percent_half_width(D(value)) == D(half_width)


# -- tolerance: meets -------------------------------------------------------------


def _term(value: str, half_width: str = "0.005", path: str = "x") -> Term:
    return Term(path, path, path, D(value), D(half_width))


def _sum(*values: str) -> Term:
    return Term.total([_term(v, path=f"p{i}") for i, v in enumerate(values)], "s", "和", "sum")


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # [58.945, 58.955) and [58.955, 58.965) only touch: no common value.
        (_term("58.95"), _term("58.96"), False),
        # 57.82 + 1.13 = 58.95 stands for [58.94, 58.96); 58.96 for [58.955, 58.965).
        (_term("58.96"), _sum("57.82", "1.13"), True),
        # 58.97 stands for [58.965, 58.975): beyond 58.96, the top of the sum.
        (_term("58.97"), _sum("57.82", "1.13"), False),
        # Four figures: tolerance 0.005 × 4 = 0.020, and the comparison is strict.
        (_term("178.01"), _sum("163.00", "0.00", "15.00"), True),
        (_term("178.02"), _sum("163.00", "0.00", "15.00"), False),
        # An exact figure inside the half-open interval [0.995, 1.005), and at its top.
        (_term("1.00"), _term("1.0049", "0"), True),
        (_term("1.00"), _term("1.005", "0"), False),
        # Exact mode: equal values meet, anything else does not.
        (_term("1.00", "0"), _term("1.00", "0"), True),
        (_term("1.00", "0"), _term("1.01", "0"), False),
        (_term("1.00", "0"), _term("1.000", "0"), True),
        # Negative figures: the mirror image.
        (_term("-1.00"), _term("-1.01"), False),
        (_term("-1.00"), _sum("-0.50", "-0.51"), True),
        # Different precisions: 97.6 stands for [97.55, 97.65).
        (_term("97.6", "0.05"), _term("97.64"), True),
        (_term("97.6", "0.05"), _term("97.66"), False),
    ],
)
def test_meets(left: Term, right: Term, expected: bool) -> None:
    assert meets(left, right) is expected
    assert meets(right, left) is expected


def test_a_sum_carries_the_widths_and_the_paths_of_its_parts() -> None:
    total = _sum("57.82", "1.13")
    assert total.value == D("58.95")
    assert total.half_width == D("0.010")
    assert (total.low, total.high) == (D("58.940"), D("58.960"))
    assert total.paths() == ("p0", "p1")
    assert total.formula_en() == "p0 57.82 + p1 1.13"
    nested = Term.total([total, _term("0.05", path="q")], "t", "总", "total")
    assert nested.paths() == ("p0", "p1", "q")
    assert nested.half_width == D("0.015")


# -- tolerance: rounds_to and ratio_range --------------------------------------------


@pytest.mark.parametrize(
    ("stated", "low", "high", "expected"),
    [
        ("19.69", "19.6866", "19.6866", True),
        ("19.70", "19.6866", "19.6866", False),
        # Half-up: 19.685 rounds to 19.69, 19.695 to 19.70.
        ("19.69", "19.685", "19.685", True),
        ("19.68", "19.685", "19.685", False),
        ("19.69", "19.695", "19.695", False),
        ("19.70", "19.695", "19.695", True),
        # A range rounds to every figure it reaches.
        ("19.69", "19.60", "19.80", True),
        ("19.69", "19.60", "19.685", True),
        ("19.69", "19.60", "19.6849", False),
        ("19.69", "19.695", "19.80", False),
        # Negative figures: half-up rounds away from zero, −4.765 to −4.77.
        ("-4.76", "-4.765", "-4.765", False),
        ("-4.77", "-4.765", "-4.765", True),
        ("-4.76", "-4.755", "-4.755", True),
        ("-4.75", "-4.755", "-4.755", False),
        # "100%" stands for [99.5, 100.5).
        ("100", "99.5", "99.5", True),
        ("100", "100.5", "100.5", False),
        ("100.00", "99.5", "99.5", False),
        # Zero: −0.004 rounds to −0.00, which is 0.00.
        ("0.00", "-0.004", "-0.004", True),
        ("0.00", "0.0049", "0.0049", True),
        ("0.00", "0.005", "0.005", False),
    ],
)
def test_rounds_to(stated: str, low: str, high: str, expected: bool) -> None:
    assert rounds_to(D(stated), D(low), D(high)) is expected


def test_rounds_to_zero_excludes_minus_half_a_cent() -> None:
    # The values that round half-up to 0.00 are (−0.005, 0.005). The check errs on the
    # lenient side at this single point (it can only miss a finding, never invent one).
    assert rounds_to(D("0.00"), D("-0.005"), D("-0.005")) is False


def test_ratio_range_spans_the_corners_of_the_intervals() -> None:
    # Growth from 73.40 to 58.95: −14.45 / 73.40 = −19.6866 %. Over the intervals:
    # lowest (58.945 − 73.405) / 73.405 = −14.46 / 73.405 = −19.69893 %,
    # highest (58.955 − 73.395) / 73.395 = −14.44 / 73.395 = −19.67436 %.
    span = ratio_range(ratios.growth, [_term("73.40"), _term("58.95")])
    assert span.bounded
    assert round(span.center, 4) == D("-19.6866")
    assert round(span.low, 5) == D("-19.69893")
    assert round(span.high, 5) == D("-19.67436")
    # So −19.67 … −19.70 can all be stated; −19.66 and −19.71 cannot.
    for stated, expected in [
        ("-19.66", False),
        ("-19.67", True),
        ("-19.69", True),
        ("-19.70", True),
        ("-19.71", False),
    ]:
        assert rounds_to(D(stated), span.low, span.high) is expected, stated


def test_ratio_range_in_exact_mode_is_a_point() -> None:
    span = ratio_range(ratios.share, [_term("1", "0"), _term("8", "0")])
    assert (span.low, span.center, span.high) == (D("12.5"), D("12.5"), D("12.5"))


def test_ratio_range_over_a_zero_base_follows_the_convention() -> None:
    before, after = _term("0.00"), _term("1.13")
    span = ratio_range(ratios.growth, [before, after], denominator=before)
    assert (span.low, span.center, span.high, span.bounded) == (100, 100, 100, True)


def test_ratio_range_over_a_base_straddling_zero_is_unbounded() -> None:
    # A base of 0.004 ± 0.005 can be anywhere in [−0.001, 0.009), zero included:
    # any growth rate is then possible, so none can be refuted.
    before = _term("0.004")
    span = ratio_range(ratios.growth, [before, _term("1.00")], denominator=before)
    assert not span.bounded
