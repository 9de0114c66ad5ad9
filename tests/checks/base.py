"""A small report that is consistent in every part, for rule tests.

Every figure below is chosen by hand so that each identity holds exactly; the
arithmetic is spelled out in comments. A rule test checks that its rule holds
here, then breaks one figure with ``attrs.evolve`` and checks that it fires.
The narrative's rates (:func:`base_statements`) are what the figures give.
"""

from __future__ import annotations

from govfinal import (
    Achievement,
    Assets,
    BasicExpenditureDetail,
    BudgetBasis,
    BudgetStatement,
    BudgetUnit,
    BudgetVariance,
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
    GrowthStatement,
    Income,
    IncomeRow,
    IncomeSources,
    Indicator,
    Measure,
    NatureAmounts,
    PerformanceSummary,
    Place,
    PriorYear,
    Procurement,
    Profile,
    SelfEvaluation,
    ShareStatement,
    Staff,
    Statement,
    ThreePublicExpenses,
    UnitKind,
    VehicleHolding,
    VehicleUse,
)


def _line(
    code: str,
    name: str,
    *,
    basic: str = "0.00",
    project: str = "0.00",
    gpb_basic: str | None = None,
    gpb_project: str | None = None,
    gf_project: str | None = None,
    income: IncomeRow | None = None,
    prior: PriorYear | None = None,
    budget: BudgetVariance | None = None,
) -> FunctionLine:
    total = f"{float_free_sum(basic, project)}"
    gpb = None
    if gpb_basic is not None or gpb_project is not None:
        gpb = FundAmounts(
            basic=gpb_basic or "0.00",
            project=gpb_project or "0.00",
            stated_expenditure=float_free_sum(gpb_basic or "0.00", gpb_project or "0.00"),
            prior=prior,
            budget=budget,
        )
    gf = None
    if gf_project is not None:
        gf = FundAmounts(
            opening="0.00",
            income=gf_project,
            basic="0.00",
            project=gf_project,
            stated_expenditure=gf_project,
            closing="0.00",
        )
    return FunctionLine(
        code,
        name,
        expenditure=NatureAmounts(basic=basic, project=project, stated_total=total),
        income=income,
        general_budget=gpb,
        government_fund=gf,
    )


def float_free_sum(*values: str) -> str:
    """Sum of 2-decimal strings, exactly, in integer cents (no Decimal, no float)."""
    cents = sum(int(v.replace(".", "")) for v in values)
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _parent(code: str, name: str, **amounts: str) -> FunctionLine:
    """A 类 or 款 line publishing the sums of its children (given here)."""
    basic, project = amounts.get("basic", "0.00"), amounts.get("project", "0.00")
    gpb = None
    if "gpb_basic" in amounts or "gpb_project" in amounts:
        gb, gp = amounts.get("gpb_basic", "0.00"), amounts.get("gpb_project", "0.00")
        gpb = FundAmounts(basic=gb, project=gp, stated_expenditure=float_free_sum(gb, gp))
    gf = None
    if "gf_project" in amounts:
        gf = FundAmounts(
            opening="0.00",
            income=amounts["gf_project"],
            basic="0.00",
            project=amounts["gf_project"],
            stated_expenditure=amounts["gf_project"],
            closing="0.00",
        )
    income = None
    if "income_fiscal" in amounts:
        fiscal, other = amounts["income_fiscal"], amounts.get("income_other", "0.00")
        income = IncomeRow(total=float_free_sum(fiscal, other), fiscal=fiscal, other=other)
    return FunctionLine(
        code,
        name,
        expenditure=NatureAmounts(
            basic=basic, project=project, stated_total=float_free_sum(basic, project)
        ),
        income=income,
        general_budget=gpb,
        government_fund=gf,
    )


