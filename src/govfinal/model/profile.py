"""第一部分 单位概况: the unit's functions, staff and structure."""

from __future__ import annotations

import attrs

from govfinal.model._fields import count, located, optional_count, texts

__all__ = ["Profile", "Staff"]


@located
@attrs.frozen
class Staff:
    """机构设置及人员情况: staff counts at year end.

    Invariant (checked, not enforced): ``stated_total`` (实有人数), when
    published, equals 在职 + 离休 + 退休.

    Attributes:
        in_service: 在职人员.
        retired_cadres: 离休人员.
        retirees: 退休人员.
        stated_total: 实有人数 as published, if published.

    """

    in_service: int = attrs.field(default=0, converter=count)
    retired_cadres: int = attrs.field(default=0, converter=count)
    retirees: int = attrs.field(default=0, converter=count)
    stated_total: int | None = attrs.field(default=None, converter=optional_count)

    @property
    def total(self) -> int:
        """实有人数: the published figure, else 在职 + 离休 + 退休."""
        if self.stated_total is not None:
            return self.stated_total
        return self.parts_total

    @property
    def parts_total(self) -> int:
        """在职 + 离休 + 退休."""
        return self.in_service + self.retired_cadres + self.retirees


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
    def division_count(self) -> int:
        """Number of internal divisions: the published count, else the names listed."""
        if self.stated_division_count is not None:
            return self.stated_division_count
        return len(self.divisions)
