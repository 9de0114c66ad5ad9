"""The narrative of a 部门决算 in Chinese, in the standard wording.

Every figure comes from the model: amounts as stated (or derived where the
report does not state them), and every share, change, growth rate, variance
and execution rate recomputed by the cores of :mod:`govfinal.ratios`
(:func:`~govfinal.ratios.share_of`, …, which take sums and derived prior
amounts beyond the entrance bounds) and rounded half-up.
Published reasons (主要原因) and free text are inserted as published. Zero and
empty cases use their standard sentences ("本年无此项支出", the empty-table
statements).

The wording follows the 2023 report of 乌鲁木齐高新区（新市区）科学技术协会;
other provinces word some sentences differently, and the data decide which
optional sentences appear.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from govfinal import ratios
from govfinal.model.comparatives import BudgetVariance, Figure, PriorYear
from govfinal.model.economic import EconomicLine
from govfinal.model.funds import FundAmounts, FundType
from govfinal.model.other import VehicleUse
from govfinal.model.performance import EvaluationKind, Indicator, SelfEvaluation
from govfinal.model.report import FinalAccount
from govfinal.money import ZERO
from govfinal.render import numbers
from govfinal.render.document import Block, Heading, Paragraph, Table, TableRow
from govfinal.render.glossary import GlossaryEntry

__all__ = ["CHINESE_NUMERALS", "narrative", "prior_change", "self_evaluation_tables"]

CHINESE_NUMERALS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
)  # fmt: skip


def prior_change(prior: PriorYear, current: Decimal) -> tuple[Decimal, Decimal] | None:
    """增减额 and 增长率 (percent, unrounded) of ``current`` over the prior year, if derivable."""
    change, growth = prior.change_from(current), prior.growth_from(current)
    return None if change is None or growth is None else (change, growth)


def _n(index: int) -> str:
    """The Chinese numeral of ``index`` (1-based)."""
    return CHINESE_NUMERALS[index - 1] if index <= len(CHINESE_NUMERALS) else str(index)


class _Writer:
    """Formats the figures of one report in its amount unit."""

    def __init__(self, report: FinalAccount) -> None:
        self.report = report
        self.unit = report.unit.amount_unit.value
        self.year = report.unit.fiscal_year

    def money(self, value: Decimal | None) -> str:
        """``58.95 万元``."""
        return f"{numbers.amount(ZERO if value is None else value)} {self.unit}"

    def pct(self, value: Decimal, like: Decimal | None = None) -> str:
        """``19.69%``."""
        return f"{numbers.percent(value, like=like)}%"

    def share(self, part: Decimal | None, whole: Decimal) -> str:
        return self.pct(ratios.share_of(ZERO if part is None else part, whole))

    def change(self, prior: PriorYear | None, current: Decimal, *, comma: str = "，") -> str:
        """``减少 14.45 万元，下降 19.69%`` (or ``增加 … 增长 …``)."""
        derived = None if prior is None else prior_change(prior, current)
        if prior is None or derived is None:
            return ""
        change, growth = derived
        more, rise = ("增加", "增长") if change >= 0 else ("减少", "下降")
        return (
            f"{more} {self.money(abs(change))}{comma}{rise} {self.pct(abs(growth), prior.growth)}"
        )

    def variance(self, budget: BudgetVariance | None, final: Decimal, *, label: str) -> str:
        """``年初预算数 96.41 万元，决算数 58.64 万元，预决算差异率-39.18%``."""
        if budget is None or budget.budget is None:
            return ""
        rate = ratios.budget_variance_of(budget.budget, final)
        figure = numbers.percent(rate, like=budget.variance)
        return (
            f"{label}{self.money(budget.budget)}，决算数 {self.money(final)}，预决算差异率{figure}%"
        )


def _reason(reason: str | None) -> str:
    return f"主要原因是：{reason}" if reason else ""


def narrative(
    report: FinalAccount, glossary: Sequence[GlossaryEntry], table_titles: Sequence[str]
) -> list[Block]:
    """The report's four parts as blocks, without the nine tables themselves."""
    blocks: list[Block] = []
    blocks += _profile(report)
    blocks += _part_two(report)
    blocks.append(Heading("第三部分 专业名词解释", 1))
    blocks += [
        Paragraph(f"{_n(i)}、{entry.term}：{entry.text}")
        for i, entry in enumerate(glossary, start=1)
    ]
    blocks.append(Heading("第四部分 部门决算报表（见附表）", 1))
    blocks += [Paragraph(f"{_n(i)}、《{title}》") for i, title in enumerate(table_titles, 1)]
    return blocks


