"""The rule registry: every check govfinal runs, with its code and documentation.

A rule is a function ``(report, checker) -> Iterable[Finding | None]`` registered
with :func:`rule`. The registry is the single list the checks run, the docs
catalogue and the CLI's ``rules`` command read. Codes are stable: a code is
never reused for another rule.

Code ranges: ``T1xx`` 收入支出决算总表; ``F2xx`` the function tree; ``B3xx``
basic expenditure by economic class; ``C4xx`` 财政拨款 by fund type; ``P5xx``
“三公”经费; ``O6xx`` 机关运行经费, 政府采购, 国有资产 and the profile;
``R7xx`` comparatives and stated ratios; ``S8xx`` performance self-evaluation;
``N9xx`` the narrative's statements against the facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from govfinal.checks.checker import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.model.report import FinalAccount

__all__ = ["RULES", "Rule", "RuleFunction", "RuleRegistry", "rule"]

RuleFunction = Callable[[FinalAccount, Checker], Iterable[Finding | None]]
"""A rule: yields findings, and ``None`` for each comparison that holds."""

_CODE = re.compile(r"[TFBCPORSN]\d{3}")


@attrs.frozen
class Rule:
    """One registered rule.

    Attributes:
        code: stable code, e.g. ``"T101"``.
        name: stable slug, e.g. ``"income-grand-total"``.
        title_zh: short title in Chinese.
        title_en: short title in English.
        severity: the severity of the findings it reports.
        formula: the identity it checks, in the report's own terms.
        tables: the standard tables (or narrative sections) it relates to.
        function: the function that checks a report.

    """

    code: str = attrs.field(validator=attrs.validators.matches_re(_CODE))
    name: str
    title_zh: str
    title_en: str
    severity: Severity
    formula: str
    tables: tuple[str, ...]
    function: RuleFunction = attrs.field(repr=False, eq=False)


class RuleRegistry(Mapping[str, Rule]):
    """Rules by code, iterated in code order (which is the order findings come in)."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._names: dict[str, str] = {}

    def add(self, new: Rule) -> None:
        """Register ``new``; a code or name may be registered once only."""
        if new.code in self._rules:
            raise ValueError(f"rule code {new.code} is registered twice")
        if new.name in self._names:
            raise ValueError(f"rule name {new.name} is registered twice")
        self._rules[new.code] = new
        self._names[new.name] = new.code
        self._rules = dict(sorted(self._rules.items()))

    def __getitem__(self, key: str) -> Rule:
        """A rule by code (``"T101"``) or by name (``"income-grand-total"``)."""
        return self._rules[self._names.get(key, key)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)


RULES = RuleRegistry()
"""Every rule govfinal runs, by code."""


def rule(
    code: str,
    name: str,
    *,
    title_zh: str,
    title_en: str,
    formula: str,
    tables: tuple[str, ...],
    severity: Severity = Severity.ERROR,
) -> Callable[[RuleFunction], RuleFunction]:
    """Register the decorated function as a rule in :data:`RULES`."""

    def register(function: RuleFunction) -> RuleFunction:
        RULES.add(
            Rule(
                code=code,
                name=name,
                title_zh=title_zh,
                title_en=title_en,
                severity=severity,
                formula=formula,
                tables=tables,
                function=function,
            )
        )
        return function

    return register
