"""The 2023 final account of 乌鲁木齐高新区（新市区）科学技术协会, built in Python.

Every figure is transcribed from the published report. The report is plain
text; it does not reproduce the nine tables, so some cells the tables need are
not published. Where such a cell can be inferred it is, and a comment says how;
where it cannot, it is left ``None`` (not published). No published figure is
changed to make the report agree with itself: where it disagrees, the checks
report it.
"""

from __future__ import annotations

import datetime

from govfinal import (
    Against,
    AmountStatement,
    Assets,
    BasicExpenditureDetail,
    BudgetBasis,
    BudgetStatement,
    BudgetUnit,
    BudgetVariance,
    ChangeStatement,
    Comparator,
    CompletionSpending,
    CountStatement,
    DateStatement,
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
    IncomeSources,
    Indicator,
    Measure,
    NatureAmounts,
    NoneStatement,
    PerformanceSummary,
    Place,
    PriorYear,
    Procurement,
    Profile,
    ReasonStatement,
    SelfEvaluation,
    ShareStatement,
    Staff,
    Statement,
    ThreePublicExpenses,
    UnitKind,
    VehicleHolding,
    VehicleUse,
    YearStatement,
)

UNIT_NAME = "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）科学技术协会"

MANDATE = (
    "乌鲁木齐高新技术产业开发区（乌鲁木齐市新市区）科学技术协会（以下简称区科协）"
    "是全区各族科学技术工作者的群众组织，是区委领导下的人民团体，是党和政府联系科学"
    "技术工作者的桥梁和纽带，是推动科学技术事业发展的重要社会力量。具体职能："
)

FUNCTIONS = (
    "团结和组织全区广大科技工作者以经济建设为中心，开展学术交流，活跃学术思想，"
    "促进科学技术的创新与发展。",
    "按照国家、自治区和乌鲁木齐市有关科普工作的方针、规划，拟定科协系统科普工作的"
    "目标、规划和计划并组织实施；充分发挥科学技术普及主力军的作用，动员社会各方面的"
    "力量，开展科普活动和青少年科技教育活动，推广先进技术；指导科普设施、场所的规划、"
    "管理及科普工作队伍的建设工作。",
    "全心全意为科技工作者服务，反映科技工作者的意见和要求，维护科技工作者的合法权益。",
    "引导科技工作者在社会事务中发挥作用，组织科技工作者参与科学技术政策、法规拟定和"
    "政治协商、科学决策、民主监督工作，促进决策科学化、民主化。",
    "表彰、宣传优秀科技工作者、农村科普带头人，推荐优秀科技人才；开展科技工作者的继续"
    "教育和培训工作。",
    "负责指导有关社会团体工作。",
    "承办区委、区政府交办的其他事项。",
)

# 三公经费: every line is 0.00 with the same published reasons.
NO_SPENDING = "本年无此项支出"
NOT_BUDGETED = "本年度未安排此类开支"


def _three_public_line(*, prior: bool, budget: bool) -> Figure:
    return Figure(
        amount="0.00",
        prior=PriorYear(change="0.00", reason=NO_SPENDING) if prior else None,
        budget=(
            BudgetVariance(budget="0.00", basis=BudgetBasis.FULL_YEAR, reason=NOT_BUDGETED)
            if budget
            else None
        ),
    )


