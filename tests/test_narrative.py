"""The rendered narrative reproduces the 2023 seed's figures, in order, each one a statement.

SEED_PART_TWO below is the sequence of numbers the seed prints in 第二部分
(sections 一 to 十一, and 十二), copied from the published report; the test
checks that the narrative rendered from the data prints the same numbers in
the same order. It does not depend on ../shared. The narrative's statements
(:func:`govfinal.render.build_narrative`) check clean against the facts, and
what a report leaves blank is not written.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs
import pytest
from kexie_2023 import build_report

import govfinal
from govfinal import Staff
from govfinal.model.statements import DateStatement, Statement
from govfinal.render import build_document, build_narrative
from govfinal.render.document import Block, Heading, Paragraph
from govfinal.render.glossary import GlossaryEntry, standard_glossary
from govfinal.render.sentences import catalogue
from tests.checks.base import base_report

NUMBER = re.compile(r"-?\d+(?:\.\d+)?%?")

SEED_PART_TWO = """
2023 58.95 55.19 0.00 3.76 2023 58.95 58.95 0.00 0.00 14.45 19.69%
55.19 55.19 100.00% 0.00 0.00% 0.00 0.00% 0.00 0.00% 0.00 0.00% 0.00 0.00%
58.95 57.82 98.08% 1.13 1.92% 0.00 0.00% 0.00 0.00% 0.00 0.00%
2023 58.64 3.45 55.19 58.64 0.00 58.64 14.45 19.77% 96.41 58.64 -39.18%
2023 58.64 99.47% 10.81 15.57% 96.41 58.64 -39.18%
1 54.17 92.38% 2 4.47 7.62%
1 1.13 1.13 100% 2 53.04 6.47 10.87% 3 4.47 4.03 47.41% 4 0.00 1.44 100%
2023 57.51 52.52 4.99
2023 0.00 0.00 0.00% 0.00 0.00% 0.00 0.00% 0.00 0.00% 0.00 0.00% 0.00 0.00% 0.00 0.00%
0.00 0 0 0.00 0.00 0.00 0 0 1 1
0.00 0 0
0.00 0.00 0.00% 0.00 0.00 0.00% 0.00 0.00 0.00% 0.00 0.00 0.00% 0.00 0.00 0.00%
2023 4.99 2.72 119.82%
2023 0.00 0.00 0.00 0.00 0.00 0.00% 0.00 0.00%
2023 12 31 132.42 0.00 0.00 1 24.46 0 0 0 0 0 0 0 1 1 100 0
2023 1 97.6 58.95 1 1.44 1.13
""".split()  # noqa: SIM905 - kept as the seed's text, one line per paragraph

SEED_PART_TWELVE = ["0", "0"]  # 十二: 政府采购预算为 0 … 合同金额 … 为 0 万元


def _part_two_numbers(lang: str = "zh") -> list[str]:
    blocks = build_document(build_report(), lang=lang)
    numbers: list[str] = []
    inside = False
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text.startswith("第二部分")
            continue
        if isinstance(block, Heading) and "自评表" in block.text:
            inside = False
        if isinstance(block, Heading) and block.text.startswith("十二、"):
            inside = True
            continue
        if inside and isinstance(block, Heading | Paragraph):
            # Headings carry the section numerals in Chinese, not digits.
            numbers += NUMBER.findall(block.text)
    return numbers


def test_part_two_prints_the_seeds_figures_in_order() -> None:
    assert _part_two_numbers() == SEED_PART_TWO + SEED_PART_TWELVE


def test_the_narrative_follows_the_data_not_a_copy_of_the_seed() -> None:
    seed = build_report()
    sources = attrs.evolve(seed.income.sources, general_budget="60.00", stated_total="60.00")
    changed = attrs.evolve(seed, income=attrs.evolve(seed.income, sources=sources))
    text = "\n".join(
        block.text for block in build_document(changed) if isinstance(block, Paragraph)
    )
    assert "本年收入 60.00 万元，其中：财政拨款收入 60.00 万元，占 100.00%" in text


def test_a_users_glossary_replaces_the_standard_one() -> None:
    mine = [GlossaryEntry("示例术语", "示例解释。")]
    texts = [
        b.text for b in build_document(build_report(), glossary=mine) if isinstance(b, Paragraph)
    ]
    assert "一、示例术语：示例解释。" in texts
    assert not any(text.startswith("二、上级补助收入") for text in texts)


def test_the_standard_glossary_has_both_languages_in_step() -> None:
    assert len(standard_glossary("zh")) == len(standard_glossary("en")) == 14


def test_english_narrative_carries_the_same_key_figures() -> None:
    texts = " ".join(
        b.text for b in build_document(build_report(), lang="en") if isinstance(b, Paragraph)
    )
    for figure in ("58.95 (10,000 yuan)", "19.69%", "98.08%", "99.47%", "-39.18%", "119.82%"):
        assert figure in texts


# -- the narrative's statements ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_statement_the_narrative_makes_checks_clean(lang: str) -> None:
    """The statements recorded while wording the seed, checked against its facts (N9xx)."""
    seed = build_report()
    told = build_narrative(seed, lang=lang)  # type: ignore[arg-type]
    assert len(told.statements) > 150
    stated = attrs.evolve(seed, statements=told.statements)
    for exact in (False, True):
        findings = [f for f in govfinal.check(stated, exact=exact) if f.code.startswith("N9")]
        assert findings == [], [(f.code, f.path, f.message_en) for f in findings]


def test_both_languages_state_the_same_statements() -> None:
    seed = build_report()
    assert (
        build_narrative(seed, lang="zh").statements == build_narrative(seed, lang="en").statements
    )


def _constant_texts() -> list[str]:
    """The fixed texts of the family's sentences that hold digits ("单价 100 万元（含）…")."""
    texts = []
    for template in catalogue("xinjiang_2023", "zh").sentences.values():
        for literal, *_ in string.Formatter().parse(template):
            if any(char.isdigit() for char in literal):
                texts.append(literal)
    return texts


