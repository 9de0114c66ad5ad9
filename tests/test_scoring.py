"""The scoring policy of self-evaluation tables (govfinal.scoring).

Table-driven tests of :class:`StandardPolicy` with hand arithmetic, the
defaults of :class:`BasePolicy`, custom policies plugged into the checks, and
Hypothesis properties of generated tables. The strategies for tables live
here: they are only used here.
"""

from __future__ import annotations

import decimal
import itertools
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kexie_2023 import build_report

from govfinal import (
    Achievement,
    CheckOptions,
    Comparator,
    EvaluationKind,
    FinalAccount,
    Funding,
    FundingRow,
    Grade,
    GradeBands,
    Indicator,
    ScoringPolicy,
    SelfEvaluation,
    StandardPolicy,
    check,
)
from govfinal.scoring import BasePolicy, Explanation, ScoreBand, round_score
from tests.checks.base import base_report

D = Decimal
POLICY = StandardPolicy()
SEED = build_report()

# Independent exact arithmetic for expected values: any rounding is an error.
_EXACT = decimal.Context(prec=200, traps=[decimal.Inexact, decimal.Rounded])


def _numeric(comparator: Comparator, target: str, actual: str, weight: str = "10") -> Indicator:
    return Indicator(
        "产出指标",
        "数量指标",
        "指标",
        comparator,
        target=target,
        actual=actual,
        weight=weight,
    )


def _qualitative(
    weight: str = "20",
    *,
    score: str | None = None,
    achievement: Achievement | None = None,
    target_text: str | None = "有效",
    actual_text: str | None = "有效",
) -> Indicator:
    return Indicator(
        "效益指标",
        "社会效益指标",
        "定性指标",
        Comparator.QUALITATIVE,
        weight=weight,
        score=score,
        achievement=achievement,
        target_text=target_text,
        actual_text=actual_text,
    )


def _funding(budget: str | None, executed: str | None, weight: str = "10") -> Funding:
    return Funding(FundingRow("年度总资金", budget, budget, executed), weight=weight)


# -- numeric indicators ------------------------------------------------------------

GE, GT, EQ, LE, LT = Comparator.GE, Comparator.GT, Comparator.EQ, Comparator.LE, Comparator.LT


@pytest.mark.parametrize(
    ("comparator", "target", "actual", "weight", "expected"),
    [
        # Positive, met: the full weight.
        (GE, "10", "12", "10", "10"),
        (GE, "10", "10", "10", "10"),
        (GT, "5", "6", "10", "10"),
        (EQ, "100", "100", "10", "10"),
        # Positive, missed: weight × actual ÷ target.
        (GE, "80", "60", "30", "22.5"),  # 30 × 60 ÷ 80
        (GE, "40", "32", "30", "24"),  # 30 × 32 ÷ 40
        (GE, "5", "0", "8", "0"),
        (EQ, "100", "78.47", "10", "7.847"),  # the seed's 资金发放及时性
        # ">" at the target itself is missed, but actual ÷ target = 1 gives the weight.
        (GT, "5", "5", "10", "10"),
        # "=" overshot: actual ÷ target > 1 is capped at the weight.
        (EQ, "100", "120", "10", "10"),
        (EQ, "12", "13", "10", "10"),
        # A negative actual scores 0, never below.
        (GE, "10", "-5", "10", "0"),
        # Reverse, met: the full weight ("<" at the target: no overshoot, the weight).
        (LE, "96.41", "58.95", "12", "12"),  # the seed's 预算经费
        (LE, "100", "100", "10", "10"),
        (LT, "100", "99", "10", "10"),
        (LT, "100", "100", "10", "10"),
        # Reverse, missed: weight × (1 − (actual − target) ÷ target).
        (LE, "100", "150", "10", "5"),  # 1.5 × the target: half the weight
        (LE, "2000", "2500", "20", "15"),  # 20 × (1 − 500 ÷ 2000)
        (LE, "100", "200", "10", "0"),  # 2 × the target: 0
        (LE, "100", "300", "10", "0"),  # beyond: still 0
        # Zero targets: met scores the weight; missed scores 0 (no division by zero).
        (GE, "0", "0", "10", "10"),
        (GE, "0", "-1", "10", "0"),
        (EQ, "0", "0", "10", "10"),
        (EQ, "0", "5", "10", "0"),
        (LE, "0", "0", "10", "10"),
        (LE, "0", "1", "10", "0"),
        (LT, "0", "0", "10", "0"),
    ],
)
def test_numeric_scores(
    comparator: Comparator, target: str, actual: str, weight: str, expected: str
) -> None:
    score = POLICY.numeric_score(comparator, D(target), D(actual), D(weight))
    assert score == D(expected)
    band = POLICY.indicator_score(_numeric(comparator, target, actual, weight))
    assert band == ScoreBand(score, score, score)


