"""Checks: every identity of a final account, rounding-exact, reported as findings.

>>> import govfinal
>>> report = govfinal.FinalAccount(
...     unit=govfinal.BudgetUnit(name="示例单位", fiscal_year=2024),
...     income=govfinal.Income(
...         sources=govfinal.IncomeSources(general_budget="10.00", stated_total="10.10")
...     ),
... )
>>> findings = govfinal.check(report)
>>> findings.ok
False
>>> findings.errors[0].code, findings.errors[0].path
('T104', 'income.sources.stated_total')
"""

from govfinal.checks import rules as _rules  # noqa: F401  (registers the rules)
from govfinal.checks.checker import Checker, CheckOptions
from govfinal.checks.engine import check
from govfinal.checks.findings import Finding, FindingError, Findings, FindingsError, Severity
from govfinal.checks.registry import RETIRED, RULES, RetiredRule, Rule, rule
from govfinal.checks.tolerance import Term

__all__ = [
    "RETIRED",
    "RULES",
    "CheckOptions",
    "Checker",
    "Finding",
    "FindingError",
    "Findings",
    "FindingsError",
    "RetiredRule",
    "Rule",
    "Severity",
    "Term",
    "check",
    "rule",
]
