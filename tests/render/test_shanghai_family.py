"""The Shanghai 2024 family: the template's wording, worded from statements about the facts.

The two Putuo reports rendered in the family give at least 95 % of the figures
of their published 情况说明 in order (the published texts are fixtures:
tests/data/published/); the catalogues of both locales have the same sentences;
every statement the rendered narrative makes checks clean against the facts;
and what the data does not hold is not written. Expected figures are the
published reports' own.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import govfinal
from govfinal import FinalAccount
from govfinal.compare import between, compare
from govfinal.model.other import Procurement
from govfinal.model.statements import NoneStatement, Relation, YearStatement
from govfinal.render import render
from govfinal.render.families import Narrative, narrative
from govfinal.render.glossary import family_glossary, standard_glossary
from govfinal.render.sentences import catalogue, slots_of
from govfinal.render.text import render_blocks
from tests.strategies import complete_final_accounts

FAMILY = "shanghai_2024"
ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples" / "data"
PUBLISHED = ROOT / "tests" / "data" / "published"
PUTUO = ("putuo_caizhengju_2024", "putuo_guihuaziranziyuan_2024")


def _load(name: str) -> FinalAccount:
    return govfinal.load(EXAMPLES / f"{name}.toml")


def _told(report: FinalAccount, lang: str = "zh") -> Narrative:
    return narrative(
        report, family=FAMILY, lang=lang, glossary=family_glossary(FAMILY, lang), tables=()
    )


def _text(report: FinalAccount, lang: str = "zh") -> str:
    return render_blocks(_told(report, lang).blocks, lang=lang)


def _part_three(report: FinalAccount) -> str:
    return between(_text(report), "第三部分", "第四部分")


def _statement_findings(report: FinalAccount, told: Narrative) -> list[govfinal.Finding]:
    rendered = attrs.evolve(report, statements=told.statements)
    return [finding for finding in govfinal.check(rendered) if finding.code.startswith("N")]


# -- the published narratives ----------------------------------------------------------


@pytest.mark.parametrize("name", PUTUO)
def test_the_rendered_narrative_gives_the_published_figures_in_order(name: str) -> None:
    published = (PUBLISHED / f"sh_{name}.part3.txt").read_text(encoding="utf-8")
    assert published.startswith("# The published text")
    comparison = compare(_part_three(_load(name)), published, start="第三部分")
    assert comparison.meets(Decimal("0.95")), (
        comparison.summary(),
        [figure.text for figure in comparison.missing],
    )


def test_the_finance_bureau_s_sentences_read_as_published() -> None:
    text = _part_three(_load("putuo_caizhengju_2024"))
    for published in (
        # 一: the change over 2023 and its reason, as printed.
        "收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"
        "主要原因：基本支出中人员进出及退休变化，以及项目支出中合同支付进度条款等原因减少支付。",
        "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；",
        "基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%。",
        "完成年初预算的98.20%。决算数小于预算数的主要原因：",
        "年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：",
        # 七: 完成预算的 0% (a stated whole percent), and 持平 against 2023.
        "公务接待费支出决算为0.00万元，完成预算的0%。",
        "“三公”经费财政拨款支出决算数与2023年度持平",
        "上海市普陀区财政局2024年度无“三公”经费财政拨款支出。",
        "上海市普陀区财政局2024年度无政府性基金预算财政拨款收入和支出。",
        "平均得分99.43分（其中，绩效评级为“优”的项目4个；",
        "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。",
        "面向中小企业预留政府采购项目预算金额246.47万元",
        "截至2024年12月31日，上海市普陀区财政局共有车辆0辆，其中：部级领导干部用车0辆",
        "单价100万元（含）以上设备（不含车辆）2台（套）。",
    ):
        assert published in text, published


def test_the_planning_bureau_s_rates_and_zero_budgets_read_as_published() -> None:
    text = _part_three(_load("putuo_guihuaziranziyuan_2024"))
    # The report states a 执行率 for each 项 (the template does not): it is worded.
    assert "年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。" in text
    # 0.00 spent against a budget of 0.00: 0.00% (the zero-base convention), as printed.
    assert "因公出国（境）费决算为0.00万元，完成预算的0.00%" in text
    assert "比2023年度减少0.15万元，下降27.78%" in text
    assert "因公出国（境）费支出决算持平" in text
    assert "公务接待2批次、26人次，其中：接待外宾0批次、0人次。" in text


# -- the catalogues --------------------------------------------------------------------


def test_the_zh_and_en_catalogues_have_the_same_sentences_slots_and_words() -> None:
    zh, en = catalogue(FAMILY, "zh"), catalogue(FAMILY, "en")
    assert set(zh.sentences) == set(en.sentences)
    assert set(zh.words) == set(en.words)
    for sentence in zh.sentences:
        assert slots_of(zh.sentences[sentence]) == slots_of(en.sentences[sentence]), sentence


def test_the_family_s_glossary_is_the_template_s() -> None:
    zh, en = family_glossary(FAMILY, "zh"), family_glossary(FAMILY, "en")
    assert len(zh) == len(en) == 11  # 第四部分 名词解释, 一 to 十一
    assert [entry.term for entry in zh[:3]] == ["财政拨款收入", "事业收入", "经营收入"]
    assert zh != standard_glossary("zh")
    assert family_glossary("xinjiang_2023", "en") == standard_glossary("en")
    with pytest.raises(govfinal.GovFinalError, match="unknown template family"):
        family_glossary("beijing_2024")


# -- statements ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", [*PUTUO, "kexie_2023"])
def test_every_rendered_statement_checks_clean(name: str, lang: str) -> None:
    report = _load(name)
    told = _told(report, lang)
    assert told.statements
    assert _statement_findings(report, told) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(complete_final_accounts())
def test_the_statements_of_a_consistent_report_check_clean(report: FinalAccount) -> None:
    told = _told(report)
    assert _statement_findings(report, told) == []


def test_the_prior_year_is_the_year_before_the_report_s() -> None:
    report = _load("kexie_2023")  # fiscal year 2023, compared with 2022
    years = [s for s in _told(report).statements if isinstance(s, YearStatement)]
    assert {s.value for s in years if s.relation is Relation.PRIOR} == {2022}
    assert {s.value for s in years if s.relation is Relation.CURRENT} == {2023}
    assert "与2022年度相比" in _part_three(report)


# -- what the data does not hold is not written ------------------------------------------


def test_a_report_without_sme_figures_renders_no_sme_sentence() -> None:
    report = _load("putuo_caizhengju_2024")
    bare = Procurement(goods=report.procurement.goods, services=report.procurement.services)
    text = _part_three(attrs.evolve(report, procurement=bare))
    assert "政府采购金额（以合同签订为准）为" in text
    assert "中小企业" not in text
    assert "小微企业" not in text
    told = _told(attrs.evolve(report, procurement=bare))
    assert not [s for s in told.statements if "sme" in getattr(s, "about", "")]


def test_a_report_without_operating_costs_states_none_of_them() -> None:
    report = attrs.evolve(_load("putuo_caizhengju_2024"), operating_costs=None)
    # The heading stays (the template's frame), with nothing under it: no "无" is invented.
    assert "（一）机关运行经费支出情况\n\n（二）政府采购支出情况" in _part_three(report)
    told = _told(report)
    assert not [s for s in told.statements if getattr(s, "about", "").startswith("operating")]


def test_a_part_holding_nothing_is_said_so_and_recorded() -> None:
    told = _told(_load("putuo_caizhengju_2024"))
    nothing = {s.about for s in told.statements if isinstance(s, NoneStatement)}
    assert nothing == {
        "three_public.total_final",
        "fiscal.government_fund",
        "fiscal.state_capital",
    }


def test_the_public_render_words_the_family() -> None:
    report = _load("putuo_guihuaziranziyuan_2024")
    text = render(report, family=FAMILY, glossary=family_glossary(FAMILY))
    assert "第三部分 上海市普陀区规划和自然资源局2024年度部门决算情况说明" in text
    assert "第二部分 上海市普陀区规划和自然资源局2024年度部门决算表" in text
    assert "收入支出决算总表" in text  # the nine tables stand in part two
    assert text.index("收入支出决算总表") < text.index("第三部分")
    english = render(report, family=FAMILY, lang="en")
    assert (
        "Compared with 2023, the total is up 1,062.85 (10,000 yuan), a rise of 12.08%." in english
    )
