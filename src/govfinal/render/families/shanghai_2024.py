"""The outline of the Shanghai 2024 template (上海市 XX 局 2024 年度部门决算).

Parts: 第一部分 概况 (一、主要职能; 二、部门决算单位构成, or 机构设置 for a
department of one unit), 第二部分 the nine tables, 第三部分 情况说明 (sections
一 to 十一), 第四部分 名词解释. Sentence ids are those of
``render/data/sentences/shanghai_2024.*.toml``; each sentence is the
template's standard wording, its XXX slots the statements the
:class:`~govfinal.render.compose.Composer` computes.

The template's rules, as this outline applies them:

* 不涉及的不列: a part whose figure is blank (or 0 where the template lists
  only what a unit has: income sources, natures of expenditure) is left out,
  and so is a clause whose figure is blank; nothing absent is written 0.
* 如持平作持平表述: a comparison that comes out level is worded 持平, without
  a change or a rate; 预决算持平的不用说明变动原因.
* 无……的部门 (no 三公, no 政府性基金 or 国有资本经营 fund, no 机关运行经费):
  the template's "本年度无……" sentence, recorded as a statement that the part
  holds nothing.
* Years are the report's (``fiscal_year``) and the one before, written out.
* Reasons (主要原因) are the report's own, as published (a trailing 。 is the
  sentence's); what the data does not hold (主要用于, 开支内容, the
  预算绩效管理制度) is not written.
* The template words no 执行率 for a 项 of 五（三）; a report whose own
  narrative states one (:meth:`Composer.states_rate
  <govfinal.render.compose.Composer.states_rate>`) has it worded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govfinal.classification import EconomicGroup, FunctionLevel
from govfinal.errors import GovFinalError
from govfinal.model.comparatives import BudgetBasis
from govfinal.model.funds import FundType
from govfinal.model.other import VehicleUse
from govfinal.model.statements import Against, Measure, Relation, Trend
from govfinal.render.compose import Composer
from govfinal.render.document import Block, Heading, Paragraph, Table, TableRow
from govfinal.render.glossary import GlossaryEntry

__all__ = ["outline"]

_INCOME_SOURCES = (
    "fiscal",
    "superior_subsidy",
    "service",
    "business",
    "subordinate_remittance",
    "other",
)
"""The 收入决算表's sources in its column order (财政拨款收入 first, its three funds combined)."""

_NATURES = ("basic", "project", "remitted_to_superior", "business", "subsidies_to_subordinates")
"""The 支出决算表's natures in its column order."""

_THREE_PUBLIC_LINES = ("overseas", "vehicles", "reception")
"""The “三公” lines the narrative names: 因公出国（境）费, 公务用车购置及运行维护费, 公务接待费."""

_EMPTY_FUNDS = (("八", FundType.GOVERNMENT_FUND), ("九", FundType.STATE_CAPITAL))


def outline(
    c: Composer, glossary: Sequence[GlossaryEntry], tables: Sequence[Table]
) -> Iterator[Block]:
    """The report's blocks: title, parts one to four, the nine tables in part two."""
    yield Heading(c.say("title", unit=_unit(c), year=c.year(Relation.CURRENT, "title")), 1)
    yield from _overview(c)
    yield Heading(c.say("part.two", unit=_unit(c), year=c.year(Relation.CURRENT, "part.two")), 1)
    yield from tables
    yield Heading(
        c.say("part.three", unit=_unit(c), year=c.year(Relation.CURRENT, "part.three")), 1
    )
    yield from _totals(c)
    yield from _income(c)
    yield from _expenditure(c)
    yield from _fiscal(c)
    yield from _general_budget(c)
    yield from _basic(c)
    yield from _three_public(c)
    for section, fund_type in _EMPTY_FUNDS:
        yield from _fund(c, section, fund_type)
    yield from _performance(c)
    yield from _other_matters(c)
    yield from _glossary(c, glossary)


# -- helpers ---------------------------------------------------------------------------


def _unit(c: Composer) -> str:
    return c.report.unit.name


def _numeral(c: Composer, index: int) -> str:
    """The 1-based ``index`` as the catalogue counts (一, 二, … in Chinese)."""
    numerals = c.word("numerals").split()
    return numerals[index - 1] if index <= len(numerals) else str(index)


def _joined(c: Composer, clauses: Sequence[str | None], separator: str) -> str | None:
    """The clauses that are worded, joined; ``None`` when none is."""
    worded = [clause for clause in clauses if clause]
    return c.word(separator).join(worded) if worded else None


def _text(reason: str | None) -> str:
    """A published text as a clause: without its trailing 。 (the sentence has its own)."""
    return (reason or "").strip().rstrip("。；;.")