def test_the_seeds_visits_score_rounds_to_8_33() -> None:
    # 10 × 10 ÷ 12 = 8.333…, rounded half-up to 8.33.
    score = POLICY.numeric_score(EQ, D(12), D(10), D(10))
    assert round_score(score) == D("8.33")


def test_reverse_zero_point_is_configurable() -> None:
    # Zero at 3 × the target: 1.5 × the target overshoots by 0.5 of the span 2, so 10 × 0.75.
    policy = StandardPolicy(reverse_zero_at=3)
    assert policy.numeric_score(LE, D(100), D(150), D(10)) == D("7.5")
    assert policy.numeric_score(LE, D(100), D(300), D(10)) == D(0)


def test_a_numeric_indicator_without_an_actual_cannot_be_scored() -> None:
    indicator = attrs.evolve(_numeric(GE, "10", "10"), actual=None)
    assert POLICY.indicator_score(indicator) is None


# -- qualitative indicators ---------------------------------------------------------


@pytest.mark.parametrize(
    ("achievement", "low", "high"),
    [
        (Achievement.ACHIEVED, "16", "20"),  # 80–100 % of 20
        (Achievement.PARTLY, "12", "16"),  # 60–80 %
        (Achievement.NOT_ACHIEVED, "0", "12"),  # 0–60 %
    ],
)
def test_qualitative_bands(achievement: Achievement, low: str, high: str) -> None:
    band = POLICY.indicator_score(_qualitative(achievement=achievement))
    assert band is not None
    assert (band.low, band.high) == (D(low), D(high))
    # Without a stated score the policy counts the top of the band.
    assert band.point == D(high)
    assert band.accepts(D(low)) and band.accepts(D(high))
    assert not band.accepts(D(high) + D("0.01"))


def test_a_stated_score_in_the_band_is_the_policys_point() -> None:
    inside = POLICY.indicator_score(_qualitative(score="18"))
    outside = POLICY.indicator_score(_qualitative(score="15"))
    assert inside is not None and inside.point == D(18)
    assert outside is not None and outside.point == D(20)


@pytest.mark.parametrize(
    ("target_text", "actual_text", "achievement", "judged"),
    [
        ("有效", "有效", None, Achievement.ACHIEVED),
        ("有效", " 有效 ", None, Achievement.ACHIEVED),
        ("有效", "部分有效", None, None),
        ("有效", "部分有效", Achievement.PARTLY, Achievement.PARTLY),
        ("有效", "有效", Achievement.NOT_ACHIEVED, Achievement.NOT_ACHIEVED),
        (None, "有效", None, None),
    ],
)
def test_judged_achievement(
    target_text: str | None,
    actual_text: str | None,
    achievement: Achievement | None,
    judged: Achievement | None,
) -> None:
    indicator = _qualitative(
        achievement=achievement, target_text=target_text, actual_text=actual_text
    )
    assert indicator.judged_achievement is judged
    assert (POLICY.indicator_score(indicator) is None) is (judged is None)


