"""govfinal in Python sessions and notebooks: short reprs, ``_repr_html_`` and ``to_pandas()``.

Expected values come from the data file ``examples/data/putuo_caizhengju_2024.toml``
(上海市普陀区财政局 2024: 19 ``[[functions.lines]]``, 155 ``[[statements]]``,
本年收入合计 2946.25, 本年支出合计 2940.05, 收入总计 and 支出总计 2995.39), from the
published tables (``examples/published/sh_putuo_caizhengju_2024.tables.json``) and
from the findings the documentation shows (docs/statements.md, docs/ingest.md),
never from the code's output.
"""

from __future__ import annotations

import html
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import govfinal
from govfinal import BudgetUnit, FinalAccount, Finding, Findings, Severity
from govfinal.errors import GovFinalError
from govfinal.frames import MissingExtraError
from govfinal.render.document import Table, TableRow
from govfinal.render.tables import build_tables

ROOT = Path(__file__).resolve().parent.parent
PUTUO = ROOT / "examples" / "data" / "putuo_caizhengju_2024.toml"
EVIL = '<script>alert("x")</script>&'


@pytest.fixture(scope="module")
def report() -> FinalAccount:
    return govfinal.io.load(PUTUO)


@pytest.fixture(scope="module")
def findings(report: FinalAccount) -> Findings:
    return govfinal.check(report)


def hostile_findings() -> Findings:
    return Findings(
        (
            Finding(
                code="T101",
                severity=Severity.ERROR,
                path=f"functions[{EVIL}]",
                message_zh=f"名称 {EVIL}",
                message_en="name",
                expected=Decimal("10.00"),
                actual=Decimal("10.01"),
                difference=Decimal("0.01"),
                tolerance=Decimal("0"),
            ),
            Finding("R707", Severity.WARNING, "three_public.reception.budget.reason", "无", "none"),
        )
    )


# -- 1. short reprs ---------------------------------------------------------------------


def test_report_repr_is_one_short_line(report: FinalAccount) -> None:
    assert repr(report) == (
        "FinalAccount(unit='上海市普陀区财政局', fiscal_year=2024, "
        "functions=19 lines, statements=155)"
    )
    # the parts keep their full reprs
    assert repr(report.unit).startswith("BudgetUnit(name='上海市普陀区财政局', fiscal_year=2024")


def test_findings_repr_counts_and_str_lists(findings: Findings) -> None:
    # docs/statements.md: "the 财政局 report has three errors"
    assert repr(findings).startswith("Findings(3 errors, ")
    assert repr(hostile_findings()) == "Findings(1 error, 1 warning, 0 infos)"
    assert repr(Findings()) == "Findings(0 errors, 0 warnings, 0 infos)"
    lines = str(findings).splitlines()
    assert len(lines) == 1 + len(findings)
    # docs/statements.md shows the T110 finding's message
    assert (
        "  T110 error expenditure.classes[208].amount: 总表 社会保障和就业支出（208） 326.71 ≠ "
        "社会保障和就业支出（208）本年支出合计 326.72（差 -0.01，容差 0.010）"
    ) in lines


# -- 2. _repr_html_ ---------------------------------------------------------------------


def test_report_html_summary(report: FinalAccount) -> None:
    page = report._repr_html_()
    assert page.startswith("<table") and page.endswith("</table>")
    for text in ("上海市普陀区财政局", "2024", "2946.25", "2940.05", "2995.39", ">19<", ">155<"):
        assert text in page
    evil = FinalAccount(unit=BudgetUnit(name=EVIL, fiscal_year=2023))
    assert "<script>" not in evil._repr_html_()
    assert html.escape(EVIL) in evil._repr_html_()


def test_findings_html_table(findings: Findings) -> None:
    page = findings._repr_html_()
    assert page.count("<tr>") == 1 + len(findings)  # the header and one row per finding
    assert "<th>code</th><th>severity</th><th>address</th><th>message</th>" in page
    assert "<td>N903</td><td>error</td><td>fiscal.income_grand_total</td>" in page
    hostile = hostile_findings()._repr_html_()
    assert "<script>" not in hostile
    assert html.escape(f"functions[{EVIL}]") in hostile


