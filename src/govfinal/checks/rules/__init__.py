"""The rule modules; importing this package registers every rule.

One module per rule family, named by the family's letter, so a code finds its
module in one hop: ``T1xx`` → :mod:`~govfinal.checks.rules.t_totals`
(收入支出决算总表), ``F2xx`` → :mod:`~govfinal.checks.rules.f_functions`
(支出功能分类), ``B3xx`` → :mod:`~govfinal.checks.rules.b_basic` (基本支出
经济分类), ``C4xx`` → :mod:`~govfinal.checks.rules.c_fiscal` (财政拨款),
``P5xx`` → :mod:`~govfinal.checks.rules.p_three_public` (“三公”经费),
``O6xx`` → :mod:`~govfinal.checks.rules.o_other` (机关运行经费, 政府采购,
国有资产, 单位概况), ``R7xx`` → :mod:`~govfinal.checks.rules.r_comparatives`
(上年与预算), ``S8xx`` → :mod:`~govfinal.checks.rules.s_performance` (绩效自评),
``N9xx`` → :mod:`~govfinal.checks.rules.n_statements` (情况说明的陈述).
Rule modules import no other rule module: the figures they share come from
:mod:`govfinal.checks.figures`.
"""

from govfinal.checks.rules import (
    b_basic,
    c_fiscal,
    f_functions,
    n_statements,
    o_other,
    p_three_public,
    r_comparatives,
    s_performance,
    t_totals,
)

__all__ = [
    "b_basic",
    "c_fiscal",
    "f_functions",
    "n_statements",
    "o_other",
    "p_three_public",
    "r_comparatives",
    "s_performance",
    "t_totals",
]