# -- execution ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "executed", "weight", "expected"),
    [
        ("100", "80", "10", "8"),
        ("10.00", "8.00", "10", "8"),
        ("100", "100", "10", "10"),
        ("100", "120", "10", "10"),  # overspent: capped at the weight
        ("0", "0", "10", "0"),  # zero base, nothing spent: 0 %
        ("0", "5", "10", "10"),  # zero base, something spent: 100 %
        ("100", "0", "10", "0"),  # nothing spent: 0 (a negative 执行数 is refused by the model)
        ("200", "50", "20", "5"),
    ],
)
def test_execution_scores(budget: str, executed: str, weight: str, expected: str) -> None:
    assert POLICY.execution_score(_funding(budget, executed, weight)) == D(expected)


def test_the_seeds_execution_scores() -> None:
    # 10 × 58.95 ÷ 97.6 = 6.0399 → 6.04; 10 × 1.13 ÷ 1.44 = 7.847 → 7.85.
    department, project = SEED.performance.evaluations
    assert round_score(POLICY.execution_score(department.funding) or D(-1)) == D("6.04")
    assert round_score(POLICY.execution_score(project.funding) or D(-1)) == D("7.85")


def test_execution_needs_both_amounts() -> None:
    assert POLICY.execution_score(_funding("100", None)) is None
    assert POLICY.execution_score(_funding(None, "100")) is None


# -- totals and grades -----------------------------------------------------------------


def test_the_seeds_policy_totals() -> None:
    # 6.04 + 0 + 12 + 0.30 + 10 + 15 + 10 + 15 + 10 = 78.34;
    # 7.85 + 13 + 8.33 + 7 + 7.85 + 20 + 20 + 10 = 94.03.
    department, project = SEED.performance.evaluations
    assert POLICY.total(department) == D("78.34")
    assert POLICY.total(project) == D("94.03")


def test_a_total_needs_every_item_scored() -> None:
    _department, project = SEED.performance.evaluations
    unjudged = attrs.evolve(project.indicators[5], actual_text="部分有效")
    indicators = (*project.indicators[:5], unjudged, *project.indicators[6:])
    assert POLICY.total(attrs.evolve(project, indicators=indicators)) is None
    unexecuted = attrs.evolve(project.funding, total=FundingRow("年度资金总额", "1.44", "1.44"))
    assert POLICY.total(attrs.evolve(project, funding=unexecuted)) is None


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("100", Grade.EXCELLENT),
        ("90", Grade.EXCELLENT),
        ("89.99", Grade.GOOD),
        ("80", Grade.GOOD),
        ("79.99", Grade.FAIR),
        ("73.59", Grade.FAIR),
        ("60", Grade.FAIR),
        ("59.99", Grade.POOR),
        ("0", Grade.POOR),
    ],
)
def test_default_grade_bands(total: str, grade: Grade) -> None:
    assert POLICY.grade(D(total)) is grade
    assert GradeBands().grade(D(total)) is grade


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("85", Grade.EXCELLENT),
        ("84.99", Grade.GOOD),
        ("70", Grade.GOOD),
        ("69.99", Grade.FAIR),
        ("50", Grade.FAIR),
        ("49.99", Grade.POOR),
    ],
)
def test_custom_grade_bands(total: str, grade: Grade) -> None:
    policy = StandardPolicy(grades=GradeBands(excellent=85, good=70, fair="50"))
    assert policy.grade(D(total)) is grade


@pytest.mark.parametrize(
    ("value", "rounded"),
    [("8.3333", "8.33"), ("8.335", "8.34"), ("8.3349", "8.33"), ("0.301", "0.30"), ("12", "12.00")],
)
def test_round_score_is_half_up_to_a_hundredth(value: str, rounded: str) -> None:
    assert str(round_score(D(value))) == rounded


# -- a policy of one's own -------------------------------------------------------------


@attrs.frozen
class LenientPolicy(BasePolicy):
    """Any indicator score between 0 and the weight; execution and grades as standard."""

    def execution_score(self, funding: Funding) -> Decimal | None:
        return POLICY.execution_score(funding)

    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        return ScoreBand(D(0), indicator.weight, indicator.weight)

    def grade(self, total: Decimal) -> Grade:
        return GradeBands().grade(total)