def base_tree() -> FunctionTree:
    # All funds: 2010601 basic 105 (100 GPB + 5 non-fiscal), 2010602 project 20,
    # 2080505 basic 30, 2210201 basic 10, 2120801 project 8 (政府性基金).
    # Totals: basic 145, project 28, all 173. GPB: basic 140, project 20, all 160.
    return FunctionTree(
        lines=(
            _parent(
                "201",
                "一般公共服务支出",
                basic="105.00",
                project="20.00",
                gpb_basic="100.00",
                gpb_project="20.00",
                income_fiscal="110.00",
                income_other="5.00",
            ),
            _parent(
                "20106",
                "财政事务",
                basic="105.00",
                project="20.00",
                gpb_basic="100.00",
                gpb_project="20.00",
            ),
            _line(
                "2010601",
                "行政运行",
                basic="105.00",
                gpb_basic="100.00",
                # prior 105.00: change −5.00, growth −5/105 = −4.76%;
                # initial budget 110.00: variance −10/110 = −9.09%, execution 90.91%.
                prior=PriorYear(change="-5.00", reason="人员减少"),
                budget=BudgetVariance(budget="110.00", reason="节约开支"),
            ),
            _line(
                "2010602",
                "一般行政管理事务",
                project="20.00",
                gpb_project="20.00",
                # prior 15.00: change 5.00, growth 5/15 = 33.33%.
                prior=PriorYear(change="5.00", reason="新增调研项目"),
            ),
            _parent(
                "208", "社会保障和就业支出", basic="30.00", gpb_basic="30.00", income_fiscal="30.00"
            ),
            _parent("20805", "行政事业单位养老支出", basic="30.00", gpb_basic="30.00"),
            _line(
                "2080505",
                "机关事业单位基本养老保险缴费支出",
                basic="30.00",
                gpb_basic="30.00",
                # prior 24.00: change 6.00, growth 6/24 = 25.00%.
                prior=PriorYear(change="6.00", reason="缴费基数调整"),
            ),
            _parent("212", "城乡社区支出", project="8.00", gf_project="8.00", income_fiscal="8.00"),
            _parent("21208", "国有土地使用权出让收入安排的支出", project="8.00", gf_project="8.00"),
            _line("2120801", "征地和拆迁补偿支出", project="8.00", gf_project="8.00"),
            _parent("221", "住房保障支出", basic="10.00", gpb_basic="10.00", income_fiscal="10.00"),
            _parent("22102", "住房改革支出", basic="10.00", gpb_basic="10.00"),
            _line(
                "2210201",
                "住房公积金",
                basic="10.00",
                gpb_basic="10.00",
                # prior 6.00: change 4.00, growth 4/6 = 66.67%.
                # Item changes: −5 + 5 + 6 + 4 = 10 = the GPB total's change.
                prior=PriorYear(change="4.00", reason="缴存比例提高"),
            ),
        ),
        narrative_order=("2010601", "2010602", "2080505", "2210201"),
    )


