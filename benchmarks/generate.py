"""Realistic synthetic final accounts (部门决算) for the benchmarks.

A generated report is *consistent*: the leaves are drawn (the 项 lines' cells,
the income sources, the budgets and prior-year amounts, the indicators) and
every total is derived from them exactly, in integer cents, so that every
check runs to the end and finds nothing but notices. It is *deterministic*:
the same ``seed`` and size give the same text, byte for byte.

Two sizes:

* ``seed``: the size of the 2023 seed report (``examples/data/kexie_2023.toml``,
  9 function lines): 2 类, 4 款 and 4 项 (10 lines), 16 economic lines, a
  department and a project self-evaluation table with 15 indicators between
  them, and the narrative texts;
* ``large``: a big department: 300 function lines (10 类, 40 款, 250 项), every
  支出经济分类 line of govfinal's code table (65), 50 performance indicators
  over a department table and four project tables.

Every line publishes its 支出决算表, 收入决算表 and 一般公共预算 rows (and a
政府性基金 row on some lines of the last 类), each 项 with its prior-year change,
growth rate and budget variance; the 总表, the fund summary, the “三公” lines,
机关运行经费, procurement, assets and the performance summary are all given.

The document is written as the JSON govfinal writes (amounts as strings,
``indent=2``), or as TOML through ``govfinal.dumps``.

Usage::

    python benchmarks/generate.py --size large --seed 7 -o large.json
    python benchmarks/generate.py --size seed --format toml            # to stdout
    python benchmarks/generate.py --size seed --count 100 --dir /tmp/reports

``python benchmarks/generate.py --verify`` loads and checks a few generated
reports of each size and fails if any check reports an error or a warning.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from govfinal.io import FORMAT_VERSION
from govfinal.io.migrate import migrate

__all__ = ["SIZES", "Size", "generate", "main", "to_json", "to_toml"]

Doc = dict[str, Any]


class Size:
    """How big a generated report is."""

    def __init__(
        self,
        name: str,
        classes: int,
        items_per_class: int,
        lines: int,
        economic_items: int | None,
        indicators: Sequence[int],
        text_scale: int,
    ) -> None:
        self.name = name
        self.classes = classes
        self.items_per_class = items_per_class
        self.lines = lines  # function lines in all (类 + 款 + 项)
        self.economic_items = economic_items  # None: every item of the code table
        self.indicators = tuple(indicators)  # per table: department first, then projects
        self.text_scale = text_scale


SIZES: dict[str, Size] = {
    "seed": Size("seed", 2, 2, 10, 12, (8, 7), 1),
    "large": Size("large", 10, 4, 300, None, (10, 10, 10, 10, 10), 3),
}

# -- code tables (the package's own, for realistic names) ----------------------------

_CLASS_CODES = (
    "201", "204", "205", "206", "207", "208", "210", "212", "213", "214",
    "215", "216", "220", "221", "222", "224", "229", "230", "231", "233",
)  # fmt: skip


def _function_names() -> dict[str, str]:
    from govfinal import FUNCTION_CODES

    return dict(FUNCTION_CODES.items())


def _economic_table() -> dict[str, list[tuple[str, str]]]:
    """Economic items by class (301, 302, 303, 310), from govfinal's code table."""
    from govfinal import ECONOMIC_CODES

    table: dict[str, list[tuple[str, str]]] = {"301": [], "302": [], "303": [], "310": []}
    for code, name in ECONOMIC_CODES.items():
        if len(code) == 5 and code[:3] in table:
            table[code[:3]].append((code, name))
    return table


# -- amounts in cents -----------------------------------------------------------------

_CENT = Decimal("0.01")


