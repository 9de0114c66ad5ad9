"""Running the rules: :func:`check` runs every selected rule of the registry on a report."""

from __future__ import annotations

import attrs

from govfinal.checks.checker import Checker, CheckOptions
from govfinal.checks.figures import Figures
from govfinal.checks.findings import Finding, Findings
from govfinal.checks.registry import RULES
from govfinal.model.report import FinalAccount

__all__ = ["check"]


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
    figures = Figures(report, exact=chosen.exact)  # for this report and these options only
    for registered in RULES.values():
        if chosen.runs(registered):
            checker = Checker(registered.code, registered.severity, chosen, figures)
            results = registered.function(report, checker)
            found.extend(result for result in results if result is not None)
    return Findings(tuple(found))
