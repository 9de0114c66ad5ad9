"""Files of formats 1 and 2: their stated rates read as statements, and ``govfinal migrate``.

Every expected statement below is written by hand from the document it comes
from (``govfinal.io.migrate``'s table says what moves where).
"""

from __future__ import annotations

import copy
import json
import os
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import govfinal
from govfinal import (
    BudgetBasis,
    BudgetStatement,
    BudgetVariance,
    GrowthStatement,
    LoadError,
    Measure,
    Place,
    PriorYear,
    ShareStatement,
)
from govfinal.cli import main
from govfinal.io import FORMAT_VERSION, dumps, loads, migrate

D = Decimal
INITIAL, FULL_YEAR = BudgetBasis.INITIAL, BudgetBasis.FULL_YEAR
VARIANCE, EXECUTION = Measure.VARIANCE, Measure.EXECUTION
LINE = "functions[2010601]"

# A format 1 document (no format_version) with every kind of key that moved.
VERSION_1 = """\
[unit]
name = "示例单位"
fiscal_year = 2024

[grand_total_prior]
change = 8.00
growth = 4.71
reason = "业务量增加"

[fiscal.prior]
change = -2.00
growth = -1.16

[fiscal.budget]
budget = 175.00
basis = "FULL_YEAR"
variance = -4.00
execution = 96.00

[fiscal.general_budget.budget]
budget = 165.00
execution = 96.97

[fiscal.state_capital.prior]
change = 1.00
growth = 100

[[functions.lines]]
code = "2010601"
name = "行政运行"

[functions.lines.general_budget.prior]
amount = 105.00
growth = -4.76

[functions.lines.government_fund.budget]
budget = 10.00
variance = 0.00

[three_public.vehicles.prior]
change = 0.00
growth = 0.00

[operating_costs]
amount = 22.00

[operating_costs.prior]
amount = 20.00
growth = 10.00

[procurement]
sme_contracts = 35.00
stated_sme_share = 87.50
stated_small_micro_share = 50.00
"""


def _place(section: str) -> Place:
    return Place(section=section)


# What VERSION_1 states, by hand, in the model's order (收入支出总计, 财政拨款, the funds,
# the function lines, the 三公 lines, 机关运行经费, then 政府采购).
VERSION_1_STATEMENTS = (
    GrowthStatement("income.grand_total", "4.71", place=_place("一")),
    GrowthStatement("fiscal.income_grand_total", "-1.16", place=_place("四")),
    BudgetStatement(
        "fiscal.expenditure",
        "fiscal.budget.budget",
        FULL_YEAR,
        VARIANCE,
        "-4.00",
        place=_place("四"),
    ),
    BudgetStatement(
        "fiscal.expenditure",
        "fiscal.budget.budget",
        FULL_YEAR,
        EXECUTION,
        "96.00",
        place=_place("四"),
    ),
    BudgetStatement(
        "fiscal.general_budget.expenditure",
        "fiscal.general_budget.budget.budget",
        INITIAL,  # no basis written: 年初预算
        EXECUTION,
        "96.97",
        place=_place("五（一）"),
    ),
    GrowthStatement("fiscal.state_capital.expenditure", "100", place=_place("九")),
    GrowthStatement(
        f"{LINE}.general_budget.expenditure",
        "-4.76",
        prior=f"{LINE}.general_budget.prior.amount",
        place=_place("五（三）"),
    ),
    BudgetStatement(
        f"{LINE}.government_fund.expenditure",
        f"{LINE}.government_fund.budget.budget",
        INITIAL,
        VARIANCE,
        "0.00",
        place=_place("八"),
    ),
    # The 小计 is not written: its statement is about the Σ of its parts.
    GrowthStatement("three_public.vehicles_final", "0.00", place=_place("七")),
    GrowthStatement(
        "operating_costs.amount",
        "10.00",
        prior="operating_costs.prior.amount",
        place=_place("十一"),
    ),
    ShareStatement("procurement.sme_contracts", "procurement.total", "87.50", place=_place("十一")),
    ShareStatement(
        "procurement.small_micro_contracts", "procurement.total", "50.00", place=_place("十一")
    ),
)