def money(cents: int) -> str:
    """Integer cents as a published amount: ``5895`` → ``"58.95"``."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def rate(numerator: int, base: int) -> str:
    """``numerator ÷ |base| × 100`` as a report states it: half-up to 0.01 %.

    A zero base gives 0 % (zero numerator) or ±100 %: the zero-base convention.
    """
    if base == 0:
        value = Decimal(0) if numerator == 0 else Decimal(100 if numerator > 0 else -100)
    else:
        value = Decimal(numerator) * 100 / abs(Decimal(base))
    return str(value.quantize(_CENT, rounding=ROUND_HALF_UP))


def split(rng: random.Random, total: int, count: int, *, zeros: float = 0.0) -> list[int]:
    """``total`` cents cut into ``count`` non-negative parts that add up to it exactly."""
    if count <= 0:
        return []
    weights = [0.0 if rng.random() < zeros else rng.random() + 0.05 for _ in range(count)]
    if not any(weights):
        weights[rng.randrange(count)] = 1.0
    scale = sum(weights)
    parts = [int(total * w / scale) for w in weights]
    parts[max(range(count), key=lambda i: weights[i])] += total - sum(parts)
    return parts


def _amount(rng: random.Random, low: float, high: float) -> int:
    """Cents between ``low`` and ``high`` 万元, uniformly."""
    return round(rng.uniform(low, high) * 100)


# -- texts ---------------------------------------------------------------------------

_PHRASES = (
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "认真贯彻落实党中央、国务院决策部署",
    "严格执行预算管理制度，提高财政资金使用效益",
    "加强内部控制和绩效管理，确保资金安全规范",
    "围绕年度重点工作任务，统筹安排各项支出",
    "厉行节约，压减一般性支出",
    "推动各项业务工作高质量发展",
    "完善制度建设，强化监督检查",
    "做好基本公共服务保障工作",
    "按照预算批复及时拨付资金",
)


def _text(rng: random.Random, sentences: int) -> str:
    return "，".join(rng.choice(_PHRASES) for _ in range(sentences)) + "。"


# -- the function tree ------------------------------------------------------------------


class _Leaf:
    """The drawn cells of one 项 line (cents)."""

    def __init__(self, rng: random.Random, code: str, with_fund: bool) -> None:
        self.code = code
        scale = rng.choice((5, 20, 60, 200))
        self.gb_basic = _amount(rng, 0, scale) if rng.random() < 0.7 else 0
        self.gb_project = _amount(rng, 0, scale) if rng.random() < 0.6 else 0
        if self.gb_basic == 0 and self.gb_project == 0:
            self.gb_basic = _amount(rng, 1, scale)
        self.gf_project = _amount(rng, 1, scale) if with_fund else 0
        self.rest_basic = _amount(rng, 0, scale / 10) if rng.random() < 0.3 else 0
        self.rest_project = _amount(rng, 0, scale / 10) if rng.random() < 0.2 else 0
        gb = self.gb_basic + self.gb_project
        self.gb_prior = max(0, int(gb * rng.uniform(0.7, 1.3)))
        self.gb_budget = max(1, int(gb * rng.uniform(0.95, 1.25)))

    @property
    def basic(self) -> int:
        return self.gb_basic + self.rest_basic

    @property
    def project(self) -> int:
        return self.gb_project + self.gf_project + self.rest_project


def _codes(rng: random.Random, size: Size) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """类 → 款 → 项 codes, with ``size.lines`` lines in all.

    Codes of govfinal's code table come first (so that names are the official
    ones, as in a real report); well-formed codes outside it fill the rest.
    """
    known = sorted(_function_names())
    children: dict[str, list[str]] = {}
    for code in known:
        if len(code) > 3:
            children.setdefault(code[:-2], []).append(code)
    by_depth = sorted(_CLASS_CODES, key=lambda c: (-len(children.get(c, ())), rng.random()))
    classes = sorted(by_depth[: size.classes])
    items = size.classes * size.items_per_class
    per_item = split_even(size.lines - size.classes - items, items)

    def pick(parent: str, count: int) -> list[str]:
        chosen = list(children.get(parent, ()))[:count]
        free = [n for n in range(1, 99) if f"{parent}{n:02d}" not in chosen]
        chosen += [f"{parent}{n:02d}" for n in rng.sample(free, count - len(chosen))]
        return sorted(chosen)

    tree = []
    index = 0
    for class_code in classes:
        block = []
        for item_code in pick(class_code, size.items_per_class):
            block.append((item_code, pick(item_code, per_item[index])))
            index += 1
        tree.append((class_code, block))
    return tree


def split_even(total: int, count: int) -> list[int]:
    """``total`` as ``count`` whole numbers differing by at most one."""
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _name(names: dict[str, str], code: str) -> str:
    return names.get(code) or f"其他支出（{code}）"


def _fund_cells(basic: int, project: int, prior: int | None, budget: int | None) -> Doc:
    cells: Doc = {
        "basic": money(basic),
        "project": money(project),
        "stated_expenditure": money(basic + project),
    }
    total = basic + project
    if prior is not None:
        change = total - prior
        cells["prior"] = {
            "change": money(change),
            "growth": rate(change, prior),
            "reason": "业务工作量变化" if change >= 0 else "压减一般性支出",
        }
    if budget is not None:
        cells["budget"] = {
            "budget": money(budget),
            "basis": "年初预算",
            "variance": rate(total - budget, budget),
            "reason": "按实际需求执行预算",
        }
    return cells


_SOURCE_FIELDS = ("superior_subsidy", "service", "business", "subordinate_remittance", "other")


def _income_row(fiscal: int, others: dict[str, int]) -> Doc:
    row = {"total": money(fiscal + sum(others.values())), "fiscal": money(fiscal)}
    row.update((field, money(value)) for field, value in others.items())
    return row


def _function_lines(rng: random.Random, size: Size) -> tuple[list[Doc], list[_Leaf], list[str]]:
    names = _function_names()
    tree = _codes(rng, size)
    fund_class = tree[-1][0]  # the last 类 also spends 政府性基金 on some 项
    lines: list[Doc] = []
    leaves: list[_Leaf] = []
    narrative: list[str] = []

    def parent(code: str, group: Sequence[_Leaf], income: dict[str, int], with_prior: bool) -> Doc:
        gb_basic = sum(leaf.gb_basic for leaf in group)
        gb_project = sum(leaf.gb_project for leaf in group)
        prior = sum(leaf.gb_prior for leaf in group) if with_prior else None
        line: Doc = {
            "code": code,
            "name": _name(names, code),
            "expenditure": _nature(
                sum(leaf.basic for leaf in group), sum(leaf.project for leaf in group)
            ),
            "income": _income_row(income["fiscal"], {f: income[f] for f in _SOURCE_FIELDS}),
            "general_budget": _fund_cells(gb_basic, gb_project, prior, None),
        }
        fund = sum(leaf.gf_project for leaf in group)
        if fund:
            line["government_fund"] = _fund_cells(0, fund, None, None)
        return line

    for class_code, block in tree:
        class_lines: list[Doc] = []
        class_leaves: list[_Leaf] = []
        class_income = dict.fromkeys(("fiscal", *_SOURCE_FIELDS), 0)
        for item_code, subitem_codes in block:
            item_leaves = [
                _Leaf(rng, code, class_code == fund_class and rng.random() < 0.5)
                for code in subitem_codes
            ]
            item_income = dict.fromkeys(("fiscal", *_SOURCE_FIELDS), 0)
            sub_lines = []
            for leaf in item_leaves:
                income = _leaf_income(leaf)
                for key, value in income.items():
                    item_income[key] += value
                line: Doc = {
                    "code": leaf.code,
                    "name": _name(names, leaf.code),
                    "expenditure": _nature(leaf.basic, leaf.project),
                    "income": _income_row(income["fiscal"], {f: income[f] for f in _SOURCE_FIELDS}),
                    "general_budget": _fund_cells(
                        leaf.gb_basic, leaf.gb_project, leaf.gb_prior, leaf.gb_budget
                    ),
                }
                if leaf.gf_project:
                    line["government_fund"] = _fund_cells(0, leaf.gf_project, None, None)
                sub_lines.append(line)
                narrative.append(leaf.code)
            for key, value in item_income.items():
                class_income[key] += value
            class_lines.append(parent(item_code, item_leaves, item_income, with_prior=False))
            class_lines.extend(sub_lines)
            class_leaves.extend(item_leaves)
        lines.append(parent(class_code, class_leaves, class_income, with_prior=True))
        lines.extend(class_lines)
        leaves.extend(class_leaves)
    return lines, leaves, narrative


def _leaf_income(leaf: _Leaf) -> dict[str, int]:
    """A 项's income: its fiscal spending as 财政拨款, its other spending as other sources."""
    rest = leaf.rest_basic + leaf.rest_project
    others = dict.fromkeys(_SOURCE_FIELDS, 0)
    others["other"] = rest
    return {"fiscal": leaf.gb_basic + leaf.gb_project + leaf.gf_project, **others}


