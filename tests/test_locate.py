"""Locating figures in data files (:mod:`govfinal.io.locate`).

* The bundled 2023 file: lines read off the file by hand.
* Dumped TOML and JSON: every figure of the seed report is changed to a value
  of its own, one at a time, and the one line the dump changes (or gains) is
  where the locator must put it.
* Hand-written TOML (dotted keys, inline tables, arrays of inline tables,
  quoted keys, CRLF) and JSON (one line, escapes).
* Never a raise: arbitrary text, mutated files, deep nesting, unclosed strings,
  an oversized text.
"""

from __future__ import annotations

import difflib
import enum
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kexie_2023 import build_report

import govfinal.io
from govfinal.address import KEYS, addresses, parse
from govfinal.errors import GovFinalError
from govfinal.io import Format
from govfinal.io.locate import MAX_NESTING, Locator, locate
from govfinal.model.economic import BasicExpenditureDetail
from govfinal.model.function import FunctionTree

ROOT = Path(__file__).resolve().parent.parent
KEXIE = (ROOT / "examples" / "data" / "kexie_2023.toml").read_text(encoding="utf-8")
SEED = build_report()


# -- the bundled file, lines read by hand ---------------------------------------------------

KEXIE_LINES = [
    # a figure written on its own line
    ("income.sources.general_budget", 68),  # general_budget = 55.19
    ("income.sources.stated_total", 74),  # stated_total = 55.19
    ("income.stated_grand_total", 62),  # stated_grand_total = 58.95 under [income]
    ("functions[2080505].general_budget.basic", 219),  # basic = 4.47
    ("functions[2080505].expenditure.stated_total", 214),  # stated_total = 4.47
    ("fiscal.general_budget.basic", 248),  # basic = 57.51
    ("three_public.vehicles_held", 361),  # vehicles_held = 0
    ("assets.vehicles[其他用车].count", 505),  # count = 1
    ("performance.evaluations[科普工作人员补助].indicators[发放次数].score", 732),
    ("performance.evaluations[科普工作人员补助].funding.sources[其中：当年财政拨款].executed", 703),
    ("performance.evaluations[科学技术协会].indicators[培训费下降率].score", 590),
    # an item, at its [[…]] header
    ("functions[2080505]", 205),
    ("performance.evaluations[科普工作人员补助]", 678),
    ("performance.evaluations[科普工作人员补助].funding.sources[其他资金]", 705),
    # not written: the nearest written ancestor
    ("income.sources.total", 67),  # derived: [income.sources]
    ("income.sources.other", 73),  # other = 0.00, printed by the narrative
    ("income.sources.government_fund", 67),  # omitted (blank): [income.sources]
    ("fiscal.general_budget.expenditure", 245),  # derived: [fiscal.general_budget]
    ("functions[2080505].income.total", 205),  # no income table: the line's header
    ("functions[2080599].general_budget.basic", 97),  # no such line: [functions]
    ("general_budget_basic[30101].amount", 290),  # no amount: [[general_budget_basic.lines]]
    ("expenditure.classes[206].amount", 78),  # no 类 column: [expenditure]
    ("assets.vehicles[公务用车].count", 475),  # no such use: the first [[assets.vehicles]]
    ("operating_costs.budget.budget", 443),  # no budget table: [operating_costs]
    ("performance.evaluations[无此自评].stated_total_score", 522),  # the first evaluation
]


@pytest.mark.parametrize(("address", "line"), KEXIE_LINES)
def test_lines_of_the_bundled_file(address: str, line: int) -> None:
    assert locate(KEXIE, "toml", address) == line


def test_one_locator_answers_like_locate() -> None:
    locator = Locator(KEXIE, "toml")
    assert [locator.line(address) for address, _ in KEXIE_LINES] == [
        line for _, line in KEXIE_LINES
    ]


@pytest.mark.parametrize(
    "address",
    ["", "functions[", "income..sources", "Income.sources", "nothing", "nothing.at.all", "1"],
)
def test_what_is_not_an_address_or_not_written_has_no_line(address: str) -> None:
    assert locate(KEXIE, "toml", address) is None