@attrs.frozen
class FullMarksPolicy(BasePolicy):
    """Every indicator deserves its full weight."""

    def execution_score(self, funding: Funding) -> Decimal | None:
        return funding.weight

    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        return ScoreBand(indicator.weight, indicator.weight, indicator.weight)

    def grade(self, total: Decimal) -> Grade:
        return Grade.EXCELLENT


@attrs.frozen
class NoTotalPolicy(FullMarksPolicy):
    """Full marks, but no total of its own."""

    def total(self, evaluation: SelfEvaluation) -> Decimal | None:
        return None


@attrs.frozen
class PlainStandard(BasePolicy):
    """StandardPolicy's three scoring methods, and the base class's defaults for the rest."""

    def execution_score(self, funding: Funding) -> Decimal | None:
        return POLICY.execution_score(funding)

    def indicator_score(self, indicator: Indicator) -> ScoreBand | None:
        return POLICY.indicator_score(indicator)

    def grade(self, total: Decimal) -> Grade:
        return POLICY.grade(total)


def _findings(code: str, policy: ScoringPolicy, report: FinalAccount = SEED) -> list[str]:
    options = CheckOptions(scoring=policy)
    return [f.path for f in check(report, options=options) if f.code == code]


DEPT = "performance.evaluations[科学技术协会]"
PROJECT = "performance.evaluations[科普工作人员补助]"


def test_a_custom_policy_changes_the_score_warnings() -> None:
    # The standard policy questions 预算经费 (12, not 7.25) and 发放次数 (8.33, not 8.5).
    assert _findings("S803", POLICY) == [
        f"{DEPT}.indicators[预算经费].score",
        f"{PROJECT}.indicators[发放次数].score",
    ]
    # A lenient policy accepts every score within its weight.
    assert _findings("S803", LenientPolicy()) == []
    # A full-marks policy questions every score below the weight: 培训费下降率 0 of 8,
    # 预算经费 7.25 of 12, 项目支出预算执行率 0.3 of 10; 发放次数 8.5 of 10,
    # 资金发放及时性 7.85 of 10; and both execution scores (6.04 and 7.85 of 10).
    assert _findings("S803", FullMarksPolicy()) == [
        f"{DEPT}.indicators[培训费下降率].score",
        f"{DEPT}.indicators[预算经费].score",
        f"{DEPT}.indicators[项目支出预算执行率].score",
        f"{PROJECT}.indicators[发放次数].score",
        f"{PROJECT}.indicators[资金发放及时性].score",
    ]
    assert _findings("S804", FullMarksPolicy()) == [
        f"{DEPT}.funding.stated_score",
        f"{PROJECT}.funding.stated_score",
    ]


def test_a_custom_policys_message_and_grade() -> None:
    findings = check(SEED, options=CheckOptions(scoring=FullMarksPolicy()))
    budget = next(f for f in findings if f.code == "S803" and "预算经费" in f.message_zh)
    # No formula is known for a policy of one's own: its score is given.
    assert budget.message_zh.endswith("预算经费 得分 7.25，按评分规则 12.00")
    assert budget.message_en.endswith("预算经费 scored 7.25; the scoring policy gives 12.00")
    # The base class's total adds up the policy's scores: the full weights,
    # 10 + 8 + 12 + 10 + 10 + 15 + 10 + 15 + 10 = 100 and
    # 10 + 13 + 10 + 7 + 10 + 20 + 20 + 10 = 100.
    assert [f.message_zh for f in findings if f.code == "S812"] == [
        "整体支出绩效自评 总分 73.59（优）；按评分规则 100.00（优）",
        "项目支出绩效自评（科普工作人员补助） 总分 94.20（优）；按评分规则 100.00（优）",
    ]


def test_a_policy_without_a_total_gives_the_grade_only() -> None:
    findings = check(SEED, options=CheckOptions(scoring=NoTotalPolicy()))
    grades = [f for f in findings if f.code == "S812"]
    assert [f.message_zh for f in grades] == [
        "整体支出绩效自评 总分 73.59（优）",
        "项目支出绩效自评（科普工作人员补助） 总分 94.20（优）",
    ]
    assert [f.expected for f in grades] == [None, None]


