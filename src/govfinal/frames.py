"""pandas, the optional extra behind the ``to_pandas()`` methods.

pandas is not a dependency of govfinal: install it with the ``pandas`` extra
(``pip install "govfinal[pandas]"``). It is imported only when a frame is
asked for; without it, :func:`data_frame` raises :class:`MissingExtraError`,
which names the extra.

Frames hold amounts as :class:`~decimal.Decimal` objects (columns of dtype
``object``), never floats, and codes as strings: every column is built with
``dtype=object``, so pandas infers nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any, Final

from govfinal.errors import GovFinalError

__all__ = ["EXTRA", "MissingExtraError", "data_frame", "import_pandas"]

EXTRA: Final = "pandas"
"""The name of the optional extra that installs pandas."""


class MissingExtraError(GovFinalError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""


def import_pandas() -> Any:
    """The ``pandas`` module, imported now; :class:`MissingExtraError` if it is not installed."""
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise MissingExtraError(
            f"to_pandas() needs pandas, which is not installed: "
            f'pip install "govfinal[{EXTRA}]" (or pip install pandas)'
        ) from exc


def data_frame(columns: Sequence[str], rows: Sequence[Mapping[str, object]]) -> Any:
    """A ``pandas.DataFrame`` of ``rows`` with ``columns`` in order, every column ``object``.

    Column names must be unique. Values are kept as they are (no float, no
    inference): a :class:`~decimal.Decimal` stays a Decimal, a code a string.
    """
    pandas = import_pandas()
    data = {
        name: pandas.Series([row[name] for row in rows], dtype=object, name=name)
        for name in columns
    }
    return pandas.DataFrame(data, columns=list(columns))
