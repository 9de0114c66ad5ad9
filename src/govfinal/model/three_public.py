"""“三公”经费: the three public expenses paid from fiscal allocations.

因公出国（境）费, 公务用车购置及运行维护费 (购置费 + 运行维护费) and
公务接待费, each with its budget (预算数) and final (决算数) amounts, their
activity counts, and the narrative's comparatives.

Invariants (checked, not enforced):

* 小计 = 购置费 + 运行维护费, and 合计 = 出国 + 小计 + 接待, for budget and final;
* a zero amount with a non-zero count, or the reverse, is suspicious;
* vehicles held (保有量) agree with the vehicles among state assets, or the
  difference is explained.

Invariant (enforced): no 决算数, 预算数 or 上年决算数 is negative (a spending
and its budget); the changes and rates of the comparatives may be.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govfinal.model._fields import located, optional_count
from govfinal.model.comparatives import Figure, non_negative_figure
from govfinal.money import ZERO, sum_published

__all__ = ["ThreePublicExpenses"]


def _zero() -> Figure:
    return Figure(amount=ZERO)


def _final(figure: Figure | None) -> Decimal | None:
    return None if figure is None else figure.amount


def _budget(figure: Figure | None) -> Decimal | None:
    return None if figure is None or figure.budget is None else figure.budget.budget


@located
@attrs.frozen
class ThreePublicExpenses:
    """财政拨款“三公”经费支出决算表 and its narrative.

    Each line is a :class:`~govfinal.model.comparatives.Figure`: ``amount`` is
    the 决算数, ``budget.budget`` the 预算数 (全年预算), ``prior`` the
    comparison with last year.

    Attributes:
        overseas: 因公出国（境）费.
        vehicle_purchase: 公务用车购置费.
        vehicle_operation: 公务用车运行维护费.
        reception: 公务接待费.
        vehicles: 公务用车购置及运行维护费 (小计), with its comparatives.
        total: “三公”经费合计, with its comparatives.
        overseas_groups: 因公出国（境）团组数.
        overseas_persons: 因公出国（境）人次.
        vehicles_purchased: 公务用车购置数 (辆).
        vehicles_held: 公务用车保有量 (辆).
        reception_batches: 国内公务接待批次.
        reception_persons: 国内公务接待人次.
        foreign_reception_batches: 外宾接待批次, of the 国内公务接待批次.
        foreign_reception_persons: 外宾接待人次, of the 国内公务接待人次.
        vehicle_operation_content: what 运行维护费 paid for, as published.
        vehicle_difference_reason: why 保有量 differs from the vehicles among assets.

    """

    overseas: Figure = attrs.field(factory=_zero, validator=non_negative_figure)
    vehicle_purchase: Figure = attrs.field(factory=_zero, validator=non_negative_figure)
    vehicle_operation: Figure = attrs.field(factory=_zero, validator=non_negative_figure)
    reception: Figure = attrs.field(factory=_zero, validator=non_negative_figure)
    vehicles: Figure | None = attrs.field(default=None, validator=non_negative_figure)
    total: Figure | None = attrs.field(default=None, validator=non_negative_figure)
    overseas_groups: int | None = attrs.field(default=None, converter=optional_count)
    overseas_persons: int | None = attrs.field(default=None, converter=optional_count)
    vehicles_purchased: int | None = attrs.field(default=None, converter=optional_count)
    vehicles_held: int | None = attrs.field(default=None, converter=optional_count)
    reception_batches: int | None = attrs.field(default=None, converter=optional_count)
    reception_persons: int | None = attrs.field(default=None, converter=optional_count)
    foreign_reception_batches: int | None = attrs.field(default=None, converter=optional_count)
    foreign_reception_persons: int | None = attrs.field(default=None, converter=optional_count)
    vehicle_operation_content: str | None = None
    vehicle_difference_reason: str | None = None

    @property
    def vehicles_final(self) -> Decimal | None:
        """公务用车购置及运行维护费 决算数: published 小计, else 购置 + 运行."""
        stated = _final(self.vehicles)
        if stated is not None:
            return stated
        return sum_published((self.vehicle_purchase.amount, self.vehicle_operation.amount))

    @property
    def vehicles_budget(self) -> Decimal | None:
        """公务用车购置及运行维护费 预算数: published 小计, else 购置 + 运行."""
        stated = _budget(self.vehicles)
        if stated is not None:
            return stated
        return sum_published((_budget(self.vehicle_purchase), _budget(self.vehicle_operation)))

    @property
    def total_final(self) -> Decimal | None:
        """“三公”经费 决算数: published 合计, else 出国 + 公务用车 + 接待."""
        stated = _final(self.total)
        if stated is not None:
            return stated
        return sum_published((self.overseas.amount, self.vehicles_final, self.reception.amount))

    @property
    def total_budget(self) -> Decimal | None:
        """“三公”经费 预算数: published 合计, else 出国 + 公务用车 + 接待."""
        stated = _budget(self.total)
        if stated is not None:
            return stated
        return sum_published(
            (_budget(self.overseas), self.vehicles_budget, _budget(self.reception))
        )
