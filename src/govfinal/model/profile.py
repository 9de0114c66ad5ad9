"""第一部分 单位概况: the unit's functions, staff and structure."""

from __future__ import annotations

import attrs

from govfinal.model._fields import located, optional_count, texts

__all__ = ["Profile", "Staff"]


@located
@attrs.frozen
class Staff:
    """机构设置及人员情况: staff counts at year end.

    Each count is blank (``None``) when the report does not publish it; a
    published 0 is 0.

    Invariant (checked, not enforced): ``stated_total`` (实有人数), when
    published, equals 在职 + 离休 + 退休.

    Attributes:
        in_service: 在职人员, if published.
        retired_cadres: 离休人员, if published.
        retirees: 退休人员, if published.
        stated_total: 实有人数 as published, if published.

    """

    in_service: int | None = attrs.field(default=None, converter=optional_count)
    retired_cadres: int | None = attrs.field(default=None, converter=optional_count)
    retirees: int | None = attrs.field(default=None, converter=optional_count)
    stated_total: int | None = attrs.field(default=None, converter=optional_count)

    @property
    def total(self) -> int | None:
        """实有人数: the published figure, else 在职 + 离休 + 退休 (blank if none is)."""
        if self.stated_total is not None:
            return self.stated_total
        return self.parts_total

    @property
    def parts_total(self) -> int | None:
        """在职 + 离休 + 退休, of those published; blank when none is."""
        parts = [
            part
            for part in (self.in_service, self.retired_cadres, self.retirees)
            if part is not None
        ]
        return sum(parts) if parts else None


@located
@attrs.frozen
class Profile:
    """单位概况 (part one of the report).

    Attributes:
        mandate: the opening paragraph of 主要职能, before the list of functions.
        functions: the numbered main functions (主要职能), one text each.
        staff: 人员情况.
        subordinate_units: names of subordinate budget units (下属预算单位).
        divisions: names of internal divisions (内设科室), if listed.
        stated_division_count: 内设科室数 (下设 N 个科室) as published, when the names
            are not listed.

    """

    mandate: str = ""
    functions: tuple[str, ...] = attrs.field(default=(), converter=texts)
    staff: Staff = attrs.field(factory=Staff)
    subordinate_units: tuple[str, ...] = attrs.field(default=(), converter=texts)
    divisions: tuple[str, ...] = attrs.field(default=(), converter=texts)
    stated_division_count: int | None = attrs.field(default=None, converter=optional_count)

    @property
    def subordinate_count(self) -> int:
        """下属预算单位数: the subordinate budget units listed."""
        return len(self.subordinate_units)

    @property
    def division_count(self) -> int:
        """Number of internal divisions: the published count, else the names listed."""
        if self.stated_division_count is not None:
            return self.stated_division_count
        return len(self.divisions)
