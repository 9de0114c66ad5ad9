"""Addresses: one name for every figure of a final account (科目、栏次的定位).

An address names a figure the way a person finds it in the data file: the
fields from the report down, dot-separated, with an item of a keyed table
chosen by its key in brackets, never by its position::

    income.sources.general_budget              本年收入 — 一般公共预算财政拨款收入
    functions[2080505].general_budget.basic    a function line by its 科目编码
    general_budget_basic[30101].amount         an economic line by its code
    expenditure.classes[206].amount            a 类 of the 总表 by its code
    fiscal.government_fund.stated_expenditure  a fund by its type
    assets.vehicles[其他用车].count             a vehicle holding by its use
    performance.evaluations[科普工作人员补助].indicators[发放人数].score

The keyed tables and their keys (:data:`KEYS`): function lines and economic
lines by ``code`` (the table is addressed at its owner, ``functions[…]``, not
``functions.lines[…]``); the 总表's 类 by ``code``; vehicle holdings by
``use``; self-evaluations and indicators by ``name``; funding rows by
``label``. The model refuses two items with one key, so an address names one
figure, and it does not change when lines are reordered or the report is
dumped and loaded again.

A field name is lower case ASCII (``[a-z][a-z0-9_]*``). A key is written bare
unless it is empty, holds a bracket, a double quote, a backslash or a control
character, or starts or ends with white space; then it is written as a JSON
string: ``indicators["满意度[注1]"]``. :func:`key_text` writes a key;
:func:`parse` reads an address; :func:`resolve` follows one; :func:`addresses`
lists every figure of a report. Whatever text it is given, :func:`parse` and
:func:`resolve` either succeed or raise :class:`AddressError` naming the
address and the step that fails.
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from govfinal.classification import FUNCTION_CODES
from govfinal.errors import AddressError
from govfinal.model._fields import (
    amount,
    count,
    non_negative_amount,
    optional_amount,
    optional_count,
    optional_non_negative_amount,
    optional_non_negative_percent,
    optional_percent,
)
from govfinal.model.economic import BasicExpenditureDetail, EconomicLine
from govfinal.model.expenditure import ClassTotal
from govfinal.model.function import FunctionLine, FunctionTree
from govfinal.model.other import VehicleHolding
from govfinal.model.performance import FundingRow, GradeCount, Indicator, SelfEvaluation
from govfinal.model.report import FinalAccount
from govfinal.terminal import json_safe
from govfinal.terms import TERMS

__all__ = [
    "KEYS",
    "LINE_TABLES",
    "AddressError",
    "FigureAt",
    "Step",
    "addresses",
    "field_types",
    "item_class",
    "join",
    "key_text",
    "keyed",
    "label",
    "model_class",
    "parse",
    "resolve",
]

KEYS: Final[dict[type, str]] = {
    FunctionLine: "code",
    EconomicLine: "code",
    ClassTotal: "code",
    VehicleHolding: "use",
    SelfEvaluation: "name",
    Indicator: "name",
    FundingRow: "label",
    GradeCount: "grade",
}
"""The key attribute of each kind of item held in a keyed table."""

LINE_TABLES: Final[dict[type, str]] = {FunctionTree: "lines", BasicExpenditureDetail: "lines"}
"""Owners addressed directly by a line's code: ``functions[206]`` is ``functions.lines`` keyed."""

_MAX_ADDRESS = 1000
"""Longest address :func:`parse` reads (a bound against hostile input)."""

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_UNSAFE = re.compile(
    '[\\[\\]"\\\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029'
    "\ud800-\udfff]|^\\s|\\s$"
)
"""What a bare key cannot hold: brackets, quotes, backslashes, the characters a
terminal would escape (controls, bidirectional marks, separators, surrogates), and
space at either end. Such a key is written as a JSON string, those characters as
``\\uXXXX`` escapes, so that an address printed on a terminal can be pasted back."""


@attrs.frozen
class Step:
    """One step of an address: a field name, and the key of an item when the field is keyed."""

    name: str
    key: str | None = None

    def __str__(self) -> str:
        return self.name if self.key is None else f"{self.name}[{key_text(self.key)}]"


