"""Tests of the rendered tables and of the text, Markdown, HTML, CSV and Excel renderers.

Golden files
------------
The expected outputs for the 2023 seed report (``examples/kexie_2023.py``)
and for the consistent base report (``tests/checks/base.py``) are stored
under ``tests/render/golden/`` and compared byte for byte:

* ``golden/tables/<report>_<lang>/NN_<key>.json``: each table's title,
  unit, columns, rows (cells and emphasis) and notes;
* ``golden/render/<report>_<lang>.{txt,md,html}``: the nine tables under
  their heading, rendered as text, Markdown and HTML;
* ``golden/csv/<report>_zh/NN_<key>.csv``: the CSV files, BOM included.

A test never writes a golden file unless asked to. To regenerate them ON
PURPOSE, after a deliberate change of layout or wording::

    GOVFINAL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render

then read every changed file (``git diff tests/render/golden``) and check its
figures by hand before committing it. Without the variable, a missing or
different golden file fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
"""The folder of the golden files."""

UPDATE_VARIABLE = "GOVFINAL_UPDATE_GOLDEN"
"""Set to ``1`` to rewrite the golden files instead of comparing with them."""


def updating() -> bool:
    """Whether this run rewrites the golden files (``GOVFINAL_UPDATE_GOLDEN=1``)."""
    return os.environ.get(UPDATE_VARIABLE, "") == "1"


def assert_golden(relative: str, actual: bytes) -> None:
    """Compare ``actual`` with the golden file ``relative``, or rewrite it when updating."""
    path = GOLDEN / relative
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        return
    assert path.exists(), (
        f"no golden file {path}; create it on purpose with {UPDATE_VARIABLE}=1 and check it by hand"
    )
    expected = path.read_bytes()
    if actual != expected:
        actual_text = actual.decode("utf-8-sig", errors="replace").splitlines()
        expected_text = expected.decode("utf-8-sig", errors="replace").splitlines()
        first = next(
            (
                index
                for index, (a, e) in enumerate(zip(actual_text, expected_text, strict=False))
                if a != e
            ),
            min(len(actual_text), len(expected_text)),
        )
        got = actual_text[first] if first < len(actual_text) else "<end>"
        want = expected_text[first] if first < len(expected_text) else "<end>"
        raise AssertionError(
            f"{relative} differs from its golden file at line {first + 1}:\n"
            f"  expected: {want!r}\n  actual:   {got!r}\n"
            f"(if the change is intended: {UPDATE_VARIABLE}=1, then review the diff)"
        )
