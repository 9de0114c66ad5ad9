"""Addresses (:mod:`govfinal.address`): the grammar, following an address, every figure.

* Any key written by ``key_text`` reads back (``keyed`` → ``parse``), and so
  do whole addresses; whatever text ``parse`` or ``resolve`` is given, it
  succeeds or raises ``AddressError`` naming the address, never anything else.
* ``resolve`` of real figures of ``examples/data/kexie_2023.toml`` gives what
  the file says (read by hand, not from the code), derived figures give the
  model's value, and a misspelt address is refused with a clear message.
* Every figure ``addresses`` yields resolves to its value, over the example
  and generated reports; the addresses and values survive dump → load and a
  reordering of the keyed tables.
* The model refuses two items with one key, so an address names one figure.
"""

from __future__ import annotations

import inspect
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govfinal
import govfinal.model
from govfinal import (
    AddressError,
    Assets,
    BasicExpenditureDetail,
    BudgetBasis,
    ClassTotal,
    Comparator,
    EconomicLine,
    EvaluationKind,
    Expenditure,
    FigureAt,
    FinalAccount,
    FunctionLine,
    FunctionTree,
    Funding,
    FundingRow,
    GovFinalError,
    GradeCount,
    Indicator,
    PerformanceSummary,
    SelfEvaluation,
    VehicleHolding,
    VehicleUse,
    addresses,
    resolve,
)
from govfinal.address import _FIGURE_CONVERTERS, KEYS, Step, join, key_text, keyed, parse
from govfinal.terms import TERMS
from tests.strategies import (
    any_amounts,
    arbitrary_final_accounts,
    class_codes,
    complete_final_accounts,
    final_accounts,
    maybe_amounts,
    maybe_non_negative_amounts,
    non_negative_amounts,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "kexie_2023.toml"
REPORT = govfinal.load(EXAMPLE)
FIGURES = tuple(addresses(REPORT))

D = Decimal


def figure_set(report: FinalAccount) -> set[tuple[str, str]]:
    """The (address, value as written) pairs of a report: digits count, order does not."""
    return {(figure.address, str(figure.value)) for figure in addresses(report)}


# -- generated reports with every keyed table filled, keys of any text ----------------

KEY_TEXTS = st.text(max_size=8) | st.sampled_from(["a]b", '"', "\\", " x", "x ", "满意度[注1]", ""])


def _indicators() -> st.SearchStrategy[list[Indicator]]:
    indicator = st.builds(
        Indicator,
        level1=st.just("产出指标"),
        level2=st.just("数量指标"),
        name=KEY_TEXTS,
        comparator=st.sampled_from(Comparator),
        target=maybe_amounts(),
        actual=maybe_amounts(),
        weight=non_negative_amounts(),
        score=maybe_non_negative_amounts(),
    )
    return st.lists(indicator, max_size=4, unique_by=lambda item: item.name)


def _rows() -> st.SearchStrategy[FundingRow]:
    return st.builds(
        FundingRow,
        label=KEY_TEXTS,
        initial_budget=maybe_non_negative_amounts(),
        full_year_budget=maybe_non_negative_amounts(),
        executed=maybe_non_negative_amounts(),
    )


def _evaluations() -> st.SearchStrategy[list[SelfEvaluation]]:
    funding = st.builds(
        Funding,
        total=_rows(),
        sources=st.lists(_rows(), max_size=3, unique_by=lambda row: row.label),
        stated_execution_rate=st.none() | non_negative_amounts(),
    )
    evaluation = st.builds(
        SelfEvaluation,
        kind=st.sampled_from(EvaluationKind),
        name=KEY_TEXTS,
        funding=funding,
        indicators=_indicators(),
        stated_total_score=maybe_non_negative_amounts(),
        year=st.none() | st.integers(2000, 2030),
    )
    return st.lists(evaluation, max_size=3, unique_by=lambda item: item.name)


@st.composite
def keyed_reports(
    draw: st.DrawFn, reports: st.SearchStrategy[FinalAccount] | None = None
) -> FinalAccount:
    """A generated report with 总表 classes, vehicles and self-evaluations added.

    The keys (indicator, evaluation and funding names) are any text, brackets,
    quotes and control characters included, so that quoted keys are exercised.
    """
    report = draw(final_accounts() if reports is None else reports)
    classes = st.lists(
        st.builds(ClassTotal, code=class_codes(), amount=any_amounts()),
        max_size=3,
        unique_by=lambda line: line.code,
    )
    vehicles = st.lists(
        st.builds(VehicleHolding, use=st.sampled_from(VehicleUse), count=st.integers(0, 9)),
        max_size=3,
        unique_by=lambda holding: holding.use,
    )
    return attrs.evolve(
        report,
        expenditure=attrs.evolve(report.expenditure, classes=draw(classes)),
        assets=attrs.evolve(report.assets, vehicles=draw(vehicles)),
        performance=attrs.evolve(report.performance, evaluations=draw(_evaluations())),
    )


# -- the grammar ------------------------------------------------------------------------

NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
STEPS = st.lists(st.builds(Step, NAMES, st.none() | KEY_TEXTS), min_size=1, max_size=5)


@given(key=st.text())
@example(key="")
@example(key="a]b")
@example(key=' "quoted" ')
@example(key="\x00\n\x7f")
@example(key="\\")
def test_any_key_reads_back(key: str) -> None:
    assert parse(keyed("indicators", key)) == (Step("indicators", key),)
    assert parse(keyed("performance.evaluations", key))[-1] == Step("evaluations", key)


@given(steps=STEPS)
def test_any_address_reads_back(steps: list[Step]) -> None:
    address = join(*map(str, steps))
    assert parse(address) == tuple(steps)


@pytest.mark.parametrize(
    "key", ["2060101", "科普工作人员补助", "县（市、区）安排", "其中：当年财政拨款"]
)
def test_codes_and_names_are_written_bare(key: str) -> None:
    assert key_text(key) == key
    assert keyed("x", key) == f"x[{key}]"


@pytest.mark.parametrize(
    ("key", "written"),
    [
        ("满意度[注1]", '"满意度[注1]"'),
        ('说"明"', '"说\\"明\\""'),
        ("a\\b", '"a\\\\b"'),
        ("", '""'),
        (" 前空格", '" 前空格"'),
        ("后空格\u3000", '"后空格\u3000"'),
        ("换\n行", '"换\\n行"'),
    ],
)
def test_unsafe_keys_are_json_strings(key: str, written: str) -> None:
    assert key_text(key) == written
    assert parse(f"x[{written}]") == (Step("x", key),)


@pytest.mark.parametrize(
    ("address", "wanted", "character"),
    [
        ("", "a field name", 1),
        (".income", "a field name", 1),
        ("income.", "a field name", 8),
        ("income..sources", "a field name", 8),
        ("Income", "a field name", 1),
        ("_index", "a field name", 1),
        ("functions[2060101", "a key and ']'", 11),
        ("functions[]", 'a key (an empty key is written "")', 11),
        ("functions[a]b]", "'.' or '['", 13),
        ("functions[ 206]", "a key (one with [", 11),
        ('indicators["a]', "a key written as a JSON string", 12),
        ('indicators["a"x]', "']'", 15),
        ("income sources", "'.' or '['", 7),
        ("income.sources-total", "'.' or '['", 15),
        ("functions[206]general_budget", "'.' or '['", 15),
    ],
)
def test_malformed_addresses_are_refused_naming_the_address(
    address: str, wanted: str, character: int
) -> None:
    with pytest.raises(AddressError) as caught:
        parse(address)
    message = str(caught.value)
    assert message.startswith(f"address {address!r}: expected {wanted}")
    assert message.endswith(f"at character {character}")


def test_an_address_longer_than_the_bound_is_refused_briefly() -> None:
    address = "income." * 200
    with pytest.raises(AddressError, match=r"^address 'income\.income.*1400 characters") as caught:
        parse(address)
    assert len(str(caught.value)) < 200


def test_an_address_is_text() -> None:
    with pytest.raises(TypeError, match="an address is a str, not int"):
        parse(206)  # type: ignore[arg-type]


def _mutated(address: str, data: st.DataObject) -> str:
    """``address`` with a character inserted, replaced or deleted, or a slice cut out."""
    at = data.draw(st.integers(0, len(address)))
    char = data.draw(st.sampled_from('[]".\\ _aZ0\x00') | st.characters())
    how = data.draw(st.sampled_from(["insert", "replace", "delete", "cut"]))
    if how == "insert":
        return address[:at] + char + address[at:]
    if how == "replace":
        return address[:at] + char + address[at + 1 :]
    if how == "delete":
        return address[:at] + address[at + 1 :]
    end = data.draw(st.integers(at, len(address)))
    return address[:at] + address[end:]


REAL_ADDRESSES = [figure.address for figure in FIGURES] + [
    "fiscal.general_budget.expenditure",
    "income.sources.total",
    "functions[206]",
    'performance.evaluations["科普工作人员补助"].indicators["发放人数"]',
]


def _error_of(call: Any, *args: Any) -> AddressError | None:
    """The AddressError ``call`` raises, or ``None``; any other exception propagates."""
    try:
        call(*args)
    except AddressError as error:
        return error
    return None


def _parses_or_names_itself(text: str) -> None:
    shown = repr(text) if len(text) <= 1000 else repr(text[:40])
    for error in (_error_of(parse, text), _error_of(resolve, REPORT, text)):
        assert error is None or str(error).startswith(f"address {shown}")


@given(text=st.text() | st.text(alphabet='[]".\\ _az09\x00其'))
def test_any_text_parses_or_is_refused_with_an_address_error(text: str) -> None:
    _parses_or_names_itself(text)


@given(data=st.data())
def test_any_near_miss_of_a_real_address_resolves_or_is_refused(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(REAL_ADDRESSES))
    for _ in range(data.draw(st.integers(1, 3))):
        text = _mutated(text, data)
    _parses_or_names_itself(text)


# -- resolve, checked against the data file by hand --------------------------------------


@pytest.mark.parametrize(
    ("address", "value"),
    [
        ("profile.staff.in_service", 2),
        ("profile.stated_division_count", 0),
        ("income.sources.general_budget", "55.19"),
        ("income.sources.service", "0.00"),  # printed by the narrative: 事业收入0.00 万元
        ("income.opening_balance", "3.76"),
        ("income.stated_grand_total", "58.95"),
        ("expenditure.nature.basic", "57.82"),
        ("expenditure.nature.project", "1.13"),
        ("expenditure.closing_balance", "0.00"),
        ("functions[206].general_budget.stated_expenditure", "54.17"),
        ("functions[2060101].expenditure.basic", "53.35"),
        ("functions[2060101].general_budget.basic", "53.04"),
        ("functions[2060101].general_budget.prior.change", "-6.47"),
        ("functions[2060199].general_budget.prior.change", "-1.44"),
        ("functions[2060799].general_budget.project", "1.13"),
        ("functions[2080505].general_budget.basic", "4.47"),
        ("functions[2080505].general_budget.prior.change", "-4.03"),
        ("fiscal.general_budget.opening", "3.45"),
        ("fiscal.general_budget.basic", "57.51"),
        ("fiscal.general_budget.budget.budget", "96.41"),
        ("fiscal.general_budget.prior.change", "-10.81"),
        ("fiscal.stated_income_grand_total", "58.64"),
        ("fiscal.prior.change", "-14.45"),
        ("fiscal.budget.budget", "96.41"),
        ("general_budget_basic.stated_personnel", "52.52"),
        ("general_budget_basic.stated_public", "4.99"),
        ("general_budget_basic[30201].name", "办公费"),
        ("three_public.overseas.amount", "0.00"),
        ("three_public.vehicle_purchase.budget.budget", "0.00"),
        ("three_public.vehicles.prior.change", "0.00"),
        ("three_public.total.budget.budget", "0.00"),
        ("three_public.vehicles_held", 0),
        ("operating_costs.amount", "4.99"),
        ("operating_costs.prior.change", "2.72"),
        ("procurement.small_micro_contracts", "0.00"),
        ("procurement.sme_contracts", "0.00"),
        ("assets.fixed_assets_original_value", "132.42"),
        ("assets.vehicle_value", "24.46"),
        ("assets.vehicles[其他用车].count", 1),
        ("assets.vehicles[其他用车].note", "科普宣传专用大篷车 1 辆"),
        ("performance.department_budget", "97.6"),
        ("performance.project_executed", "1.13"),
        ("performance.evaluations[科学技术协会].stated_total_score", "73.59"),
        ("performance.evaluations[科学技术协会].funding.stated_score", "6.04"),
        ("performance.evaluations[科学技术协会].funding.total.full_year_budget", "97.6"),
        (
            "performance.evaluations[科学技术协会].funding.sources[县（市、区）安排].full_year_budget",
            "61.6",
        ),
        ("performance.evaluations[科学技术协会].indicators[预算经费].score", "7.25"),
        ("performance.evaluations[科学技术协会].completion_spending.total", "58.96"),
        ("performance.evaluations[科普工作人员补助].stated_total_score", "94.20"),
        (
            "performance.evaluations[科普工作人员补助].funding.sources[其中：当年财政拨款].executed",
            "1.13",
        ),
        ("performance.evaluations[科普工作人员补助].indicators[资金发放及时性].actual", "78.47"),
        ("performance.evaluations[科普工作人员补助].indicators[人均补助标准].target", "1200"),
        ('performance.evaluations["科普工作人员补助"].indicators["发放次数"].score', "8.5"),
        ("grand_total_prior.change", "-14.45"),
    ],
)
def test_resolve_gives_the_figure_the_file_states(address: str, value: str | int) -> None:
    found = resolve(REPORT, address)
    if isinstance(value, int):
        assert found == value
        assert isinstance(found, int)
    elif isinstance(found, Decimal):
        assert str(found) == value  # digits as written: 97.6 stays 97.6, 94.20 stays 94.20
    else:
        assert found == value


@pytest.mark.parametrize(
    "address",
    [
        "functions[206].general_budget.basic",  # the 类 publishes only its total
        "functions[2060199].general_budget.basic",  # no split published
        "general_budget_basic[30101].amount",  # named, no amount published
        "fiscal.general_budget.prior.amount",  # only the change and the rate
        "expenditure.personnel",
        "three_public.foreign_reception_batches",
        "performance.evaluations[科普工作人员补助].funding.sources[其他资金].executed",
        "performance.evaluations[科普工作人员补助].indicators[有效解决居民困难].target",
        # under a part the file leaves out: blank too
        "functions[20601].general_budget.basic",
        "functions[206].government_fund.prior.change",
        "fiscal.government_fund.budget.budget",
        "functions[2060101].income.fiscal",
    ],
)
def test_a_blank_figure_resolves_to_none(address: str) -> None:
    assert resolve(REPORT, address) is None


def test_a_figure_under_a_part_the_report_leaves_out_is_blank_but_still_checked() -> None:
    report = attrs.evolve(REPORT, operating_costs=None)
    assert resolve(report, "operating_costs") is None
    assert resolve(report, "operating_costs.amount") is None
    assert resolve(report, "operating_costs.prior.change") is None
    with pytest.raises(AddressError, match="operating_costs has no field 'amout'"):
        resolve(report, "operating_costs.amout")
    with pytest.raises(AddressError, match=r"operating_costs\.prior has no field 'rate'"):
        resolve(report, "operating_costs.prior.rate")


def test_resolve_gives_parts() -> None:
    line = resolve(REPORT, "functions[2060101]")
    assert isinstance(line, FunctionLine)
    assert (line.code, line.name) == ("2060101", "行政运行")
    assert resolve(REPORT, "fiscal") is REPORT.fiscal
    assert (
        resolve(REPORT, "performance.evaluations[科普工作人员补助].indicators[发放人数]").weight
        == 13
    )
    assert resolve(REPORT, "three_public.overseas.budget.basis") is BudgetBasis.FULL_YEAR
    assert resolve(REPORT, "functions.narrative_order") == (
        "2060799",
        "2060101",
        "2080505",
        "2060199",
    )
    assert len(resolve(REPORT, "performance.evaluations")) == 2


@pytest.mark.parametrize(
    ("address", "value"),
    [
        # published totals: the derived figure is the published one
        ("fiscal.general_budget.expenditure", D("58.64")),
        ("income.sources.total", D("55.19")),
        ("expenditure.nature.total", D("58.95")),
        ("income.grand_total", D("58.95")),
        ("general_budget_basic.total", D("57.51")),
        ("profile.staff.total", 2),
        ("assets.vehicle_count", 1),
        # from the parts, summed by hand from the file
        ("fiscal.general_budget.parts_expenditure", D("57.51") + D("1.13")),
        ("income.sources.parts_total", D("55.19")),
        ("income.sources.fiscal", D("55.19")),
        ("expenditure.nature.parts_total", D("57.82") + D("1.13")),
        ("income.parts_grand_total", D("55.19") + D("0.00") + D("3.76")),
        ("expenditure.parts_grand_total", D("58.95") + D("0.00") + D("0.00")),
        ("fiscal.opening", D("3.45")),
        ("three_public.total_final", D("0.00")),
        ("functions[2060101].general_budget.expenditure", D("53.04")),
        ("functions[2080505].expenditure.total", D("4.47")),
        ("procurement.parts_total", D("0.00")),
        ("profile.staff.parts_total", 2 + 0 + 0),
        # the 总表's fiscal opening balance; no blank part for a 项 with no fund row
        ("opening_fiscal_balance", D("3.45")),
        ("functions[206].government_fund.expenditure", None),
    ],
)
def test_derived_figures_resolve_to_the_models_value(address: str, value: object) -> None:
    assert resolve(REPORT, address) == value


def test_a_derived_rate_resolves() -> None:
    rate = resolve(REPORT, "performance.evaluations[科学技术协会].funding.execution_rate")
    assert rate.quantize(D("0.01")) == D("60.40")  # 58.95 / 97.6 × 100 = 60.399…


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("functions[2080599].general_budget.basic", "functions has no line with code '2080599'"),
        (
            "functions[2080550].general_budget.basic",
            "functions has no line with code '2080550' (did you mean '2080505'?)",
        ),
        (
            "general_budget_basic[30199].amount",
            "general_budget_basic has no line with code '30199'",
        ),
        ("expenditure.classes[206].amount", "expenditure.classes has no line with code '206'"),
        (
            "assets.vehicles[公务用车].count",
            "assets.vehicles has no item with use '公务用车'",
        ),
        (
            "performance.evaluations[不存在].name",
            "performance.evaluations has no item with name '不存在'",
        ),
        (
            "performance.evaluations[科普工作人员补助].indicators[发放人].score",
            "performance.evaluations[科普工作人员补助].indicators has no item with name '发放人'"
            " (did you mean '发放人数'?)",
        ),
        (
            "performance.evaluations[科学技术协会].funding.sources[中央].executed",
            "performance.evaluations[科学技术协会].funding.sources has no item with label '中央'",
        ),
        ("incom.sources", "the report has no field 'incom' (did you mean 'income'?)"),
        ("income.sorces.general_budget", "income has no field 'sorces' (did you mean 'sources'?)"),
        (
            "functions[206].general_budget.basik",
            "functions[206].general_budget has no field 'basik' (did you mean 'basic'?)",
        ),
        ("income_shares", "the report has no field 'income_shares'"),  # a method, not a figure
        ("income[1]", "income is not a keyed table; it takes no [1]"),
        (
            "income.sources.general_budget[x]",
            "income.sources.general_budget is not a keyed table",
        ),
        (
            "performance.evaluations.funding",
            "performance.evaluations is a table: an item is chosen by its key,"
            " performance.evaluations[…]",
        ),
        (
            "functions.general_budget",
            "functions has no field 'general_budget' (its lines are chosen by code: functions[…])",
        ),
        ("functions.lines[206]", "functions has no field 'lines'"),  # one figure, one address
        ("income.sources.general_budget.x", "income.sources.general_budget has no field 'x'"),
        ("functions[206].level.name", "functions[206].level has no field 'name'"),
    ],
)
def test_what_names_nothing_is_refused_with_a_clear_message(address: str, problem: str) -> None:
    with pytest.raises(AddressError) as caught:
        resolve(REPORT, address)
    assert str(caught.value).startswith(f"address {address!r}: {problem}")


