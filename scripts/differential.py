"""Differential run of the checks: the same reports, two versions of govfinal.

``python scripts/differential.py corpus DIR`` writes the corpus once: the
example data, every rule-test case (the base report broken one way) and
generated reports (consistent, unrounded, with comparatives, and arbitrary),
each as a JSON data file. ``python scripts/differential.py run DIR OUT`` checks
every file of the corpus with the govfinal on ``PYTHONPATH`` and writes one
JSON line per report; a file that no longer loads (the model refuses it) is
skipped, named and counted. Write the corpus with the older version (its
``tests`` and ``src`` first on the path) when the change makes the model refuse
more, so that the refused reports are in the corpus and counted.
``python scripts/differential.py compare A B`` compares two runs on everything
but the addresses (``path`` and ``related``): codes, severities, figures,
differences, tolerances, and their order.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

FIELDS = ("code", "severity", "expected", "actual", "difference", "tolerance")


def corpus(directory: Path, count: int) -> None:
    import hypothesis
    from hypothesis import strategies as st

    import govfinal
    from tests import strategies
    from tests.checks.base import base_report
    from tests.checks.test_rule_coverage import _cases

    directory.mkdir(parents=True, exist_ok=True)
    written = 0

    def keep(name: str, report: govfinal.FinalAccount) -> None:
        nonlocal written
        try:
            text = govfinal.dumps(report, format="json")
            govfinal.loads(text, format="json")
        except Exception:  # a report the data file cannot hold is not in the corpus
            return
        (directory / f"{name}.json").write_text(text, encoding="utf-8")
        written += 1

    keep("example", govfinal.load("examples/data/kexie_2023.toml"))
    keep("base", base_report())
    for case in _cases():  # every rule-test case, the base report broken one way
        keep(f"case-{case.id}", case.mutate(base_report()))
    families = {
        "consistent": st.builds(lambda r: r, strategies.final_accounts()),
        "unrounded": strategies.unrounded_final_accounts(),
        "comparatives": strategies.final_accounts().flatmap(strategies.with_comparatives),
        "arbitrary": strategies.arbitrary_final_accounts(),
    }
    for family, strategy in families.items():
        seen = 0

        @hypothesis.settings(
            max_examples=count,
            database=None,
            derandomize=True,
            suppress_health_check=list(hypothesis.HealthCheck),
            deadline=None,
        )
        @hypothesis.given(strategy)
        def collect(report: govfinal.FinalAccount) -> None:
            nonlocal seen
            keep(f"{family}-{seen:05d}", report)  # noqa: B023 (run within this iteration)
            seen += 1

        collect()
    print(f"{written} reports written to {directory}")


def run(directory: Path, out: Path, *, exact: bool = False) -> None:
    import govfinal

    checked = skipped = 0
    with out.open("w", encoding="utf-8") as sink:
        for path in sorted(directory.glob("*.json")):
            try:
                report = govfinal.load(path)
            except govfinal.GovFinalError as error:  # e.g. a file the model now refuses
                skipped += 1
                print(f"skipped {path.name}: {str(error).splitlines()[0]}")
                continue
            checked += 1
            findings = govfinal.check(report, exact=exact)
            rows = [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "path": f.path,
                    "related": list(f.related),
                    **{
                        k: None if getattr(f, k) is None else str(getattr(f, k)) for k in FIELDS[2:]
                    },
                    "message": f.message_zh,
                }
                for f in findings
            ]
            sink.write(json.dumps({"file": path.name, "findings": rows}, ensure_ascii=False) + "\n")
    print(f"{checked} reports checked, {skipped} unloadable files skipped")


def compare(before: Path, after: Path) -> int:
    def read(path: Path) -> dict[str, list[dict[str, object]]]:
        lines = path.read_text(encoding="utf-8").splitlines()
        return {row["file"]: row["findings"] for row in map(json.loads, lines)}

    old, new = read(before), read(after)
    differing = 0
    findings = 0
    for name in sorted(old.keys() | new.keys()):
        a = [tuple(f[k] for k in FIELDS) for f in old.get(name, [])]
        b = [tuple(f[k] for k in FIELDS) for f in new.get(name, [])]
        findings += len(a)
        if a != b:
            differing += 1
            if differing <= 10:
                print(f"{name}: {len(a)} findings before, {len(b)} after")
                for x, y in zip(a, b, strict=False):
                    if x != y:
                        print(f"  before {x}\n  after  {y}")
                        break
    print(f"{len(old)} reports, {findings} findings before; {differing} reports differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.path[:0] = [os.getcwd(), os.path.join(os.getcwd(), "examples")]  # for the corpus
    command, *arguments = sys.argv[1:]
    if command == "corpus":
        corpus(Path(arguments[0]), int(arguments[1]) if len(arguments) > 1 else 300)
    elif command == "run":
        run(Path(arguments[0]), Path(arguments[1]), exact="--exact" in arguments[2:])
    elif command == "compare":
        sys.exit(compare(Path(arguments[0]), Path(arguments[1])))
