"""Print the 2023 report of 乌鲁木齐高新区（新市区）科学技术协会 from its data file.

The whole report (Chinese, plain text) is rendered from
``examples/data/kexie_2023.toml``: profile, narrative, the two self-evaluation
tables, glossary and the nine tables. Every number in it is computed from the
data, so the text and the tables cannot disagree.

Run: ``python examples/reproduce_2023_report.py [--lang zh|en] [--format text|markdown|html]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import govfinal
from govfinal.render import render

DATA = Path(__file__).resolve().parent / "data" / "kexie_2023.toml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--format", choices=("text", "markdown", "html"), default="text")
    args = parser.parse_args(argv)
    try:
        report = govfinal.io.load(DATA)
    except govfinal.GovFinalError as exc:
        print(exc, file=sys.stderr)
        return 2
    sys.stdout.write(render(report, format=args.format, lang=args.lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