def test_a_version_1_document_states_its_rates() -> None:
    report = loads(VERSION_1, format="toml")
    assert report.statements == VERSION_1_STATEMENTS
    # digits as written: 100 stays 100, 0.00 stays 0.00
    assert [str(s.value) for s in report.statements] == [  # type: ignore[union-attr]
        "4.71", "-1.16", "-4.00", "96.00", "96.97", "100", "-4.76", "0.00", "0.00", "10.00",
        "87.50", "50.00",
    ]  # fmt: skip
    # the facts stay facts
    assert report.grand_total_prior == PriorYear(change="8.00", reason="业务量增加")
    assert report.fiscal.budget == BudgetVariance(budget="175.00", basis=FULL_YEAR)
    line = report.functions["2010601"].general_budget
    assert line is not None and line.prior == PriorYear(amount="105.00")
    assert report.procurement.sme_contracts == D("35.00")


def test_a_migrated_document_is_written_at_the_current_format() -> None:
    report = loads(VERSION_1, format="toml")
    for format_ in ("toml", "json"):
        text = dumps(report, format=format_)
        document = tomllib.loads(text) if format_ == "toml" else json.loads(text)
        assert document["format_version"] == FORMAT_VERSION == 3
        assert "growth" not in document["grand_total_prior"]
        assert "stated_sme_share" not in document["procurement"]
        assert loads(text, format=format_) == report


def test_a_version_2_document_does_not_state_a_claim_twice() -> None:
    # JSON, amounts as text. The 增长率 of 收入支出总计 is already a statement (with its
    # place); the 差异率 of 本年财政拨款支出 is not.
    document = {
        "format_version": 2,
        "unit": {"name": "示例单位", "fiscal_year": 2024},
        "grand_total_prior": {"change": "8.00", "growth": "4.71"},
        "fiscal": {"budget": {"budget": "175.00", "basis": "年初预算", "variance": "-4.00"}},
        "statements": [
            {
                "kind": "growth",
                "about": "income.grand_total",
                "value": "4.71",
                "place": {"section": "一", "sentence": 2},
                "text": "增长4.71%",
            },
            # the same 差异率 with other digits is another claim: it stays, and so does this one
            {
                "kind": "budget",
                "about": "fiscal.expenditure",
                "budget": "fiscal.budget.budget",
                "basis": "年初预算",
                "measure": "差异率",
                "value": "-4.0",
            },
        ],
    }
    report = loads(json.dumps(document, ensure_ascii=False), format="json")
    assert report.statements == (
        GrowthStatement(
            "income.grand_total", "4.71", place=Place(section="一", sentence=2), text="增长4.71%"
        ),
        BudgetStatement("fiscal.expenditure", "fiscal.budget.budget", INITIAL, VARIANCE, "-4.0"),
        BudgetStatement(
            "fiscal.expenditure",
            "fiscal.budget.budget",
            INITIAL,
            VARIANCE,
            "-4.00",
            place=Place(section="四"),
        ),
    )
    assert report.grand_total_prior == PriorYear(change="8.00")


def test_migrate_leaves_the_document_given_as_it_was() -> None:
    document = tomllib.loads(VERSION_1, parse_float=Decimal)
    before = copy.deepcopy(document)
    migrated, origins = migrate.migrate(document)
    assert document == before
    assert "growth" not in migrated["grand_total_prior"]  # type: ignore[operator]
    assert origins == dict(
        enumerate(
            [
                "grand_total_prior.growth",
                "fiscal.prior.growth",
                "fiscal.budget.variance",
                "fiscal.budget.execution",
                "fiscal.general_budget.budget.execution",
                "fiscal.state_capital.prior.growth",
                "functions.lines[0].general_budget.prior.growth",
                "functions.lines[0].government_fund.budget.variance",
                "three_public.vehicles.prior.growth",
                "operating_costs.prior.growth",
                "procurement.stated_sme_share",
                "procurement.stated_small_micro_share",
            ]
        )
    )


def test_a_bad_rate_of_an_old_document_is_refused_where_it_is_written() -> None:
    text = VERSION_1.replace("growth = 4.71", 'growth = "abc"')
    with pytest.raises(LoadError) as caught:
        loads(text, format="toml")
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["grand_total_prior.growth"]
    assert "statements" not in str(caught.value)


def test_an_old_rate_of_a_line_without_a_valid_code_adds_no_statement() -> None:
    text = VERSION_1.replace('code = "2010601"', 'code = "20106x1"')
    with pytest.raises(LoadError) as caught:
        loads(text, format="toml")
    assert [problem.path for problem in caught.value.problems] == ["functions.lines[0].code"]


