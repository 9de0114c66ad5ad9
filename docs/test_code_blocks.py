"""Every code block of the pages is either run by ``docs/conftest.py`` or allowed not to be.

Sybil runs ``python``, ``console`` and ``toml`` blocks. A block in any other
language would silently escape the tests, so only these others are allowed:
``bash`` for commands that change the reader's machine (or that a
``console`` block of the same page runs too),
``text`` and ``json`` for output and data shown, ``yaml`` for another
service's configuration, and MyST directives (``{toctree}``, ``{eval-rst}``,
the generated references, ``{code-block} toml``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent
PAGES = sorted(path for path in DOCS.rglob("*.md") if "_build" not in path.parts)

RUN = {"python", "console", "toml"}
SHOWN = {"bash", "text", "json", "yaml"}
DIRECTIVES = {
    "{toctree}",
    "{eval-rst}",
    "{include}",
    "{rule-catalogue}",
    "{schema-reference}",
    "{cli-help}",
    "{glossary-table}",
    "{terms-table}",
    "{export-table}",
}
SETUP_COMMAND = re.compile(
    r"(mkdir |cd |git clone |python3? -m venv |\. \S+/activate|source \S+/activate"
    r"|python -m pip install |sphinx-build |python -m pytest)"
)
"""What a ``bash`` block may do: set up the reader's machine, build, run the tests."""

_FENCE = re.compile(r"^(`{3,})(\S*)[ \t]*([^\n]*)\n(.*?)^\1\s*$", re.M | re.S)


def blocks(page: Path) -> list[tuple[str, str, str]]:
    """``(info, argument, body)`` of each top-level fenced block of a page."""
    text = page.read_text(encoding="utf-8")
    return [(match[2], match[3].strip(), match[4]) for match in _FENCE.finditer(text)]


def test_there_are_pages() -> None:
    assert len(PAGES) > 10


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_every_code_block_is_run_or_allowed(page: Path) -> None:
    found = blocks(page)
    console = [
        line[2:]
        for info, _argument, body in found
        if info == "console"
        for line in body.splitlines()
        if line.startswith("$ ")
    ]
    for info, argument, body in found:
        if info == "{code-block}":
            assert argument in RUN, f"{page.name}: a code-block of {argument!r} is never run"
            continue
        assert info in RUN | SHOWN | DIRECTIVES, f"{page.name}: a ```{info} block is never run"
        if info != "bash":
            continue
        for line in filter(None, (line.strip() for line in body.splitlines())):
            for command in re.split(r"\s*&&\s*", line):
                assert SETUP_COMMAND.match(command) or any(command in run for run in console), (
                    f"{page.name}: `{command}` in a bash block is not run by the docs tests; "
                    "run it in a ```console block too"
                )


def _python_of(page: Path) -> str:
    """The Python of a page's ``python`` blocks, prompts taken off, in order."""
    code = []
    for block in re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        lines = block.splitlines()
        if lines and lines[0].startswith(">>>"):
            lines = [line[4:] for line in lines if line.startswith((">>> ", "... ")) or line in (">>>", "...")]
        code.extend(lines)
    return "\n".join(code) + "\n"


def test_the_tutorial_passes_mypy_strict_as_written(tmp_path: Path) -> None:
    """A reader who types the tutorial into a module checked by ``mypy --strict`` gets no error."""
    api = pytest.importorskip("mypy.api")
    module = tmp_path / "tutorial.py"
    module.write_text(_python_of(DOCS / "tutorial.md"), encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", str(module)])
    assert status == 0, out + err