# -- 第一部分 单位概况 -----------------------------------------------------------


def _profile(report: FinalAccount) -> Iterator[Block]:
    profile, unit = report.profile, report.unit
    yield Heading("第一部分 单位概况", 1)
    yield Heading("一、主要职能", 2)
    if profile.mandate:
        yield Paragraph(profile.mandate)
    for i, function in enumerate(profile.functions, start=1):
        yield Paragraph(f"（{_n(i)}）{function}")
    yield Heading("二、机构设置及人员情况", 2)
    staff = profile.staff
    yield Paragraph(
        f"{unit.name} {unit.fiscal_year} 年度，实有人数 {staff.total} 人，其中：在职人员 "
        f"{staff.in_service} 人，离休人员 {staff.retired_cadres} 人，退休人员 {staff.retirees} 人。"
    )
    subordinates = (
        f"下属预算单位 {len(profile.subordinate_units)} 个（"
        + "、".join(profile.subordinate_units)
        + "）"
        if profile.subordinate_units
        else "无下属预算单位"
    )
    yield Paragraph(f"单位{subordinates}，下设 {profile.division_count} 个科室。")


# -- 第二部分 部门决算情况说明 -----------------------------------------------------


def _part_two(report: FinalAccount) -> Iterator[Block]:
    w = _Writer(report)
    yield Heading("第二部分 部门决算情况说明", 1)
    yield from _totals(w)
    yield from _income(w)
    yield from _expenditure(w)
    yield from _fiscal(w)
    yield from _general_budget(w)
    yield from _basic(w)
    yield from _three_public(w)
    yield from _empty_fund(w, "八", FundType.GOVERNMENT_FUND)
    yield from _empty_fund(w, "九", FundType.STATE_CAPITAL)
    yield from _other_matters(w)
    yield from _performance(w)
    yield from self_evaluation_tables(report)
    yield Heading("十二、其他需说明的事项", 2)
    for text in report.other_matters or ("无。",):
        yield Paragraph(text)


def _totals(w: _Writer) -> Iterator[Block]:
    income, expenditure = w.report.income, w.report.expenditure
    yield Heading("一、收入支出决算总体情况说明", 2)
    yield Paragraph(
        f"{w.year} 年度收入总计 {w.money(income.grand_total)}，其中：本年收入合计 "
        f"{w.money(income.sources.total)}，使用非财政拨款结余 "
        f"{w.money(income.non_fiscal_balance_used)}，年初结转和结余 "
        f"{w.money(income.opening_balance)}。"
    )
    yield Paragraph(
        f"{w.year} 年度支出总计 {w.money(expenditure.grand_total)}，其中：本年支出合计 "
        f"{w.money(expenditure.total)}，结余分配 {w.money(expenditure.surplus_distribution)}，"
        f"年末结转和结余 {w.money(expenditure.closing_balance)}。"
    )
    prior = w.report.grand_total_prior
    compared = w.change(prior, income.grand_total)
    if compared and prior is not None:
        yield Paragraph(f"收入支出总体与上年相比，{compared}，{_reason(prior.reason)}。")


def _listed(w: _Writer, parts: Sequence[tuple[str, Decimal | None]], whole: Decimal) -> str:
    """``甲 1.00 万元，占 10.00%；乙 …``."""
    return "；".join(
        f"{name} {w.money(value)}，占 {w.share(value, whole)}" for name, value in parts
    )


