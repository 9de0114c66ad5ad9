"""The outline of the seed's family: the 2023 report of 乌鲁木齐高新区（新市区）科学技术协会.

Parts: 第一部分 单位概况, 第二部分 部门决算情况说明 (sections 一 to 十二, with the
self-evaluation tables before 十二), 第三部分 专业名词解释, 第四部分 部门决算报表;
then the heading 附表 and the nine tables. Sentence ids are those of
``render/data/sentences/xinjiang_2023.*.toml``.

Rules of the outline (every locale):

* A list (本年收入 by source, 基本支出 by group, …) has a clause for each part
  the report publishes, and none for a blank one; a sentence whose figures are
  all blank is left out. Nothing absent is written as 0.
* A reason (主要原因) is an optional clause: no "，。" where none is published.
* The standard sentences of nothing stay: "本年无此项支出" for a 三公 line of
  0, the empty fund sentence "…为空表", "本单位无机关运行经费支出".
* As the seed, a change of 0 is worded "增加 0.00 万元，增长 0.00%", a share
  of a whole of 0 is 0.00 % and a rate against a budget of 0 is 0.00 % (the
  zero-base convention, :mod:`govfinal.ratios`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from govfinal.model.comparatives import BudgetBasis
from govfinal.model.funds import FundType
from govfinal.model.other import VehicleUse
from govfinal.model.statements import Against, Measure, Relation
from govfinal.render.compose import Composer
from govfinal.render.document import Block, Heading, Paragraph, Table
from govfinal.render.glossary import GlossaryEntry
from govfinal.render.self_evaluation import self_evaluation_tables

__all__ = ["outline"]

_Parts = Sequence[tuple[str, str]]
"""Parts of a list: (word id of the part's name, address of its figure)."""


def outline(
    c: Composer, glossary: Sequence[GlossaryEntry], tables: Sequence[Table]
) -> Iterator[Block]:
    """The report's blocks: parts one to four, then the heading 附表 and the nine tables."""
    yield from _profile(c)
    yield Heading(c.say("part.two"), 1)
    yield from _totals(c)
    yield from _income(c)
    yield from _expenditure(c)
    yield from _fiscal(c)
    yield from _general_budget(c)
    yield from _basic(c)
    yield from _three_public(c)
    yield from _fund(c, "八", FundType.GOVERNMENT_FUND)
    yield from _fund(c, "九", FundType.STATE_CAPITAL)
    yield from _other_matters(c)
    yield from _performance(c)
    yield from self_evaluation_tables(c.report)
    yield from _matters(c)
    c.section = ""
    yield Heading(c.say("part.three"), 1)
    for i, entry in enumerate(glossary, start=1):
        yield Paragraph(
            c.say("glossary.entry", number=_numeral(c, i), term=entry.term, text=entry.text)
        )
    yield Heading(c.say("part.four"), 1)
    for i, table in enumerate(tables, start=1):
        yield Paragraph(c.say("tables.entry", number=_numeral(c, i), title=table.title))
    yield Heading(c.say("part.tables"), 1)
    yield from tables


# -- helpers -----------------------------------------------------------------------


def _numeral(c: Composer, index: int) -> str:
    """The numeral of an enumeration in the locale (一, 二, … in Chinese), 1-based."""
    return c.catalogue.words.get(f"numeral.{index}", str(index))


def _joined(c: Composer, separator: str, clauses: Sequence[str | None]) -> str | None:
    """The clauses given (not ``None``), joined with the word ``separator``; ``None`` if none."""
    given = [clause for clause in clauses if clause is not None]
    return c.word(separator).join(given) if given else None


def _named(c: Composer, sentence: str, parts: _Parts) -> list[str | None]:
    """The clauses ``name amount`` of ``parts``, ``None`` for a blank one."""
    clauses: list[str | None] = []
    for name, address in parts:
        shown = c.amount(address, sentence)
        clauses.append(
            None if shown is None else c.say("clause.named_amount", name=c.word(name), amount=shown)
        )
    return clauses


def _parts(c: Composer, sentence: str, parts: _Parts) -> str | None:
    """The clauses ``name amount`` of the published ``parts``, joined."""
    return _joined(c, "list.comma", _named(c, sentence, parts))


def _share_clause(c: Composer, sentence: str, name: str, address: str, whole: str) -> str | None:
    """``name amount，占 share`` (the share left out if underivable); ``None`` when blank."""
    shown = c.amount(address, sentence)
    if shown is None:
        return None
    share = c.share_or_zero(address, whole, sentence)
    if share is None:
        return c.say("clause.named_amount", name=c.word(name), amount=shown)
    return c.say("clause.amount_share", name=c.word(name), amount=shown, share=share)


def _shares(c: Composer, sentence: str, whole: str, parts: _Parts) -> str | None:
    """The clauses ``name amount，占 share`` of the published ``parts``, joined with "；"."""
    clauses = [_share_clause(c, sentence, name, address, whole) for name, address in parts]
    return _joined(c, "list.semicolon", clauses)


def _of_which(c: Composer, parts: str | None) -> str:
    """The clause ``，其中：parts``, or nothing."""
    return "" if parts is None else c.say("clause.of_which", parts=parts)


def _reason(c: Composer, about: str, against: Against, reason: str | None, sentence: str) -> str:
    """The clause of a published reason (主要原因), or nothing: never a stray "，。"."""
    if not reason:
        return ""
    return c.say("clause.reason", reason=c.reason(about, against, reason, sentence))


def _prior(c: Composer, clause: str, address: str, sentence: str) -> str | None:
    """The comparison of ``address`` with the prior year worded in ``clause``, if derivable."""
    compared = c.versus_prior_up_at_zero(address, sentence)
    site = c.site(address)
    if compared is None or site is None or site.prior is None:
        return None
    reason = _reason(c, address, Against.PRIOR_YEAR, site.prior.reason, sentence)
    return c.say(clause, **attrs.asdict(compared), reason=reason)


def _budget(c: Composer, clause: str, address: str, sentence: str, **slots: str) -> str | None:
    """The comparison of ``address`` with its budget (预决算差异率) worded in ``clause``."""
    site = c.site(address)
    if site is None or site.budget is None or site.current is None:
        return None
    start = len(c.statements)
    compared = c.versus_budget_or_zero(address, sentence, measure=Measure.VARIANCE, direction=False)
    if compared is None:
        return None
    final = c.amount(address, sentence)
    if final is None:  # the figure compared is derived, its own cell blank
        _undo(c, start)
        return None
    c.statements.insert(start + 1, c.statements.pop())  # text order: budget, final, rate
    basis = site.budget.basis
    against = Against.INITIAL_BUDGET if basis is BudgetBasis.INITIAL else Against.FULL_YEAR_BUDGET
    return c.say(
        clause,
        basis=c.word(basis.value),
        budget=compared.budget,
        final=final,
        rate=compared.rate,
        reason=_reason(c, address, against, site.budget.reason, sentence),
        **slots,
    )


def _year(c: Composer, sentence: str) -> str:
    """The report's year, recorded as said in ``sentence``."""
    return c.year(Relation.CURRENT, sentence)


def _sentences(c: Composer, sentences: Sequence[str | None]) -> str:
    """The sentences given (not ``None``) as one paragraph's text."""
    return c.word("list.sentences").join(text for text in sentences if text is not None)


def _undo(c: Composer, start: int) -> None:
    """Forget the statements recorded since ``start``: their sentence is not said."""
    del c.statements[start:]


# -- 第一部分 单位概况 ---------------------------------------------------------------


def _profile(c: Composer) -> Iterator[Block]:
    profile, unit = c.report.profile, c.report.unit
    c.section = "第一部分一"
    yield Heading(c.say("part.one"), 1)
    yield Heading(c.say("profile.functions.heading"), 2)
    if profile.mandate:
        yield Paragraph(profile.mandate)
    for i, function in enumerate(profile.functions, start=1):
        yield Paragraph(c.say("profile.function", number=_numeral(c, i), text=function))
    c.section = "第一部分二"
    yield Heading(c.say("profile.staff.heading"), 2)
    sentence = "profile.staff"
    start = len(c.statements)
    year = _year(c, sentence)
    total = c.count("profile.staff.total", sentence)
    named = []
    for name, field in (
        ("在职人员", "in_service"),
        ("离休人员", "retired_cadres"),
        ("退休人员", "retirees"),
    ):
        shown = c.count(f"profile.staff.{field}", sentence)
        if shown is not None:
            named.append(c.say("clause.staff_part", name=c.word(name), count=shown))
    listed = _joined(c, "list.comma", named)
    counts = None if total is None else c.say("clause.staff_total", count=total)
    if counts is not None and listed is not None:
        counts = c.say("clause.staff_of_which", total=counts, parts=listed)
    counts = counts or listed
    if counts is None:
        _undo(c, start)
    else:
        yield Paragraph(c.say(sentence, unit=unit.name, year=year, counts=counts))
    sentence = "profile.units"
    if profile.subordinate_units:
        count = c.count("profile.subordinate_count", sentence)
        names = c.word("list.enum").join(profile.subordinate_units)
        subordinates = c.say("clause.subordinates", count=count or "", names=names)
    else:
        subordinates = c.say("clause.no_subordinates")
    divisions = None
    if profile.stated_division_count is not None or profile.divisions:
        shown = c.count("profile.division_count", sentence)
        divisions = None if shown is None else c.say("clause.divisions", count=shown)
    clauses = _joined(c, "list.comma", [subordinates, divisions])
    yield Paragraph(c.say(sentence, clauses=clauses or ""))


# -- 第二部分 一 to 三: totals, income, expenditure ----------------------------------


def _totals(c: Composer) -> Iterator[Block]:
    c.section = "一"
    yield Heading(c.say("totals.heading"), 2)
    for sentence, whole, parts in (
        (
            "totals.income",
            "income.grand_total",
            [
                ("本年收入合计", "income.sources.total"),
                ("使用非财政拨款结余", "income.non_fiscal_balance_used"),
                ("年初结转和结余", "income.opening_balance"),
            ],
        ),
        (
            "totals.expenditure",
            "expenditure.grand_total",
            [
                ("本年支出合计", "expenditure.nature.total"),
                ("结余分配", "expenditure.surplus_distribution"),
                ("年末结转和结余", "expenditure.closing_balance"),
            ],
        ),
    ):
        start = len(c.statements)
        year = _year(c, sentence)
        total = c.amount(whole, sentence)
        if total is None:
            _undo(c, start)
            continue
        listed = _parts(c, sentence, parts)
        yield Paragraph(c.say(sentence, year=year, total=total, parts=_of_which(c, listed)))
    compared = _prior(c, "totals.versus_prior", "income.grand_total", "totals.versus_prior")
    if compared is not None:
        yield Paragraph(compared)


_SOURCES: _Parts = (
    ("财政拨款收入", "income.sources.fiscal"),
    ("上级补助收入", "income.sources.superior_subsidy"),
    ("事业收入", "income.sources.service"),
    ("经营收入", "income.sources.business"),
    ("附属单位上缴收入", "income.sources.subordinate_remittance"),
    ("其他收入", "income.sources.other"),
)

_NATURES: _Parts = (
    ("基本支出", "expenditure.nature.basic"),
    ("项目支出", "expenditure.nature.project"),
    ("上缴上级支出", "expenditure.nature.remitted_to_superior"),
    ("经营支出", "expenditure.nature.business"),
    ("对附属单位补助支出", "expenditure.nature.subsidies_to_subordinates"),
)


def _income(c: Composer) -> Iterator[Block]:
    c.section = "二"
    yield Heading(c.say("income.heading"), 2)
    yield from _whole_by_parts(c, "income.sources", "income.sources.total", _SOURCES)


def _expenditure(c: Composer) -> Iterator[Block]:
    c.section = "三"
    yield Heading(c.say("expenditure.heading"), 2)
    yield from _whole_by_parts(c, "expenditure.natures", "expenditure.nature.total", _NATURES)


def _whole_by_parts(c: Composer, sentence: str, whole: str, parts: _Parts) -> Iterator[Block]:
    """``本年收入 total，其中：part amount，占 share；…。``, if the whole is published."""
    total = c.amount(whole, sentence)
    if total is None:
        return
    listed = _shares(c, sentence, whole, parts)
    yield Paragraph(c.say(sentence, total=total, parts=_of_which(c, listed)))


# -- 四 and 五: fiscal allocations, general public budget -----------------------------


def _fiscal(c: Composer) -> Iterator[Block]:
    c.section = "四"
    yield Heading(c.say("fiscal.heading"), 2)
    said = []
    sentence = "fiscal.income"
    start = len(c.statements)
    year = _year(c, sentence)
    total = c.amount("fiscal.income_grand_total", sentence)
    if total is None:  # pragma: no cover - 财政拨款收入总计 is always derivable
        _undo(c, start)
    else:
        parts = [
            ("年初财政拨款结转和结余", "fiscal.opening"),
            ("本年财政拨款收入", "fiscal.income"),
        ]
        listed = _of_which(c, _parts(c, sentence, parts))
        said.append(c.say(sentence, year=year, total=total, parts=listed))
    sentence = "fiscal.expenditure"
    total = c.amount("fiscal.expenditure_grand_total", sentence)
    if total is not None:
        parts = [
            ("年末财政拨款结转和结余", "fiscal.closing"),
            ("本年财政拨款支出", "fiscal.expenditure"),
        ]
        said.append(c.say(sentence, total=total, parts=_of_which(c, _parts(c, sentence, parts))))
    if said:
        yield Paragraph(_sentences(c, said))
    compared = [
        _prior(c, "fiscal.versus_prior", "fiscal.income_grand_total", "fiscal.versus_prior"),
        _budget(c, "fiscal.versus_budget", "fiscal.expenditure", "fiscal.versus_budget"),
    ]
    if any(compared):
        yield Paragraph(_sentences(c, compared))


_GENERAL_BUDGET = "fiscal.general_budget.expenditure"


def _line_address(code: str, fund: FundType) -> str:
    return f"functions[{code}].{fund.field}.expenditure"


def _general_budget(c: Composer) -> Iterator[Block]:
    c.section = "五（一）"
    yield Heading(c.say("general.heading"), 2)
    yield Heading(c.say("general.total.heading"), 3)
    sentence = "general.total"
    start = len(c.statements)
    year = _year(c, sentence)
    spent = c.amount(_GENERAL_BUDGET, sentence)
    if spent is None:
        _undo(c, start)
    else:
        share = c.share_or_zero(_GENERAL_BUDGET, "expenditure.nature.total", sentence)
        said = [
            c.say(
                sentence,
                year=year,
                amount=spent,
                share="" if share is None else c.say("clause.share_of_expenditure", share=share),
            ),
            _prior(c, "general.versus_prior", _GENERAL_BUDGET, "general.versus_prior"),
            _budget(c, "general.versus_budget", _GENERAL_BUDGET, "general.versus_budget"),
        ]
        yield Paragraph(_sentences(c, said))
    c.section = "五（二）"
    yield Heading(c.say("general.classes.heading"), 3)
    tree = c.report.functions
    number = 0
    for line in tree.classes():
        sentence = "general.class"
        address = _line_address(line.code, FundType.GENERAL_BUDGET)
        amount = c.amount(address, sentence)
        if amount is None:
            continue
        number += 1
        share = c.share_or_zero(address, _GENERAL_BUDGET, sentence)
        yield Paragraph(
            c.say(
                sentence,
                number=str(number),
                name=line.name,
                level=c.word(f"level.{line.level.value}"),
                amount=amount,
                share="" if share is None else c.say("clause.share", share=share),
            )
        )
    c.section = "五（三）"
    yield Heading(c.say("general.items.heading"), 3)
    yield from _items(c, FundType.GENERAL_BUDGET)


def _items(c: Composer, fund: FundType) -> Iterator[Block]:
    """Each 项 with spending of ``fund``: its 类, 款 and 项, amount, and comparisons.

    Numbered among the 项 discussed: a 项 without such spending leaves no gap.
    """
    tree = c.report.functions
    number = 0
    for line in tree.in_narrative_order():
        sentence = "general.item" if fund is FundType.GENERAL_BUDGET else "fund.item"
        address = _line_address(line.code, fund)
        amount = c.amount(address, sentence)
        if amount is None:
            continue
        number += 1
        names = []
        for code in (line.code[:3], line.code[:5], line.code):
            found = tree.get(code)
            if found is not None:
                level = c.word(f"level.{found.level.value}")
                names.append(c.say("clause.line_name", name=found.name, level=level))
        slots = {"number": str(number), "names": c.word("list.path").join(names), "amount": amount}
        if fund is not FundType.GENERAL_BUDGET:
            yield Paragraph(c.say(sentence, **slots))
            continue
        prior = _prior(c, "clause.item_versus_prior", address, sentence)
        budget = _budget(c, "clause.item_versus_budget", address, sentence)
        yield Paragraph(c.say(sentence, **slots, prior=prior or "", budget=budget or ""))


# -- 六 basic expenditure -------------------------------------------------------------


def _basic(c: Composer) -> Iterator[Block]:
    from govfinal.classification import EconomicGroup

    c.section = "六"
    detail = c.report.general_budget_basic
    yield Heading(c.say("basic.heading"), 2)
    sentence = "basic.total"
    start = len(c.statements)
    year = _year(c, sentence)
    total = c.amount("general_budget_basic.total", sentence)
    if total is None:
        _undo(c, start)
        return
    personnel = c.amount("general_budget_basic.personnel", sentence)
    clause = ""
    if personnel is not None:
        items = _listed_names(c, [line.name for line in detail.items(EconomicGroup.PERSONNEL)])
        clause = c.say("clause.personnel", amount=personnel, items=items)
    yield Paragraph(c.say(sentence, year=year, total=total, personnel=clause))
    sentence = "basic.public"
    public = c.amount("general_budget_basic.public", sentence)
    if public is not None:
        items = _listed_names(c, [line.name for line in detail.items(EconomicGroup.PUBLIC)])
        yield Paragraph(c.say(sentence, amount=public, items=items))


def _listed_names(c: Composer, names: Sequence[str]) -> str:
    """The clause ``，包括：甲、乙`` of the economic items named, or nothing."""
    if not names:
        return ""
    return c.say("clause.including", names=c.word("list.enum").join(names))


# -- 七 三公 ---------------------------------------------------------------------------


def _three_public(c: Composer) -> Iterator[Block]:
    c.section = "七"
    yield Heading(c.say("three.heading"), 2)
    sentence = "three.total"
    start = len(c.statements)
    year = _year(c, sentence)
    total = c.amount("three_public.total_final", sentence)
    if total is None:
        _undo(c, start)
    else:
        prior = _prior(c, "clause.versus_prior", "three_public.total.amount", sentence)
        parts = [
            ("因公出国（境）费支出", "three_public.overseas.amount"),
            ("公务用车购置及运行维护费支出", "three_public.vehicles_final"),
            ("公务接待费支出", "three_public.reception.amount"),
        ]
        clauses = []
        for name, address in parts:
            compared = "three_public.vehicles.amount" if "vehicles" in address else address
            clause = _share_clause(c, sentence, name, address, "three_public.total_final")
            if clause is not None:
                clause += _prior(c, "clause.versus_prior", compared, sentence) or ""
            clauses.append(clause)
        listed = _joined(c, "list.semicolon", clauses)
        yield Paragraph(
            c.say(
                sentence,
                year=year,
                total=total,
                prior=prior or "",
                parts="" if listed is None else c.say("clause.three_parts", parts=listed),
            )
        )
    details = [*_overseas(c), *_vehicles(c), *_reception(c)]
    if details:
        yield Paragraph(c.say("three.details"))
        yield from details
    yield from _three_budgets(c)


def _overseas(c: Composer) -> Iterator[Block]:
    sentence = "three.overseas"
    said = []
    amount = c.amount("three_public.overseas.amount", sentence)
    if amount is not None:
        none = _none(c, "three_public.overseas.amount", "clause.no_overseas", sentence)
        said.append(c.say(sentence, amount=amount, none=none))
    sentence = "three.overseas_trips"
    counts = _joined(
        c,
        "list.comma",
        [
            _counted(c, "clause.overseas_groups", "three_public.overseas_groups", sentence),
            _counted(c, "clause.overseas_persons", "three_public.overseas_persons", sentence),
        ],
    )
    if counts is not None:
        said.append(c.say(sentence, counts=counts))
    if said:
        yield Paragraph(_sentences(c, said))


def _none(c: Composer, address: str, clause: str, sentence: str) -> str:
    """The clause saying a figure of 0 is no spending (本年无此项支出), recorded; else nothing."""
    value = c.value(address)
    if value is None or not value.is_zero():
        return ""
    c.nothing(address, sentence)
    return c.say(clause)


def _counted(c: Composer, clause: str, address: str, sentence: str) -> str | None:
    """A count worded in ``clause``; ``None`` when it is blank."""
    shown = c.count(address, sentence)
    return None if shown is None else c.say(clause, count=shown)


def _vehicles(c: Composer) -> Iterator[Block]:
    three, assets = c.report.three_public, c.report.assets
    said = []
    sentence = "three.vehicles"
    amount = c.amount("three_public.vehicles_final", sentence)
    if amount is not None:
        parts = _parts(
            c,
            sentence,
            [
                ("公务用车购置费", "three_public.vehicle_purchase.amount"),
                ("公务用车运行维护费", "three_public.vehicle_operation.amount"),
            ],
        )
        said.append(c.say(sentence, amount=amount, parts=_of_which(c, parts)))
    if three.vehicle_operation_content:
        said.append(c.say("three.vehicle_content", content=three.vehicle_operation_content))
    sentence = "three.vehicle_counts"
    counts = _joined(
        c,
        "list.comma",
        [
            _counted(c, "clause.vehicles_purchased", "three_public.vehicles_purchased", sentence),
            _counted(c, "clause.vehicles_held", "three_public.vehicles_held", sentence),
        ],
    )
    if counts is not None:
        said.append(c.say(sentence, counts=counts))
    held = three.vehicles_held
    reason = three.vehicle_difference_reason
    if reason and (held is None or assets.vehicle_count != held):
        sentence = "three.vehicle_difference"
        count = c.count("assets.vehicle_count", sentence)
        if count is not None:
            said.append(c.say(sentence, count=count, reason=reason))
    if said:
        yield Paragraph(_sentences(c, said))


def _reception(c: Composer) -> Iterator[Block]:
    three = c.report.three_public
    said = []
    sentence = "three.reception"
    amount = c.amount("three_public.reception.amount", sentence)
    if amount is not None:
        none = _none(c, "three_public.reception.amount", "clause.no_spending", sentence)
        said.append(c.say(sentence, amount=amount, none=none))
    sentence = "three.receptions"
    persons = (
        "clause.reception_persons"
        if three.reception_batches is not None
        else "clause.reception_persons_alone"
    )
    counts = _joined(
        c,
        "list.comma",
        [
            _counted(c, "clause.reception_batches", "three_public.reception_batches", sentence),
            _counted(c, persons, "three_public.reception_persons", sentence),
        ],
    )
    if counts is not None:
        said.append(c.say(sentence, counts=counts))
    if said:
        yield Paragraph(_sentences(c, said))


def _three_budgets(c: Composer) -> Iterator[Block]:
    sentence = "three.versus_budget"
    head = _budget(c, "clause.three_total_budget", "three_public.total.amount", sentence)
    if head is None:
        return
    lines = [
        _budget(c, "clause.three_line_budget", address, sentence, name=c.word(name))
        for name, address in (
            ("因公出国（境）费", "three_public.overseas.amount"),
            ("公务用车购置费", "three_public.vehicle_purchase.amount"),
            ("公务用车运行费", "three_public.vehicle_operation.amount"),
            ("公务接待费", "three_public.reception.amount"),
        )
    ]
    listed = _joined(c, "list.semicolon", lines)
    parts = "" if listed is None else c.say("clause.three_parts", parts=listed)
    yield Paragraph(c.say(sentence, total=head, parts=parts))


# -- 八, 九 the other funds --------------------------------------------------------------


def _fund(c: Composer, section: str, fund: FundType) -> Iterator[Block]:
    c.section = section
    yield Heading(c.say(f"fund.{fund.field}.heading"), 2)
    amounts = c.report.fiscal.funds()[fund]
    name = c.word(f"fund.{fund.field}")
    prefix = f"fiscal.{fund.field}"
    if amounts.is_empty:
        sentence = "fund.empty"
        c.nothing(prefix, sentence)
        yield Paragraph(c.say(sentence, name=name, table=c.word(f"fund_table.{fund.field}")))
        return
    sentence = "fund.amounts"
    start = len(c.statements)
    year = _year(c, sentence)
    listed = _parts(
        c,
        sentence,
        [
            ("年初结转和结余", f"{prefix}.opening"),
            ("本年收入", f"{prefix}.income"),
            ("本年支出", f"{prefix}.expenditure"),
            ("年末结转和结余", f"{prefix}.closing"),
        ],
    )
    if listed is None:
        _undo(c, start)
    else:
        yield Paragraph(c.say(sentence, year=year, name=name, parts=listed))
    yield from _items(c, fund)


# -- 十 other matters -------------------------------------------------------------------


def _other_matters(c: Composer) -> Iterator[Block]:
    report = c.report
    c.section = "十（一）"
    yield Heading(c.say("other.heading"), 2)
    yield Heading(c.say("other.costs.heading"), 3)
    sentence = "other.costs"
    start = len(c.statements)
    year = _year(c, sentence)
    amount = c.amount("operating_costs.amount", sentence)
    if amount is None:
        _undo(c, start)
        sentence = "other.no_costs"
        year = _year(c, sentence)
        c.nothing("operating_costs", sentence)
        yield Paragraph(c.say(sentence, year=year))
    else:
        prior = _prior(c, "clause.versus_prior", "operating_costs.amount", sentence)
        yield Paragraph(
            c.say(sentence, year=year, unit=report.unit.name, amount=amount, prior=prior or "")
        )
    c.section = "十（二）"
    yield Heading(c.say("other.procurement.heading"), 3)
    sentence = "other.procurement"
    start = len(c.statements)
    year = _year(c, sentence)
    total = c.amount("procurement.total", sentence)
    listed = _joined(
        c,
        "list.enum",
        _named(
            c,
            sentence,
            [
                ("政府采购货物支出", "procurement.goods"),
                ("政府采购工程支出", "procurement.works"),
                ("政府采购服务支出", "procurement.services"),
            ],
        ),
    )
    if total is None:  # pragma: no cover - 政府采购支出总额 is always derivable
        _undo(c, start)
    else:
        yield Paragraph(c.say(sentence, year=year, total=total, parts=_of_which(c, listed)))
    sentence = "other.sme"
    sme = _procured(c, "procurement.sme_contracts", sentence)
    if sme is not None:
        small = _procured(c, "procurement.small_micro_contracts", sentence)
        small_clause = "" if small is None else c.say("clause.small_micro", **small)
        yield Paragraph(c.say(sentence, **sme, small=small_clause))
    c.section = "十（三）"
    yield Heading(c.say("other.assets.heading"), 3)
    yield from _assets(c)


def _procured(c: Composer, address: str, sentence: str) -> dict[str, str] | None:
    """The slots ``amount`` and ``share`` (of 政府采购支出总额) of a contract amount."""
    amount = c.amount(address, sentence)
    if amount is None:
        return None
    share = c.share_or_zero(address, "procurement.total", sentence)
    clause = "" if share is None else c.say("clause.share_of_procurement", share=share)
    return {"amount": amount, "share": clause}


def _assets(c: Composer) -> Iterator[Block]:
    """国有资产占用情况: what the year's end holds, then the vehicles and the large equipment."""
    said = [_assets_held(c), _vehicles_held(c)]
    if any(said):
        yield Paragraph(_sentences(c, said))


def _assets_held(c: Composer) -> str | None:
    """``截至 date，固定资产原值 …，房屋 … 平方米，价值 …。``, of what is published."""
    sentence = "other.assets"
    start = len(c.statements)
    date = c.year_end("assets", sentence)
    (fixed,) = _named(c, sentence, [("固定资产原值", "assets.fixed_assets_original_value")])
    held = [fixed]
    area = c.number("assets.building_area", sentence)
    if area is not None:
        held.append(c.say("clause.building_area", area=area))
    value = c.amount("assets.building_value", sentence)
    if value is not None:
        building = "clause.building_value" if area is not None else "clause.building_value_alone"
        held.append(c.say(building, amount=value))
    listed = _joined(c, "list.comma", held)
    if listed is None:
        _undo(c, start)
        return None
    return c.say(sentence, date=date, parts=listed)


def _vehicles_held(c: Composer) -> str | None:
    """``车辆 N 辆，价值 …，其中：用途 n 辆、…，notes；单价 100 万元（含）以上设备 … 台（套）。``"""
    assets = c.report.assets
    sentence = "other.vehicles"
    vehicles = None
    if assets.stated_vehicle_count is not None or assets.vehicles:
        clauses = [_counted(c, "clause.vehicle_count", "assets.vehicle_count", sentence)]
        value = c.amount("assets.vehicle_value", sentence)
        if value is not None:
            clauses.append(c.say("clause.value", amount=value))
        uses = []
        for use in VehicleUse:  # in the order of the form, as the data lists them
            if not any(holding.use is use for holding in assets.vehicles):
                continue
            shown = c.count(f"assets.vehicles[{use.value}].count", sentence)
            if shown is not None:
                uses.append(c.say("clause.vehicle_use", use=c.word(use.value), count=shown))
        listed = _joined(c, "list.enum", uses)
        if listed is not None:
            clauses.append(c.say("clause.vehicle_uses", uses=listed))
        notes = [
            c.say("clause.vehicle_note", use=c.word(holding.use.value), note=holding.note)
            for holding in assets.vehicles
            if holding.note
        ]
        if notes:
            clauses.append(
                c.say("clause.vehicle_notes", notes=c.word("list.semicolon").join(notes))
            )
        vehicles = "".join(clause for clause in clauses if clause is not None) or None
    equipment = _counted(c, "clause.large_equipment", "assets.large_equipment", sentence)
    listed = _joined(c, "list.semicolon", [vehicles, equipment])
    return None if listed is None else c.say(sentence, parts=listed)


# -- 十一 performance, 十二 other matters ---------------------------------------------------


def _performance(c: Composer) -> Iterator[Block]:
    perf = c.report.performance
    c.section = "十一"
    yield Heading(c.say("performance.heading"), 2)
    sentence = "performance.summary"
    year = _year(c, sentence)
    department = [
        _counted(
            c, "clause.department_evaluations", "performance.department_evaluations", sentence
        ),
        *_named(
            c,
            sentence,
            [
                ("全年预算总额", "performance.department_budget"),
                ("实际执行总额", "performance.department_executed"),
            ],
        ),
    ]
    projects = [
        _counted(c, "clause.project_evaluations", "performance.project_evaluations", sentence),
        *_named(
            c,
            sentence,
            [
                ("全年预算数", "performance.project_budget"),
                ("全年执行数", "performance.project_executed"),
            ],
        ),
    ]
    said = [
        c.say(
            sentence,
            year=year,
            department=_joined(c, "list.comma", department) or "",
            projects=_joined(c, "list.comma", projects) or "",
        )
    ]
    for word, published in (
        ("performance.achievements", perf.achievements),
        ("performance.problems", perf.problems),
        ("performance.improvements", perf.improvements),
    ):
        if published:
            said.append(c.say(word, text=published))
    yield Paragraph(_sentences(c, said))


def _matters(c: Composer) -> Iterator[Block]:
    c.section = "十二"
    yield Heading(c.say("matters.heading"), 2)
    if not c.report.other_matters:
        yield Paragraph(c.say("matters.none"))
    for text in c.report.other_matters:
        yield Paragraph(text)
