"""Arithmetic that never raises on a loaded report (issue 11, items 1, 2 and 12).

A report whose every amount is within the entrance bounds (at most 30 digits,
between 1E-18 and 1E+18) loads. Its checks and its renders compute ratios over
rounding intervals (``1E-18 − 5E-19``), over sums of many amounts (37 digits)
and of sizes up to ``1E+18 ÷ 1E-18 × 100``: none of that may raise. A figure
that is wrong is a finding; every percentage is written in plain notation.

Expected figures come from exact rational arithmetic (:class:`fractions.Fraction`)
or from the issue, never from the code under test.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govfinal import (
    AmountError,
    BudgetBasis,
    BudgetStatement,
    BudgetVariance,
    FinalAccount,
    GovFinalError,
    GrowthStatement,
    Measure,
    PriorYear,
    Statement,
    check,
    ratios,
    render,
)
from govfinal.cli import main
from govfinal.io import dump, load, loads
from govfinal.render.tables import build_tables
from tests.strategies import arbitrary_final_accounts, complete_final_accounts

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "data" / "kexie_2023.toml"

D = Decimal
FORMATS = ("text", "markdown", "html")
LANGS = ("zh", "en")
EXPONENT = re.compile(r"\d[eE][+-]?\d")
"""A number written in exponent notation (``1E+3``, ``-0E+3``, ``5E-19``)."""


def _example_text(old: str, new: str) -> str:
    """The bundled example's TOML text with one passage replaced (the passage must exist)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the example no longer contains {old!r}"
    return text.replace(old, new)


def _example(old: str, new: str) -> FinalAccount:
    return loads(_example_text(old, new), format="toml", source="example.toml")


def _round_half_up(value: Fraction, places: int) -> Fraction:
    """``value`` rounded half-up (away from zero on a tie) to ``places`` decimals, exactly."""
    scaled = abs(value) * 10**places
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole if value >= 0 else -whole, 10**places)


def _codes(findings: Any) -> list[tuple[str, str]]:
    return [(finding.code, finding.path) for finding in findings]


# -- item 1: check() on figures at the bounds -------------------------------------------

_PROCUREMENT_OLD = "goods = 0.00\nworks = 0.00\nservices = 0.00\nstated_total = 0.00\n"
_PROCUREMENT_OLD += "sme_contracts = 0.00\n"
_PROCUREMENT_NEW = "goods = 1e18\nworks = 0.00\nservices = 0.00\nstated_total = 1e18\n"
_PROCUREMENT_NEW += "sme_contracts = 1e-18\n"


def _with_grand_total_prior(report: FinalAccount, prior: PriorYear) -> FinalAccount:
    return attrs.evolve(report, grand_total_prior=prior)


def _with_fiscal_budget(report: FinalAccount, budget: BudgetVariance) -> FinalAccount:
    return attrs.evolve(report, fiscal=attrs.evolve(report.fiscal, budget=budget))


def _restated(report: FinalAccount, kind: str, about: str, new: Statement) -> FinalAccount:
    """``report`` with ``new`` in place of its statements of ``kind`` about ``about``."""
    kept = [s for s in report.statements if (s.KIND, getattr(s, "about", None)) != (kind, about)]
    return attrs.evolve(report, statements=(*kept, new))


def _growth_case(report: FinalAccount) -> FinalAccount:
    """N906: 收入总计 58.95 (stated) over a prior year of 1E-18, stated as growing 100 %."""
    report = _with_grand_total_prior(report, PriorYear(amount="1E-18", reason="r"))
    growth = GrowthStatement("income.grand_total", "100", prior="grand_total_prior.amount")
    return _restated(report, "growth", "income.grand_total", growth)


def _tiny_budget(measure: Measure) -> Callable[[FinalAccount], FinalAccount]:
    """N907: 本年财政拨款支出 58.64 against a budget of 1E-18, stated as 1 % (one ``measure``)."""

    def change(report: FinalAccount) -> FinalAccount:
        report = _with_fiscal_budget(report, BudgetVariance(budget="1E-18", reason="r"))
        stated = BudgetStatement(
            "fiscal.expenditure", "fiscal.budget.budget", BudgetBasis.INITIAL, measure, "1"
        )
        return _restated(report, "budget", "fiscal.expenditure", stated)

    return change


