"""Run every code example of the documentation: ``python -m pytest docs``.

Sybil collects the fenced code blocks of the pages (``docs/**/*.md``):

* ```` ```python ```` blocks are run; a block that starts with ``>>>`` is a
  doctest, and its output must match (``ELLIPSIS`` and
  ``NORMALIZE_WHITESPACE``, as for the docstrings).
* ```` ```console ```` blocks are shell sessions: each ``$ command`` is run with
  bash, standard error merged into standard output, and what it prints must
  match the lines below it (``...`` stands for any text, as in doctests).
* ```` ```toml ```` blocks are data files: each must load with
  :func:`govfinal.loads`. One written as ```` ```{code-block} toml ```` with a
  ``:caption:`` naming a file is also saved under that name, so that the
  examples after it can load or check it.
* ```` ```bash ```` blocks change the reader's machine (create an environment,
  install, clone) and are not run; ```` ```text ```` and ```` ```json ````
  blocks show output or data and are not run either.

The examples of one page share a namespace and run in order, in a scratch
folder that stands for the repository root: it holds a link to the
repository's ``examples`` folder, so ``examples/data/kexie_2023.toml`` reads
the real file, while whatever an example writes stays out of the work tree.
The ``govfinal`` command of the running interpreter's environment comes first
on ``PATH``.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sybil import Document, Example, Region, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# Sphinx's configuration and extension are not examples.
collect_ignore = ["conf.py", "_ext", "_build"]

OPTIONFLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
COMMAND_TIMEOUT = 300
"""Seconds one shell command of an example may take."""

_PROMPT = "$ "


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "80"
    return env


def _sessions(source: str) -> list[tuple[str, str]]:
    """``(command, expected output)`` pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith(_PROMPT):
            pairs.append((line[len(_PROMPT) :], []))
        elif pairs:
            pairs[-1][1].append(line)
        elif line.strip():
            raise ValueError(f"console block must start with a '{_PROMPT}' prompt: {line!r}")
    return [(command, "\n".join(lines).strip("\n")) for command, lines in pairs]


def evaluate_console(example: Example) -> str | None:
    """Run each command of a console block and compare its output."""
    checker = doctest.OutputChecker()
    for command, want in _sessions(example.parsed):
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=os.getcwd(),
            env=_environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        got = "\n".join(line.rstrip() for line in done.stdout.strip("\n").splitlines())
        if not checker.check_output(want + "\n", got + "\n", OPTIONFLAGS):
            return (
                f"$ {command}\n--- expected\n{want}\n--- got (exit status {done.returncode})\n{got}"
            )
    return None


class ConsoleParser(CodeBlockParser):
    """```` ```console ```` blocks: shell sessions that are run and compared."""

    language = "console"

    def evaluate(self, example: Example) -> str | None:
        return evaluate_console(example)


_FILE_NAME = re.compile(r"[\w.-]+\.toml")


class TomlParser(CodeBlockParser):
    """```` ```toml ```` blocks: data files that must load; captioned ones are saved."""

    language = "toml"

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in self.lexers(document):
            if region.lexemes.get("arguments") != self.language:
                continue
            options = region.lexemes.get("options") or {}
            region.parsed = (str(region.lexemes["source"]), options.get("caption"))
            region.evaluator = self.evaluate
            yield region

    def evaluate(self, example: Example) -> str | None:
        import govfinal

        text, caption = example.parsed
        govfinal.loads(text, format="toml", source=caption or "<docs example>")
        if caption:
            if not _FILE_NAME.fullmatch(caption):
                return f"caption {caption!r} is not a plain .toml file name"
            Path(caption).write_text(text, encoding="utf-8")
        return None


def _setup(namespace: dict[str, Any]) -> None:
    scratch = Path(tempfile.mkdtemp(prefix="govfinal-docs-"))
    (scratch / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    namespace["__docs_previous_cwd__"] = os.getcwd()
    namespace["__docs_scratch__"] = scratch
    os.chdir(scratch)


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(namespace.pop("__docs_previous_cwd__"))
    shutil.rmtree(namespace.pop("__docs_scratch__"), ignore_errors=True)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONFLAGS),
        ConsoleParser(),
        TomlParser(),
        SkipParser(),
    ],
    patterns=["*.md", "**/*.md"],
    excludes=["_build/**"],
    setup=_setup,
    teardown=_teardown,
).pytest()
