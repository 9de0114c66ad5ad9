"""支出: expenditure by nature (支出决算) and the expenditure side of the 总表.

Invariants (checked by the checks, not enforced here):

* 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出;
* 基本支出 = 人员经费 + 公用经费, when both are published;
* 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal.errors import ClassificationError
from govfinal.model._fields import amount, distinct, located, optional_amount
from govfinal.money import ZERO, sum_amounts, sum_published

__all__ = ["ClassTotal", "Expenditure", "NatureAmounts"]


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


def _class_code(code: str) -> str:
    if not (isinstance(code, str) and len(code) == 3 and code.isascii() and code.isdigit()):
        raise ClassificationError(f"{code!r} is not a 支出功能分类 类 code (3 digits)")
    return code


@located
@attrs.frozen
class ClassTotal:
    """One 类 on the expenditure side of the 收入支出决算总表, as the 总表 prints it.

    The 总表 prints the 类 amounts a second time, apart from the 支出决算表;
    the checks compare the two.

    Attributes:
        code: the 类 code, e.g. ``"212"``.
        amount: 决算数 as the 总表 prints it.

    """

    code: str = attrs.field(converter=_class_code)
    amount: Decimal = attrs.field(converter=amount)


def _class_totals(values: Iterable[ClassTotal]) -> tuple[ClassTotal, ...]:
    return tuple(values)


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
        classes: the 类 amounts the 总表 prints on its expenditure side, when
            transcribed (empty: the 总表 is taken to agree with the 支出决算表).

    """

    nature: NatureAmounts = attrs.field(factory=NatureAmounts)
    personnel: Decimal | None = attrs.field(default=None, converter=optional_amount)
    public: Decimal | None = attrs.field(default=None, converter=optional_amount)
    surplus_distribution: Decimal = attrs.field(default=ZERO, converter=amount)
    closing_balance: Decimal = attrs.field(default=ZERO, converter=amount)
    stated_grand_total: Decimal | None = attrs.field(default=None, converter=optional_amount)
    classes: tuple[ClassTotal, ...] = attrs.field(
        default=(), converter=_class_totals, validator=distinct("code")
    )

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