def build_report() -> FinalAccount:
    """The seed report as a :class:`govfinal.FinalAccount`."""
    return FinalAccount(
        # The report calls itself 人民团体 and heads 机关运行经费 with "行政单位和参照
        # 公务员法管理事业单位"; it reports 机关运行经费, so it is one of those two
        # kinds. 参照公务员法管理 is inferred: it is how 人民团体 are usually staffed.
        unit=BudgetUnit(
            name=UNIT_NAME,
            fiscal_year=2023,
            kind=UnitKind.CIVIL_SERVICE_MANAGED,
            short_name="区科协",
            department="科学技术协会",
        ),
        profile=Profile(
            mandate=MANDATE,
            functions=FUNCTIONS,
            staff=Staff(in_service=2, retired_cadres=0, retirees=0, stated_total=2),
            subordinate_units=(),
            stated_division_count=0,
        ),
        income=Income(
            # The narrative prints the five non-fiscal sources as 0.00; 政府性基金
            # and 国有资本经营 income it does not print (八, 九: 无): blank.
            sources=IncomeSources(
                general_budget="55.19",
                superior_subsidy="0.00",
                service="0.00",
                business="0.00",
                subordinate_remittance="0.00",
                other="0.00",
                stated_total="55.19",
            ),
            non_fiscal_balance_used="0.00",
            opening_balance="3.76",
            stated_grand_total="58.95",
        ),
        expenditure=Expenditure(
            nature=NatureAmounts(
                basic="57.82",
                project="1.13",
                remitted_to_superior="0.00",
                business="0.00",
                subsidies_to_subordinates="0.00",
                stated_total="58.95",
            ),
            surplus_distribution="0.00",
            closing_balance="0.00",
            stated_grand_total="58.95",
        ),
        grand_total_prior=PriorYear(
            change="-14.45",
            reason="财政提高资金使用效率压缩开支减少项目支出拨款",
        ),
        functions=_function_tree(),
        fiscal=FiscalAllocations(
            general_budget=FundAmounts(
                opening="3.45",
                income="55.19",
                # 基本支出 57.51 is stated in section 六; 项目支出 1.13 is the one
                # project (2060799), so 本年支出 58.64 = 57.51 + 1.13.
                basic="57.51",
                project="1.13",
                stated_expenditure="58.64",
                closing="0.00",
                prior=PriorYear(
                    change="-10.81",
                    reason="财政提高资金使用效率压缩开支减少项目预算支出拨款",
                ),
                budget=BudgetVariance(
                    budget="96.41",
                    basis=BudgetBasis.INITIAL,
                    reason="财政提高资金使用效率压缩开支减少项目支出拨款",
                ),
            ),
            # Sections 八 and 九: no 政府性基金 or 国有资本经营 allocations (空表).
            government_fund=FundAmounts(),
            state_capital=FundAmounts(),
            stated_opening="3.45",
            stated_income="55.19",
            stated_expenditure="58.64",
            stated_closing="0.00",
            stated_income_grand_total="58.64",
            stated_expenditure_grand_total="58.64",
            prior=PriorYear(
                change="-14.45",
                reason="财政提高资金使用效率压缩开支减少预算拨款",
            ),
            budget=BudgetVariance(
                budget="96.41",
                basis=BudgetBasis.INITIAL,
                reason="财政提高资金使用效率压缩开支减少项目支出拨款，科普项目支出未执行",
            ),
        ),
        general_budget_basic=BasicExpenditureDetail(
            stated_total="57.51",
            stated_personnel="52.52",
            stated_public="4.99",
            # Section 六 names the items but publishes no amount for any of them.
            lines=(
                EconomicLine("30101", "基本工资"),
                EconomicLine("30102", "津贴补贴"),
                EconomicLine("30103", "奖金"),
                EconomicLine("30108", "机关事业单位基本养老保险缴费"),
                EconomicLine("30109", "职业年金缴费"),
                EconomicLine("30110", "职工基本医疗保险缴费"),
                EconomicLine("30112", "其他社会保障缴费"),
                EconomicLine("30113", "住房公积金"),
                EconomicLine("30305", "生活补助"),
                EconomicLine("30399", "其他对个人和家庭的补助"),
                EconomicLine("30201", "办公费"),
                EconomicLine("30204", "手续费"),
                EconomicLine("30207", "邮电费"),
                EconomicLine("30213", "维修（护）费"),
                EconomicLine("30218", "专用材料费"),
                EconomicLine("30228", "工会经费"),
            ),
        ),
        three_public=ThreePublicExpenses(
            total=_three_public_line(prior=True, budget=True),
            overseas=_three_public_line(prior=True, budget=True),
            vehicles=_three_public_line(prior=True, budget=False),
            vehicle_purchase=_three_public_line(prior=False, budget=True),
            vehicle_operation=_three_public_line(prior=False, budget=True),
            reception=_three_public_line(prior=True, budget=True),
            overseas_groups=0,
            overseas_persons=0,
            vehicles_purchased=0,
            vehicles_held=0,
            reception_batches=0,
            reception_persons=0,
            vehicle_operation_content="公务用车燃油费、保险费、过路费等",
            vehicle_difference_reason="单位车辆为科普宣传用科普大篷车 1 辆",
        ),
        operating_costs=Figure(
            amount="4.99",
            prior=PriorYear(change="2.72", reason="科普用其他办公设备材料支出增加"),
        ),
        procurement=Procurement(
            goods="0.00",
            works="0.00",
            services="0.00",
            stated_total="0.00",
            sme_contracts="0.00",
            small_micro_contracts="0.00",
        ),
        assets=Assets(
            fixed_assets_original_value="132.42",
            building_area="0.00",
            building_value="0.00",
            # The vehicles by use, as section 十（三） prints them: 0 of each use but 其他用车.
            vehicles=(
                *(VehicleHolding(use, 0) for use in list(VehicleUse)[:-1]),
                VehicleHolding(VehicleUse.OTHER, 1, note="科普宣传专用大篷车 1 辆"),
            ),
            stated_vehicle_count=1,
            vehicle_value="24.46",
            large_equipment=0,
        ),
        performance=PerformanceSummary(
            department_evaluations=1,
            department_budget="97.6",  # published with one decimal, kept as written
            department_executed="58.95",
            project_evaluations=1,
            project_budget="1.44",
            project_executed="1.13",
            achievements=ACHIEVEMENTS,
            problems=PROBLEMS,
            improvements=IMPROVEMENTS,
            evaluations=(_department_evaluation(), _project_evaluation()),
        ),
        other_matters=(
            "因本单位政府采购预算为 0，本年度授予中小企业合同金额、授予小微企业合同金额为 0 万元。",
        ),
        statements=_statements(),
    )


def _function_tree() -> FunctionTree:
    """The 支出功能分类 lines the narrative names, with what it publishes of them.

    Published: the 一般公共预算 amounts of the two 类 (section 五（二）) and of
    the four 项 with their comparatives (section 五（三）). The 款 lines publish
    nothing; their amounts roll up from the 项.

    Inferred for the 支出决算表 (all funds): 本年支出合计 58.95 exceeds
    一般公共预算财政拨款支出 58.64 by 0.31, paid from non-fiscal carryover
    (年初结转和结余 3.76, of which 财政拨款 3.45). Basic expenditure shows the
    same gap (57.82 − 57.51 = 0.31) and project expenditure none (1.13 both),
    so the 0.31 is basic expenditure. It is placed on 2060101 行政运行, the
    line that carries the unit's running costs.
    """
    return FunctionTree(
        lines=(
            FunctionLine(
                "206", "科学技术支出", general_budget=FundAmounts(stated_expenditure="54.17")
            ),
            FunctionLine("20601", "科学技术管理事务"),
            FunctionLine(
                "2060101",
                "行政运行",
                expenditure=NatureAmounts(basic="53.35", project="0.00", stated_total="53.35"),
                general_budget=FundAmounts(
                    basic="53.04",
                    project="0.00",
                    stated_expenditure="53.04",
                    prior=PriorYear(
                        change="-6.47",
                        reason="提高资金使用效率压缩开支减少项目支出",
                    ),
                ),
            ),
            FunctionLine(
                "2060199",
                "其他科学技术管理事务支出",
                general_budget=FundAmounts(
                    stated_expenditure="0.00",
                    prior=PriorYear(change="-1.44", reason="减少人员补助经费开支"),
                ),
            ),
            FunctionLine("20607", "科学技术普及"),
            FunctionLine(
                "2060799",
                "其他科学技术普及支出",
                expenditure=NatureAmounts(basic="0.00", project="1.13", stated_total="1.13"),
                general_budget=FundAmounts(
                    basic="0.00",
                    project="1.13",
                    stated_expenditure="1.13",
                    prior=PriorYear(change="1.13", reason="新增开展科普工作人员经费支出"),
                ),
            ),
            FunctionLine(
                "208", "社会保障和就业支出", general_budget=FundAmounts(stated_expenditure="4.47")
            ),
            FunctionLine("20805", "行政事业单位养老支出"),
            FunctionLine(
                "2080505",
                "机关事业单位基本养老保险缴费支出",
                expenditure=NatureAmounts(basic="4.47", project="0.00", stated_total="4.47"),
                general_budget=FundAmounts(
                    basic="4.47",
                    project="0.00",
                    stated_expenditure="4.47",
                    prior=PriorYear(
                        change="-4.03",
                        reason="年初退休一人，当年社保缴费额减少",
                    ),
                ),
            ),
        ),
        # Section 五（三） discusses the 项 in this order, not in code order.
        narrative_order=("2060799", "2060101", "2080505", "2060199"),
    )


