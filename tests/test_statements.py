"""Statements: the model, the data format, and statements derived from the facts.

The properties: the statements derived from a consistent generated report
check clean; moving one derived statement's figure beyond its rounding
interval gives exactly one finding, about that statement's address and
carrying its position; every derived statement's addresses resolve; and a
report with statements survives dump → load.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import govfinal
from govfinal import (
    Against,
    AmountStatement,
    BudgetBasis,
    BudgetStatement,
    ChangeStatement,
    DateStatement,
    DirectionStatement,
    FinalAccount,
    GrowthStatement,
    LoadError,
    Measure,
    Place,
    Presence,
    ShareStatement,
    StandardTable,
    Statement,
    TableStatement,
    YearStatement,
    derive_statements,
)
from govfinal.checks.figures import Site
from govfinal.derive import section_of
from govfinal.errors import AddressError, GovFinalError
from govfinal.io import FORMAT_VERSION
from govfinal.model.statements import named_addresses
from tests.strategies import complete_final_accounts

D = Decimal
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"
SEED = govfinal.load(EXAMPLES / "kexie_2023.toml")


def _statement_findings(report: FinalAccount) -> list[govfinal.Finding]:
    return [f for f in govfinal.check(report) if f.code.startswith("N")]


def _addresses(statement: Statement) -> list[str]:
    return list(named_addresses(statement))


# -- the model ----------------------------------------------------------------------------


def test_a_statement_names_well_formed_addresses_only() -> None:
    with pytest.raises(AddressError, match="expected a key"):
        AmountStatement("functions[201", "1.00")
    with pytest.raises(GovFinalError, match="not a direction word"):
        DirectionStatement("income.grand_total", Against.PRIOR_YEAR, "变多")


def test_a_statement_refuses_a_float() -> None:
    with pytest.raises(govfinal.FloatRefusedError):
        ShareStatement("income.sources.fiscal", "income.sources.total", 99.79)  # type: ignore[arg-type]


def test_a_direction_word_says_its_trend() -> None:
    words = {"增加": "up", "小于": "down", "持平": "level", "基本持平": "about level"}
    for word, trend in words.items():
        statement = DirectionStatement("income.grand_total", Against.PRIOR_YEAR, word)
        assert statement.trend.value == trend


def test_against_names_its_budget_basis() -> None:
    assert Against.INITIAL_BUDGET.basis is BudgetBasis.INITIAL
    assert Against.FULL_YEAR_BUDGET.basis is BudgetBasis.FULL_YEAR
    assert Against.PRIOR_YEAR.basis is None


def test_a_place_reads_as_it_is_cited() -> None:
    assert str(Place(section="五（二）", sentence=1, page=21)) == "p.21 五（二） 第1句"
    assert str(Place()) == ""


# -- the data format ---------------------------------------------------------------------

STATEMENTS = (
    AmountStatement("income.grand_total", "58.95", place=Place(section="一", sentence=1)),
    ShareStatement(
        "income.sources.general_budget",
        "income.sources.total",
        "100.00",
        text="一般公共预算财政拨款收入 55.19 万元，占 100.00%",
    ),
    BudgetStatement(
        "fiscal.general_budget.expenditure",
        "fiscal.general_budget.budget.budget",
        BudgetBasis.INITIAL,
        Measure.EXECUTION,
        "60.82",
    ),
    YearStatement(2023),
    DateStatement("assets", datetime.date(2023, 12, 31)),
    TableStatement(
        StandardTable.GOVERNMENT_FUND,
        Presence.EMPTY,
        place=Place(section="八", sentence=1),
        text="政府性基金预算财政拨款收入支出决算表为空表",
    ),
)


@pytest.mark.parametrize("format", ["toml", "json"])
def test_statements_survive_dump_and_load(format: str) -> None:
    report = attrs.evolve(SEED, statements=STATEMENTS)
    text = govfinal.dumps(report, format=format)  # type: ignore[arg-type]
    assert govfinal.loads(text, format=format) == report  # type: ignore[arg-type]


def test_the_toml_of_a_statement_is_written_as_a_person_writes_it() -> None:
    text = govfinal.dumps(attrs.evolve(SEED, statements=STATEMENTS[:1]))
    assert text.startswith(f"format_version = {FORMAT_VERSION}\n")
    assert (
        '[[statements]]\nkind = "amount"\nabout = "income.grand_total"\nvalue = 58.95\n'
        'place = { section = "一", sentence = 1 }\n'
    ) in text


def test_a_table_statement_is_written_by_the_table_s_title() -> None:
    report = attrs.evolve(SEED, statements=STATEMENTS[-1:])
    assert (
        '[[statements]]\nkind = "table"\ntable = "政府性基金预算财政拨款收入支出决算表"\n'
        'presence = "空表"\nplace = { section = "八", sentence = 1 }\n'
    ) in govfinal.dumps(report)
    json_text = govfinal.dumps(report, format="json")
    assert '"table": "政府性基金预算财政拨款收入支出决算表"' in json_text
    assert '"presence": "空表"' in json_text


def test_a_table_statement_names_its_table_s_parts() -> None:
    assert _addresses(TableStatement(StandardTable.THREE_PUBLIC, Presence.EMPTY)) == [
        "three_public"
    ]
    # A table with a row on each function line names the lines too.
    assert _addresses(TableStatement(StandardTable.GOVERNMENT_FUND, Presence.EMPTY)) == [
        "fiscal.government_fund",
        "functions",
    ]


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('presence = "空表"', 'presence = "无"', "statements[0].presence: str '无' is not one of"),
        ('presence = "空表"', 'presence = "无"', "公开、空表、未公开"),
        (
            'table = "政府性基金预算财政拨款收入支出决算表"',
            'table = "基金表"',
            "statements[0].table: str '基金表' is not one of: 收入支出决算总表、收入决算表",
        ),
        ('presence = "空表"\n', "", "statements[0].presence"),
    ],
)
def test_a_bad_table_statement_is_a_load_error_at_its_place(
    old: str, new: str, fragment: str
) -> None:
    text = govfinal.dumps(attrs.evolve(SEED, statements=STATEMENTS[-1:]))
    assert old in text
    with pytest.raises(LoadError) as caught:
        govfinal.loads(text.replace(old, new, 1), format="toml")
    assert fragment in str(caught.value)


def test_the_standard_tables_are_the_rendered_tables() -> None:
    from govfinal.render.tables import TABLE_KEYS, build_tables

    assert [table.key for table in StandardTable] == list(TABLE_KEYS)
    assert [table.title for table in build_tables(SEED)] == [t.value for t in StandardTable]
    assert StandardTable.by_key("state_capital") is StandardTable.STATE_CAPITAL
    with pytest.raises(KeyError):
        StandardTable.by_key("funds")


def test_the_standard_tables_name_fields_of_the_model() -> None:
    line_fields = {field.name for field in attrs.fields(govfinal.FunctionLine)}
    fund_fields = {field.name for field in attrs.fields(govfinal.FundAmounts)}
    for table in StandardTable:
        assert set(table.rows) <= line_fields
        assert set(table.columns) <= fund_fields
        for root in table.roots:
            assert attrs.has(type(govfinal.resolve(SEED, root))), root
    assert [t for t in StandardTable if t.prints_budgets] == [StandardTable.THREE_PUBLIC]


def test_the_schema_holds_the_table_statement() -> None:
    from govfinal.io.schema import json_schema

    schema = json_schema()
    definition = schema["$defs"]["TableStatement"]
    assert definition["required"] == ["kind", "table", "presence"]
    assert definition["properties"]["kind"]["const"] == "table"
    assert definition["properties"]["table"]["enum"] == [
        "收入支出决算总表",
        "收入决算表",
        "支出决算表",
        "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表",
        "财政拨款“三公”经费支出决算表",
        "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
    ]
    assert definition["properties"]["presence"]["enum"] == ["公开", "空表", "未公开"]
    kinds = schema["$defs"]["FinalAccount"]["properties"]["statements"]["items"]["oneOf"]
    assert {"$ref": "#/$defs/TableStatement"} in kinds


def test_a_date_is_a_toml_date_and_iso_text_in_json() -> None:
    report = attrs.evolve(SEED, statements=(DateStatement("assets", datetime.date(2023, 12, 31)),))
    assert "value = 2023-12-31\n" in govfinal.dumps(report)
    assert '"value": "2023-12-31"' in govfinal.dumps(report, format="json")


_BASE = govfinal.dumps(attrs.evolve(SEED, statements=STATEMENTS[:1]))


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            'kind = "amount"',
            'kind = "amont"',
            "'amont' is not a statement kind (did you mean 'amount'?)",
        ),
        ('kind = "amount"\n', "", "statements[0]: kind: a statement has no kind"),
        (
            'about = "income.grand_total"',
            'about = "income[x"',
            "statements[0].about: address 'income[x'",
        ),
        ("value = 58.95", "value = 58.95\nvalu = 1", "statements[0].valu: unknown key 'valu'"),
        ("value = 58.95", 'value = "很多"', "statements[0].value"),
        (f"format_version = {FORMAT_VERSION}", "format_version = 99", "version 99 is newer"),
        (
            f"format_version = {FORMAT_VERSION}",
            'format_version = "2"',
            f"expected a whole number from 1 to {FORMAT_VERSION}",
        ),
    ],
)
def test_a_bad_statement_is_a_load_error_at_its_place(old: str, new: str, fragment: str) -> None:
    assert old in _BASE
    with pytest.raises(LoadError) as caught:
        govfinal.loads(_BASE.replace(old, new, 1), format="toml")
    assert fragment in str(caught.value)


def test_a_hostile_kind_is_neither_matched_nor_printed_in_full() -> None:
    text = _BASE.replace('kind = "amount"', f'kind = "{"x" * 100_000}"', 1)
    with pytest.raises(LoadError) as caught:
        govfinal.loads(text, format="toml")
    assert len(str(caught.value)) < 1000


def test_a_document_without_a_version_is_read_as_version_1() -> None:
    text = govfinal.dumps(SEED).split("\n", 1)[1]
    assert "format_version" not in text
    assert govfinal.loads(text, format="toml") == SEED


# -- derived statements ----------------------------------------------------------------------


def test_the_seed_s_derived_shares_are_the_published_ones() -> None:
    """The seed states 基本支出 57.82 万元，占 98.08%；项目支出 1.13 万元，占 1.92% (of 58.95)."""
    stated = {
        (s.about, s.of): s.value for s in derive_statements(SEED) if isinstance(s, ShareStatement)
    }
    assert stated["expenditure.nature.basic", "expenditure.nature.total"] == D("98.08")
    assert stated["expenditure.nature.project", "expenditure.nature.total"] == D("1.92")
    assert stated["income.sources.fiscal", "income.sources.total"] == D("100.00")


def test_the_seed_s_derived_growth_is_the_published_one() -> None:
    """收入支出总体与上年相比，减少 14.45 万元，下降 19.69% (of 58.95; prior 73.40)."""
    growth = next(
        s
        for s in derive_statements(SEED)
        if isinstance(s, GrowthStatement) and s.about == "income.grand_total"
    )
    assert growth.value == D("-19.69")


@pytest.mark.parametrize(
    "name", ["kexie_2023", "putuo_caizhengju_2024", "putuo_guihuaziranziyuan_2024"]
)
def test_statements_derived_from_an_example_check_clean(name: str) -> None:
    report = govfinal.load(EXAMPLES / f"{name}.toml")
    derived = attrs.evolve(report, statements=derive_statements(report))
    assert _statement_findings(derived) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_final_accounts())
def test_statements_derived_from_a_consistent_report_check_clean(report: FinalAccount) -> None:
    statements = derive_statements(report)
    for statement in statements:
        for address in _addresses(statement):
            govfinal.resolve(report, address)  # every address resolves
    assert _statement_findings(attrs.evolve(report, statements=statements)) == []


_MOVABLE = (AmountStatement, ShareStatement, GrowthStatement, BudgetStatement)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_final_accounts(), st.data())
def test_moving_one_stated_figure_beyond_its_interval_gives_one_finding(
    report: FinalAccount, data: st.DataObject
) -> None:
    statements = derive_statements(report)
    movable = [
        index
        for index, statement in enumerate(statements)
        if isinstance(statement, _MOVABLE) and _wide_operands(report, statement, statements)
    ]
    assume(movable)
    index = data.draw(st.sampled_from(movable))
    moved = statements[index]
    assert isinstance(moved, _MOVABLE)
    # Beyond every interval here: an amount's interval is at most 0.005 × 60 wide, and
    # a rate r of operands of at least 100.00, each within 0.3 of its value, lies
    # within (|r| + 100) × 0.006 of r (each operand moves it by at most 0.3 %).
    shift = D("1.00") if isinstance(moved, AmountStatement) else _rate_shift(moved.value)
    value = moved.value + shift
    shifted = (*statements[:index], attrs.evolve(moved, value=value), *statements[index + 1 :])
    findings = _statement_findings(attrs.evolve(report, statements=shifted))
    assert [(f.path, f.statement) for f in findings] == [(moved.about, index)]


def _rate_shift(rate: Decimal) -> Decimal:
    """1 percentage point more than the widest interval of a rate ``rate`` here."""
    return (1 + (abs(rate) + 100) / 100).quantize(D("0.01"))


def _wide_operands(
    report: FinalAccount, statement: Statement, statements: tuple[Statement, ...]
) -> bool:
    """Whether every figure the statement's value depends on is at least 100.00.

    Its rates are then narrow. A growth rate without a prior-year figure also
    depends on the prior amount its change implies (this year's less the change).
    """
    values = [govfinal.resolve(report, address) for address in _addresses(statement)]
    if isinstance(statement, GrowthStatement) and statement.prior is None:
        change = next(
            s.value
            for s in statements
            if isinstance(s, ChangeStatement) and s.about == statement.about
        )
        values.append(values[0] - change)
    return all(isinstance(v, Decimal) and abs(v) >= 100 for v in values)


@pytest.mark.parametrize(
    ("prefix", "section"),
    [
        ("income", "一"),
        ("fiscal", "四"),
        ("fiscal.general_budget", "五（一）"),
        ("fiscal.government_fund", "八"),
        ("fiscal.state_capital", "九"),
        ("functions[2080505].general_budget", "五（三）"),
        ("functions[2120801].government_fund", "八"),
        ("functions[2230105].state_capital", "九"),
        ("three_public.total", "七"),
    ],
)
def test_a_derived_comparison_is_placed_in_its_fund_s_section(prefix: str, section: str) -> None:
    # The template's 情况说明 numbering: 四 fiscal totals, 五 一般公共预算,
    # 七 “三公”, 八 政府性基金, 九 国有资本经营.
    site = Site(prefix=prefix, label_zh="", label_en="", current=None, prior=None, budget=None)
    assert section_of(site) == section