def _change_case(report: FinalAccount) -> FinalAccount:
    """R706: 收入总计 1E-18 after a change of −1E+18, no stated rate, no reason."""
    income = attrs.evolve(report.income, stated_grand_total="1E-18")
    return attrs.evolve(
        report, income=income, grand_total_prior=PriorYear(change="-1E+18", reason=None)
    )


_HUNDRED = Fraction(100)
_TINY = Fraction(1, 10**18)

_RULE_CASES: dict[str, tuple[Callable[[FinalAccount], FinalAccount], str, str, Fraction]] = {
    # rule: (how the report changes, code, path, the recomputed figure of the finding)
    "growth": (
        _growth_case,
        "N906",
        "income.grand_total",
        _round_half_up((Fraction("58.95") - _TINY) / _TINY * _HUNDRED, 0),
    ),
    "variance": (
        _tiny_budget(Measure.VARIANCE),
        "N907",
        "fiscal.expenditure",
        _round_half_up((Fraction("58.64") - _TINY) / _TINY * _HUNDRED, 0),
    ),
    "execution": (
        _tiny_budget(Measure.EXECUTION),
        "N907",
        "fiscal.expenditure",
        _round_half_up(Fraction("58.64") / _TINY * _HUNDRED, 0),
    ),
    "change-without-reason": (
        _change_case,
        "R706",
        "grand_total_prior.reason",
        _round_half_up(Fraction(-(10**18)) / (10**18 + _TINY) * _HUNDRED, 2),
    ),
}


@pytest.mark.parametrize("case", list(_RULE_CASES))
def test_item_01_ratio_rules_report_figures_at_the_bounds(case: str) -> None:
    """Issue 11 item 1: the growth, variance, execution and change-without-reason rules
    raised ``AmountError`` ("finer than 1E-18" / "more than 30 significant digits") on
    reports that load; each must give its finding, with the exact recomputed rate."""
    change, code, path, expected = _RULE_CASES[case]
    report = change(load(EXAMPLE))
    findings = check(report)
    check(report, exact=True)  # strict mode computes over the same values
    matching = [f for f in findings if f.code == code and f.path == path]
    assert len(matching) == 1, _codes(findings)
    figure = matching[0].actual if code == "R706" else matching[0].expected
    assert figure is not None
    assert Fraction(figure) == expected
    assert not EXPONENT.search(matching[0].message_zh + matching[0].message_en)


def test_item_01_procurement_share_at_the_bounds() -> None:
    """Issue 11 item 1: ``goods = 1e18``, ``stated_total = 1e18``, ``sme_contracts = 1e-18``
    made ``check()`` raise "amount: 5E-19 is finer than 1E-18". The figures agree (the SME
    share is 1E-34 %, published as 0.00 %), so the findings are those of the example."""
    # Without the narrative's statements, which restate the procurement figures changed here.
    report = attrs.evolve(_example(_PROCUREMENT_OLD, _PROCUREMENT_NEW), statements=())
    example = attrs.evolve(load(EXAMPLE), statements=())
    assert report.procurement.sme_contracts == D("1E-18")
    assert _codes(check(report)) == _codes(check(example))
    assert _codes(check(report, exact=True)) == _codes(check(example, exact=True))


def _batch(tmp_path: Path) -> list[str]:
    """The issue's batch: a.toml and b.toml (the example), this.toml (procurement at the bounds)."""
    example = EXAMPLE.read_text(encoding="utf-8")
    files = {
        "a.toml": example,
        "this.toml": _example_text(_PROCUREMENT_OLD, _PROCUREMENT_NEW),
        "b.toml": example,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in files]


