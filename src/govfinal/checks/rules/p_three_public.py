"""Rules of the 财政拨款“三公”经费支出决算表 (P5xx).

Each line is a :class:`~govfinal.model.comparatives.Figure`: ``amount`` is the
决算数 (path ``three_public.<line>.amount``), ``budget.budget`` the 预算数
(path ``three_public.<line>.budget.budget``). The rules check the table's
subtotal and total for both, the activity counts against the amounts, the
vehicles held against the state assets, and the lines against their budgets.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from govfinal.checks.checker import Checker
from govfinal.checks.figures import THREE_PUBLIC_LINES, three_public_labels
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.registry import rule
from govfinal.checks.tolerance import shown
from govfinal.model.comparatives import Figure
from govfinal.model.report import FinalAccount

__all__ = ["LINES"]

TABLE = "财政拨款“三公”经费支出决算表"

LINES: Final = THREE_PUBLIC_LINES
"""The table's lines, in its order: 合计, 出国, 公务用车 (小计, 购置, 运行), 接待."""

FINAL = "final"
BUDGET = "budget"
SIDES: Final = (FINAL, BUDGET)
"""决算数 and 预算数, the two amounts of every line."""

_COUNTS: Final[dict[str, tuple[str, str]]] = {
    "overseas_groups": ("因公出国（境）团组数", "the number of overseas delegations"),
    "overseas_persons": ("因公出国（境）人次", "the number of overseas trips (person-times)"),
    "vehicles_purchased": ("公务用车购置数", "the number of official vehicles purchased"),
    "vehicles_held": ("公务用车保有量", "the number of official vehicles held"),
    "reception_batches": ("国内公务接待批次", "the number of official receptions"),
    "reception_persons": ("国内公务接待人次", "the number of reception guests (person-times)"),
}


def _final(checker: Checker, line: str) -> Decimal | None:
    """A line's published 决算数, or ``None``."""
    term = checker.figures.three_public_line(line, FINAL)
    return None if term is None else term.value