def base_report() -> FinalAccount:
    return FinalAccount(
        unit=BudgetUnit(name="示例局", fiscal_year=2024, kind=UnitKind.ADMINISTRATIVE),
        profile=Profile(
            mandate="示例局是主管示例工作的政府部门。",
            functions=("负责示例工作。",),
            staff=Staff(in_service=10, retired_cadres=0, retirees=2, stated_total=12),
            divisions=("办公室", "业务科"),
        ),
        # 本年收入 150 + 8 + 5 = 163; 收入总计 163 + 0 + 15 = 178.
        income=Income(
            sources=IncomeSources(
                general_budget="150.00",
                government_fund="8.00",
                other="5.00",
                stated_total="163.00",
            ),
            non_fiscal_balance_used="0.00",
            opening_balance="15.00",
            stated_grand_total="178.00",
        ),
        # 本年支出 145 + 28 = 173; 支出总计 173 + 0 + 5 = 178.
        expenditure=Expenditure(
            nature=NatureAmounts(
                basic="145.00",
                project="28.00",
                remitted_to_superior="0.00",
                business="0.00",
                subsidies_to_subordinates="0.00",
                stated_total="173.00",
            ),
            personnel="120.00",
            public="25.00",
            surplus_distribution="0.00",
            closing_balance="5.00",
            stated_grand_total="178.00",
        ),
        # 收入支出总计 178 against 170 last year: change 8, growth 8/170 = 4.71%.
        grand_total_prior=PriorYear(change="8.00", reason="业务量增加"),
        functions=base_tree(),
        # GPB: 12 + 150 = 160 + 2. GF: 0 + 8 = 8 + 0. Fiscal: 12 + 158 = 168 + 2 = 170.
        fiscal=FiscalAllocations(
            general_budget=FundAmounts(
                opening="12.00",
                income="150.00",
                basic="140.00",
                project="20.00",
                stated_expenditure="160.00",
                closing="2.00",
                # prior 150: change 10, growth 6.67%; budget 165: variance −5/165 = −3.03%.
                prior=PriorYear(change="10.00", reason="业务量增加"),
                budget=BudgetVariance(budget="165.00", reason="节约开支"),
            ),
            government_fund=FundAmounts(
                opening="0.00",
                income="8.00",
                basic="0.00",
                project="8.00",
                stated_expenditure="8.00",
                closing="0.00",
            ),
            state_capital=FundAmounts(),
            stated_opening="12.00",
            stated_income="158.00",
            stated_expenditure="168.00",
            stated_closing="2.00",
            stated_income_grand_total="170.00",
            stated_expenditure_grand_total="170.00",
            # 170 against 172: change −2, growth −2/172 = −1.16%;
            # budget 175: variance (168 − 175)/175 = −4.00%.
            prior=PriorYear(change="-2.00", reason="结转减少"),
            budget=BudgetVariance(budget="175.00", reason="节约开支"),
        ),
        # GPB basic 140 = personnel (100 + 18) + public (18 + 4).
        general_budget_basic=BasicExpenditureDetail(
            stated_total="140.00",
            stated_personnel="118.00",
            stated_public="22.00",
            lines=(
                EconomicLine("301", "工资福利支出", "100.00"),
                EconomicLine("30101", "基本工资", "60.00"),
                EconomicLine("30102", "津贴补贴", "40.00"),
                EconomicLine("303", "对个人和家庭的补助", "18.00"),
                EconomicLine("30302", "退休费", "18.00"),
                EconomicLine("302", "商品和服务支出", "18.00"),
                EconomicLine("30201", "办公费", "10.00"),
                EconomicLine("30207", "邮电费", "8.00"),
                EconomicLine("310", "资本性支出", "4.00"),
                EconomicLine("31002", "办公设备购置", "4.00"),
            ),
        ),
        # Final 2 + (0 + 1.5) + 0.5 = 4; budget 3 + (0 + 2) + 1 = 6.
        three_public=ThreePublicExpenses(
            overseas=Figure(
                amount="2.00",
                budget=BudgetVariance(budget="3.00", basis=BudgetBasis.FULL_YEAR),
            ),
            vehicle_purchase=Figure(
                amount="0.00",
                budget=BudgetVariance(budget="0.00", basis=BudgetBasis.FULL_YEAR),
            ),
            vehicle_operation=Figure(
                amount="1.50",
                budget=BudgetVariance(budget="2.00", basis=BudgetBasis.FULL_YEAR),
            ),
            reception=Figure(
                amount="0.50",
                budget=BudgetVariance(budget="1.00", basis=BudgetBasis.FULL_YEAR),
            ),
            vehicles=Figure(
                amount="1.50",
                budget=BudgetVariance(budget="2.00", basis=BudgetBasis.FULL_YEAR),
            ),
            # 4 against 6: variance −33.33%; against 5 last year: −20.00%.
            total=Figure(
                amount="4.00",
                prior=PriorYear(change="-1.00", reason="压减出国"),
                budget=BudgetVariance(
                    budget="6.00", basis=BudgetBasis.FULL_YEAR, reason="厉行节约"
                ),
            ),
            overseas_groups=1,
            overseas_persons=3,
            vehicles_purchased=0,
            vehicles_held=1,
            reception_batches=5,
            reception_persons=40,
        ),
        # 机关运行经费 = GPB 公用经费 22; prior 20: change 2, growth 10.00%.
        operating_costs=Figure(
            amount="22.00",
            prior=PriorYear(amount="20.00", change="2.00", reason="办公设备更新"),
        ),
        # 10 + 0 + 30 = 40; SME 35 = 87.50%; small and micro 20 = 50.00%.
        procurement=Procurement(
            goods="10.00",
            works="0.00",
            services="30.00",
            stated_total="40.00",
            sme_contracts="35.00",
            small_micro_contracts="20.00",
        ),
        assets=Assets(
            fixed_assets_original_value="500.00",
            building_area="1200.00",
            building_value="300.00",
            vehicles=(VehicleHolding(VehicleUse.EMERGENCY, 1),),
            stated_vehicle_count=1,
            vehicle_value="20.00",
            large_equipment=0,
        ),
        # Department 173 of 180 = 96.11%; projects 28 of 30 = 93.33%.
        # The tables: the department's (180.00 / 173.00) and two projects'
        # (20.00 / 20.00 and 10.00 / 8.00: 30.00 / 28.00 between them).
        performance=PerformanceSummary(
            department_evaluations=1,
            department_budget="180.00",
            department_executed="173.00",
            project_evaluations=2,
            project_budget="30.00",
            project_executed="28.00",
            evaluations=(
                department_evaluation(),
                survey_project_evaluation(),
                compensation_project_evaluation(),
            ),
        ),
        statements=base_statements(),
    )


