"""支出经济分类 of basic expenditure: the 一般公共预算财政拨款基本支出决算表.

Invariant (enforced): no code is listed on two lines.

Invariants (checked, not enforced):

* 人员经费 + 公用经费 = 基本支出;
* 人员经费 = Σ of the 301 and 303 lines, 公用经费 = Σ of the 302 and 310
  lines, when the lines publish amounts;
* a 类 (3-digit) line = Σ of its 款 (5-digit) lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from govfinal.classification import EconomicGroup, economic_group, is_economic_code
from govfinal.errors import ClassificationError
from govfinal.model._fields import distinct_codes, located, optional_amount
from govfinal.money import sum_amounts, sum_published

__all__ = ["BasicExpenditureDetail", "EconomicLine"]


def _economic_code(code: str) -> str:
    if not is_economic_code(code):
        raise ClassificationError(f"{code!r} is not a 支出经济分类 code (3 or 5 digits)")
    return code


@located
@attrs.frozen
class EconomicLine:
    """One 支出经济分类 line of basic expenditure.

    ``amount`` is ``None`` when the report names the item (e.g. in the list
    "包括：基本工资、津贴补贴…") without publishing its amount.

    Attributes:
        code: 科目编码, 3 digits (类) or 5 (款), e.g. ``"30101"``.
        name: 科目名称 as printed.
        amount: 决算数, if published.

    """

    code: str = attrs.field(converter=_economic_code)
    name: str
    amount: Decimal | None = attrs.field(default=None, converter=optional_amount)

    @property
    def group(self) -> EconomicGroup | None:
        """人员经费 (301, 303) or 公用经费 (302, 310)."""
        return economic_group(self.code)

    @property
    def is_class(self) -> bool:
        """Whether this is a 类 line (3 digits)."""
        return len(self.code) == 3


def _economic_lines(values: Iterable[EconomicLine]) -> tuple[EconomicLine, ...]:
    return tuple(values)


@located
@attrs.frozen
class BasicExpenditureDetail:
    """一般公共预算财政拨款基本支出, by 人员经费/公用经费 and by economic class.

    Attributes:
        stated_total: 合计 (一般公共预算财政拨款基本支出) as the narrative states it.
        stated_personnel: 人员经费合计 as published.
        stated_public: 公用经费合计 as published.
        lines: the 支出经济分类 lines, 类 and 款, in table order, each code once.

    """

    stated_total: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_personnel: Decimal | None = attrs.field(default=None, converter=optional_amount)
    stated_public: Decimal | None = attrs.field(default=None, converter=optional_amount)
    lines: tuple[EconomicLine, ...] = attrs.field(
        default=(), converter=_economic_lines, validator=distinct_codes
    )

    def items(self, group: EconomicGroup) -> tuple[EconomicLine, ...]:
        """The 款 lines of ``group`` (人员经费 or 公用经费), in table order."""
        return tuple(line for line in self.lines if not line.is_class and line.group is group)

    def group_sum(self, group: EconomicGroup) -> Decimal | None:
        """Σ of the published 款 of ``group``; where a 类 has no 款, its own amount."""
        values: list[Decimal | None] = []
        for line in self.lines:
            if line.group is not group:
                continue
            if not line.is_class or not self._has_items(line.code):
                values.append(line.amount)
        return sum_published(values)

    def _has_items(self, class_code: str) -> bool:
        return any(not item.is_class and item.code.startswith(class_code) for item in self.lines)

    @property
    def parts_personnel(self) -> Decimal | None:
        """Σ of the published 301 and 303 items (:meth:`group_sum` of 人员经费)."""
        return self.group_sum(EconomicGroup.PERSONNEL)

    @property
    def parts_public(self) -> Decimal | None:
        """Σ of the published 302 and 310 items (:meth:`group_sum` of 公用经费)."""
        return self.group_sum(EconomicGroup.PUBLIC)

    @property
    def parts_total(self) -> Decimal | None:
        """人员经费 + 公用经费, each published or else the Σ of its items."""
        parts = (self.personnel, self.public)
        if all(part is None for part in parts):
            return None
        return sum_amounts(part for part in parts if part is not None)

    @property
    def personnel(self) -> Decimal | None:
        """人员经费: published, else Σ of the 301 and 303 items."""
        if self.stated_personnel is not None:
            return self.stated_personnel
        return self.parts_personnel

    @property
    def public(self) -> Decimal | None:
        """公用经费: published, else Σ of the 302 and 310 items."""
        if self.stated_public is not None:
            return self.stated_public
        return self.parts_public

    @property
    def total(self) -> Decimal | None:
        """基本支出: published, else 人员经费 + 公用经费."""
        if self.stated_total is not None:
            return self.stated_total
        return self.parts_total