ACHIEVEMENTS = (
    "全面推进预算绩效管理落地，一方面提高预算透明度，进一步发挥财政资金使用效益；另一方面"
    "体现在提升了单位资金管理水平，细化了项目实施目标和整体绩效管理制度，加强了资金使用效率。"
)
PROBLEMS = (
    "一是对各项指标和指标值要进一步优化、完善，主要在细化、量化上改进。二是自评价工作还存在"
    "自我审定的局限性，会影响评价质量，容易造成问题的疏漏。对各项指标和指标值需要进一步优化、"
    "完善，主要在细化、量化上改进。三是缺少带着问题去评价的意识，在资产管理工作方面也有待加强。"
    "避免因为业务不熟练影响评价质量，容易造成问题等疏漏。"
)
IMPROVEMENTS = (
    "一是要求项目单位进一步完善设置相关工作绩效指标，确保项目达到预期的效益。二是完善项目管理"
    "制度，加强项目过程控制。具体项目自评情况附项目支出绩效自评表。三是加强人员培训，完善绩效"
    "评价监控的人员岗前培训及落实，不断提高绩效监控工作人员对预算绩效管理的思想认识和业务能力，"
    "进一步改进工作方式，提升工作水平和工作效率。具体项目自评情况附绩效自评表及自评报告。"
)


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
    *,
    basis: str | None = None,
) -> Indicator:
    """A numeric indicator as the seed's tables print it."""
    return Indicator(
        level1,
        level2,
        name,
        sign,
        target=target,
        unit=unit,
        basis=basis,
        actual=actual,
        weight=weight,
        score=score,
    )


def _department_evaluation() -> SelfEvaluation:
    """部门（单位）整体支出绩效目标自评表（2023 年度）, as published.

    Its completion statement gives 实际完成支出 58.96 万元 (57.82 + 1.13), while
    the funding block and 本年支出合计 say 58.95: kept as published.
    """

    return SelfEvaluation(
        kind=EvaluationKind.DEPARTMENT,
        name="科学技术协会",
        year=2023,
        funding=Funding(
            total=FundingRow("年度总资金", "96.41", "97.6", "58.95"),
            sources=(
                FundingRow("中央安排", "0", "20", "0"),
                FundingRow("自治区安排", "0", "16", "0"),
                FundingRow("地（州、市）安排", "0", "0", "0"),
                FundingRow("县（市、区）安排", "96.41", "61.6", "58.95"),
                FundingRow("其他资金", "0", "0", "0"),
            ),
            weight="10",
            stated_execution_rate="60.4",
            stated_score="6.04",
        ),
        goal=DEPARTMENT_GOAL,
        completion=DEPARTMENT_COMPLETION,
        completion_spending=CompletionSpending(total="58.96", basic="57.82", project="1.13"),
        indicators=(
            _indicator(
                "运行成本",
                "质量指标",
                "培训费下降率",
                Comparator.GE,
                "5",
                "%",
                "0",
                "8",
                "0",
                basis="工作计划",
            ),
            _indicator(
                "运行成本",
                "成本指标",
                "预算经费",
                Comparator.LE,
                "96.41",
                "万元",
                "58.95",
                "12",
                "7.25",
                basis="预算公开",
            ),
            _indicator(
                "管理效率",
                "质量指标",
                "项目支出预算执行率",
                Comparator.EQ,
                "100",
                "%",
                "3.01",
                "10",
                "0.3",
                basis="政策制度",
            ),
            _indicator(
                "管理效率",
                "质量指标",
                "国库集中支付率",
                Comparator.EQ,
                "100",
                "%",
                "100",
                "10",
                "10",
                basis="政策制度",
            ),
            _indicator(
                "履职效能",
                "数量指标",
                "科技之冬活动场次",
                Comparator.GE,
                "10",
                "场次",
                "10",
                "15",
                "15",
                basis="工作计划",
            ),
            _indicator(
                "履职效能",
                "数量指标",
                "组织各类科普活动场次",
                Comparator.GE,
                "15",
                "场次",
                "15",
                "10",
                "10",
                basis="工作计划",
            ),
            _indicator(
                "社会效益",
                "质量指标",
                "推广先进技术区域覆盖率",
                Comparator.GE,
                "95",
                "%",
                "95",
                "15",
                "15",
                basis="工作计划",
            ),
            _indicator(
                "服务对象满意度",
                "满意度指标",
                "受益人群满意度",
                Comparator.GE,
                "95",
                "%",
                "95",
                "10",
                "10",
                basis="十四五规划",
            ),
        ),
        stated_total_score="73.59",
    )


def _project_evaluation() -> SelfEvaluation:
    """项目支出绩效自评表（2023 年度）: 科普工作人员补助, as published."""

    return SelfEvaluation(
        kind=EvaluationKind.PROJECT,
        name="科普工作人员补助",
        department="科学技术协会",
        implementer="科学技术协会",
        year=2023,
        funding=Funding(
            total=FundingRow("年度资金总额", "1.44", "1.44", "1.13"),
            sources=(
                FundingRow("其中：当年财政拨款", "1.44", "1.44", "1.13"),
                FundingRow("其他资金", "0"),
            ),
            weight="10",
            stated_execution_rate="78.47",
            stated_score="7.85",
        ),
        goal=PROJECT_GOAL,
        completion=PROJECT_COMPLETION,
        completion_spending=CompletionSpending(total="1.13"),
        indicators=(
            _indicator(
                "产出指标", "数量指标", "发放人数", Comparator.GE, "1", "人", "1", "13", "13"
            ),
            _indicator(
                "产出指标", "数量指标", "发放次数", Comparator.EQ, "12", "次", "10", "10", "8.5"
            ),
            _indicator(
                "产出指标", "质量指标", "人员考核合格率", Comparator.EQ, "100", "%", "100", "7", "7"
            ),
            _indicator(
                "产出指标",
                "时效指标",
                "资金发放及时性",
                Comparator.EQ,
                "100",
                "%",
                "78.47",
                "10",
                "7.85",
            ),
            _indicator(
                "成本指标",
                "经济成本指标",
                "人均补助标准",
                Comparator.LE,
                "1200",
                "元/月",
                "1200",
                "20",
                "20",
            ),
            Indicator(
                "效益指标",
                "社会效益指标",
                "有效解决居民困难",
                Comparator.QUALITATIVE,
                target_text="有效",
                actual_text="有效",
                weight="20",
                score="20",
            ),
            _indicator(
                "满意度指标",
                "满意度指标",
                "受益群众满意度",
                Comparator.GE,
                "95",
                "%",
                "95",
                "10",
                "10",
            ),
        ),
        stated_total_score="94.20",
        stated_total_weight="100",
    )


