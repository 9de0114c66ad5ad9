"""Table-driven tests of the data-file API (:mod:`govfinal.io`).

The example file and round trips; digits kept; and every kind of bad input,
each asserting :class:`~govfinal.io.LoadError` with the problem's path, message
and (where the parser gives one) line. Bugs found in :mod:`govfinal.io` have
regression tests for bugs found in review, each with its minimal example.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from kexie_2023 import build_report

from govfinal import (
    BudgetUnit,
    EconomicLine,
    Figure,
    FinalAccount,
    FloatRefusedError,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    GovFinalError,
    GrowthStatement,
    Income,
    IncomeSources,
    NatureAmounts,
    PriorYear,
    ThreePublicExpenses,
)
from govfinal.errors import WriteError
from govfinal.io import (
    MAX_BYTES,
    MAX_DEPTH,
    LoadError,
    Problem,
    dump,
    dumps,
    format_of,
    load,
    loads,
    toml_writer,
)
from tests.checks.base import base_report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "data" / "kexie_2023.toml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
FORMATS = ("toml", "json")


def walk_decimals(value: object) -> Iterator[Decimal]:
    """Every ``Decimal`` in an attrs object tree, in field order."""
    if isinstance(value, Decimal):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from walk_decimals(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.init:
                yield from walk_decimals(getattr(value, field.name))


def digits_of(report: FinalAccount) -> list[tuple[Any, ...]]:
    """Sign, digits and exponent of every amount: equal lists mean digit-for-digit equal."""
    return [tuple(value.as_tuple()) for value in walk_decimals(report)]


# -- the example file ----------------------------------------------------------


def test_example_file_loads_to_the_seed() -> None:
    report = load(EXAMPLE)
    assert report == build_report()
    assert digits_of(report) == digits_of(build_report())
    assert dumps(report, format="toml") == dumps(build_report(), format="toml")


def test_example_file_sections_are_commented() -> None:
    lines = EXAMPLE_TEXT.splitlines()
    assert lines[0].startswith("# 2023 部门决算")
    top_level = [number for number, line in enumerate(lines) if re.fullmatch(r"\[[a-z_]+\]", line)]
    assert len(top_level) >= 12
    for number in top_level:
        assert lines[number - 1].startswith("#"), f"no comment above {lines[number]}"
    assert EXAMPLE_TEXT.count("Inferred") >= 10


@pytest.mark.parametrize("fmt", FORMATS)
def test_example_file_load_dump_load(tmp_path: Path, fmt: str) -> None:
    report = load(EXAMPLE)
    path = tmp_path / f"copy.{fmt}"
    dump(report, path)
    again = load(path)
    assert again == report
    assert digits_of(again) == digits_of(report)
    assert path.read_text(encoding="utf-8") == dumps(report, format=fmt)


# -- round trips -----------------------------------------------------------------

REPORTS: list[Any] = [
    pytest.param(build_report, id="seed"),
    pytest.param(base_report, id="base"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("make", REPORTS)
def test_round_trip(make: Callable[[], FinalAccount], fmt: str) -> None:
    report = make()
    text = dumps(report, format=fmt)
    again = loads(text, format=fmt)
    assert again == report
    assert digits_of(again) == digits_of(report)
    assert dumps(again, format=fmt) == text


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("make", REPORTS)
def test_round_trip_through_files(
    tmp_path: Path, make: Callable[[], FinalAccount], fmt: str
) -> None:
    report = make()
    path = tmp_path / f"report.{fmt}"
    dump(report, path)
    text = path.read_text(encoding="utf-8")
    assert report.unit.name in text  # UTF-8, not \u escapes
    assert load(path) == report


def test_format_of_is_case_insensitive(tmp_path: Path) -> None:
    assert format_of("a/b.TOML") == "toml"
    assert format_of(Path("c.Json")) == "json"
    path = tmp_path / "REPORT.TOML"
    path.write_text(EXAMPLE_TEXT, encoding="utf-8")
    assert load(path) == build_report()


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE_TEXT.encode("utf-8"))
    assert load(path) == build_report()


# -- digits ------------------------------------------------------------------------


def test_seed_digits_are_kept() -> None:
    report = load(EXAMPLE)
    performance = report.performance
    assert str(performance.department_budget) == "97.6"
    assert str(report.income.non_fiscal_balance_used) == "0.00"
    assert str(performance.evaluations[1].stated_total_score) == "94.20"
    assert str(performance.evaluations[0].funding.sources[0].initial_budget) == "0"
    text = dumps(report, format="toml")
    for line in ("department_budget = 97.6", "closing_balance = 0.00", "initial_budget = 0"):
        assert line in text.splitlines()


MINIMAL_TOML = '[unit]\nname = "示例单位"\nfiscal_year = 2023\n'
MINIMAL_JSON = '{"unit": {"name": "示例单位", "fiscal_year": 2023}'


def toml_doc(extra: str = "") -> str:
    """The smallest valid TOML document, then ``extra``."""
    return MINIMAL_TOML + extra


def json_doc(extra: str = "") -> str:
    """The smallest valid JSON document with ``extra`` members (``, "k": v``) added."""
    return MINIMAL_JSON + extra + "}"


# (format, how the amount is written, the Decimal it must be, digit for digit)
AMOUNT_SPELLINGS = [
    ("toml", "3", "3"),
    ("toml", '"3"', "3"),
    ("toml", "97.6", "97.6"),
    ("toml", '"97.6"', "97.6"),
    ("toml", "0.00", "0.00"),
    ("toml", '"0.00"', "0.00"),
    ("toml", "58.95", "58.95"),
    ("toml", '"58.95"', "58.95"),
    ("toml", "-14.45", "-14.45"),
    ("toml", "1e+3", "1E+3"),
    ("toml", "1_000.50", "1000.50"),
    ("json", "3", "3"),
    ("json", '"3"', "3"),
    ("json", "97.6", "97.6"),
    ("json", '"97.6"', "97.6"),
    ("json", "0.00", "0.00"),
    ("json", '"0.00"', "0.00"),
    ("json", "58.95", "58.95"),
    ("json", '"58.95"', "58.95"),
    ("json", '"-14.45"', "-14.45"),
    ("json", '"1,234.50"', "1234.50"),
    ("json", '"５８.９５"', "58.95"),
    ("json", '" 58.95 "', "58.95"),
]


@pytest.mark.parametrize(("fmt", "written", "expected"), AMOUNT_SPELLINGS)
def test_amount_spellings_keep_their_digits(fmt: str, written: str, expected: str) -> None:
    if fmt == "toml":
        text = toml_doc(f"[income]\nopening_balance = {written}\n")
    else:
        text = json_doc(f', "income": {{"opening_balance": {written}}}')
    value = loads(text, format=fmt).income.opening_balance
    assert value.as_tuple() == Decimal(expected).as_tuple()


def _with_decimals_as(document: object, spell: Callable[[Decimal], object]) -> object:
    if isinstance(document, dict):
        return {key: _with_decimals_as(value, spell) for key, value in document.items()}
    if isinstance(document, list):
        return [_with_decimals_as(value, spell) for value in document]
    if isinstance(document, Decimal):
        return spell(document)
    return document


def test_amounts_written_as_strings_or_numbers_load_the_same() -> None:
    seed = build_report()
    # JSON with every amount a bare number (the writer uses strings).
    numbers_json = re.sub(
        r'"\\u0000(.*?)\\u0000"',
        r"\1",
        json.dumps(_with_decimals_as(_toml_document(seed), lambda d: f"\0{d}\0"), default=str),
    )
    assert '"opening_balance": 3.76' in numbers_json
    # TOML with every amount a string (the writer uses bare numbers).
    strings_toml = toml_writer.dumps(_with_decimals_as(_toml_document(seed), str))
    assert 'opening_balance = "3.76"' in strings_toml
    for text, fmt in ((numbers_json, "json"), (strings_toml, "toml")):
        report = loads(text, format=fmt)
        assert report == seed
        assert digits_of(report) == digits_of(seed)


def _toml_document(report: FinalAccount) -> Any:
    return tomllib.loads(dumps(report, format="toml"), parse_float=Decimal)


def test_json_dumps_writes_amounts_as_strings() -> None:
    document = json.loads(dumps(build_report(), format="json"))

    def floats(value: object) -> Iterator[object]:
        if isinstance(value, float):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from floats(item)
        elif isinstance(value, list):
            for item in value:
                yield from floats(item)

    assert list(floats(document)) == []
    assert document["income"]["opening_balance"] == "3.76"
    assert document["expenditure"]["closing_balance"] == "0.00"
    assert document["performance"]["department_budget"] == "97.6"
    growth = next(item for item in document["statements"] if item["kind"] == "growth")
    assert (growth["about"], growth["value"]) == ("income.grand_total", "-19.69")
    assert document["profile"]["staff"]["in_service"] == 2  # counts stay numbers
    assert document["unit"]["fiscal_year"] == 2023


# -- floats in the Python API ------------------------------------------------------

FLOATS: list[Any] = [
    pytest.param(
        lambda: IncomeSources(general_budget=1.5),  # type: ignore[arg-type]
        "IncomeSources.general_budget: amount: float 1.5 refused",
        id="IncomeSources",
    ),
    pytest.param(
        lambda: FunctionLine("2060101", "行政运行", general_budget=FundAmounts(basic=1.5)),  # type: ignore[arg-type]
        "FundAmounts.basic: amount: float 1.5 refused",
        id="FunctionLine-FundAmounts",
    ),
    pytest.param(
        lambda: FunctionLine("2060101", "行政运行", expenditure=NatureAmounts(project=0.1)),  # type: ignore[arg-type]
        "NatureAmounts.project: amount: float 0.1 refused",
        id="FunctionLine-NatureAmounts",
    ),
    pytest.param(
        lambda: EconomicLine("30101", "基本工资", 1.5),  # type: ignore[arg-type]
        "EconomicLine.amount: amount: float 1.5 refused",
        id="EconomicLine",
    ),
    pytest.param(
        lambda: GrowthStatement("income.grand_total", -19.69),  # type: ignore[arg-type]
        "GrowthStatement.value: percentage: float -19.69 refused",
        id="GrowthStatement-value",
    ),
]


@pytest.mark.parametrize(("build", "message"), FLOATS)
def test_float_is_refused_by_the_python_api(build: Callable[[], object], message: str) -> None:
    with pytest.raises(FloatRefusedError) as caught:
        build()
    assert isinstance(caught.value, GovFinalError)
    assert isinstance(caught.value, TypeError)
    assert message in str(caught.value)


# -- bad documents -------------------------------------------------------------------


def _seed_cut_mid_line() -> tuple[str, int]:
    """The example file cut half-way, in the middle of a key, ending in a newline."""
    lines = EXAMPLE_TEXT.splitlines(keepends=True)
    number = lines.index("[fiscal]\n") + 2  # the line after the header, 1-based
    assert lines[number - 1].startswith("stated_opening")
    return "".join(lines[: number - 1]) + "stated_ope\n", number


SEED_CUT, SEED_CUT_LINE = _seed_cut_mid_line()
SEED_JSON = dumps(build_report(), format="json")
SEED_JSON_CUT = SEED_JSON[: SEED_JSON.index("科学技术支出") + 3]

Expected = tuple[tuple[str, str, int | None], ...]


def bad(fmt: str, text: str, *expected: tuple[str, str, int | None], id: str) -> Any:
    """One bad document: its problems as (path, message substring, line), in order."""
    return pytest.param(fmt, text, expected, id=id)


def one(path: str, message: str, line: int | None = None) -> tuple[str, str, int | None]:
    return (path, message, line)


BAD_DOCUMENTS = [
    # wrong types
    bad(
        "toml",
        toml_doc('[profile.staff]\nin_service = "2"\n'),
        one("profile.staff.in_service", "expected a whole number, got str '2'"),
        id="count-as-text",
    ),
    bad(
        "json",
        json_doc(', "profile": {"staff": {"in_service": true}}'),
        one("profile.staff.in_service", "expected a whole number, got bool True"),
        id="count-as-bool",
    ),
    bad(
        "toml",
        toml_doc("[profile.staff]\nin_service = 1.5\n"),
        one("profile.staff.in_service", "expected a whole number, got Decimal"),
        id="count-as-decimal",
    ),
    bad(
        "json",
        json_doc(', "assets": {"large_equipment": -1}'),
        one("assets.large_equipment", "count: -1 is negative"),
        id="count-negative",
    ),
    bad(
        "toml",
        "[unit]\nname = 3\nfiscal_year = 2023\n",
        one("unit.name", "expected text, got int 3"),
        id="text-as-number",
    ),
    bad(
        "json",
        '{"unit": {"name": null, "fiscal_year": 2023}}',
        one("unit.name", "expected text, got NoneType None"),
        id="text-as-null",
    ),
    bad(
        "toml",
        toml_doc("[profile]\nmandate = {text = 1}\n"),
        one("profile.mandate", "expected text, got dict"),
        id="text-as-table",
    ),
    bad(
        "toml",
        'unit = ["示例单位", 2023]\n',
        one("unit", "expected BudgetUnit"),
        id="list-as-table",
    ),
    bad(
        "json",
        json_doc(', "income": [1, 2]'),
        one("income", "expected Income"),
        id="list-as-table-json",
    ),
    bad(
        "json",
        json_doc(', "profile": "区科协"'),
        one("profile", "expected Profile"),
        id="text-as-table-json",
    ),
    bad(
        "toml",
        '[unit]\nname = "示例单位"\nfiscal_year = 1800\n',
        one("unit.fiscal_year", "'fiscal_year' must be >= 1949"),
        id="year-before-1949",
    ),
    bad(
        "toml",
        toml_doc('kind = "机关"\n'),
        one("unit.kind", "str '机关' is not one of: 行政单位、参照公务员法管理事业单位、事业单位"),
        id="kind-unknown",
    ),
    # a word (or anything else) where an amount belongs
    bad(
        "toml",
        toml_doc('[income]\nopening_balance = "abc"\n'),
        one("income.opening_balance", "amount: 'abc' is not a number"),
        id="amount-word",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": "五十八"}'),
        one("income.opening_balance", "amount: '五十八' is not a number"),
        id="amount-chinese-numeral",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": true}'),
        one("income.opening_balance", "amount: True is a bool, not a number"),
        id="amount-bool",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = 2023-12-31\n"),
        one("income.opening_balance", "amount: expected a number, got date"),
        id="amount-date",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": [3.76]}'),
        one("income.opening_balance", "amount: expected a number, got list"),
        id="amount-list",
    ),
    # NaN and Infinity
    bad(
        "json",
        json_doc(', "income": {"opening_balance": NaN}'),
        one("", "NaN is not a finite number"),
        id="json-NaN",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": Infinity}'),
        one("", "Infinity is not a finite number"),
        id="json-Infinity",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": -Infinity}'),
        one("", "-Infinity is not a finite number"),
        id="json-minus-Infinity",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": "NaN"}'),
        one("income.opening_balance", "amount: 'NaN' is not a finite number"),
        id="json-NaN-string",
    ),
    bad(
        "json",
        json_doc(', "grand_total_prior": {"growth": "-inf"}'),
        # The file loader calls every decimal an amount, percentages too.
        one("grand_total_prior.growth", "'-inf' is not a finite number"),
        id="json-inf-string-percent",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = nan\n"),
        one("income.opening_balance", "amount: NaN is not a finite number"),
        id="toml-nan",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = +inf\n"),
        one("income.opening_balance", "amount: Infinity is not a finite number"),
        id="toml-inf",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = -inf\n"),
        one("income.opening_balance", "amount: -Infinity is not a finite number"),
        id="toml-minus-inf",
    ),
    # unknown keys
    bad(
        "toml",
        '[unit]\nnmae = "示例单位"\nname = "示例单位"\nfiscal_year = 2023\n',
        one("unit.nmae", "unknown key 'nmae'; did you mean 'name'?"),
        id="unknown-key-typo",
    ),
    bad(
        "toml",
        toml_doc("[incme]\nopening_balance = 3.76\n"),
        one("incme", "unknown key 'incme'; did you mean 'income'?"),
        id="unknown-section-typo",
    ),
    bad(
        "json",
        json_doc(
            ', "functions": {"lines": [{"code": "206", "name": "科学技术支出", "nmae": "x"}]}'
        ),
        one("functions.lines[0].nmae", "unknown key 'nmae'; did you mean 'name'?"),
        id="unknown-key-in-line",
    ),
    # missing sections and keys
    bad(
        "toml",
        "[income]\nopening_balance = 3.76\n",
        one("unit", "required key 'unit' is missing"),
        id="missing-unit",
    ),
    bad(
        "toml",
        "# only a comment\n",
        one("unit", "required key 'unit' is missing"),
        id="comments-only",
    ),
    bad(
        "toml",
        "[unit]\nfiscal_year = 2023\n",
        one("unit.name", "required key 'name' is missing"),
        id="missing-unit-name",
    ),
    bad(
        "json",
        json_doc(', "functions": {"lines": [{"name": "科学技术支出"}]}'),
        one("functions.lines[0].code", "required key 'code' is missing"),
        id="missing-line-code",
    ),
    # malformed and duplicate codes
    bad(
        "toml",
        toml_doc('[[functions.lines]]\ncode = "20A"\nname = "科学技术支出"\n'),
        one("functions.lines[0].code", "'20A' is not a 支出功能分类 code (3, 5 or 7 digits)"),
        id="function-code-malformed",
    ),
    bad(
        "json",
        json_doc(', "functions": {"narrative_order": ["2060101", "2060"]}'),
        one("functions.narrative_order", "'2060' is not a 支出功能分类 code"),
        id="narrative-order-malformed",
    ),
    bad(
        "toml",
        toml_doc('[[general_budget_basic.lines]]\ncode = "3010"\nname = "基本工资"\n'),
        one(
            "general_budget_basic.lines[0].code",
            "'3010' is not a 支出经济分类 code (3 or 5 digits)",
        ),
        id="economic-code-malformed",
    ),
    bad(
        "toml",
        toml_doc(
            '[[functions.lines]]\ncode = "206"\nname = "科学技术支出"\n'
            '[[functions.lines]]\ncode = "2060101"\nname = "行政运行"\n'
            '[[functions.lines]]\ncode = "2060101"\nname = "行政运行"\n'
        ),
        one(
            "functions.lines[2].code",
            "code '2060101' is listed twice (first at functions.lines[1])",
        ),
        id="function-code-duplicate",
    ),
    bad(
        "json",
        json_doc(
            ', "general_budget_basic": {"lines": ['
            '{"code": "30101", "name": "基本工资"}, {"code": "30101", "name": "基本工资"}]}'
        ),
        one(
            "general_budget_basic.lines[1].code",
            "code '30101' is listed twice (first at general_budget_basic.lines[0])",
        ),
        id="economic-code-duplicate",
    ),
    bad(
        "json",
        json_doc(
            ', "functions": {"lines": [{"code": "206", "name": "a"}, {"code": "206", "name": "b"},'
            ' {"code": "206", "name": "c"}]}, "general_budget_basic": {"lines": ['
            '{"code": "301", "name": "a"}, {"code": "301", "name": "b"}]}'
        ),
        one("functions.lines[1].code", "code '206' is listed twice (first at functions.lines[0])"),
        one("functions.lines[2].code", "code '206' is listed twice (first at functions.lines[0])"),
        one("general_budget_basic.lines[1].code", "code '301' is listed twice"),
        id="duplicate-codes-all-reported",
    ),
    # empty, truncated, malformed
    bad("toml", "", one("", "the document is empty"), id="empty-toml"),
    bad("json", "", one("", "the document is empty"), id="empty-json"),
    bad("toml", " \n\t\r\n  ", one("", "the document is empty"), id="whitespace-toml"),
    bad("json", "\n\n   \n", one("", "the document is empty"), id="whitespace-json"),
    bad(
        "toml",
        SEED_CUT,
        one("", "not valid TOML: Expected '=' after a key", SEED_CUT_LINE),
        id="seed-toml-truncated",
    ),
    bad(
        "json",
        SEED_JSON_CUT,
        one("", "not valid JSON: Unterminated string", SEED_JSON_CUT.count("\n") + 1),
        id="seed-json-truncated",
    ),
    bad(
        "toml",
        '[unit]\nname = "a"\nname = "b"\n',
        one("", "not valid TOML: Cannot overwrite a value", 3),
        id="toml-duplicate-key",
    ),
    bad(
        "toml",
        toml_doc("[unit]\n"),
        one("", "not valid TOML: Cannot declare ('unit',) twice", 4),
        id="toml-duplicate-table",
    ),
    bad(
        "json",
        '{\n  "unit": {\n    "name": "a",\n  }\n}\n',
        one("", "not valid JSON: Expecting property name enclosed in double quotes", 4),
        id="json-trailing-comma",
    ),
    bad("json", "[]", one("", "the document must be a table, not list"), id="json-top-list"),
    bad("json", "3", one("", "the document must be a table, not int"), id="json-top-number"),
    bad("json", '"区科协"', one("", "the document must be a table, not str"), id="json-top-text"),
    bad("json", "null", one("", "the document must be a table, not NoneType"), id="json-top-null"),
    # absurd exponents and too many digits
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = 1e999999\n"),
        one("income.opening_balance", "amount: 1.000E+999999 exceeds 1E+18"),
        id="toml-exponent-huge",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = 1e-999999\n"),
        one("income.opening_balance", "amount: 1E-999999 is finer than 1E-18"),
        id="toml-exponent-tiny",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": 1e999999}'),
        one("income.opening_balance", "exceeds 1E+18"),
        id="json-exponent-huge",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": "1e-999999"}'),
        one("income.opening_balance", "is finer than 1E-18"),
        id="json-exponent-tiny-string",
    ),
    bad(
        "json",
        json_doc(', "grand_total_prior": {"growth": 1E+999999}'),
        one("grand_total_prior.growth", "1.000E+999999 exceeds 1E+18"),
        id="json-percent-exponent-huge",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = " + "9" * 400 + "\n"),
        one("income.opening_balance", "amount: integer with more than 30 digits"),
        id="toml-400-digit-integer",
    ),
    bad(
        "toml",
        toml_doc("[income]\nopening_balance = 1." + "9" * 400 + "\n"),
        one("income.opening_balance", "amount: more than 30 significant digits"),
        id="toml-400-digit-decimal",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": ' + "9" * 400 + "}"),
        one("income.opening_balance", "amount: integer with more than 30 digits"),
        id="json-400-digit-integer",
    ),
    bad(
        "json",
        json_doc(', "income": {"opening_balance": "' + "9" * 400 + '"}'),
        one("income.opening_balance", "is too long to be an amount"),
        id="json-400-digit-string",
    ),
    bad(
        "json",
        json_doc(', "profile": {"staff": {"in_service": ' + "9" * 5000 + "}}"),
        one("profile.staff.in_service", "5000 digits"),
        id="json-5000-digit-count",
    ),
    bad(
        "toml",
        toml_doc("[profile.staff]\nin_service = " + "9" * 5000 + "\n"),
        one("", "5000 digits", 5),
        id="toml-5000-digit-count",
    ),
    # nesting
    bad(
        "json",
        json_doc(', "other_matters": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH),
        one("", f"nested {MAX_DEPTH + 1} levels deep; at most {MAX_DEPTH} are allowed"),
        id="json-lists-one-too-deep",
    ),
    bad(
        "json",
        json_doc(', "x": ' + '{"x": ' * MAX_DEPTH + "0" + "}" * MAX_DEPTH),
        one("", f"at most {MAX_DEPTH} are allowed"),
        id="json-objects-too-deep",
    ),
    bad(
        "toml",
        toml_doc("other_matters = " + "[" * 200 + "]" * 200 + "\n"),
        one("", f"at most {MAX_DEPTH} are allowed"),
        id="toml-inline-arrays-too-deep",
    ),
    bad(
        "toml",
        toml_doc("[" + ".".join(["x"] * MAX_DEPTH) + "]\n"),
        one("", f"nested {MAX_DEPTH + 1} levels deep"),
        id="toml-tables-too-deep",
    ),
    bad(
        "json",
        json_doc(', "other_matters": ' + "[" * 100_000 + "]" * 100_000),
        one("", "nested too deeply"),
        id="json-100000-deep",
    ),
    bad(
        "toml",
        "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
        one("", "nested too deeply"),
        id="toml-100000-deep",
    ),
    # several problems at once, in document order
    bad(
        "toml",
        '[unit]\nname = 3\nfiscal_year = "2023"\n'
        '[income]\nopening_balance = "abc"\nopenning_balance = 1\n'
        "[profile.staff]\nin_service = -1\n",
        one("unit.name", "expected text, got int 3"),
        one("unit.fiscal_year", "expected a whole number, got str '2023'"),
        one("profile.staff.in_service", "count: -1 is negative"),
        one("income.opening_balance", "amount: 'abc' is not a number"),
        one("income.openning_balance", "did you mean 'opening_balance'?"),
        id="several-problems-toml",
    ),
    bad(
        "json",
        json_doc(
            ', "functions": {"lines": [{"code": "20A", "name": "a"}, {"code": "206", "name": 3},'
            ' {"code": "2060101", "name": "c", "expenditure": {"basic": "x", "project": 1e99}}]}'
        ),
        one("functions.lines[0].code", "'20A' is not a 支出功能分类 code"),
        one("functions.lines[1].name", "expected text, got int 3"),
        one("functions.lines[2].expenditure.basic", "amount: 'x' is not a number"),
        one("functions.lines[2].expenditure.project", "exceeds 1E+18"),
        id="several-problems-json",
    ),
]


def assert_problems(error: LoadError, expected: Expected) -> None:
    assert isinstance(error, GovFinalError)
    got = [(problem.path, problem.message, problem.line) for problem in error.problems]
    assert len(got) == len(expected), got
    for (path, message, line), (want_path, want_message, want_line) in zip(
        got, expected, strict=True
    ):
        assert path == want_path, got
        assert want_message in message, got
        assert line == want_line, got
    count = len(expected)
    assert str(error).splitlines()[0] == f"{error.source}: {count} problem{'s' * (count != 1)}"
    assert len(str(error).splitlines()) == count + 1


@pytest.mark.parametrize(("fmt", "text", "expected"), BAD_DOCUMENTS)
def test_bad_document_loads(fmt: Any, text: str, expected: Expected) -> None:
    with pytest.raises(LoadError) as caught:
        loads(text, format=fmt)
    assert caught.value.source == "<string>"
    assert_problems(caught.value, expected)


@pytest.mark.parametrize(("fmt", "text", "expected"), BAD_DOCUMENTS)
def test_bad_document_load(tmp_path: Path, fmt: str, text: str, expected: Expected) -> None:
    path = tmp_path / f"report.{fmt}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert_problems(caught.value, expected)
    for problem in caught.value.problems:
        where = str(path) if problem.line is None else f"{path}:{problem.line}"
        assert f"  {where}: {problem.path or '(document)'}: {problem.message}" in str(caught.value)


def test_unknown_key_without_a_close_match_has_no_suggestion() -> None:
    with pytest.raises(LoadError) as caught:
        loads(toml_doc("[income]\nzzz = 1\n"), format="toml")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("income.zzz", "unknown key 'zzz'")
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_nesting_up_to_max_depth_is_not_refused_for_depth(fmt: str) -> None:
    deepest = MAX_DEPTH - 1  # lists inside the document table: MAX_DEPTH levels in all
    if fmt == "toml":
        text = "other_matters = " + "[" * deepest + "]" * deepest + "\n" + MINIMAL_TOML
    else:
        text = json_doc(', "other_matters": ' + "[" * deepest + "]" * deepest)
    with pytest.raises(LoadError) as caught:
        loads(text, format=fmt)
    assert caught.value.problems[0].path.startswith("other_matters")
    assert all("nested" not in p.message for p in caught.value.problems)


# -- bad files ------------------------------------------------------------------------


def test_file_not_utf8_reports_the_line(tmp_path: Path) -> None:
    data = EXAMPLE_TEXT.encode("utf-8")
    lines = data.split(b"\n")
    lines[29] = lines[29] + b"\xff"
    broken = b"\n".join(lines)
    path = tmp_path / "latin.toml"
    path.write_bytes(broken)
    with pytest.raises(LoadError) as caught:
        load(path)
    offset = broken.index(b"\xff")
    assert_problems(caught.value, (one("", f"not UTF-8 text (byte {offset})", 30),))


def test_file_in_gb18030_reports_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "gb18030.toml"
    path.write_bytes(EXAMPLE_TEXT.encode("gb18030"))
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_problems(caught.value, (one("", "not UTF-8 text (byte ", 1),))


def test_file_larger_than_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_problems(caught.value, (one("", f"the file is larger than {MAX_BYTES} bytes"),))


def test_file_of_exactly_max_bytes_is_read(tmp_path: Path) -> None:
    path = tmp_path / "blank.json"
    path.write_bytes(b" " * MAX_BYTES)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_problems(caught.value, (one("", "the document is empty"),))


def test_text_larger_than_max_bytes() -> None:
    with pytest.raises(LoadError) as caught:
        loads("#" * (MAX_BYTES + 1), format="toml")
    assert_problems(caught.value, (one("", f"the document is larger than {MAX_BYTES} bytes"),))


@pytest.mark.parametrize("name", ["report.yaml", "report.txt", "report", "report.toml.bak"])
def test_unknown_file_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(EXAMPLE_TEXT, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert_problems(caught.value, (one("", "unknown file type: use .toml or .json"),))
    with pytest.raises(WriteError):  # writing is not loading (issue 11 item 17)
        dump(build_report(), tmp_path / f"out-{name}")


def test_unknown_format() -> None:
    with pytest.raises(LoadError) as caught:
        loads(MINIMAL_TOML, format="yaml")  # type: ignore[arg-type]
    assert_problems(caught.value, (one("", "unknown format 'yaml'"),))
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        dumps(build_report(), format="yaml")  # type: ignore[arg-type]


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    with pytest.raises(LoadError) as caught:
        load(path)
    assert caught.value.source == str(path)
    assert_problems(caught.value, (one("", "cannot read the file: No such file or directory"),))


def test_directory_instead_of_file(tmp_path: Path) -> None:
    path = tmp_path / "folder.json"
    path.mkdir()
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_problems(caught.value, (one("", "cannot read the file: "),))


# -- regressions: bugs found in review, fixed; the comments give the minimal examples ------


# toml_writer writes texts with json.dumps, which leaves U+007F (DEL) raw; TOML forbids it
# unescaped in basic strings, so dumps() writes TOML that loads() rejects:
#   dumps(FinalAccount(unit=BudgetUnit(name="a\x7fb", fiscal_year=2023)))
#   → loads: "Illegal character '\x7f'"
def test_toml_text_with_delete_character_round_trips() -> None:
    report = FinalAccount(unit=BudgetUnit(name="a\x7fb", fiscal_year=2023))
    assert loads(dumps(report, format="toml"), format="toml") == report


# toml_writer._decimal writes an integral Decimal as str(int(value)), so Decimal("-0") is
# written 0: the sign is lost, and dumps is not stable (the loaded 0 has the default's
# digits and is then omitted):  Income(opening_balance="-0") → "opening_balance = 0".
def test_negative_zero_keeps_its_sign_in_toml() -> None:
    report = FinalAccount(
        unit=BudgetUnit(name="示例单位", fiscal_year=2023), income=Income(opening_balance="-0")
    )
    text = dumps(report, format="toml")
    again = loads(text, format="toml")
    assert str(again.income.opening_balance) == "-0"
    assert dumps(again, format="toml") == text


# converter._omit / _unstructure_factory leave an empty text and an empty table out of the
# document, so an optional one loads back as None (short_name="" → None, reason="" → None,
# operating_costs=Figure() → None; three_public.overseas=Figure() → the default
# Figure(amount=0), so dumps is not even stable), and a required one cannot be loaded at all
# (FunctionLine("206", "") → "required key 'name' is missing"): loads(dumps(r)) != r.
_UNIT = BudgetUnit(name="示例单位", fiscal_year=2023)
LOSSY: list[Any] = [
    pytest.param(FinalAccount(unit=attrs.evolve(_UNIT, short_name="")), id="optional-text"),
    pytest.param(
        FinalAccount(unit=_UNIT, grand_total_prior=PriorYear(change="1.00", reason="")),
        id="reason",
    ),
    pytest.param(FinalAccount(unit=_UNIT, operating_costs=Figure()), id="figure"),
    pytest.param(  # loads back as the default Figure(amount=0): neither equal nor stable
        FinalAccount(unit=_UNIT, three_public=ThreePublicExpenses(overseas=Figure())),
        id="figure-with-default",
    ),
    pytest.param(FinalAccount(unit=_UNIT, grand_total_prior=PriorYear()), id="prior"),
    pytest.param(
        FinalAccount(
            unit=_UNIT,
            functions=FunctionTree(
                lines=[FunctionLine("206", "科学技术支出", expenditure=NatureAmounts())]
            ),
        ),
        id="nature-row",
    ),
    pytest.param(
        FinalAccount(unit=_UNIT, functions=FunctionTree(lines=[FunctionLine("206", "")])),
        id="required-text",
    ),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("report", LOSSY)
def test_empty_texts_and_tables_round_trip(report: FinalAccount, fmt: str) -> None:
    assert loads(dumps(report, format=fmt), format=fmt) == report


# The converter structures a list of texts by iterating whatever it is given, so a text is
# split into characters and a table gives its keys:
#   [profile]\nfunctions = "abc"  → Profile.functions == ("a", "b", "c")
# It should be one paragraph (as the Python API's converter does) or a LoadError.
@pytest.mark.parametrize(
    "extra",
    ['[profile]\nfunctions = "负责指导有关社会团体工作。"\n', "[profile.functions]\na = 1\n"],
    ids=["text", "table"],
)
def test_text_where_a_list_of_texts_belongs_is_not_split(extra: str) -> None:
    problems: tuple[Problem, ...] = ()
    functions: tuple[str, ...] = ()
    try:
        functions = loads(toml_doc(extra), format="toml").profile.functions
    except LoadError as error:
        problems = error.problems
    if problems:
        assert problems[0].path.startswith("profile.functions")
    else:
        assert functions in {(), ("负责指导有关社会团体工作。",)}, functions


# tomllib says "(at end of document)" instead of a line for an error at the very end, and
# _parse then reports no line: a TOML file cut mid-line (a truncated download) has none.
# It should be the last line.
def test_truncated_toml_at_end_of_document_reports_the_last_line() -> None:
    text = EXAMPLE_TEXT[: EXAMPLE_TEXT.index('name = "科学技术支出') + 10]  # inside a string
    with pytest.raises(LoadError) as caught:
        loads(text, format="toml")
    (problem,) = caught.value.problems
    assert "Unterminated string" in problem.message
    assert problem.line == text.count("\n") + 1


# loads looks for duplicate codes only after structuring succeeds, so a document with a
# duplicate code and any other problem reports only the other problem.
def test_duplicate_codes_are_reported_with_other_problems() -> None:
    text = toml_doc(
        '[income]\nopening_balance = "abc"\n'
        '[[functions.lines]]\ncode = "206"\nname = "a"\n'
        '[[functions.lines]]\ncode = "206"\nname = "b"\n'
    )
    with pytest.raises(LoadError) as caught:
        loads(text, format="toml")
    assert [p.path for p in caught.value.problems] == [
        "income.opening_balance",
        "functions.lines[1].code",
    ]
