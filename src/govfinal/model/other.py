"""Other matters of a final account: 政府采购 and 国有资产占用.

(机关运行经费 is a plain :class:`~govfinal.model.comparatives.Figure` on the report.)

Invariants (checked, not enforced):

* 政府采购: 货物 + 工程 + 服务 = 总额; 中小企业 ≤ 总额; 小微企业 ≤ 中小企业.
* 国有资产: the vehicles by use add up to the stated number of vehicles.

Invariant (enforced): no figure here is negative. Procurement is a sum of
contracts awarded, and assets are stocks (values, areas, counts): a negative
one is a transcription error, refused with the class and field named.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal.model._fields import (
    count,
    distinct,
    located,
    optional_count,
    optional_non_negative_amount,
)
from govfinal.money import sum_amounts

__all__ = ["Assets", "Procurement", "VehicleHolding", "VehicleUse"]


@located
@attrs.frozen
class Procurement:
    """政府采购: government procurement in the year (by contract).

    ``None`` marks a figure the report leaves blank; a published 0 is 0.

    Attributes:
        goods: 政府采购货物支出.
        works: 政府采购工程支出.
        services: 政府采购服务支出.
        stated_total: 政府采购支出总额 as published.
        sme_contracts: 授予中小企业合同金额.
        small_micro_contracts: 授予小微企业合同金额, of the SME contracts.
        sme_reserved_budget: 面向中小企业预留政府采购项目预算金额.
        small_micro_reserved_budget: 面向小微企业预留政府采购项目预算金额.
        sme_awards_reserved: 面向中小企业预留项目中由中小企业中标（成交）的采购金额.
        small_micro_awards_reserved: 面向小微企业预留项目中由小微企业中标（成交）的采购金额.
        sme_awards_other: 其他政府采购项目中由中小企业中标（成交）的采购金额.

    """

    goods: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    works: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    services: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    stated_total: Decimal | None = attrs.field(default=None, converter=optional_non_negative_amount)
    sme_contracts: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    small_micro_contracts: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    sme_reserved_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    small_micro_reserved_budget: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    sme_awards_reserved: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    small_micro_awards_reserved: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    sme_awards_other: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )

    @property
    def parts_total(self) -> Decimal:
        """货物 + 工程 + 服务: Σ of those published (a blank one adds nothing; 0 when none is)."""
        return sum_amounts(
            part for part in (self.goods, self.works, self.services) if part is not None
        )

    @property
    def total(self) -> Decimal:
        """政府采购支出总额: published, else 货物 + 工程 + 服务 (:attr:`parts_total`)."""
        return self.parts_total if self.stated_total is None else self.stated_total


class VehicleUse(enum.Enum):
    """Use category of a vehicle among state assets (车辆用途)."""

    MINISTERIAL = "副部（省）级及以上领导用车"
    PRINCIPAL = "主要负责人用车"
    CONFIDENTIAL = "机要通信用车"
    EMERGENCY = "应急保障用车"
    LAW_ENFORCEMENT = "执法执勤用车"
    SPECIAL_TECHNICAL = "特种专业技术用车"
    RETIREE_SERVICE = "离退休干部服务用车"
    OTHER = "其他用车"


@located
@attrs.frozen
class VehicleHolding:
    """Vehicles of one use category held at year end.

    Attributes:
        use: the use category.
        count: 车辆数, the number of vehicles (辆).
        note: what the vehicles are, as published (e.g. for 其他用车).

    """

    use: VehicleUse = attrs.field(validator=attrs.validators.instance_of(VehicleUse))
    count: int = attrs.field(converter=count)
    note: str | None = None


def _holdings(values: Iterable[VehicleHolding]) -> tuple[VehicleHolding, ...]:
    return tuple(values)


@located
@attrs.frozen
class Assets:
    """国有资产占用情况 at year end (截至 12 月 31 日).

    Attributes:
        fixed_assets_original_value: 固定资产原值.
        building_area: 房屋面积, in square metres (平方米).
        building_value: 房屋价值.
        vehicles: vehicles held, by use category (listed or not, a category
            missing here holds 0).
        stated_vehicle_count: 车辆总数 (车辆 N 辆) as published.
        vehicle_value: 车辆价值.
        large_equipment: 大型设备台（套）数: 单价 100 万元（含）以上的设备（不含车辆）.

    """

    fixed_assets_original_value: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    building_area: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    building_value: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    vehicles: tuple[VehicleHolding, ...] = attrs.field(
        default=(), converter=_holdings, validator=distinct("use")
    )
    stated_vehicle_count: int | None = attrs.field(default=None, converter=optional_count)
    vehicle_value: Decimal | None = attrs.field(
        default=None, converter=optional_non_negative_amount
    )
    large_equipment: int | None = attrs.field(default=None, converter=optional_count)

    def vehicles_of(self, use: VehicleUse) -> int:
        """Vehicles held in one use category (0 if none is listed)."""
        return sum(holding.count for holding in self.vehicles if holding.use is use)

    @property
    def parts_vehicle_count(self) -> int:
        """Σ of the vehicles by use."""
        return sum(holding.count for holding in self.vehicles)

    @property
    def vehicle_count(self) -> int:
        """车辆: the published number, else Σ by use."""
        if self.stated_vehicle_count is not None:
            return self.stated_vehicle_count
        return self.parts_vehicle_count
