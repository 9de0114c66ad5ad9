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

A rule whose check another rule took over is *retired* (:data:`RETIRED`): its
code and name stay reserved, with a note of the rule that replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from govfinal.checks.checker import Checker
from govfinal.checks.findings import Finding, Severity
from govfinal.model.report import FinalAccount

__all__ = [
    "RETIRED",
    "RULES",
    "RetiredRule",
    "Rule",
    "RuleFunction",
    "RuleRegistry",
    "retired",
    "rule",
]

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


@attrs.frozen
class RetiredRule:
    """A rule no longer run, whose check another rule took over.

    Attributes:
        code: its code, never given to another rule.
        name: its name, likewise.
        replaced_by: the code of the rule that checks it now.
        note: why, in a sentence.

    """

    code: str
    name: str
    replaced_by: str
    note: str


RETIRED: Final[Mapping[str, RetiredRule]] = MappingProxyType(
    {
        retired.code: retired
        for retired in (
            RetiredRule(
                "R701",
                "stated-growth",
                "N906",
                "a stated 增长率 is a growth statement since data format 3",
            ),
            RetiredRule(
                "R703",
                "stated-variance",
                "N907",
                "a stated 预决算差异率 is a budget statement (差异率) since data format 3",
            ),
            RetiredRule(
                "R704",
                "stated-execution",
                "N907",
                "a stated 执行率 is a budget statement (执行率) since data format 3",
            ),
            RetiredRule(
                "O607",
                "procurement-stated-shares",
                "N904",
                "the stated shares of the 中小企业 and 小微企业 contracts are share statements"
                " since data format 3",
            ),
        )
    }
)
"""The retired rules by code: each code and name stays reserved (see :class:`RetiredRule`)."""

_RETIRED_NAMES: Final = frozenset(retired.name for retired in RETIRED.values())


def retired(key: str) -> RetiredRule | None:
    """The retired rule of a code (``"R701"``) or name (``"stated-growth"``), if it is one."""
    found = RETIRED.get(key)
    if found is not None:
        return found
    return next((rule for rule in RETIRED.values() if rule.name == key), None)


class RuleRegistry(Mapping[str, Rule]):
    """Rules by code, iterated in code order (which is the order findings come in)."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._names: dict[str, str] = {}

    def add(self, new: Rule) -> None:
        """Register ``new``; a code or name may be registered once only, and not if retired."""
        if new.code in RETIRED or new.name in _RETIRED_NAMES:
            raise ValueError(f"rule {new.code} ({new.name}) has a retired code or name")
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