def test_table_html_is_the_html_renderer(report: FinalAccount) -> None:
    table = build_tables(report)[0]
    page = table._repr_html_()
    assert "<caption>收入支出决算总表" in page
    assert '<td class="num">2,940.05</td>' in page  # 表一: 一般公共预算财政拨款收入
    evil = Table(EVIL, ["a"], [TableRow([EVIL])])._repr_html_()
    assert "<script>" not in evil
    assert html.escape(EVIL) in evil


# -- 3. to_pandas -----------------------------------------------------------------------


def test_findings_to_pandas_keeps_decimals_and_codes(findings: Findings) -> None:
    pytest.importorskip("pandas")
    frame = findings.to_pandas()
    assert list(frame.columns) == [
        "code",
        "severity",
        "address",
        "message",
        "message_en",
        "expected",
        "actual",
        "difference",
        "tolerance",
    ]
    assert len(frame) == len(findings)
    assert all(str(dtype) == "object" for dtype in frame.dtypes)
    t110 = frame[frame["code"] == "T110"].iloc[0]
    assert t110["severity"] == "error"
    assert t110["address"] == "expenditure.classes[208].amount"
    # docs/statements.md: 326.71 ≠ 326.72（差 -0.01，容差 0.010）
    figures = {name: t110[name] for name in ("expected", "actual", "difference", "tolerance")}
    assert all(type(value) is Decimal for value in figures.values())
    assert figures == {
        "expected": Decimal("326.72"),
        "actual": Decimal("326.71"),
        "difference": Decimal("-0.01"),
        "tolerance": Decimal("0.010"),
    }
    assert all(type(code) is str for code in frame["code"])
    assert Findings().to_pandas().shape == (0, 9)


def test_table_to_pandas_keeps_decimals_and_codes(report: FinalAccount) -> None:
    pytest.importorskip("pandas")
    tables = {table.key: table for table in build_tables(report)}
    summary = tables["income_expenditure"].to_pandas()
    # 表一 prints 决算数 twice: the second is 决算数.1, as pandas names repeats
    assert list(summary.columns) == ["收入项目", "决算数", "支出项目", "决算数.1", "emphasis"]
    first = summary.iloc[0]
    assert first["收入项目"] == "一、一般公共预算财政拨款收入"
    assert first["决算数"] == Decimal("2940.05") and type(first["决算数"]) is Decimal
    assert first["决算数.1"] == Decimal("2106.66")
    assert summary.iloc[1]["决算数"] is None  # 政府性基金预算财政拨款收入: blank

    expenditure = tables["expenditure"].to_pandas()
    assert all(str(dtype) == "object" for dtype in expenditure.dtypes)
    assert all(type(code) is str for code in expenditure["科目编码"].dropna())
    social = expenditure[expenditure["科目编码"] == "208"].iloc[0]  # 表三, 208
    assert social["科目名称"] == "社会保障和就业支出"
    assert social["本年支出合计"] == Decimal("326.72")
    assert social["基本支出"] == Decimal("326.72")
    assert social["项目支出"] is None
    total = expenditure.iloc[0]
    assert (total["科目名称"], total["emphasis"]) == ("合计", "total")
    assert total["本年支出合计"] == Decimal("2940.05")

    basic = tables["general_budget_basic"].to_pandas()  # 表六: 301 工资福利支出 2,082.85
    assert basic.iloc[0]["科目编码"] == "301"
    assert basic.iloc[0]["决算数"] == Decimal("2082.85")


def test_table_to_pandas_prefers_raw_values() -> None:
    pytest.importorskip("pandas")
    raw = Decimal("1234.5678")
    table = Table(
        "表", ["科目编码", "金额"], [TableRow(["2010101", "1,234.57"], values=[None, raw])]
    )
    assert repr(table.rows[0]) == "TableRow(cells=('2010101', '1,234.57'), emphasis='')"
    row = table.to_pandas().iloc[0]
    assert row["科目编码"] == "2010101"
    assert row["金额"] == raw


def test_to_pandas_without_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, findings: Findings
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    for call in (findings.to_pandas, Table("表", ["a"]).to_pandas):
        with pytest.raises(GovFinalError, match=r"govfinal\[pandas\]") as caught:
            call()
        assert isinstance(caught.value, MissingExtraError)
        assert isinstance(caught.value, ImportError)
