"""govfinal: Chinese departmental final accounts (部门决算) as typed, checked data.

The package is layered, each layer using only those before it:

* :mod:`govfinal.money` and :mod:`govfinal.ratios`: Decimal amounts, the one
  rounding policy (half-up) and the derived ratios;
* :mod:`govfinal.classification`: 支出功能分类 and 支出经济分类 code tables;
* :mod:`govfinal.model`: the frozen domain classes, gathered in
  :class:`~govfinal.model.FinalAccount`;
* :mod:`govfinal.address`: one name for every figure (:func:`resolve`,
  :func:`addresses`), e.g. ``functions[2060101].general_budget.basic``;
* :mod:`govfinal.checks`: the rules every final account must obey, run by
  :func:`~govfinal.checks.check`, which returns findings;
* :mod:`govfinal.scoring`: performance self-evaluation scoring policies;
* the report rendered from the data (:func:`render`: narrative, glossary and
  the nine tables);
* :mod:`govfinal.io`: TOML and JSON data files (:func:`load`, :func:`dump`);
* :mod:`govfinal.cli`: the ``govfinal`` command.

The names below are imported when first used (PEP 562), so that importing
``govfinal`` itself is quick, and the command can answer Ctrl-C from its first
moment; only :func:`render` is bound at once (see the note at its import).

>>> import govfinal
>>> unit = govfinal.BudgetUnit(name="示例单位", fiscal_year=2023)
>>> report = govfinal.FinalAccount(unit=unit)
>>> report.income.grand_total
Decimal('0')
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from govfinal.address import FigureAt, addresses, resolve
    from govfinal.checks import (
        RULES,
        CheckOptions,
        Finding,
        Findings,
        FindingsError,
        Severity,
        check,
    )
    from govfinal.classification import ECONOMIC_CODES, FUNCTION_CODES, CodeEntry, CodeTable
    from govfinal.derive import derive_statements
    from govfinal.errors import (
        AddressError,
        AmountError,
        ClassificationError,
        FloatRefusedError,
        GovFinalError,
        WriteError,
    )
    from govfinal.io import LoadError, dump, dumps, load, loads
    from govfinal.model import (
        Achievement,
        Against,
        AmountStatement,
        AmountUnit,
        Assets,
        BasicExpenditureDetail,
        BudgetBasis,
        BudgetStatement,
        BudgetUnit,
        BudgetVariance,
        ChangeStatement,
        ClassTotal,
        Comparator,
        CompletionSpending,
        CountStatement,
        DateStatement,
        DirectionStatement,
        EconomicLine,
        EvaluationKind,
        Expenditure,
        Figure,
        FinalAccount,
        FiscalAllocations,
        FunctionLine,
        FunctionTree,
        FundAmounts,
        Funding,
        FundingRow,
        FundType,
        GradeCount,
        GrowthStatement,
        Income,
        IncomeRow,
        IncomeSources,
        Indicator,
        Measure,
        NatureAmounts,
        NoneStatement,
        PerformanceSummary,
        Place,
        Presence,
        PriorYear,
        Procurement,
        Profile,
        ReasonStatement,
        Relation,
        SelfEvaluation,
        ShareStatement,
        Staff,
        StandardTable,
        Statement,
        TableStatement,
        ThreePublicExpenses,
        Trend,
        UnitKind,
        VehicleHolding,
        VehicleUse,
        YearStatement,
    )
    from govfinal.money import round_amount, round_percent, to_decimal
    from govfinal.ratios import budget_variance, change, execution_rate, growth, share
    from govfinal.scoring import Grade, GradeBands, ScoringPolicy, StandardPolicy

# ``render`` is both a function and a subpackage: importing the subpackage later
# would rebind the name to it, so the function is bound now, once the subpackage
# is loaded (its own imports are only govfinal.errors: the rest is loaded on
# first render).
from govfinal.render import render

__version__ = "0.1.0.dev0"

_EXPORTS: Final[dict[str, str]] = {
    "FigureAt": "govfinal.address",
    "addresses": "govfinal.address",
    "resolve": "govfinal.address",
    "RULES": "govfinal.checks",
    "CheckOptions": "govfinal.checks",
    "Finding": "govfinal.checks",
    "Findings": "govfinal.checks",
    "FindingsError": "govfinal.checks",
    "Severity": "govfinal.checks",
    "check": "govfinal.checks",
    "ECONOMIC_CODES": "govfinal.classification",
    "FUNCTION_CODES": "govfinal.classification",
    "CodeEntry": "govfinal.classification",
    "CodeTable": "govfinal.classification",
    "AddressError": "govfinal.errors",
    "AmountError": "govfinal.errors",
    "ClassificationError": "govfinal.errors",
    "FloatRefusedError": "govfinal.errors",
    "GovFinalError": "govfinal.errors",
    "WriteError": "govfinal.errors",
    "derive_statements": "govfinal.derive",
    "LoadError": "govfinal.io",
    "dump": "govfinal.io",
    "dumps": "govfinal.io",
    "load": "govfinal.io",
    "loads": "govfinal.io",
    "Against": "govfinal.model",
    "AmountStatement": "govfinal.model",
    "BudgetStatement": "govfinal.model",
    "ChangeStatement": "govfinal.model",
    "CountStatement": "govfinal.model",
    "DateStatement": "govfinal.model",
    "DirectionStatement": "govfinal.model",
    "GrowthStatement": "govfinal.model",
    "Measure": "govfinal.model",
    "NoneStatement": "govfinal.model",
    "Place": "govfinal.model",
    "Presence": "govfinal.model",
    "TableStatement": "govfinal.model",
    "StandardTable": "govfinal.model",
    "ReasonStatement": "govfinal.model",
    "Relation": "govfinal.model",
    "ShareStatement": "govfinal.model",
    "Statement": "govfinal.model",
    "Trend": "govfinal.model",
    "YearStatement": "govfinal.model",
    "GradeCount": "govfinal.model",
    "Achievement": "govfinal.model",
    "AmountUnit": "govfinal.model",
    "Assets": "govfinal.model",
    "BasicExpenditureDetail": "govfinal.model",
    "BudgetBasis": "govfinal.model",
    "BudgetUnit": "govfinal.model",
    "BudgetVariance": "govfinal.model",
    "ClassTotal": "govfinal.model",
    "Comparator": "govfinal.model",
    "CompletionSpending": "govfinal.model",
    "EconomicLine": "govfinal.model",
    "EvaluationKind": "govfinal.model",
    "Expenditure": "govfinal.model",
    "Figure": "govfinal.model",
    "FinalAccount": "govfinal.model",
    "FiscalAllocations": "govfinal.model",
    "FunctionLine": "govfinal.model",
    "FunctionTree": "govfinal.model",
    "FundAmounts": "govfinal.model",
    "Funding": "govfinal.model",
    "FundingRow": "govfinal.model",
    "FundType": "govfinal.model",
    "Income": "govfinal.model",
    "IncomeRow": "govfinal.model",
    "IncomeSources": "govfinal.model",
    "Indicator": "govfinal.model",
    "NatureAmounts": "govfinal.model",
    "PerformanceSummary": "govfinal.model",
    "PriorYear": "govfinal.model",
    "Procurement": "govfinal.model",
    "Profile": "govfinal.model",
    "SelfEvaluation": "govfinal.model",
    "Staff": "govfinal.model",
    "ThreePublicExpenses": "govfinal.model",
    "UnitKind": "govfinal.model",
    "VehicleHolding": "govfinal.model",
    "VehicleUse": "govfinal.model",
    "round_amount": "govfinal.money",
    "round_percent": "govfinal.money",
    "to_decimal": "govfinal.money",
    "budget_variance": "govfinal.ratios",
    "change": "govfinal.ratios",
    "execution_rate": "govfinal.ratios",
    "growth": "govfinal.ratios",
    "share": "govfinal.ratios",
    "Grade": "govfinal.scoring",
    "GradeBands": "govfinal.scoring",
    "ScoringPolicy": "govfinal.scoring",
    "StandardPolicy": "govfinal.scoring",
}
"""Each public name and the module it comes from, imported when first used (PEP 562)."""

__all__ = [
    "ECONOMIC_CODES",
    "FUNCTION_CODES",
    "RULES",
    "Achievement",
    "AddressError",
    "Against",
    "AmountError",
    "AmountStatement",
    "AmountUnit",
    "Assets",
    "BasicExpenditureDetail",
    "BudgetBasis",
    "BudgetStatement",
    "BudgetUnit",
    "BudgetVariance",
    "ChangeStatement",
    "CheckOptions",
    "ClassTotal",
    "ClassificationError",
    "CodeEntry",
    "CodeTable",
    "Comparator",
    "CompletionSpending",
    "CountStatement",
    "DateStatement",
    "DirectionStatement",
    "EconomicLine",
    "EvaluationKind",
    "Expenditure",
    "Figure",
    "FigureAt",
    "FinalAccount",
    "Finding",
    "Findings",
    "FindingsError",
    "FiscalAllocations",
    "FloatRefusedError",
    "FunctionLine",
    "FunctionTree",
    "FundAmounts",
    "FundType",
    "Funding",
    "FundingRow",
    "GovFinalError",
    "Grade",
    "GradeBands",
    "GradeCount",
    "GrowthStatement",
    "Income",
    "IncomeRow",
    "IncomeSources",
    "Indicator",
    "LoadError",
    "Measure",
    "NatureAmounts",
    "NoneStatement",
    "PerformanceSummary",
    "Place",
    "Presence",
    "PriorYear",
    "Procurement",
    "Profile",
    "ReasonStatement",
    "Relation",
    "ScoringPolicy",
    "SelfEvaluation",
    "Severity",
    "ShareStatement",
    "Staff",
    "StandardPolicy",
    "StandardTable",
    "Statement",
    "TableStatement",
    "ThreePublicExpenses",
    "Trend",
    "UnitKind",
    "VehicleHolding",
    "VehicleUse",
    "WriteError",
    "YearStatement",
    "__version__",
    "addresses",
    "budget_variance",
    "change",
    "check",
    "derive_statements",
    "dump",
    "dumps",
    "execution_rate",
    "growth",
    "load",
    "loads",
    "render",
    "resolve",
    "round_amount",
    "round_percent",
    "share",
    "to_decimal",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module (or a subpackage) when first used, then keep the name."""
    module = _EXPORTS.get(name)
    if module is None:
        if name.startswith("_") or importlib.util.find_spec(f"govfinal.{name}") is None:
            raise AttributeError(f"module 'govfinal' has no attribute {name!r}")
        return importlib.import_module(f"govfinal.{name}")  # binds itself as an attribute
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
