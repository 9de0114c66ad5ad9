"""Issue 11: the loader refuses hostile input, and says where.

One test (or parametrised case) per item of the issue: lone surrogates (3),
unbounded counts (4), digits that are not ASCII digits (5), repeated JSON keys
(6), unbounded error output (16) and the minor items (17). Expected values come
from the issue's text or from arithmetic, never from the code's output.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from govfinal import Staff, check
from govfinal.errors import AmountError, GovFinalError
from govfinal.io import MAX_BYTES, LoadError, Problem, load, loads
from govfinal.money import to_decimal

MINIMAL_TOML = '[unit]\nname = "示例单位"\nfiscal_year = 2023\n'
MINIMAL_JSON = '{"unit": {"name": "示例单位", "fiscal_year": 2023}'
NINES_4300 = "9" * 4300  # the most digits Python turns into text by default


def json_doc(extra: str = "") -> str:
    """The smallest valid JSON document with ``extra`` members (``, "k": v``) added."""
    return MINIMAL_JSON + extra + "}"


def refused(text: str, fmt: str) -> LoadError:
    """The :class:`LoadError` that loading ``text`` must raise; its message must be printable."""
    with pytest.raises(LoadError) as caught:
        loads(text, format=fmt)  # type: ignore[arg-type]
    str(caught.value).encode("utf-8")  # strict UTF-8: no lone surrogate in the message
    return caught.value


def only(error: LoadError) -> Problem:
    (problem,) = error.problems
    return problem


# -- item 3: lone surrogates -------------------------------------------------------------

SURROGATES = [
    pytest.param(
        '{\n  "unit": {\n    "name": "\\ud800原因",\n    "fiscal_year": 2023\n  }\n}\n',
        "json",
        "unit.name",
        3,
        id="json-value-escape",
    ),
    pytest.param(
        json_doc(',\n "profile": {"functions": ["ok", "\\ud83d\\ude00", "bad \\udc00"]}'),
        "json",
        "profile.functions[2]",
        2,
        id="json-low-alone-after-a-pair",
    ),
    pytest.param(
        json_doc(',\n\n "\\udbff\\\\udc00": 1'),  # a high escape, then an escaped backslash
        "json",
        "\udbff\\udc00",  # the key as the document holds it; the message escapes it
        3,
        id="json-key-escape",
    ),
]


@pytest.mark.parametrize(("text", "fmt", "path", "line"), SURROGATES)
def test_item_03_lone_surrogate_refused_at_its_path(
    text: str, fmt: str, path: str, line: int
) -> None:
    """Issue 11 item 3: a lone surrogate in a JSON string or key is refused, with the place.

    It is the first problem listed; others (an unknown key, say) may follow it.
    """
    error = refused(text, fmt)
    problem = error.problems[0]
    assert "surrogate" in problem.message
    str(error).encode("utf-8")  # the message itself is printable
    assert len(error.problems) == 1 or "surrogate" not in error.problems[1].message
    assert (problem.path, problem.line) == (path, line)


@pytest.mark.parametrize(
    ("text", "fmt", "line"),
    [
        pytest.param('[unit]\nname = "\ud800原因"\nfiscal_year = 2023\n', "toml", 2, id="toml"),
        pytest.param(
            '{"unit":\n {"name": "原因\udfff", "fiscal_year": 2023}}', "json", 2, id="json"
        ),
        pytest.param(MINIMAL_TOML + "# a comment \udc80\n", "toml", 4, id="toml-comment"),
    ],
)
def test_item_03_lone_surrogate_in_python_text_refused_at_its_line(
    text: str, fmt: str, line: int
) -> None:
    """Issue 11 item 3: text that UTF-8 cannot encode (a raw lone surrogate) is refused."""
    problem = only(refused(text, fmt))
    assert "surrogate" in problem.message
    assert problem.line == line


def test_item_03_surrogate_pairs_still_load() -> None:
    """Issue 11 item 3: an escaped pair is one character (😀), not a lone surrogate."""
    report = loads('{"unit": {"name": "\\ud83d\\ude00科协", "fiscal_year": 2023}}', format="json")
    assert report.unit.name == "😀科协"


# -- item 4: unbounded counts -------------------------------------------------------------

HUGE_COUNTS = [
    pytest.param(
        json_doc(', "profile": {"staff": {"in_service": ' + NINES_4300 + "}}"),
        "json",
        "profile.staff.in_service",
        id="json-in_service",
    ),
    pytest.param(
        MINIMAL_TOML + "[profile.staff]\nretirees = " + NINES_4300 + "\n",
        "toml",
        "profile.staff.retirees",
        id="toml-retirees",
    ),
    pytest.param(
        json_doc(', "profile": {"staff": {"retirees": ' + str(10**12 + 1) + "}}"),
        "json",
        "profile.staff.retirees",
        id="json-just-above-10**12",
    ),
]


@pytest.mark.parametrize(("text", "fmt", "path"), HUGE_COUNTS)
def test_item_04_count_above_the_bound_refused(text: str, fmt: str, path: str) -> None:
    """Issue 11 item 4: a count of 4,300 nines (or above 10^12) is refused at its field."""
    assert only(refused(text, fmt)).path == path


def test_item_04_count_bound_at_the_python_entrance() -> None:
    """Issue 11 item 4: the model refuses it too, naming the field; the bound itself is kept."""
    from govfinal.model._fields import MAX_COUNT

    assert MAX_COUNT == 10**12
    with pytest.raises(AmountError, match=r"Staff\.retirees"):
        Staff(retirees=int(NINES_4300))
    with pytest.raises(AmountError, match=r"Staff\.in_service"):
        Staff(in_service=-int(NINES_4300))
    report = loads(
        json_doc(', "profile": {"staff": {"in_service": ' + str(10**12) + "}}"), format="json"
    )
    assert report.profile.staff.in_service == 10**12
    check(report)  # the largest count is printed and summed without error


# -- item 5: only ASCII digits (and their full-width forms) ---------------------------------

NOT_DIGITS = ["55.19¹", "₁₂", "²", "①", "٥٥.١٩", "۵", "५५", "55.1𝟗", "１２³"]


@pytest.mark.parametrize("written", NOT_DIGITS)
def test_item_05_superscript_and_other_digits_refused(written: str) -> None:
    """Issue 11 item 5: "55.19¹" is not 55.191, "₁₂" is not 12: only ASCII digits are read."""
    problem = only(refused(json_doc(f', "income": {{"opening_balance": "{written}"}}'), "json"))
    assert problem.path == "income.opening_balance"
    assert "not a number" in problem.message
    with pytest.raises(AmountError):
        to_decimal(written)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("５５.１９", "55.19"), ("５８．９５", "58.95"), ("１，２３４.５", "1234.5"), ("－３", "-3")],
)
def test_item_05_full_width_digits_still_read(written: str, expected: str) -> None:
    """Issue 11 item 5: the full-width forms (documented, tested) are still read as ASCII."""
    assert to_decimal(written).as_tuple() == Decimal(expected).as_tuple()


# -- item 6: repeated JSON keys ------------------------------------------------------------

REPEATED = [
    pytest.param(
        '{"unit": {"name": "示例单位", "fiscal_year": 2023, "fiscal_year": 1999}}',
        ["unit.fiscal_year"],
        id="unit.fiscal_year",
    ),
    pytest.param(
        json_doc(', "functions": {"lines": [{"code": "206", "name": "a", "name": "b"}]}'),
        ["functions.lines[0].name"],
        id="in-a-list",
    ),
    pytest.param(
        json_doc(', "income": {}, "income": {}, "income": {}, "unit": {}'),
        ["income", "unit"],
        id="top-level-each-once",
    ),
]


@pytest.mark.parametrize(("text", "paths"), REPEATED)
def test_item_06_repeated_json_key_refused(text: str, paths: list[str]) -> None:
    """Issue 11 item 6: ``"fiscal_year": 2023, "fiscal_year": 1999`` is refused, not 1999.

    The repeated keys come first; the document's other problems follow them.
    """
    error = refused(text, "json")
    found = [problem.path for problem in error.problems]
    assert found[: len(paths)] == paths
    assert all("more than once" not in problem.message for problem in error.problems[len(paths) :])


def test_hostile_values_are_reported_with_the_other_problems() -> None:
    """A repeated key or a lone surrogate does not hide the document's other problems."""
    text = (
        '{"unit": {"name": "\\ud800原因", "fiscal_year": 2023, "fiscal_year": 1999},'
        ' "assets": {"building_area": -500}}'
    )
    paths = [problem.path for problem in refused(text, "json").problems]
    assert paths == ["unit.fiscal_year", "unit.name", "assets.building_area"]