def test_a_section_the_file_leaves_out_has_no_line() -> None:
    text = '[unit]\nname = "示例单位"\nfiscal_year = 2024\n'
    assert locate(text, "toml", "operating_costs") is None
    assert locate(text, "toml", "operating_costs.amount") is None
    assert locate(text, "toml", "unit.fiscal_year") == 3


# -- dumps: change one figure, see which line changes ----------------------------------------

_LINE_TABLES: dict[type, str] = {FunctionTree: "lines", BasicExpenditureDetail: "lines"}


def _key_of(item: object) -> str:
    value = getattr(item, KEYS[type(item)])
    return str(value.value if isinstance(value, enum.Enum) else value)


def _with_figure(node: Any, address: str, value: object) -> Any:
    """``node`` with the figure at ``address`` set to ``value`` (built anew, step by step)."""
    steps = parse(address)

    def rebuilt(node: Any, index: int) -> Any:
        step = steps[index]
        child = getattr(node, step.name)
        if step.key is not None:
            table = _LINE_TABLES.get(type(child))
            items = getattr(child, table) if table else child
            changed = tuple(
                rebuilt(item, index + 1) if _key_of(item) == step.key else item for item in items
            )
            new = attrs.evolve(child, **{table: changed}) if table else changed
        elif index + 1 == len(steps):
            new = value
        else:
            new = rebuilt(child, index + 1)
        return attrs.evolve(node, **{step.name: new})

    return rebuilt(node, 0)


def _changed_line(before: str, after: str, leaf: str, format: str) -> int:
    """The one line of ``after``, changed or added, that writes the key ``leaf``."""
    start = f"{leaf} =" if format == "toml" else f'"{leaf}":'
    old, new = before.split("\n"), after.split("\n")
    found = [
        number + 1
        for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes()
        if tag != "equal"
        for number in range(j1, j2)
        if new[number].strip().startswith(start)
    ]
    assert len(found) == 1, (leaf, found)
    return found[0]


@pytest.mark.parametrize("format", ["toml", "json"])
def test_every_figure_of_a_dump_is_found_at_its_line(format: Format) -> None:
    before = govfinal.io.dumps(SEED, format=format)
    checked = 0
    for figure in addresses(SEED):
        marker: object = 98765 if isinstance(figure.value, int) else Decimal("98765.43")
        try:
            changed = _with_figure(SEED, figure.address, marker)
        except (GovFinalError, ValueError, TypeError):  # the model refuses the marker there
            continue
        after = govfinal.io.dumps(changed, format=format)
        leaf = parse(figure.address)[-1].name
        expected = _changed_line(before, after, leaf, format)
        assert locate(after, format, figure.address) == expected, figure.address
        checked += 1
    assert checked >= 250  # nearly every figure (the seed has over 300)


def test_json_dump_lines_read_by_hand() -> None:
    text = govfinal.io.dumps(SEED, format="json")
    lines = text.split("\n")
    line = locate(text, "json", "income.sources.general_budget")
    assert line is not None
    assert lines[line - 1] == '      "general_budget": "55.19",'
    derived = locate(text, "json", "income.sources.total")
    assert derived == line - 1
    assert lines[derived - 1] == '    "sources": {'


# -- hand-written TOML and JSON ---------------------------------------------------------------

DOTTED = """\
# dotted keys, inline tables, quoted keys
[unit]
name = "示例单位"
fiscal_year = 2024

[income]
sources.general_budget = 55.19
sources.stated_total = 55.19
"opening_balance" = 3.76

[expenditure]
nature = { basic = 57.82, project = 1.13 }
classes = [
    { code = "206", amount = 54.17 },
    { code = "208", amount = 4.47 },  # a comment
]

[functions]
lines = [
  { code = "206", name = "科学技术支出", general_budget = { stated_expenditure = 54.17 } },
  { code = "2060101", name = "行政运行" },
]

[[assets.vehicles]]
use = "OTHER"
count = 1

[[performance.evaluations]]
name = 'literal name'
indicators = [{ name = "满意度\\u005b注1\\u005d", score = 9 }]
"""


