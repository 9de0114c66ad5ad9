"""The domain model of a 部门决算: frozen, slotted, typed value classes.

Layout: identity and profile; income; expenditure by nature; the function
tree; fiscal allocations by fund; basic expenditure by economic class; 三公经费;
procurement and assets; performance; and :class:`FinalAccount`, which holds
them all. Comparatives (prior year, budgets) are in ``comparatives``; what the
narrative states about the figures is in ``statements``; the nine standard
tables are named in ``tables``.
"""

from govfinal.model.comparatives import BudgetBasis, BudgetVariance, Figure, PriorYear
from govfinal.model.economic import BasicExpenditureDetail, EconomicLine
from govfinal.model.expenditure import ClassTotal, Expenditure, NatureAmounts
from govfinal.model.function import FunctionLine, FunctionTree
from govfinal.model.funds import FiscalAllocations, FundAmounts, FundType
from govfinal.model.identity import AmountUnit, BudgetUnit, UnitKind
from govfinal.model.income import Income, IncomeRow, IncomeSources
from govfinal.model.other import Assets, Procurement, VehicleHolding, VehicleUse
from govfinal.model.performance import (
    Achievement,
    Comparator,
    CompletionSpending,
    EvaluationKind,
    Funding,
    FundingRow,
    GradeCount,
    Indicator,
    PerformanceSummary,
    SelfEvaluation,
)
from govfinal.model.profile import Profile, Staff
from govfinal.model.report import FinalAccount
from govfinal.model.statements import (
    Against,
    AmountStatement,
    BudgetStatement,
    ChangeStatement,
    CountStatement,
    DateStatement,
    DirectionStatement,
    GrowthStatement,
    Measure,
    NoneStatement,
    Place,
    Presence,
    ReasonStatement,
    Relation,
    ShareStatement,
    Statement,
    TableStatement,
    Trend,
    YearStatement,
)
from govfinal.model.tables import StandardTable
from govfinal.model.three_public import ThreePublicExpenses

__all__ = [
    "Achievement",
    "Against",
    "AmountStatement",
    "AmountUnit",
    "Assets",
    "BasicExpenditureDetail",
    "BudgetBasis",
    "BudgetStatement",
    "BudgetUnit",
    "BudgetVariance",
    "ChangeStatement",
    "ClassTotal",
    "Comparator",
    "CompletionSpending",
    "CountStatement",
    "DateStatement",
    "DirectionStatement",
    "EconomicLine",
    "EvaluationKind",
    "Expenditure",
    "Figure",
    "FinalAccount",
    "FiscalAllocations",
    "FunctionLine",
    "FunctionTree",
    "FundAmounts",
    "FundType",
    "Funding",
    "FundingRow",
    "GradeCount",
    "GrowthStatement",
    "Income",
    "IncomeRow",
    "IncomeSources",
    "Indicator",
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
    "SelfEvaluation",
    "ShareStatement",
    "Staff",
    "StandardTable",
    "Statement",
    "TableStatement",
    "ThreePublicExpenses",
    "Trend",
    "UnitKind",
    "VehicleHolding",
    "VehicleUse",
    "YearStatement",
]