def _reason(c: Composer, sentence: str, reason: str | None, about: str, against: Against) -> str:
    """The sentence of a published reason (主要原因) of ``about``, recorded; or nothing."""
    text = _text(reason)
    if not text:
        return ""
    return c.say(sentence, reason=c.reason(about, against, text, sentence))


def _against(c: Composer, address: str) -> Against:
    """The budget the figure at ``address`` is compared with, as a comparison's base."""
    site = c.site(address)
    budget = None if site is None else site.budget
    if budget is not None and budget.basis is BudgetBasis.FULL_YEAR:
        return Against.FULL_YEAR_BUDGET
    return Against.INITIAL_BUDGET


def _level(c: Composer, address: str, *, budget: bool = False) -> bool | None:
    """Whether the figure at ``address`` is level (持平); ``None`` when not comparable."""
    trend = c.trend(address, budget=budget)
    return None if trend is None else trend in (Trend.LEVEL, Trend.ABOUT_LEVEL)


def _part(c: Composer, name: str, address: str, whole: str, sentence: str) -> str | None:
    """``name amount，占 share`` (share left out when it cannot be derived)."""
    amount = c.amount(address, sentence)
    if amount is None:
        return None
    share = c.share(address, whole, sentence)
    if share is None:
        return c.say("clause.named_amount", name=name, amount=amount)
    return c.say("clause.part_share", name=name, amount=amount, share=share)


def _present(c: Composer, address: str) -> bool:
    """Whether the figure at ``address`` is published and not 0 (不涉及的不列)."""
    value = c.value(address)
    return value is not None and not value.is_zero()


def _shown(c: Composer, address: str, sentence: str) -> str:
    """:meth:`Composer.amount` of a figure the caller knows is published."""
    shown = c.amount(address, sentence)
    if shown is None:
        raise GovFinalError(f"{address}: blank, yet {sentence!r} words it")
    return shown


def _prior_slots(
    c: Composer, address: str, changed: str, level: str
) -> tuple[str, dict[str, str]] | None:
    """The comparison of the figure at ``address`` with the prior year: a sentence and slots.

    ``changed`` when the figure changed (slots ``direction``, ``change``,
    ``rise``, ``growth``), ``level`` when it is 持平 (slot ``direction``
    only: 如持平作持平表述); ``None`` when the comparison cannot be derived.
    """
    is_level = _level(c, address)
    if is_level is None:
        return None
    if is_level:
        direction = c.direction(address, level)
        return None if direction is None else (level, {"direction": direction})
    compared = c.versus_prior(address, changed)
    if compared is None:
        return None
    slots = {
        "direction": compared.direction,
        "change": compared.change,
        "rise": compared.rise,
        "growth": compared.growth,
    }
    return changed, slots


def _versus_prior(
    c: Composer,
    address: str,
    changed: str,
    level: str,
    reason: str | None,
    *,
    because: str = "clause.reason",
    **slots: str,
) -> str | None:
    """The template's comparison with the prior year and its 主要原因, or ``None``.

    Both sentences have the slots ``prior_year`` and ``reason`` (the sentence
    ``because`` of the reason, or nothing) besides those of
    :func:`_prior_slots` and ``slots``.
    """
    found = _prior_slots(c, address, changed, level)
    if found is None:
        return None
    sentence, compared = found
    return c.say(
        sentence,
        prior_year=c.year(Relation.PRIOR, sentence),
        reason=_reason(c, because, reason, address, Against.PRIOR_YEAR),
        **compared,
        **slots,
    )


def _versus_budget_reason(
    c: Composer,
    address: str,
    reason: str | None,
    *,
    word: str | None = None,
    three: bool = False,
) -> str:
    """决算数大于（小于）预算数的主要原因：…, or 决算数与预算数持平; "" without a budget.

    ``word`` is the direction word when it is already recorded (with the
    rate); else the direction is recorded here. ``three`` words the 三公 form
    ("2024 年度“三公”经费支出决算数……").
    """
    is_level = _level(c, address, budget=True)
    if is_level is None:
        return ""
    prefix = "three.budget" if three else "budget"
    text = _text(reason)
    if is_level:
        sentence = f"{prefix}.level"
    else:
        sentence = f"{prefix}.differs_reason" if text else f"{prefix}.differs"
    slots = {"year": c.year(Relation.CURRENT, sentence)} if three else {}
    if word is None:
        word = c.direction(address, sentence, budget=True)
        if word is None:
            return ""
    if text and not is_level:
        text = c.reason(address, _against(c, address), text, sentence)
        return c.say(sentence, direction=word, reason=text, **slots)
    return c.say(sentence, direction=word, **slots)


def _basis(c: Composer, address: str) -> str | None:
    """The word of the budget the figure at ``address`` is compared with (年初预算)."""
    site = c.site(address)
    if site is None or site.budget is None or site.budget.budget is None:
        return None
    return c.word(site.budget.basis.value)