DEPARTMENT_GOAL = (
    "在区委、区政府的领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大"
    "和历次全会精神。将自治区基层科普行动计划项目的资金，用于开展各类科普活动，计划开展组织各类"
    "科普活动约15场次，科技之冬活动约 10 场次，推广先进技术区域覆盖率达到 95%。重点实施基层科普"
    "计划，继续推进科普信息化进程，建立和完善联系服务科技工作者机制，协助有需求的企业建立院士专家"
    "工作站和企业科协，年度预算资金 96.41 万元。"
)
DEPARTMENT_COMPLETION = (
    "年度绩效目标实际完成支出 58.96 万元，其中行政运行支出 57.82 万元，项目支出 1.13 万元。\n"
    "2023 年“科技之冬”活动在我区共计开展 44 场次活动，活动覆盖 16 个乡（街），参与人数近 1500 人，"
    "覆盖五大重点人群；积极开展“全国科技活动周”“科普活动月”主题活动。覆盖11个乡（街），42 个"
    "社区（村），共约 3100 人；组织开展“全国科普日”主题活动共计 48 场次，参与人数达 5000 余人，"
    "发放各类科普宣传品 5000 余份；开展“智慧助老”、“防灾减灾”、“食品安全”主题宣传活动共计 29 "
    "场次；持续常态化的开展科普大篷车巡展及健康志愿服务科普活动共计 85 场次，发放科普宣传品近 2000 "
    "余份，参与人数达 6000 余人。"
)
PROJECT_GOAL = (
    "为确保科普工作扎根社区正常开展，我单位计划对下派的 1名干部发放个人补助，全年发放 12次，补助"
    "标准为每人每月 1200 元，提高科普宣传工作效率，有效帮助基层做好科普宣传工作，更好的服务群众。"
)
PROJECT_COMPLETION = (
    "截至12月 31日，本项目共计支出 1.13 万元，主要用于下派的 1 名干部发放个人补助，补助标准为每人"
    "每月 1200 元，通过项目实施，合理确定保障标准，提高科普工作效率，有效解决社会居民需求。"
)


