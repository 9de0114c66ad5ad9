"""Print the 2023 report of 乌鲁木齐高新区（新市区）科学技术协会 from its data.

Today it prints the figures the narrative derives (shares, growth, variance,
execution rates), each computed from the model and rounded half-up.

Run: ``python examples/reproduce_2023_report.py``
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kexie_2023 import build_report

from govfinal import FinalAccount, round_percent


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{round_percent(value)}%"


def derived_figures(report: FinalAccount) -> list[tuple[str, str]]:
    """(label, figure) pairs of the narrative's derived figures, in its order."""
    fiscal = report.fiscal
    gpb = fiscal.general_budget
    nature = report.nature_shares()
    rows = [
        ("收入支出总计 较上年增长", _pct(report.grand_total_growth)),
        ("本年支出 基本支出 占比", _pct(nature["basic"])),
        ("本年支出 项目支出 占比", _pct(nature["project"])),
        (
            "财政拨款收入支出总计 较上年增长",
            _pct(fiscal.prior.growth_from(fiscal.income_grand_total) if fiscal.prior else None),
        ),
        (
            "财政拨款支出 预决算差异率",
            _pct(fiscal.budget.variance_from(fiscal.expenditure) if fiscal.budget else None),
        ),
        ("一般公共预算财政拨款支出 占本年支出合计", _pct(report.general_budget_share)),
        (
            "一般公共预算财政拨款支出 较上年增长",
            _pct(gpb.prior.growth_from(report.fund_expenditure()) if gpb.prior else None),
        ),
    ]
    for code, value in report.class_shares().items():
        rows.append((f"{report.functions[code].name}（类）占比", _pct(value)))
    for line in report.functions.in_narrative_order():
        amounts = line.general_budget
        if amounts is None or amounts.prior is None or amounts.expenditure is None:
            continue
        rows.append(
            (f"{line.name}（项）较上年增长", _pct(amounts.prior.growth_from(amounts.expenditure)))
        )
    costs = report.operating_costs
    if costs is not None and costs.prior is not None and costs.amount is not None:
        rows.append(("机关运行经费 较上年增长", _pct(costs.prior.growth_from(costs.amount))))
    perf = report.performance
    rows.append(("部门整体支出 执行率", _pct(perf.department_execution_rate)))
    rows.append(("项目支出 执行率", _pct(perf.project_execution_rate)))
    return rows


def main() -> int:
    report = build_report()
    unit = report.unit
    print(f"{unit.name} {unit.fiscal_year} 年度部门决算")
    print(
        f"收入总计 {report.income.grand_total} {unit.amount_unit.value}，"
        f"支出总计 {report.expenditure.grand_total} {unit.amount_unit.value}"
    )
    for label, figure in derived_figures(report):
        print(f"{label}: {figure}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