def _income(w: _Writer) -> Iterator[Block]:
    sources = w.report.income.sources
    whole = sources.total
    parts = [
        ("财政拨款收入", sources.fiscal),
        ("上级补助收入", sources.superior_subsidy),
        ("事业收入", sources.service),
        ("经营收入", sources.business),
        ("附属单位上缴收入", sources.subordinate_remittance),
        ("其他收入", sources.other),
    ]
    listed = "；".join(
        f"{name} {w.money(value)}，占 {w.share(value, whole)}" for name, value in parts
    )
    yield Heading("二、收入决算情况说明", 2)
    yield Paragraph(f"本年收入 {w.money(whole)}，其中：{listed}。")


def _expenditure(w: _Writer) -> Iterator[Block]:
    nature = w.report.expenditure.nature
    whole = w.report.expenditure.total
    parts = [
        ("基本支出", nature.basic),
        ("项目支出", nature.project),
        ("上缴上级支出", nature.remitted_to_superior),
        ("经营支出", nature.business),
        ("对附属单位补助支出", nature.subsidies_to_subordinates),
    ]
    listed = "；".join(
        f"{name} {w.money(value)}，占 {w.share(value, whole)}" for name, value in parts
    )
    yield Heading("三、支出决算情况说明", 2)
    yield Paragraph(f"本年支出 {w.money(whole)}，其中：{listed}。")


def _fiscal(w: _Writer) -> Iterator[Block]:
    fiscal = w.report.fiscal
    yield Heading("四、财政拨款收入支出决算总体情况说明", 2)
    text = (
        f"{w.year} 年度财政拨款收入总计 {w.money(fiscal.income_grand_total)}，其中：年初财政拨款"
        f"结转和结余 {w.money(fiscal.opening)}，本年财政拨款收入 {w.money(fiscal.income)}。"
        f"财政拨款支出总计 {w.money(fiscal.expenditure_grand_total)}，其中：年末财政拨款结转和结余 "
        f"{w.money(fiscal.closing)}，本年财政拨款支出 {w.money(fiscal.expenditure)}。"
    )
    yield Paragraph(text)
    sentences = []
    compared = w.change(fiscal.prior, fiscal.income_grand_total, comma="，")
    if compared and fiscal.prior is not None:
        sentences.append(
            f"财政拨款收入支出总体与上年相比，{compared}，{_reason(fiscal.prior.reason)}。"
        )
    variance = w.variance(fiscal.budget, fiscal.expenditure, label="年初预算数 ")
    if variance and fiscal.budget is not None:
        sentences.append(f"与年初预算相比，{variance}，{_reason(fiscal.budget.reason)}。")
    if sentences:
        yield Paragraph("".join(sentences))


def _fund_expenditure(amounts: FundAmounts | None) -> Decimal | None:
    return None if amounts is None else amounts.expenditure