ITEM = "functions[2010601].general_budget.expenditure"
"""行政运行 (2010601): 100.00 of 一般公共预算, against 105.00 last year and 110.00 budgeted."""


def base_statements() -> tuple[Statement, ...]:
    """The rates the base report's narrative states, each what its figures give (see above).

    In the standard narrative's sections, without sentences.
    """
    initial, full_year = BudgetBasis.INITIAL, BudgetBasis.FULL_YEAR
    variance, execution = Measure.VARIANCE, Measure.EXECUTION

    def growth(about: str, value: str, section: str, prior: str | None = None) -> Statement:
        return GrowthStatement(about, value, prior=prior, place=Place(section=section))

    def budget(
        about: str, owner: str, basis: BudgetBasis, measure: Measure, value: str, section: str
    ) -> Statement:
        place = Place(section=section)
        return BudgetStatement(about, f"{owner}.budget.budget", basis, measure, value, place=place)

    return (
        growth("income.grand_total", "4.71", "一"),  # 8 / 170
        growth("fiscal.income_grand_total", "-1.16", "四"),  # −2 / 172
        budget("fiscal.expenditure", "fiscal", initial, variance, "-4.00", "四"),  # −7 / 175
        growth("fiscal.general_budget.expenditure", "6.67", "五（一）"),  # 10 / 150
        budget(  # −5 / 165
            "fiscal.general_budget.expenditure",
            "fiscal.general_budget",
            initial,
            variance,
            "-3.03",
            "五（一）",
        ),
        growth(ITEM, "-4.76", "五（三）"),  # −5 / 105
        budget(ITEM, "functions[2010601].general_budget", initial, variance, "-9.09", "五（三）"),
        budget(ITEM, "functions[2010601].general_budget", initial, execution, "90.91", "五（三）"),
        growth("functions[2010602].general_budget.expenditure", "33.33", "五（三）"),  # 5 / 15
        growth("functions[2080505].general_budget.expenditure", "25.00", "五（三）"),  # 6 / 24
        growth("functions[2210201].general_budget.expenditure", "66.67", "五（三）"),  # 4 / 6
        growth("three_public.total.amount", "-20.00", "七"),  # −1 / 5
        budget(  # −2 / 6
            "three_public.total.amount", "three_public.total", full_year, variance, "-33.33", "七"
        ),
        growth("operating_costs.amount", "10.00", "十一", prior="operating_costs.prior.amount"),
        ShareStatement(  # 35 / 40
            "procurement.sme_contracts", "procurement.total", "87.50", place=Place(section="十一")
        ),
        ShareStatement(  # 20 / 40
            "procurement.small_micro_contracts",
            "procurement.total",
            "50.00",
            place=Place(section="十一"),
        ),
    )