def test_a_policy_must_write_the_three_scoring_methods() -> None:
    class Incomplete(BasePolicy):
        def grade(self, total: Decimal) -> Grade:
            return Grade.POOR

    with pytest.raises(TypeError, match="execution_score"):
        Incomplete()  # type: ignore[abstract]


def test_the_base_total_adds_up_the_rounded_scores() -> None:
    # The same arithmetic as test_the_seeds_policy_totals: 78.34 and 94.03.
    department, project = SEED.performance.evaluations
    assert PlainStandard().total(department) == D("78.34")
    assert PlainStandard().total(project) == D("94.03")


def test_the_base_explanations_give_the_rounded_score_or_the_band() -> None:
    base = PlainStandard()
    numeric = _numeric(EQ, "12", "10")  # 10 × 10 ÷ 12 = 8.333…
    band = ScoreBand(D("8.3333"), D("8.3333"), D("8.3333"))
    assert base.explain_indicator(numeric, band) == Explanation("8.33", "8.33")
    partly = _qualitative(achievement=Achievement.PARTLY)  # 60–80 % of 20
    assert base.explain_indicator(partly, ScoreBand(D(12), D(16), D(16))) == Explanation(
        "部分达成，得分区间 12.00 至 16.00", "partly, a score from 12.00 to 16.00"
    )
    unjudged = _qualitative(target_text="有效", actual_text="部分有效")
    assert base.explain_indicator(unjudged, ScoreBand(D(0), D(20), D(20))) == Explanation(
        "定性，得分区间 0.00 至 20.00", "qualitative, a score from 0.00 to 20.00"
    )
    assert base.explain_execution(_funding("97.6", "58.95"), D("6.0399")) == Explanation(
        "6.04", "6.04"
    )


@pytest.mark.parametrize(
    ("budget", "executed", "weight", "zh", "en"),
    [
        ("97.6", "58.95", "10", "10 × 58.95 ÷ 97.6 = 6.04", "10 × 58.95 ÷ 97.6 = 6.04"),
        (
            "100",
            "120",
            "10",
            "执行数 120 ≥ 预算数 100，得满分 10",
            "executed 120 ≥ budget 100: full weight 10",
        ),
        ("0", "0", "10", "预算数为 0，得 0.00", "a zero budget: 0.00"),
    ],
)
def test_the_standard_execution_explanations(
    budget: str, executed: str, weight: str, zh: str, en: str
) -> None:
    funding = _funding(budget, executed, weight)
    score = POLICY.execution_score(funding)
    assert score is not None
    assert POLICY.explain_execution(funding, score) == Explanation(zh, en)


@pytest.mark.parametrize(
    ("comparator", "target", "actual", "zh"),
    [
        (GE, "10", "12", "实际 12 ≥ 目标 10，得满分 10"),
        (EQ, "100", "100", "实际 100 = 目标 100，得满分 10"),
        (LE, "96.41", "58.95", "实际 58.95 ≤ 目标 96.41，得满分 10"),
        (EQ, "12", "10", "10 × 10 ÷ 12 = 8.33"),
        (LE, "100", "150", "10 × (1 − (150 − 100) ÷ 100) = 5.00"),
        (LE, "100", "300", "10 × (1 − (300 − 100) ÷ 100) ≤ 0，得 0"),
        (GE, "0", "-1", "实际 -1 未达目标 0，得 0"),
    ],
)
def test_the_standard_indicator_explanations(
    comparator: Comparator, target: str, actual: str, zh: str
) -> None:
    indicator = _numeric(comparator, target, actual)
    band = POLICY.indicator_score(indicator)
    assert band is not None
    assert POLICY.explain_indicator(indicator, band).zh == zh


