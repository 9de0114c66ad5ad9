"""Statements: what a report's narrative (情况说明) claims about its figures.

A report publishes most figures twice or more: in a table, and again in the
narrative, which also states shares, changes over the prior year, growth
rates, comparisons with a budget, direction words, counts and years. The
figures themselves are the report's *facts*, held once each in the model at
their address (``functions[2010601].general_budget.expenditure``). A
*statement* is one claim of the text about facts: a small typed record
naming the addresses it is about, the value or word it states, and its place
in the text (:class:`Place`). The checks compare what is stated with what
the facts give (rules N9xx), rounding-exact.

Invariants:

* Every address a statement names is well formed (:func:`govfinal.address.parse`);
  whether it names a figure of the report is a check (N901), since a report
  may be held before it is complete.
* A stated amount or percentage is a :class:`~decimal.Decimal` with the digits
  as printed; signed where the text gives a direction (a decrease is negative).
* A direction word is one the report's language uses (:data:`DIRECTION_WORDS`);
  its meaning (:class:`Trend`) is derived from the word, never stored beside it.
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import ClassVar, Final

import attrs

from govfinal.errors import GovFinalError
from govfinal.model._fields import (
    amount,
    count,
    located,
    optional_count,
    percent,
)
from govfinal.model.comparatives import BudgetBasis
from govfinal.model.tables import StandardTable

__all__ = [
    "DIRECTION_WORDS",
    "STATEMENT_KINDS",
    "Against",
    "AmountStatement",
    "BudgetStatement",
    "ChangeStatement",
    "CountStatement",
    "DateStatement",
    "DirectionStatement",
    "GrowthStatement",
    "Measure",
    "NoneStatement",
    "Place",
    "Presence",
    "ReasonStatement",
    "Relation",
    "ShareStatement",
    "Statement",
    "TableStatement",
    "Trend",
    "YearStatement",
    "named_addresses",
]


def address_text(value: str) -> str:
    """Converter of an address a statement names: well-formed, else :class:`AddressError`."""
    from govfinal.address import parse  # the address module imports the model

    if not isinstance(value, str):
        raise GovFinalError(f"address: expected text, got {type(value).__name__}")
    parse(value)
    return value


def optional_address_text(value: str | None) -> str | None:
    """Converter of an address a statement may leave out."""
    return None if value is None else address_text(value)


class Against(enum.Enum):
    """What a figure is compared with (比较基准)."""

    PRIOR_YEAR = "上年"
    INITIAL_BUDGET = "年初预算"
    FULL_YEAR_BUDGET = "全年预算"

    @property
    def basis(self) -> BudgetBasis | None:
        """The budget basis compared with, ``None`` for the prior year."""
        return _BASES.get(self)


_BASES: Final = {
    Against.INITIAL_BUDGET: BudgetBasis.INITIAL,
    Against.FULL_YEAR_BUDGET: BudgetBasis.FULL_YEAR,
}


class Measure(enum.Enum):
    """How a comparison with a budget is stated.

    ``EXECUTION`` (执行率, 完成预算的 %) is 决算 ÷ 预算 × 100;
    ``VARIANCE`` (预决算差异率) is (决算 − 预算) ÷ 预算 × 100.
    """

    EXECUTION = "执行率"
    VARIANCE = "差异率"


class Relation(enum.Enum):
    """Which year a stated year is: the report's own or the one before."""

    CURRENT = "本年"
    PRIOR = "上年"


class Trend(enum.Enum):
    """What a direction word says of a figure against what it is compared with."""

    UP = "up"
    DOWN = "down"
    LEVEL = "level"
    ABOUT_LEVEL = "about level"


DIRECTION_WORDS: Final[dict[str, Trend]] = {
    "增加": Trend.UP,
    "增长": Trend.UP,
    "上升": Trend.UP,
    "大于": Trend.UP,
    "高于": Trend.UP,
    "超过": Trend.UP,
    "减少": Trend.DOWN,
    "下降": Trend.DOWN,
    "降低": Trend.DOWN,
    "小于": Trend.DOWN,
    "低于": Trend.DOWN,
    "持平": Trend.LEVEL,
    "等于": Trend.LEVEL,
    "相等": Trend.LEVEL,
    "一致": Trend.LEVEL,
    "基本持平": Trend.ABOUT_LEVEL,
    "基本一致": Trend.ABOUT_LEVEL,
    "基本相当": Trend.ABOUT_LEVEL,
}
"""The direction words of the narrative and what each says (增加 up, 持平 level, …)."""


