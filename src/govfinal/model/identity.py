"""Who reports: the budget unit, its kind, the fiscal year and the amount unit."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from govfinal.model._fields import located

__all__ = ["AmountUnit", "BudgetUnit", "UnitKind"]


class AmountUnit(enum.Enum):
    """Unit of the published amounts (金额单位). Reports use 万元 unless they say otherwise."""

    WAN_YUAN = "万元"
    YUAN = "元"

    @property
    def yuan(self) -> Decimal:
        """How many yuan one unit is: 10 000 for 万元, 1 for 元."""
        return Decimal(10_000) if self is AmountUnit.WAN_YUAN else Decimal(1)

    @property
    def english(self) -> str:
        """The unit in English: "10,000 yuan" or "yuan"."""
        return "10,000 yuan" if self is AmountUnit.WAN_YUAN else "yuan"


class UnitKind(enum.Enum):
    """Kind of budget unit (单位性质). It decides which rules apply."""

    ADMINISTRATIVE = "行政单位"
    CIVIL_SERVICE_MANAGED = "参照公务员法管理事业单位"
    PUBLIC_INSTITUTION = "事业单位"

    @property
    def reports_operating_costs(self) -> bool:
        """Whether the unit reports 机关运行经费.

        Only 行政单位 and 参照公务员法管理的事业单位 do; for them 机关运行经费
        equals the 公用经费 of 一般公共预算财政拨款基本支出.
        """
        return self is not UnitKind.PUBLIC_INSTITUTION


@located
@attrs.frozen
class BudgetUnit:
    """The reporting budget unit (预算单位) and its report's frame.

    Attributes:
        name: full official name (单位名称).
        fiscal_year: the year the final account covers (决算年度).
        kind: 单位性质; decides e.g. whether 机关运行经费 applies.
        amount_unit: unit of every amount in the report (万元 by default).
        short_name: the name the report uses after "以下简称", if any.
        department: the supervising department (主管部门) as the tables name it.

    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    fiscal_year: int = attrs.field(
        validator=[attrs.validators.instance_of(int), attrs.validators.ge(1949)]
    )
    kind: UnitKind = attrs.field(
        default=UnitKind.ADMINISTRATIVE, validator=attrs.validators.instance_of(UnitKind)
    )
    amount_unit: AmountUnit = attrs.field(
        default=AmountUnit.WAN_YUAN, validator=attrs.validators.instance_of(AmountUnit)
    )
    short_name: str | None = None
    department: str | None = None
