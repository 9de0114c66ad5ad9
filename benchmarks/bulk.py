"""Bulk run: ``govfinal check --jobs 2 --format json`` over thousands of generated files.

Generates ``--files`` seed-sized reports (distinct seeds, so distinct files)
into a temporary directory, then runs the ``govfinal`` command over the first
1,000 and over all of them, as a user would, and reports for each run:

* throughput: reports per second of wall time (file generation not included);
* CPU seconds used by the command and its worker processes (sampled from
  ``/proc``, so the last 0.1 s of a process may be missed);
* peak memory (VmHWM, the high-water mark of resident memory read from
  ``/proc``) of the main ``govfinal`` process and of its largest worker,
  sampled every 0.1 s while the command runs, plus ``ru_maxrss`` of
  ``resource.getrusage(RUSAGE_CHILDREN)`` (the largest descendant reaped);

and compares 1,000 with 10,000 files: memory is flat when the peak does not
grow with the number of files. A control process (a Python that only imports
``govfinal.cli``, given the same command line) shows how much of the main
process's memory is the long command line itself (about 0.6 KiB per path in
CPython: ``sys.argv``, ``sys.orig_argv`` and the interpreter's own copies).

All paths go on one command line when it fits (``os.sysconf("SC_ARG_MAX")``);
otherwise, or with ``--chunk N``, the files are split into invocations of N
paths each (as ``xargs -n`` would), and the figures add up over them.

Usage::

    python benchmarks/bulk.py                   # 1,000 and 10,000 files, jobs 2
    python benchmarks/bulk.py --files 2000 --runs 500 2000
    python benchmarks/bulk.py --chunk 1000      # 1,000 paths per invocation
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, to_json  # noqa: E402

_SCRIPT = Path(sys.executable).with_name("govfinal")
GOVFINAL = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "govfinal"]
"""The command: the ``govfinal`` script beside this Python, else ``python -m govfinal``."""


# -- memory of a process tree, from /proc ----------------------------------------------


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of ``pid`` in KiB (empty once the process is gone)."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    key, value = line.split(":", 1)
                    found[key] = int(value.split()[0])
    except OSError:
        pass
    return found


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) ``pid`` has used so far (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _descendants(root: int) -> list[int]:
    """Every process below ``root`` (workers and the forkserver), from /proc/*/stat."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry)] = int(fields[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        children = [child for child, parent in parents.items() if parent == pid]
        found.extend(children)
        frontier.extend(children)
    return found


class TreeSampler:
    """Samples the memory high-water mark of a process and its descendants."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.pid = pid
        self.interval = interval
        self.main_hwm = 0
        self.worker_hwm: dict[int, int] = {}
        self.peak_total_rss = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        main = _status(self.pid)
        if not main:
            return
        self.main_hwm = max(self.main_hwm, main.get("VmHWM", 0))
        self.cpu[self.pid] = max(self.cpu.get(self.pid, 0.0), _cpu(self.pid))
        total = main.get("VmRSS", 0)
        for pid in _descendants(self.pid):
            status = _status(pid)
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu(pid))
            self.worker_hwm[pid] = max(self.worker_hwm.get(pid, 0), status.get("VmHWM", 0))
            total += status.get("VmRSS", 0)
        self.peak_total_rss = max(self.peak_total_rss, total)


# -- the runs --------------------------------------------------------------------------


def make_files(directory: Path, count: int) -> list[str]:
    """``count`` seed-sized JSON reports with seeds 0… (short names, for the command line)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        path = directory / f"{seed:05d}.json"
        path.write_text(to_json(generate(seed, "seed")), encoding="utf-8")
        paths.append(str(path))
    return paths


def _fits(paths: list[str], jobs: int) -> bool:
    """Whether all paths fit on one command line, with a wide margin for the environment."""
    size = sum(len(p) + 1 for p in paths) + sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    return size < os.sysconf("SC_ARG_MAX") // 2


def run_check(paths: list[str], jobs: int, chunk: int | None, out_dir: Path) -> dict[str, Any]:
    """Run ``govfinal check`` over ``paths``; wall time, CPU, memory, and what it found."""
    if chunk is None and not _fits(paths, jobs):
        chunk = 1000
    chunks = (
        [paths] if chunk is None else [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    )
    wall = cpu = 0.0
    main_hwm = worker_hwm = peak_total = 0
    files = ok = findings = 0
    statuses = []
    for index, part in enumerate(chunks):
        output = out_dir / f"out_{len(paths)}_{index}.json"
        command = [*GOVFINAL, "check", "--jobs", str(jobs), "--format", "json", *part]
        with open(output, "wb") as sink:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
            with TreeSampler(process.pid) as sampler:
                _, stderr = process.communicate()
            wall += time.perf_counter() - start
        statuses.append(process.returncode)
        if process.returncode not in (0, 1):
            raise SystemExit(f"govfinal check failed ({process.returncode}): {stderr.decode()}")
        main_hwm = max(main_hwm, sampler.main_hwm)
        worker_hwm = max(worker_hwm, max(sampler.worker_hwm.values(), default=0))
        peak_total = max(peak_total, sampler.peak_total_rss)
        cpu += sum(sampler.cpu.values())
        document = json.loads(output.read_text(encoding="utf-8"))
        files += len(document)
        ok += sum(1 for result in document if result["ok"])
        findings += sum(len(result["findings"]) for result in document)
        output.unlink()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "files": files,
        "ok": ok,
        "findings": findings,
        "invocations": len(chunks),
        "exit_statuses": sorted(set(statuses)),
        "wall_s": wall,
        "reports_per_s": files / wall,
        "cpu_s": cpu,
        "main_peak_mib": main_hwm / 1024,
        "largest_worker_peak_mib": worker_hwm / 1024,
        "peak_total_rss_mib": peak_total / 1024,
        "rusage_children_maxrss_mib": after.ru_maxrss / 1024,
    }


def argv_control(paths: list[str], chunk: int | None) -> float:
    """Peak memory (MiB) of a Python that only imports ``govfinal.cli`` with the same paths as
    arguments: what the interpreter itself keeps for a long command line (sys.argv and friends),
    to tell it apart from what checking costs."""
    if chunk is None and not _fits(paths, 0):
        chunk = 1000
    part = paths if chunk is None else paths[:chunk]
    code = "import time, govfinal.cli; time.sleep(0.3)"
    process = subprocess.Popen([sys.executable, "-c", code, *part])
    with TreeSampler(process.pid, 0.05) as sampler:
        process.wait()
    return sampler.main_hwm / 1024


def show(result: dict[str, Any]) -> None:
    print(
        f"{result['files']:>6} files in {result['invocations']} invocation(s): "
        f"{result['wall_s']:6.1f} s wall, {result['reports_per_s']:7.0f} reports/s, "
        f"{result['cpu_s']:6.1f} s CPU (~{result['cpu_s'] * 1e3 / result['files']:.2f} ms/report); "
        f"peak RSS main {result['main_peak_mib']:.0f} MiB, "
        f"largest worker {result['largest_worker_peak_mib']:.0f} MiB, "
        f"whole tree {result['peak_total_rss_mib']:.0f} MiB; "
        f"{result['ok']} ok, {result['findings']} findings"
    )
    print(
        f"{'':>6} the same command line held by a Python that only imports govfinal.cli: "
        f"{result['argv_control_mib']:.0f} MiB, so checking adds "
        f"{result['main_peak_mib'] - result['argv_control_mib']:.1f} MiB to the main process"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="govfinal check over thousands of files.")
    parser.add_argument("--files", type=int, default=10_000, help="files to generate")
    parser.add_argument(
        "--runs", type=int, nargs="+", default=[1_000, 10_000], help="files per run"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--chunk", type=int, help="paths per invocation (default: all)")
    parser.add_argument("--dir", type=Path, help="keep the files here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    temporary = args.dir is None
    base = Path(tempfile.mkdtemp(prefix="govfinal-bulk-")) if temporary else args.dir
    try:
        start = time.perf_counter()
        existing = sorted(str(p) for p in (base / "r").glob("*.json")) if not temporary else []
        paths = existing if len(existing) >= args.files else make_files(base / "r", args.files)
        paths = paths[: args.files]
        print(f"{len(paths)} files in {base / 'r'} ({time.perf_counter() - start:.1f} s to make)")
        print(f"govfinal check --jobs {args.jobs} --format json, nproc {os.cpu_count()}")
        results = []
        for count in args.runs:
            result = run_check(paths[:count], args.jobs, args.chunk, base)
            result["argv_control_mib"] = argv_control(paths[:count], args.chunk)
            show(result)
            results.append(result)
        if len(results) >= 2:
            small, big = results[0], results[-1]
            own_small = small["main_peak_mib"] - small["argv_control_mib"]
            own_big = big["main_peak_mib"] - big["argv_control_mib"]
            print(
                f"memory, {big['files']} vs {small['files']} files: main process "
                f"{small['main_peak_mib']:.1f} → {big['main_peak_mib']:.1f} MiB "
                f"({big['main_peak_mib'] / small['main_peak_mib']:.2f}×; beyond the command line "
                f"itself {own_small:.1f} → {own_big:.1f} MiB), largest worker "
                f"{small['largest_worker_peak_mib']:.1f} → "
                f"{big['largest_worker_peak_mib']:.1f} MiB "
                f"({big['largest_worker_peak_mib'] / small['largest_worker_peak_mib']:.2f}×)"
            )
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    finally:
        if temporary:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