def _published_texts(value: object) -> Iterator[str]:
    """Every text the report holds (reasons, notes, free text), as published."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _published_texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            if field.name != "statements":
                yield from _published_texts(getattr(value, field.name))


def _stated_values(statement: Statement) -> Iterator[Decimal]:
    """The figures a statement puts in the text, unsigned (the text words the sign)."""
    if isinstance(statement, DateStatement):
        yield from map(Decimal, (statement.value.year, statement.value.month, statement.value.day))
        return
    value = getattr(statement, "value", None)
    if isinstance(value, (Decimal, int)):
        yield abs(Decimal(value))


def _sections(blocks: list[Block]) -> Iterator[tuple[str, str]]:
    """(section, paragraph text) of 第二部分 sections 一 to 十一 and 十二, tables left out."""
    inside, major, section = False, "", ""
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text.startswith("第二部分")
        elif inside and isinstance(block, Heading) and block.level == 2:
            inside = "自评表" not in block.text
            major = section = block.text.split("、")[0]
            if block.text.startswith("十二、"):
                inside = True
        elif inside and isinstance(block, Heading) and block.level == 3:
            section = major + block.text[: block.text.index("）") + 1]
        elif inside and isinstance(block, Paragraph):
            yield section, block.text


def test_every_figure_of_part_two_is_a_statement_of_its_section() -> None:
    """Each number printed in 第二部分 is the value of a statement recorded for its section.

    Left out first: the report's own texts (reasons, notes), the enumerators ("1."),
    and the digits the sentences themselves hold ("单价 100 万元（含）").
    """
    seed = build_report()
    told = build_narrative(seed)
    values: dict[str, set[Decimal]] = {}
    for statement in told.statements:
        section = statement.place.section or ""
        values.setdefault(section, set()).update(_stated_values(statement))
    removed = sorted(
        {text for text in _published_texts(seed) if NUMBER.search(text)} | set(_constant_texts()),
        key=len,
        reverse=True,
    )
    unstated = []
    checked = 0
    for section, text in _sections(list(told.blocks)):
        for literal in removed:
            text = text.replace(literal, "")
        text = re.sub(r"^\d+\.", "", text)
        for token in NUMBER.findall(text):
            checked += 1
            if abs(Decimal(token.rstrip("%"))) not in values.get(section, set()):
                unstated.append((section, token))
    assert checked > 150
    assert unstated == []


def test_blank_staff_counts_say_nothing_of_staff() -> None:
    """A report that publishes no staff count has no 实有人数 sentence and no "0 人"."""
    seed = build_report()
    blank = attrs.evolve(seed, profile=attrs.evolve(seed.profile, staff=Staff()))
    told = build_narrative(blank)
    profile = _part_one(told.blocks)
    assert "实有人数" not in profile and "0 人" not in profile
    assert "下设 0 个科室" in profile  # the published division count is still said
    assert not any(
        getattr(statement, "about", "").startswith("profile.staff") for statement in told.statements
    )
    partial = attrs.evolve(seed, profile=attrs.evolve(seed.profile, staff=Staff(in_service=3)))
    profile = _part_one(build_narrative(partial).blocks)
    assert "实有人数 3 人，其中：在职人员 3 人。" in profile  # 实有人数 = Σ of what is published
    assert "离休人员" not in profile and "退休人员" not in profile


def _part_one(blocks: Iterable[Block]) -> str:
    texts = []
    for block in blocks:
        if isinstance(block, Heading) and block.text.startswith("第二部分"):
            break
        if isinstance(block, Paragraph):
            texts.append(block.text)
    return "\n".join(texts)


def test_absent_figures_are_left_out_not_written_as_zero() -> None:
    seed = build_report()
    assets = attrs.evolve(seed.assets, building_area=None, building_value=None)
    three = attrs.evolve(seed.three_public, overseas_groups=None, overseas_persons=None)
    costs = attrs.evolve(
        seed.operating_costs, prior=attrs.evolve(seed.operating_costs.prior, reason=None)
    )
    report = attrs.evolve(seed, assets=assets, three_public=three, operating_costs=costs)
    text = govfinal.render(report)
    assert "平方米" not in text and "房屋价值" not in text
    assert "固定资产原值 132.42 万元。车辆 1 辆" in text
    assert (
        "团组" not in text
        and "因公出国（境）费支出 0.00 万元，本年单位无因公出国（境）费支出。\n" in text
    )
    assert "机关运行经费支出 4.99 万元，比上年增加 2.72 万元，增长 119.82%。" in text


def test_a_missing_reason_leaves_no_stray_punctuation() -> None:
    """The base report publishes no reason for its 三公 lines' variances: no "，；" or "，。"."""
    text = govfinal.render(base_report())
    assert "，；" not in text and "，。" not in text
    assert "预决算差异率-33.33%；公务用车购置费全年预算数 0.00 万元" in text