def test_a_reverse_slope_other_than_one_is_shown() -> None:
    # Zero at 3 × the target: the overshoot 0.5 is divided by the span 2, 10 × 0.75 = 7.5.
    policy = StandardPolicy(reverse_zero_at=3)
    indicator = _numeric(LE, "100", "150")
    band = policy.indicator_score(indicator)
    assert band is not None
    assert policy.explain_indicator(indicator, band).en == (
        "10 × (1 − (150 − 100) ÷ 100 ÷ 2) = 7.50"
    )


def test_the_base_scores_a_copy_with_the_other_figures() -> None:
    # 10 × 80 ÷ 100 = 8 at a budget of 100 and 80 spent, whatever the row published.
    base = PlainStandard()
    assert base.execution_score_with(_funding("97.6", "58.95"), D(100), D(80)) == D(8)
    # "= 12" with 10 done, on an indicator that published 1 and 1: 10 × 10 ÷ 12 = 8.33.
    band = base.indicator_score_with(_numeric(EQ, "1", "1"), D(12), D(10))
    assert band == POLICY.indicator_score(_numeric(EQ, "12", "10"))
    assert band is not None and round_score(band.point) == D("8.33")


def test_the_base_does_not_score_figures_the_model_refuses() -> None:
    # A negative 全年执行数 (a corner of a published 0.00) cannot be a funding row.
    base = PlainStandard()
    assert base.execution_score_with(_funding("100", "0"), D(100), D("-0.005")) is None


def _with_survey_funding(executed: str, score: str) -> FinalAccount:
    """The base report with 调研经费 executing ``executed`` of its 20.00, scored ``score``."""
    report = base_report()
    first, survey, *rest = report.performance.evaluations
    row = attrs.evolve(survey.funding.total, executed=executed)
    funding = attrs.evolve(survey.funding, total=row, stated_score=score)
    evaluations = (first, attrs.evolve(survey, funding=funding), *rest)
    return attrs.evolve(
        report, performance=attrs.evolve(report.performance, evaluations=evaluations)
    )


def test_a_custom_policy_judges_a_table_with_nothing_executed() -> None:
    # 0.00 spent, scored 0: the corners of 0.00 reach −0.005, which no funding row
    # can hold; they are not scored, and the stated 0 is the policy's own score.
    report = _with_survey_funding("0.00", "0")
    assert _findings("S804", PlainStandard(), report) == []
    assert _findings("S804", POLICY, report) == []
    # Scored 1 (0.5–1.5) against at most 10 × 0.005 ÷ 19.995 = 0.0025: questioned.
    report = _with_survey_funding("0.00", "1")
    survey = "performance.evaluations[调研经费].funding.stated_score"
    assert _findings("S804", PlainStandard(), report) == [survey]
    assert _findings("S804", POLICY, report) == [survey]


# -- generated tables -------------------------------------------------------------------

WEIGHT_TOTAL = 100
values = st.decimals(min_value=D("-100"), max_value=D("10000"), places=2)
amounts = st.decimals(min_value=D("0"), max_value=D("10000"), places=2)  # budgets, 执行数
positive_values = st.decimals(min_value=D("0.01"), max_value=D("10000"), places=2)
weights = st.integers(min_value=0, max_value=50).map(Decimal)


@st.composite
def weight_splits(draw: st.DrawFn, count: int) -> list[Decimal]:
    """``count`` whole-number weights adding up to 100."""
    cuts = sorted(
        draw(st.lists(st.integers(0, WEIGHT_TOTAL), min_size=count - 1, max_size=count - 1))
    )
    bounds = [0, *cuts, WEIGHT_TOTAL]
    return [Decimal(high - low) for low, high in itertools.pairwise(bounds)]


@st.composite
def budgets(draw: st.DrawFn) -> Decimal:
    """A positive budget of the form 2^a × 5^b ÷ 100, so that any amount divides it exactly."""
    twos, fives = draw(st.integers(0, 12)), draw(st.integers(0, 6))
    return _EXACT.divide(Decimal(2**twos * 5**fives), Decimal(100))