def test_a_version_3_document_with_an_old_key_is_refused_naming_the_statement() -> None:
    text = "format_version = 3\n" + VERSION_1 + "\n[income]\nopening_balnce = 1.00\n"
    with pytest.raises(LoadError) as caught:
        loads(text, format="toml", source="new.toml")
    problems = {problem.path: problem.message for problem in caught.value.problems}
    # every old key, and the document's other problems, reported together
    assert len(problems) == 13 and "income.opening_balnce" in problems
    growth = problems["grand_total_prior.growth"]
    assert "unknown key 'growth'" in growth and "since format 3" in growth
    assert 'did you mean the statement kind = "growth", about = "income.grand_total"' in growth
    assert "value = 4.71" in growth and "govfinal migrate" in growth
    share = problems["procurement.stated_sme_share"]
    assert 'kind = "share"' in share and 'about = "procurement.sme_contracts"' in share
    execution = problems["fiscal.budget.execution"]
    assert 'measure = "执行率"' in execution and 'basis = "全年预算"' in execution
    assert "new.toml" in str(caught.value)


def test_the_bundled_examples_are_at_the_current_format() -> None:
    for path in sorted(Path("examples/data").glob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        assert document["format_version"] == FORMAT_VERSION, path
        assert migrate.moved(document) == [], path


# -- govfinal migrate -------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_migrate_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.toml"
    path.write_text(VERSION_1, encoding="utf-8")
    code, out, err = _run(capsys, "migrate", "--in-place", path)
    assert (code, out) == (0, "")
    assert f"{path}: rewritten at format 3" in err
    text = path.read_text(encoding="utf-8")
    assert text.startswith("format_version = 3\n")
    assert loads(text, format="toml").statements == VERSION_1_STATEMENTS
    assert os.listdir(tmp_path) == ["old.toml"]  # no temporary file left


def test_migrate_to_an_output_file_and_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old.toml"
    source.write_text(VERSION_1, encoding="utf-8")
    target = tmp_path / "new.json"
    assert _run(capsys, "migrate", source, "-o", target)[0] == 0
    assert source.read_text(encoding="utf-8") == VERSION_1  # the input is left as it was
    assert json.loads(target.read_text(encoding="utf-8"))["format_version"] == 3
    assert govfinal.load(target).statements == VERSION_1_STATEMENTS
    code, out, _ = _run(capsys, "migrate", source)
    assert code == 0
    assert loads(out, format="toml") == govfinal.load(target)


def test_migrate_keeps_an_unreadable_file_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[unit\nname = 1\n")
    good = tmp_path / "good.toml"
    good.write_text(VERSION_1, encoding="utf-8")
    code, _, err = _run(capsys, "migrate", "--in-place", bad, good)
    assert code == 2
    assert str(bad) in err and "not valid TOML" in err
    assert bad.read_bytes() == b"[unit\nname = 1\n"
    assert good.read_text(encoding="utf-8").startswith("format_version = 3\n")  # still done
    missing = tmp_path / "missing.toml"
    code, _, err = _run(capsys, "migrate", missing)
    assert code == 2 and str(missing) in err
    assert not missing.exists()


def test_migrate_never_leaves_a_half_written_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.toml"
    path.write_text(VERSION_1, encoding="utf-8")

    def fail(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    code, _, err = _run(capsys, "migrate", "--in-place", path)
    assert code == 2 and "No space left on device" in err
    assert path.read_text(encoding="utf-8") == VERSION_1
    assert os.listdir(tmp_path) == ["old.toml"]


def test_migrate_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    for path in (first, second):
        path.write_text(VERSION_1, encoding="utf-8")
    # several files are rewritten in place only
    code, _, err = _run(capsys, "migrate", first, second)
    assert code == 2 and "--in-place" in err
    code, _, err = _run(capsys, "migrate", first, "-o", first)
    assert code == 2 and "input file" in err
    assert _run(capsys, "migrate", "--in-place", "-o", second, first)[0] == 2
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8") == VERSION_1


def test_a_retired_rule_is_named_with_its_replacement(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "check", "--select", "R701", "examples/data/kexie_2023.toml")
    assert code == 2
    assert "R701 (retired: N906 checks it now)" in err
