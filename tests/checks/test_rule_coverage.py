"""Every registered rule has a test where it fires and a test where it holds."""

from __future__ import annotations

import importlib
from pathlib import Path

import govfinal
from tests.checks.cases import Case

HERE = Path(__file__).resolve().parent


def _cases() -> list[Case]:
    found: list[Case] = []
    for path in sorted(HERE.glob("test_rules_*.py")):
        module = importlib.import_module(f"tests.checks.{path.stem}")
        for value in vars(module).values():
            if isinstance(value, list) and value and all(isinstance(v, Case) for v in value):
                found.extend(value)
    return found


def test_every_rule_has_a_case_where_it_fires() -> None:
    fired = {case.code for case in _cases()}
    assert sorted(set(govfinal.RULES) - fired) == []


def test_every_case_names_a_registered_rule() -> None:
    assert sorted({case.code for case in _cases()} - set(govfinal.RULES)) == []
