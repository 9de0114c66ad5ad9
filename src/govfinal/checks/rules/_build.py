"""Small builders the rule modules share: terms from labelled model fields."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from govfinal.checks.engine import Checker
from govfinal.checks.tolerance import Term
from govfinal.model.function import FunctionLine, ValueOf
from govfinal.money import ZERO
from govfinal.terms import label


def cell(table: str, field: str) -> ValueOf:
    """A :data:`ValueOf` reading ``line.<table>.<field>``, e.g. ``cell("general_budget", "basic")``.

    ``table`` is a function line's attribute (``expenditure``, ``income``,
    ``general_budget``, ``government_fund``, ``state_capital``).
    """

    def pick(line: FunctionLine) -> Decimal | None:
        row = getattr(line, table)
        if row is None:
            return None
        value: Decimal | None = getattr(row, field)
        return value

    return pick


def term(checker: Checker, path: str, key: str, value: Decimal) -> Term:
    """A published amount at ``path``, named by the term ``key``."""
    zh, en = label(key)
    return checker.amount(path, zh, en, value)


def named(checker: Checker, path: str, zh: str, en: str, value: Decimal) -> Term:
    """A published amount at ``path`` with explicit names (e.g. a function line)."""
    return checker.amount(path, zh, en, value)


def parts_sum(checker: Checker, parts: Sequence[Term], path: str, key: str) -> Term:
    """The derived sum of ``parts``, named by the term ``key``."""
    zh, en = label(key)
    return checker.total(parts, path, zh, en)


def published_terms(
    checker: Checker, prefix: str, values: Iterable[tuple[str, str, Decimal | None]]
) -> list[Term]:
    """Terms for the published values among ``(field, key, value)``; blanks are skipped."""
    return [
        term(checker, f"{prefix}.{field}", key, value)
        for field, key, value in values
        if value is not None
    ]


def stated_or_sum(
    checker: Checker,
    stated: Decimal | None,
    stated_path: str,
    parts: Sequence[Term],
    sum_path: str,
    key: str,
) -> Term:
    """The stated total as a term if published, else the derived sum of ``parts``."""
    if stated is not None:
        return term(checker, stated_path, key, stated)
    return parts_sum(checker, parts, sum_path, key)


def blank(path: str, zh: str, en: str) -> Term:
    """A blank cell among published ones: exactly zero, with no rounding."""
    return Term(path, f"{zh}（空）", f"{en} (blank)", ZERO, ZERO)


def sum_of(checker: Checker, parts: Sequence[Term], path: str, zh: str, en: str) -> Term:
    """The derived sum of ``parts``; a single part stands for itself."""
    return parts[0] if len(parts) == 1 else checker.total(parts, path, zh, en)