@attrs.frozen
class FigureAt:
    """One figure of a report with its address and names (:func:`addresses` yields them).

    Attributes:
        address: where the figure is, e.g. ``functions[2060101].general_budget.basic``;
            :func:`resolve` of it gives ``value``.
        label_zh: what the report calls it, the parts' official terms from the
            report down, e.g. ``行政运行（2060101） 一般公共预算财政拨款 基本支出``.
        label_en: the English counterpart, e.g.
            ``function 2060101, general public budget allocations, basic expenditure``.
        value: the figure; ``None`` for a cell the report leaves blank.

    """

    address: str
    label_zh: str
    label_en: str
    value: Decimal | int | None


# -- writing and reading addresses -----------------------------------------------


@functools.lru_cache(maxsize=4096)
def key_text(key: str) -> str:
    """A key as an address writes it: bare when it can be, else a JSON string.

    >>> key_text("2060101"), key_text("满意度[注1]"), key_text("")
    ('2060101', '"满意度[注1]"', '""')
    """
    if key and not _UNSAFE.search(key):
        return key
    return json_safe(json.dumps(key, ensure_ascii=False))


def keyed(address: str, key: str) -> str:
    """``address[key]``, the key written by :func:`key_text`.

    >>> keyed("performance.evaluations", "科普工作人员补助")
    'performance.evaluations[科普工作人员补助]'
    """
    return f"{address}[{key_text(key)}]"


def join(*parts: str) -> str:
    """Addresses and field names joined with dots, empty parts left out.

    >>> join("functions[206]", "general_budget", "basic")
    'functions[206].general_budget.basic'
    """
    return ".".join(part for part in parts if part)


def parse(address: str) -> tuple[Step, ...]:
    """The steps of ``address``; :class:`AddressError` when it is not an address.

    ``join`` of the steps (as :class:`str`) gives the address back, its keys
    written by :func:`key_text`.

    >>> [str(step) for step in parse('functions[2060101].general_budget.basic')]
    ['functions[2060101]', 'general_budget', 'basic']
    >>> parse('indicators["a]b"]')[0].key
    'a]b'
    >>> parse('functions[2060101].')
    Traceback (most recent call last):
    ...
    govfinal.errors.AddressError: address 'functions[2060101].': expected a field name at ...
    """
    if not isinstance(address, str):
        raise TypeError(f"an address is a str, not {type(address).__name__}")
    if len(address) > _MAX_ADDRESS:
        raise AddressError(
            f"address {address[:40]!r}…: {len(address)} characters, longer than {_MAX_ADDRESS}"
        )
    steps: list[Step] = []
    position = 0
    while True:
        match = _NAME.match(address, position)
        if match is None:
            raise _malformed(address, position, "a field name")
        name, position = match.group(), match.end()
        key = None
        if address.startswith("[", position):
            key, position = _read_key(address, position + 1)
        steps.append(Step(name, key))
        if position == len(address):
            return tuple(steps)
        if address[position] != ".":
            raise _malformed(address, position, "'.' or '['")
        position += 1


def _read_key(address: str, position: int) -> tuple[str, int]:
    """The key starting at ``position`` (after ``[``) and the position after its ``]``."""
    if address.startswith('"', position):
        try:
            key, end = json.JSONDecoder().raw_decode(address, position)
        except json.JSONDecodeError:
            raise _malformed(address, position, "a key written as a JSON string") from None
    else:
        end = address.find("]", position)
        if end < 0:
            raise _malformed(address, position, "a key and ']'")
        key = address[position:end]
        if not key:
            raise _malformed(address, position, 'a key (an empty key is written "")')
        if key_text(key) != key:
            raise _malformed(
                address,
                position,
                'a key (one with [, ", \\, a control character or'
                " white space at an end is written as a JSON string)",
            )
    if not address.startswith("]", end):
        raise _malformed(address, end, "']'")
    return key, end + 1


def _malformed(address: str, position: int, wanted: str) -> AddressError:
    return AddressError(f"address {address!r}: expected {wanted} at character {position + 1}")


# -- following an address --------------------------------------------------------


