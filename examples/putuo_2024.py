"""Print a 2024 Putuo report in the wording of the Shanghai 2024 template, from its data file.

The whole report is rendered from a data file (by default
``examples/data/putuo_caizhengju_2024.toml``, 上海市普陀区财政局; also
``putuo_guihuaziranziyuan_2024``, 上海市普陀区规划和自然资源局): 第一部分 概况,
第二部分 the nine tables, 第三部分 情况说明 in the template's standard wording,
第四部分 名词解释 (the template's glossary). Every figure of the narrative is a
statement computed from the facts of the data file.

Run: ``python examples/putuo_2024.py [caizhengju|guihuaziranziyuan|FILE]
[--lang zh|en] [--format text|markdown|html]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import govfinal
from govfinal.render import render
from govfinal.render.glossary import family_glossary

DATA = Path(__file__).resolve().parent / "data"
FAMILY = "shanghai_2024"
REPORTS = {
    "caizhengju": DATA / "putuo_caizhengju_2024.toml",
    "guihuaziranziyuan": DATA / "putuo_guihuaziranziyuan_2024.toml",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "data",
        nargs="?",
        default="caizhengju",
        help="caizhengju, guihuaziranziyuan, or the path of a data file",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--format", choices=("text", "markdown", "html"), default="text")
    args = parser.parse_args(argv)
    path = REPORTS.get(args.data, Path(args.data))
    try:
        report = govfinal.io.load(path)
        text = render(
            report,
            format=args.format,
            lang=args.lang,
            family=FAMILY,
            glossary=family_glossary(FAMILY, args.lang),
        )
    except govfinal.GovFinalError as exc:
        print(exc, file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