# -- item 16: bounded error output ------------------------------------------------------------


def test_item_16_error_output_is_bounded() -> None:
    """Issue 11 item 16: 200,000 unknown keys list the first N problems and count the rest."""
    from govfinal.io import MAX_PROBLEMS

    keys = 200_000
    text = json_doc("".join(f', "k{index:06d}": 0' for index in range(keys)))
    error = refused(text, "json")
    assert len(error.problems) == MAX_PROBLEMS
    assert error.problems[0] == Problem("k000000", "unknown key 'k000000'")
    assert error.total == keys
    lines = str(error).splitlines()
    assert len(lines) == MAX_PROBLEMS + 2
    assert lines[0] == "<string>: 200,000 problems"
    assert lines[-1] == f"  … and {keys - MAX_PROBLEMS:,} more problems"


@pytest.mark.parametrize("extra", [0, 1])
def test_item_16_every_problem_is_listed_up_to_the_bound(extra: int) -> None:
    """Issue 11 item 16: N problems are all listed; one more is counted, in the singular."""
    from govfinal.io import MAX_PROBLEMS

    count = MAX_PROBLEMS + extra
    error = refused(json_doc("".join(f', "k{index:03d}": 0' for index in range(count))), "json")
    assert len(error.problems) == MAX_PROBLEMS
    lines = str(error).splitlines()
    assert lines[0] == f"<string>: {count} problems"
    assert len(lines) == 1 + MAX_PROBLEMS + extra
    if extra:
        assert lines[-1] == "  … and 1 more problem"