# -- 第一部分 概况 -------------------------------------------------------------------


def _overview(c: Composer) -> Iterator[Block]:
    profile, unit = c.report.profile, _unit(c)
    yield Heading(c.say("part.one", unit=unit), 1)
    yield Heading(c.say("profile.functions"), 2)
    for line in profile.mandate.splitlines():
        if line.strip():
            yield Paragraph(line.strip())
    for index, function in enumerate(profile.functions, start=1):
        yield Paragraph(c.say("profile.function", number=_numeral(c, index), text=function))
    if not profile.subordinate_units:
        yield Heading(c.say("units.single"), 2)
        year = c.year(Relation.CURRENT, "units.single_scope")
        yield Paragraph(c.say("units.single_scope", unit=unit, year=year))
        return
    yield Heading(c.say("units.heading"), 2)
    yield Paragraph(c.say("units.scope", unit=unit))
    names = [c.say("units.own", unit=unit), *profile.subordinate_units]
    year = c.year(Relation.CURRENT, "units.included")
    yield Table(
        c.say("units.included", unit=unit, year=year),
        (c.word("units.number"), c.word("units.name"), c.word("units.note")),
        [TableRow((str(index), name, "")) for index, name in enumerate(names, start=1)],
        key="units",
    )


# -- 第三部分 一 to 四 ----------------------------------------------------------------


def _totals(c: Composer) -> Iterator[Block]:
    c.section = "一"
    yield Heading(c.say("totals.heading"), 2)
    total = c.amount("income.grand_total", "totals.total")
    if total is None:
        return
    year = c.year(Relation.CURRENT, "totals.total")
    text = c.say("totals.total", unit=_unit(c), year=year, total=total)
    prior = c.report.grand_total_prior
    compared = _versus_prior(
        c,
        "income.grand_total",
        "totals.versus_prior",
        "totals.level",
        prior.reason if prior else None,
    )
    yield Paragraph(text + (compared or ""))


def _parts(c: Composer, whole: str, prefix: str, names: Sequence[str], sentence: str) -> str | None:
    """The published, non-zero parts ``{prefix}.{name}`` of ``whole``, each with its share."""
    return _joined(
        c,
        [
            _part(c, c.word(f"{sentence}.{name}"), f"{prefix}.{name}", whole, sentence)
            for name in names
            if _present(c, f"{prefix}.{name}")
        ],
        "list.semicolon",
    )


def _income(c: Composer) -> Iterator[Block]:
    c.section = "二"
    yield Heading(c.say("income.heading"), 2)
    whole = "income.sources.total"
    total = c.amount(whole, "income.sources")
    if total is None:
        return
    parts = _parts(c, whole, "income.sources", _INCOME_SOURCES, "income.sources")
    if parts is None:
        yield Paragraph(c.say("income.total", total=total))
    else:
        yield Paragraph(c.say("income.sources", total=total, parts=parts))


def _expenditure(c: Composer) -> Iterator[Block]:
    c.section = "三"
    yield Heading(c.say("expenditure.heading"), 2)
    whole = "expenditure.nature.total"
    total = c.amount(whole, "expenditure.natures")
    if total is None:
        return
    parts = _parts(c, whole, "expenditure.nature", _NATURES, "expenditure.natures")
    if parts is None:
        yield Paragraph(c.say("expenditure.total", total=total))
    else:
        yield Paragraph(c.say("expenditure.natures", total=total, parts=parts))


def _fiscal(c: Composer) -> Iterator[Block]:
    c.section = "四"
    yield Heading(c.say("fiscal.heading"), 2)
    total = c.amount("fiscal.income_grand_total", "fiscal.total")
    if total is None:
        return
    year = c.year(Relation.CURRENT, "fiscal.total")
    text = c.say("fiscal.total", unit=_unit(c), year=year, total=total)
    prior = c.report.fiscal.prior
    compared = _versus_prior(
        c,
        "fiscal.income_grand_total",
        "fiscal.versus_prior",
        "fiscal.level",
        prior.reason if prior else None,
    )
    yield Paragraph(text + (compared or ""))


# -- 五 一般公共预算财政拨款支出 ----------------------------------------------------------

_GENERAL = "fiscal.general_budget.expenditure"