def _general_budget(w: _Writer) -> Iterator[Block]:
    report = w.report
    gpb = report.fiscal.general_budget
    spent = report.fund_expenditure(FundType.GENERAL_BUDGET)
    yield Heading("五、一般公共预算财政拨款支出决算情况说明", 2)
    yield Heading("（一）一般公共预算财政拨款支出决算总体情况", 3)
    text = (
        f"{w.year} 年度一般公共预算财政拨款支出 {w.money(spent)}，占本年支出合计的 "
        f"{w.pct(ratios.share_of(spent, report.expenditure.total))}。"
    )
    compared = w.change(gpb.prior, spent)
    if compared and gpb.prior is not None:
        text += f"与上年相比，{compared}，{_reason(gpb.prior.reason)}。"
    variance = w.variance(gpb.budget, spent, label="年初预算数 ")
    if variance and gpb.budget is not None:
        text += f"与年初预算相比，{variance}，{_reason(gpb.budget.reason)}。"
    yield Paragraph(text)
    yield Heading("（二）一般公共预算财政拨款支出决算结构情况", 3)
    tree = report.functions
    for i, line in enumerate(tree.classes(), start=1):
        value = tree.rollup(line.code, lambda item: _fund_expenditure(item.general_budget))
        if value is None:
            continue
        yield Paragraph(f"{i}.{line.name}（类）{w.money(value)}，占 {w.share(value, spent)}；")
    yield Heading("（三）一般公共预算财政拨款支出决算具体情况", 3)
    # Numbered among the 项 discussed: a 项 without 一般公共预算 spending leaves no gap.
    discussed = [
        line
        for line in tree.in_narrative_order()
        if _fund_expenditure(line.general_budget) is not None
    ]
    for i, line in enumerate(discussed, start=1):
        amounts = line.general_budget
        value = _fund_expenditure(amounts)
        if amounts is None or value is None:
            continue  # filtered out above
        names = []
        for code in (line.code[:3], line.code[:5], line.code):
            found = tree.get(code)
            if found is not None:
                names.append(f"{found.name}（{found.level.value}）")
        text = f"{i}.{''.join(names)}:支出决算数为 {w.money(value)}"
        compared = w.change(amounts.prior, value)
        if compared and amounts.prior is not None:
            text += f"，比上年决算{compared}，{_reason(amounts.prior.reason)}"
        variance = w.variance(amounts.budget, value, label="年初预算数 ")
        if variance and amounts.budget is not None:
            text += f"；与年初预算相比，{variance}，{_reason(amounts.budget.reason)}"
        yield Paragraph(text + "。")


def _names(lines: Sequence[EconomicLine]) -> str:
    return "、".join(line.name for line in lines)


def _basic(w: _Writer) -> Iterator[Block]:
    from govfinal.classification import EconomicGroup

    detail = w.report.general_budget_basic
    yield Heading("六、一般公共预算财政拨款基本支出决算情况说明", 2)
    personnel = detail.items(EconomicGroup.PERSONNEL)
    public = detail.items(EconomicGroup.PUBLIC)
    text = (
        f"{w.year} 年度一般公共预算财政拨款基本支出 {w.money(detail.total)}，其中：人员经费 "
        f"{w.money(detail.personnel)}"
    )
    yield Paragraph(text + (f"，包括：{_names(personnel)}。" if personnel else "。"))
    yield Paragraph(
        f"公用经费 {w.money(detail.public)}" + (f"，包括：{_names(public)}。" if public else "。")
    )


