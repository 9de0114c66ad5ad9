"""Figures of a text, their alignment, parts between headings, and ``govfinal compare``.

Every expected figure, count, line and column here was worked out by hand
from the small texts written in this file.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govfinal.cli import main
from govfinal.compare import (
    MAX_CHARS,
    MAX_FIGURES,
    CompareError,
    Comparison,
    Figure,
    align,
    between,
    compare,
    figures_between,
    figures_of,
)
from govfinal.errors import FloatRefusedError, GovFinalError

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_f0243ef9e14cabee.txt"

PUBLISHED = """\
=== page 1 ===
一、收入支出决算总体情况说明
2024 年度收入总计 58.95 万元，其中：本年收入合计 55.19 万元。
与上年相比，减少 14.45 万元，下降 19.69%。
1、基本支出 57.82 万元，占 98.08%；
2、项目支出 1.13 万元，占 1.92%。
"""
"""Eight figures: 58.95 55.19 14.45 19.69% 57.82 98.08% 1.13 1.92%."""

RENDERED = """\
一、收入支出决算总体情况说明
2024 年度收入总计 58.95 万元，年初结转和结余 3.76 万元。
与上年相比，减少 14.46 万元，下降 19.69%。
1.基本支出 57.82 万元，占 98.08%；2.项目支出 1.13 万元，占 1.92%。
"""
"""PUBLISHED with 55.19 dropped, 3.76 inserted and 14.45 changed to 14.46:
six of the eight published figures in order."""


def texts(figures: tuple[Figure, ...]) -> list[str]:
    return [figure.text for figure in figures]


# -- figures_of ------------------------------------------------------------------------


def test_figures_in_order_with_value_text_kind_and_place() -> None:
    text = "本年收入 55.19 万元，占 100.00%；\n  差异率-39.18%，合计 2,940.05 万元"
    assert figures_of(text) == (
        Figure(Decimal("55.19"), "55.19", percent=False, line=1, column=6),
        Figure(Decimal("100.00"), "100.00%", percent=True, line=1, column=17),
        Figure(Decimal("-39.18"), "-39.18%", percent=True, line=2, column=6),
        Figure(Decimal("2940.05"), "2,940.05", percent=False, line=2, column=17),
    )


def test_values_keep_their_digits_and_sign() -> None:
    values = [figure.value for figure in figures_of("6.20 万元，-0.5%，1,234,567 元，0 辆")]
    assert [str(value) for value in values] == ["6.20", "-0.5", "1234567", "0"]


def test_a_dash_after_a_digit_is_a_range_not_a_sign() -> None:
    assert [figure.value for figure in figures_of("指标 10-20 个")] == [10, 20]


def test_a_comma_not_between_groups_of_three_separates_figures() -> None:
    assert texts(figures_of("共 12,34 个；58.95,55.19")) == ["12", "34", "58.95", "55.19"]


def test_numbers_glued_to_letters_or_points_are_not_figures() -> None:
    assert figures_of("commit 91faac5b，版本 1.2.3，5G 网络") == ()


def test_full_width_digits_and_signs_are_read() -> None:
    (figure,) = figures_of("占 ９８．０８％")
    assert (figure.value, figure.percent, figure.text) == (Decimal("98.08"), True, "９８．０８％")


@pytest.mark.parametrize(
    ("text", "percent"),
    [("19.69%", True), ("19.69 %", True), ("19.69％", True), ("19.69 万元", False)],
)
def test_percent_detection(text: str, percent: bool) -> None:
    (figure,) = figures_of(text)
    assert (figure.value, figure.percent) == (Decimal("19.69"), percent)


@pytest.mark.parametrize(
    "text",
    [
        "2024 年度",
        "2024年度",
        "2024年初",
        "与 2023 年相比",
        "2021-2025年",
        "12 月",
        "截至 2024 年 12 月 31 日",
        "12月31号",
        "1、一般公共服务支出",
        "主要原因：1.人员增加；2.公用经费",
        "1. 科学技术支出",
        "（1）其他",
        "(12) 其他",
        "3） 其他",
        "2010101 行政运行（项）",
        "201 一般公共服务支出（类）",
        "20101: 人大事务（款）",
        "行政运行（项）（2010101）",
        "=== page 3 ===",
        "  === page 12 ===  ",
    ],
)
def test_what_is_not_a_figure(text: str) -> None:
    assert figures_of(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工作 3 年", ["3"]),  # not four digits: a duration
        ("3 个月", ["3"]),
        ("13 月", ["13"]),  # no month 13
        ("31 日", ["31"]),  # a day only right after a month
        ("一般公共服务支出（类）603 万元", ["603"]),  # a unit follows: an amount
        ("603 万元 社会保障和就业支出（类）", ["603"]),
        ("共 2010 个（项）", ["2010"]),  # four digits: never a code
        ("全年 1500 人", ["1500"]),
        ("2024.", ["2024"]),  # four digits: never a list number
        ("共 1 辆。其他用车 1 辆", ["1", "1"]),
        ("单价 100 万元（含）以上设备 0 台（套）", ["100", "0"]),
        ("page 3 of 4", ["3", "4"]),  # only the whole marker line is left out
    ],
)
def test_what_stays_a_figure(text: str, expected: list[str]) -> None:
    assert texts(figures_of(text)) == expected


def test_page_markers_leave_the_line_numbers_alone() -> None:
    (figure,) = figures_of("=== page 1 ===\n\n收入 7.00 万元")
    assert (figure.line, figure.column) == (3, 4)


def test_the_published_sample_has_its_eight_figures() -> None:
    assert texts(figures_of(PUBLISHED)) == [
        "58.95",
        "55.19",
        "14.45",
        "19.69%",
        "57.82",
        "98.08%",
        "1.13",
        "1.92%",
    ]


def test_too_long_a_text_is_refused() -> None:
    with pytest.raises(CompareError, match="more than the 5,000,000"):
        figures_of("0" * (MAX_CHARS + 1))


# -- compare ---------------------------------------------------------------------------


def test_one_dropped_one_changed_one_inserted() -> None:
    comparison = compare(RENDERED, PUBLISHED)
    assert (comparison.matched, comparison.published, comparison.rendered) == (6, 8, 8)
    assert comparison.rate == Decimal("0.75")
    assert [(f.text, f.line, f.column) for f in comparison.missing] == [
        ("55.19", 3, 32),
        ("14.45", 4, 10),
    ]
    assert [(f.text, f.line) for f in comparison.extra] == [("3.76", 2), ("14.46", 3)]
    assert comparison.summary() == "figures in order: 6 of 8 (75.00%)"


def test_a_text_compared_with_itself_gives_every_figure() -> None:
    comparison = compare(PUBLISHED, PUBLISHED)
    assert (comparison.matched, comparison.rate, comparison.missing, comparison.extra) == (
        8,
        Decimal(1),
        (),
        (),
    )


def test_figures_out_of_order_count_once() -> None:
    comparison = compare("1.50 2.50 3.50", "3.50 1.50 2.50")
    assert (comparison.matched, texts(comparison.missing)) == (2, ["3.50"])


def test_equal_values_match_and_percents_do_not_match_amounts() -> None:
    assert compare("收入 6.20 万元，增长 100.00%", "收入 6.2万元，增长 100%").matched == 2
    assert compare("下降 13.95%", "下降 13.95").matched == 0


def test_the_rate_is_exact() -> None:
    comparison = Comparison(matched=147, published=150, rendered=150)
    assert comparison.rate == Decimal("0.98")
    assert comparison.summary() == "figures in order: 147 of 150 (98.00%)"


def test_the_shown_percent_is_cut_not_rounded() -> None:
    comparison = Comparison(matched=2, published=3, rendered=2)
    assert comparison.summary() == "figures in order: 2 of 3 (66.66%)"


@pytest.mark.parametrize(
    ("matched", "published", "at_least", "expected"),
    [
        (19, 20, "0.95", True),  # exactly 95 %
        (18, 19, "0.95", False),  # 94.7 %
        (37, 38, "0.973684210526315790", False),  # just above 37/38
        (37, 38, "0.973684210526315789", True),  # just below it
        (0, 0, "1", True),
    ],
)
def test_meets_decides_exactly(matched: int, published: int, at_least: str, expected: bool) -> None:
    comparison = Comparison(matched=matched, published=published, rendered=matched)
    assert comparison.meets(Decimal(at_least)) is expected


def test_meets_refuses_a_float() -> None:
    with pytest.raises(FloatRefusedError):
        Comparison(matched=1, published=1, rendered=1).meets(0.95)  # type: ignore[arg-type]


def test_no_published_figures_is_a_rate_of_one() -> None:
    comparison = compare("收入 1.00 万元", "无数据")
    assert (comparison.rate, comparison.summary()) == (
        Decimal(1),
        "figures in order: 0 of 0 (100.00%)",
    )


def test_too_many_figures_are_refused() -> None:
    many = [Figure(Decimal(0), "0", percent=False, line=1, column=1)] * (MAX_FIGURES + 1)
    with pytest.raises(CompareError, match="published text has 20,001 figures"):
        align([], many)


def lcs_length(a: list[int], b: list[int]) -> int:
    """The textbook dynamic programme: the oracle for :func:`align`."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def as_figures(values: list[int]) -> list[Figure]:
    """Figures of these values, each told apart by its column."""
    return [
        Figure(Decimal(v), str(v), percent=False, line=1, column=i + 1)
        for i, v in enumerate(values)
    ]