@pytest.mark.parametrize(
    ("address", "line"),
    [
        ("income.sources.general_budget", 7),
        ("income.sources.stated_total", 8),
        ("income.sources", 7),  # named first by the dotted key of line 7
        ("income.sources.total", 7),
        ("income.opening_balance", 9),  # a quoted key
        ("expenditure.nature.project", 12),  # an inline table: its line
        ("expenditure.nature.stated_total", 12),
        ("expenditure.classes[208].amount", 15),
        ("expenditure.classes[206]", 14),
        ("expenditure.classes[210].amount", 13),  # no such 类: the array's key
        ("functions[206].general_budget.stated_expenditure", 20),
        ("functions[2060101]", 21),  # the inline table's opening brace
        ("functions[2060101].general_budget.basic", 21),
        ("assets.vehicles[其他用车].count", 26),  # the enum's name, as the loader reads it
        ("performance.evaluations[literal name]", 28),
        ('performance.evaluations[literal name].indicators["满意度[注1]"].score', 30),
        ("performance.evaluations[literal name].indicators[满意度].score", 30),  # the array
    ],
)
def test_hand_written_toml(address: str, line: int) -> None:
    tomllib.loads(DOTTED)  # the premise: valid TOML
    assert locate(DOTTED, "toml", address) == line


def test_dotted_keys_from_the_root() -> None:
    text = "income.sources.general_budget = 1\n\nincome.opening_balance = 2\n"
    tomllib.loads(text)
    assert locate(text, "toml", "income.sources.general_budget") == 1
    assert locate(text, "toml", "income.opening_balance") == 3
    assert locate(text, "toml", "income.sources.total") == 1  # named first on line 1
    assert locate(text, "toml", "income") == 1


def test_a_header_defines_a_table_named_earlier() -> None:
    text = "[income.sources]\ngeneral_budget = 1\n\n[income]\nopening_balance = 2\n"
    tomllib.loads(text)
    assert locate(text, "toml", "income.stated_grand_total") == 4  # [income], where it is defined
    assert locate(text, "toml", "income.sources.other") == 1


def test_crlf_line_ends_and_multi_line_strings() -> None:
    text = (
        '[profile]\r\nmandate = """first\r\nsecond\r\n"""\r\nstated_division_count = 3\r\n'
        "[income]\r\nopening_balance = '''x\r\n'''\r\nstated_grand_total = 5\r\n"
    )
    tomllib.loads(text)
    assert locate(text, "toml", "profile.stated_division_count") == 5
    assert locate(text, "toml", "income.stated_grand_total") == 9


def test_a_sub_table_belongs_to_the_last_item() -> None:
    text = (
        '[[functions.lines]]\ncode = "206"\n[functions.lines.general_budget]\nbasic = 1\n'
        '[[functions.lines]]\ncode = "208"\n[functions.lines.general_budget]\nbasic = 2\n'
    )
    assert locate(text, "toml", "functions[206].general_budget.basic") == 4
    assert locate(text, "toml", "functions[208].general_budget.basic") == 8
    assert locate(text, "toml", "functions") == 1  # named by the first [[functions.lines]]


def test_the_first_of_a_repeated_key_wins() -> None:
    text = (
        '[[assets.vehicles]]\nuse = "其他用车"\ncount = 1\n[[assets.vehicles]]\nuse = "其他用车"\n'
    )
    assert locate(text, "toml", "assets.vehicles[其他用车]") == 1


def test_json_on_one_line_and_with_escapes() -> None:
    document = {
        "income": {"sources": {"general_budget": "1"}},
        "performance": {
            "evaluations": [{"name": '甲"乙', "indicators": [{"name": "满意度[注1]"}]}]
        },
    }
    compact = json.dumps(document, ensure_ascii=True)
    assert locate(compact, "json", "income.sources.general_budget") == 1
    pretty = json.dumps(document, ensure_ascii=True, indent=2)
    lines = pretty.split("\n")
    address = 'performance.evaluations["甲\\"乙"].indicators["满意度[注1]"].score'
    line = locate(pretty, "json", address)
    assert line is not None
    assert lines[line - 1].strip() == "{"  # the indicator, its score not written
    assert lines[line].strip() == '"name": "\\u6ee1\\u610f\\u5ea6[\\u6ce81]"'


