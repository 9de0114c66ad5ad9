"""Benchmark of reading published PDFs: ``govfinal.ingest.ingest`` per document.

For each PDF it times, over ``--runs`` runs in this process (median and
best reported, wall clock and CPU time):

* ``pages``   pdfplumber's characters and ruled grids (``read_pdf``);
* ``ingest``  the whole reading: pages, tables, narrative, assembly and load.

The target is at most 3 s for a 30-page PDF on a 2-core machine. Usage::

    python -m pip install -e '.[pdf]'
    python benchmarks/ingest.py                     # the bundled published PDFs
    python benchmarks/ingest.py --runs 5 report.pdf
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from govfinal.ingest import ingest
from govfinal.ingest.pages import read_pdf

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "examples" / "published").glob("*.pdf"))


def _timed(function: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path, default=BUNDLED)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.runs} runs each")
    print(f"{'document':<42} {'pages':>5} {'step':<7} {'median s':>9} {'best s':>7} {'cpu s':>6}")
    for path in args.pdfs:
        count = len(read_pdf(path))
        for step, function in (
            ("pages", lambda path=path: read_pdf(path)),
            ("ingest", lambda path=path: ingest(path)),
        ):
            walls, cpus = _timed(function, args.runs)
            print(
                f"{path.name:<42} {count:>5} {step:<7} {statistics.median(walls):>9.3f}"
                f" {min(walls):>7.3f} {statistics.median(cpus):>6.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