def direction_word(value: str) -> str:
    """Converter of a direction word: one of :data:`DIRECTION_WORDS`."""
    if not isinstance(value, str):
        raise GovFinalError(f"word: expected text, got {type(value).__name__}")
    if value not in DIRECTION_WORDS:
        words = "、".join(DIRECTION_WORDS)
        raise GovFinalError(f"word: {value!r} is not a direction word ({words})")
    return value


@attrs.frozen
class Place:
    """Where a statement is in the report.

    Attributes:
        section: 章节, the narrative section as numbered in the text (``"五"``,
            ``"五（二）"``), or ``None`` when not recorded.
        sentence: 句序, the sentence, counted from 1 within the section (a sentence
            ends at 。 or ；).
        page: 页码, the page of the published document, when read from one.
        line: 行号, the line on that page.
        template: the id of the catalogue sentence a rendered narrative worded
            it in (``"fiscal.versus_prior"``, :mod:`govfinal.render.sentences`).

    """

    section: str | None = None
    sentence: int | None = attrs.field(default=None, converter=optional_count)
    page: int | None = attrs.field(default=None, converter=optional_count)
    line: int | None = attrs.field(default=None, converter=optional_count)
    template: str | None = None

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.section is not None:
            parts.append(f"{self.section}")
        if self.sentence is not None:
            parts.append(f"第{self.sentence}句")
        return " ".join(parts)


@located
@attrs.frozen
class AmountStatement:
    """The text restates an amount (重述): ``本年收入合计2946.25万元``.

    Attributes:
        about: the address of the figure restated.
        value: 所述金额, the amount as stated, in the report's amount unit.
        place: where the statement is.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "amount"
    about: str = attrs.field(converter=address_text)
    value: Decimal = attrs.field(converter=amount)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class ShareStatement:
    """A share (占比): ``财政拨款收入2940.05万元，占99.79%``.

    Attributes:
        about: the address of the part.
        of: the address of the whole.
        value: 所述占比, the share as stated, in percent.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "share"
    about: str = attrs.field(converter=address_text)
    of: str = attrs.field(converter=address_text)
    value: Decimal = attrs.field(converter=percent)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class ChangeStatement:
    """A change over the prior year (增减额): ``比上年增加2.55万元``.

    Attributes:
        about: the address of this year's figure.
        value: 所述增减额, the change as stated, signed (a decrease is negative).
        prior: the address of the prior year's figure, when the report
            publishes it as a fact; else the prior amount is this year's
            figure less the change.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "change"
    about: str = attrs.field(converter=address_text)
    value: Decimal = attrs.field(converter=amount)
    prior: str | None = attrs.field(default=None, converter=optional_address_text)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class GrowthStatement:
    """A growth rate over the prior year (增长率): ``下降1.87%`` is −1.87.

    Attributes:
        about: the address of this year's figure.
        value: 所述增长率, the rate as stated, in percent, signed.
        prior: the address of the prior year's figure, when it is a fact;
            else the rate is judged against the figure's own 上年决算数, or its
            published 增减额, or the change stated for ``about``.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "growth"
    about: str = attrs.field(converter=address_text)
    value: Decimal = attrs.field(converter=percent)
    prior: str | None = attrs.field(default=None, converter=optional_address_text)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class BudgetStatement:
    """A comparison with a budget on a stated basis: ``完成年初预算的98.20%``.

    Attributes:
        about: the address of the 决算数.
        budget: the address of the 预算数 compared with.
        basis: the budget the text names (年初预算 or 全年预算).
        measure: 执行率 (决算 ÷ 预算) or 差异率 ((决算 − 预算) ÷ 预算).
        value: 所述比率, the rate as stated, in percent.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "budget"
    about: str = attrs.field(converter=address_text)
    budget: str = attrs.field(converter=address_text)
    basis: BudgetBasis = attrs.field(validator=attrs.validators.instance_of(BudgetBasis))
    measure: Measure = attrs.field(validator=attrs.validators.instance_of(Measure))
    value: Decimal = attrs.field(converter=percent)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class DirectionStatement:
    """A direction word (增加/减少/持平, 大于/小于/等于): ``决算数小于预算数``.

    Attributes:
        about: the address of the figure described.
        against: what it is compared with.
        word: the word as printed, one of :data:`DIRECTION_WORDS`.
        to: the address of the figure compared with (the budget, or the
            prior year's figure when it is a fact); without it, a comparison
            with the prior year is judged against the change stated for
            ``about``.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "direction"
    about: str = attrs.field(converter=address_text)
    against: Against = attrs.field(validator=attrs.validators.instance_of(Against))
    word: str = attrs.field(converter=direction_word)
    to: str | None = attrs.field(default=None, converter=optional_address_text)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)

    @property
    def trend(self) -> Trend:
        """What the word says."""
        return DIRECTION_WORDS[self.word]