def _nature(basic: int, project: int) -> Doc:
    return {
        "basic": money(basic),
        "project": money(project),
        "stated_total": money(basic + project),
    }


# -- the whole report ---------------------------------------------------------------------


def generate(seed: int = 0, size: str | Size = "seed") -> Doc:
    """A consistent report document (the data-file structure), drawn from ``seed``."""
    shape = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(f"{shape.name}:{seed}")
    lines, leaves, narrative = _function_lines(rng, shape)

    # Funds: spending is the Σ of the 项; income drawn near it; balances derived.
    gb_basic = sum(leaf.gb_basic for leaf in leaves)
    gb_project = sum(leaf.gb_project for leaf in leaves)
    gb_spent = gb_basic + gb_project
    gf_spent = sum(leaf.gf_project for leaf in leaves)
    rest_basic = sum(leaf.rest_basic for leaf in leaves)
    rest_project = sum(leaf.rest_project for leaf in leaves)
    basic = gb_basic + rest_basic
    project = gb_project + gf_spent + rest_project
    spent = basic + project

    def balances(income: int, spent_: int, base: int) -> tuple[int, int]:
        gap = spent_ - income
        return base + max(gap, 0), base + max(-gap, 0)

    # Income by source = Σ of the 项 income rows (收入决算表), so T107 holds.
    gb_income = gb_spent
    gf_income = gf_spent
    other_income = rest_basic + rest_project
    gb_open, gb_close = balances(gb_income, gb_spent, _amount(rng, 0, 5))
    gf_open, gf_close = balances(gf_income, gf_spent, 0)
    nf_open, nf_close = balances(other_income, rest_basic + rest_project, _amount(rng, 0, 3))
    fiscal_open, fiscal_close = gb_open + gf_open, gb_close + gf_close
    fiscal_income, fiscal_spent = gb_income + gf_income, gb_spent + gf_spent
    income_total = fiscal_income + other_income
    opening = fiscal_open + nf_open
    closing = fiscal_close + nf_close

    personnel_all = int(basic * rng.uniform(0.75, 0.9))
    gb_personnel = min(personnel_all, int(gb_basic * rng.uniform(0.75, 0.9)))
    gb_public = gb_basic - gb_personnel

    gb_prior = sum(leaf.gb_prior for leaf in leaves)
    gb_budget = int(gb_spent * rng.uniform(1.0, 1.2))
    fiscal_prior = int((fiscal_open + fiscal_income) * rng.uniform(0.8, 1.2))
    grand_prior = int((income_total + opening) * rng.uniform(0.8, 1.2))

    fund_gb: Doc = {
        "opening": money(gb_open),
        "income": money(gb_income),
        **_fund_cells(gb_basic, gb_project, gb_prior, gb_budget),
        "closing": money(gb_close),
    }
    fund_gb["budget"]["reason"] = "严格控制一般性支出"
    fiscal: Doc = {"general_budget": fund_gb}
    if gf_spent:
        fiscal["government_fund"] = {
            "opening": money(gf_open),
            "income": money(gf_income),
            **_fund_cells(0, gf_spent, None, None),
            "closing": money(gf_close),
        }
    fiscal.update(
        stated_opening=money(fiscal_open),
        stated_income=money(fiscal_income),
        stated_expenditure=money(fiscal_spent),
        stated_closing=money(fiscal_close),
        stated_income_grand_total=money(fiscal_open + fiscal_income),
        stated_expenditure_grand_total=money(fiscal_spent + fiscal_close),
        prior=_prior(fiscal_open + fiscal_income, fiscal_prior),
        budget={
            "budget": money(gb_budget + gf_spent),
            "basis": "年初预算",
            "variance": rate(fiscal_spent - gb_budget - gf_spent, gb_budget + gf_spent),
            "reason": "严格控制一般性支出",
        },
    )

    bureau = rng.choice(("财政局", "教育局", "卫生健康委员会", "科学技术协会", "民政局"))
    unit_name = f"示例市第{seed % 97 + 1}区{bureau}"
    document: Doc = {
        "other_matters": [_text(rng, 2)],
        "unit": {
            "name": unit_name,
            "fiscal_year": 2023,
            "kind": "行政单位",
            "short_name": unit_name[-3:],
            "department": unit_name[-3:],
        },
        "profile": _profile(rng, shape),
        "income": {
            "sources": {
                "general_budget": money(gb_income),
                "government_fund": money(gf_income),
                "other": money(other_income),
                "stated_total": money(income_total),
            },
            "non_fiscal_balance_used": money(0),
            "opening_balance": money(opening),
            "stated_grand_total": money(income_total + opening),
        },
        "expenditure": {
            "nature": {
                "basic": money(basic),
                "project": money(project),
                "remitted_to_superior": money(0),
                "business": money(0),
                "subsidies_to_subordinates": money(0),
                "stated_total": money(spent),
            },
            "personnel": money(personnel_all),
            "public": money(basic - personnel_all),
            "surplus_distribution": money(0),
            "closing_balance": money(closing),
            "stated_grand_total": money(spent + closing),
        },
        "functions": {"lines": lines, "narrative_order": narrative},
        "fiscal": fiscal,
        "general_budget_basic": _economic(rng, shape, gb_basic, gb_personnel, gb_public),
    }
    three_public, held = _three_public(rng, fiscal_spent)
    document["three_public"] = three_public
    document["operating_costs"] = {
        "amount": money(gb_public),
        "prior": _prior(gb_public, int(gb_public * rng.uniform(0.85, 1.15))),
    }
    document["procurement"] = _procurement(rng, spent)
    document["assets"] = {
        "fixed_assets_original_value": money(_amount(rng, 50, 5000)),
        "building_area": money(_amount(rng, 100, 20000)),
        "building_value": money(_amount(rng, 10, 2000)),
        "vehicles": [{"use": "执法执勤用车", "count": held}] if held else [],
        "stated_vehicle_count": held,
        "vehicle_value": money(_amount(rng, 10, 100) * held),
        "large_equipment": rng.randrange(3),
    }
    document["performance"] = _performance(rng, shape, unit_name, spent, basic, project)
    document["grand_total_prior"] = _prior(income_total + opening, grand_prior)
    # The stated rates are drawn beside their figures, as format 1 wrote them;
    # the current format holds them as statements.
    current, _ = migrate(document)
    return {"format_version": FORMAT_VERSION, **current}