def _general_budget(c: Composer) -> Iterator[Block]:
    c.section = "五"
    yield Heading(c.say("general.heading"), 2)
    if c.value(_GENERAL) is None:
        return
    c.section = "五（一）"
    yield Heading(c.say("general.overall.heading"), 3)
    amount = _shown(c, _GENERAL, "general.overall")
    share = c.share(_GENERAL, "expenditure.nature.total", "general.overall")
    if share is None:
        text = c.say("general.overall_amount", amount=amount)
    else:
        text = c.say("general.overall", amount=amount, share=share)
    prior = c.report.fiscal.general_budget.prior
    compared = _versus_prior(
        c, _GENERAL, "general.versus_prior", "general.level", prior.reason if prior else None
    )
    yield Paragraph(text + (compared or ""))

    c.section = "五（二）"
    yield Heading(c.say("general.structure.heading"), 3)
    classes = [line for line in c.report.functions.classes() if _present(c, _line(line.code))]
    if classes:
        amount = _shown(c, _GENERAL, "general.structure")
        parts = c.word("list.semicolon").join(
            _class_part(c, line.code, line.name) for line in classes
        )
        yield Paragraph(c.say("general.structure", amount=amount, parts=parts))

    c.section = "五（三）"
    yield Heading(c.say("general.detail.heading"), 3)
    yield from _detail(c)


def _line(code: str, fund_type: FundType = FundType.GENERAL_BUDGET) -> str:
    """The address of a function line's expenditure of a fund."""
    return f"functions[{code}].{fund_type.field}.expenditure"


def _class_part(c: Composer, code: str, name: str) -> str:
    """``一般公共服务支出（类）2106.66 万元，占 71.65%``."""
    address = _line(code)
    amount = _shown(c, address, "general.structure")
    share = c.share(address, _GENERAL, "general.structure")
    if share is None:
        return c.say("clause.class_amount", name=name, amount=amount)
    return c.say("clause.class_share", name=name, amount=amount, share=share)


def _detail(c: Composer) -> Iterator[Block]:
    """五（三）: the budget and final of 一般公共预算财政拨款支出, then each 项."""
    items = list(_items(c, FundType.GENERAL_BUDGET))
    basis = _basis(c, _GENERAL)
    if basis is not None:
        compared = c.versus_budget(_GENERAL, "general.detail", direction=True)
        if compared is not None:
            final = _shown(c, _GENERAL, "general.detail")
            text = c.say(
                "general.detail",
                basis=basis,
                budget=compared.budget,
                final=final,
                rate=compared.rate,
            )
            budget = c.report.fiscal.general_budget.budget
            reason = budget.reason if budget else None
            text += _versus_budget_reason(c, _GENERAL, reason, word=compared.direction)
            if items:
                text += c.say("clause.of_which")
            yield Paragraph(text)
    for index, code in enumerate(items, start=1):
        yield Paragraph(_item(c, index, code, FundType.GENERAL_BUDGET))


def _items(c: Composer, fund_type: FundType) -> Iterator[str]:
    """The codes of the 项 with a final or a budget of the fund, in table order."""
    for line in c.report.functions:
        if line.level is not FunctionLevel.SUBITEM:
            continue
        amounts = line.fund(fund_type)
        if amounts is None:
            continue
        has_budget = amounts.budget is not None and amounts.budget.budget is not None
        if c.value(_line(line.code, fund_type)) is not None or has_budget:
            yield line.code


def _item(c: Composer, index: int, code: str, fund_type: FundType) -> str:
    """``1、类（类）款（款）项（项）。年初预算为…，支出决算为…。决算数小于预算数的主要原因：…``."""
    functions = c.report.functions
    path = [
        c.say(level, name=line.name)
        for level, length in (("clause.class", 3), ("clause.kind", 5), ("clause.subitem", 7))
        if (line := functions.get(code[:length])) is not None
    ]
    text = c.say("item.head", number=str(index), path="".join(path))
    address = _line(code, fund_type)
    site, basis = c.site(address), _basis(c, address)
    if site is None or basis is None:  # no budget: the final alone
        final = c.amount(address, "item.final")
        return text + (c.say("item.final", final=final) if final else "")
    budget_address = f"{site.budget_path}.budget"
    if c.value(address) is None:  # a budget without a final: the budget alone
        shown = _shown(c, budget_address, "item.budget_only")
        return text + c.say("item.budget_only", basis=basis, budget=shown)
    word: str | None = None
    compared = (
        c.versus_budget(address, "item.budget_rate", direction=True)
        if c.states_rate(address, Measure.EXECUTION)
        else None
    )
    if compared is not None:
        final = _shown(c, address, "item.budget_rate")
        text += c.say(
            "item.budget_rate", basis=basis, budget=compared.budget, final=final, rate=compared.rate
        )
        word = compared.direction
    else:
        shown = _shown(c, budget_address, "item.budget")
        final = _shown(c, address, "item.budget")
        text += c.say("item.budget", basis=basis, budget=shown, final=final)
    reason = site.budget.reason if site.budget else None
    return text + _versus_budget_reason(c, address, reason, word=word)


# -- 六 基本支出 -------------------------------------------------------------------------