@rule(
    "P501",
    "three-public-vehicles-subtotal",
    title_zh="公务用车购置及运行维护费小计",
    title_en="Official vehicles subtotal",
    formula="公务用车购置及运行维护费 = 公务用车购置费 + 公务用车运行维护费（决算数、预算数）",
    tables=(TABLE,),
)
def vehicles_subtotal(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Published 小计 = 购置费 + 运行维护费, for 决算数 and for 预算数."""
    for side in SIDES:
        stated = checker.figures.three_public_line("vehicles", side)
        parts = checker.figures.vehicle_parts(side)
        if stated is None or not parts:
            continue
        derived = checker.figures.sum(
            parts, f"three_public.vehicles_{side}", three_public_labels("vehicles", side)
        )
        yield checker.equal(stated, derived)


@rule(
    "P502",
    "three-public-total",
    title_zh="“三公”经费合计",
    title_en="Three public expenses total",
    formula="“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费"
    "（决算数、预算数）",
    tables=(TABLE,),
)
def three_public_total(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Published 合计 = 出国 + 公务用车 (published 小计, else 购置 + 运行) + 接待."""
    for side in SIDES:
        stated = checker.figures.three_public_line("total", side)
        parts = checker.figures.three_public_parts(side)
        if stated is None or not parts:
            continue
        yield checker.equal(
            stated, checker.figures.sum(parts, "three_public", three_public_labels("total", side))
        )


def _count_text(field: str, value: int) -> tuple[str, str]:
    """A count with its value, e.g. ``国内公务接待批次 5``."""
    zh, en = _COUNTS[field]
    return f"{zh} {value}", f"{en} is {value}"


def _unspent(
    report: FinalAccount, checker: Checker, line: str, counts: Sequence[str]
) -> Finding | None:
    """A finding when a line's 决算数 is zero while one of ``counts`` is positive.

    The finding is about the zero amount; the positive counts are related.
    """
    expenses = report.three_public
    amount = _final(checker, line)
    positive = [field for field in counts if (getattr(expenses, field) or 0) > 0]
    if amount is None or not amount.is_zero() or not positive:
        return None
    texts = [_count_text(field, getattr(expenses, field)) for field in positive]
    zh, en = three_public_labels(line, FINAL)
    return checker.finding(
        f"three_public.{line}.amount",
        f"{zh}为 {shown(amount)}，但{'、'.join(t[0] for t in texts)}",
        f"{en} is {shown(amount)}, but {', '.join(t[1] for t in texts)}",
        actual=amount,
        related=[f"three_public.{field}" for field in positive],
    )


def _uncounted(
    report: FinalAccount, checker: Checker, line: str, counts: Sequence[str]
) -> Finding | None:
    """A finding when a line's 决算数 is positive while one of ``counts`` is published as 0.

    The finding is about the first zero count; the amount is related.
    """
    expenses = report.three_public
    amount = _final(checker, line)
    zeros = [field for field in counts if getattr(expenses, field) == 0]
    if amount is None or amount <= 0 or not zeros:
        return None
    count_zh, count_en = _COUNTS[zeros[0]]
    zh, en = three_public_labels(line, FINAL)
    return checker.finding(
        f"three_public.{zeros[0]}",
        f"{count_zh}为 0，但{zh}为 {shown(amount)}",
        f"{count_en[0].upper()}{count_en[1:]} is 0, but {en} is {shown(amount)}",
        related=[f"three_public.{line}.amount", *(f"three_public.{f}" for f in zeros[1:])],
    )


@rule(
    "P503",
    "three-public-overseas-counts",
    title_zh="因公出国（境）费与团组、人次",
    title_en="Overseas travel against delegations and trips",
    formula="因公出国（境）费 = 0 ⇔ 团组数、人次 = 0",
    tables=(TABLE,),
    severity=Severity.WARNING,
)
def overseas_counts(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """因公出国（境）费 zero while 团组/人次 > 0, or positive while 团组 (or 人次) is 0."""
    yield _unspent(report, checker, "overseas", ("overseas_groups", "overseas_persons"))
    yield _uncounted(report, checker, "overseas", ("overseas_groups", "overseas_persons"))


@rule(
    "P504",
    "three-public-vehicle-counts",
    title_zh="公务用车购置费、运行维护费与车辆数",
    title_en="Official vehicle costs against vehicle numbers",
    formula="公务用车购置费 = 0 ⇔ 购置数 = 0；保有量 = 0 ⇒ 运行维护费 = 0",
    tables=(TABLE,),
    severity=Severity.WARNING,
)
def vehicle_counts(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """购置费 zero while 购置数 > 0, or positive while 购置数 is 0; 运行维护费 > 0 with 保有量 0.

    运行维护费 zero with vehicles held is not suspicious (an idle vehicle costs nothing
    that year) and is not reported.
    """
    yield _unspent(report, checker, "vehicle_purchase", ("vehicles_purchased",))
    yield _uncounted(report, checker, "vehicle_purchase", ("vehicles_purchased",))
    yield _uncounted(report, checker, "vehicle_operation", ("vehicles_held",))


@rule(
    "P505",
    "three-public-reception-counts",
    title_zh="公务接待费与批次、人次",
    title_en="Official reception against batches and guests",
    formula="公务接待费 = 0 ⇔ 接待批次、人次 = 0",
    tables=(TABLE,),
    severity=Severity.WARNING,
)
def reception_counts(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """公务接待费 zero while 批次/人次 > 0, or positive while 批次 (or 人次) is 0."""
    yield _unspent(report, checker, "reception", ("reception_batches", "reception_persons"))
    yield _uncounted(report, checker, "reception", ("reception_batches", "reception_persons"))


@rule(
    "P506",
    "three-public-vehicles-vs-assets",
    title_zh="公务用车保有量与国有资产车辆",
    title_en="Official vehicles held against the vehicles among state assets",
    formula="公务用车保有量 = 国有资产车辆数，或说明差异原因",
    tables=(TABLE, "国有资产占用情况"),
    severity=Severity.WARNING,
)
def vehicles_vs_assets(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """公务用车保有量 = 车辆 among state assets, when both are published.

    A difference is a warning, or an info quoting the reason when one is given.
    """
    expenses, assets = report.three_public, report.assets
    held = expenses.vehicles_held
    if assets.stated_vehicle_count is not None:
        assets_path = "assets.stated_vehicle_count"
    elif assets.vehicles:
        assets_path = "assets.vehicles"
    else:
        return
    owned = assets.vehicle_count
    if held is None or held == owned:
        return
    reason = (expenses.vehicle_difference_reason or "").strip()
    zh = f"公务用车保有量 {held} 辆，国有资产中车辆 {owned} 辆"
    en = f"official vehicles held {held}, vehicles among state assets {owned}"
    if reason:
        zh, en = f"{zh}，差异原因：{reason}", f"{en}; reason given: {reason}"
    else:
        zh, en = f"{zh}，二者不一致且未说明原因", f"{en}; they differ and no reason is given"
    yield checker.finding(
        "three_public.vehicles_held",
        zh,
        en,
        expected=Decimal(owned),
        actual=Decimal(held),
        related=[assets_path, *(["three_public.vehicle_difference_reason"] if reason else [])],
        severity=Severity.INFO if reason else None,
    )


@rule(
    "P507",
    "three-public-within-fiscal",
    title_zh="“三公”经费不超过财政拨款支出",
    title_en="Three public expenses within fiscal expenditure",
    formula="“三公”经费合计决算数 ≤ 本年财政拨款支出",
    tables=(TABLE, "财政拨款收入支出决算总表"),
)
def within_fiscal(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """“三公”经费 决算数 (published 合计, else Σ its lines) ≤ 本年财政拨款支出."""
    total = checker.figures.three_public_total(FINAL)
    if total is None:
        return
    fiscal = checker.figures.fiscal_total("expenditure")
    if fiscal is None:
        return
    yield checker.at_most(total, fiscal)


@rule(
    "P508",
    "three-public-over-budget",
    title_zh="“三公”经费超预算",
    title_en="Three public expenses over budget",
    formula="决算数 ≤ 预算数，或说明原因（各行）",
    tables=(TABLE,),
    severity=Severity.WARNING,
)
def over_budget(report: FinalAccount, checker: Checker) -> Iterator[Finding | None]:
    """Per line: 决算数 ≤ 预算数 beyond rounding, unless a budget reason is given."""
    for line in LINES:
        figure: Figure | None = getattr(report.three_public, line)
        final = checker.figures.three_public_line(line, FINAL)
        budget = checker.figures.three_public_line(line, BUDGET)
        if figure is None or figure.budget is None or final is None or budget is None:
            continue
        if (figure.budget.reason or "").strip():
            continue
        yield checker.at_most(final, budget, note=("，未说明超预算原因", "; no reason is given"))
