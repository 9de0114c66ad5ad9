"""支出: expenditure by nature (支出决算) and the expenditure side of the 总表.

Invariants (checked by the checks, not enforced here):

* 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出;
* 基本支出 = 人员经费 + 公用经费, when both are published;
* 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govfinal.model._fields import amount, located, optional_amount
from govfinal.money import ZERO, sum_amounts, sum_published

__all__ = ["Expenditure", "NatureAmounts"]


@located
@attrs.frozen
class NatureAmounts:
    """Expenditure by nature: one row of the 支出决算表, or its 合计 row.

    ``None`` marks a cell the report leaves blank; sums treat blanks among
    published cells as zero.

    Attributes:
        basic: 基本支出.
        project: 项目支出.
        remitted_to_superior: 上缴上级支出.
        business: 经营支出.
        subsidies_to_subordinates: 对附属单位补助支出.
        stated_total: 本年支出合计 as published.

    """

    basic: Decimal | None = attrs.field(default=None, converter=optional_amount)
    project: Decimal | None = attrs.field(default=None, converter=optional_amount)
    remitted_to_superior: Decimal | None = attrs.field(default=None, converter=optional_amount)
    business: Decimal | None = attrs.field(default=None, converter=optional_amount)
    subsidies_to_subordinates: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_total: Decimal | None = attrs.field(default=None, converter=optional_amount)

    def parts(self) -> dict[str, Decimal | None]:
        """The five natures by field name, in the 支出决算表's column order."""
        return {
            "basic": self.basic,
            "project": self.project,
            "remitted_to_superior": self.remitted_to_superior,
            "business": self.business,
            "subsidies_to_subordinates": self.subsidies_to_subordinates,
        }

    @property
    def parts_total(self) -> Decimal | None:
        """Σ of the published natures; ``None`` when none is published."""
        return sum_published(self.parts().values())

    @property
    def total(self) -> Decimal | None:
        """本年支出合计: the published total, else Σ of the natures."""
        return self.parts_total if self.stated_total is None else self.stated_total


@located
@attrs.frozen
class Expenditure:
    """The expenditure side of the 收入支出决算总表, with 本年支出 by nature.

    Attributes:
        nature: 本年支出 by nature, with 本年支出合计.
        personnel: 人员经费 within 基本支出 (all funds), if published.
        public: 公用经费 within 基本支出 (all funds), if published.
        surplus_distribution: 结余分配.
        closing_balance: 年末结转和结余 (all funds).
        stated_grand_total: 支出总计 as published.

    """

    nature: NatureAmounts = attrs.field(factory=NatureAmounts)
    personnel: Decimal | None = attrs.field(default=None, converter=optional_amount)
    public: Decimal | None = attrs.field(default=None, converter=optional_amount)
    surplus_distribution: Decimal = attrs.field(default=ZERO, converter=amount)
    closing_balance: Decimal = attrs.field(default=ZERO, converter=amount)
    stated_grand_total: Decimal | None = attrs.field(default=None, converter=optional_amount)

    @property
    def total(self) -> Decimal:
        """本年支出合计 (zero when nothing is published)."""
        total = self.nature.total
        return ZERO if total is None else total

    @property
    def parts_grand_total(self) -> Decimal:
        """本年支出合计 + 结余分配 + 年末结转和结余."""
        return sum_amounts((self.total, self.surplus_distribution, self.closing_balance))

    @property
    def grand_total(self) -> Decimal:
        """支出总计: the published figure, else derived from its parts."""
        if self.stated_grand_total is not None:
            return self.stated_grand_total
        return self.parts_grand_total