@given(
    st.lists(st.integers(0, 3), max_size=30),
    st.lists(st.integers(0, 3), max_size=30),
)
def test_align_finds_a_longest_common_subsequence(
    rendered: list[int], published: list[int]
) -> None:
    comparison = align(as_figures(rendered), as_figures(published))
    assert comparison.matched == lcs_length(rendered, published)
    assert comparison.matched + len(comparison.missing) == comparison.published == len(published)
    assert comparison.matched + len(comparison.extra) == comparison.rendered == len(rendered)
    missing, extra = list(comparison.missing), list(comparison.extra)
    kept_published = [f.value for f in as_figures(published) if not _take(missing, f)]
    kept_rendered = [f.value for f in as_figures(rendered) if not _take(extra, f)]
    assert kept_published == kept_rendered  # what is matched is common, in order


def _take(pending: list[Figure], figure: Figure) -> bool:
    """Whether ``figure`` is the next of ``pending`` (in its text's order); if so, drop it."""
    if pending and pending[0] == figure:
        pending.pop(0)
        return True
    return False


# -- parts between headings ------------------------------------------------------------

REPORT = """\
目 录
第二部分 情况说明
第三部分 名词解释
=== page 2 ===
第二部分 部门决算
情况说明
收入 58.95 万元。
第三部分 名词解释
财政拨款收入 1 项。
"""


