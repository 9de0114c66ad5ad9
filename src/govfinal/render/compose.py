"""Composing a narrative: statements computed from the facts, worded from a catalogue.

A family's outline (:mod:`govfinal.render.families`) says which sentences a
narrative has; for each slot of a sentence it asks the :class:`Composer` for
a statement about the facts (an amount restated, a share, a change over the
prior year, a comparison with a budget, a count). The composer computes the
statement once, with :mod:`govfinal.derive`'s functions, records it with its
place (section and sentence id), and gives the slot's text in the locale.

Invariants:

* Every figure in the text is the value of a recorded statement: the text and
  :attr:`Composer.statements` cannot disagree, and the statements check clean
  against the facts (rules N9xx).
* A slot whose facts are blank gives ``None``, and the outline leaves the
  sentence (or its clause) out: nothing absent is written as ``0``. So does a
  figure beyond the bounds of a statement (a derived sum above 1E+18, a share
  of 1E+26 % over a tiny whole): what cannot be stated is not printed.
* A percentage the report states at a coarser precision ("60.4%") is
  rounded once, half-up, at that precision.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal import ratios
from govfinal.address import AddressError
from govfinal.checks.figures import Figures, Site
from govfinal.derive import (
    amount_statement,
    budget_statements,
    prior_year_statements,
    share_statement,
)
from govfinal.errors import AmountError
from govfinal.model.comparatives import BudgetBasis
from govfinal.model.report import FinalAccount
from govfinal.model.statements import (
    Against,
    AmountStatement,
    BudgetStatement,
    CountStatement,
    DateStatement,
    DirectionStatement,
    GrowthStatement,
    Measure,
    NoneStatement,
    Place,
    ReasonStatement,
    Relation,
    ShareStatement,
    Statement,
    Trend,
    YearStatement,
)
from govfinal.money import round_percent
from govfinal.render import numbers
from govfinal.render.sentences import Catalogue, catalogue

__all__ = ["BudgetSlots", "Composer", "PriorSlots"]


@attrs.frozen
class PriorSlots:
    """The slots of a comparison with the prior year (与上年相比), worded.

    Attributes:
        direction: 增加 / 减少 / 持平 in the locale.
        change: the change's size, an amount (``14.45 万元``).
        rise: 增长 / 下降 in the locale (the word before a growth rate).
        growth: the growth rate's size (``19.69%``).

    """

    direction: str
    change: str
    rise: str
    growth: str


@attrs.frozen
class BudgetSlots:
    """The slots of a comparison with a budget, worded.

    Attributes:
        budget: the budget's amount (``96.41 万元``).
        direction: 大于 / 小于 / 等于 in the locale.
        rate: the 执行率 on the budget's basis (``60.82%``).

    """

    budget: str
    direction: str
    rate: str


class Composer:
    """The statements of one narrative, computed as its sentences are worded.

    Attributes:
        report: the report.
        figures: its figures (derived ones made once).
        catalogue: the family's sentences in the locale.
        lang: the locale, ``"zh"`` or ``"en"``.
        statements: the statements the narrative makes, in the order of its text.
        section: the section the sentences now being worded belong to (``"五（一）"``).

    """

    def __init__(self, report: FinalAccount, *, family: str, lang: str) -> None:
        self.report = report
        self.figures = Figures(report)
        self.catalogue: Catalogue = catalogue(family, lang)
        self.lang = lang
        self.statements: list[Statement] = []
        self.section = ""
        self._sites = {site.address: site for site in self.figures.sites()}
        self._stated = _stated_values(report.statements)

    # -- words and sentences ---------------------------------------------------------

    def say(self, sentence_id: str, /, **slots: str) -> str:
        """The sentence ``sentence_id`` of the catalogue, its slots filled."""
        return self.catalogue.say(sentence_id, **slots)

    def word(self, word_id: str) -> str:
        """A word of the catalogue (a direction word, a separator)."""
        return self.catalogue.word(word_id)

    def money(self, value: Decimal) -> str:
        """An amount in the report's unit: ``58.95 万元``, ``58.95 (10,000 yuan)``."""
        unit = self.report.unit.amount_unit
        shown = numbers.amount(value, self.lang, grouping=self.lang == "en")
        return self.say(
            "format.money", value=shown, unit=unit.value if self.lang == "zh" else unit.english
        )

    def percent(self, value: Decimal) -> str:
        """A percentage as stated (already rounded): ``19.69%``."""
        return self.say("format.percent", value=numbers.plain(value, self.lang))

    # -- statements ------------------------------------------------------------------

    def _place(self, sentence: str) -> Place:
        return Place(section=self.section or None, template=sentence)

    def _record(self, statements: Iterable[Statement]) -> None:
        self.statements.extend(statements)

    def value(self, address: str) -> Decimal | None:
        """The figure at ``address`` (published, else derived); ``None`` when blank or unknown."""
        try:
            term = self.figures.at(address)
        except AddressError:
            return None
        return None if term is None else term.value

    def amount(self, address: str, sentence: str) -> str | None:
        """The figure at ``address`` restated in ``sentence``; ``None`` when it is blank."""
        if self.value(address) is None:
            return None
        published = self.value(address)
        try:
            statement = amount_statement(self.figures, address, self._place(sentence))
            if statement is not None and published == statement.value:
                statement = attrs.evolve(statement, value=published)  # as published: "97.6"
        except AmountError:  # a derived sum beyond the bounds of a stated amount
            return None
        if statement is None:
            return None
        self._record([statement])
        return self.money(statement.value)

    def share(self, part: str, whole: str, sentence: str) -> str | None:
        """The share of ``part`` in ``whole`` (占 X%); ``None`` when it cannot be derived."""
        if self.value(part) is None or self.value(whole) is None:
            return None
        like = self._stated.get((ShareStatement.KIND, part, whole))
        try:
            statement = share_statement(self.figures, part, whole, self._place(sentence), like=like)
        except AmountError:  # a share beyond the bounds of a stated percentage
            return None
        if statement is None:
            return None
        self._record([statement])
        return self.percent(statement.value)

    def count(self, address: str, sentence: str) -> str | None:
        """A count at ``address`` (人数, 辆, 个) restated; ``None`` when it is blank."""
        value = self.value(address)
        if value is None:
            return None
        try:
            statement = CountStatement(address, int(value), place=self._place(sentence))
        except AmountError:  # a derived count beyond the bounds of a stated count
            return None
        self._record([statement])
        return numbers.count(int(value))

    def site(self, address: str) -> Site | None:
        """The comparative site of the figure at ``address``, if it has one."""
        return self._sites.get(address)

    def versus_prior(self, address: str, sentence: str) -> PriorSlots | None:
        """The comparison of the figure at ``address`` with the prior year, if derivable."""
        site = self.site(address)
        if site is None:
            return None
        like = self._stated.get((GrowthStatement.KIND, address, ""))
        try:
            found = prior_year_statements(site, self._place(sentence), like=like)
        except AmountError:  # a growth rate beyond the bounds of a stated percentage
            return None
        if not found:
            return None
        change, direction, growth = found
        self._record(found)
        rise = "rise" if change.value > 0 else "fall" if change.value < 0 else "flat"
        return PriorSlots(
            direction=self.word(direction.word),
            change=self.money(abs(change.value)),
            rise=self.word(rise),
            growth=self.percent(abs(growth.value)),
        )

    def versus_budget(
        self,
        address: str,
        sentence: str,
        *,
        measure: Measure = Measure.EXECUTION,
        direction: bool = True,
    ) -> BudgetSlots | None:
        """The comparison of the figure at ``address`` with its budget, if it has one.

        ``measure`` is the rate the sentence states (执行率 or 预决算差异率);
        ``direction`` whether it states 大于/小于 too (else that statement is
        not recorded, though the slot is filled).
        """
        site = self.site(address)
        if site is None:
            return None
        like = self._stated.get((BudgetStatement.KIND, address, measure.value))
        try:
            found = budget_statements(site, self._place(sentence), measure=measure, like=like)
        except AmountError:  # a rate beyond the bounds of a stated percentage
            return None
        if not found:
            return None
        budget, compared, rate = found
        self._record([budget, compared, rate] if direction else [budget, rate])
        return BudgetSlots(
            budget=self.money(budget.value),
            direction=self.word(compared.word),
            rate=self.percent(rate.value),
        )

    # -- years, dates, parts said to hold nothing, directions alone ---------------------

    def year(self, relation: Relation, sentence: str) -> str:
        """The report's year (本年) or the one before (上年), recorded as a year statement."""
        year = self.report.unit.fiscal_year
        value = year if relation is Relation.CURRENT else year - 1
        self._record([YearStatement(value, relation, place=self._place(sentence))])
        return str(value)

    def year_end(self, about: str, sentence: str) -> str:
        """The last day of the report's year (截至 12 月 31 日) of the part ``about``, worded.

        Recorded as a date statement; worded by the catalogue's ``format.date``.
        """
        end = datetime.date(self.report.unit.fiscal_year, 12, 31)
        self._record([DateStatement(about, end, place=self._place(sentence))])
        return self.say("format.date", year=str(end.year), month=str(end.month), day=str(end.day))

    def nothing(self, about: str, sentence: str) -> None:
        """Record that the text says the part ``about`` holds nothing (本年度无…)."""
        self._record([NoneStatement(about, place=self._place(sentence))])

    def number(self, address: str, sentence: str) -> str | None:
        """The figure at ``address`` restated without a unit (平均得分 99.43); ``None`` if blank."""
        if self.value(address) is None:
            return None
        statement = amount_statement(self.figures, address, self._place(sentence))
        if statement is None:
            return None
        self._record([statement])
        return numbers.plain(statement.value, self.lang)

    def _direction_of(
        self, address: str, sentence: str, *, budget: bool
    ) -> tuple[DirectionStatement, list[Statement]] | None:
        """The direction statement of ``address``, and the statements that record it.

        Those are ``[direction]``, or ``[change, direction]`` when the prior
        year is known only by its change; ``None`` when there is no comparison.
        """
        site = self.site(address)
        if site is None:
            return None
        place = self._place(sentence)
        if budget:
            compared = budget_statements(site, place)
            return (compared[1], [compared[1]]) if compared else None
        changed = prior_year_statements(site, place)
        if not changed:
            return None
        change, direction, _ = changed
        return direction, [direction] if direction.to is not None else [change, direction]

    def trend(self, address: str, *, budget: bool = False) -> Trend | None:
        """What the figure at ``address`` does against the prior year (or its budget).

        Records nothing; ``None`` when the comparison cannot be derived. An
        outline asks it to choose between a sentence of change and one of 持平.
        """
        found = self._direction_of(address, "", budget=budget)
        return None if found is None else found[0].trend

    def direction(self, address: str, sentence: str, *, budget: bool = False) -> str | None:
        """The direction word alone (增加/减少/持平, or 大于/小于/等于 with ``budget``), recorded.

        For a sentence that states the direction and no figure of the
        comparison ("决算数与预算数持平", "公务接待费支出决算持平"); ``None`` when
        the comparison cannot be derived. Against a prior year known only by
        its published change, the change is recorded too: "持平" states it is 0,
        and the word is judged by it.
        """
        found = self._direction_of(address, sentence, budget=budget)
        if found is None:
            return None
        direction, recorded = found
        self._record(recorded)
        return self.word(direction.word)

    def states_rate(self, address: str, measure: Measure = Measure.EXECUTION) -> bool:
        """Whether the report's own narrative states a rate of ``address`` against its budget.

        A family whose template words no rate for a figure may still word it
        for a report that publishes one.
        """
        return (BudgetStatement.KIND, address, measure.value) in self._stated

    # -- the zero-base convention, a zero change worded as a rise, reasons --------------

    def share_or_zero(self, part: str, whole: str, sentence: str) -> str | None:
        """:meth:`share`, a whole of 0 included: 0 % by the zero-base convention.

        (:func:`govfinal.ratios.over_zero_base`: "占 0.00%" of a 三公 total of
        0.00.) ``None`` when either figure is blank, or the share is beyond the
        bounds of a stated percentage.
        """
        shown = self.share(part, whole, sentence)
        if shown is not None:
            return shown
        part_value, whole_value = self.value(part), self.value(whole)
        if part_value is None or whole_value is None:
            return None
        like = self._stated.get((ShareStatement.KIND, part, whole))
        try:
            value = round_percent(ratios.share_of(part_value, whole_value), like=like)
            statement = ShareStatement(part, whole, value, place=self._place(sentence))
        except AmountError:
            return None
        self._record([statement])
        return self.percent(statement.value)

    def versus_prior_up_at_zero(self, address: str, sentence: str) -> PriorSlots | None:
        """:meth:`versus_prior`, a change of 0 worded as a rise: "增加 0.00 万元，增长 0.00%".

        Some families word no change that way. The word is then the family's
        wording, not a claim about the figures, so no direction statement is
        recorded for it (the change and the growth rate of 0 are).
        """
        found = self.versus_prior(address, sentence)
        if found is None:
            return None
        last = self.statements[-2]  # versus_prior records change, direction, growth
        if not (isinstance(last, DirectionStatement) and last.trend is Trend.LEVEL):
            return found
        del self.statements[-2]
        return attrs.evolve(found, direction=self.word("增加"), rise=self.word("rise"))

    def versus_budget_or_zero(
        self,
        address: str,
        sentence: str,
        *,
        measure: Measure = Measure.EXECUTION,
        direction: bool = True,
    ) -> BudgetSlots | None:
        """:meth:`versus_budget`, a budget of 0 included: its rate by the zero-base convention.

        (0 % when nothing was spent against it, 100 % otherwise:
        "全年预算数 0.00 万元，决算数 0.00 万元，预决算差异率0.00%".)
        """
        found = self.versus_budget(address, sentence, measure=measure, direction=direction)
        if found is not None:
            return found
        site = self.site(address)
        if site is None or site.current is None or site.budget is None:
            return None
        budget = site.budget.budget
        if budget is None or not budget.is_zero():
            return None
        final = site.current.value
        budget_address = f"{site.budget_path}.budget"
        place = self._place(sentence)
        against = (
            Against.INITIAL_BUDGET
            if site.budget.basis is BudgetBasis.INITIAL
            else Against.FULL_YEAR_BUDGET
        )
        word = "大于" if final > budget else "小于" if final < budget else "等于"
        rate = (
            ratios.execution_rate_of(budget, final)
            if measure is Measure.EXECUTION
            else ratios.budget_variance_of(budget, final)
        )
        like = self._stated.get((BudgetStatement.KIND, address, measure.value))
        stated = BudgetStatement(
            site.address,
            budget_address,
            site.budget.basis,
            measure,
            round_percent(rate, like=like),
            place=place,
        )
        compared = DirectionStatement(site.address, against, word, to=budget_address, place=place)
        amount = AmountStatement(budget_address, budget, place=place)
        self._record([amount, compared, stated] if direction else [amount, stated])
        return BudgetSlots(
            budget=self.money(budget), direction=self.word(word), rate=self.percent(stated.value)
        )

    def reason(self, about: str, against: Against, text: str, sentence: str) -> str:
        """A published reason (主要原因) for the change or variance of ``about``, recorded."""
        self._record([ReasonStatement(about, against, text, place=self._place(sentence))])
        return text


def _stated_values(statements: Iterable[Statement]) -> dict[tuple[str, str, str], Decimal]:
    """The percentages a report states, by (kind, about, whole): the precision to render at."""
    stated: dict[tuple[str, str, str], Decimal] = {}
    for statement in statements:
        if isinstance(statement, ShareStatement):
            stated.setdefault((statement.KIND, statement.about, statement.of), statement.value)
        elif isinstance(statement, GrowthStatement):
            stated.setdefault((statement.KIND, statement.about, ""), abs(statement.value))
        elif isinstance(statement, BudgetStatement):
            key = (statement.KIND, statement.about, statement.measure.value)
            stated.setdefault(key, abs(statement.value))
    return stated
