"""Findings: what the checks report, as data.

A :class:`Finding` is one disagreement (or notice) about one figure. The
checks never raise on a bad report; they return :class:`Findings`. Callers who
prefer an exception call :meth:`Findings.raise_for_findings`, which raises a
:class:`FindingsError` (an ``ExceptionGroup``) holding one
:class:`FindingError` per finding, each with the figure's path in its notes.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final, overload

import attrs

from govfinal.checks.tolerance import shown
from govfinal.errors import GovFinalError

__all__ = ["Finding", "FindingError", "Findings", "FindingsError", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters.

    * ``ERROR``: the report disagrees with itself beyond rounding.
    * ``WARNING``: suspicious, or a stated figure that deviates from policy.
    * ``INFO``: worth knowing; nothing is wrong.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Finding:
    """One finding of one rule about one figure.

    Attributes:
        code: the rule's stable code, e.g. ``"T101"``.
        severity: error, warning or info.
        path: the address of the figure the finding is about, e.g.
            ``functions[2060101].general_budget.stated_expenditure``; it
            resolves in the report (:func:`govfinal.resolve`).
        message_zh: what is wrong, in Chinese, with the formula and its figures.
        message_en: the same in English.
        expected: the value the identity asks for (e.g. the sum of the parts).
        actual: the value published.
        difference: ``actual − expected``.
        tolerance: the largest difference rounding can explain (0 in exact mode).
        related: the addresses of the other figures in the identity.
        statement: for a finding about a narrative statement (N9xx), the
            statement's position in ``FinalAccount.statements``.

    """

    code: str
    severity: Severity
    path: str
    message_zh: str
    message_en: str
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    related: tuple[str, ...] = ()
    statement: int | None = None

    def message(self, lang: str = "zh") -> str:
        """The message in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.message_en if lang == "en" else self.message_zh

    def __str__(self) -> str:
        return f"{self.code} {self.severity.value} {self.path}: {self.message_zh}"


class FindingError(GovFinalError):
    """One finding raised as an exception; ``finding`` holds the data."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(f"{finding.code} {finding.path}: {finding.message_en}")
        self.finding = finding
        self.add_note(f"at {finding.path}")
        for path in finding.related:
            self.add_note(f"with {path}")


class FindingsError(ExceptionGroup[FindingError], GovFinalError):
    """All findings of a report at or above a severity, as an exception group.

    It is a :class:`~govfinal.errors.GovFinalError` too, so one ``except``
    clause catches every error govfinal raises on purpose.
    """


@attrs.frozen(repr=False)
class Findings(Sequence[Finding]):
    """The findings of one check run, in a deterministic order.

    ``ok`` is true when there is no error; warnings and infos do not make a
    report fail unless the caller says so.

    Its ``repr`` counts the findings by severity, its ``str`` lists them one a
    line; in a notebook they show as a table (``_repr_html_``), and
    :meth:`to_pandas` makes a data frame of them.

    >>> Findings()
    Findings(0 errors, 0 warnings, 0 infos)
    """

    items: tuple[Finding, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.items)

    def of(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings of one severity."""
        return tuple(f for f in self.items if f.severity is severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return self.of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The info findings."""
        return self.of(Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not self.errors

    def codes(self) -> tuple[str, ...]:
        """The rule code of each finding, in order."""
        return tuple(f.code for f in self.items)

    def by_code(self) -> dict[str, tuple[Finding, ...]]:
        """The findings grouped by rule code, in order of first appearance."""
        groups: dict[str, list[Finding]] = {}
        for finding in self.items:
            groups.setdefault(finding.code, []).append(finding)
        return {code: tuple(group) for code, group in groups.items()}

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings at ``severity`` or more serious."""
        return tuple(f for f in self.items if f.severity.rank <= severity.rank)

    def flatten(self) -> list[dict[str, str]]:
        """One row of strings per finding, for tables, CSV or JSON."""
        return [
            {
                "code": f.code,
                "severity": f.severity.value,
                "path": f.path,
                "message": f.message_zh,
                "message_en": f.message_en,
                "expected": _text(f.expected),
                "actual": _text(f.actual),
                "difference": _text(f.difference),
                "tolerance": _text(f.tolerance),
            }
            for f in self.items
        ]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._counts()})"

    def __str__(self) -> str:
        lines = [f"{len(self.items)} finding(s): {self._counts()}"]
        lines.extend(f"  {finding}" for finding in self.items)
        return "\n".join(lines)

    def _counts(self) -> str:
        """``3 errors, 2 warnings, 7 infos``."""
        counts = ((len(self.of(severity)), severity.value) for severity in Severity)
        return ", ".join(f"{n} {name}{'' if n == 1 else 's'}" for n, name in counts)

    def _repr_html_(self) -> str:
        """An HTML table (code, severity, address, message), for notebooks; every text escaped."""
        head = "".join(f"<th>{html.escape(name)}</th>" for name in _HTML_COLUMNS)
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(text)}</td>"
                for text in (f.code, f.severity.value, f.path, f.message_zh)
            )
            + "</tr>"
            for f in self.items
        )
        caption = html.escape(f"{type(self).__name__}: {self._counts()}")
        return (
            f'<table class="govfinal-findings"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row per finding (needs the ``pandas`` extra).

        Columns: ``code``, ``severity`` (``"error"``, ``"warning"``, ``"info"``),
        ``address`` (the figure's path), ``message`` (Chinese), ``message_en``,
        then ``expected``, ``actual``, ``difference`` and ``tolerance`` as
        :class:`~decimal.Decimal` objects or ``None`` (never floats). Every
        column has dtype ``object``. Without pandas it raises
        :class:`~govfinal.frames.MissingExtraError`.
        """
        from govfinal.frames import data_frame

        rows = [
            {
                "code": f.code,
                "severity": f.severity.value,
                "address": f.path,
                "message": f.message_zh,
                "message_en": f.message_en,
                "expected": f.expected,
                "actual": f.actual,
                "difference": f.difference,
                "tolerance": f.tolerance,
            }
            for f in self.items
        ]
        return data_frame(FRAME_COLUMNS, rows)

    def raise_for_findings(self, severity: Severity = Severity.ERROR) -> None:
        """Raise :class:`FindingsError` if any finding is at ``severity`` or worse."""
        selected = self.at_least(severity)
        if selected:
            raise FindingsError(
                f"{len(selected)} finding(s) at {severity.value} or above",
                [FindingError(f) for f in selected],
            )

    @classmethod
    def collect(cls, findings: Iterable[Finding]) -> Findings:
        """Findings from an iterable, kept in the order given."""
        return cls(tuple(findings))


FRAME_COLUMNS: Final = (
    "code",
    "severity",
    "address",
    "message",
    "message_en",
    "expected",
    "actual",
    "difference",
    "tolerance",
)
"""The columns of :meth:`Findings.to_pandas`, in order."""

_HTML_COLUMNS: Final = ("code", "severity", "address", "message")


def _text(value: Decimal | None) -> str:
    """A figure as plain text, every digit and never an exponent; blank when absent."""
    return "" if value is None else shown(value)