def test_address_error_is_a_govfinal_lookup_error() -> None:
    assert issubclass(AddressError, GovFinalError)
    assert issubclass(AddressError, LookupError)
    assert govfinal.errors.AddressError is AddressError
    assert govfinal.address.AddressError is AddressError


# -- every figure --------------------------------------------------------------------


def test_every_figure_of_the_example_resolves_to_its_value() -> None:
    assert len(FIGURES) > 300
    for figure in FIGURES:
        assert resolve(REPORT, figure.address) == figure.value
        assert figure.value is None or isinstance(figure.value, (Decimal, int))
    assert len({figure.address for figure in FIGURES}) == len(FIGURES)


def test_the_example_figures_include_every_table_and_no_non_figure() -> None:
    found = {figure.address for figure in FIGURES}
    for address in [
        "profile.staff.stated_total",
        "income.sources.stated_total",
        "expenditure.nature.subsidies_to_subordinates",
        "functions[2080505].expenditure.stated_total",
        "functions[2080505].general_budget.prior.change",
        "fiscal.state_capital.closing",
        "fiscal.budget.budget",
        "general_budget_basic[30228].amount",
        "general_budget_basic.stated_total",
        "three_public.reception.budget.other_basis_budget",
        "operating_costs.prior.amount",
        "procurement.small_micro_contracts",
        "assets.vehicles[其他用车].count",
        "performance.evaluations[科普工作人员补助].funding.sources[其他资金].full_year_budget",
        "performance.evaluations[科普工作人员补助].indicators[发放人数].score",
        "grand_total_prior.change",
    ]:
        assert address in found
    for address in found:
        assert not re.search(r"\.lines\b|\[\d{1,2}\]|unit\.|\.year$|\.name$|\.code$", address)


