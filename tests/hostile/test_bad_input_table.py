"""The documentation's table of bad inputs stays in step with the tests that hold it.

Each row of ``docs/reference/bad-input.md`` names tests by a pattern
(``test_item_05_*``); every pattern must match a test of ``tests/hostile/``,
and every numbered item that a test here is named after must have its row.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent
PAGE = HOSTILE.parent.parent / "docs" / "reference" / "bad-input.md"
ROW = re.compile(r"^\| (\d+|—) \| .* \| (`test_[^|]*`) \|$", re.MULTILINE)
TEST = re.compile(r"^def (test_\w+)\(", re.MULTILINE)


def _tests() -> set[str]:
    return {name for path in HOSTILE.glob("test_*.py") for name in TEST.findall(path.read_text())}


def _rows() -> dict[str, list[str]]:
    text = PAGE.read_text(encoding="utf-8")
    return {item: re.findall(r"`(test_[^`]+)`", patterns) for item, patterns in ROW.findall(text)}


def test_every_row_names_tests_that_exist() -> None:
    tests = _tests()
    rows = _rows()
    assert rows
    for item, patterns in rows.items():
        for pattern in patterns:
            assert fnmatch.filter(tests, pattern), f"row {item}: no test matches {pattern}"


def test_every_numbered_item_has_a_row() -> None:
    items = {int(found) for found in re.findall(r"^test_item_(\d+)_", "\n".join(_tests()), re.M)}
    rows = {int(item) for item in _rows() if item.isdigit()}
    assert items == rows == set(range(1, 18))