def _prior(current: int, prior: int) -> Doc:
    change = current - prior
    return {
        "change": money(change),
        "growth": rate(change, prior),
        "reason": "业务量变化" if change >= 0 else "压减一般性支出",
    }


def _profile(rng: random.Random, size: Size) -> Doc:
    in_service = rng.randrange(2, 40 * size.text_scale)
    retirees = rng.randrange(0, 10 * size.text_scale)
    divisions = [f"第{i + 1}科" for i in range(rng.randrange(2, 4 + 3 * size.text_scale))]
    return {
        "mandate": _text(rng, 4),
        "functions": [_text(rng, 3) for _ in range(5 + 2 * size.text_scale)],
        "staff": {
            "in_service": in_service,
            "retired_cadres": 0,
            "retirees": retirees,
            "stated_total": in_service + retirees,
        },
        "divisions": divisions,
        "stated_division_count": len(divisions),
    }


def _economic(rng: random.Random, size: Size, total: int, personnel: int, public: int) -> Doc:
    table = _economic_table()
    if size.economic_items is not None:  # a few items, as small units publish
        keep = size.economic_items
        table = {
            "301": table["301"][: keep // 2],
            "303": table["303"][:1],
            "302": table["302"][: keep - keep // 2 - 2],
            "310": table["310"][:1],
        }
    from govfinal import ECONOMIC_CODES

    lines: list[Doc] = []
    for classes, amount in ((("301", "303"), personnel), (("302", "310"), public)):
        for class_code, class_amount in zip(classes, split(rng, amount, len(classes)), strict=True):
            items = table[class_code]
            lines.append(
                {
                    "code": class_code,
                    "name": ECONOMIC_CODES.name_of(class_code),
                    "amount": money(class_amount),
                }
            )
            for (code, name), value in zip(
                items, split(rng, class_amount, len(items), zeros=0.3), strict=True
            ):
                lines.append({"code": code, "name": name, "amount": money(value)})
    return {
        "stated_total": money(total),
        "stated_personnel": money(personnel),
        "stated_public": money(public),
        "lines": lines,
    }


def _three_public(rng: random.Random, fiscal_spent: int) -> tuple[Doc, int]:
    cap = max(fiscal_spent // 40, 0)
    final = {
        name: (rng.randrange(cap + 1) if rng.random() < 0.7 else 0)
        for name in ("overseas", "vehicle_purchase", "vehicle_operation", "reception")
    }
    budget = {name: value + rng.randrange(cap // 4 + 1) for name, value in final.items()}

    def figure(current: int, planned: int, prior: int | None = None) -> Doc:
        doc: Doc = {
            "amount": money(current),
            "budget": {
                "budget": money(planned),
                "basis": "全年预算",
                "variance": rate(current - planned, planned),
                "reason": "厉行节约",
            },
        }
        if prior is not None:
            doc["prior"] = _prior(current, prior)
        return doc

    vehicles = final["vehicle_purchase"] + final["vehicle_operation"]
    vehicles_budget = budget["vehicle_purchase"] + budget["vehicle_operation"]
    total = final["overseas"] + vehicles + final["reception"]
    total_budget = budget["overseas"] + vehicles_budget + budget["reception"]
    held = rng.randrange(1, 6) if final["vehicle_operation"] else 0
    groups = rng.randrange(1, 4) if final["overseas"] else 0
    batches = rng.randrange(1, 40) if final["reception"] else 0
    doc: Doc = {
        "overseas": figure(final["overseas"], budget["overseas"]),
        "vehicle_purchase": figure(final["vehicle_purchase"], budget["vehicle_purchase"]),
        "vehicle_operation": figure(final["vehicle_operation"], budget["vehicle_operation"]),
        "reception": figure(final["reception"], budget["reception"]),
        "vehicles": figure(vehicles, vehicles_budget),
        "total": figure(total, total_budget, int(total * rng.uniform(0.9, 1.3)) + 1),
        "overseas_groups": groups,
        "overseas_persons": groups * rng.randrange(1, 5),
        "vehicles_purchased": 1 if final["vehicle_purchase"] else 0,
        "vehicles_held": held,
        "reception_batches": batches,
        "reception_persons": batches * rng.randrange(2, 10),
    }
    if final["vehicle_operation"]:
        doc["vehicle_operation_content"] = "公务用车燃油费、维修费、保险费、过路过桥费等"
    return doc, held


def _procurement(rng: random.Random, spent: int) -> Doc:
    goods, works, services = (rng.randrange(spent // 20 + 1) for _ in range(3))
    total = goods + works + services
    sme = int(total * rng.uniform(0.5, 1.0))
    small = int(sme * rng.uniform(0.3, 0.9))
    return {
        "goods": money(goods),
        "works": money(works),
        "services": money(services),
        "stated_total": money(total),
        "sme_contracts": money(sme),
        "small_micro_contracts": money(small),
        "stated_sme_share": rate(sme, total),
        "stated_small_micro_share": rate(small, total),
    }


# -- performance self-evaluation ----------------------------------------------------------

_LEVELS = (
    ("产出指标", "数量指标", "≥", "项", (5, 50)),
    ("产出指标", "质量指标", "≥", "%", (80, 100)),
    ("产出指标", "时效指标", "=", "%", (100, 100)),
    ("成本指标", "经济成本指标", "≤", "万元", (10, 500)),
    ("效益指标", "社会效益指标", "定性", "", (0, 0)),
    ("满意度指标", "服务对象满意度指标", "≥", "%", (85, 95)),
)


def _score(cents_weight: int, fraction: Decimal) -> Decimal:
    return (Decimal(cents_weight) * fraction).quantize(_CENT, rounding=ROUND_HALF_UP)


def _indicators(rng: random.Random, count: int) -> tuple[list[Doc], list[Decimal]]:
    """``count`` indicators whose weights add up to 90 and whose scores follow the policy."""
    weights = split_even(90, count)
    docs: list[Doc] = []
    scores: list[Decimal] = []
    for index, weight in enumerate(weights):
        level1, level2, sign, unit, (low, high) = _LEVELS[index % len(_LEVELS)]
        doc: Doc = {
            "level1": level1,
            "level2": level2,
            "name": f"{level2[:-2]}指标{index + 1}",
            "comparator": sign,
        }
        if sign == "定性":
            score = Decimal(weight) * Decimal("0.9") if rng.random() < 0.5 else Decimal(weight)
            score = score.quantize(_CENT, rounding=ROUND_HALF_UP)
            doc.update(target_text="有效", actual_text="有效", weight=weight, score=str(score))
        else:
            target = rng.randint(low, high)
            met = rng.random() < 0.75
            if sign == "≤":
                actual = (
                    rng.randint(max(1, target // 2), target)
                    if met
                    else target + rng.randint(1, max(1, target // 4))
                )
                if actual <= target:
                    score = Decimal(weight)
                else:
                    fraction = 1 - Decimal(actual - target) / Decimal(target)
                    score = _score(weight, max(fraction, Decimal(0)))
            elif sign == "=":
                actual = target if met else rng.randint(max(1, target // 2), target - 1)
                score = (
                    Decimal(weight)
                    if actual == target
                    else _score(weight, Decimal(actual) / target)
                )
            else:
                actual = (
                    rng.randint(target, target + 5)
                    if met
                    else rng.randint(max(1, target // 2), max(1, target - 1))
                )
                score = (
                    Decimal(weight)
                    if actual >= target
                    else _score(weight, Decimal(actual) / target)
                )
            doc.update(
                target=target,
                unit=unit,
                actual=actual,
                weight=weight,
                score=str(score),
                basis="年度工作计划",
            )
        docs.append(doc)
        scores.append(score)
    return docs, scores


def _evaluation(
    rng: random.Random,
    kind: str,
    name: str,
    indicators: int,
    budget: int,
    executed: int,
    spending: Doc,
    scale: int,
) -> Doc:
    initial = int(budget * rng.uniform(0.9, 1.0))
    sources = rng.randrange(2, 5)
    rows = list(
        zip(
            split(rng, initial, sources),
            split(rng, budget, sources),
            split(rng, executed, sources),
            strict=True,
        )
    )
    labels = ("中央安排", "省级安排", "市级安排", "县（市、区）安排", "其他资金")
    execution = Decimal(executed) / Decimal(budget) if budget else Decimal(0)
    execution_score = _score(10, min(execution, Decimal(1)))
    indicator_docs, scores = _indicators(rng, indicators)
    total_score = execution_score + sum(scores, Decimal(0))
    return {
        "kind": kind,
        "name": name,
        "goal": _text(rng, 3 * scale),
        "completion": _text(rng, 4 * scale),
        "stated_total_score": str(total_score),
        "stated_total_weight": 100,
        "year": 2023,
        "funding": {
            "total": {
                "label": "年度资金总额",
                "initial_budget": money(initial),
                "full_year_budget": money(budget),
                "executed": money(executed),
            },
            "sources": [
                {
                    "label": labels[i],
                    "initial_budget": money(a),
                    "full_year_budget": money(b),
                    "executed": money(c),
                }
                for i, (a, b, c) in enumerate(rows)
            ],
            "weight": 10,
            "stated_execution_rate": rate(executed, budget),
            "stated_score": str(execution_score),
        },
        "completion_spending": spending,
        "indicators": indicator_docs,
    }


def _performance(
    rng: random.Random, size: Size, unit: str, spent: int, basic: int, project: int
) -> Doc:
    department, *projects = size.indicators
    budget = int(spent * rng.uniform(1.0, 1.15)) + 1
    evaluations = [
        _evaluation(
            rng,
            "部门（单位）整体支出绩效自评表",
            unit,
            department,
            budget,
            spent,
            {"total": money(spent), "basic": money(basic), "project": money(project)},
            size.text_scale,
        )
    ]
    executed_parts = split(rng, int(project * 0.8), len(projects))
    for index, (count, executed) in enumerate(zip(projects, executed_parts, strict=True)):
        planned = int(executed * rng.uniform(1.0, 1.3)) + 1
        evaluation = _evaluation(
            rng,
            "项目支出绩效自评表",
            f"重点项目{index + 1}",
            count,
            planned,
            executed,
            {"total": money(executed)},
            size.text_scale,
        )
        evaluation["department"] = unit
        evaluation["implementer"] = unit
        evaluations.append(evaluation)
    project_tables = evaluations[1:]

    def column(field: str) -> int:
        return sum(int(Decimal(e["funding"]["total"][field]) * 100) for e in project_tables)

    summary: Doc = {
        "department_evaluations": 1,
        "department_budget": money(budget),
        "department_executed": money(spent),
        "project_evaluations": len(project_tables),
        "achievements": _text(rng, 3 * size.text_scale),
        "problems": _text(rng, 3 * size.text_scale),
        "improvements": _text(rng, 3 * size.text_scale),
        "evaluations": evaluations,
    }
    if project_tables:
        summary["project_budget"] = money(column("full_year_budget"))
        summary["project_executed"] = money(column("executed"))
    return summary


# -- output -------------------------------------------------------------------------


def to_json(document: Doc) -> str:
    """The document as govfinal writes JSON: amounts as strings, two-space indent."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_toml(document: Doc) -> str:
    """The document as TOML, written by govfinal itself (``loads`` then ``dumps``)."""
    import govfinal

    return govfinal.dumps(govfinal.loads(to_json(document), format="json"), format="toml")


def write_many(directory: Path, count: int, size: str = "seed", start: int = 0) -> list[Path]:
    """``count`` JSON reports ``report_00000.json``… in ``directory`` (seeds ``start``…)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(start, start + count):
        path = directory / f"report_{seed:05d}.json"
        path.write_text(to_json(generate(seed, size)), encoding="utf-8")
        paths.append(path)
    return paths


def verify(seeds: Sequence[int] = (0, 1, 2, 3, 4)) -> Iterator[str]:
    """Load and check generated reports; yield a line per error or warning found."""
    import govfinal

    for name in SIZES:
        for seed in seeds:
            document = generate(seed, name)
            for fmt, text in (("json", to_json(document)), ("toml", to_toml(document))):
                report = govfinal.loads(text, format=fmt)  # type: ignore[arg-type]
                for finding in govfinal.check(report):
                    if finding.severity is not govfinal.Severity.INFO:
                        yield f"{name}:{seed}:{fmt}: {finding}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="seed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("json", "toml"), default="json")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--count", type=int, help="write COUNT JSON files into --dir")
    parser.add_argument("--dir", type=Path, help="directory for --count")
    parser.add_argument("--verify", action="store_true", help="check generated reports")
    args = parser.parse_args(argv)
    if args.verify:
        problems = list(verify())
        for line in problems:
            print(line)
        print("ok" if not problems else f"{len(problems)} problems")
        return 1 if problems else 0
    if args.count is not None:
        if args.dir is None:
            parser.error("--count needs --dir")
        paths = write_many(args.dir, args.count, args.size, args.seed)
        print(f"wrote {len(paths)} files to {args.dir}")
        return 0
    document = generate(args.seed, args.size)
    text = to_json(document) if args.format == "json" else to_toml(document)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