def test_the_names_of_the_figures_are_the_official_terms() -> None:
    labels = {figure.address: (figure.label_zh, figure.label_en) for figure in FIGURES}
    assert labels["functions[2080505].general_budget.basic"] == (
        "机关事业单位基本养老保险缴费支出（2080505） 一般公共预算财政拨款 基本支出",
        "function 2080505, general public budget allocations, basic expenditure",
    )
    assert labels["fiscal.general_budget.project"][0] == "一般公共预算财政拨款 项目支出"
    assert labels["procurement.small_micro_contracts"] == (
        "政府采购 授予小微企业合同金额",
        "procurement, contracts awarded to small and micro firms",
    )
    assert labels["income.opening_balance"] == ("年初结转和结余", "income, balance brought forward")
    assert labels["performance.project_evaluations"][0] == "预算绩效 绩效评价项目数"
    assert labels["three_public.overseas.prior.change"][0] == "“三公”经费 因公出国（境）费 增减额"
    assert labels["assets.vehicles[其他用车].count"] == (
        "国有资产占用 其他用车 车辆数",
        "assets, other vehicles, count",
    )
    assert labels["general_budget_basic[30201].amount"][0] == "办公费（30201） 决算数"
    assert labels["performance.evaluations[科普工作人员补助].indicators[发放人数].score"][0] == (
        "预算绩效 科普工作人员补助 发放人数 得分"
    )
    # a report names each figure once
    assert len({zh for zh, _ in labels.values()}) == len(labels)
    assert len({en for _, en in labels.values()}) == len(labels)