@st.composite
def met_values(draw: st.DrawFn, comparator: Comparator) -> tuple[Decimal, Decimal]:
    """A (target, actual) pair that meets the target under ``comparator``."""
    target = draw(values)
    step = draw(positive_values)
    if comparator is Comparator.EQ:
        return target, target
    if comparator is Comparator.GE:
        return target, target + draw(st.sampled_from([D(0), step]))
    if comparator is Comparator.GT:
        return target, target + step
    if comparator is Comparator.LE:
        return target, target - draw(st.sampled_from([D(0), step]))
    return target, target - step


NUMERIC = [GE, GT, EQ, LE, LT]


@st.composite
def indicators(draw: st.DrawFn, weight: Decimal, *, met: bool = False) -> Indicator:
    """A numeric or qualitative indicator of ``weight``; ``met`` meets its target."""
    if draw(st.booleans()):
        achievement = Achievement.ACHIEVED if met else draw(st.sampled_from(list(Achievement)))
        return _qualitative(str(weight), achievement=achievement)
    comparator = draw(st.sampled_from(NUMERIC))
    if met:
        target, actual = draw(met_values(comparator))
    else:
        target, actual = draw(values), draw(values)
    return _numeric(comparator, str(target), str(actual), str(weight))


@st.composite
def evaluations(draw: st.DrawFn, *, met: bool = False) -> SelfEvaluation:
    """A project table whose weights add up to 100 and whose budget divides exactly."""
    count = draw(st.integers(min_value=1, max_value=6))
    funding_weight, *indicator_weights = draw(weight_splits(count + 1))
    budget = draw(budgets())
    executed = draw(st.decimals(min_value=D(0), max_value=budget * 2, places=2))
    return SelfEvaluation(
        kind=EvaluationKind.PROJECT,
        name="生成项目",
        funding=Funding(
            FundingRow("年度资金总额", budget, budget, executed), weight=funding_weight
        ),
        indicators=[  # one name each: a name is an indicator's address
            attrs.evolve(draw(indicators(weight, met=met)), name=f"指标{number}")
            for number, weight in enumerate(indicator_weights, start=1)
        ],
    )


@given(st.sampled_from(NUMERIC), values, values, weights)
def test_every_numeric_score_lies_within_its_weight(
    comparator: Comparator, target: Decimal, actual: Decimal, weight: Decimal
) -> None:
    assert D(0) <= POLICY.numeric_score(comparator, target, actual, weight) <= weight


@given(st.sampled_from(list(Achievement)), weights)
def test_every_qualitative_band_lies_within_its_weight(
    achievement: Achievement, weight: Decimal
) -> None:
    band = POLICY.indicator_score(_qualitative(str(weight), achievement=achievement))
    assert band is not None
    assert D(0) <= band.low <= band.point <= band.high <= weight


@given(amounts, amounts, weights)
def test_every_execution_score_lies_within_its_weight(
    budget: Decimal, executed: Decimal, weight: Decimal
) -> None:
    score = POLICY.execution_score(_funding(str(budget), str(executed), str(weight)))
    assert score is not None
    assert D(0) <= score <= weight


@given(st.sampled_from([GE, GT, EQ]), values, values, values, weights)
def test_positive_scores_never_fall_as_the_actual_rises(
    comparator: Comparator, target: Decimal, first: Decimal, second: Decimal, weight: Decimal
) -> None:
    # "= target" with a target ≤ 0 is left out: there the policy scores the weight at the
    # target exactly and 0 anywhere else (there is no ratio to a zero or negative target).
    if comparator is EQ and target <= 0:
        target = -target + D("0.01")
    low, high = sorted((first, second))
    assert POLICY.numeric_score(comparator, target, low, weight) <= POLICY.numeric_score(
        comparator, target, high, weight
    )


@given(st.sampled_from([LE, LT]), values, values, values, weights)
def test_reverse_scores_never_rise_as_the_actual_rises(
    comparator: Comparator, target: Decimal, first: Decimal, second: Decimal, weight: Decimal
) -> None:
    low, high = sorted((first, second))
    assert POLICY.numeric_score(comparator, target, low, weight) >= POLICY.numeric_score(
        comparator, target, high, weight
    )


