"""Reading data files of formats 1 and 2: their stated rates become statements.

Up to format 2 a data file wrote some of the narrative's claims as keys of the
facts: the 增长率 of a figure over the prior year, its 预决算差异率 and
执行率 against its budget, and the shares of the 政府采购 contracts awarded to
中小企业 and 小微企业. Since format 3 these are statements
(:mod:`govfinal.model.statements`), checked by N904, N906 and N907 like every
other claim of the text. :func:`migrate` moves each such key of a format 1 or
2 document into the statement it is; :func:`refusals` refuses them in a
document of format 3.

What moves where. Each key becomes one statement (its ``value`` the key's),
in the narrative section of the figure it is about:

=========================================  ==============================================
key of format 1–2                          statement of format 3
=========================================  ==============================================
``….prior.growth``                         ``growth``; ``prior`` = ``….prior.amount``
                                           when that is written
``….budget.variance``                      ``budget``, ``measure`` 差异率, ``budget`` =
                                           ``….budget.budget``, ``basis`` its basis
``….budget.execution``                     ``budget``, ``measure`` 执行率, likewise
``procurement.stated_sme_share``           ``share``, about ``procurement.sme_contracts``,
                                           of ``procurement.total``; section 十一
``procurement.stated_small_micro_share``   ``share``, about
                                           ``procurement.small_micro_contracts``, of
                                           ``procurement.total``; section 十一
=========================================  ==============================================

The figure a prior-year or budget table (``….prior``, ``….budget``) is about
(``F`` is ``general_budget``, ``government_fund`` or ``state_capital``; ``L``
a line of the 三公 table), and its section:

==================================  ===================================  ==============
comparative table                   ``about``                            section
==================================  ===================================  ==============
``grand_total_prior``               ``income.grand_total``               一
``fiscal.prior``                    ``fiscal.income_grand_total``        四
``fiscal.budget``                   ``fiscal.expenditure``               四
``fiscal.F.…``                      ``fiscal.F.expenditure``             五（一）, 八, 九
``functions.lines[i].F.…``          ``functions[CODE].F.expenditure``    五（三）, 八, 九
``three_public.L.…``                ``three_public.L.amount``            七
``operating_costs.…``               ``operating_costs.amount``           十一
==================================  ===================================  ==============

Invariants:

* The value moves as written, digit for digit; a ``growth`` statement names
  the prior year's figure (``prior``, ``….prior.amount``) when the document
  writes it, and a ``budget`` statement the basis of its budget
  (``basis``, 年初预算 when not written). The place is the standard
  narrative's section, without a sentence.
* A claim the document already states (a statement of the same kind, about
  the same figures, with the same value as written) is not stated twice.
* A 三公 小计 or 合计 that the document does not write is the Σ of its
  parts: its statement is about ``three_public.vehicles_final`` or
  ``three_public.total_final``, as the checks derive it.
* Nothing else of the document changes, and the document given is not
  changed. A key whose figure cannot be named (a function line without a
  valid code, which the model refuses in any case) is dropped with no
  statement.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from govfinal.classification import is_function_code
from govfinal.io.converter import Problem
from govfinal.model.comparatives import BudgetBasis
from govfinal.model.statements import Measure

__all__ = ["STATEMENTS_SINCE", "Moved", "migrate", "moved", "refusals"]

STATEMENTS_SINCE: Final = 3
"""The first format in which the stated rates are statements only."""

_FUNDS: Final = ("general_budget", "government_fund", "state_capital")
_FUND_SECTIONS: Final = {"general_budget": None, "government_fund": "八", "state_capital": "九"}
"""A fund's section of the standard narrative (一般公共预算: its own, by table)."""
_THREE_PUBLIC: Final = (
    "total",
    "overseas",
    "vehicles",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)
_DERIVED_THREE_PUBLIC: Final = {
    "vehicles": "three_public.vehicles_final",
    "total": "three_public.total_final",
}
_MEASURES: Final = {"variance": Measure.VARIANCE, "execution": Measure.EXECUTION}
_SHARES: Final = {
    "stated_sme_share": "procurement.sme_contracts",
    "stated_small_micro_share": "procurement.small_micro_contracts",
}
_WHAT: Final = {
    "growth": "增长率",
    "variance": "预决算差异率",
    "execution": "执行率",
    "stated_sme_share": "中小企业合同金额占比",
    "stated_small_micro_share": "小微企业合同金额占比",
}


