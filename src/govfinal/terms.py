"""Official terms: the Chinese name of each figure and its English equivalent.

One table serves the checks' messages, the rendered report and the docs'
glossary, so a figure is called the same everywhere.
"""

from __future__ import annotations

from typing import Final

__all__ = ["TERMS", "label"]

TERMS: Final[dict[str, tuple[str, str]]] = {
    # income sources
    "general_budget": ("一般公共预算财政拨款收入", "general public budget allocation"),
    "government_fund": ("政府性基金预算财政拨款收入", "government fund budget allocation"),
    "state_capital": (
        "国有资本经营预算财政拨款收入",
        "state capital operation budget allocation",
    ),
    "fiscal": ("财政拨款收入", "fiscal allocation income"),
    "superior_subsidy": ("上级补助收入", "subsidy from the superior unit"),
    "service": ("事业收入", "public service income"),
    "business": ("经营收入", "business income"),
    "subordinate_remittance": ("附属单位上缴收入", "remittance from affiliated units"),
    "other": ("其他收入", "other income"),
    "income_total": ("本年收入合计", "total income for the year"),
    "non_fiscal_balance_used": ("使用非财政拨款结余", "non-fiscal balance used"),
    "opening_balance": ("年初结转和结余", "balance brought forward"),
    "income_grand_total": ("收入总计", "income grand total"),
    # expenditure by nature
    "basic": ("基本支出", "basic expenditure"),
    "personnel": ("人员经费", "personnel costs"),
    "public": ("公用经费", "public (office) costs"),
    "project": ("项目支出", "project expenditure"),
    "remitted_to_superior": ("上缴上级支出", "remittance to the superior unit"),
    "business_expenditure": ("经营支出", "business expenditure"),
    "subsidies_to_subordinates": ("对附属单位补助支出", "subsidies to affiliated units"),
    "expenditure_total": ("本年支出合计", "total expenditure for the year"),
    "surplus_distribution": ("结余分配", "distribution of surplus"),
    "closing_balance": ("年末结转和结余", "balance carried forward"),
    "expenditure_grand_total": ("支出总计", "expenditure grand total"),
    # fiscal allocations
    "fiscal_opening": ("年初财政拨款结转和结余", "fiscal balance brought forward"),
    "fiscal_income": ("本年财政拨款收入", "fiscal allocations for the year"),
    "fiscal_expenditure": ("本年财政拨款支出", "fiscal expenditure for the year"),
    "fiscal_closing": ("年末财政拨款结转和结余", "fiscal balance carried forward"),
    "fiscal_income_grand_total": ("财政拨款收入总计", "fiscal income grand total"),
    "fiscal_expenditure_grand_total": ("财政拨款支出总计", "fiscal expenditure grand total"),
    "fund_general_budget": ("一般公共预算财政拨款", "general public budget allocations"),
    "fund_government_fund": ("政府性基金预算财政拨款", "government fund budget allocations"),
    "fund_state_capital": ("国有资本经营预算财政拨款", "state capital operation allocations"),
    # three public expenses
    "three_public": ("“三公”经费", "three public expenses"),
    "overseas": ("因公出国（境）费", "official overseas travel"),
    "vehicles": ("公务用车购置及运行维护费", "official vehicle purchase and operation"),
    "vehicle_purchase": ("公务用车购置费", "official vehicle purchase"),
    "vehicle_operation": ("公务用车运行维护费", "official vehicle operation and maintenance"),
    "reception": ("公务接待费", "official reception"),
    # other matters
    "operating_costs": ("机关运行经费", "operating costs of the organ"),
    "procurement_total": ("政府采购支出总额", "government procurement total"),
    "goods": ("政府采购货物支出", "procurement of goods"),
    "works": ("政府采购工程支出", "procurement of works"),
    "services": ("政府采购服务支出", "procurement of services"),
    "sme_contracts": ("授予中小企业合同金额", "contracts awarded to SMEs"),
    "small_micro_contracts": ("授予小微企业合同金额", "contracts awarded to small and micro firms"),
}
"""Figure keys to (Chinese, English) names."""


def label(key: str) -> tuple[str, str]:
    """The (Chinese, English) names of a figure key.

    >>> label("opening_balance")
    ('年初结转和结余', 'balance brought forward')
    """
    return TERMS[key]
