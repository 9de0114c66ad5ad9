"""支出功能分类: expenditure by function, a tree of 类, 款 and 项.

Each :class:`FunctionLine` carries the cells its tables publish for one code:
the 支出决算表 (by nature), the 收入决算表 (by source), and one
:class:`~govfinal.model.funds.FundAmounts` per fund type (the
一般公共预算财政拨款支出决算表 and the two fund tables).

Invariants:

* Every code is well formed (3, 5 or 7 digits); this is enforced.
* No code is listed on two lines, and ``narrative_order`` lists 项 lines of
  the tree, each once; this is enforced, so that a tree built in Python is one
  that a data file can hold (``loads(dumps(report)) == report``).
* A line's parent is the line whose code is its code less two digits; roll-ups
  (类 = Σ 款 = Σ 项) and orphans are checked by the checks, not enforced, so
  that a report with an orphan line can still be loaded and reported on.
* A line may publish a total without its breakdown; :meth:`FunctionTree.rollup`
  then uses the published total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

import attrs

from govfinal.classification import FunctionLevel, function_level, is_function_code, parent_code
from govfinal.errors import ClassificationError
from govfinal.model._fields import distinct_codes, located
from govfinal.model.expenditure import NatureAmounts
from govfinal.model.funds import FundAmounts, FundType
from govfinal.model.income import IncomeRow
from govfinal.money import sum_published

__all__ = ["FunctionLine", "FunctionTree", "ValueOf", "fund_expenditure"]


def _function_code(code: str) -> str:
    if not is_function_code(code):
        raise ClassificationError(f"{code!r} is not a 支出功能分类 code (3, 5 or 7 digits)")
    return code


@located
@attrs.frozen
class FunctionLine:
    """One 支出功能分类 line (类, 款 or 项) and the cells its tables publish.

    Attributes:
        code: 科目编码, e.g. ``"2060101"``.
        name: 科目名称 as the report prints it.
        expenditure: 本年支出 (all funds, by nature): its row of the 支出决算表.
        income: 本年收入: its row of the 收入决算表.
        general_budget: 一般公共预算财政拨款: its row of the
            一般公共预算财政拨款支出决算表, with the narrative's comparatives for this line.
        government_fund: 政府性基金预算财政拨款: its row of the
            政府性基金预算财政拨款收入支出决算表.
        state_capital: 国有资本经营预算财政拨款: its row of the
            国有资本经营预算财政拨款收入支出决算表.

    """

    code: str = attrs.field(converter=_function_code)
    name: str
    expenditure: NatureAmounts | None = None
    income: IncomeRow | None = None
    general_budget: FundAmounts | None = None
    government_fund: FundAmounts | None = None
    state_capital: FundAmounts | None = None

    @property
    def level(self) -> FunctionLevel:
        """类, 款 or 项, from the length of the code."""
        return function_level(self.code)

    @property
    def parent_code(self) -> str | None:
        """The code of the enclosing line (``None`` for a 类)."""
        return parent_code(self.code)

    def fund(self, fund_type: FundType) -> FundAmounts | None:
        """The line's amounts for ``fund_type``."""
        value: FundAmounts | None = getattr(self, fund_type.field)
        return value


ValueOf = Callable[[FunctionLine], Decimal | None]
"""Picks one published cell of a line, e.g. ``lambda line: line.expenditure.total``."""


def fund_expenditure(fund_type: FundType) -> ValueOf:
    """A :data:`ValueOf` that picks a line's 本年支出 of ``fund_type``."""

    def pick(line: FunctionLine) -> Decimal | None:
        amounts = line.fund(fund_type)
        return None if amounts is None else amounts.expenditure

    return pick


def _lines(values: Iterable[FunctionLine]) -> tuple[FunctionLine, ...]:
    return tuple(values)


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(_function_code(code) for code in values)


def _narrative_codes(
    tree: FunctionTree, _attribute: attrs.Attribute[tuple[str, ...]], codes: tuple[str, ...]
) -> None:
    """Validator of ``narrative_order``: each code a 项 line of the tree, none twice."""
    levels = {line.code: line.level for line in tree.lines}
    first: dict[str, int] = {}
    for index, code in enumerate(codes):
        where = f"narrative_order[{index}]"
        problem = None
        if code not in levels:
            problem = f"code {code!r} ({where}) is not a line of the tree"
        elif levels[code] is not FunctionLevel.SUBITEM:
            problem = f"code {code!r} ({where}) is a {levels[code].value}, not a 项"
        elif first.setdefault(code, index) != index:
            problem = f"code {code!r} is listed twice (narrative_order[{first[code]}] and {where})"
        if problem is not None:
            raise ClassificationError(f"FunctionTree.narrative_order: {problem}")