def resolve(report: FinalAccount, address: str) -> Any:
    """What ``address`` names in ``report``: a figure, ``None`` for a blank one, or a part.

    A derived figure the model computes (``fiscal.general_budget.expenditure``,
    ``income.sources.total``) resolves to the model's value. A figure under a
    part the report leaves out (``operating_costs.amount`` of a unit that
    reports no 机关运行经费) is blank: ``None``; its name is still checked
    against the model, so a misspelt address is an error, blank part or not.

    >>> import govfinal
    >>> report = govfinal.load("examples/data/kexie_2023.toml")
    >>> govfinal.resolve(report, "functions[2080505].general_budget.basic")
    Decimal('4.47')
    >>> govfinal.resolve(report, "functions[2080550].general_budget.basic")
    Traceback (most recent call last):
    ...
    govfinal.errors.AddressError: address 'functions[2080550].general_budget.basic':
    functions has no line with code '2080550' (did you mean '2080505'?)

    Raises:
        AddressError: the address is malformed or names nothing in the report.

    """
    steps = parse(address)
    node: Any = report
    cls: type | None = type(report)
    for index, step in enumerate(steps):
        before = join(*map(str, steps[:index]))
        node, cls = _member(node, cls, step, _Site(address, before))
    return node


@attrs.frozen
class _Site:
    """Where a step is, for its error message: the whole address, and the part before the step."""

    address: str
    before: str

    def error(self, subject: str, problem: str) -> AddressError:
        return AddressError(f"address {self.address!r}: {subject} {problem}")

    @property
    def owner(self) -> str:
        return self.before or "the report"


def _member(node: Any, cls: type | None, step: Step, site: _Site) -> tuple[Any, type | None]:
    """The part ``step`` names under ``node``, and the part's model class.

    ``node`` is an instance of ``cls``, or ``None`` for a blank part of class
    ``cls``; the class returned is ``None`` for a figure, a text or a table.
    """
    if cls is None or not attrs.has(cls):
        if isinstance(node, tuple):
            raise site.error(
                site.owner, f"is a table: an item is chosen by its key, {site.owner}[…]"
            )
        what = "a figure" if isinstance(node, (Decimal, int)) else "not a part with fields"
        raise site.error(site.owner, f"has no field {step.name!r}: it is {what}")
    parts = _parts(cls)
    if step.name not in parts:
        hint = _did_you_mean(step.name, list(parts))
        if cls in LINE_TABLES:
            hint = f"{hint} (its lines are chosen by code: {site.owner}[…])"
        raise site.error(site.owner, f"has no field {step.name!r}{hint}")
    declared = parts[step.name]
    value = None if node is None else getattr(node, step.name)
    if step.key is None:
        return value, (model_class(declared) if value is None else type(value))
    here = join(site.before, step.name)
    kind = item_class(declared)
    if kind is None:
        raise site.error(here, f"is not a keyed table; it takes no [{key_text(step.key)}]")
    if value is None:  # pragma: no cover - no keyed table of the model can be blank
        raise site.error(here, "is under a blank part")
    table = LINE_TABLES.get(type(value))
    items: tuple[Any, ...] = getattr(value, table) if table is not None else value
    for item in items:
        if _key_of(item) == step.key:
            return item, type(item)
    attribute = KEYS[kind]
    noun = "line" if attribute == "code" else "item"
    keys = [key for key in map(_key_of, items) if key is not None]
    raise site.error(
        here, f"has no {noun} with {attribute} {step.key!r}{_did_you_mean(step.key, keys)}"
    )


@functools.cache
def _parts(cls: type) -> dict[str, Any]:
    """The names :func:`resolve` follows under ``cls``, each with its declared type.

    The parts are the fields and the derived figures (properties); a private
    field (``_index``) or a method is not a part of the report, nor is the
    ``lines`` field of a table addressed at its owner (``functions[206]``, so
    that one figure has one address).
    """
    parts: dict[str, Any] = dict(field_types(cls))
    for name in dir(cls):
        prop = getattr(cls, name, None)
        if isinstance(prop, property) and prop.fget is not None and name not in parts:
            parts[name] = typing.get_type_hints(prop.fget).get("return", Any)
    hidden = LINE_TABLES.get(cls)
    return {
        name: kind for name, kind in parts.items() if not name.startswith("_") and name != hidden
    }


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """The declared type of each field of the model class ``cls`` (do not change the mapping)."""
    attrs.resolve_types(cls)
    return {field.name: field.type for field in attrs.fields(cls)}


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _options(declared: Any) -> tuple[Any, ...]:
    """The types a declaration allows: each member of a union, or the type itself."""
    if typing.get_origin(declared) in (typing.Union, types.UnionType):
        return typing.get_args(declared)
    return (declared,)