def test_item_01_cli_checks_every_file_of_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 11 item 1: ``govfinal check a.toml this.toml b.toml`` printed only
    ``govfinal: amount: 5E-19 is finer than 1E-18``, exited 2 and never checked b.toml;
    ``--format json`` printed nothing. All three are checked: exit 1 (findings)."""
    paths = _batch(tmp_path)
    assert main(["check", *paths]) == 1
    out, err = capsys.readouterr()
    assert "finer than" not in out + err
    for path in paths:
        assert f"{Path(path).name}:" in out or f"{path}:" in out
    assert main(["check", "--format", "json", *paths]) == 1
    document = json.loads(capsys.readouterr().out)
    assert [Path(entry["file"]).name for entry in document] == ["a.toml", "this.toml", "b.toml"]
    findings = [
        [{key: value for key, value in f.items() if key != "file"} for f in entry["findings"]]
        for entry in document
    ]
    # the same findings, each naming its file, but those of the narrative's restatement of
    # the procurement figures this.toml changes
    same = [[f for f in entry if not f["code"].startswith("N")] for entry in findings]
    assert same[0] == same[1] == same[2]
    restated = {f["address"] for f in findings[1] if f["code"].startswith("N")}
    assert restated == {"procurement.total", "procurement.goods"}


# -- item 2: render() of a huge share ------------------------------------------------------

_SOURCES_OLD = "general_budget = 55.19\n"
_SOURCES_NEW = "general_budget = 1e18\n"
_TOTAL_OLD = "other = 0.00\nstated_total = 55.19\n"
_TOTAL_NEW = "other = 0.00\nstated_total = 0.000001\n"


@pytest.mark.parametrize("format_", FORMATS)
def test_item_02_render_prints_a_share_of_1e26_percent(format_: str) -> None:
    """Issue 11 item 2: ``general_budget = 1e18`` with ``stated_total = 0.000001`` made
    ``render`` raise ``decimal.InvalidOperation`` (babel in the ambient context). The amount
    is printed in full, in plain notation. The share 1E+18 ÷ 0.000001 × 100 = 1E+26 % is
    beyond the bounds of a statement (1E+18), so the narrative, whose every figure is a
    statement, leaves it out rather than print a figure it cannot state."""
    text = _example_text(_SOURCES_OLD, _SOURCES_NEW)
    assert text.count(_TOTAL_OLD) == 1
    report = loads(text.replace(_TOTAL_OLD, _TOTAL_NEW), format="toml", source="example.toml")
    chinese = render(report, format=format_, lang="zh")  # type: ignore[arg-type]
    english = render(report, format=format_, lang="en")  # type: ignore[arg-type]
    assert f"财政拨款收入 {10**18}.00 万元；" in chinese
    assert f"fiscal allocations {10**18:,}.00 (10,000 yuan);" in english
    for text in (chinese, english):
        assert str(10**26) not in text and "E+" not in text
    for lang in LANGS:
        build_tables(report, lang)


def test_item_02_share_names_its_function_and_argument() -> None:
    """Issue 11 item 2: ``ratios.share`` let an ``AmountError`` escape with no place; the
    public ratio functions still bound their arguments, and say which function and argument."""
    with pytest.raises(AmountError, match=r"^share: whole: 5E-19 is finer than 1E-18"):
        ratios.share("1", "5E-19")
    with pytest.raises(AmountError, match=r"^growth: before: more than 30 significant digits"):
        ratios.growth("1" * 31, "1")
    assert Fraction(ratios.share_of(D("1E-18"), D("5E-19"))) == 200  # the core takes both


# -- item 12: percentages written with an exponent -----------------------------------------

_GROWTH_OLD = 'about = "functions[2060101].general_budget.expenditure"\nvalue = -10.87\n'
_GROWTH_NEW = 'about = "functions[2060101].general_budget.expenditure"\nvalue = 1e3\n'
"""The growth statement of 行政运行 (五（三） 第2句), stated as ``1e3``."""


def test_item_12_a_growth_of_1e3_is_printed_in_plain_notation() -> None:
    """Issue 11 item 12: a stated growth of ``1e3`` rendered "下降 0%" and the check said
    "计算为 -0E+3%". 1e3 is 1000 %, taken at whole percents: the growth of 行政运行,
    −6.47 ÷ (53.04 + 6.47) × 100 = −10.87…, is −11 % in the message (N906, formerly
    R701) and the render."""
    report = _example(_GROWTH_OLD, _GROWTH_NEW)
    expected = _round_half_up(Fraction("-6.47") / (Fraction("53.04") + Fraction("6.47")) * 100, 0)
    assert expected == -11
    findings = [f for f in check(report) if f.code == "N906"]
    assert len(findings) == 1
    assert "列示 1000%" in findings[0].message_zh
    assert "计算为 -11%" in findings[0].message_zh
    assert "stated 1000%" in findings[0].message_en
    for finding in findings:
        assert not EXPONENT.search(finding.message_zh + finding.message_en)
    chinese = render(report, lang="zh")
    assert "减少 6.47 万元，下降 11%" in chinese
    assert "下降 0%" not in chinese
    assert "down 6.47 (10,000 yuan) on the prior year, a fall of 11%" in render(report, lang="en")


def test_item_12_finding_rows_write_figures_in_plain_notation(tmp_path: Path) -> None:
    """Issue 11 item 12: ``Findings.flatten()`` and the command's JSON wrote ``str(Decimal)``,
    which is ``1E+3`` for a stated growth of 1e3; they write ``1000``."""
    report = _example(_GROWTH_OLD, _GROWTH_NEW)
    (row,) = [row for row in check(report).flatten() if row["code"] == "N906"]
    assert row["actual"] == "1000"
    assert not EXPONENT.search(" ".join(row.values()))
    path = tmp_path / "growth.toml"
    dump(report, path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["check", "--format", "json", str(path)])
    (finding,) = [f for f in json.loads(out.getvalue())[0]["findings"] if f["code"] == "N906"]
    assert (finding["actual"], finding["expected"]) == ("1000", "-11")


# -- items 1 and 2: generated reports pushed to the bounds ----------------------------------

_THIRTY_DIGITS = ("123456789012.345678901234567890", "-9999999999999999999.99999999999")
HOSTILE_AMOUNTS = tuple(
    D(text)
    for text in (
        "1E+18",
        "-1E+18",
        "1E-18",
        "-1E-18",
        "999999999999999999",
        *_THIRTY_DIGITS,
        "0",
        "0E-18",
        "-0.00",
        "0.000001",
        "1E+3",
        "-500",
        "100",
    )
)
"""Figures within every entrance bound (so the report loads) that stress the arithmetic."""


def _bounded(value: Decimal) -> bool:
    digits, exponent = len(value.as_tuple().digits), value.as_tuple().exponent
    assert isinstance(exponent, int)
    return digits <= 30 and exponent >= -18 and (value.is_zero() or value.adjusted() <= 18)


assert all(_bounded(value) for value in HOSTILE_AMOUNTS)
assert all(len(D(text).as_tuple().digits) == 30 for text in _THIRTY_DIGITS)


def _pushed(value: Any, pick: Callable[[Decimal], Decimal]) -> Any:
    """``value`` with ``pick`` applied to each ``Decimal`` field, the model permitting.

    Walks attrs instances and tuples. A field whose new figure the model refuses
    (e.g. a percentage that cannot be negative) keeps its figure, so the result
    is always a report that loads.
    """
    if isinstance(value, tuple):
        return tuple(_pushed(item, pick) for item in value)
    if not attrs.has(type(value)):
        return value
    result = value
    for field in attrs.fields(type(value)):
        if not field.init:
            continue
        current = getattr(value, field.name)
        new = pick(current) if isinstance(current, Decimal) else _pushed(current, pick)
        if new is current:
            continue
        try:
            result = attrs.evolve(result, **{field.alias: new})
        except (GovFinalError, ValueError, TypeError):
            continue
    return result


@st.composite
def hostile_reports(draw: st.DrawFn) -> FinalAccount:
    """A generated report (consistent or arbitrary) with figures moved to the bounds."""
    report = draw(st.one_of(complete_final_accounts(), arbitrary_final_accounts()))
    share = draw(st.sampled_from((4, 2, 1)))  # about one figure in `share` is moved

    def pick(value: Decimal) -> Decimal:
        if draw(st.integers(min_value=1, max_value=share)) != 1:
            return value
        return draw(st.sampled_from(HOSTILE_AMOUNTS))

    pushed: FinalAccount = _pushed(report, pick)
    return pushed


@settings(deadline=None)
@given(report=hostile_reports())
def test_items_01_02_hostile_reports_never_make_check_or_render_raise(
    report: FinalAccount,
) -> None:
    """Issue 11 items 1 and 2: on generated reports with amounts at the bounds (1E+18,
    1E-18, 30 digits, zeros, negatives), ``check`` (both modes) and ``render`` (every
    format and language, and the tables) return, and write no number with an exponent."""
    for exact in (False, True):
        for finding in check(report, exact=exact):
            assert not EXPONENT.search(finding.message_zh), finding.message_zh
    for lang in LANGS:
        for format_ in FORMATS:
            text = render(report, format=format_, lang=lang)  # type: ignore[arg-type]
            assert "E+" not in text
        build_tables(report, lang)
