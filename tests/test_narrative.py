"""The rendered narrative reproduces the 2023 seed's figures, in order.

SEED_PART_TWO below is the sequence of numbers the seed prints in 第二部分
(sections 一 to 十一, and 十二), copied from the published report; the test
checks that the narrative rendered from the data prints the same numbers in
the same order. It does not depend on ../shared.
"""

from __future__ import annotations

import re

import attrs
from kexie_2023 import build_report

from govfinal.render import build_document
from govfinal.render.document import Heading, Paragraph
from govfinal.render.glossary import GlossaryEntry, standard_glossary

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