def _three_public(w: _Writer) -> Iterator[Block]:
    three = w.report.three_public
    total = three.total_final or ZERO
    yield Heading("七、财政拨款“三公”经费支出决算情况说明", 2)
    head = f"{w.year} 年度财政拨款“三公”经费支出 {w.money(total)}"
    head += _comma_change(w, three.total, total)
    parts = [
        ("因公出国（境）费支出", three.overseas, three.overseas.amount),
        ("公务用车购置及运行维护费支出", three.vehicles, three.vehicles_final),
        ("公务接待费支出", three.reception, three.reception.amount),
    ]
    items = []
    for name, figure, value in parts:
        items.append(
            f"{name} {w.money(value)}，占 {w.share(value, total)}{_comma_change(w, figure, value)}"
        )
    yield Paragraph(f"{head}。其中：{'；'.join(items)}。")
    yield Paragraph("具体情况如下：")
    overseas = three.overseas.amount or ZERO
    text = f"因公出国（境）费支出 {w.money(overseas)}"
    text += "，本年单位无因公出国（境）费支出。" if overseas.is_zero() else "。"
    if three.overseas_groups is not None or three.overseas_persons is not None:
        text += (
            f"单位全年安排的因公出国（境）团组 {three.overseas_groups or 0} 个，"
            f"因公出国（境）{three.overseas_persons or 0} 人次。"
        )
    yield Paragraph(text)
    text = (
        f"公务用车购置及运行维护费 {w.money(three.vehicles_final)}，其中：公务用车购置费 "
        f"{w.money(three.vehicle_purchase.amount)}，公务用车运行维护费 "
        f"{w.money(three.vehicle_operation.amount)}。"
    )
    if three.vehicle_operation_content:
        text += f"公务用车运行维护费开支内容包括{three.vehicle_operation_content}。"
    if three.vehicles_purchased is not None or three.vehicles_held is not None:
        text += (
            f"公务用车购置数 {three.vehicles_purchased or 0} 辆，公务用车保有量 "
            f"{three.vehicles_held or 0} 辆。"
        )
    assets = w.report.assets
    held = three.vehicles_held or 0
    if three.vehicle_difference_reason and assets.vehicle_count != held:
        text += (
            f"国有资产占用情况中固定资产车辆 {assets.vehicle_count} 辆，与公务用车保有量差异"
            f"原因是：{three.vehicle_difference_reason}。"
        )
    yield Paragraph(text)
    reception = three.reception.amount or ZERO
    text = f"公务接待费 {w.money(reception)}"
    text += "，本年无此项支出。" if reception.is_zero() else "。"
    if three.reception_batches is not None or three.reception_persons is not None:
        text += (
            f"单位全年安排的国内公务接待 {three.reception_batches or 0} 批次，"
            f"{three.reception_persons or 0} 人次。"
        )
    yield Paragraph(text)
    budgets = [
        ("因公出国（境）费", three.overseas, three.overseas.amount),
        ("公务用车购置费", three.vehicle_purchase, three.vehicle_purchase.amount),
        ("公务用车运行费", three.vehicle_operation, three.vehicle_operation.amount),
        ("公务接待费", three.reception, three.reception.amount),
    ]
    head_budget = _budget_sentence(w, three.total, total)
    lines = [
        f"{name}{sentence}"
        for name, figure, value in budgets
        if (sentence := _budget_sentence(w, figure, value or ZERO))
    ]
    if head_budget:
        text = f"与全年预算相比，财政拨款“三公”经费支出{head_budget}"
        if lines:
            text += "。其中：" + "；".join(lines)
        yield Paragraph(text + "。")


def _comma_change(w: _Writer, figure: Figure | None, current: Decimal | None) -> str:
    if figure is None or figure.prior is None or current is None:
        return ""
    compared = w.change(figure.prior, current)
    if not compared:
        return ""
    return f"，比上年{compared}，{_reason(figure.prior.reason)}"


def _budget_sentence(w: _Writer, figure: Figure | None, final: Decimal) -> str:
    if figure is None or figure.budget is None or figure.budget.budget is None:
        return ""
    variance = w.variance(figure.budget, final, label="全年预算数 ")
    return f"{variance}，{_reason(figure.budget.reason)}"


_FUND_NAMES = {
    FundType.GOVERNMENT_FUND: ("政府性基金预算财政拨款", "政府性基金预算财政拨款收入支出决算表"),
    FundType.STATE_CAPITAL: ("国有资本经营预算财政拨款", "国有资本经营预算财政拨款收入支出决算表"),
}


def _empty_fund(w: _Writer, number: str, fund_type: FundType) -> Iterator[Block]:
    name, table = _FUND_NAMES[fund_type]
    yield Heading(f"{number}、{name}收入支出决算情况说明", 2)
    amounts = w.report.fiscal.funds()[fund_type]
    if amounts.is_empty:
        yield Paragraph(f"我单位本年度无{name}收入、支出及结转和结余，{table}为空表。")
        return
    text = (
        f"{w.year} 年度{name}年初结转和结余 {w.money(amounts.opening)}，本年收入 "
        f"{w.money(amounts.income)}，本年支出 {w.money(amounts.expenditure)}，年末结转和结余 "
        f"{w.money(amounts.closing)}。"
    )
    yield Paragraph(text)
    tree = w.report.functions
    for i, line in enumerate(tree.subitems(), start=1):
        cells = line.fund(fund_type)
        value = _fund_expenditure(cells)
        if value is None:
            continue
        yield Paragraph(f"{i}.{line.name}（{line.level.value}）:支出决算数为 {w.money(value)}。")