def _basic(c: Composer) -> Iterator[Block]:
    c.section = "六"
    yield Heading(c.say("basic.heading"), 2)
    total = c.amount("general_budget_basic.total", "basic.total")
    if total is None:
        return
    detail = c.report.general_budget_basic
    groups = []
    for group, name, address in (
        (EconomicGroup.PERSONNEL, "basic.personnel", "general_budget_basic.personnel"),
        (EconomicGroup.PUBLIC, "basic.public", "general_budget_basic.public"),
    ):
        amount = c.amount(address, "basic.parts")
        if amount is None:
            continue
        items = c.word("list.enumeration").join(
            line.name
            for line in detail.items(group)
            if line.amount is not None and not line.amount.is_zero()
        )
        if items:
            groups.append(
                c.say("clause.group_items", name=c.word(name), amount=amount, items=items)
            )
        else:
            groups.append(c.say("clause.named_amount", name=c.word(name), amount=amount))
    if groups:
        parts = c.word("list.semicolon").join(groups)
        yield Paragraph(c.say("basic.parts", total=total, parts=parts))
    else:
        yield Paragraph(c.say("basic.total", total=total))


# -- 七 “三公”经费 -----------------------------------------------------------------------


def _three_address(c: Composer, line: str) -> str:
    """The address of a 三公 line's 决算数: its published figure, else the derived Σ."""
    published = f"three_public.{line}.amount"
    if line in ("total", "vehicles") and c.value(published) is None:
        return f"three_public.{line}_final"
    return published


def _three_public(c: Composer) -> Iterator[Block]:
    c.section = "七"
    yield Heading(c.say("three.heading"), 2)
    three = c.report.three_public
    final, budget = three.total_final, three.total_budget
    spent = final is not None and not final.is_zero()
    if spent or (budget is not None and not budget.is_zero()):
        c.section = "七（一）"
        yield Heading(c.say("three.overall.heading"), 3)
        yield from _three_overall(c)
        c.section = "七（二）"
        yield Heading(c.say("three.detail.heading"), 3)
    if spent:
        yield from _three_detail(c)
    else:  # 无“三公”经费财政拨款支出的部门
        c.nothing("three_public.total_final", "three.none")
        year = c.year(Relation.CURRENT, "three.none")
        yield Paragraph(c.say("three.none", unit=_unit(c), year=year))


def _completed(c: Composer, address: str, sentence: str) -> str:
    """``，完成预算的 XX%`` of a 三公 line, or nothing when it has no budget.

    A budget of 0 has its rate by the zero-base convention (完成预算的 0.00% when
    nothing was spent), as the reports word it.
    """
    compared = c.versus_budget_or_zero(address, sentence, direction=False)
    return "" if compared is None else c.say("clause.completed", rate=compared.rate)


def _three_line(c: Composer, line: str, sentence: str) -> str | None:
    """``因公出国（境）费决算为 X 万元，完成预算的 Y%``."""
    address = _three_address(c, line)
    amount = c.amount(address, sentence)
    if amount is None:
        return None
    rate = _completed(c, address, sentence)
    return c.say("clause.three_line", name=c.word(f"three.{line}"), amount=amount, rate=rate)


def _three_overall(c: Composer) -> Iterator[Block]:
    """七（一）: budget, final and 完成预算的 % of the 合计 and each line; then the prior year."""
    total = _three_address(c, "total")
    budget_address = "three_public.total.budget.budget"
    has_budget = c.value(budget_address) is not None
    sentence = "three.totals" if has_budget else "three.final_only"
    final = c.amount(total, sentence)
    if final is not None:
        rate, budget = "", None
        if has_budget:
            compared = c.versus_budget_or_zero(total, sentence, direction=False)
            if compared is None:  # no comparable site: the budget alone
                budget = _shown(c, budget_address, sentence)
            else:
                budget, rate = compared.budget, c.say("clause.completed", rate=compared.rate)
        lines = _joined(
            c, [_three_line(c, line, sentence) for line in _THREE_PUBLIC_LINES], "list.semicolon"
        )
        of_which = c.say("clause.of_which_list", parts=lines) if lines else ""
        if budget is None:
            text = c.say(sentence, final=final, lines=of_which)
        else:
            text = c.say(sentence, budget=budget, final=final, rate=rate, lines=of_which)
            figure = c.report.three_public.total
            reason = figure.budget.reason if figure is not None and figure.budget else None
            text += _versus_budget_reason(c, total, reason, three=True)
        yield Paragraph(text)
    versus = _three_versus_prior(c)
    if versus:
        yield Paragraph(versus)