# -- item 17: minor -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt", "path", "line"),
    [
        pytest.param(
            json_doc(', "profile": {"staff": {"in_service": ' + "9" * 5000 + "}}"),
            "json",
            "profile.staff.in_service",
            None,
            id="json",
        ),
        pytest.param(
            MINIMAL_TOML + "[profile.staff]\nin_service = " + "9" * 5000 + "\n",
            "toml",
            "",
            5,
            id="toml",
        ),
    ],
)
def test_item_17_5000_digit_integer_has_a_clear_message(
    text: str, fmt: str, path: str, line: int | None
) -> None:
    """Issue 11 item 17: a 5,000-digit integer: a clear message, with its path or line."""
    problem = only(refused(text, fmt))
    assert "5000 digits" in problem.message
    assert "set_int_max_str_digits" not in problem.message
    assert (problem.path, problem.line) == (path, line)


def test_item_17_size_cap_counts_utf8_bytes() -> None:
    """Issue 11 item 17: the cap of ``loads`` is in UTF-8 bytes: 4-byte emoji count four each."""
    name = "😀" * (MAX_BYTES // 4 + 1)  # fewer characters than MAX_BYTES, more bytes
    text = json_doc(f', "profile": {{"mandate": "{name}"}}')
    assert len(text) < MAX_BYTES < len(text.encode("utf-8"))
    problem = only(refused(text, "json"))
    assert f"larger than {MAX_BYTES} bytes" in problem.message


def test_item_17_fiscal_year_zero_at_its_path() -> None:
    """Issue 11 item 17: ``fiscal_year = 0`` is reported at ``unit.fiscal_year``."""
    problem = only(refused('[unit]\nname = "示例单位"\nfiscal_year = 0\n', "toml"))
    assert problem.path == "unit.fiscal_year"
    assert "1949" in problem.message


def test_item_17_nul_in_the_file_name_is_a_load_error(tmp_path: Path) -> None:
    """Issue 11 item 17: ``load('a\\x00.json')`` raises ``LoadError``, not ``ValueError``."""
    with pytest.raises(LoadError) as caught:
        load(tmp_path / "a\x00.json")
    assert "NUL" in only(caught.value).message


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_item_17_loads_of_bytes_says_it_takes_text(fmt: str) -> None:
    """Issue 11 item 17: ``loads(bytes)`` is a clear ``TypeError``: it takes ``str``."""
    with pytest.raises(TypeError, match=r"loads\(\) takes text \(str\), not bytes") as caught:
        loads(MINIMAL_TOML.encode(), format=fmt)  # type: ignore[arg-type]
    assert not isinstance(caught.value, GovFinalError)  # the caller's mistake, not the file's
