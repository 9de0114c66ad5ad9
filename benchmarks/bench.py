"""Micro-benchmark of one report, in one process: parse, load, check, render.

For each report size it times, with :func:`time.perf_counter` over many
repetitions (median and best are reported):

* ``json.loads``     the standard library parsing the report's JSON text: the floor;
* ``govfinal.loads`` the same text into a checked-shape ``FinalAccount``;
* ``check``          all rules on the loaded report;
* ``loads+check``    both, as ``govfinal check`` does per file;
* ``render``         the whole report as text (``render(report, format="text")``);

and prints each figure with its ratio to the floor. TOML figures
(``tomllib.loads`` and ``govfinal.loads(format="toml")``) are shown too, with
their own floor.

Sizes: ``kexie`` (the real 2023 seed report, ``examples/data/kexie_2023.toml``,
as JSON), ``seed`` and ``large`` (synthetic, from ``benchmarks/generate.py``).

Usage::

    python benchmarks/bench.py                  # all sizes, about a minute
    python benchmarks/bench.py --sizes seed --budget 0.5
    python benchmarks/bench.py --json out.json  # also write the figures as JSON
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, to_json, to_toml  # noqa: E402

import govfinal  # noqa: E402

SEED_FILE = HERE.parent / "examples" / "data" / "kexie_2023.toml"


def measure(
    function: Callable[[], object], budget: float, min_reps: int = 15, max_reps: int = 5000
) -> dict[str, float]:
    """Time ``function`` repeatedly for about ``budget`` seconds; seconds per call."""
    function()  # warm up (imports, converters, caches of constant tables)
    start = time.perf_counter()
    function()
    estimate = max(time.perf_counter() - start, 1e-7)
    reps = int(min(max(budget / estimate, min_reps), max_reps))
    times = []
    gc.collect()
    for _ in range(reps):
        begin = time.perf_counter()
        function()
        times.append(time.perf_counter() - begin)
    return {"median": statistics.median(times), "best": min(times), "reps": reps}


def texts(size: str, seed: int) -> tuple[str, str]:
    """The JSON and TOML text of one report of ``size``."""
    if size == "kexie":
        report = govfinal.load(SEED_FILE)
        return govfinal.dumps(report, format="json"), SEED_FILE.read_text(encoding="utf-8")
    document = generate(seed, size)
    return to_json(document), to_toml(document)


def bench_size(size: str, seed: int, budget: float) -> dict[str, Any]:
    json_text, toml_text = texts(size, seed)
    report = govfinal.loads(json_text, format="json")

    def loads_and_check() -> object:
        return govfinal.check(govfinal.loads(json_text, format="json"))

    figures = {
        "json.loads": measure(lambda: json.loads(json_text), budget),
        "govfinal.loads": measure(lambda: govfinal.loads(json_text, format="json"), budget),
        "check": measure(lambda: govfinal.check(report), budget),
        "loads+check": measure(loads_and_check, budget),
        "render(text)": measure(lambda: govfinal.render(report, format="text"), budget),
        "tomllib.loads": measure(lambda: tomllib.loads(toml_text, parse_float=Decimal), budget),
        "govfinal.loads(toml)": measure(lambda: govfinal.loads(toml_text, format="toml"), budget),
    }
    return {
        "size": size,
        "json_bytes": len(json_text.encode()),
        "function_lines": len(report.functions.lines),
        "indicators": sum(len(e.indicators) for e in report.performance.evaluations),
        "findings": len(govfinal.check(report)),
        "figures": figures,
    }


def show(result: dict[str, Any]) -> None:
    figures = result["figures"]
    floors = {"json": figures["json.loads"]["median"], "toml": figures["tomllib.loads"]["median"]}
    print(
        f"\n== {result['size']}: {result['json_bytes']:,} bytes of JSON, "
        f"{result['function_lines']} function lines, {result['indicators']} indicators, "
        f"{result['findings']} findings"
    )
    print(f"{'operation':<22}{'median':>12}{'best':>12}{'reps':>7}  × floor (median)")
    for name, figure in figures.items():
        floor = floors["toml"] if "toml" in name else floors["json"]
        ratio = figure["median"] / floor
        print(
            f"{name:<22}{_time(figure['median']):>12}{_time(figure['best']):>12}"
            f"{figure['reps']:>7}  {ratio:8.1f}×"
        )


def _time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def targets(results: list[dict[str, Any]]) -> None:
    """The issue's per-report targets, judged on the seed-sized reports."""
    print("\n== targets (seed-sized reports)")
    for result in results:
        if result["size"] == "large":
            continue
        figures = result["figures"]
        ratio = figures["loads+check"]["median"] / figures["json.loads"]["median"]
        render = figures["render(text)"]["median"]
        print(
            f"{result['size']:<6} loads+check = {ratio:.1f}× json.loads (target ≤ 5×: "
            f"{'met' if ratio <= 5 else 'missed'}); render {_time(render)} (target < 1 ms: "
            f"{'met' if render < 1e-3 else 'missed'})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time json.loads, loads, check and render.")
    parser.add_argument("--sizes", nargs="+", default=["kexie", "seed", "large"])
    parser.add_argument("--seed", type=int, default=1, help="generator seed")
    parser.add_argument(
        "--budget", type=float, default=1.0, help="seconds per measurement (default 1)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    python = f"Python {platform.python_version()} on {platform.machine()}"
    print(f"{python}, govfinal {govfinal.__version__} from {Path(govfinal.__file__).parent}")
    results = []
    for size in args.sizes:
        result = bench_size(size, args.seed, args.budget)
        show(result)
        results.append(result)
    targets(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