@given(evaluations())
def test_a_policy_total_is_at_most_the_weights(evaluation: SelfEvaluation) -> None:
    assert evaluation.total_weight == WEIGHT_TOTAL
    total = POLICY.total(evaluation)
    assert total is not None
    assert D(0) <= total <= WEIGHT_TOTAL


@given(evaluations(met=True))
def test_meeting_every_target_loses_only_the_execution_shortfall(
    evaluation: SelfEvaluation,
) -> None:
    # Σ of the unrounded scores = 100 − weight × (1 − min(executed ÷ budget, 1)).
    funding = evaluation.funding
    budget, executed = funding.total.full_year_budget, funding.total.executed
    assert budget is not None and executed is not None
    fraction = min(_EXACT.divide(executed, budget), D(1))
    shortfall = _EXACT.multiply(funding.weight, _EXACT.subtract(D(1), fraction))
    expected = _EXACT.subtract(D(WEIGHT_TOTAL), shortfall)

    execution = POLICY.execution_score(funding)
    assert execution is not None
    total = execution
    for indicator in evaluation.indicators:
        band = POLICY.indicator_score(indicator)
        assert band is not None
        assert band.point == indicator.weight
        total = _EXACT.add(total, band.point)
    assert total == expected


def _as_published(evaluation: SelfEvaluation) -> SelfEvaluation:
    """The table with the policy's own scores, rate and total published, rounded to 0.01."""
    funding = evaluation.funding
    execution = POLICY.execution_score(funding)
    rate = funding.execution_rate
    assert execution is not None and rate is not None
    indicators = []
    for indicator in evaluation.indicators:
        band = POLICY.indicator_score(indicator)
        assert band is not None
        indicators.append(attrs.evolve(indicator, score=round_score(band.point)))
    scored = attrs.evolve(
        evaluation,
        funding=attrs.evolve(
            funding,
            stated_score=round_score(execution),
            stated_execution_rate=round_score(rate),
            sources=(attrs.evolve(funding.total, label="当年财政拨款"),),
        ),
        indicators=indicators,
        stated_total_weight=WEIGHT_TOTAL,
    )
    total = scored.published_scores_total
    assert total is not None
    return attrs.evolve(scored, stated_total_score=total)


TABLE_RULES = ("S801", "S802", "S803", "S804", "S805", "S806", "S810")


@given(evaluations())
def test_a_table_publishing_the_policys_scores_passes_the_table_rules(
    evaluation: SelfEvaluation,
) -> None:
    published = _as_published(evaluation)
    report = base_report()
    report = attrs.evolve(
        report, performance=attrs.evolve(report.performance, evaluations=(published,))
    )
    found = [str(f) for f in check(report) if f.code in TABLE_RULES]
    assert found == []


@given(st.sampled_from(NUMERIC), values, values, values, values, weights)
def test_the_standard_score_at_other_figures_is_the_score_of_a_copy(
    comparator: Comparator,
    target: Decimal,
    actual: Decimal,
    other_target: Decimal,
    other_actual: Decimal,
    weight: Decimal,
) -> None:
    # StandardPolicy computes the score at other figures directly; it must be what
    # scoring a copy of the indicator with those figures gives (BasePolicy's way).
    indicator = _numeric(comparator, str(target), str(actual), str(weight))
    direct = POLICY.indicator_score_with(indicator, other_target, other_actual)
    assert direct == PlainStandard().indicator_score_with(indicator, other_target, other_actual)


@given(amounts, amounts, amounts, amounts, weights)
def test_the_standard_execution_at_other_amounts_is_the_score_of_a_copy(
    budget: Decimal,
    executed: Decimal,
    other_budget: Decimal,
    other_executed: Decimal,
    weight: Decimal,
) -> None:
    funding = _funding(str(budget), str(executed), str(weight))
    direct = POLICY.execution_score_with(funding, other_budget, other_executed)
    assert direct == PlainStandard().execution_score_with(funding, other_budget, other_executed)
