"""Reading published reports (PDF and text) into facts and statements (读取公开的部门决算).

:func:`ingest` reads a published 部门决算, a PDF (needs the ``pdf`` extra,
pdfplumber) or its plain text, into a :class:`~govfinal.model.FinalAccount`
with the place of every figure and statement it read, and lists what it
looked for and did not find, and the figures it read twice with different
values::

    >>> from govfinal.ingest import ingest
    >>> read = ingest("report.pdf")                       # doctest: +SKIP
    >>> read.report.fiscal.general_budget.income          # doctest: +SKIP
    Decimal('2940.05')
    >>> str(read.sources["functions[2080505].expenditure.basic"])  # doctest: +SKIP
    'report.pdf p.10 支出决算表 2080505 基本支出'

The layers, each a module with one job: :mod:`~govfinal.ingest.pages` (the
one module that touches pdfplumber: characters into lines by vertical
overlap, ruled grids), :mod:`~govfinal.ingest.layout` (tables by their
titles, joined across pages), :mod:`~govfinal.ingest.tables` and
:mod:`~govfinal.ingest.narrative` (the recognisers, driven by the template
family's data files in ``govfinal/ingest/families``), :mod:`~govfinal.ingest.cover`
(the unit and the year) and :mod:`~govfinal.ingest.assemble` (the document,
its provenance and its conflicts). The report is then loaded from that
document by :func:`govfinal.loads`, so an ingested report keeps every promise
of a hand-written data file.

Never a guess: a cell or sentence that cannot be read is listed in
:attr:`Ingested.missing`, and a figure the text does not give stays blank.
A PDF without a text layer (a scan) is refused: OCR is out of scope.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from govfinal.errors import IngestError
from govfinal.ingest.assemble import Assembled, Conflict, annotated, assemble
from govfinal.ingest.cover import read_cover
from govfinal.ingest.layout import text_outside_tables
from govfinal.ingest.narrative import detect_family, family_names, read_narrative
from govfinal.ingest.pages import read_pdf
from govfinal.ingest.profile import read_units
from govfinal.ingest.readings import Missing, Readings, Source, TextLine, text_lines
from govfinal.ingest.tables import read_tables
from govfinal.io import MAX_BYTES, LoadError, loads
from govfinal.model.report import FinalAccount
from govfinal.model.statements import named_addresses

__all__ = [
    "FAMILIES",
    "PUBLISHED_SUFFIXES",
    "Conflict",
    "IngestError",
    "Ingested",
    "Missing",
    "Source",
    "ingest",
    "is_published",
]

FAMILIES: Final = family_names()
"""The template families read, one per sentence file in ``govfinal/ingest/families``
(a family's tables, where it has them, in ``<family>.tables.toml``)."""

PUBLISHED_SUFFIXES: Final = (".pdf", ".txt")
"""The suffixes of files read as published reports (the others are data files)."""


@attrs.frozen
class Ingested:
    """A published report as read.

    Attributes:
        file: the file read.
        family: the template family it was read as.
        report: the report read.
        sources: where each figure of ``report`` was read, by address.
        statement_sources: where each statement was read, in the order of
            ``report.statements``.
        missing: what was looked for and not found.
        conflicts: figures read twice with different values.
        tables_read: whether any of the nine standard tables was read; a text
            of the narrative alone (its tables 见附表, or flattened past
            reading) has its facts from the narrative only.
        document: the data-file document ``report`` was loaded from.

    """

    file: str
    family: str
    report: FinalAccount
    sources: Mapping[str, Source]
    statement_sources: tuple[Source, ...]
    missing: tuple[Missing, ...]
    conflicts: tuple[Conflict, ...]
    tables_read: bool
    document: Mapping[str, Any] = attrs.field(repr=False)

    def judged(self) -> tuple[FinalAccount, tuple[Source, ...]]:
        """The report as the checks should see it, with its statements' sources.

        With its tables read, the report itself. Without (a text of the
        narrative alone), only the statements whose every address names a
        figure the text gives: a statement about a figure only a table
        prints cannot be judged, and a blank would be taken for 0.
        """
        if self.tables_read:
            return self.report, self.statement_sources
        pairs = [
            (statement, source)
            for statement, source in zip(
                self.report.statements, self.statement_sources, strict=True
            )
            if all(address in self.sources for address in named_addresses(statement))
        ]
        report = attrs.evolve(self.report, statements=tuple(s for s, _ in pairs))
        return report, tuple(source for _, source in pairs)

    def data_file(self) -> str:
        """The report as a TOML data file, each figure's source a comment above it."""
        header = [
            f"Read by govfinal ingest from {self.file} (template family {self.family}).",
            "Review it against the published report: each figure's source is noted above it.",
            *(f"Not found: {item.part}: {item.what}" for item in self.missing),
            *(f"Read twice: {conflict}" for conflict in self.conflicts),
        ]
        assembled = Assembled(
            dict(self.document), self.sources, self.statement_sources, self.conflicts
        )
        return annotated(assembled, header=header)


def is_published(path: str | Path) -> bool:
    """Whether ``path`` names a published report (``.pdf`` or ``.txt``), not a data file."""
    return Path(path).suffix.lower() in PUBLISHED_SUFFIXES


def ingest(path: str | Path, *, family: str | None = None) -> Ingested:
    """Read the published report at ``path`` (``.pdf`` or ``.txt``).

    Args:
        path: the report.
        family: the template family (:data:`FAMILIES`); by default told from
            the text.

    Raises:
        IngestError: the file cannot be read: not a PDF, a scan, too large,
            not UTF-8 text, no fiscal year found, or a family not known.

    """
    name = str(path)
    if Path(path).suffix.lower() == ".pdf":
        pages = read_pdf(path)
        lines = text_outside_tables(pages)
    else:
        pages = []
        lines = list(text_lines(_read_text(path)))
    chosen = family or _family_of(lines, name)
    if chosen not in FAMILIES:
        raise IngestError(
            f"{name}: unknown template family {chosen!r}; known: {', '.join(FAMILIES)}"
        )
    readings = read_cover(lines, file=name)
    tables = read_tables(pages, file=name, family=chosen) if pages else Readings()
    if pages:
        first_table = min((fact.source.page or 0 for fact in tables.facts), default=None)
        readings.extend(read_units(pages, file=name, before_page=first_table))
        readings.extend(tables)
    else:
        readings.miss(
            "表格", "纯文本不读表格 (a text's tables are not read): facts from the narrative"
        )
    codes = readings.line_names()
    readings.extend(read_narrative(lines, file=name, family=chosen, codes=codes))
    return _loaded(name, chosen, readings, tables_read=bool(tables.facts))


def _read_text(path: str | Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_BYTES:
        raise IngestError(f"{path}: larger than the {MAX_BYTES} bytes read")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(f"{path}: not UTF-8 text (byte {error.start})") from None


def _family_of(lines: Sequence[TextLine], name: str) -> str:
    found = detect_family(lines)
    if found is None:
        raise IngestError(
            f"{name}: the template family cannot be told from the text;"
            f" give one ({', '.join(FAMILIES)})"
        )
    return found


def _loaded(name: str, family: str, readings: Readings, *, tables_read: bool) -> Ingested:
    assembled = assemble(readings)
    missing = list(readings.missing)
    unit = assembled.document.setdefault("unit", {})
    if "fiscal_year" not in unit:
        raise IngestError(f"{name}: the fiscal year (年度) cannot be read from the report")
    if "name" not in unit:
        unit["name"] = Path(name).stem
        missing.append(
            Missing(
                "封面",
                f"单位名称 (the unit's name) not read: the file's name {unit['name']!r} stands in",
            )
        )
    if "kind" not in unit:
        missing.append(
            Missing("封面", "单位性质 (the unit's kind) not stated: the model's 行政单位 applies")
        )
    text = annotated(assembled)
    try:
        report = loads(text, format="toml", source=name)
    except LoadError as error:
        raise IngestError(f"{name}: what was read does not make a report: {error}") from None
    return Ingested(
        file=name,
        family=family,
        report=report,
        sources=assembled.sources,
        statement_sources=assembled.statement_sources,
        missing=tuple(missing),
        conflicts=assembled.conflicts,
        tables_read=tables_read,
        document=assembled.document,
    )
