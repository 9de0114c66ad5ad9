"""Property tests of money, ratios, classification codes, function trees and whole reports.

Expected values are computed here with independent exact arithmetic (see
``tests.strategies.exact_sum``), never copied from the package's output.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govfinal
from govfinal import (
    AmountError,
    ClassificationError,
    CodeEntry,
    CodeTable,
    EconomicLine,
    FloatRefusedError,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    FundType,
    IncomeSources,
    NatureAmounts,
    PriorYear,
    budget_variance,
    change,
    execution_rate,
    growth,
    round_amount,
    round_percent,
    share,
    to_decimal,
)
from govfinal.classification import FunctionLevel, function_level, parent_code
from govfinal.model.function import fund_expenditure
from govfinal.money import MIN_EXPONENT
from tests.strategies import (
    ZERO_AMOUNT,
    amounts,
    class_codes,
    exact_sub,
    exact_sum,
    final_accounts,
    function_trees,
    item_suffixes,
    nonzero_signed_amounts,
    partitions,
    positive_amounts,
    signed_amounts,
    subitem_codes,
)

D = Decimal
HUNDRED = D(100)
HALF_CENT = D("0.005")

# High precision for the tests' own arithmetic on the (34-digit) ratios.
WIDE = decimal.Context(prec=200)

ValueOf = Callable[[FunctionLine], Decimal | None]


def _total(line: FunctionLine) -> Decimal | None:
    return None if line.expenditure is None else line.expenditure.total


def _basic(line: FunctionLine) -> Decimal | None:
    return None if line.expenditure is None else line.expenditure.basic


def _project(line: FunctionLine) -> Decimal | None:
    return None if line.expenditure is None else line.expenditure.project


VALUES: dict[str, ValueOf] = {
    "total": _total,
    "basic": _basic,
    "project": _project,
    "general_budget": fund_expenditure(FundType.GENERAL_BUDGET),
}


def _leaf_sum(tree: FunctionTree, prefix: str, value: ValueOf) -> Decimal:
    """Σ of ``value`` over the 项 whose code starts with ``prefix``, computed here."""
    return exact_sum(
        value(line) or ZERO_AMOUNT for line in tree.subitems() if line.code.startswith(prefix)
    )


# -- shares, change, growth, variance ----------------------------------------


@given(partitions())
def test_shares_of_a_partition_sum_to_100(parts: list[Decimal]) -> None:
    total = exact_sum(parts)
    shares = [share(part, total) for part in parts]

    # Unrounded: each share is a 34-significant-digit quotient of magnitude
    # ≤ 100, so it is off by at most 0.5e-31; 20 parts stay far below 1e-25.
    assert abs(WIDE.subtract(exact_sum(shares), HUNDRED)) <= D("1e-25")

    # Rounded: Σ round(s_i) − 100 = Σ (round(s_i) − s_i) + (Σ s_i − 100). Half-up
    # rounding to 0.01 moves each share by at most half a unit, 0.005, and the
    # second term is below 1e-25 (above). Σ round(s_i) − 100 is a multiple of
    # 0.01, so the tiny second term cannot push it past the next multiple of 0.01
    # above n × 0.005: the deviation is at most n × 0.005.
    rounded = exact_sum(round_percent(s) for s in shares)
    assert abs(exact_sub(rounded, HUNDRED)) <= len(parts) * HALF_CENT


@given(signed_amounts())
def test_growth_from_a_value_to_itself_is_zero(x: Decimal) -> None:
    assert growth(x, x) == 0
    assert growth(ZERO_AMOUNT, ZERO_AMOUNT) == 0


@given(signed_amounts(), signed_amounts(), signed_amounts())
def test_change_is_antisymmetric_and_additive(a: Decimal, b: Decimal, c: Decimal) -> None:
    assert change(a, b) == -change(b, a)
    assert change(a, b) == exact_sub(b, a)
    assert change(a, b) + change(b, c) == change(a, c)


@given(signed_amounts(), signed_amounts())
def test_growth_sign_matches_change_sign(before: Decimal, after: Decimal) -> None:
    rate, delta = growth(before, after), exact_sub(after, before)
    sign = (delta > 0) - (delta < 0)
    assert (rate > 0) - (rate < 0) == sign
    if before != 0:
        # (after − before) / |before| × 100, to 34 significant digits.
        expected = WIDE.divide(WIDE.multiply(delta, HUNDRED), abs(before))
        assert abs(WIDE.subtract(rate, expected)) <= abs(expected) * D("1e-33")


@given(signed_amounts())
def test_growth_from_zero_follows_the_zero_base_convention(after: Decimal) -> None:
    expected = D(100) if after > 0 else D(-100) if after < 0 else D(0)
    assert growth(ZERO_AMOUNT, after) == expected
    assert growth(0, after) == expected
    # The same convention for every ratio with a zero base.
    assert budget_variance("0", after) == expected
    assert share(after, "0.00") == expected


@given(positive_amounts(), signed_amounts())
def test_budget_variance_is_growth_and_execution_minus_100(budget: Decimal, final: Decimal) -> None:
    variance = budget_variance(budget, final)
    assert variance == growth(budget, final)
    executed = execution_rate(budget, final)
    # Both are 34-significant-digit quotients; each is off by at most half a unit
    # in its 34th digit, i.e. by at most |value| × 0.5e-33.
    tolerance = WIDE.multiply(WIDE.add(abs(executed), abs(variance)), D("1e-33"))
    assert abs(WIDE.subtract(WIDE.subtract(executed, HUNDRED), variance)) <= tolerance


# -- rounding ----------------------------------------------------------------


@given(
    st.decimals(
        min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False
    ),
    st.sampled_from([round_amount, round_percent]),
)
def test_rounding_is_idempotent_and_within_half_a_unit(
    value: Decimal, rounder: Callable[[Decimal], Decimal]
) -> None:
    rounded = rounder(value)
    assert rounded.as_tuple().exponent == -2
    assert rounder(rounded) == rounded
    assert abs(exact_sub(rounded, value)) <= HALF_CENT


@given(
    st.integers(min_value=0, max_value=10**12),
    st.booleans(),
    st.sampled_from([round_amount, round_percent]),
)
def test_rounding_is_half_up_on_exact_halves(
    cents: int, negative: bool, rounder: Callable[[Decimal], Decimal]
) -> None:
    # value = ±(cents + 0.5) hundredths, an exact half: it rounds away from zero.
    magnitude = D(cents * 10 + 5).scaleb(-3)
    expected = D(cents + 1).scaleb(-2)
    if negative:
        magnitude, expected = -magnitude, -expected
    assert rounder(magnitude) == expected


# -- entrances: to_decimal and the converters ---------------------------------

# Finite Decimals inside the bounds: ≤ 16 digits, exponent in [MIN_EXPONENT, 2], so the
# adjusted exponent stays ≤ 17 < MAX_ADJUSTED_EXPONENT.
bounded_decimals = st.builds(
    lambda coefficient, exponent: D(coefficient).scaleb(exponent),
    st.integers(min_value=-(10**16) + 1, max_value=10**16 - 1),
    st.integers(min_value=MIN_EXPONENT, max_value=2),
)


@given(bounded_decimals)
def test_to_decimal_round_trips_str_exactly(value: Decimal) -> None:
    text = str(value)
    parsed = to_decimal(text)
    assert parsed == value
    assert parsed.as_tuple() == value.as_tuple()  # sign, digits and exponent kept
    assert str(parsed) == text
    assert to_decimal(value).as_tuple() == value.as_tuple()


FLOAT_FIELDS: list[tuple[type, str]] = [
    (IncomeSources, "general_budget"),
    (IncomeSources, "other"),
    (FundAmounts, "basic"),
    (FundAmounts, "closing"),
    (PriorYear, "change"),
    (PriorYear, "amount"),
    (NatureAmounts, "stated_total"),
    (govfinal.Income, "opening_balance"),
    (govfinal.Expenditure, "closing_balance"),
    (govfinal.Procurement, "goods"),
    (govfinal.BudgetVariance, "budget"),
    (govfinal.Figure, "amount"),
]


@given(st.floats(), st.sampled_from(FLOAT_FIELDS))
def test_floats_are_refused_with_the_class_and_field_named(
    value: float, target: tuple[type, str]
) -> None:
    with pytest.raises(FloatRefusedError, match="float"):
        to_decimal(value)
    cls, field = target
    with pytest.raises(FloatRefusedError) as caught:
        cls(**{field: value})
    assert f"{cls.__name__}.{field}" in str(caught.value)


COUNT_FIELDS: list[tuple[type, str]] = [
    (govfinal.Staff, "in_service"),
    (govfinal.Staff, "stated_total"),
    (govfinal.Profile, "stated_division_count"),
    (govfinal.Assets, "stated_vehicle_count"),
    (govfinal.ThreePublicExpenses, "vehicles_held"),
    (govfinal.PerformanceSummary, "project_evaluations"),
]


@given(st.booleans(), st.sampled_from(FLOAT_FIELDS), st.sampled_from(COUNT_FIELDS))
def test_bools_are_refused_as_amounts_and_counts(
    flag: bool,
    amount_target: tuple[type, str],
    count_target: tuple[type, str],
) -> None:
    with pytest.raises(FloatRefusedError, match="bool"):
        to_decimal(flag)
    cls, field = amount_target
    with pytest.raises(FloatRefusedError) as caught:
        cls(**{field: flag})
    assert f"{cls.__name__}.{field}" in str(caught.value)
    cls, field = count_target
    with pytest.raises(AmountError) as caught_count:
        cls(**{field: flag})
    assert f"{cls.__name__}.{field}" in str(caught_count.value)


NON_FINITE_WORDS = ["nan", "inf", "infinity", "snan", "nan123", "snan7"]


@st.composite
def non_finite_values(draw: st.DrawFn) -> object:
    """A NaN, sNaN or infinity as text (any case, optional sign) or as a Decimal."""
    word = draw(st.sampled_from(NON_FINITE_WORDS))
    text = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    text = draw(st.sampled_from(["", "+", "-"])) + text
    return draw(st.sampled_from([text, f" {text} ", D(text)]))


@given(non_finite_values(), st.sampled_from([IncomeSources, FundAmounts]))
def test_non_finite_values_are_refused(value: object, cls: type) -> None:
    with pytest.raises(AmountError, match="not a finite number"):
        to_decimal(value)
    field = "general_budget" if cls is IncomeSources else "basic"
    with pytest.raises(AmountError, match=re.escape(f"{cls.__name__}.{field}")):
        cls(**{field: value})


# -- function trees ------------------------------------------------------------


@given(function_trees(), st.sampled_from(sorted(VALUES)))
def test_totals_roll_up_at_every_level(tree: FunctionTree, column: str) -> None:
    value = VALUES[column]
    parents = [line for line in tree if line.level is not FunctionLevel.SUBITEM]
    assert parents  # at least one 类 and one 款
    for line in parents:
        published = value(line)
        assert published is not None
        assert published == tree.children_sum(line.code, value)
        assert published == _leaf_sum(tree, line.code, value)
        assert tree.rollup(line.code, value) == published
    assert tree.classes_sum(value) == _leaf_sum(tree, "", value)


@given(function_trees(), st.data())
def test_rollup_of_a_blank_line_is_the_children_sum(
    tree: FunctionTree, data: st.DataObject
) -> None:
    parents = [line for line in tree if line.level is not FunctionLevel.SUBITEM]
    blanked = data.draw(st.lists(st.sampled_from(parents), min_size=1, unique=True))
    blank_codes = {line.code for line in blanked}
    lines = [
        attrs.evolve(line, expenditure=None, general_budget=None)
        if line.code in blank_codes
        else line
        for line in tree
    ]
    blank_tree = FunctionTree(lines=lines)
    for code in blank_codes:
        for value in VALUES.values():
            expected = _leaf_sum(tree, code, value)
            assert blank_tree.rollup(code, value) == expected
            assert blank_tree.children_sum(code, value) == expected
    assert blank_tree.classes_sum(_total) == _leaf_sum(tree, "", _total)


@given(function_trees(), st.data(), amounts())
def test_rollup_keeps_a_published_total_when_children_disagree(
    tree: FunctionTree, data: st.DataObject, stated: Decimal
) -> None:
    parents = [line for line in tree if line.level is not FunctionLevel.SUBITEM]
    target = data.draw(st.sampled_from(parents))
    children_total = _leaf_sum(tree, target.code, _total)
    # Make the published total disagree with the children: shift it by one cent.
    if stated == children_total:
        stated = exact_sum((stated, D("0.01")))
    lines = [
        attrs.evolve(line, expenditure=NatureAmounts(stated_total=stated))
        if line.code == target.code
        else line
        for line in tree
    ]
    edited = FunctionTree(lines=lines)
    assert edited.rollup(target.code, _total) == stated
    assert edited.children_sum(target.code, _total) == children_total
    assert edited.rollup(target.code, _total) != edited.children_sum(target.code, _total)


# -- classification codes -------------------------------------------------------


@given(subitem_codes())
def test_code_helpers_agree_on_levels_and_parents(code: str) -> None:
    item = parent_code(code)
    assert item == code[:5]
    assert item is not None
    klass = parent_code(item)
    assert klass == code[:3]
    assert klass is not None
    assert parent_code(klass) is None
    levels = {3: FunctionLevel.CLASS, 5: FunctionLevel.ITEM, 7: FunctionLevel.SUBITEM}
    for prefix in (klass, item, code):
        assert function_level(prefix) is levels[len(prefix)]
        line = FunctionLine(code=prefix, name="x")
        assert line.level is levels[len(prefix)]
        assert line.parent_code == parent_code(prefix)


ASCII_DIGITS = "0123456789"
NON_DIGITS = st.characters(codec="ascii", exclude_characters=ASCII_DIGITS)


@st.composite
def malformed_codes(draw: st.DrawFn, good_lengths: tuple[int, ...]) -> str:
    """A string that is not a code: digits of a wrong length, or a non-digit inside."""
    if draw(st.booleans()):
        wrong = [n for n in range(10) if n not in good_lengths]
        length = draw(st.sampled_from(wrong))
        return draw(st.text(alphabet=ASCII_DIGITS, min_size=length, max_size=length))
    length = draw(st.sampled_from(good_lengths))
    digits = draw(st.text(alphabet=ASCII_DIGITS, min_size=length - 1, max_size=length - 1))
    position = draw(st.integers(min_value=0, max_value=len(digits)))
    return digits[:position] + draw(NON_DIGITS) + digits[position:]


@given(malformed_codes((3, 5, 7)), malformed_codes((3, 5)))
def test_malformed_codes_are_refused(function_code: str, economic_code: str) -> None:
    with pytest.raises(ClassificationError, match=re.escape("FunctionLine.code")):
        FunctionLine(code=function_code, name="x")
    with pytest.raises(ClassificationError, match=re.escape("EconomicLine.code")):
        EconomicLine(code=economic_code, name="x")
    with pytest.raises(ClassificationError):
        function_level(function_code)


@given(
    st.lists(
        st.tuples(
            st.one_of(
                class_codes(),
                subitem_codes(),
                st.builds(str.__add__, class_codes(), item_suffixes()),
            ),
            st.text(min_size=1, max_size=5),
        ),
        max_size=5,
    )
)
def test_code_table_extend_does_not_mutate(rows: list[tuple[str, str]]) -> None:
    table = govfinal.FUNCTION_CODES
    before = dict(table)
    extended = table.extend(CodeEntry(code, name) for code, name in rows)
    assert dict(table) == before  # the original is untouched
    assert isinstance(extended, CodeTable)
    expected = dict(before)
    expected.update(rows)  # a later entry replaces an earlier name
    assert dict(extended) == expected
    assert list(extended) == sorted(expected)
    new_codes = {code for code, _ in rows} - set(before)
    assert all(code not in table for code in new_codes)


# -- whole reports -----------------------------------------------------------------


@given(final_accounts())
def test_generated_report_balances(report: govfinal.FinalAccount) -> None:
    income, expenditure = report.income, report.expenditure
    assert income.grand_total == expenditure.grand_total
    assert income.grand_total == income.parts_grand_total
    assert expenditure.grand_total == expenditure.parts_grand_total
    assert income.sources.total == income.sources.parts_total
    assert income.sources.total == exact_sum(income.sources.parts().values())
    assert expenditure.closing_balance >= 0
    assert income.opening_balance >= report.fiscal.opening >= 0
    # 本年支出合计 = Σ of the 类 = Σ of the 项.
    assert expenditure.total == report.functions.classes_sum(_total)
    assert expenditure.total == _leaf_sum(report.functions, "", _total)


@given(final_accounts())
def test_generated_fiscal_allocations_balance_per_fund(report: govfinal.FinalAccount) -> None:
    fiscal = report.fiscal
    for fund_type, fund in fiscal.funds().items():
        assert fund.opening is not None
        assert fund.income is not None
        assert fund.expenditure is not None
        assert fund.closing is not None
        assert exact_sum((fund.opening, fund.income)) == exact_sum((fund.expenditure, fund.closing))
        assert fund.income == getattr(report.income.sources, fund_type.field)
        assert report.fund_expenditure(fund_type) == fund.expenditure
    assert fiscal.income == report.income.sources.fiscal
    assert fiscal.income_grand_total == fiscal.expenditure_grand_total
    tree_spending = report.functions.classes_sum(fund_expenditure(FundType.GENERAL_BUDGET))
    assert tree_spending == report.fund_expenditure(FundType.GENERAL_BUDGET)


@given(final_accounts())
def test_income_shares_sum_to_100(report: govfinal.FinalAccount) -> None:
    shares = report.income_shares()
    whole = report.income.sources.total
    if whole > 0:
        assert abs(WIDE.subtract(exact_sum(shares.values()), HUNDRED)) <= D("1e-25")
    else:
        assert all(value == 0 for value in shares.values())


@given(final_accounts())
def test_class_shares_sum_to_100(report: govfinal.FinalAccount) -> None:
    shares = report.class_shares()
    assert set(shares) == {line.code for line in report.functions.classes()}
    if report.fund_expenditure() > 0:
        assert abs(WIDE.subtract(exact_sum(shares.values()), HUNDRED)) <= D("1e-25")
    else:
        assert all(value == 0 for value in shares.values())


@given(signed_amounts(), signed_amounts())
def test_prior_year_amount_and_change_agree(prior: Decimal, current: Decimal) -> None:
    delta = exact_sub(current, prior)
    by_amount = PriorYear(amount=prior)
    by_change = PriorYear(change=delta)
    assert by_change.prior_amount(current) == prior
    assert by_amount.change_from(current) == delta
    assert by_amount.growth_from(current) == by_change.growth_from(current)
    assert by_amount.growth_from(current) == growth(prior, current)
    assert PriorYear().growth_from(current) is None


@given(nonzero_signed_amounts(), signed_amounts())
def test_percent_ignores_the_sign_of_the_base(base: Decimal, part: Decimal) -> None:
    # share/growth divide by |base|: flipping the base's sign changes nothing.
    assert share(part, base) == share(part, -base)
    expected = WIDE.divide(WIDE.multiply(part, HUNDRED), abs(base))
    assert abs(WIDE.subtract(share(part, base), expected)) <= abs(expected) * D("1e-33")