def _statements() -> tuple[Statement, ...]:
    """第二部分 部门决算情况说明: what the narrative states, one statement per claim.

    In the order of the text; each place is the section as numbered (with its
    sub-part) and the sentence within it (a sentence ends at 。 or ；). The texts
    are the published clauses, line breaks removed (the extraction's spaces
    around figures kept). Figures the model has no address for (the vehicles of
    each use other than 其他用车, 退休一人, the 政府采购预算 0) are left out.
    """
    return (
        # 一、收入支出决算总体情况说明.
        YearStatement(2023, place=Place("一", 1), text="2023 年度"),
        AmountStatement(
            "income.grand_total", "58.95", place=Place("一", 1), text="收入总计 58.95 万元"
        ),
        AmountStatement(
            "income.sources.total", "55.19", place=Place("一", 1), text="本年收入合计55.19 万元"
        ),
        AmountStatement(
            "income.non_fiscal_balance_used",
            "0.00",
            place=Place("一", 1),
            text="使用非财政拨款结余 0.00 万元",
        ),
        AmountStatement(
            "income.opening_balance", "3.76", place=Place("一", 1), text="年初结转和结余 3.76 万元"
        ),
        YearStatement(2023, place=Place("一", 2), text="2023 年度"),
        AmountStatement(
            "expenditure.grand_total", "58.95", place=Place("一", 2), text="支出总计 58.95 万元"
        ),
        AmountStatement(
            "expenditure.nature.total", "58.95", place=Place("一", 2), text="本年支出合计58.95 万元"
        ),
        AmountStatement(
            "expenditure.surplus_distribution",
            "0.00",
            place=Place("一", 2),
            text="结余分配 0.00 万元",
        ),
        AmountStatement(
            "expenditure.closing_balance",
            "0.00",
            place=Place("一", 2),
            text="年末结转和结余 0.00 万元",
        ),
        ChangeStatement(
            "income.grand_total",
            "-14.45",
            place=Place("一", 3),
            text="收入支出总体与上年相比，减少 14.45 万元",
        ),
        GrowthStatement("income.grand_total", "-19.69", place=Place("一", 3), text="下降19.69%"),
        ReasonStatement(
            "income.grand_total",
            Against.PRIOR_YEAR,
            "财政提高资金使用效率压缩开支减少项目支出拨款",
            place=Place("一", 3),
        ),
        # 二、收入决算情况说明.
        AmountStatement(
            "income.sources.total", "55.19", place=Place("二", 1), text="本年收入 55.19 万元"
        ),
        AmountStatement(
            "income.sources.fiscal", "55.19", place=Place("二", 1), text="财政拨款收入 55.19 万元"
        ),
        ShareStatement(
            "income.sources.fiscal",
            "income.sources.total",
            "100.00",
            place=Place("二", 1),
            text="占 100.00%",
        ),
        AmountStatement(
            "income.sources.superior_subsidy",
            "0.00",
            place=Place("二", 2),
            text="上级补助收入 0.00 万元",
        ),
        ShareStatement(
            "income.sources.superior_subsidy",
            "income.sources.total",
            "0.00",
            place=Place("二", 2),
            text="占 0.00%",
        ),
        AmountStatement(
            "income.sources.service", "0.00", place=Place("二", 3), text="事业收入0.00 万元"
        ),
        ShareStatement(
            "income.sources.service",
            "income.sources.total",
            "0.00",
            place=Place("二", 3),
            text="占 0.00%",
        ),
        AmountStatement(
            "income.sources.business", "0.00", place=Place("二", 4), text="经营收入 0.00 万元"
        ),
        ShareStatement(
            "income.sources.business",
            "income.sources.total",
            "0.00",
            place=Place("二", 4),
            text="占 0.00%",
        ),
        AmountStatement(
            "income.sources.subordinate_remittance",
            "0.00",
            place=Place("二", 5),
            text="附属单位上缴收入 0.00 万元",
        ),
        ShareStatement(
            "income.sources.subordinate_remittance",
            "income.sources.total",
            "0.00",
            place=Place("二", 5),
            text="占 0.00%",
        ),
        AmountStatement(
            "income.sources.other", "0.00", place=Place("二", 6), text="其他收入 0.00 万元"
        ),
        ShareStatement(
            "income.sources.other",
            "income.sources.total",
            "0.00",
            place=Place("二", 6),
            text="占 0.00%",
        ),
        # 三、支出决算情况说明.
        AmountStatement(
            "expenditure.nature.total", "58.95", place=Place("三", 1), text="本年支出 58.95 万元"
        ),
        AmountStatement(
            "expenditure.nature.basic", "57.82", place=Place("三", 1), text="基本支出 57.82 万元"
        ),
        ShareStatement(
            "expenditure.nature.basic",
            "expenditure.nature.total",
            "98.08",
            place=Place("三", 1),
            text="占98.08%",
        ),
        AmountStatement(
            "expenditure.nature.project", "1.13", place=Place("三", 2), text="项目支出 1.13 万元"
        ),
        ShareStatement(
            "expenditure.nature.project",
            "expenditure.nature.total",
            "1.92",
            place=Place("三", 2),
            text="占 1.92%",
        ),
        AmountStatement(
            "expenditure.nature.remitted_to_superior",
            "0.00",
            place=Place("三", 3),
            text="上缴上级支出 0.00万元",
        ),
        ShareStatement(
            "expenditure.nature.remitted_to_superior",
            "expenditure.nature.total",
            "0.00",
            place=Place("三", 3),
            text="占 0.00%",
        ),
        AmountStatement(
            "expenditure.nature.business", "0.00", place=Place("三", 4), text="经营支出 0.00 万元"
        ),
        ShareStatement(
            "expenditure.nature.business",
            "expenditure.nature.total",
            "0.00",
            place=Place("三", 4),
            text="占 0.00%",
        ),
        AmountStatement(
            "expenditure.nature.subsidies_to_subordinates",
            "0.00",
            place=Place("三", 5),
            text="对附属单位补助支出 0.00 万元",
        ),
        ShareStatement(
            "expenditure.nature.subsidies_to_subordinates",
            "expenditure.nature.total",
            "0.00",
            place=Place("三", 5),
            text="占 0.00%",
        ),
        # 四、财政拨款收入支出决算总体情况说明.
        YearStatement(2023, place=Place("四", 1), text="2023 年度"),
        AmountStatement(
            "fiscal.income_grand_total",
            "58.64",
            place=Place("四", 1),
            text="财政拨款收入总计 58.64 万元",
        ),
        AmountStatement(
            "fiscal.opening", "3.45", place=Place("四", 1), text="年初财政拨款结转和结余 3.45 万元"
        ),
        AmountStatement(
            "fiscal.income", "55.19", place=Place("四", 1), text="本年财政拨款收入 55.19 万元"
        ),
        AmountStatement(
            "fiscal.expenditure_grand_total",
            "58.64",
            place=Place("四", 2),
            text="财政拨款支出总计 58.64 万元",
        ),
        AmountStatement(
            "fiscal.closing", "0.00", place=Place("四", 2), text="年末财政拨款结转和结余 0.00 万元"
        ),
        AmountStatement(
            "fiscal.expenditure", "58.64", place=Place("四", 2), text="本年财政拨款支出 58.64 万元"
        ),
        ChangeStatement(
            "fiscal.income_grand_total",
            "-14.45",
            place=Place("四", 3),
            text="财政拨款收入支出总体与上年相比,减少 14.45 万元",
        ),
        GrowthStatement(
            "fiscal.income_grand_total", "-19.77", place=Place("四", 3), text="下降 19.77%"
        ),
        ReasonStatement(
            "fiscal.income_grand_total",
            Against.PRIOR_YEAR,
            "财政提高资金使用效率压缩开支减少预算拨款",
            place=Place("四", 3),
        ),
        AmountStatement(
            "fiscal.budget.budget", "96.41", place=Place("四", 4), text="年初预算数 96.41 万元"
        ),
        AmountStatement(
            "fiscal.expenditure", "58.64", place=Place("四", 4), text="决算数 58.64 万元"
        ),
        BudgetStatement(
            "fiscal.expenditure",
            "fiscal.budget.budget",
            BudgetBasis.INITIAL,
            Measure.VARIANCE,
            "-39.18",
            place=Place("四", 4),
            text="预决算差异率-39.18%",
        ),
        ReasonStatement(
            "fiscal.expenditure",
            Against.INITIAL_BUDGET,
            "财政提高资金使用效率压缩开支减少项目支出拨款，科普项目支出未执行",
            place=Place("四", 4),
        ),
        # 五、一般公共预算财政拨款支出决算情况说明 （一）一般公共预算财政拨款支出决算总体情况.
        YearStatement(2023, place=Place("五（一）", 1), text="2023 年度"),
        AmountStatement(
            "fiscal.general_budget.expenditure",
            "58.64",
            place=Place("五（一）", 1),
            text="一般公共预算财政拨款支出 58.64 万元",
        ),
        ShareStatement(
            "fiscal.general_budget.expenditure",
            "expenditure.nature.total",
            "99.47",
            place=Place("五（一）", 1),
            text="占本年支出合计的 99.47%",
        ),
        ChangeStatement(
            "fiscal.general_budget.expenditure",
            "-10.81",
            place=Place("五（一）", 2),
            text="与上年相比，减少 10.81 万元",
        ),
        GrowthStatement(
            "fiscal.general_budget.expenditure",
            "-15.57",
            place=Place("五（一）", 2),
            text="下降15.57%",
        ),
        ReasonStatement(
            "fiscal.general_budget.expenditure",
            Against.PRIOR_YEAR,
            "财政提高资金使用效率压缩开支减少项目预算支出拨款",
            place=Place("五（一）", 2),
        ),
        AmountStatement(
            "fiscal.general_budget.budget.budget",
            "96.41",
            place=Place("五（一）", 3),
            text="年初预算数 96.41 万元",
        ),
        AmountStatement(
            "fiscal.general_budget.expenditure",
            "58.64",
            place=Place("五（一）", 3),
            text="决算数 58.64 万元",
        ),
        BudgetStatement(
            "fiscal.general_budget.expenditure",
            "fiscal.general_budget.budget.budget",
            BudgetBasis.INITIAL,
            Measure.VARIANCE,
            "-39.18",
            place=Place("五（一）", 3),
            text="预决算差异率-39.18%",
        ),
        ReasonStatement(
            "fiscal.general_budget.expenditure",
            Against.INITIAL_BUDGET,
            "财政提高资金使用效率压缩开支减少项目支出拨款",
            place=Place("五（一）", 3),
        ),
        # 五（二）一般公共预算财政拨款支出决算结构情况.
        AmountStatement(
            "functions[206].general_budget.expenditure",
            "54.17",
            place=Place("五（二）", 1),
            text="科学技术支出（类）54.17 万元",
        ),
        ShareStatement(
            "functions[206].general_budget.expenditure",
            "fiscal.general_budget.expenditure",
            "92.38",
            place=Place("五（二）", 1),
            text="占 92.38%",
        ),
        AmountStatement(
            "functions[208].general_budget.expenditure",
            "4.47",
            place=Place("五（二）", 2),
            text="社会保障和就业支出（类）4.47 万元",
        ),
        ShareStatement(
            "functions[208].general_budget.expenditure",
            "fiscal.general_budget.expenditure",
            "7.62",
            place=Place("五（二）", 2),
            text="占 7.62%",
        ),
        # 五（三）一般公共预算财政拨款支出决算具体情况 (items 1. to 4.).
        AmountStatement(
            "functions[2060799].general_budget.expenditure",
            "1.13",
            place=Place("五（三）", 1),
            text="支出决算数为 1.13 万元",
        ),
        ChangeStatement(
            "functions[2060799].general_budget.expenditure",
            "1.13",
            place=Place("五（三）", 1),
            text="比上年决算增加 1.13 万元",
        ),
        GrowthStatement(
            "functions[2060799].general_budget.expenditure",
            "100",
            place=Place("五（三）", 1),
            text="增长 100%",
        ),
        ReasonStatement(
            "functions[2060799].general_budget.expenditure",
            Against.PRIOR_YEAR,
            "新增开展科普工作人员经费支出",
            place=Place("五（三）", 1),
        ),
        AmountStatement(
            "functions[2060101].general_budget.expenditure",
            "53.04",
            place=Place("五（三）", 2),
            text="支出决算数为 53.04 万元",
        ),
        ChangeStatement(
            "functions[2060101].general_budget.expenditure",
            "-6.47",
            place=Place("五（三）", 2),
            text="比上年决算减少 6.47万元",
        ),
        GrowthStatement(
            "functions[2060101].general_budget.expenditure",
            "-10.87",
            place=Place("五（三）", 2),
            text="下降 10.87%",
        ),
        ReasonStatement(
            "functions[2060101].general_budget.expenditure",
            Against.PRIOR_YEAR,
            "提高资金使用效率压缩开支减少项目支出",
            place=Place("五（三）", 2),
        ),
        AmountStatement(
            "functions[2080505].general_budget.expenditure",
            "4.47",
            place=Place("五（三）", 3),
            text="支出决算数为 4.47 万元",
        ),
        ChangeStatement(
            "functions[2080505].general_budget.expenditure",
            "-4.03",
            place=Place("五（三）", 3),
            text="比上年决算减少 4.03 万元",
        ),
        GrowthStatement(
            "functions[2080505].general_budget.expenditure",
            "-47.41",
            place=Place("五（三）", 3),
            text="下降 47.41%",
        ),
        ReasonStatement(
            "functions[2080505].general_budget.expenditure",
            Against.PRIOR_YEAR,
            "年初退休一人，当年社保缴费额减少",
            place=Place("五（三）", 3),
        ),
        AmountStatement(
            "functions[2060199].general_budget.expenditure",
            "0.00",
            place=Place("五（三）", 4),
            text="支出决算数为 0.00 万元",
        ),
        ChangeStatement(
            "functions[2060199].general_budget.expenditure",
            "-1.44",
            place=Place("五（三）", 4),
            text="比上年决算减少 1.44 万元",
        ),
        GrowthStatement(
            "functions[2060199].general_budget.expenditure",
            "-100",
            place=Place("五（三）", 4),
            text="下降 100%",
        ),
        ReasonStatement(
            "functions[2060199].general_budget.expenditure",
            Against.PRIOR_YEAR,
            "减少人员补助经费开支",
            place=Place("五（三）", 4),
        ),
        # 六、一般公共预算财政拨款基本支出决算情况说明.
        YearStatement(2023, place=Place("六", 1), text="2023 年度"),
        AmountStatement(
            "general_budget_basic.total",
            "57.51",
            place=Place("六", 1),
            text="一般公共预算财政拨款基本支出 57.51 万元",
        ),
        AmountStatement(
            "general_budget_basic.personnel",
            "52.52",
            place=Place("六", 1),
            text="人员经费 52.52 万元",
        ),
        AmountStatement(
            "general_budget_basic.public", "4.99", place=Place("六", 2), text="公用经费 4.99 万元"
        ),
        # 七、财政拨款“三公”经费支出决算情况说明.
        YearStatement(2023, place=Place("七", 1), text="2023 年度"),
        AmountStatement(
            "three_public.total.amount",
            "0.00",
            place=Place("七", 1),
            text="财政拨款“三公”经费支出 0.00 万元",
        ),
        ChangeStatement(
            "three_public.total.amount", "0.00", place=Place("七", 1), text="比上年增加 0.00 万元"
        ),
        GrowthStatement(
            "three_public.total.amount", "0.00", place=Place("七", 1), text="增长 0.00%"
        ),
        ReasonStatement(
            "three_public.total.amount", Against.PRIOR_YEAR, NO_SPENDING, place=Place("七", 1)
        ),
        # The 无 clause of the reason above, as a statement of its own (so in sentences 2 to 4).
        NoneStatement("three_public.total_final", place=Place("七", 1), text="本年无此项支出"),
        AmountStatement(
            "three_public.overseas.amount",
            "0.00",
            place=Place("七", 2),
            text="因公出国（境）费支出 0.00 万元",
        ),
        ShareStatement(
            "three_public.overseas.amount",
            "three_public.total.amount",
            "0.00",
            place=Place("七", 2),
            text="占 0.00%",
        ),
        ChangeStatement(
            "three_public.overseas.amount",
            "0.00",
            place=Place("七", 2),
            text="比上年增加 0.00 万元",
        ),
        GrowthStatement(
            "three_public.overseas.amount", "0.00", place=Place("七", 2), text="增长 0.00%"
        ),
        ReasonStatement(
            "three_public.overseas.amount", Against.PRIOR_YEAR, NO_SPENDING, place=Place("七", 2)
        ),
        NoneStatement("three_public.overseas.amount", place=Place("七", 2), text="本年无此项支出"),
        AmountStatement(
            "three_public.vehicles.amount",
            "0.00",
            place=Place("七", 3),
            text="公务用车购置及运行维护费支出 0.00 万元",
        ),
        ShareStatement(
            "three_public.vehicles.amount",
            "three_public.total.amount",
            "0.00",
            place=Place("七", 3),
            text="占 0.00%",
        ),
        ChangeStatement(
            "three_public.vehicles.amount",
            "0.00",
            place=Place("七", 3),
            text="比上年增加 0.00 万元",
        ),
        GrowthStatement(
            "three_public.vehicles.amount", "0.00", place=Place("七", 3), text="增长 0.00%"
        ),
        ReasonStatement(
            "three_public.vehicles.amount", Against.PRIOR_YEAR, NO_SPENDING, place=Place("七", 3)
        ),
        NoneStatement("three_public.vehicles_final", place=Place("七", 3), text="本年无此项支出"),
        AmountStatement(
            "three_public.reception.amount",
            "0.00",
            place=Place("七", 4),
            text="公务接待费支出 0.00 万元",
        ),
        ShareStatement(
            "three_public.reception.amount",
            "three_public.total.amount",
            "0.00",
            place=Place("七", 4),
            text="占 0.00%",
        ),
        ChangeStatement(
            "three_public.reception.amount",
            "0.00",
            place=Place("七", 4),
            text="比上年增加0.00 万元",
        ),
        GrowthStatement(
            "three_public.reception.amount", "0.00", place=Place("七", 4), text="增长 0.00%"
        ),
        ReasonStatement(
            "three_public.reception.amount", Against.PRIOR_YEAR, NO_SPENDING, place=Place("七", 4)
        ),
        NoneStatement("three_public.reception.amount", place=Place("七", 4), text="本年无此项支出"),
        AmountStatement(
            "three_public.overseas.amount",
            "0.00",
            place=Place("七", 5),
            text="因公出国（境）费支出 0.00 万元",
        ),
        NoneStatement(
            "three_public.overseas.amount",
            place=Place("七", 5),
            text="本年单位无因公出国（境）费支出",
        ),
        CountStatement(
            "three_public.overseas_groups", 0, place=Place("七", 6), text="因公出国（境）团组 0 个"
        ),
        CountStatement(
            "three_public.overseas_persons", 0, place=Place("七", 6), text="因公出国（境）0 人次"
        ),
        AmountStatement(
            "three_public.vehicles.amount",
            "0.00",
            place=Place("七", 7),
            text="公务用车购置及运行维护费 0.00 万元",
        ),
        AmountStatement(
            "three_public.vehicle_purchase.amount",
            "0.00",
            place=Place("七", 7),
            text="公务用车购置费 0.00 万元",
        ),
        AmountStatement(
            "three_public.vehicle_operation.amount",
            "0.00",
            place=Place("七", 7),
            text="公务用车运行维护费 0.00 万元",
        ),
        CountStatement(
            "three_public.vehicles_purchased", 0, place=Place("七", 9), text="公务用车购置数 0 辆"
        ),
        CountStatement(
            "three_public.vehicles_held", 0, place=Place("七", 9), text="公务用车保有量 0 辆"
        ),
        CountStatement(
            "assets.vehicle_count",
            1,
            place=Place("七", 10),
            text="国有资产占用情况中固定资产车辆 1 辆",
        ),
        AmountStatement(
            "three_public.reception.amount",
            "0.00",
            place=Place("七", 11),
            text="公务接待费 0.00 万元",
        ),
        NoneStatement(
            "three_public.reception.amount", place=Place("七", 11), text="本年无此项支出"
        ),
        CountStatement(
            "three_public.reception_batches", 0, place=Place("七", 12), text="国内公务接待 0 批次"
        ),
        CountStatement("three_public.reception_persons", 0, place=Place("七", 12), text="0 人次"),
        AmountStatement(
            "three_public.total.budget.budget",
            "0.00",
            place=Place("七", 13),
            text="财政拨款“三公”经费支出全年预算数 0.00 万元",
        ),
        AmountStatement(
            "three_public.total.amount", "0.00", place=Place("七", 13), text="决算数 0.00 万元"
        ),
        BudgetStatement(
            "three_public.total.amount",
            "three_public.total.budget.budget",
            BudgetBasis.FULL_YEAR,
            Measure.VARIANCE,
            "0.00",
            place=Place("七", 13),
            text="预决算差异率 0.00%",
        ),
        ReasonStatement(
            "three_public.total.amount",
            Against.FULL_YEAR_BUDGET,
            NOT_BUDGETED,
            place=Place("七", 13),
        ),
        AmountStatement(
            "three_public.overseas.budget.budget",
            "0.00",
            place=Place("七", 14),
            text="因公出国（境）费全年预算数 0.00 万元",
        ),
        AmountStatement(
            "three_public.overseas.amount", "0.00", place=Place("七", 14), text="决算数 0.00 万元"
        ),
        BudgetStatement(
            "three_public.overseas.amount",
            "three_public.overseas.budget.budget",
            BudgetBasis.FULL_YEAR,
            Measure.VARIANCE,
            "0.00",
            place=Place("七", 14),
            text="预决算差异率0.00%",
        ),
        ReasonStatement(
            "three_public.overseas.amount",
            Against.FULL_YEAR_BUDGET,
            NOT_BUDGETED,
            place=Place("七", 14),
        ),
        AmountStatement(
            "three_public.vehicle_purchase.budget.budget",
            "0.00",
            place=Place("七", 15),
            text="公务用车购置费全年预算数 0.00 万元",
        ),
        AmountStatement(
            "three_public.vehicle_purchase.amount",
            "0.00",
            place=Place("七", 15),
            text="决算数 0.00 万元",
        ),
        BudgetStatement(
            "three_public.vehicle_purchase.amount",
            "three_public.vehicle_purchase.budget.budget",
            BudgetBasis.FULL_YEAR,
            Measure.VARIANCE,
            "0.00",
            place=Place("七", 15),
            text="预决算差异率 0.00%",
        ),
        ReasonStatement(
            "three_public.vehicle_purchase.amount",
            Against.FULL_YEAR_BUDGET,
            NOT_BUDGETED,
            place=Place("七", 15),
        ),
        AmountStatement(
            "three_public.vehicle_operation.budget.budget",
            "0.00",
            place=Place("七", 16),
            text="公务用车运行费全年预算数 0.00 万元",
        ),
        AmountStatement(
            "three_public.vehicle_operation.amount",
            "0.00",
            place=Place("七", 16),
            text="决算数 0.00 万元",
        ),
        BudgetStatement(
            "three_public.vehicle_operation.amount",
            "three_public.vehicle_operation.budget.budget",
            BudgetBasis.FULL_YEAR,
            Measure.VARIANCE,
            "0.00",
            place=Place("七", 16),
            text="预决算差异率 0.00%",
        ),
        ReasonStatement(
            "three_public.vehicle_operation.amount",
            Against.FULL_YEAR_BUDGET,
            NOT_BUDGETED,
            place=Place("七", 16),
        ),
        AmountStatement(
            "three_public.reception.budget.budget",
            "0.00",
            place=Place("七", 17),
            text="公务接待费全年预算数 0.00 万元",
        ),
        AmountStatement(
            "three_public.reception.amount", "0.00", place=Place("七", 17), text="决算数 0.00 万元"
        ),
        BudgetStatement(
            "three_public.reception.amount",
            "three_public.reception.budget.budget",
            BudgetBasis.FULL_YEAR,
            Measure.VARIANCE,
            "0.00",
            place=Place("七", 17),
            text="预决算差异率 0.00%",
        ),
        ReasonStatement(
            "three_public.reception.amount",
            Against.FULL_YEAR_BUDGET,
            NOT_BUDGETED,
            place=Place("七", 17),
        ),
        # 八、政府性基金预算财政拨款收入支出决算情况说明.
        NoneStatement(
            "fiscal.government_fund",
            place=Place("八", 1),
            text="本年度无政府性基金预算财政拨款收入、支出及结转和结余",
        ),
        # 九、国有资本经营预算财政拨款收入支出决算情况说明.
        NoneStatement(
            "fiscal.state_capital",
            place=Place("九", 1),
            text="本年度无国有资本经营预算财政拨款收入、支出及结转和结余",
        ),
        # 十、其他重要事项的情况说明 （一）机关运行经费支出情况.
        YearStatement(2023, place=Place("十（一）", 1), text="2023 年度"),
        AmountStatement(
            "operating_costs.amount",
            "4.99",
            place=Place("十（一）", 1),
            text="机关运行经费支出 4.99 万元",
        ),
        ChangeStatement(
            "operating_costs.amount",
            "2.72",
            place=Place("十（一）", 1),
            text="比上年增加 2.72 万元",
        ),
        GrowthStatement(
            "operating_costs.amount", "119.82", place=Place("十（一）", 1), text="增长 119.82%"
        ),
        ReasonStatement(
            "operating_costs.amount",
            Against.PRIOR_YEAR,
            "科普用其他办公设备材料支出增加",
            place=Place("十（一）", 1),
        ),
        # 十（二）政府采购情况.
        YearStatement(2023, place=Place("十（二）", 1), text="2023 年度"),
        AmountStatement(
            "procurement.total",
            "0.00",
            place=Place("十（二）", 1),
            text="政府采购支出总额 0.00 万元",
        ),
        AmountStatement(
            "procurement.goods",
            "0.00",
            place=Place("十（二）", 1),
            text="政府采购货物支出 0.00 万元",
        ),
        AmountStatement(
            "procurement.works",
            "0.00",
            place=Place("十（二）", 1),
            text="政府采购工程支出 0.00 万元",
        ),
        AmountStatement(
            "procurement.services",
            "0.00",
            place=Place("十（二）", 1),
            text="政府采购服务支出 0.00 万元",
        ),
        AmountStatement(
            "procurement.sme_contracts",
            "0.00",
            place=Place("十（二）", 2),
            text="授予中小企业合同金额 0.00 万元",
        ),
        ShareStatement(
            "procurement.sme_contracts",
            "procurement.total",
            "0.00",
            place=Place("十（二）", 2),
            text="占政府采购支出总额的 0.00%",
        ),
        AmountStatement(
            "procurement.small_micro_contracts",
            "0.00",
            place=Place("十（二）", 2),
            text="授予小微企业合同金额 0.00 万元",
        ),
        ShareStatement(
            "procurement.small_micro_contracts",
            "procurement.total",
            "0.00",
            place=Place("十（二）", 2),
            text="占政府采购支出总额的 0.00%",
        ),
        # 十（三）国有资产占用情况说明.
        DateStatement(
            "assets",
            datetime.date(2023, 12, 31),
            place=Place("十（三）", 1),
            text="截至 2023 年 12 月 31 日",
        ),
        AmountStatement(
            "assets.fixed_assets_original_value",
            "132.42",
            place=Place("十（三）", 1),
            text="固定资产原值 132.42 万元",
        ),
        # In 平方米, the unit of assets.building_area, as printed.
        AmountStatement(
            "assets.building_area", "0.00", place=Place("十（三）", 1), text="房屋 0.00 平方米"
        ),
        AmountStatement(
            "assets.building_value", "0.00", place=Place("十（三）", 1), text="价值 0.00 万元"
        ),
        CountStatement("assets.vehicle_count", 1, place=Place("十（三）", 2), text="车辆 1 辆"),
        AmountStatement(
            "assets.vehicle_value", "24.46", place=Place("十（三）", 2), text="价值 24.46万元"
        ),
        *(
            CountStatement(
                f"assets.vehicles[{use.value}].count",
                0,
                place=Place("十（三）", 2),
                text=f"{use.value} 0 辆",
            )
            for use in list(VehicleUse)[:-1]
        ),
        CountStatement(
            "assets.vehicles[其他用车].count", 1, place=Place("十（三）", 2), text="其他用车 1 辆"
        ),
        CountStatement(
            "assets.large_equipment",
            0,
            place=Place("十（三）", 3),
            text="单价 100 万元（含）以上设备（不含车辆）0 台（套）",
        ),
        # 十一、预算绩效的情况说明 (its sentences 3 to 14 print no figure).
        YearStatement(2023, place=Place("十一", 1), text="2023 年度"),
        CountStatement(
            "performance.department_evaluations",
            1,
            place=Place("十一", 1),
            text="整体支出绩效自评表 1 个",
        ),
        AmountStatement(
            "performance.department_budget",
            "97.6",
            place=Place("十一", 1),
            text="全年预算总额 97.6 万元",
        ),
        AmountStatement(
            "performance.department_executed",
            "58.95",
            place=Place("十一", 1),
            text="实际执行总额 58.95 万元",
        ),
        CountStatement(
            "performance.project_evaluations",
            1,
            place=Place("十一", 2),
            text="预算绩效评价项目 1 个",
        ),
        AmountStatement(
            "performance.project_budget",
            "1.44",
            place=Place("十一", 2),
            text="全年预算数 1.44 万元",
        ),
        AmountStatement(
            "performance.project_executed",
            "1.13",
            place=Place("十一", 2),
            text="全年执行数 1.13 万元",
        ),
        # 十二、其他需说明的事项 (after the two 绩效自评表).
        AmountStatement(
            "procurement.sme_contracts",
            "0",
            place=Place("十二", 1),
            text="授予中小企业合同金额、授予小微企业合同金额为 0 万元",
        ),
        AmountStatement(
            "procurement.small_micro_contracts",
            "0",
            place=Place("十二", 1),
            text="授予中小企业合同金额、授予小微企业合同金额为 0 万元",
        ),
    )