@located
@attrs.frozen
class CountStatement:
    """A count (项目 4 个, 车辆 0 辆).

    Attributes:
        about: the address of the count.
        value: 所述数量, the count as stated.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "count"
    about: str = attrs.field(converter=address_text)
    value: int = attrs.field(converter=count)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class YearStatement:
    """A year the text names (``2024年度``; ``与2023年度相比``).

    Attributes:
        value: 所述年度, the year as stated.
        relation: which year it should be, the report's or the prior one.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "year"
    value: int = attrs.field(converter=count)
    relation: Relation = attrs.field(
        default=Relation.CURRENT, validator=attrs.validators.instance_of(Relation)
    )
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class DateStatement:
    """A date the text names: ``截至2024年12月31日`` (the assets' date, the year's end).

    Attributes:
        about: the address of the part dated (``assets``).
        value: 所述日期, the date as stated.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "date"
    about: str = attrs.field(converter=address_text)
    value: datetime.date = attrs.field(validator=attrs.validators.instance_of(datetime.date))
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class NoneStatement:
    """The text says a part holds nothing: ``本年度无政府性基金预算财政拨款收入和支出``.

    Attributes:
        about: the address of the part (``fiscal.government_fund``,
            ``three_public``); every figure under it should be 0 or blank.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "none"
    about: str = attrs.field(converter=address_text)
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


@located
@attrs.frozen
class ReasonStatement:
    """A stated reason (主要原因) for a change or a variance.

    Attributes:
        about: the address of the figure explained.
        against: what its change or variance is against.
        text: the reason as published.
        place: where the statement is in the report.

    """

    KIND: ClassVar[str] = "reason"
    about: str = attrs.field(converter=address_text)
    against: Against = attrs.field(validator=attrs.validators.instance_of(Against))
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    place: Place = attrs.field(factory=Place, kw_only=True)


class Presence(enum.Enum):
    """What the text says of a standard table: published with figures, empty, or not published."""

    PUBLISHED = "公开"
    EMPTY = "空表"
    ABSENT = "未公开"


@located
@attrs.frozen
class TableStatement:
    """The text says whether a standard table is published, or is empty (为空表).

    ``本单位无政府性基金预算财政拨款收入、支出及结转和结余，政府性基金预算财政拨款收入支出决算表为空表``
    states the 政府性基金 table empty; every amount it prints should then be
    blank or 0. A table stated published should print some figure.

    Attributes:
        table: the standard table (部门决算表) the text names.
        presence: 公开, 空表 or 未公开, as the text says.
        place: where the statement is in the report.
        text: the published words, when recorded.

    """

    KIND: ClassVar[str] = "table"
    table: StandardTable = attrs.field(validator=attrs.validators.instance_of(StandardTable))
    presence: Presence = attrs.field(validator=attrs.validators.instance_of(Presence))
    place: Place = attrs.field(factory=Place, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)


Statement = (
    AmountStatement
    | ShareStatement
    | ChangeStatement
    | GrowthStatement
    | BudgetStatement
    | DirectionStatement
    | CountStatement
    | YearStatement
    | DateStatement
    | NoneStatement
    | ReasonStatement
    | TableStatement
)
"""Any statement; its ``KIND`` is the ``kind`` key of a data file's ``[[statements]]``."""


def named_addresses(statement: Statement) -> tuple[str, ...]:
    """Every address ``statement`` names: ``about``, then ``of``, ``budget``, ``prior``, ``to``.

    A table statement names the parts its table's figures lie under
    (:attr:`StandardTable.addresses <govfinal.model.tables.StandardTable.addresses>`).
    """
    if isinstance(statement, TableStatement):
        return statement.table.addresses
    named = (getattr(statement, name, None) for name in ("about", "of", "budget", "prior", "to"))
    return tuple(value for value in named if isinstance(value, str))


STATEMENT_KINDS: Final[dict[str, type[Statement]]] = {
    cls.KIND: cls
    for cls in (
        AmountStatement,
        ShareStatement,
        ChangeStatement,
        GrowthStatement,
        BudgetStatement,
        DirectionStatement,
        CountStatement,
        YearStatement,
        DateStatement,
        NoneStatement,
        ReasonStatement,
        TableStatement,
    )
}
"""Each statement class by its kind."""
