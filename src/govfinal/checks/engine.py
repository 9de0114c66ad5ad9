"""Running the rules: :func:`check` and the :class:`Checker` the rules use.

:class:`Checker` turns published figures into :class:`~govfinal.checks.tolerance.Term`
objects (with the half-width their rounding allows, or none in exact mode) and
compares them, building findings whose messages show the formula with its
figures. Rules call it; they never compute tolerances themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

import attrs

from govfinal.checks.findings import Finding, Findings, Severity
from govfinal.checks.registry import RULES, Rule
from govfinal.checks.tolerance import (
    Term,
    amount_half_width,
    meets,
    percent_half_width,
    quantize_like,
    ratio_range,
    rounds_to,
    shown,
)
from govfinal.model.report import FinalAccount
from govfinal.money import CONTEXT, ZERO, AmountLike, to_decimal
from govfinal.scoring import ScoringPolicy, StandardPolicy

__all__ = ["CheckOptions", "Checker", "check"]


def _threshold(value: AmountLike) -> Decimal:
    return to_decimal(value, what="threshold")


def _codes(value: str | Iterable[str]) -> frozenset[str]:
    """Rule codes or names: one string, or any iterable of them."""
    return frozenset((value,) if isinstance(value, str) else value)


@attrs.frozen
class CheckOptions:
    """How the checks judge a report.

    Attributes:
        exact: strict mode: identities must hold exactly (for unrounded data).
        change_threshold: a change over the prior year of at least this many
            percent needs a stated reason (主要原因), else a warning.
        variance_threshold: a budget variance of at least this many percent
            needs a stated reason, else a warning.
        select: run only these rule codes (empty: all).
        ignore: skip these rule codes.

    """

    exact: bool = False
    change_threshold: Decimal = attrs.field(default=Decimal(10), converter=_threshold)
    variance_threshold: Decimal = attrs.field(default=Decimal(10), converter=_threshold)
    select: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    scoring: ScoringPolicy = attrs.field(factory=StandardPolicy)

    def runs(self, rule: Rule) -> bool:
        """Whether ``rule`` is selected and not ignored."""
        chosen = not self.select or rule.code in self.select or rule.name in self.select
        return chosen and rule.code not in self.ignore and rule.name not in self.ignore


class Checker:
    """What a rule uses to judge figures; one per rule run.

    Attributes:
        rule: the rule being run (its code and severity go into findings).
        options: the check options.
        shared: what the rules of one :func:`check` run compute once and share
            (e.g. the comparative sites of the report, read by R701–R707), keyed
            by name; a new, empty dict for a checker made on its own.

    """

    def __init__(
        self, rule: Rule, options: CheckOptions, shared: dict[str, object] | None = None
    ) -> None:
        self.rule = rule
        self.options = options
        self.shared: dict[str, object] = {} if shared is None else shared

    # -- terms -------------------------------------------------------------

    def amount(self, path: str, label_zh: str, label_en: str, value: Decimal) -> Term:
        """A published amount, with the half-width its rounding allows."""
        width = ZERO if self.options.exact else amount_half_width(value)
        return Term(path, label_zh, label_en, value, width)

    def total(self, parts: Sequence[Term], path: str, label_zh: str, label_en: str) -> Term:
        """The derived sum of ``parts``."""
        return Term.total(parts, path, label_zh, label_en)

    # -- findings ----------------------------------------------------------

    def finding(
        self,
        path: str,
        message_zh: str,
        message_en: str,
        *,
        expected: Decimal | None = None,
        actual: Decimal | None = None,
        tolerance: Decimal | None = None,
        related: Iterable[str] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule about ``path``."""
        difference = (
            None if expected is None or actual is None else CONTEXT.subtract(actual, expected)
        )
        return Finding(
            code=self.rule.code,
            severity=self.rule.severity if severity is None else severity,
            path=path,
            message_zh=message_zh,
            message_en=message_en,
            expected=expected,
            actual=actual,
            difference=difference,
            tolerance=tolerance,
            related=tuple(p for p in related if p != path),
        )

    def equal(self, stated: Term, derived: Term) -> Finding | None:
        """A finding unless ``stated`` and ``derived`` can stand for the same value.

        ``stated`` is the published figure the finding is about; ``derived``
        is what it should equal (often a sum of terms).
        """
        if meets(stated, derived):
            return None
        tolerance = CONTEXT.add(stated.half_width, derived.half_width)
        diff = CONTEXT.subtract(stated.value, derived.value)
        named = stated.spelled()
        value, diff_, width = shown(stated.value), shown(diff), shown(tolerance)
        return self.finding(
            stated.path,
            f"{named.label_zh} {value} ≠ {derived.formula_zh()}"
            f"{_equals(derived)}（差 {diff_}，容差 {width}）",
            f"{named.label_en} {value} ≠ {derived.formula_en()}"
            f"{_equals(derived)} (difference {diff_}, tolerance {width})",
            expected=derived.value,
            actual=stated.value,
            tolerance=tolerance,
            related=_related(stated, derived),
        )

    def at_most(self, part: Term, whole: Term) -> Finding | None:
        """A finding unless ``part`` can be no larger than ``whole``."""
        excess = CONTEXT.subtract(part.value, whole.value)
        tolerance = CONTEXT.add(part.half_width, whole.half_width)
        if excess <= 0 or excess < tolerance:
            return None
        named = part.spelled()
        value, excess_, width = shown(part.value), shown(excess), shown(tolerance)
        return self.finding(
            part.path,
            f"{named.label_zh} {value} > {whole.formula_zh()}{_equals(whole)}"
            f"（超出 {excess_}，容差 {width}）",
            f"{named.label_en} {value} > {whole.formula_en()}{_equals(whole)}"
            f" (excess {excess_}, tolerance {width})",
            expected=whole.value,
            actual=part.value,
            tolerance=tolerance,
            related=_related(part, whole),
        )

    def ratio(
        self,
        stated_path: str,
        label_zh: str,
        label_en: str,
        stated: Decimal,
        function: Callable[..., Decimal],
        operands: Sequence[Term],
        denominator: Term | None = None,
    ) -> Finding | None:
        """A finding unless some operand values inside their intervals give ``stated``.

        ``stated`` is a published percentage; ``function`` recomputes it from
        the operands' values (a core of :mod:`govfinal.ratios`, e.g.
        :func:`~govfinal.ratios.growth_of`, which takes interval end points
        beyond the entrance bounds). Percentages in the message are in plain
        notation, at the stated precision.
        """
        if self.options.exact:
            operands = [attrs.evolve(term, half_width=ZERO) for term in operands]
            if denominator is not None:
                denominator = attrs.evolve(denominator, half_width=ZERO)
        span = ratio_range(function, operands, denominator)
        if not span.bounded or rounds_to(stated, span.low, span.high):
            return None
        recomputed = quantize_like(span.center, stated)
        figures_zh = "，".join(f"{t.label_zh} {shown(t.value)}" for t in operands)
        figures_en = ", ".join(f"{t.label_en} {shown(t.value)}" for t in operands)
        tolerance = percent_half_width(stated)
        said, got = shown(stated), shown(recomputed)
        low, high = shown(quantize_like(span.low, stated)), shown(quantize_like(span.high, stated))
        return self.finding(
            stated_path,
            f"{label_zh} 列示 {said}%，按 {figures_zh} 计算为 {got}%（区间 {low}% 至 {high}%）",
            f"{label_en} stated {said}%, but {figures_en} give {got}% (range {low}% to {high}%)",
            expected=recomputed,
            actual=stated,
            tolerance=tolerance,
            related=tuple(p for t in operands for p in t.paths()),
        )