@attrs.frozen
class Moved:
    """One key of format 1 or 2 and the statement it is since format 3.

    Attributes:
        origin: the key's path in the document
            (``functions.lines[2].general_budget.prior.growth``).
        statement: the statement as a document table (``kind`` first), or
            ``None`` when its figure cannot be named.

    """

    origin: str
    statement: dict[str, object] | None
    steps: tuple[str | int, ...] = attrs.field(repr=False, eq=False)
    """The steps from the document's root to the table that holds the key."""

    @property
    def key(self) -> str:
        """The key itself (``growth``)."""
        return self.origin.rsplit(".", 1)[1]


@attrs.frozen
class _Comparative:
    """A table of the document that may hold stated rates: a prior year or a budget.

    Attributes:
        path: the steps to the table from the document's root (keys, list indexes).
        address: the model's address of the table (``functions[2060101].general_budget.prior``);
            ``None`` when its figure cannot be named.
        about: the address of the figure compared, likewise.
        section: its section of the standard narrative.

    """

    path: tuple[str | int, ...]
    address: str | None
    about: str | None
    section: str


def moved(document: Mapping[str, object]) -> list[Moved]:
    """Every key of ``document`` that is a statement since format 3, in the model's order.

    The order is that of the comparatives (:meth:`Figures.sites
    <govfinal.checks.figures.Figures.sites>`): 收入支出总计, 财政拨款, each
    fund, each function line, the 三公 lines, 机关运行经费; then the
    政府采购 shares. Within a figure: 增长率, 差异率, 执行率.
    """
    found: list[Moved] = []
    for site in _comparatives(document):
        table = _at(document, site.path)
        if not isinstance(table, Mapping):
            continue
        origin = _dotted(site.path)
        if site.path[-1] in ("prior", "grand_total_prior"):
            if "growth" in table:
                found.append(Moved(f"{origin}.growth", _growth(site, table), site.path))
            continue
        for key, measure in _MEASURES.items():
            if key in table:
                statement = _budget(site, table, key, measure)
                found.append(Moved(f"{origin}.{key}", statement, site.path))
    procurement = document.get("procurement")
    if isinstance(procurement, Mapping):
        for key, part in _SHARES.items():
            if key in procurement:
                share: dict[str, object] = {
                    "kind": "share",
                    "about": part,
                    "of": "procurement.total",
                    "value": procurement[key],
                    "place": {"section": "十一"},
                }
                found.append(Moved(f"procurement.{key}", share, ("procurement",)))
    return found


def migrate(document: Mapping[str, object]) -> tuple[dict[str, object], dict[int, str]]:
    """``document`` (format 1 or 2) as format 3: each stated rate moved into ``statements``.

    Returns the new document and, for each statement appended, its index in
    ``statements`` and the key it was (to tell a problem of that statement
    where the document wrote it). A claim already stated is not appended
    again; ``statements`` that is not a list is left for the loader to refuse.
    """
    keys = moved(document)
    result = _without(document, keys)
    if not keys:
        return result, {}
    written = result.get("statements", [])
    if not isinstance(written, list):
        return result, {}
    statements = list(written)
    stated = {_claim(item) for item in statements if isinstance(item, Mapping)}
    origins: dict[int, str] = {}
    for key in keys:
        if key.statement is None or _claim(key.statement) in stated:
            continue
        stated.add(_claim(key.statement))
        origins[len(statements)] = key.origin
        statements.append(key.statement)
    if origins:
        result["statements"] = statements
    return result, origins


def refusals(document: Mapping[str, object]) -> tuple[dict[str, object], list[Problem]]:
    """``document`` (format 3) without the keys of format 1 and 2, and a problem for each.

    Each problem names the key's place and the statement it is since format 3.
    """
    keys = moved(document)
    return _without(document, keys), [Problem(key.origin, _refusal(key)) for key in keys]


# -- the comparatives of a document -------------------------------------------------------