def test_between_skips_the_table_of_contents_and_joins_a_wrapped_heading() -> None:
    assert between(REPORT, "第二部分 部门决算情况说明", "第三部分") == (
        "第二部分 部门决算\n情况说明\n收入 58.95 万元。\n"
    )
    assert between(REPORT, "第二部分", "第三部分") == between(
        REPORT, "第二部分部门决算", "第三部分"
    )


def test_between_to_the_end_or_from_the_beginning() -> None:
    assert between(REPORT, "第三部分") == "第三部分 名词解释\n财政拨款收入 1 项。\n"
    assert between(REPORT, None, "第二部分") == "目 录\n"


def test_between_reads_full_width_brackets_as_ascii() -> None:
    text = "（一）总体情况\n收入 1.00\n(二)结构\n"
    assert between(text, "(一)总体情况", "（二）结构") == "（一）总体情况\n收入 1.00\n"


def test_a_heading_must_begin_a_line() -> None:
    with pytest.raises(CompareError, match="'名词解释'"):
        between("详见名词解释\n", "名词解释")


def test_a_missing_start_heading_is_named() -> None:
    with pytest.raises(CompareError, match="no line begins with the heading '第四部分'"):
        between(REPORT, "第四部分", None)


def test_a_missing_end_heading_is_named_with_its_start() -> None:
    with pytest.raises(
        CompareError,
        match="no line after the heading '第三部分' begins with the heading '第二部分'",
    ):
        between(REPORT, "第三部分", "第二部分")


def test_blank_and_overlong_headings_are_refused() -> None:
    with pytest.raises(CompareError, match="blank"):
        between(REPORT, " \n")
    with pytest.raises(CompareError, match="longer than 100"):
        between(REPORT, "第" * 101)


def test_errors_are_govfinal_errors() -> None:
    assert issubclass(CompareError, GovFinalError)
    assert issubclass(CompareError, ValueError)


def test_figures_between_keep_their_lines_in_the_whole_text() -> None:
    assert [(f.text, f.line) for f in figures_between(REPORT, "第二部分", "第三部分")] == [
        ("58.95", 7)
    ]
    assert [(f.text, f.line) for f in figures_between(REPORT, "第三部分")] == [("1", 9)]


def test_compare_a_part_names_the_text_that_lacks_a_heading() -> None:
    assert compare(RENDERED, PUBLISHED, start="一、收入支出决算总体情况说明").matched == 6
    with pytest.raises(CompareError, match=r"^rendered text: .*'二、收入决算情况说明'"):
        compare(RENDERED, PUBLISHED + "二、收入决算情况说明\n", start="二、收入决算情况说明")
    with pytest.raises(CompareError, match=r"^published text: .*'第四部分'"):
        compare(RENDERED + "第四部分\n", PUBLISHED, start="一、", end="第四部分")


