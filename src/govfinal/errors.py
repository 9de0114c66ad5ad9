"""The govfinal exception family.

Every error govfinal raises on purpose derives from :class:`GovFinalError`, so
a caller can catch one class and know the message is meant for people. Each
subclass also derives from the matching built-in (``TypeError``,
``ValueError``) so that ordinary Python code keeps working.

Findings of the checks are *not* exceptions: they are data (see the checks).
"""

from __future__ import annotations

__all__ = [
    "AddressError",
    "AmountError",
    "ClassificationError",
    "FloatRefusedError",
    "GovFinalError",
    "IngestError",
    "WriteError",
]


class GovFinalError(Exception):
    """Base class of every error govfinal raises on purpose."""


class AmountError(GovFinalError, ValueError):
    """A value cannot be an amount or a ratio: not a number, not finite, or out of bounds."""


class FloatRefusedError(GovFinalError, TypeError):
    """A ``float`` reached an entrance that takes money or ratios.

    Binary floating point cannot hold 0.01 exactly, so govfinal refuses it
    instead of guessing which decimal was meant.
    """


class ClassificationError(GovFinalError, ValueError):
    """A classification code is malformed, or a table lists one key twice.

    Codes are those of 支出功能分类 and 支出经济分类.
    A key is what names an item in its address: a code, an indicator's name, a
    funding row's label, a vehicle's use. Two items with one key would share one address.
    """


class AddressError(GovFinalError, LookupError):
    """An address (:mod:`govfinal.address`) is malformed, or names nothing in the report.

    The message names the address and the step that fails, e.g. ``address
    'functions[2080599].general_budget.basic': functions has no line with code
    '2080599'``. A :class:`LookupError` too, as a missing key or index is.
    """


class WriteError(GovFinalError, OSError):
    """A file could not be written; whatever was at ``path`` before is left as it was.

    An :class:`OSError` too, so that code catching write failures keeps working.

    Attributes:
        path: the file that was to be written.
        reason: what went wrong.

    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: cannot write the file: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[WriteError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class IngestError(GovFinalError, ValueError):
    """A published report cannot be read (:mod:`govfinal.ingest`).

    Not a PDF, damaged or encrypted, a scan without a text layer, too large,
    not UTF-8 text, or of no template family known; the message names the
    file and, where there is one, the page.
    """
