"""The checker a rule uses: :class:`CheckOptions` and :class:`Checker`.

:class:`Checker` compares terms of published figures (made by
:class:`~govfinal.checks.figures.Figures`, with the half-width their rounding
allows, or none in exact mode) and builds findings whose messages show the
formula with its figures. Rules call it; they never compute tolerances
themselves. A checker knows only its rule's code and severity, the options and
the report's figures: it does not know the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Protocol

import attrs

from govfinal.checks.figures import Figures, Labels
from govfinal.checks.findings import Finding, Severity
from govfinal.checks.tolerance import (
    Term,
    meets,
    percent_half_width,
    quantize_like,
    ratio_range,
    rounds_to,
    shown,
)
from govfinal.money import CONTEXT, HUNDRED, ZERO, AmountLike, to_decimal
from govfinal.scoring import ScoringPolicy, StandardPolicy

__all__ = ["CheckOptions", "Checker"]


def _threshold(value: AmountLike) -> Decimal:
    return to_decimal(value, what="threshold")


def _codes(value: str | Iterable[str]) -> frozenset[str]:
    """Rule codes or names: one string, or any iterable of them."""
    return frozenset((value,) if isinstance(value, str) else value)


class _Selectable(Protocol):
    """What options select by: a rule's code and name."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...


@attrs.frozen
class CheckOptions:
    """How the checks judge a report.

    Attributes:
        exact: strict mode: identities must hold exactly (for unrounded data).
        change_threshold: a change over the prior year of at least this many
            percent needs a stated reason (主要原因), else a warning.
        variance_threshold: a budget variance of at least this many percent
            needs a stated reason, else a warning.
        about_level_threshold: 基本持平 (about level) holds for a difference of
            at most this many percent of the figure compared with.
        select: run only these rule codes (empty: all).
        ignore: skip these rule codes.

    """

    exact: bool = False
    change_threshold: Decimal = attrs.field(default=Decimal(10), converter=_threshold)
    variance_threshold: Decimal = attrs.field(default=Decimal(10), converter=_threshold)
    about_level_threshold: Decimal = attrs.field(default=Decimal(5), converter=_threshold)
    select: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    ignore: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)
    scoring: ScoringPolicy = attrs.field(factory=StandardPolicy)

    def runs(self, rule: _Selectable) -> bool:
        """Whether ``rule`` is selected and not ignored."""
        chosen = not self.select or rule.code in self.select or rule.name in self.select
        return chosen and rule.code not in self.ignore and rule.name not in self.ignore


class Checker:
    """What a rule uses to judge figures; one per rule run.

    Attributes:
        code: the rule's code, put on every finding.
        severity: the rule's severity, the findings' default.
        options: the check options.
        figures: the report's figures as terms, shared by every rule of a
            :func:`~govfinal.checks.check` run (derived figures are made once).
        statement: the position of the narrative statement being judged, which
            a rule of statements sets; its findings carry it.

    """

    def __init__(
        self, code: str, severity: Severity, options: CheckOptions, figures: Figures
    ) -> None:
        self.code = code
        self.severity = severity
        self.options = options
        self.figures = figures
        self.statement: int | None = None

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
            code=self.code,
            severity=self.severity if severity is None else severity,
            path=path,
            message_zh=message_zh,
            message_en=message_en,
            expected=expected,
            actual=actual,
            difference=difference,
            tolerance=tolerance,
            related=tuple(p for p in related if p != path),
            statement=self.statement,
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

    def at_most(self, part: Term, whole: Term, *, note: Labels = ("", "")) -> Finding | None:
        """A finding unless ``part`` can be no larger than ``whole``; ``note`` ends its messages."""
        excess = CONTEXT.subtract(part.value, whole.value)
        tolerance = CONTEXT.add(part.half_width, whole.half_width)
        if excess <= 0 or excess < tolerance:
            return None
        named = part.spelled()
        value, excess_, width = shown(part.value), shown(excess), shown(tolerance)
        return self.finding(
            part.path,
            f"{named.label_zh} {value} > {whole.formula_zh()}{_equals(whole)}"
            f"（超出 {excess_}，容差 {width}）{note[0]}",
            f"{named.label_en} {value} > {whole.formula_en()}{_equals(whole)}"
            f" (excess {excess_}, tolerance {width}){note[1]}",
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

    def rate(
        self,
        stated_path: str,
        labels: Labels,
        stated: Decimal,
        function: Callable[..., Decimal],
        operands: Sequence[Term],
        *,
        numerator: Term,
        base: Term,
    ) -> Finding | None:
        """:meth:`ratio` of a rate ``numerator ÷ |base| × 100``, rounding-exact at a zero base.

        ``labels`` name the rate; ``function`` recomputes it from ``operands``;
        ``numerator`` and ``base`` are its two sides, for :meth:`tiny_base_explains`.
        """
        if self.tiny_base_explains(stated, numerator, base):
            return None
        return self.ratio(
            stated_path, labels[0], labels[1], stated, function, operands, denominator=base
        )

    def tiny_base_explains(self, stated: Decimal, numerator: Term, base: Term) -> bool:
        """Whether a true base rounding to a published 0 can explain a stated rate.

        A rate is ``numerator ÷ |base| × 100``. :meth:`ratio` reads a base
        published as 0 with the zero-base convention (0 %, or ±100 %). Outside
        exact mode, 0.00 stands for any base in (−w, w): a tiny non-zero base
        gives a rate of ``|numerator| ÷ w × 100`` or more, in the numerator's
        direction, and any rate at all when the numerator's interval holds 0.
        Such a stated rate is a rounding artefact, not an error.
        """
        if self.options.exact or not base.value.is_zero() or base.half_width.is_zero():
            return False
        if numerator.low <= 0 <= numerator.high:
            return True
        nearest = min(abs(numerator.low), abs(numerator.high))
        bound = CONTEXT.divide(CONTEXT.multiply(nearest, HUNDRED), base.half_width)
        reach = CONTEXT.add(abs(stated), percent_half_width(stated))
        return (stated > 0) == (numerator.value > 0) and not stated.is_zero() and reach >= bound


def _related(stated: Term, other: Term) -> tuple[str, ...]:
    """The published figures of both sides except the stated one itself, in order, once each."""
    paths = (*(stated.paths() if stated.parts else ()), *other.paths())
    return tuple(dict.fromkeys(path for path in paths if path != stated.path))


def _equals(term: Term) -> str:
    """`` = total`` after a sum of two or more terms (a sum of one shows its one figure)."""
    return f" = {shown(term.value)}" if len(term.parts) > 1 else ""
