"""The self-evaluation tables (绩效自评表) the narrative attaches under 预算绩效的情况说明.

Table layout, not narrative: each evaluation of ``report.performance`` as a
heading, its name lines, the 资金 table, the 年度总体目标 paragraphs and the
绩效指标 table, with the labels of the published form (Chinese in every
language: the tables are reproduced as published). Figures are written as
published (``numbers.plain``); the 执行率 of the 资金 table is recomputed from
its budget and execution, at the precision the form states it with.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govfinal import ratios
from govfinal.model.performance import EvaluationKind, Indicator, SelfEvaluation
from govfinal.model.report import FinalAccount
from govfinal.render import numbers
from govfinal.render.document import Block, Heading, Paragraph, Table, TableRow

__all__ = ["self_evaluation_tables"]


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
