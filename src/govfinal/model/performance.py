"""预算绩效: the narrative summary of budget performance management.

Section 十一 of the narrative: how many self-evaluations were made,
over which budget and spending, and what they found. The two self-evaluation
tables themselves (绩效自评表) build on it.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govfinal import ratios
from govfinal.model._fields import count, located, optional_amount

__all__ = ["PerformanceSummary"]


@located
@attrs.frozen
class PerformanceSummary:
    """十一、预算绩效的情况说明: the figures and findings of performance management.

    Attributes:
        department_evaluations: number of 部门（单位）整体支出绩效自评表.
        department_budget: 全年预算总额 covered by the department evaluation.
        department_executed: 实际执行总额.
        project_evaluations: number of projects evaluated (预算绩效评价项目).
        project_budget: their 全年预算数.
        project_executed: their 全年执行数.
        achievements: 取得的成效, as published.
        problems: 发现的问题及原因, as published.
        improvements: 下一步改进措施, as published.

    """

    department_evaluations: int = attrs.field(default=0, converter=count)
    department_budget: Decimal | None = attrs.field(default=None, converter=optional_amount)
    department_executed: Decimal | None = attrs.field(default=None, converter=optional_amount)
    project_evaluations: int = attrs.field(default=0, converter=count)
    project_budget: Decimal | None = attrs.field(default=None, converter=optional_amount)
    project_executed: Decimal | None = attrs.field(default=None, converter=optional_amount)
    achievements: str = ""
    problems: str = ""
    improvements: str = ""

    @property
    def department_execution_rate(self) -> Decimal | None:
        """执行率 of the department's whole budget, in percent (unrounded)."""
        if self.department_budget is None or self.department_executed is None:
            return None
        return ratios.execution_rate(self.department_budget, self.department_executed)

    @property
    def project_execution_rate(self) -> Decimal | None:
        """执行率 of the evaluated projects, in percent (unrounded)."""
        if self.project_budget is None or self.project_executed is None:
            return None
        return ratios.execution_rate(self.project_budget, self.project_executed)
