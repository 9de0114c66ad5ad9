"""What a reader of a published report gives: facts, statements, and what it missed.

Every reader of :mod:`govfinal.ingest` (the table recognisers, the narrative
recognisers) gives its results as :class:`Readings`, which the assembly turns
into a data-file document and then a :class:`~govfinal.model.FinalAccount`
through the ordinary loader, so an ingested report obeys every promise a
hand-written data file does.

Invariants:

* A :class:`Fact` holds a value as the document holds it: a
  :class:`~decimal.Decimal` with the digits as printed (``2,940.05`` is
  ``Decimal("2940.05")``), an ``int`` for a count, a ``str`` for a text or an
  enum's Chinese value, a tuple of texts for a list (the subordinate units).
  Never a ``float``.
* Every fact and every statement carries its :class:`Source`; what was looked
  for and not found is a :class:`Missing`, never a filled-in value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from govfinal.address import parse

__all__ = ["Fact", "Missing", "Readings", "Source", "TextLine"]


@attrs.frozen
class TextLine:
    """One line of a page's text, as laid out (版面中的一行).

    Attributes:
        text: the characters of the line, left to right.
        page: the page, counted from 1.
        number: the line, counted from 1 within its page.
        bbox: ``(x0, top, x1, bottom)`` in points from the page's top left,
            rounded to 0.1 pt; ``None`` for a plain-text source.

    """

    text: str
    page: int
    number: int
    bbox: tuple[Decimal, Decimal, Decimal, Decimal] | None = None


@attrs.frozen
class Source:
    """Where a figure or a statement was read (出处).

    Attributes:
        file: the file's name as given.
        page: the page, counted from 1 (``None`` when the source has no pages).
        part: the table's title (``支出决算表``) or the narrative's section
            (``情况说明五（二）``).
        row: the row's 科目编码 or label, for a table cell.
        column: the column's heading, for a table cell.
        line: the line on the page, for narrative text.
        bbox: ``(x0, top, x1, bottom)`` in points, when read from a PDF.
        text: the raw text read (a cell's characters, a sentence).

    """

    file: str
    page: int | None
    part: str
    row: str | None = None
    column: str | None = None
    line: int | None = None
    bbox: tuple[Decimal, Decimal, Decimal, Decimal] | None = None
    text: str = ""

    def __str__(self) -> str:
        """``report.pdf p.10 支出决算表 2080505 基本支出``."""
        parts = [self.file]
        if self.page is not None:
            parts.append(f"p.{self.page}")
        parts.append(self.part)
        parts.extend(part for part in (self.row, self.column) if part)
        return " ".join(parts)


@attrs.frozen
class Fact:
    """A figure read: the value at an address (``functions[2080505].expenditure.basic``).

    ``restates`` marks a figure that a table prints again where another part
    owns it (the 总表's 本年支出合计 restates the 支出决算表's): it is compared
    with the owner's and gives the figure only when no owner is read.
    """

    address: str
    value: Decimal | int | str | tuple[str, ...]
    source: Source
    restates: bool = False


@attrs.frozen
class Missing:
    """What was looked for and not found (未识别).

    Attributes:
        part: the table or section looked in.
        what: what was looked for (a table, a row, a column, a sentence).
        source: where it was looked for, when there is a place to name.

    """

    part: str
    what: str
    source: Source | None = None


@attrs.define
class Readings:
    """The results of reading one report, gathered as they come.

    Attributes:
        facts: the figures read, in reading order.
        unheld: figures printed where the model has no field (the 收入决算表's
            合计 of 财政拨款收入, which the 总表 gives by fund): read, kept with
            their source, held nowhere.
        statements: the narrative's statements, each a data-file statement
            table (``{"kind": "amount", "about": …, "value": …, "place": …}``,
            as ``[[statements]]`` holds it) with its source.
        missing: what was looked for and not found.

    """

    facts: list[Fact] = attrs.Factory(list)
    unheld: list[Source] = attrs.Factory(list)
    statements: list[tuple[Mapping[str, object], Source]] = attrs.Factory(list)
    missing: list[Missing] = attrs.Factory(list)

    def fact(
        self,
        address: str,
        value: Decimal | int | str | tuple[str, ...],
        source: Source,
        *,
        restates: bool = False,
    ) -> None:
        """Record a figure read at ``address`` (``=address`` for one that restates)."""
        if address.startswith("="):
            address, restates = address[1:], True
        self.facts.append(Fact(address, value, source, restates))

    def statement(self, table: Mapping[str, object], source: Source) -> None:
        """Record a statement read."""
        self.statements.append((table, source))

    def miss(self, part: str, what: str, source: Source | None = None) -> None:
        """Record what was looked for in ``part`` and not found."""
        self.missing.append(Missing(part, what, source))

    def line_names(self, owner: str = "functions") -> dict[str, str]:
        """The names the report's own lines give their codes (``functions[201].name``), by code."""
        names: dict[str, str] = {}
        for fact in self.facts:
            steps = parse(fact.address)
            if (
                len(steps) == 2
                and steps[0].name == owner
                and steps[0].key is not None
                and steps[1].name == "name"
                and isinstance(fact.value, str)
            ):
                names.setdefault(steps[0].key, fact.value)
        return names

    def extend(self, other: Readings) -> None:
        """Add what ``other`` read, after what this holds."""
        self.facts.extend(other.facts)
        self.unheld.extend(other.unheld)
        self.statements.extend(other.statements)
        self.missing.extend(other.missing)


def text_lines(text: str) -> Iterable[TextLine]:
    r"""The lines of a plain-text report, counted within each page.

    Pages are split at form feeds (``\f``) or ``=== page N ===`` markers.
    """
    page, number = 1, 0
    for raw in text.splitlines():
        marker = raw.strip()
        if marker.startswith("=== page ") and marker.endswith("==="):
            digits = marker[len("=== page ") : -3].strip()
            if digits.isdigit():
                page, number = int(digits), 0
                continue
        while "\f" in raw:
            before, raw = raw.split("\f", 1)
            if before.strip():
                number += 1
                yield TextLine(before, page, number)
            page, number = page + 1, 0
        number += 1
        yield TextLine(raw, page, number)