def _other_matters(w: _Writer) -> Iterator[Block]:
    report = w.report
    yield Heading("十、其他重要事项的情况说明", 2)
    yield Heading("（一）机关运行经费支出情况", 3)
    costs = report.operating_costs
    if costs is None or costs.amount is None:
        yield Paragraph(f"{w.year} 年度本单位无机关运行经费支出。")
    else:
        text = (
            f"{w.year} 年度{report.unit.name}（行政单位和参照公务员法管理事业单位）"
            f"机关运行经费支出 {w.money(costs.amount)}"
        )
        compared = w.change(costs.prior, costs.amount)
        if compared and costs.prior is not None:
            text += f"，比上年{compared}，{_reason(costs.prior.reason)}"
        yield Paragraph(text + "。")
    yield Heading("（二）政府采购情况", 3)
    purchase = report.procurement
    total = purchase.total
    yield Paragraph(
        f"{w.year} 年度政府采购支出总额 {w.money(total)}，其中：政府采购货物支出 "
        f"{w.money(purchase.goods)}、政府采购工程支出 {w.money(purchase.works)}、政府采购服务支出 "
        f"{w.money(purchase.services)}。"
    )
    yield Paragraph(
        f"授予中小企业合同金额 {w.money(purchase.sme_contracts)}，占政府采购支出总额的 "
        f"{w.share(purchase.sme_contracts, total)}，其中：授予小微企业合同金额 "
        f"{w.money(purchase.small_micro_contracts)}，占政府采购支出总额的 "
        f"{w.share(purchase.small_micro_contracts, total)}。"
    )
    yield Heading("（三）国有资产占用情况说明", 3)
    assets = report.assets
    uses = "、".join(f"{use.value} {assets.vehicles_of(use)} 辆" for use in VehicleUse)
    notes = "；".join(
        f"{holding.use.value}主要是：{holding.note}" for holding in assets.vehicles if holding.note
    )
    text = (
        f"截至 {w.year} 年 12 月 31 日，固定资产原值 "
        f"{w.money(assets.fixed_assets_original_value)}，"
        f"房屋 {numbers.amount(assets.building_area or ZERO)} 平方米，价值 "
        f"{w.money(assets.building_value)}。车辆 {assets.vehicle_count} 辆，价值 "
        f"{w.money(assets.vehicle_value)}，其中：{uses}"
    )
    text += f"，{notes}；" if notes else "；"
    text += f"单价 100 万元（含）以上设备（不含车辆）{assets.large_equipment or 0} 台（套）。"
    yield Paragraph(text)


def _performance(w: _Writer) -> Iterator[Block]:
    perf = w.report.performance
    yield Heading("十一、预算绩效的情况说明", 2)
    text = (
        f"根据预算绩效管理要求，我单位 {w.year} 年度预算绩效管理整体支出绩效自评表 "
        f"{perf.department_evaluations} 个，全年预算总额 {w.money(perf.department_budget)}，"
        f"实际执行总额 {w.money(perf.department_executed)}；预算绩效评价项目 "
        f"{perf.project_evaluations} 个，全年预算数 {w.money(perf.project_budget)}，全年执行数 "
        f"{w.money(perf.project_executed)}。"
    )
    if perf.achievements:
        text += f"预算绩效管理取得的成效：{perf.achievements}"
    if perf.problems:
        text += f"发现的问题及原因：{perf.problems}"
    if perf.improvements:
        text += f"下一步改进措施：{perf.improvements}"
    yield Paragraph(text)


# -- 绩效自评表 -------------------------------------------------------------------


