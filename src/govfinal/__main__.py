"""``python -m govfinal`` and the ``govfinal`` command's entry point (see :mod:`govfinal.cli`).

Ctrl-C while the command's modules are still being imported exits with
status 130 and no traceback, as it does once the command runs.
"""

from __future__ import annotations

import sys

_EXIT_INTERRUPTED = 130


def run() -> int:
    """Import the command and run it; an interrupt during the import exits quietly."""
    try:
        from govfinal.cli import main
    except KeyboardInterrupt:
        return _EXIT_INTERRUPTED
    return main()


if __name__ == "__main__":
    sys.exit(run())
