"""``python -m govfinal``: the command line (see :mod:`govfinal.cli`)."""

import sys

from govfinal.cli import main

if __name__ == "__main__":
    sys.exit(main())