def model_class(declared: Any) -> type | None:
    """The model class a declaration holds (``Figure | None`` → ``Figure``), if any."""
    return next((option for option in _options(declared) if attrs.has(option)), None)


def item_class(declared: Any) -> type | None:
    """The class of the items of a keyed table so declared; ``None`` if it is not one."""
    for option in _options(declared):
        if option in LINE_TABLES:
            option = field_types(option)[LINE_TABLES[option]]
        if typing.get_origin(option) is tuple:
            item = typing.get_args(option)[0]
            if item in KEYS:
                return typing.cast(type, item)
    return None


def _key_of(item: object) -> str | None:
    attribute = KEYS.get(type(item))
    if attribute is None:
        return None
    value = getattr(item, attribute)
    return str(value.value if isinstance(value, enum.Enum) else value)


def label(report: FinalAccount, address: str) -> tuple[str, str]:
    """The (Chinese, English) names of what ``address`` names, as :func:`addresses` names it.

    A derived figure is named by its property's docstring term
    (``fiscal.income_grand_total`` is 财政拨款收入总计).

    Raises:
        AddressError: as :func:`resolve`.

    """
    steps = parse(address)
    node: Any = report
    cls: type | None = type(report)
    zh: list[str] = []
    en: list[str] = []
    for index, step in enumerate(steps):
        if step.key is None and cls is not None:
            field_zh, field_en = _field_label(cls, step.name)
            zh.append(field_zh)
            en.append(field_en)
        node, cls = _member(node, cls, step, _Site(address, join(*map(str, steps[:index]))))
        if step.key is not None:
            item_zh, item_en = (step.key, step.key) if node is None else _item_label(node, step.key)
            zh.append(item_zh)
            en.append(item_en)
    return _spaced(tuple(zh)), _listed(tuple(en))


# -- every figure ----------------------------------------------------------------


def addresses(report: FinalAccount, under: str | None = None) -> Iterator[FigureAt]:
    """Every figure of ``report`` with its address and names, in the data file's order.

    A figure is an amount, a percentage or a count: a field that goes through
    one of the model's money or count converters. A blank one is yielded with
    value ``None``; a part the report leaves out (a line with no 政府性基金
    row, no 机关运行经费) has none yielded. Texts, codes, years and the unit's
    identity are not figures, nor are the figures the model derives (they
    resolve, but are not listed). Every address yielded resolves
    (:func:`resolve`) to its value, and no two are the same.

    The names come from the model's docstrings: each field's line of its
    class's ``Attributes`` begins with the field's Chinese term, and where
    that term is an official one (:data:`govfinal.terms.TERMS`), its English
    is the official English; else it is the field's name in words.

    With ``under``, only the figures under that part (``fiscal.government_fund``)
    are yielded, none when it names a figure or a blank part.

    >>> import govfinal
    >>> report = govfinal.load("examples/data/kexie_2023.toml")
    >>> figure = next(f for f in govfinal.addresses(report) if f.value == Decimal("4.47"))
    >>> figure.address
    'functions[208].general_budget.stated_expenditure'
    >>> figure.label_zh
    '社会保障和就业支出（208） 一般公共预算财政拨款 本年支出合计'
    >>> figure.label_en
    'function 208, general public budget allocations, total expenditure for the year'
    """
    if under is None:
        yield from _figures(report, "", (), ())
        return
    node = resolve(report, under)
    if node is None or not attrs.has(type(node)):
        return
    zh, en = label(report, under)
    table = LINE_TABLES.get(type(node))
    if table is None:
        yield from _figures(node, under, (zh,), (en,))
    else:
        yield from _items(getattr(node, table), under, (), ())
        yield from _figures(node, under, (zh,), (en,), skip=table)