def _three_versus_prior(c: Composer) -> str:
    """七（一）'s second paragraph: the 三公 against the prior year, line by line, and reasons."""
    three = c.report.three_public
    clauses: list[str] = []
    reasons: list[str] = []
    for line in _THREE_PUBLIC_LINES:
        name = c.word(f"three.{line}.spent")
        found = _prior_slots(c, _three_address(c, line), "clause.three_prior", "clause.three_level")
        if found is None:
            continue
        sentence, slots = found
        clauses.append(c.say(sentence, name=name, **slots))
        figure = getattr(three, line)
        reason = _text(figure.prior.reason if figure is not None and figure.prior else None)
        if reason and sentence == "clause.three_prior":
            address, direction = _three_address(c, line), slots["direction"]
            recorded = c.reason(address, Against.PRIOR_YEAR, reason, "three.prior_reason")
            reasons.append(
                c.say("three.prior_reason", name=name, direction=direction, reason=recorded)
            )
    listed = c.word("list.semicolon").join(clauses)
    found = _prior_slots(c, _three_address(c, "total"), "three.versus_prior", "three.level")
    if found is None:
        if not clauses:
            return ""
        return c.say("three.lines_versus_prior", lines=listed) + "".join(reasons)
    sentence, slots = found
    text = c.say(
        sentence,
        year=c.year(Relation.CURRENT, sentence),
        prior_year=c.year(Relation.PRIOR, sentence),
        lines=c.say("clause.of_which_list", parts=listed) if clauses else "",
        **slots,
    )
    return text + "".join(reasons)


def _three_detail(c: Composer) -> Iterator[Block]:
    """七（二）: each line's share of the 合计, then what each paid for (counts)."""
    three = c.report.three_public
    total = _three_address(c, "total")
    shares = _joined(
        c,
        [
            _part(c, c.word(f"three.{line}.final"), _three_address(c, line), total, "three.shares")
            for line in _THREE_PUBLIC_LINES
        ],
        "list.semicolon",
    )
    if shares:
        yield Paragraph(c.say("three.shares", parts=shares))
    overseas = c.amount(_three_address(c, "overseas"), "three.overseas")
    if overseas is not None:
        text = c.say("three.overseas", amount=overseas)
        groups = c.count("three_public.overseas_groups", "three.overseas_groups")
        persons = c.count("three_public.overseas_persons", "three.overseas_groups")
        if groups is not None and persons is not None:
            text += c.say("three.overseas_groups", groups=groups, persons=persons)
        yield Paragraph(text)
    vehicles = c.amount(_three_address(c, "vehicles"), "three.vehicles")
    if vehicles is not None:
        yield Paragraph(c.say("three.vehicles", amount=vehicles))
        purchase = c.amount("three_public.vehicle_purchase.amount", "three.vehicle_purchase")
        if purchase is not None:
            text = c.say("three.vehicle_purchase", amount=purchase)
            bought = c.count("three_public.vehicles_purchased", "three.vehicles_bought")
            if bought is not None:
                text += c.say("three.vehicles_bought", count=bought)
            yield Paragraph(text)
        operation = c.amount("three_public.vehicle_operation.amount", "three.vehicle_operation")
        if operation is not None:
            text = c.say("three.vehicle_operation", amount=operation)
            content = _text(three.vehicle_operation_content)
            if content:
                text += c.say("three.vehicle_use", content=content)
            yield Paragraph(text)
        held = c.count("three_public.vehicles_held", "three.vehicles_held")
        if held is not None:
            year = c.year(Relation.CURRENT, "three.vehicles_held")
            yield Paragraph(c.say("three.vehicles_held", year=year, unit=_unit(c), count=held))
    reception = _three_address(c, "reception")
    amount = c.amount(reception, "three.reception")
    if amount is not None:
        yield Paragraph(c.say("three.reception", amount=amount))
        text = c.say("three.domestic", amount=_shown(c, reception, "three.domestic"))
        yield Paragraph(text + _batches(c))


def _batches(c: Composer) -> str:
    """``公务接待 2 批次、26 人次，其中：接待外宾 0 批次、0 人次``, as far as counted."""
    batches = c.count("three_public.reception_batches", "three.batches")
    persons = c.count("three_public.reception_persons", "three.batches")
    if batches is None or persons is None:
        return ""
    text = c.say("three.batches", batches=batches, persons=persons)
    foreign = c.count("three_public.foreign_reception_batches", "three.batches_foreign")
    foreign_persons = c.count("three_public.foreign_reception_persons", "three.batches_foreign")
    if foreign is None or foreign_persons is None:
        return text + c.word("list.stop")
    return text + c.say("three.batches_foreign", batches=foreign, persons=foreign_persons)


# -- 八, 九 the other two funds ----------------------------------------------------------