# -- performance self-evaluation tables --------------------------------------------
#
# Scores follow govfinal.scoring.StandardPolicy: execution = weight × executed ÷
# budget (at most the weight); a numeric indicator met scores its weight, a
# positive one missed weight × actual ÷ target, a reverse one missed
# weight × (1 − (actual − target) ÷ target); a qualitative one scores within
# its band (达成 80–100 %, 部分达成 60–80 % of the weight).


def _indicator(
    level1: str,
    level2: str,
    name: str,
    sign: Comparator,
    target: str,
    unit: str,
    actual: str,
    weight: str,
    score: str,
) -> Indicator:
    return Indicator(
        level1,
        level2,
        name,
        sign,
        target=target,
        unit=unit,
        actual=actual,
        weight=weight,
        score=score,
    )


def department_evaluation() -> SelfEvaluation:
    """The 部门（单位）整体支出绩效自评表: 本年支出合计 173.00 of 180.00 budgeted.

    Funding: 财政拨款 168 (= 本年财政拨款支出) + 其他资金 5 = 173 executed, of
    160 + 10 = 170 initially and 168 + 12 = 180 over the year. Execution
    173 ÷ 180 = 96.11 %; score 10 × 0.96111 = 9.61. The completion statement
    gives 173 = 基本支出 145 + 项目支出 28, as 本年支出 does.

    Weights 10 + 15 + 15 + 20 + 20 + 20 = 100 (no total printed: 100).
    Scores 9.61 + 15 + 15 + 16.67 + 18 + 20 = 94.28 (优); 调研课题
    20 × 10 ÷ 12 = 16.67; the qualitative 18 lies in 达成's 16–20.
    """
    return SelfEvaluation(
        kind=EvaluationKind.DEPARTMENT,
        name="示例局",
        year=2024,
        funding=Funding(
            total=FundingRow("年度总资金", "170.00", "180.00", "173.00"),
            sources=(
                FundingRow("财政拨款", "160.00", "168.00", "168.00"),
                FundingRow("其他资金", "10.00", "12.00", "5.00"),
            ),
            weight="10",
            stated_execution_rate="96.11",
            stated_score="9.61",
        ),
        completion_spending=CompletionSpending(total="173.00", basic="145.00", project="28.00"),
        indicators=(
            # “三公”经费 4.00 within its control figure 6.00: met.
            _indicator(
                "运行成本",
                "成本指标",
                "“三公”经费支出",
                Comparator.LE,
                "6.00",
                "万元",
                "4.00",
                "15",
                "15",
            ),
            _indicator(
                "管理效率",
                "管理规范",
                "国库集中支付率",
                Comparator.EQ,
                "100",
                "%",
                "100",
                "15",
                "15",
            ),
            _indicator(
                "履职效能",
                "数量指标",
                "完成调研课题",
                Comparator.GE,
                "12",
                "个",
                "10",
                "20",
                "16.67",
            ),
            Indicator(
                "社会效益",
                "社会效益指标",
                "群众办事便利度",
                Comparator.QUALITATIVE,
                target_text="明显提升",
                actual_text="明显提升",
                weight="20",
                score="18",
            ),
            _indicator(
                "服务对象满意度",
                "满意度指标",
                "服务对象满意度",
                Comparator.GE,
                "90",
                "%",
                "92",
                "20",
                "20",
            ),
        ),
        stated_total_score="94.28",
    )