_Labels = tuple[str, ...]


def _figures(
    node: Any, address: str, zh: _Labels, en: _Labels, skip: str | None = None
) -> Iterator[FigureAt]:
    cls: type = type(node)
    for field in attrs.fields(cls):
        if field.name == skip:
            continue
        value = getattr(node, field.name)
        here = join(address, field.name)
        field_zh, field_en = _field_label(cls, field.name)
        if field.converter in _FIGURE_CONVERTERS:
            yield FigureAt(here, _spaced((*zh, field_zh)), _listed((*en, field_en)), value)
            continue
        below_zh, below_en = (*zh, field_zh), (*en, field_en)
        if attrs.has(type(value)):
            table = LINE_TABLES.get(type(value))
            if table is None:
                yield from _figures(value, here, below_zh, below_en)
            else:  # the lines by code, then the owner's own figures (its stated totals)
                yield from _items(getattr(value, table), here, zh, en)
                yield from _figures(value, here, below_zh, below_en, skip=table)
        elif isinstance(value, tuple) and value and type(value[0]) in KEYS:
            yield from _items(value, here, zh, en)


_FIGURE_CONVERTERS: Final[frozenset[object]] = frozenset(
    {
        amount,
        optional_amount,
        optional_percent,
        non_negative_amount,
        optional_non_negative_amount,
        optional_non_negative_percent,
        count,
        optional_count,
    }
)
"""The converters of figure fields: amounts, percentages and counts."""


def _items(items: tuple[Any, ...], address: str, zh: _Labels, en: _Labels) -> Iterator[FigureAt]:
    for item in items:
        key = _key_of(item)
        assert key is not None
        item_zh, item_en = _item_label(item, key)
        yield from _figures(item, keyed(address, key), (*zh, item_zh), (*en, item_en))


def _spaced(labels: _Labels) -> str:
    """Chinese names of the parts, from the report down, joined with spaces."""
    return " ".join(label for label in labels if label)


def _listed(labels: _Labels) -> str:
    """English names of the parts, from the report down, joined with commas."""
    return ", ".join(label for label in labels if label)


def _item_label(item: Any, key: str) -> tuple[str, str]:
    """(Chinese, English) of a keyed item: a line's name and code, else its key."""
    if isinstance(item, FunctionLine):
        return f"{item.name}（{key}）", f"function {key}"
    if isinstance(item, EconomicLine):
        return f"{item.name}（{key}）", f"economic class {key}"
    if isinstance(item, ClassTotal):
        name = FUNCTION_CODES.name_of(key) or "类"
        return f"{name}（{key}）", f"function {key}"
    if isinstance(item, VehicleHolding):
        return key, f"{item.use.name.lower().replace('_', ' ')} vehicles"
    return key, key


_ENGLISH: Final[dict[str, str]] = dict(TERMS.values())
"""The official English of each official Chinese term."""

_TERM = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”、/]+")
"""A run of Chinese: the term a field's docstring line begins with."""

_SPACED_TERM = re.compile(f"{_TERM.pattern}(?: {_TERM.pattern})*")
"""Runs of Chinese one space apart: the term a property's docstring begins with."""


@functools.cache
def _field_label(cls: type, name: str) -> tuple[str, str]:
    """(Chinese, English) of a field, from its line in the class docstring's ``Attributes``.

    Chinese: the term the line begins with (empty when it begins in English).
    English: the official English of that term (:data:`govfinal.terms.TERMS`),
    else the field's name in words.
    """
    attributes = (cls.__doc__ or "").partition("Attributes:")[2]
    line = re.search(rf"^\s+{re.escape(name)}: (.*)$", attributes, re.MULTILINE)
    text = line.group(1) if line else None
    derived = getattr(cls, name, None)
    pattern = _TERM
    if text is None and isinstance(derived, property):  # a derived figure: its docstring
        text, pattern = (derived.__doc__ or "").strip(), _SPACED_TERM
    term = pattern.match(text) if text else None
    zh = term.group().strip("/、 ") if term else ""
    return zh, _ENGLISH.get(zh) or name.replace("_", " ")