def _comparatives(document: Mapping[str, object]) -> Iterator[_Comparative]:
    """Each prior-year and budget table a document may write, in the model's order."""
    sides = ("prior", "budget")
    yield _Comparative(("grand_total_prior",), "grand_total_prior", "income.grand_total", "一")
    yield _Comparative(("fiscal", "prior"), "fiscal.prior", "fiscal.income_grand_total", "四")
    yield _Comparative(("fiscal", "budget"), "fiscal.budget", "fiscal.expenditure", "四")
    for fund in _FUNDS:
        section = _FUND_SECTIONS[fund] or "五（一）"
        for side in sides:
            address = f"fiscal.{fund}.{side}"
            about = f"fiscal.{fund}.expenditure"
            yield _Comparative(("fiscal", fund, side), address, about, section)
    for index, line in _function_lines(document):
        code = line.get("code")
        named = isinstance(code, str) and is_function_code(code)
        for fund in _FUNDS:
            section = _FUND_SECTIONS[fund] or "五（三）"
            for side in sides:
                path: tuple[str | int, ...] = ("functions", "lines", index, fund, side)
                if not named:
                    yield _Comparative(path, None, None, section)
                    continue
                owner = f"functions[{code}].{fund}"
                yield _Comparative(path, f"{owner}.{side}", f"{owner}.expenditure", section)
    three_public = document.get("three_public")
    for name in _THREE_PUBLIC:
        figure = three_public.get(name) if isinstance(three_public, Mapping) else None
        about = f"three_public.{name}.amount"
        if isinstance(figure, Mapping) and "amount" not in figure and name in _DERIVED_THREE_PUBLIC:
            about = _DERIVED_THREE_PUBLIC[name]
        for side in sides:
            path = ("three_public", name, side)
            yield _Comparative(path, f"three_public.{name}.{side}", about, "七")
    for side in sides:
        path = ("operating_costs", side)
        yield _Comparative(path, f"operating_costs.{side}", "operating_costs.amount", "十一")


def _function_lines(document: Mapping[str, object]) -> Iterator[tuple[int, Mapping[str, object]]]:
    functions = document.get("functions")
    lines = functions.get("lines") if isinstance(functions, Mapping) else None
    if isinstance(lines, list):
        for index, line in enumerate(lines):
            if isinstance(line, Mapping):
                yield index, line


def _growth(site: _Comparative, table: Mapping[str, object]) -> dict[str, object] | None:
    if site.about is None:
        return None
    statement: dict[str, object] = {"kind": "growth", "about": site.about, "value": table["growth"]}
    if "amount" in table:
        statement["prior"] = f"{site.address}.amount"
    statement["place"] = {"section": site.section}
    return statement


def _budget(
    site: _Comparative, table: Mapping[str, object], key: str, measure: Measure
) -> dict[str, object] | None:
    if site.about is None:
        return None
    return {
        "kind": "budget",
        "about": site.about,
        "budget": f"{site.address}.budget",
        "basis": _basis(table.get("basis")).value,
        "measure": measure.value,
        "value": table[key],
        "place": {"section": site.section},
    }


def _basis(written: object) -> BudgetBasis:
    """The basis a budget table writes (by value or name); 年初预算 when not written.

    A basis that is neither is refused at the budget's own ``basis`` key, so the
    statement's is not reported a second time.
    """
    for basis in BudgetBasis:
        if written in (basis.value, basis.name):
            return basis
    return BudgetBasis.INITIAL


# -- paths and claims ----------------------------------------------------------------------


def _at(document: Mapping[str, object], path: tuple[str | int, ...]) -> object:
    node: object = document
    for step in path:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
        else:
            node = node.get(step) if isinstance(node, Mapping) else None
    return node


def _dotted(path: tuple[str | int, ...]) -> str:
    """A document path as problems write it: ``functions.lines[2].general_budget.prior``."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def _without(document: Mapping[str, object], keys: list[Moved]) -> dict[str, object]:
    """A copy of ``document`` without ``keys``; only the tables on their way are copied."""
    root = dict(document)
    fresh = {id(root)}  # the containers copied, which may be changed
    for key in keys:
        node: Any = root
        for step in key.steps:
            child = node[step]
            if id(child) not in fresh:
                child = copy.copy(child)
                node[step] = child
                fresh.add(id(child))
            node = child
        node.pop(key.key, None)
    return root


def _claim(statement: Mapping[str, object]) -> tuple[object, ...]:
    """What a statement claims, whatever its place, text and ``prior``: for finding a repeat."""

    def text(key: str) -> str | None:
        value = statement.get(key)
        return str(value) if isinstance(value, (str, int, Decimal)) else None

    basis, measure = statement.get("basis"), statement.get("measure")
    return (
        text("kind"),
        text("about"),
        text("of"),
        text("budget"),
        None if basis is None else _basis(basis),
        next((m for m in Measure if measure in (m.value, m.name)), None),
        text("value"),
    )


def _refusal(key: Moved) -> str:
    name = key.key
    what = _WHAT[name]
    message = (
        f"unknown key {name!r}: since format {STATEMENTS_SINCE} a stated {what} is a statement"
    )
    if key.statement is not None:
        shown = ", ".join(
            f"{field} = {_shown(value)}"
            for field, value in key.statement.items()
            if field not in ("place", "prior")
        )
        message += f"; did you mean the statement {shown}?"
    return f"{message} ('govfinal migrate' rewrites a file of format 1 or 2)"


def _shown(value: object) -> str:
    text = f'"{value}"' if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"
