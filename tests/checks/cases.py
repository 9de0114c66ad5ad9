"""The shape of a rule test case: a mutation of the base report that must fire a rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import attrs

from govfinal import FinalAccount
from govfinal.checks import Findings, check
from tests.checks.base import base_report


@dataclass(frozen=True)
class Case:
    """Breaking the base report with ``mutate`` must make rule ``code`` report ``path``."""

    code: str
    label: str
    mutate: Callable[[FinalAccount], FinalAccount]
    path: str

    @property
    def id(self) -> str:
        return f"{self.code}-{self.label}"


def evolve_path(report: FinalAccount, dotted: str, value: object) -> FinalAccount:
    """``report`` with the attribute at ``dotted`` (e.g. ``income.opening_balance``) replaced."""
    head, _, rest = dotted.partition(".")
    if not rest:
        return attrs.evolve(report, **{head: value})
    inner = getattr(report, head)
    return attrs.evolve(report, **{head: evolve_path(inner, rest, value)})


def setting(dotted: str, value: object) -> Callable[[FinalAccount], FinalAccount]:
    """A mutation that sets one attribute path."""
    return lambda report: evolve_path(report, dotted, value)


def findings_of(code: str, findings: Findings) -> list[str]:
    """The paths of the findings of rule ``code``."""
    return [f.path for f in findings if f.code == code]


def assert_fires(case: Case) -> None:
    findings = check(case.mutate(base_report()))
    paths = findings_of(case.code, findings)
    assert case.path in paths, f"{case.code} did not report {case.path}; it reported {paths}"
    finding = next(f for f in findings if f.code == case.code and f.path == case.path)
    assert finding.message_zh and finding.message_en


def assert_holds(code: str, report: FinalAccount | None = None) -> None:
    findings = check(base_report() if report is None else report)
    assert findings_of(code, findings) == []
