"""The package's public names: every one is listed once, and each imports when first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import govfinal


def test_every_public_name_has_a_module_and_resolves() -> None:
    lazy = set(govfinal._EXPORTS)
    assert set(govfinal.__all__) == lazy | {"__version__", "render"}
    for name in govfinal.__all__:
        assert getattr(govfinal, name) is not None
    assert set(govfinal.__all__) <= set(dir(govfinal))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        govfinal.no_such_name  # noqa: B018


def test_render_stays_the_function_after_its_subpackage_is_imported() -> None:
    import govfinal.render.tables  # a later import of the subpackage

    assert callable(govfinal.render)
    assert govfinal.render.__module__ == "govfinal.render"


def test_subpackages_are_attributes_in_a_fresh_interpreter() -> None:
    """``import govfinal; govfinal.io`` works whatever was imported before (the names are lazy)."""
    probe = "import govfinal; print(govfinal.io.__name__, govfinal.ratios.__name__)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["govfinal.io", "govfinal.ratios"]


def test_the_reproduction_example_runs_in_a_fresh_interpreter(tmp_path: Path) -> None:
    """``examples/reproduce_2023_report.py`` runs as a reader runs it, from any folder."""
    script = Path(__file__).resolve().parent.parent / "examples" / "reproduce_2023_report.py"
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("第一部分 单位概况")