def survey_project_evaluation() -> SelfEvaluation:
    """A 项目支出绩效自评表: 调研经费 (2010602, project 20.00), fully executed.

    Funding 20 + 0 + 0 = 20 in each column; execution 100.00 %, score 10.
    Weights 10 + 30 + 30 + 20 + 10 = 100. Scores 10 + 30 + 22.50 + 14 + 10
    = 86.50 (良): 采纳率 30 × 60 ÷ 80 = 22.50; 部分达成's band is 12–16.
    """
    return SelfEvaluation(
        kind=EvaluationKind.PROJECT,
        name="调研经费",
        department="示例局",
        implementer="示例局",
        year=2024,
        funding=Funding(
            total=FundingRow("年度资金总额", "20.00", "20.00", "20.00"),
            sources=(
                FundingRow("其中：当年财政拨款", "20.00", "20.00", "20.00"),
                FundingRow("上年结转资金", "0.00", "0.00", "0.00"),
                FundingRow("其他资金", "0.00", "0.00", "0.00"),
            ),
            weight="10",
            stated_execution_rate="100.00",
            stated_score="10",
        ),
        completion_spending=CompletionSpending(total="20.00"),
        indicators=(
            _indicator(
                "产出指标",
                "数量指标",
                "调研报告篇数",
                Comparator.GE,
                "5",
                "篇",
                "6",
                "30",
                "30",
            ),
            _indicator(
                "产出指标",
                "质量指标",
                "报告采纳率",
                Comparator.GE,
                "80",
                "%",
                "60",
                "30",
                "22.50",
            ),
            Indicator(
                "效益指标",
                "社会效益指标",
                "为决策提供参考",
                Comparator.QUALITATIVE,
                target_text="有效",
                actual_text="部分有效",
                achievement=Achievement.PARTLY,
                weight="20",
                score="14",
            ),
            _indicator(
                "满意度指标",
                "满意度指标",
                "服务对象满意度",
                Comparator.GE,
                "90",
                "%",
                "90",
                "10",
                "10",
            ),
        ),
        stated_total_score="86.50",
        stated_total_weight="100",
    )


def compensation_project_evaluation() -> SelfEvaluation:
    """A 项目支出绩效自评表: 征地和拆迁补偿 (2120801, 政府性基金 8.00) of 10.00.

    Funding 10 + 0 = 10 budgeted, 8 + 0 = 8 executed; execution 80.00 %,
    score 10 × 8 ÷ 10 = 8. Weights 10 + 30 + 20 + 20 + 20 = 100. Scores
    8 + 24 + 20 + 15 + 20 = 87.00 (良): 户数 30 × 32 ÷ 40 = 24; the reverse
    户均补偿 20 × (1 − (2500 − 2000) ÷ 2000) = 15 (8 万元 over 32 户 is 2500 元).
    """
    return SelfEvaluation(
        kind=EvaluationKind.PROJECT,
        name="征地和拆迁补偿",
        department="示例局",
        implementer="示例局",
        year=2024,
        funding=Funding(
            total=FundingRow("年度资金总额", "10.00", "10.00", "8.00"),
            sources=(
                FundingRow("其中：当年财政拨款", "10.00", "10.00", "8.00"),
                FundingRow("其他资金", "0.00", "0.00", "0.00"),
            ),
            weight="10",
            stated_execution_rate="80.00",
            stated_score="8",
        ),
        completion_spending=CompletionSpending(total="8.00"),
        indicators=(
            _indicator(
                "产出指标",
                "数量指标",
                "补偿户数",
                Comparator.GE,
                "40",
                "户",
                "32",
                "30",
                "24",
            ),
            _indicator(
                "产出指标",
                "时效指标",
                "补偿资金拨付及时率",
                Comparator.EQ,
                "100",
                "%",
                "100",
                "20",
                "20",
            ),
            _indicator(
                "成本指标",
                "经济成本指标",
                "户均补偿标准",
                Comparator.LE,
                "2000",
                "元/户",
                "2500",
                "20",
                "15",
            ),
            _indicator(
                "满意度指标",
                "满意度指标",
                "被补偿群众满意度",
                Comparator.GE,
                "90",
                "%",
                "95",
                "20",
                "20",
            ),
        ),
        stated_total_score="87.00",
        stated_total_weight="100",
    )