def _related(stated: Term, other: Term) -> tuple[str, ...]:
    """The published figures of both sides except the stated one itself, in order, once each."""
    paths = (*(stated.paths() if stated.parts else ()), *other.paths())
    return tuple(dict.fromkeys(path for path in paths if path != stated.path))


def _equals(term: Term) -> str:
    return f" = {shown(term.value)}" if term.parts else ""


def check(
    report: FinalAccount,
    *,
    exact: bool = False,
    options: CheckOptions | None = None,
) -> Findings:
    """Run every registered rule on ``report`` and return all findings.

    No rule stops the others. Findings come in rule-code order and, within a
    rule, in the order of the report's figures, so two runs give the same list.

    Args:
        report: the final account to check.
        exact: strict mode; identities must hold exactly (shorthand for
            ``options=CheckOptions(exact=True)``).
        options: thresholds, rule selection, and exactness.

    Returns:
        The findings; ``findings.ok`` is true when there is no error.

    """
    chosen = options if options is not None else CheckOptions(exact=exact)
    if exact and not chosen.exact:
        chosen = attrs.evolve(chosen, exact=True)
    found: list[Finding] = []
    shared: dict[str, object] = {}  # for this report and these options only
    for registered in RULES.values():
        if chosen.runs(registered):
            results = registered.function(report, Checker(registered, chosen, shared))
            found.extend(result for result in results if result is not None)
    return Findings(tuple(found))