def _value(indicator: Indicator, value: Decimal | None, text: str | None) -> str:
    if text is not None:
        return text
    if value is None:
        return ""
    return f"{numbers.plain(value)}{indicator.unit}"


def _target(indicator: Indicator) -> str:
    shown = _value(indicator, indicator.target, indicator.target_text)
    if indicator.is_qualitative:
        return shown
    return f"{indicator.comparator.ascii}{shown}"


def _opt(value: Decimal | None) -> str:
    return "" if value is None else numbers.plain(value)


def self_evaluation_tables(report: FinalAccount) -> Iterator[Block]:
    """The self-evaluation tables (绩效自评表) as headings, paragraphs and tables."""
    for evaluation in report.performance.evaluations:
        yield from _evaluation(report, evaluation)


def _evaluation(report: FinalAccount, evaluation: SelfEvaluation) -> Iterator[Block]:
    year = evaluation.year or report.unit.fiscal_year
    department = evaluation.kind is EvaluationKind.DEPARTMENT
    if department:
        yield Heading(f"部门（单位）整体支出绩效目标自评表（{year} 年度）", 2)
        yield Paragraph(f"部门（单位）名称：{evaluation.name}")
    else:
        yield Heading(f"项目支出绩效自评表（{year} 年度）", 2)
        yield Paragraph(f"项目名称：{evaluation.name}")
        yield Paragraph(
            f"主管部门：{evaluation.department or ''}　实施单位：{evaluation.implementer or ''}"
        )
    funding = evaluation.funding
    budget, executed = funding.total.full_year_budget, funding.total.executed
    rate = (
        None if budget is None or executed is None else ratios.execution_rate_of(budget, executed)
    )
    shown_rate = (
        "" if rate is None else f"{numbers.percent(rate, like=funding.stated_execution_rate)}%"
    )
    total = funding.total
    rows = [
        TableRow(
            (
                total.label,
                _opt(total.initial_budget),
                _opt(total.full_year_budget),
                _opt(total.executed),
                numbers.plain(funding.weight),
                shown_rate,
                _opt(funding.stated_score),
            ),
            "total",
        )
    ]
    rows += [
        TableRow(
            (
                row.label,
                _opt(row.initial_budget),
                _opt(row.full_year_budget),
                _opt(row.executed),
                "—",
                "—",
                "—",
            )
        )
        for row in funding.sources
    ]
    yield Table(
        "资金（万元）",
        ("资金来源", "年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"),
        rows,
        key=f"funding_{evaluation.kind.name.lower()}",
        ruled=False,
    )
    yield Paragraph(f"年度总体目标 — 预期目标：{evaluation.goal}")
    yield Paragraph(f"实际完成情况：{evaluation.completion}")
    columns: tuple[str, ...] = (
        ("一级指标", "二级指标", "三级指标", "预期指标值", "指标值设定依据", "实际完成指标值")
        if department
        else ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值")
    )
    columns += ("分值权重", "得分") if department else ("分值", "得分", "偏差原因分析及改进措施")
    body = []
    for indicator in evaluation.indicators:
        cells = [indicator.level1, indicator.level2, indicator.name, _target(indicator)]
        if department:
            cells.append(indicator.basis or "")
        cells.append(_value(indicator, indicator.actual, indicator.actual_text))
        cells += [numbers.plain(indicator.weight), _opt(indicator.score)]
        if not department:
            cells.append(indicator.deviation or "")
        body.append(TableRow(cells))
    score = evaluation.stated_total_score
    total_row = ["总分", "", "", "", ""] + ([""] if department else [])
    total_row += [
        _opt(evaluation.stated_total_weight) if not department else "",
        f"{_opt(score)} 分" if score is not None else "",
    ]
    if not department:
        total_row.append("")
    body.append(TableRow(total_row[: len(columns)], "total"))
    key = f"indicators_{evaluation.kind.name.lower()}"
    yield Table("绩效指标", columns, body, key=key, ruled=False)