def _fund(c: Composer, section: str, fund_type: FundType) -> Iterator[Block]:
    c.section = section
    field = fund_type.field
    yield Heading(c.say(f"fund.heading.{field}"), 2)
    fund = c.word(f"fund.{field}")
    items = list(_items(c, fund_type))
    income, expenditure = f"fiscal.{field}.income", f"fiscal.{field}.expenditure"
    if not _fund_holds(c, fund_type, items):
        c.nothing(f"fiscal.{field}", "fund.none")
        year = c.year(Relation.CURRENT, "fund.none")
        yield Paragraph(c.say("fund.none", unit=_unit(c), year=year, fund=fund))
        return
    parts = _joined(
        c,
        [
            _clause(c, "clause.fund_income", income),
            _clause(c, "clause.fund_expenditure", expenditure),
        ],
        "list.comma",
    )
    if parts:
        yield Paragraph(c.say("fund.totals", fund=fund, parts=parts))
    for index, code in enumerate(items, start=1):
        yield Paragraph(_item(c, index, code, fund_type))


def _fund_holds(c: Composer, fund_type: FundType, items: Sequence[str]) -> bool:
    """Whether the fund holds anything: a balance, income or expenditure not 0, or a 项's.

    A fund holding nothing is the template's "本年度无……收入和支出" (表八, 表九 空表).
    """
    amounts = c.report.fiscal.funds()[fund_type]
    held = (
        amounts.opening,
        amounts.income,
        amounts.basic,
        amounts.project,
        amounts.stated_expenditure,
        amounts.closing,
    )
    if any(value is not None and not value.is_zero() for value in held):
        return True
    return any(_present(c, _line(code, fund_type)) for code in items)


def _clause(c: Composer, sentence: str, address: str) -> str | None:
    """The sentence ``sentence`` of the figure at ``address`` (slot ``amount``), if published."""
    amount = c.amount(address, sentence)
    return None if amount is None else c.say(sentence, amount=amount)


# -- 十 预算绩效管理情况 --------------------------------------------------------------------


def _performance(c: Composer) -> Iterator[Block]:
    c.section = "十"
    yield Heading(c.say("performance.heading"), 2)
    stages = _joined(
        c,
        [
            _stage(c, "target", "clause.target"),
            _stage(c, "tracked", "clause.tracked"),
            _evaluated(c),
        ],
        "list.semicolon",
    )
    if stages is None:
        return
    year = c.year(Relation.CURRENT, "performance.intro")
    intro = c.say("performance.intro", unit=_unit(c), year=year)
    yield Paragraph(intro + c.say("performance.process", parts=stages))


def _stage(c: Composer, stage: str, sentence: str) -> str | None:
    """``编报绩效目标的 2024 年度项目 N 个，涉及预算金额 X 万元``; ``None`` without its count."""
    projects = c.count(f"performance.{stage}_projects", sentence)
    if projects is None:
        return None
    text = c.say(sentence, year=c.year(Relation.CURRENT, sentence), count=projects)
    budget = _clause(c, "clause.budget_amount", f"performance.{stage}_budget")
    return text + (budget or "")


def _evaluated(c: Composer) -> str | None:
    """The self-evaluated projects, their average score, grades and problems."""
    text = _stage(c, "evaluated", "clause.evaluated")
    if text is None:
        return None
    score = c.number("performance.average_score", "clause.score")
    if score is not None:
        text += c.say("clause.score", score=score)
    grades = _joined(
        c, [_grade(c, grade.grade) for grade in c.report.performance.grade_counts], "list.semicolon"
    )
    inner = [part for part in (grades, _problems(c)) if part]
    if inner:
        text += c.say("clause.of_which_paren", text=c.word("list.stop").join(inner))
    return text


def _grade(c: Composer, grade: str) -> str | None:
    """``绩效评级为“优”的项目 N 个``: a grade of the template is worded, any other as published."""
    count = c.count(f"performance.grade_counts[{grade}].count", "clause.grade")
    if count is None:
        return None
    word = f"grade.{grade}"
    name = c.word(word) if word in c.catalogue.words else grade
    return c.say("clause.grade", grade=name, count=count)


def _problems(c: Composer) -> str | None:
    """``绩效自评中共发现问题 N 个，已经完成整改的 N 个，正在整改的 N 个``, as far as counted."""
    found = c.count("performance.problems_found", "clause.problems")
    if found is None:
        return None
    text = c.say("clause.problems", count=found)
    for name in ("fixed", "fixing"):
        count = c.count(f"performance.problems_{name}", f"clause.problems_{name}")
        if count is not None:
            text += c.say(f"clause.problems_{name}", count=count)
    return text


# -- 十一 其他重要事项 --------------------------------------------------------------------


def _other_matters(c: Composer) -> Iterator[Block]:
    c.section = "十一"
    yield Heading(c.say("other.heading"), 2)
    c.section = "十一（一）"
    yield Heading(c.say("costs.heading"), 3)
    yield from _operating_costs(c)
    c.section = "十一（二）"
    yield Heading(c.say("procurement.heading"), 3)
    yield from _procurement(c)
    c.section = "十一（三）"
    yield Heading(c.say("assets.heading"), 3)
    yield from _assets(c)