# -- the seed --------------------------------------------------------------------------


def test_the_seed_compared_with_itself() -> None:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is not here (the shared material is optional)")
    text = SEED.read_text(encoding="utf-8")
    comparison = compare(text, text)
    assert comparison.published > 0
    assert (comparison.matched, comparison.rate) == (comparison.published, Decimal(1))


# -- the command -----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run ``govfinal`` in-process; the exit status, standard output and standard error."""
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    rendered, published = tmp_path / "rendered.txt", tmp_path / "published.txt"
    rendered.write_text(RENDERED, encoding="utf-8")
    published.write_text(PUBLISHED, encoding="utf-8")
    return rendered, published


def test_cli_below_the_default_rate_exits_1(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    assert run(capsys, "compare", *files) == (1, "figures in order: 6 of 8 (75.00%)\n", "")


@pytest.mark.parametrize(("at_least", "code"), [("0.75", 0), ("0.76", 1), ("0", 0)])
def test_cli_at_least(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], at_least: str, code: int
) -> None:
    assert run(capsys, "compare", *files, "--at-least", at_least)[0] == code


def test_cli_the_same_text_exits_0(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    published = files[1]
    code, out, _ = run(capsys, "compare", published, published)
    assert (code, out) == (0, "figures in order: 8 of 8 (100.00%)\n")


def test_cli_show_missing(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    code, out, _ = run(capsys, "compare", *files, "--show-missing")
    published = files[1]
    assert code == 1
    assert out.splitlines() == [
        f"{published}:3:32: missing 55.19",
        f"{published}:4:10: missing 14.45",
        "figures in order: 6 of 8 (75.00%)",
    ]


def test_cli_from_and_to(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    # from: rendered 14.46 19.69% 57.82 98.08% 1.13 1.92%, published the same with 14.45
    code, out, _ = run(capsys, "compare", *files, "--from", "与上年相比")
    assert (code, out) == (1, "figures in order: 5 of 6 (83.33%)\n")
    # to: rendered 58.95 3.76, published 58.95 55.19
    code, out, _ = run(capsys, "compare", *files, "--to", "与上年相比", "--at-least", "0.5")
    assert (code, out) == (0, "figures in order: 1 of 2 (50.00%)\n")


def test_cli_reads_standard_input(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(PUBLISHED))
    assert run(capsys, "compare", "-", files[1])[:2] == (0, "figures in order: 8 of 8 (100.00%)\n")


def test_cli_a_missing_file_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    gone = tmp_path / "gone.txt"
    code, out, err = run(capsys, "compare", gone, files[1])
    assert (code, out) == (2, "")
    assert err == f"govfinal: {gone}: cannot read the file: No such file or directory\n"


def test_cli_a_directory_or_bad_bytes_exit_2(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "compare", files[0], tmp_path)
    assert code == 2
    assert err.startswith(f"govfinal: {tmp_path}: cannot read the file: ")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("收入".encode("gb18030"))
    code, _, err = run(capsys, "compare", latin, files[1])
    assert (code, err) == (2, f"govfinal: {latin}: not UTF-8 text (byte 0 cannot be read)\n")
    assert "Traceback" not in err


def test_cli_a_heading_not_found_exits_2_naming_the_file(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    code, out, err = run(capsys, "compare", *files, "--to", "第四部分")
    assert (code, out) == (2, "")
    assert err == f"govfinal: {files[0]}: no line begins with the heading '第四部分'\n"


def test_cli_too_long_a_file_exits_2(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_text("0" * (MAX_CHARS + 1), encoding="utf-8")
    code, _, err = run(capsys, "compare", files[0], big)
    assert (code, err) == (2, f"govfinal: {big}: longer than the 5,000,000 characters compared\n")


@pytest.mark.parametrize("at_least", ["1.5", "-0.1", "lots", "NaN"])
def test_cli_a_bad_rate_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], at_least: str
) -> None:
    code, _, err = run(capsys, "compare", *files, "--at-least", at_least)
    assert code == 2
    assert "--at-least" in err


def test_cli_both_texts_from_standard_input_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "compare", "-", "-")
    assert (code, err) == (
        2,
        "govfinal: only one of the two texts can be read from standard input ('-')\n",
    )
