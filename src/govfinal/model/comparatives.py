"""Comparatives: prior-year figures (上年决算) and budgets (预算), with stated reasons.

A narrative compares a figure with last year ("比上年增加 X 万元，增长 Y%，主要原因是…")
and with its budget ("年初预算数 X 万元，决算数 Y 万元，预决算差异率 Z%").
:class:`PriorYear` and :class:`BudgetVariance` hold the facts the report
publishes for one such figure: amounts and reasons. The figure itself lives
with the class that owns it.

The rates the text states (增长率, 预决算差异率, 执行率) are not held here: they
are the narrative's claims, :class:`~govfinal.model.statements.GrowthStatement`
and :class:`~govfinal.model.statements.BudgetStatement`, checked against the
rates these amounts give (data format 3; older files are migrated on loading,
:mod:`govfinal.io.migrate`).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from govfinal import ratios
from govfinal.errors import AmountError
from govfinal.model._fields import located, optional_amount
from govfinal.money import CONTEXT

__all__ = ["BudgetBasis", "BudgetVariance", "Figure", "PriorYear", "non_negative_figure"]


@located
@attrs.frozen
class PriorYear:
    """Comparison with the prior year's final account (与上年决算相比).

    A report usually publishes the change and the rate, not the prior amount;
    the prior amount is then ``current − change``.

    Attributes:
        amount: 上年决算数, when published (or inferred and documented as such).
        change: 增减额 as published, signed (a decrease is negative).
        reason: 主要原因 as published.

    """

    amount: Decimal | None = attrs.field(default=None, converter=optional_amount)
    change: Decimal | None = attrs.field(default=None, converter=optional_amount)
    reason: str | None = None

    def prior_amount(self, current: Decimal) -> Decimal | None:
        """上年决算数: the published amount, else ``current − change``, else ``None``."""
        if self.amount is not None:
            return self.amount
        if self.change is not None:
            return CONTEXT.subtract(current, self.change)
        return None

    def change_from(self, current: Decimal) -> Decimal | None:
        """增减额: the published change, else ``current − amount``, else ``None``."""
        if self.change is not None:
            return self.change
        if self.amount is not None:
            return ratios.change_of(self.amount, current)
        return None

    def growth_from(self, current: Decimal) -> Decimal | None:
        """Growth rate (percent, unrounded) recomputed from the amounts, if they are known."""
        prior = self.prior_amount(current)
        return None if prior is None else ratios.growth_of(prior, current)


class BudgetBasis(enum.Enum):
    """Which budget a figure is compared with."""

    INITIAL = "年初预算"
    FULL_YEAR = "全年预算"


@located
@attrs.frozen
class BudgetVariance:
    """Comparison with a budget (与预算相比): 预决算差异率 or 执行率.

    Attributes:
        budget: 预算数, the budget amount (年初预算数 or 全年预算数).
        basis: which budget ``budget`` is.
        reason: 主要原因 as published.
        other_basis_budget: 另一口径预算数, the budget on the other basis
            (全年预算数 when ``basis`` is 年初预算, 年初预算数 when it is
            全年预算), when the report publishes both.

    """

    budget: Decimal | None = attrs.field(default=None, converter=optional_amount)
    basis: BudgetBasis = attrs.field(
        default=BudgetBasis.INITIAL, validator=attrs.validators.instance_of(BudgetBasis)
    )
    reason: str | None = None
    other_basis_budget: Decimal | None = attrs.field(default=None, converter=optional_amount)

    def variance_from(self, final: Decimal) -> Decimal | None:
        """预决算差异率 (percent, unrounded) recomputed from the amounts."""
        return None if self.budget is None else ratios.budget_variance_of(self.budget, final)

    def execution_from(self, final: Decimal) -> Decimal | None:
        """执行率 (percent, unrounded) recomputed from the amounts."""
        return None if self.budget is None else ratios.execution_rate_of(self.budget, final)


@located
@attrs.frozen
class Figure:
    """A published amount with its comparatives.

    Attributes:
        amount: 决算数, the amount; ``None`` when the report gives only its parts.
        prior: comparison with the prior year.
        budget: comparison with a budget.

    """

    amount: Decimal | None = attrs.field(default=None, converter=optional_amount)
    prior: PriorYear | None = None
    budget: BudgetVariance | None = None


def non_negative_figure(
    instance: object, attribute: attrs.Attribute[Any], figure: Figure | None
) -> None:
    """Validator of a figure that cannot be negative (三公经费, 机关运行经费).

    Its 决算数 (``amount``), 预算数 (``budget.budget``) and 上年决算数
    (``prior.amount``) must not be negative; the change may be.
    """
    if figure is None:
        return
    parts = {
        "amount": figure.amount,
        "budget.budget": None if figure.budget is None else figure.budget.budget,
        "prior.amount": None if figure.prior is None else figure.prior.amount,
    }
    for part, value in parts.items():
        if value is not None and value < 0:
            raise AmountError(
                f"{type(instance).__name__}.{attribute.name}.{part}: amount {value} is"
                " negative, which this figure cannot be"
            )