def _operating_costs(c: Composer) -> Iterator[Block]:
    """机关运行经费: the amount against the prior year; 无 when it is 0; nothing when blank."""
    address = "operating_costs.amount"
    costs = c.report.operating_costs
    value = None if costs is None else c.value(address)
    if costs is None or value is None:
        return
    if value.is_zero():
        c.nothing(address, "costs.none")
        year = c.year(Relation.CURRENT, "costs.none")
        yield Paragraph(c.say("costs.none", unit=_unit(c), year=year))
        return
    is_level = _level(c, address)
    if is_level is None:
        yield Paragraph(c.say("costs.amount", amount=_shown(c, address, "costs.amount")))
        return
    sentence = "costs.level" if is_level else "costs.versus_prior"
    amount = _shown(c, address, sentence)
    reason = costs.prior.reason if costs.prior else None
    compared = _versus_prior(
        c,
        address,
        "costs.versus_prior",
        "costs.level",
        reason,
        because="costs.reason",
        amount=amount,
    )
    yield Paragraph(compared or c.say("costs.amount", amount=amount))


def _procurement(c: Composer) -> Iterator[Block]:
    """政府采购: the total by kind; the amounts reserved for and awarded to SMEs, as published."""
    procurement = c.report.procurement
    kinds = (procurement.goods, procurement.works, procurement.services)
    texts: list[str] = []
    if procurement.stated_total is not None or any(kind is not None for kind in kinds):
        sentence = "procurement.total"
        parts = _joined(
            c,
            [
                _clause(c, f"clause.{kind}", f"procurement.{kind}")
                for kind in ("goods", "works", "services")
            ],
            "list.enumeration",
        )
        texts.append(
            c.say(
                sentence,
                unit=_unit(c),
                year=c.year(Relation.CURRENT, sentence),
                total=_shown(c, "procurement.total", sentence),
                parts=c.say("clause.of_which_list", parts=parts) if parts else "",
            )
        )
    reserved = _joined(
        c,
        [
            _clause(c, "clause.sme_reserved", "procurement.sme_reserved_budget"),
            _clause(c, "clause.small_micro_reserved", "procurement.small_micro_reserved_budget"),
        ],
        "list.comma",
    )
    if reserved:
        year = c.year(Relation.CURRENT, "procurement.reserved")
        texts.append(c.say("procurement.reserved", year=year, parts=reserved))
    awards = _joined(
        c,
        [
            _clause(c, "clause.sme_awards_reserved", "procurement.sme_awards_reserved"),
            _clause(
                c, "clause.small_micro_awards_reserved", "procurement.small_micro_awards_reserved"
            ),
            _clause(c, "clause.sme_awards_other", "procurement.sme_awards_other"),
        ],
        "list.semicolon",
    )
    if awards:
        texts.append(c.say("procurement.awards", parts=awards))
    if texts:
        yield Paragraph("".join(texts))


def _assets(c: Composer) -> Iterator[Block]:
    """国有资产: vehicles by use at the year's end, and the large equipment."""
    assets = c.report.assets
    texts: list[str] = []
    if assets.vehicles or assets.stated_vehicle_count is not None:
        date = c.year_end("assets", "assets.vehicles")
        count = c.count("assets.vehicle_count", "assets.vehicles") or "0"
        held = {holding.use for holding in assets.vehicles}
        uses = _joined(
            c, [_vehicles(c, use) for use in VehicleUse if use in held], "list.enumeration"
        )
        of_which = c.say("clause.of_which_list", parts=uses) if uses else ""
        texts.append(c.say("assets.vehicles", date=date, unit=_unit(c), count=count, uses=of_which))
    equipment = c.count("assets.large_equipment", "assets.equipment")
    if equipment is not None:
        texts.append(c.say("assets.equipment", count=equipment))
    if texts:
        yield Paragraph("".join(texts))


def _vehicles(c: Composer, use: VehicleUse) -> str | None:
    count = c.count(f"assets.vehicles[{use.value}].count", "clause.vehicles")
    return None if count is None else c.say("clause.vehicles", use=c.word(use.value), count=count)


# -- 第四部分 名词解释 --------------------------------------------------------------------


def _glossary(c: Composer, glossary: Sequence[GlossaryEntry]) -> Iterator[Block]:
    c.section = ""
    yield Heading(c.say("part.four"), 1)
    for index, entry in enumerate(glossary, start=1):
        number = _numeral(c, index)
        yield Paragraph(c.say("glossary.entry", number=number, term=entry.term, text=entry.text))