def test_json_that_the_standard_reader_refuses_is_read_too() -> None:
    text = '{\n"income": {"sources": {"other": 1,},\n"opening_balance": 2 3},\n"fiscal": {}}'
    assert locate(text, "json", "income.sources.other") == 2
    assert locate(text, "json", "income.opening_balance") == 3
    assert locate(text, "json", "fiscal.stated_income") == 4


def test_a_json_key_written_as_an_escape() -> None:
    text = '{\n"in\\u0063ome": {\n"opening_balance": "1"}}'
    assert locate(text, "json", "income.opening_balance") == 3


# -- never a raise ---------------------------------------------------------------------------

ADDRESSES = [address for address, _ in KEXIE_LINES] + ["", "x[", 'a["b"].c', "unit.name"]


@settings(max_examples=300)
@given(
    text=st.text(
        alphabet=st.sampled_from([*'[]{}"\'=.,:#\\ \t\r\nabc_019-"', "\ud800", "é", "\x00"])
        | st.characters(),
        max_size=300,
    ),
    format=st.sampled_from(["toml", "json", "yaml"]),
    address=st.sampled_from(ADDRESSES) | st.text(max_size=40),
)
def test_never_raises_on_any_text(text: str, format: str, address: str) -> None:
    line = locate(text, format, address)  # type: ignore[arg-type]
    assert line is None or 1 <= line <= text.count("\n") + 1


@settings(max_examples=100)
@given(data=st.data(), format=st.sampled_from(["toml", "json"]))
def test_never_raises_on_a_mutated_file(data: st.DataObject, format: Format) -> None:
    text = KEXIE if format == "toml" else govfinal.io.dumps(SEED, format="json")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 500)))
    insert = data.draw(st.text(alphabet="[]{}\"'=\n#,", max_size=5))
    mutated = text[:start] + insert + text[end:]
    address = data.draw(st.sampled_from(ADDRESSES))
    line = locate(mutated, format, address)
    assert line is None or 1 <= line <= mutated.count("\n") + 1


HOSTILE = [
    ("[" * 100_000, "json"),
    ('{"a":' * 100_000, "json"),
    ("a = " + "[" * 100_000, "toml"),
    ("a = " + "{ b = " * 100_000, "toml"),
    ('a = """\n' * 50_000, "toml"),
    ("a = '''\n" * 50_000, "toml"),
    ('a = "\n' * 50_000, "toml"),
    ('{"' + "x" * 100_000, "json"),
    ("[" + "a." * 50_000 + "\n", "toml"),
    ("[[a]]\n" * 50_000 + "[a.b]\nc = 1\n", "toml"),
    ('{"a": {' + '"b": [1 2], ' * 50_000 + '"c": 1}}', "json"),
    ('{"a": [' + "{}, " * 50_000 + "{]}", "json"),
]


@pytest.mark.parametrize(
    ("text", "format"), HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))]
)
def test_hostile_texts_are_read_in_bounded_work(text: str, format: Format) -> None:
    line = locate(text, format, "a.b.c")
    assert line is None or 1 <= line <= text.count("\n") + 1


def test_nesting_past_the_bound_is_not_read() -> None:
    def nested(levels: int) -> str:
        return "[income]\nx = 1\na = " + "[" * levels + "]" * levels + "\n[fiscal]\ny = 1\n"

    deep = nested(MAX_NESTING + 1)
    assert locate(deep, "toml", "income.x") == 2  # what was read before is kept
    assert locate(deep, "toml", "fiscal.y") is None  # the rest is not read
    assert locate(nested(MAX_NESTING), "toml", "fiscal.y") == 5
    deep_json = '{"income": {"x": "1"}, "a": ' + "[" * MAX_NESTING + "]" * MAX_NESTING + "}"
    assert locate(deep_json, "json", "income.x") == 1


def test_an_oversized_text_is_not_read() -> None:
    text = "[income]\nopening_balance = 1\n"
    assert locate(text, "toml", "income.opening_balance") == 2
    padded = text + "#" * govfinal.io.MAX_BYTES
    assert locate(padded, "toml", "income.opening_balance") is None
