"""Table-driven unit tests of money, ratios and classification edge cases."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from govfinal import (
    AmountError,
    ClassificationError,
    CodeTable,
    FloatRefusedError,
    FunctionLine,
    to_decimal,
)
from govfinal.classification import (
    ECONOMIC_CODES,
    FUNCTION_CODES,
    EconomicGroup,
    economic_group,
    is_economic_code,
    is_function_code,
    load_table,
)
from govfinal.money import (
    MAX_ADJUSTED_EXPONENT,
    MAX_DIGITS,
    MIN_EXPONENT,
    AmountLike,
    optional_decimal,
    precision_of,
    quantize_half_up,
    round_amount,
    round_percent,
    sum_amounts,
    sum_published,
)
from govfinal.ratios import (
    budget_variance,
    change,
    execution_rate,
    growth,
    over_zero_base,
    percent,
    share,
)

D = Decimal


# -- to_decimal: accepted values --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("58.95", "58.95"),
        ("97.6", "97.6"),  # digits kept: not 97.60
        ("0.00", "0.00"),
        ("-14.45", "-14.45"),
        ("  12.30 ", "12.30"),
        ("1,234.50", "1234.50"),
        ("12,345,678.90", "12345678.90"),
        ("1，234.5", "1234.5"),  # full-width comma
        (3, "3"),
        (-7, "-7"),
        (0, "0"),
        (D("1.10"), "1.10"),
        ("1E+2", "1E+2"),
        ("1e-3", "0.001"),
    ],
)
def test_to_decimal_accepts(value: object, expected: str) -> None:
    result = to_decimal(value)
    assert result == D(expected)
    assert result.as_tuple() == D(expected).as_tuple()  # the exponent as written


# -- to_decimal: bounds ---------------------------------------------------------------

_MAX_ALLOWED = "9" * (MAX_ADJUSTED_EXPONENT + 1)  # adjusted exponent MAX_ADJUSTED_EXPONENT
_ALL_DIGITS = (
    "1" * (MAX_ADJUSTED_EXPONENT + 1) + "." + "1" * (MAX_DIGITS - MAX_ADJUSTED_EXPONENT - 1)
)
_TOO_BIG = f"exceeds 1E+{MAX_ADJUSTED_EXPONENT}"
_TOO_FINE = f"finer than 1E{MIN_EXPONENT}"


@pytest.mark.parametrize(
    "value",
    [
        f"1E+{MAX_ADJUSTED_EXPONENT}",
        f"9.99E+{MAX_ADJUSTED_EXPONENT}",
        _MAX_ALLOWED,
        f"1E{MIN_EXPONENT}",
        f"-1E{MIN_EXPONENT}",
        _ALL_DIGITS,  # exactly MAX_DIGITS digits at the largest adjusted exponent
        10**MAX_ADJUSTED_EXPONENT,
        -(10**MAX_ADJUSTED_EXPONENT),
        D("123456789012345678.901"),
    ],
)
def test_to_decimal_accepts_values_at_the_bounds(value: object) -> None:
    assert to_decimal(value) == D(value if not isinstance(value, int) else str(value))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (f"1E+{MAX_ADJUSTED_EXPONENT + 1}", _TOO_BIG),
        (f"-1E+{MAX_ADJUSTED_EXPONENT + 1}", _TOO_BIG),
        ("1" * (MAX_ADJUSTED_EXPONENT + 2), _TOO_BIG),
        (10 ** (MAX_ADJUSTED_EXPONENT + 1), _TOO_BIG),
        (f"0E+{MAX_ADJUSTED_EXPONENT + 1}", "exponent above"),
        (f"0E{MIN_EXPONENT - 1}", _TOO_FINE),
        (10**MAX_DIGITS, f"more than {MAX_DIGITS} digits"),
        (-(10**MAX_DIGITS), f"more than {MAX_DIGITS} digits"),
        (f"1E{MIN_EXPONENT - 1}", _TOO_FINE),
        ("0." + "0" * -MIN_EXPONENT + "1", _TOO_FINE),
        (D(f"1E{MIN_EXPONENT - 1}"), _TOO_FINE),
        ("1." + "1" * MAX_DIGITS, f"more than {MAX_DIGITS} significant digits"),
        (D("1." + "1" * MAX_DIGITS), f"more than {MAX_DIGITS} significant digits"),
        ("1" * (MAX_DIGITS + 17), "too long"),
    ],
)
def test_to_decimal_refuses_values_out_of_bounds(value: object, message: str) -> None:
    with pytest.raises(AmountError, match=re.escape(message)):
        to_decimal(value)


# -- to_decimal: garbage and wrong types ------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "abc",
        "12.3.4",
        "1e",
        "--1",
        "1 000",
        "58.95万元",
        "五十",
        "0x10",
        "1/2",
        "$5",
        "1,5",
        "1,2,3",
        "12,34.5",
        "nan",
        "-Infinity",
    ],
)
def test_to_decimal_refuses_garbage_naming_the_value(value: str) -> None:
    with pytest.raises(AmountError) as caught:
        to_decimal(value, what="本年收入合计")
    message = str(caught.value)
    assert repr(value) in message
    assert message.startswith("本年收入合计: ")


@pytest.mark.parametrize("value", [None, [], (), {}, Fraction(1, 3), 1j, b"12", object()])
def test_to_decimal_refuses_other_types(value: object) -> None:
    with pytest.raises(AmountError, match="expected a number"):
        to_decimal(value)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (0.1, FloatRefusedError, 'write it as a string, e.g. "0.1"'),
        (1.0, FloatRefusedError, "float 1.0 refused"),
        (float("nan"), FloatRefusedError, "float nan refused"),
        (True, FloatRefusedError, "True is a bool"),
        (False, FloatRefusedError, "False is a bool"),
        ("NaN", AmountError, "not a finite number"),
        ("-Infinity", AmountError, "not a finite number"),
        (D("sNaN"), AmountError, "not a finite number"),
    ],
)
def test_to_decimal_refuses_floats_bools_and_non_finite(
    value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        to_decimal(value)


def test_errors_are_also_builtin_errors() -> None:
    with pytest.raises(TypeError):
        to_decimal(0.5)
    with pytest.raises(ValueError, match="not a number"):
        to_decimal("x")


@pytest.mark.parametrize(("value", "expected"), [(None, None), ("1.5", D("1.5")), (0, D(0))])
def test_optional_decimal(value: object, expected: Decimal | None) -> None:
    assert optional_decimal(value) == expected


# -- rounding and precision ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "amount", "percent_"),
    [
        ("0.125", "0.13", "0.13"),
        ("-0.125", "-0.13", "-0.13"),
        ("14.445", "14.45", "14.45"),
        ("19.6866", "19.69", "19.69"),
        ("0.004999", "0.00", "0.00"),
        ("-0.005", "-0.01", "-0.01"),
        ("2.675", "2.68", "2.68"),  # the classic float trap: 2.675 as a float rounds to 2.67
        ("7", "7.00", "7.00"),
        ("1E+3", "1000.00", "1000.00"),
    ],
)
def test_round_half_up(value: str, amount: str, percent_: str) -> None:
    assert round_amount(D(value)).as_tuple() == D(amount).as_tuple()
    assert round_percent(D(value)).as_tuple() == D(percent_).as_tuple()


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [("6.5", "1", "7"), ("-6.5", "1", "-7"), ("0.15", "0.1", "0.2"), ("125", "1E+1", "1.3E+2")],
)
def test_quantize_half_up(value: str, precision: str, expected: str) -> None:
    assert quantize_half_up(D(value), D(precision)).as_tuple() == D(expected).as_tuple()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("58.95", "0.01"),
        ("97.6", "0.1"),
        ("15", "1"),
        ("0.00", "0.01"),
        ("-3.125", "0.001"),
        ("1E+2", "1E+2"),
        ("1.50E+2", "1"),
    ],
)
def test_precision_of(value: str, expected: str) -> None:
    result = precision_of(D(value))
    assert result.as_tuple() == D(expected).as_tuple()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([None], None),
        ([None, None, None], None),
        ([D("0")], D("0")),
        ([D("1.13"), None, D("53.04")], D("54.17")),
        ([None, D("-2.50"), D("2.50")], D("0.00")),
        ([D("0.1")] * 10, D("1.0")),
    ],
)
def test_sum_published(values: list[Decimal | None], expected: Decimal | None) -> None:
    result = sum_published(values)
    if expected is None:
        assert result is None
    else:
        assert result is not None
        assert result.as_tuple() == expected.as_tuple()


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], D(0)), ([D("53.04"), D("1.13"), D("4.47")], D("58.64")), ([D("0.1")] * 3, D("0.3"))],
)
def test_sum_amounts(values: list[Decimal], expected: Decimal) -> None:
    assert sum_amounts(values) == expected


# -- ratios --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("function", "a", "b", "expected"),
    [
        (share, "57.82", "58.95", "98.08"),
        (share, "0", "58.95", "0.00"),
        (share, "1", "0", "100.00"),
        (share, "0", "0", "0.00"),
        (share, "1", "3", "33.33"),
        (share, "2", "3", "66.67"),
        (growth, "73.40", "58.95", "-19.69"),
        (growth, "0", "1.13", "100.00"),
        (growth, "0", "0", "0.00"),
        (growth, "0", "-1", "-100.00"),
        (growth, "-10", "-5", "50.00"),  # |base|: a smaller loss is a positive change
        (growth, "-10", "-20", "-100.00"),
        (budget_variance, "96.41", "58.64", "-39.18"),
        (budget_variance, "0", "0", "0.00"),
        (budget_variance, "0", "5", "100.00"),
        (execution_rate, "1.44", "1.13", "78.47"),
        (execution_rate, "10", "10", "100.00"),
        (execution_rate, "0", "3", "100.00"),
        (execution_rate, "0", "0", "0.00"),
    ],
)
def test_ratio_table(
    function: Callable[[str, str], Decimal], a: str, b: str, expected: str
) -> None:
    assert round_percent(function(a, b)) == D(expected)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [("73.40", "58.95", "-14.45"), ("0", "1.13", "1.13"), ("-1", "1", "2"), (5, "5.00", "0.00")],
)
def test_change(before: AmountLike, after: AmountLike, expected: str) -> None:
    assert change(before, after) == D(expected)


@pytest.mark.parametrize(
    ("numerator", "expected"),
    [("1.13", "100"), ("0", "0"), ("0.00", "0"), ("-0", "0"), ("-2", "-100")],
)
def test_over_zero_base(numerator: str, expected: str) -> None:
    assert over_zero_base(D(numerator)) == D(expected)


@pytest.mark.parametrize(("num", "den"), [(0.5, "1"), ("1", 2.0), (True, "1")])
def test_ratios_refuse_floats(num: object, den: object) -> None:
    with pytest.raises(FloatRefusedError):
        percent(num, den)  # type: ignore[arg-type]  # floats on purpose


# -- classification ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("301", EconomicGroup.PERSONNEL),
        ("30101", EconomicGroup.PERSONNEL),
        ("30199", EconomicGroup.PERSONNEL),
        ("302", EconomicGroup.PUBLIC),
        ("30201", EconomicGroup.PUBLIC),
        ("303", EconomicGroup.PERSONNEL),
        ("30302", EconomicGroup.PERSONNEL),
        ("310", EconomicGroup.PUBLIC),
        ("31002", EconomicGroup.PUBLIC),
        ("399", None),
        ("39999", None),
        ("304", None),
        ("309", None),
    ],
)
def test_economic_group(code: str, expected: EconomicGroup | None) -> None:
    assert economic_group(code) is expected


@pytest.mark.parametrize("code", ["", "30", "3011", "301011", "30a", "3 01"])
def test_economic_group_refuses_malformed_codes(code: str) -> None:
    with pytest.raises(ClassificationError, match="支出经济分类"):
        economic_group(code)


@pytest.mark.parametrize(
    ("code", "function", "economic"),
    [
        ("206", True, True),
        ("20601", True, True),
        ("2060101", True, False),
        ("20", False, False),
        ("2061", False, False),
        ("206010", False, False),
        ("206010101", False, False),
        ("2o6", False, False),
        ("206 ", False, False),
        ("", False, False),
    ],
)
def test_code_shapes(code: str, function: bool, economic: bool) -> None:
    assert is_function_code(code) is function
    assert is_economic_code(code) is economic


def test_shipped_tables_are_well_formed_and_sorted() -> None:
    assert FUNCTION_CODES["206"] == "科学技术支出"
    assert all(is_function_code(code) for code in FUNCTION_CODES)
    assert all(is_economic_code(code) for code in ECONOMIC_CODES)
    assert list(FUNCTION_CODES) == sorted(FUNCTION_CODES)
    assert {economic_group(code) for code in ECONOMIC_CODES} <= {
        EconomicGroup.PERSONNEL,
        EconomicGroup.PUBLIC,
    }


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (
            "function",
            "code,name\n2060101,行政运行\n206,科学技术支出\n20601,科学技术管理事务\n",
            {"206": "科学技术支出", "20601": "科学技术管理事务", "2060101": "行政运行"},
        ),
        (
            "economic",
            "\ufeffcode,name,group\n30101,基本工资,人员经费\n301,工资福利支出,人员经费\n",
            {"301": "工资福利支出", "30101": "基本工资"},
        ),
        ("function", "code,name\n 206 , 我的类 \n", {"206": "我的类"}),
        ("function", "code,name\n", {}),
    ],
)
def test_load_table(tmp_path: Path, kind: str, text: str, expected: dict[str, str]) -> None:
    path = tmp_path / "codes.csv"
    path.write_text(text, encoding="utf-8")
    table = load_table(path, kind=kind)
    assert dict(table) == expected
    assert list(table) == sorted(expected)
    assert table.kind == kind


@pytest.mark.parametrize(
    ("kind", "text", "line", "message"),
    [
        ("function", "code,name\n206,科学技术支出\n2061,坏\n", 3, "'2061' is not a well-formed"),
        ("function", "code,name\n20a,坏\n", 2, "'20a' is not a well-formed"),
        ("economic", "code,name\n301,工资\n3010101,坏\n", 3, "'3010101' is not a well-formed"),
        ("function", "code,name\n206,科学技术支出\n20601,\n", 3, "no name for code '20601'"),
        ("function", "name\n科学技术支出\n", 2, "''"),
    ],
)
def test_load_table_names_file_and_line_of_a_bad_row(
    tmp_path: Path, kind: str, text: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClassificationError) as caught:
        load_table(path, kind=kind)
    error = str(caught.value)
    assert error.startswith(f"{path}:{line}: ")
    assert message in error


# -- regressions found in review -------------------------------------------------


@pytest.mark.parametrize("code", ["２０６", "２０６０１", "٢٠٦"])
def test_non_ascii_digits_are_not_codes(code: str) -> None:
    with pytest.raises(ClassificationError):
        FunctionLine(code, "x")


def test_full_width_amounts_are_read_as_their_ascii_digits() -> None:
    assert to_decimal("５８．９５") == D("58.95")


def test_code_table_copies_its_names_and_checks_its_kind() -> None:
    names = {"206": "科学技术支出"}
    table = CodeTable(kind="function", names=names)
    names["999"] = "x"
    assert "999" not in table
    assert hash(table) == hash(CodeTable(kind="function", names={"206": "科学技术支出"}))
    with pytest.raises(ValueError, match="kind"):
        CodeTable(kind="Function", names={})


def test_load_table_counts_lines_across_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("code,name\n\n206,a\n2061,b\n", encoding="utf-8")
    with pytest.raises(ClassificationError, match=r"codes\.csv:4:"):
        load_table(path)


def test_large_and_fine_values_stay_exact_in_arithmetic() -> None:
    big, fine = f"1E+{MAX_ADJUSTED_EXPONENT}", f"1E{MIN_EXPONENT}"
    # Expected values by exact rational arithmetic, independent of any Decimal context.
    assert Fraction(change(big, fine)) == Fraction(D(fine)) - Fraction(D(big))
    assert Fraction(round_percent(share(big, fine))) == Fraction(D(big)) / Fraction(D(fine)) * 100
