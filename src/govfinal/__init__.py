"""govfinal: Chinese departmental final accounts (部门决算) as typed, checked data.

The package is layered, each layer using only those before it:

* :mod:`govfinal.money` and :mod:`govfinal.ratios`: Decimal amounts, the one
  rounding policy (half-up) and the derived ratios;
* :mod:`govfinal.classification`: 支出功能分类 and 支出经济分类 code tables;
* :mod:`govfinal.model`: the frozen domain classes, gathered in
  :class:`~govfinal.model.FinalAccount`;
* :mod:`govfinal.checks`: the rules every final account must obey, run by
  :func:`~govfinal.checks.check`, which returns findings;
* :mod:`govfinal.scoring`: performance self-evaluation scoring policies;
* the report rendered from the data (:func:`render`: narrative, glossary and
  the nine tables);
* :mod:`govfinal.io`: TOML and JSON data files (:func:`load`, :func:`dump`);
* :mod:`govfinal.cli`: the ``govfinal`` command.

>>> import govfinal
>>> unit = govfinal.BudgetUnit(name="示例单位", fiscal_year=2023)
>>> report = govfinal.FinalAccount(unit=unit)
>>> report.income.grand_total
Decimal('0')
"""

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
from govfinal.errors import AmountError, ClassificationError, FloatRefusedError, GovFinalError
from govfinal.io import LoadError, dump, dumps, load, loads
from govfinal.model import (
    Achievement,
    AmountUnit,
    Assets,
    BasicExpenditureDetail,
    BudgetBasis,
    BudgetUnit,
    BudgetVariance,
    ClassTotal,
    Comparator,
    CompletionSpending,
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
    Income,
    IncomeRow,
    IncomeSources,
    Indicator,
    NatureAmounts,
    PerformanceSummary,
    PriorYear,
    Procurement,
    Profile,
    SelfEvaluation,
    Staff,
    ThreePublicExpenses,
    UnitKind,
    VehicleHolding,
    VehicleUse,
)
from govfinal.money import round_amount, round_percent, to_decimal
from govfinal.ratios import budget_variance, change, execution_rate, growth, share
from govfinal.render import render
from govfinal.scoring import Grade, GradeBands, ScoringPolicy, StandardPolicy

__version__ = "0.1.0.dev0"

__all__ = [
    "ECONOMIC_CODES",
    "FUNCTION_CODES",
    "RULES",
    "Achievement",
    "AmountError",
    "AmountUnit",
    "Assets",
    "BasicExpenditureDetail",
    "BudgetBasis",
    "BudgetUnit",
    "BudgetVariance",
    "CheckOptions",
    "ClassTotal",
    "ClassificationError",
    "CodeEntry",
    "CodeTable",
    "Comparator",
    "CompletionSpending",
    "EconomicLine",
    "EvaluationKind",
    "Expenditure",
    "Figure",
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
    "Income",
    "IncomeRow",
    "IncomeSources",
    "Indicator",
    "LoadError",
    "NatureAmounts",
    "PerformanceSummary",
    "PriorYear",
    "Procurement",
    "Profile",
    "ScoringPolicy",
    "SelfEvaluation",
    "Severity",
    "Staff",
    "StandardPolicy",
    "ThreePublicExpenses",
    "UnitKind",
    "VehicleHolding",
    "VehicleUse",
    "__version__",
    "budget_variance",
    "change",
    "check",
    "dump",
    "dumps",
    "execution_rate",
    "growth",
    "load",
    "loads",
    "render",
    "round_amount",
    "round_percent",
    "share",
    "to_decimal",
]
