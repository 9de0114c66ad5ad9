"""Property tests of the checks on generated reports.

The reports come from :mod:`tests.strategies`: consistent by construction
(leaves drawn, totals derived exactly), unrounded and then published (rounded
half-up to 0.01), or arbitrary. The properties hold for every registered rule;
the tests iterate :data:`govfinal.RULES` and never list the rules they expect,
except where a property names the identity a moved figure belongs to.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from functools import reduce
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfinal import (
    RULES,
    BudgetBasis,
    BudgetStatement,
    BudgetUnit,
    BudgetVariance,
    Expenditure,
    FinalAccount,
    FiscalAllocations,
    FunctionLine,
    FunctionTree,
    GrowthStatement,
    Income,
    IncomeSources,
    Measure,
    NatureAmounts,
    PriorYear,
    check,
)
from govfinal.checks import CheckOptions, Finding, Findings, Severity
from tests.checks.cases import evolve_path
from tests.strategies import (
    amounts,
    arbitrary_final_accounts,
    complete_final_accounts,
    exact_sum,
    final_accounts,
    map_decimals,
    unrounded_complete_final_accounts,
    unrounded_final_accounts,
    with_blank_parent_rows,
)

D = Decimal
CENT = D("0.01")
HALF_CENT = D("0.005")
_ROUNDING = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)

RULE_ORDER = {code: rank for rank, code in enumerate(RULES)}

SMALL_REPORTS = final_accounts(max_classes=2, max_children=2)
"""Consistent reports with smaller trees, for properties about one moved figure (faster)."""


def _errors(findings: Findings) -> list[str]:
    """The errors as text, so that a failing assertion shows them."""
    return [str(finding) for finding in findings.errors]


def get_path(report: FinalAccount, dotted: str) -> Any:
    """The attribute at ``dotted`` (e.g. ``income.opening_balance``) of ``report``."""
    return reduce(getattr, dotted.split("."), report)


def shifts() -> st.SearchStrategy[Decimal]:
    """A move ``d`` with |d| ≥ 1.00, far beyond any tolerance of a few published figures."""
    return st.builds(
        lambda magnitude, negative: -magnitude if negative else magnitude,
        amounts(min_value=D("1.00"), max_value=D("100000.00")),
        st.booleans(),
    )


def moved(report: FinalAccount, path: str, d: Decimal) -> FinalAccount:
    """``report`` with the figure at ``path`` moved by ``d`` (exactly)."""
    return evolve_path(report, path, exact_sum((get_path(report, path), d)))


def _is_equality(finding: Finding) -> bool:
    """Whether ``finding`` comes from :meth:`Checker.equal` (its message shows ``≠``).

    :meth:`Checker.at_most` findings show ``>`` and their difference is the
    excess, which a move can use only in part (the slack the consistent report
    had is subtracted first).
    """
    return "≠" in finding.message_en


# -- a. no false positive on a consistent report ------------------------------------


@given(complete_final_accounts())
def test_a_consistent_report_has_no_error(report: FinalAccount) -> None:
    # final_accounts() with every other part filled in consistently: comparatives (rates
    # rounded to 0.01 % from the exact amounts), economic classes, “三公”, procurement...
    assert _errors(check(report)) == []
    # Its totals are exact sums, so exact mode agrees; a stated rate is taken at its own
    # digits in both modes.
    assert _errors(check(report, exact=True)) == []


# -- b. rounding never produces a false positive -----------------------------------------


def half_up(value: Decimal) -> Decimal:
    """``value`` rounded half-up to 0.01, as publication does (四舍五入)."""
    return value.quantize(CENT, rounding=decimal.ROUND_HALF_UP, context=_ROUNDING)


def published(report: FinalAccount) -> FinalAccount:
    """``report`` as printed: every amount and stated rate rounded half-up to 0.01.

    A generic walk over the attrs instances and tuples of the model
    (:func:`tests.strategies.map_decimals`), so that no figure is forgotten.
    """
    result: FinalAccount = map_decimals(report, half_up)
    return result


def test_published_rounds_every_figure() -> None:
    report = FinalAccount(
        unit=BudgetUnit(name="测试单位", fiscal_year=2024),
        income=Income(sources=IncomeSources(other="1.2349"), opening_balance="0.0050"),
        functions=FunctionTree(
            lines=[FunctionLine("2010101", "行政运行", expenditure=NatureAmounts(basic="2.0051"))]
        ),
        grand_total_prior=PriorYear(change="-0.0050"),
        statements=(GrowthStatement("income.grand_total", "19.6850"),),
    )
    rounded = published(report)
    assert rounded.income.opening_balance == D("0.01")  # half-up, not half-even
    assert str(rounded.income.sources.other) == "1.23"
    assert rounded.income.sources.general_budget is None  # blank stays blank
    assert str(rounded.income.non_fiscal_balance_used) == "0.00"  # a default 0 is printed
    line = rounded.functions["2010101"]
    assert line.expenditure is not None and str(line.expenditure.basic) == "2.01"
    assert rounded.grand_total_prior == PriorYear(change=D("-0.01"))
    assert rounded.statements == (GrowthStatement("income.grand_total", D("19.69")),)


@given(unrounded_complete_final_accounts())
def test_rounding_never_produces_an_error(report: FinalAccount) -> None:
    # The true report (every part, amounts at four places; rates computed from them and
    # stated at 0.01 %) holds exactly; printed, it holds within rounding. Exact mode on
    # the printed report may well find differences: that is what it is for.
    assert _errors(check(report, exact=True)) == []
    assert _errors(check(published(report))) == []


@given(unrounded_final_accounts().flatmap(with_blank_parent_rows))
def test_rounding_never_produces_an_error_with_blank_parent_rows(report: FinalAccount) -> None:
    # A 类 or 款 row left blank stands for the Σ of its children's published cells, and
    # forgives the rounding of each of them.
    assert _errors(check(report, exact=True)) == []
    assert _errors(check(published(report))) == []


def test_a_blank_class_total_forgives_its_children() -> None:
    # True 款 amounts 1.004 + 1.004 + 0.992 = 3.000 = 本年支出合计. Published: 1.00, 1.00 and
    # 0.99 (Σ 2.99) against 3.00, and the 类 201 leaves its row blank. Four published figures:
    # tolerance 0.005 × 4 = 0.020 > 0.01, so no error is due.
    def item(code: str, value: str) -> FunctionLine:
        return FunctionLine(
            code, "科目", expenditure=NatureAmounts(basic=value, stated_total=value)
        )

    report = FinalAccount(
        unit=BudgetUnit(name="测试单位", fiscal_year=2024),
        expenditure=Expenditure(nature=NatureAmounts(basic="3.00", stated_total="3.00")),
        functions=FunctionTree(
            lines=[
                FunctionLine("201", "一般公共服务支出"),
                item("20101", "1.00"),
                item("20102", "1.00"),
                item("20103", "0.99"),
            ]
        ),
    )
    assert _errors(check(report)) == []


# A base that is not zero but publishes as 0.00: the true figures below agree with each
# other, and their published form states the rate computed from them. Only rounding can
# explain the rate, so it is no error (the zero-base convention, 100 % or 0 %, applies
# to a base that is truly zero, as exact mode assumes).
ZERO_BASE_CASES = [
    pytest.param(
        # 收入总计 1.0000 against 0.0040 last year: growth 0.996 / 0.004 = 24900 %.
        # Published: 1.00 against 0.00 (0.004 rounds down), growth 24900.00 %.
        FinalAccount(
            unit=BudgetUnit(name="测试单位", fiscal_year=2024),
            income=Income(opening_balance="1.00", stated_grand_total="1.00"),
            grand_total_prior=PriorYear(amount="0.00"),
            statements=(
                GrowthStatement("income.grand_total", "24900.00", prior="grand_total_prior.amount"),
            ),
        ),
        id="N906-prior-amount",
    ),
    pytest.param(
        # 5.0000 against 0.0050: change 4.9950, growth 4.995 / 0.005 = 99900 %.
        # Published: 5.00, change 5.00 (4.995 rounds up), growth 99900.00 %; the prior
        # derived from them, 5.00 − 5.00, is 0.00.
        FinalAccount(
            unit=BudgetUnit(name="测试单位", fiscal_year=2024),
            income=Income(opening_balance="5.00", stated_grand_total="5.00"),
            grand_total_prior=PriorYear(change="5.00"),
            statements=(GrowthStatement("income.grand_total", "99900.00"),),
        ),
        id="N906-prior-from-change",
    ),
    pytest.param(
        # 本年财政拨款支出 1.0000 against a budget of 0.0040: variance 24900 %,
        # execution 1 / 0.004 = 25000 %. Published: budget 0.00.
        FinalAccount(
            unit=BudgetUnit(name="测试单位", fiscal_year=2024),
            fiscal=FiscalAllocations(
                stated_expenditure="1.00",
                budget=BudgetVariance(budget="0.00"),
            ),
            statements=tuple(
                BudgetStatement(
                    "fiscal.expenditure", "fiscal.budget.budget", BudgetBasis.INITIAL, measure, rate
                )
                for measure, rate in (
                    (Measure.VARIANCE, "24900.00"),
                    (Measure.EXECUTION, "25000.00"),
                )
            ),
        ),
        id="N907-budget",
    ),
]


@pytest.mark.parametrize("report", ZERO_BASE_CASES)
def test_a_base_that_rounds_to_zero_is_not_an_error(report: FinalAccount) -> None:
    assert _errors(check(report)) == []
    # Exact mode takes 0.00 as a true zero: the convention gives 100 %, not the stated rate.
    assert {f.code for f in check(report, exact=True).errors} & {"N906", "N907"}


# -- c. a moved total is named -------------------------------------------------------------

STATED_TOTALS = (
    "income.stated_grand_total",
    "income.sources.stated_total",
    "expenditure.stated_grand_total",
    "expenditure.nature.stated_total",
    "fiscal.stated_opening",
    "fiscal.stated_income",
    "fiscal.stated_expenditure",
    "fiscal.stated_closing",
    "fiscal.stated_income_grand_total",
    "fiscal.stated_expenditure_grand_total",
    "fiscal.general_budget.stated_expenditure",
    "fiscal.government_fund.stated_expenditure",
    "fiscal.state_capital.stated_expenditure",
    "general_budget_basic.stated_total",
)
"""Published totals that :func:`final_accounts` always sets (never ``None``)."""


@given(SMALL_REPORTS, st.sampled_from(STATED_TOTALS), shifts())
def test_moving_a_published_total_is_an_error_naming_it(
    report: FinalAccount, path: str, d: Decimal
) -> None:
    findings = check(moved(report, path, d))
    naming = [f for f in findings.errors if f.path == path or path in f.related]
    assert naming, f"no error names {path}: {_errors(findings)}"
    # The consistent report had nothing to say: every error now is about the moved figure.
    assert naming == list(findings.errors)
    # Some identity has the total as its stated side and sees the whole move.
    assert any(
        f.path == path
        and f.tolerance is not None
        and abs(f.difference or 0) >= abs(d) - f.tolerance
        for f in naming
    ), _errors(findings)
    for finding in naming:
        assert finding.difference is not None, str(finding)
        if _is_equality(finding):
            # Every identity held exactly and holds the figure once: the difference is the move.
            assert abs(finding.difference) == abs(d), str(finding)
            if finding.path == path:
                assert finding.difference == d, str(finding)
        else:
            # A bound sees the move less the slack it had.
            assert 0 < abs(finding.difference) <= abs(d), str(finding)


LINE_CELLS = (
    ("expenditure", "stated_total"),
    ("expenditure", "basic"),
    ("expenditure", "project"),
    ("general_budget", "stated_expenditure"),
    ("general_budget", "basic"),
    ("general_budget", "project"),
)
"""Cells that every line of a :func:`final_accounts` tree publishes."""


def moved_cell(
    report: FinalAccount, index: int, table: str, field: str, d: Decimal
) -> FinalAccount:
    """``report`` with one cell of its ``index``-th function line moved by ``d``."""
    lines = list(report.functions)
    line = lines[index]
    row = getattr(line, table)
    row = attrs.evolve(row, **{field: exact_sum((getattr(row, field), d))})
    lines[index] = attrs.evolve(line, **{table: row})
    return evolve_path(report, "functions", attrs.evolve(report.functions, lines=lines))


def _related(finding: Finding) -> tuple[str, ...]:
    """The paths ``finding`` relates to."""
    return finding.related


@given(SMALL_REPORTS, st.data(), st.sampled_from(LINE_CELLS), shifts())
def test_moving_a_cell_of_a_function_line_is_an_error_naming_it(
    report: FinalAccount, data: st.DataObject, cell: tuple[str, str], d: Decimal
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(report.functions) - 1))
    table, field = cell
    path = f"functions[{report.functions.lines[index].code}].{table}.{field}"
    findings = check(moved_cell(report, index, table, field, d))
    naming = [f for f in findings.errors if f.path == path or path in _related(f)]
    assert naming, f"no error names {path}: {_errors(findings)}"
    # An identity of its line or of its parent sees the whole move.
    assert any(f.difference is not None and abs(f.difference) == abs(d) for f in naming)
    # Every error is about the moved cell, or about its line as a whole (F211 compares
    # the Σ of a line's fund cells, at the line's path, with the line's total).
    line = path.split(".")[0]
    assert all(f in naming or f.path == line for f in findings.errors), _errors(findings)


# -- d. a moved leaf: the difference is exactly the move -------------------------------------

LEAVES = (
    # (leaf, rule, the stated total it reports); every identity holds exactly before the
    # move, so afterwards stated − Σ parts = −d.
    *(
        (f"income.sources.{source}", "T104", "income.sources.stated_total")
        for source in (
            "general_budget",
            "government_fund",
            "state_capital",
            "superior_subsidy",
            "service",
            "business",
            "subordinate_remittance",
            "other",
        )
    ),
    ("income.non_fiscal_balance_used", "T101", "income.stated_grand_total"),
    ("income.opening_balance", "T101", "income.stated_grand_total"),
    ("expenditure.surplus_distribution", "T102", "expenditure.stated_grand_total"),
    ("expenditure.closing_balance", "T102", "expenditure.stated_grand_total"),
    ("expenditure.nature.project", "T105", "expenditure.nature.stated_total"),
    ("expenditure.nature.remitted_to_superior", "T105", "expenditure.nature.stated_total"),
    ("expenditure.nature.business", "T105", "expenditure.nature.stated_total"),
    ("expenditure.nature.subsidies_to_subordinates", "T105", "expenditure.nature.stated_total"),
    ("expenditure.personnel", "T108", "expenditure.nature.basic"),
    ("expenditure.public", "T108", "expenditure.nature.basic"),
)


@given(SMALL_REPORTS, st.sampled_from(LEAVES), shifts())
def test_moving_a_leaf_gives_the_move_as_the_difference(
    report: FinalAccount, leaf: tuple[str, str, str], d: Decimal
) -> None:
    path, code, total = leaf
    findings = check(moved(report, path, d))
    found = [f for f in findings.errors if f.code == code and f.path == total]
    assert len(found) == 1, _errors(findings)
    finding = found[0]
    assert finding.difference == -d
    assert path in finding.related
    assert finding.actual is not None and finding.expected is not None
    assert finding.expected - finding.actual == d


# -- e. determinism and order -------------------------------------------------------------

MOVABLE = STATED_TOTALS + tuple(path for path, _code, _total in LEAVES)


@st.composite
def reports_with_one_move(draw: st.DrawFn) -> FinalAccount:
    """A consistent report with one figure moved by at least 1.00."""
    report = draw(SMALL_REPORTS)
    return moved(report, draw(st.sampled_from(MOVABLE)), draw(shifts()))


@given(st.one_of(reports_with_one_move(), arbitrary_final_accounts()))
def test_findings_are_deterministic_and_in_rule_order(report: FinalAccount) -> None:
    first = check(report)
    assert first == check(report)
    ranks = [RULE_ORDER[code] for code in first.codes()]
    assert ranks == sorted(ranks)


# -- f. tolerances are never narrower than rounding allows -----------------------------------


_SEGMENT = re.compile(r"(\w+)(?:\[(\w+)\])?")


def is_published_figure(report: FinalAccount, path: str) -> bool:
    """Whether ``path`` names a published amount: a ``Decimal`` field of the model.

    ``functions[2010101]`` picks a function line, ``lines[30101]`` an economic
    line by code. Properties (derived figures such as ``NatureAmounts.total``),
    blank cells and paths of derived sums (``fiscal``, ``income.sources``) are
    not published figures.
    """
    value: Any = report
    for segment in path.split("."):
        match = _SEGMENT.fullmatch(segment)
        if match is None or not attrs.has(type(value)):
            return False
        name, key = match.groups()
        if name not in attrs.fields_dict(type(value)):
            return False
        value = getattr(value, name)
        if key is not None:
            if isinstance(value, FunctionTree):
                value = value.get(key)
            else:
                value = next((item for item in value if getattr(item, "code", None) == key), None)
    return isinstance(value, Decimal)


def test_is_published_figure() -> None:
    report = FinalAccount(
        unit=BudgetUnit(name="测试单位", fiscal_year=2024),
        expenditure=Expenditure(nature=NatureAmounts(basic="1.00")),
        functions=FunctionTree(
            lines=[FunctionLine("2010101", "行政运行", expenditure=NatureAmounts(basic="1.00"))]
        ),
    )
    assert is_published_figure(report, "expenditure.nature.basic")
    assert is_published_figure(report, "functions[2010101].expenditure.basic")
    assert is_published_figure(report, "income.opening_balance")  # a required amount, 0
    assert not is_published_figure(report, "expenditure.nature.project")  # blank
    assert not is_published_figure(report, "expenditure.nature.total")  # a property
    assert not is_published_figure(report, "functions[2010102].expenditure.basic")
    assert not is_published_figure(report, "fiscal")
    assert not is_published_figure(report, "income.sources")


@given(reports_with_one_move())
def test_a_tolerance_is_never_narrower_than_rounding_allows(report: FinalAccount) -> None:
    # An identity over n published two-place figures must forgive 0.005 per figure. The
    # figures of a finding are its path and its related paths, counted when they name a
    # published amount: a derived sum (such as the Σ of the funds at path ``fiscal``) or a
    # blank cell read as an exact zero has no rounding of its own. (A stated rate's
    # tolerance is in percent; these reports state none.)
    for finding in check(report):
        if finding.tolerance is None:
            continue
        paths = dict.fromkeys((finding.path, *finding.related))
        figures = sum(1 for path in paths if is_published_figure(report, path))
        assert finding.tolerance >= HALF_CENT * figures, str(finding)
    # Exact mode forgives nothing.
    for finding in check(report, exact=True):
        assert finding.tolerance in (None, 0), str(finding)


# -- g. robustness ---------------------------------------------------------------------------


@given(
    arbitrary_final_accounts(),
    st.booleans(),
    st.sets(st.sampled_from(sorted(RULES)), min_size=1, max_size=5),
)
def test_check_never_raises_on_arbitrary_figures(
    report: FinalAccount, exact: bool, selected: set[str]
) -> None:
    findings = check(report, exact=exact)
    assert isinstance(findings, Findings)
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.code in RULES
        assert isinstance(finding.severity, Severity)
        assert finding.path
        assert finding.message_zh and finding.message_en
        assert finding.path not in finding.related
        if finding.expected is not None and finding.actual is not None:
            assert finding.difference == finding.actual - finding.expected
    # Selecting rules keeps exactly their findings; ignoring them keeps the others.
    chosen = check(report, options=CheckOptions(exact=exact, select=selected))
    assert list(chosen) == [f for f in findings if f.code in selected]
    rest = check(report, options=CheckOptions(exact=exact, ignore=selected))
    assert list(rest) == [f for f in findings if f.code not in selected]