def test_an_official_term_brings_its_official_english() -> None:
    english = dict(TERMS.values())
    for figure in FIGURES:
        term = figure.label_zh.rsplit(" ", 1)[-1]
        if term in english:
            assert figure.label_en.endswith(english[term]), figure


def _model_classes() -> list[type]:
    return [
        cls
        for _, cls in inspect.getmembers(govfinal.model, inspect.isclass)
        if attrs.has(cls) and cls.__module__.startswith("govfinal.model")
    ]


def test_every_figure_field_of_the_model_begins_its_docstring_line_with_its_term() -> None:
    """The mechanism behind the names: each figure field's Attributes line starts in Chinese."""
    checked = 0
    for cls in _model_classes():
        attributes = (cls.__doc__ or "").partition("Attributes:")[2]
        for field in attrs.fields(cls):
            if field.converter not in _FIGURE_CONVERTERS:
                continue
            line = re.search(rf"^\s+{field.name}: (.*)$", attributes, re.MULTILINE)
            assert line is not None, f"{cls.__name__}.{field.name} is not documented"
            assert re.match(r"[\u3400-\u9fff“]", line.group(1)), (
                f"{cls.__name__}.{field.name}: {line.group(1)!r} does not begin with its term"
            )
            checked += 1
    assert checked > 100