@located
@attrs.frozen
class FunctionTree:
    """All 支出功能分类 lines of a report, as a tree keyed by code.

    Attributes:
        lines: the lines in the order the tables print them, each code once.
        narrative_order: codes in the order the narrative discusses its 项
            (一般公共预算财政拨款支出决算具体情况), each a 项 line of the tree,
            listed once; the 项 it leaves out follow in code order (empty:
            code order).

    """

    lines: tuple[FunctionLine, ...] = attrs.field(
        default=(), converter=_lines, validator=distinct_codes
    )
    narrative_order: tuple[str, ...] = attrs.field(
        default=(), converter=_codes, validator=_narrative_codes
    )
    _index: dict[str, FunctionLine] = attrs.field(init=False, repr=False, eq=False)
    _children: dict[str | None, tuple[FunctionLine, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, FunctionLine] = {}
        children: dict[str | None, list[FunctionLine]] = {}
        for line in self.lines:
            if line.code in index:
                continue  # refused by the validator; the first line stands if it is disabled
            index[line.code] = line
            children.setdefault(line.parent_code, []).append(line)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_children", {k: tuple(v) for k, v in children.items()})

    def __iter__(self) -> Iterator[FunctionLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def __getitem__(self, code: str) -> FunctionLine:
        """The first line with ``code``; ``KeyError`` if there is none."""
        return self._index[code]

    def get(self, code: str) -> FunctionLine | None:
        """The first line with ``code``, or ``None``."""
        return self._index.get(code)

    def classes(self) -> tuple[FunctionLine, ...]:
        """The 类 lines, in table order."""
        return tuple(line for line in self.lines if line.level is FunctionLevel.CLASS)

    def subitems(self) -> tuple[FunctionLine, ...]:
        """The 项 lines, in table order."""
        return tuple(line for line in self.lines if line.level is FunctionLevel.SUBITEM)

    def children(self, code: str) -> tuple[FunctionLine, ...]:
        """The lines directly under ``code`` (款 of a 类, 项 of a 款)."""
        return self._children.get(code, ())

    def rollup(self, code: str, value: ValueOf) -> Decimal | None:
        """A cell of ``code``: published on the line, else Σ of its children's roll-ups.

        ``None`` when neither the line nor anything below it publishes the cell.
        """
        line = self._index.get(code)
        if line is not None:
            own = value(line)
            if own is not None:
                return own
        return self.children_sum(code, value)

    def rollups(self, value: ValueOf) -> dict[str, Decimal | None]:
        """:meth:`rollup` of every code of the tree at once: ``{code: rollup(code, value)}``.

        One pass from the 项 up to the 类, each line's children summed once,
        instead of a descent from every line (the same figures, summed in the
        same order).
        """
        found: dict[str, Decimal | None] = {}
        for code in sorted(self._index, key=len, reverse=True):  # children before parents
            own = value(self._index[code])
            if own is None:
                children = self._children.get(code, ())
                own = sum_published(found[child.code] for child in children)
            found[code] = own
        return found

    def children_sum(self, code: str, value: ValueOf) -> Decimal | None:
        """Σ of the roll-ups of the lines directly under ``code``."""
        return sum_published(self.rollup(child.code, value) for child in self.children(code))

    def classes_sum(self, value: ValueOf) -> Decimal | None:
        """Σ over the 类 of their roll-ups: the 合计 row of a function table."""
        return sum_published(self.rollup(line.code, value) for line in self.classes())

    def in_narrative_order(self) -> tuple[FunctionLine, ...]:
        """Every 项 line, once: those ``narrative_order`` lists first, in its order, then the rest.

        A 项 the order leaves out is not dropped (the narrative discusses every
        项): it follows the listed ones, in code order. ``narrative_order`` is
        validated against the tree, and the walk still skips a repeated or
        unknown code should validation have been turned off
        (``attrs.validators.disabled()``).
        """
        by_code = sorted(self.subitems(), key=lambda line: line.code)
        listed = [
            self._index[code] for code in dict.fromkeys(self.narrative_order) if code in self._index
        ]
        chosen = {line.code for line in listed}
        return (*listed, *(line for line in by_code if line.code not in chosen))
