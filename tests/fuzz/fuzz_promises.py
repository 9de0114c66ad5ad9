"""Coverage-guided fuzzing of govfinal's bad-input promises with atheris (libFuzzer).

The same promises as ``tests/hostile/test_fuzz.py`` (see
``tests/hostile/promises.py``), driven by atheris instead of Hypothesis. Each
input is read in one of three ways, chosen by its first byte:

* as JSON text given to :func:`govfinal.loads`;
* as TOML text given to :func:`govfinal.loads`;
* as a list of edits to one of the bundled examples: which value to replace,
  and with what (a hostile value of the pool, a number, or text).

Whatever loads is then checked, round-tripped and rendered. A promise broken
is an uncaught exception, which atheris reports with the input that caused
it (saved as ``crash-…``).

Run it from the repository root (atheris is in the ``fuzz`` extra)::

    python -m pip install -e '.[fuzz]'
    python tests/fuzz/fuzz_promises.py -max_total_time=60 -max_len=65536 /tmp/corpus examples/data

``/tmp/corpus`` (any empty folder) collects the inputs that reach new code;
``examples/data`` seeds it. CI runs it for one bounded minute.
"""

from __future__ import annotations

import copy
import importlib
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
TEXT_JSON, TEXT_TOML = 0, 1
_INSTRUMENTED = (
    "govfinal.io",
    "govfinal.checks",
    "govfinal.render",
    "govfinal.render.tables",
    "govfinal.render.compose",
    "govfinal.render.families",
    "govfinal.render.families.xinjiang_2023",
    "govfinal.render.self_evaluation",
    "govfinal.render.text",
    "govfinal.render.markdown",
    "govfinal.render.html",
    "govfinal.render.csv_out",
)
"""The modules whose code the fuzzer measures its coverage on (with all they import)."""


def _edit(document: dict[str, Any], provider: Any, pool: tuple[object, ...]) -> None:
    """Replace a few values of ``document``, as ``provider``'s bytes choose."""
    from tests.hostile.promises import slots

    for _ in range(provider.ConsumeIntInRange(1, 6)):
        places = list(slots(document))
        if not places:
            return
        container, key = places[provider.ConsumeIntInRange(0, len(places) - 1)]
        choice = provider.ConsumeIntInRange(0, 3)
        if choice == 0:
            container[key] = pool[provider.ConsumeIntInRange(0, len(pool) - 1)]
        elif choice == 1:
            container[key] = str(provider.ConsumeInt(16))
        elif choice == 2:
            container[key] = provider.ConsumeUnicode(24)
        elif isinstance(container, list):
            container.insert(key, copy.deepcopy(container[key]))


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line options."""
    import atheris

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "examples"))
    with atheris.instrument_imports(include=["govfinal"]):
        # govfinal imports its modules lazily: load each one here, so it is instrumented.
        for module in _INSTRUMENTED:
            importlib.import_module(module)
    from govfinal.io import LoadError, loads
    from tests.hostile import promises

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        way = provider.ConsumeIntInRange(0, 2)
        if way in (TEXT_JSON, TEXT_TOML):
            text = provider.ConsumeUnicodeNoSurrogates(len(data))
            try:
                report = loads(text, format="json" if way == TEXT_JSON else "toml")
            except LoadError:
                return
        else:
            chosen = promises.DOCUMENTS[provider.ConsumeIntInRange(0, len(promises.DOCUMENTS) - 1)]
            document = copy.deepcopy(chosen)
            _edit(document, provider, promises.HOSTILE_SCALARS)
            report = promises.loads_or_load_error(promises.to_json(document))
            if report is None:
                return
        promises.assert_promises_of_a_loaded_report(report)

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