def test_non_figures_are_left_out() -> None:
    assert all(not figure.address.startswith("unit") for figure in FIGURES)
    assert resolve(REPORT, "performance.evaluations[科学技术协会].year") == 2023
    assert "performance.evaluations[科学技术协会].year" not in {f.address for f in FIGURES}


def _assert_every_figure_resolves(report: FinalAccount) -> None:
    seen: set[str] = set()
    for figure in addresses(report):
        assert isinstance(figure, FigureAt)
        assert resolve(report, figure.address) == figure.value
        assert figure.address not in seen
        seen.add(figure.address)


@given(report=final_accounts())
def test_every_figure_of_a_generated_report_resolves(report: FinalAccount) -> None:
    _assert_every_figure_resolves(report)


@given(report=arbitrary_final_accounts())
def test_every_figure_of_an_arbitrary_report_resolves(report: FinalAccount) -> None:
    _assert_every_figure_resolves(report)


@given(report=keyed_reports(arbitrary_final_accounts()))
def test_every_figure_of_a_report_with_any_keys_resolves(report: FinalAccount) -> None:
    _assert_every_figure_resolves(report)


@settings(max_examples=settings().max_examples // 2)
@given(report=keyed_reports(arbitrary_final_accounts()))
def test_every_derived_figure_of_every_part_resolves_or_is_refused(report: FinalAccount) -> None:
    """No property the model derives makes ``resolve`` raise anything but an AddressError."""
    parts = {""}
    for figure in addresses(report):
        steps = [str(step) for step in parse(figure.address)]
        parts.update(join(*steps[:end]) for end in range(1, len(steps)))
    for part in sorted(parts):
        node = resolve(report, part) if part else report
        for name, member in inspect.getmembers(type(node)):
            if isinstance(member, property) and not name.startswith("_"):
                resolve(report, join(part, name))


# -- addresses survive a round trip and a reordering --------------------------------------


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_the_example_addresses_survive_dump_and_load(fmt: str) -> None:
    again = govfinal.loads(govfinal.dumps(REPORT, format=fmt), format=fmt)
    assert figure_set(again) == figure_set(REPORT)


@pytest.mark.parametrize("fmt", ["toml", "json"])
@settings(max_examples=settings().max_examples // 2)
@given(report=st.one_of(keyed_reports(), keyed_reports(complete_final_accounts())))
def test_addresses_survive_dump_and_load(report: FinalAccount, fmt: str) -> None:
    again = govfinal.loads(govfinal.dumps(report, format=fmt), format=fmt)
    assert figure_set(again) == figure_set(report)


def _reordered(report: FinalAccount, data: st.DataObject) -> FinalAccount:
    def shuffle(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(data.draw(st.permutations(items)))

    performance = report.performance
    evaluations = tuple(
        attrs.evolve(evaluation, indicators=shuffle(evaluation.indicators))
        for evaluation in shuffle(performance.evaluations)
    )
    return attrs.evolve(
        report,
        assets=attrs.evolve(report.assets, vehicles=shuffle(report.assets.vehicles)),
        functions=attrs.evolve(report.functions, lines=shuffle(report.functions.lines)),
        general_budget_basic=attrs.evolve(
            report.general_budget_basic, lines=shuffle(report.general_budget_basic.lines)
        ),
        expenditure=attrs.evolve(report.expenditure, classes=shuffle(report.expenditure.classes)),
        performance=attrs.evolve(performance, evaluations=evaluations),
    )


@given(data=st.data())
def test_the_example_addresses_survive_reordering(data: st.DataObject) -> None:
    reordered = _reordered(REPORT, data)
    assert figure_set(reordered) == figure_set(REPORT)


@given(report=keyed_reports(), data=st.data())
def test_addresses_survive_reordering(report: FinalAccount, data: st.DataObject) -> None:
    reordered = _reordered(report, data)
    assert figure_set(reordered) == figure_set(report)
    for figure in addresses(report):
        assert resolve(reordered, figure.address) == figure.value


# -- the model refuses two items with one key ------------------------------------------


def _row(label: str) -> FundingRow:
    return FundingRow(label=label)


def _indicator(name: str) -> Indicator:
    return Indicator(level1="产出指标", level2="数量指标", name=name, comparator=Comparator.GE)


def _evaluation(name: str) -> SelfEvaluation:
    return SelfEvaluation(
        kind=EvaluationKind.PROJECT, name=name, funding=Funding(total=_row("年度资金总额"))
    )


REPEATED_KEYS = [
    (
        lambda: FunctionTree(
            lines=[
                FunctionLine("206", "科学技术支出"),
                FunctionLine("208", "社会保障和就业支出"),
                FunctionLine("206", "科学技术支出"),
            ]
        ),
        "FunctionTree.lines: code '206' is listed twice (lines[0] and lines[2])",
    ),
    (
        lambda: BasicExpenditureDetail(
            lines=[EconomicLine("30101", "基本工资"), EconomicLine("30101", "基本工资")]
        ),
        "BasicExpenditureDetail.lines: code '30101' is listed twice (lines[0] and lines[1])",
    ),
    (
        lambda: Expenditure(
            classes=[
                ClassTotal("206", "1.00"),
                ClassTotal("208", "2.00"),
                ClassTotal("208", "3.00"),
            ]
        ),
        "Expenditure.classes: code '208' is listed twice (classes[1] and classes[2])",
    ),
    (
        lambda: Assets(
            vehicles=[VehicleHolding(VehicleUse.OTHER, 1), VehicleHolding(VehicleUse.OTHER, 2)]
        ),
        "Assets.vehicles: use '其他用车' is listed twice (vehicles[0] and vehicles[1])",
    ),
    (
        lambda: PerformanceSummary(grade_counts=[GradeCount("优", 4), GradeCount("优", 0)]),
        "PerformanceSummary.grade_counts: grade '优' is listed twice"
        " (grade_counts[0] and grade_counts[1])",
    ),
    (
        lambda: PerformanceSummary(
            evaluations=[_evaluation("科普工作人员补助"), _evaluation("科普工作人员补助")]
        ),
        "PerformanceSummary.evaluations: name '科普工作人员补助' is listed twice"
        " (evaluations[0] and evaluations[1])",
    ),
    (
        lambda: attrs.evolve(
            _evaluation("科普工作人员补助"),
            indicators=[_indicator("发放人数"), _indicator("发放次数"), _indicator("发放人数")],
        ),
        "SelfEvaluation.indicators: name '发放人数' is listed twice"
        " (indicators[0] and indicators[2])",
    ),
    (
        lambda: Funding(total=_row("年度资金总额"), sources=[_row("其他资金"), _row("其他资金")]),
        "Funding.sources: label '其他资金' is listed twice (sources[0] and sources[1])",
    ),
]


@pytest.mark.parametrize(
    ("build", "message"), REPEATED_KEYS, ids=[message.split(":")[0] for _, message in REPEATED_KEYS]
)
def test_the_model_refuses_two_items_with_one_key(build: Any, message: str) -> None:
    with pytest.raises(GovFinalError) as caught:
        build()
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)


def test_items_whose_keys_differ_are_accepted() -> None:
    """Keys are compared exactly: names that differ in one character are two items."""
    funding = Funding(total=_row("年度资金总额"), sources=[_row("其他资金"), _row("其他资金 ")])
    assert resolve(
        attrs.evolve(
            REPORT,
            performance=attrs.evolve(
                REPORT.performance,
                evaluations=[attrs.evolve(_evaluation("x"), funding=funding)],
            ),
        ),
        'performance.evaluations[x].funding.sources["其他资金 "]',
    ) == _row("其他资金 ")
    assert set(KEYS) == {
        FunctionLine,
        EconomicLine,
        ClassTotal,
        VehicleHolding,
        SelfEvaluation,
        Indicator,
        FundingRow,
        GradeCount,
    }


@pytest.mark.parametrize(
    "under",
    ["fiscal.general_budget", "three_public", "functions", "functions[208]", "assets", "income"],
)
def test_the_figures_under_a_part_are_those_of_the_report_under_it(under: str) -> None:
    report = govfinal.load(EXAMPLE)
    everything = {f.address: f.value for f in addresses(report)}
    below = {f.address: f.value for f in addresses(report, under=under)}
    assert below
    assert below == {
        address: value
        for address, value in everything.items()
        if address.startswith((f"{under}.", f"{under}["))
    }


def test_there_are_no_figures_under_a_figure_or_a_blank_part() -> None:
    report = govfinal.load(EXAMPLE)
    assert list(addresses(report, under="income.opening_balance")) == []
    empty = FinalAccount(unit=govfinal.BudgetUnit(name="甲单位", fiscal_year=2024))
    assert empty.operating_costs is None
    assert list(addresses(empty, under="operating_costs")) == []
