"""收入: income by source (收入决算) and the income side of the 总表.

Invariants (checked by the checks, not enforced here):

* 本年收入合计 = Σ the eight sources (those published: a blank source is not a 0);
* 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal.model._fields import amount, located, optional_amount
from govfinal.money import ZERO, sum_amounts, sum_published

__all__ = ["Income", "IncomeRow", "IncomeSources"]


def _published_sum(values: Iterable[Decimal | None]) -> Decimal:
    """Σ of the published ``values``: a blank one adds nothing, and a sum of none is 0."""
    return sum_amounts(value for value in values if value is not None)


@located
@attrs.frozen
class IncomeSources:
    """本年收入 by source, as the 收入支出决算总表 lists it.

    ``None`` marks a source the table leaves blank; a printed 0.00 is 0.00. The
    sums (财政拨款收入, 本年收入合计) add the published sources: a blank one
    adds nothing, and a sum of none is 0.

    Attributes:
        general_budget: 一般公共预算财政拨款收入.
        government_fund: 政府性基金预算财政拨款收入.
        state_capital: 国有资本经营预算财政拨款收入.
        superior_subsidy: 上级补助收入.
        service: 事业收入.
        business: 经营收入.
        subordinate_remittance: 附属单位上缴收入.
        other: 其他收入.
        stated_total: 本年收入合计 as published.

    """

    general_budget: Decimal | None = attrs.field(default=None, converter=optional_amount)
    government_fund: Decimal | None = attrs.field(default=None, converter=optional_amount)
    state_capital: Decimal | None = attrs.field(default=None, converter=optional_amount)
    superior_subsidy: Decimal | None = attrs.field(default=None, converter=optional_amount)
    service: Decimal | None = attrs.field(default=None, converter=optional_amount)
    business: Decimal | None = attrs.field(default=None, converter=optional_amount)
    subordinate_remittance: Decimal | None = attrs.field(default=None, converter=optional_amount)
    other: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_total: Decimal | None = attrs.field(default=None, converter=optional_amount)

    @property
    def fiscal(self) -> Decimal:
        """财政拨款收入: the three fiscal allocations together (those published)."""
        return _published_sum((self.general_budget, self.government_fund, self.state_capital))

    def parts(self) -> dict[str, Decimal | None]:
        """The eight sources by field name, in the 总表's order (``None`` when blank)."""
        return {
            "general_budget": self.general_budget,
            "government_fund": self.government_fund,
            "state_capital": self.state_capital,
            "superior_subsidy": self.superior_subsidy,
            "service": self.service,
            "business": self.business,
            "subordinate_remittance": self.subordinate_remittance,
            "other": self.other,
        }

    @property
    def parts_total(self) -> Decimal:
        """Σ of the published sources."""
        return _published_sum(self.parts().values())

    @property
    def total(self) -> Decimal:
        """本年收入合计: the published total, else Σ of the sources."""
        return self.parts_total if self.stated_total is None else self.stated_total


@located
@attrs.frozen
class IncomeRow:
    """One row of the 收入决算表 (income by function line), as published.

    ``None`` marks a cell the report leaves blank.

    Attributes:
        total: 本年收入合计.
        fiscal: 财政拨款收入.
        superior_subsidy: 上级补助收入.
        service: 事业收入.
        business: 经营收入.
        subordinate_remittance: 附属单位上缴收入.
        other: 其他收入.

    """

    total: Decimal | None = attrs.field(default=None, converter=optional_amount)
    fiscal: Decimal | None = attrs.field(default=None, converter=optional_amount)
    superior_subsidy: Decimal | None = attrs.field(default=None, converter=optional_amount)
    service: Decimal | None = attrs.field(default=None, converter=optional_amount)
    business: Decimal | None = attrs.field(default=None, converter=optional_amount)
    subordinate_remittance: Decimal | None = attrs.field(default=None, converter=optional_amount)
    other: Decimal | None = attrs.field(default=None, converter=optional_amount)

    @property
    def parts_total(self) -> Decimal | None:
        """Σ of the published source cells."""
        return sum_published(
            (
                self.fiscal,
                self.superior_subsidy,
                self.service,
                self.business,
                self.subordinate_remittance,
                self.other,
            )
        )


@located
@attrs.frozen
class Income:
    """The income side of the 收入支出决算总表.

    Attributes:
        sources: 本年收入 by source, with 本年收入合计.
        non_fiscal_balance_used: 使用非财政拨款结余.
        opening_balance: 年初结转和结余 (all funds; the fiscal part is in the
            fiscal allocations).
        stated_grand_total: 收入总计 as published.

    """

    sources: IncomeSources = attrs.field(factory=IncomeSources)
    non_fiscal_balance_used: Decimal = attrs.field(default=ZERO, converter=amount)
    opening_balance: Decimal = attrs.field(default=ZERO, converter=amount)
    stated_grand_total: Decimal | None = attrs.field(default=None, converter=optional_amount)

    @property
    def parts_grand_total(self) -> Decimal:
        """本年收入合计 + 使用非财政拨款结余 + 年初结转和结余."""
        return sum_amounts((self.sources.total, self.non_fiscal_balance_used, self.opening_balance))

    @property
    def grand_total(self) -> Decimal:
        """收入总计: the published figure, else derived from its parts."""
        if self.stated_grand_total is not None:
            return self.stated_grand_total
        return self.parts_grand_total
