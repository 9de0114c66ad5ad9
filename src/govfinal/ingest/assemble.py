"""Assembly: the readings of a report into a data-file document, with its provenance.

:func:`assemble` places every fact at its address in a document of the data
file's shape (format 3), lists figures read twice with different values, and
:func:`annotated` writes the document as TOML with each figure's source as a
comment above it, for a person to review and correct.

Invariants:

* Of the facts read at one address, the first that a table owns gives the
  figure; a restated one (:attr:`Fact.restates`) gives it only when none is
  owned. Every other fact at the address whose value differs is a
  :class:`Conflict`; equal values in other digits (``0`` and ``0.00``) are not.
* Nothing is added that was not read: no zero for a blank cell, no default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from govfinal.address import KEYS, LINE_TABLES, field_types, item_class, model_class, parse
from govfinal.classification import ECONOMIC_CODES, FUNCTION_CODES
from govfinal.ingest.readings import Fact, Readings, Source
from govfinal.io import FORMAT_VERSION, toml_writer
from govfinal.io.locate import Locator
from govfinal.model.report import FinalAccount

__all__ = ["Assembled", "Conflict", "annotated", "assemble"]


@attrs.frozen
class Conflict:
    """A figure read twice with different values: the one kept, and the other."""

    kept: Fact
    other: Fact

    def __str__(self) -> str:
        return (
            f"{self.kept.address}: {self.kept.value} ({self.kept.source}) ≠ "
            f"{self.other.value} ({self.other.source})"
        )


@attrs.frozen
class Assembled:
    """A report's document and the provenance of what it holds.

    Attributes:
        document: the data-file document (``format_version`` 3).
        sources: the source of each figure kept, by address.
        statement_sources: the source of each statement, in order.
        conflicts: figures read twice with different values.

    """

    document: dict[str, Any]
    sources: Mapping[str, Source]
    statement_sources: tuple[Source, ...]
    conflicts: tuple[Conflict, ...]


def assemble(readings: Readings) -> Assembled:
    """The document of what ``readings`` hold."""
    document: dict[str, Any] = {"format_version": FORMAT_VERSION}
    kept: dict[str, Fact] = {}
    conflicts: list[Conflict] = []
    for address, facts in _by_address(readings.facts).items():
        owned = [fact for fact in facts if not fact.restates]
        chosen = (owned or facts)[0]
        kept[address] = chosen
        conflicts.extend(
            Conflict(chosen, fact) for fact in facts if not _same(fact.value, chosen.value)
        )
    for address, fact in kept.items():
        _place(document, address, list(fact.value) if isinstance(fact.value, tuple) else fact.value)
    _name_lines(document)
    if readings.statements:
        document["statements"] = [dict(table) for table, _ in readings.statements]
    sources = {address: fact.source for address, fact in kept.items()}
    statement_sources = tuple(source for _, source in readings.statements)
    return Assembled(document, sources, statement_sources, tuple(conflicts))


def _name_lines(document: dict[str, Any]) -> None:
    """Give a line read only from the narrative its official name, by which the text named it.

    The narrative recognisers find a line by its 类/款/项 names in the code
    table (a report without tables prints no other name); a line whose code
    the table does not know keeps no name, and the loader says so.
    """
    for owner, table in (("functions", FUNCTION_CODES), ("general_budget_basic", ECONOMIC_CODES)):
        for line in document.get(owner, {}).get("lines", ()):
            if "name" not in line:
                name = table.name_of(line["code"])
                if name is not None:
                    line["name"] = name


def _by_address(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    grouped: dict[str, list[Fact]] = {}
    for fact in facts:
        grouped.setdefault(fact.address, []).append(fact)
    return grouped


def _same(first: object, second: object) -> bool:
    """Equal values: numbers by value (``0`` is ``0.00``), texts and lists exactly."""
    if isinstance(first, int | Decimal) and isinstance(second, int | Decimal):
        return Decimal(first) == Decimal(second)
    return first == second


def _place(document: dict[str, Any], address: str, value: object) -> None:
    """Set ``value`` at ``address`` in ``document``, making the tables on the way."""
    node = document
    owner: type | None = FinalAccount
    steps = parse(address)
    for index, step in enumerate(steps):
        declared = field_types(owner)[step.name] if owner is not None else None
        if step.key is None:
            if index == len(steps) - 1:
                node[step.name] = value
                return
            node = node.setdefault(step.name, {})
            owner = model_class(declared)
            continue
        table = model_class(declared)
        if table in LINE_TABLES:
            field = LINE_TABLES[table]
            items = node.setdefault(step.name, {}).setdefault(field, [])
            item = item_class(field_types(table)[field])
        else:
            items = node.setdefault(step.name, [])
            item = item_class(declared)
        key_name = KEYS[item] if item is not None else "code"
        node = _item(items, key_name, step.key)
        owner = item


def _item(items: list[dict[str, Any]], key_name: str, key: str) -> dict[str, Any]:
    for item in items:
        if item.get(key_name) == key:
            return item
    items.append({key_name: key})
    return items[-1]


def annotated(assembled: Assembled, *, header: Sequence[str] = ()) -> str:
    """The document as TOML, each figure's and statement's source a comment above it."""
    text = toml_writer.dumps(assembled.document)
    locator = Locator(text, "toml")
    notes: dict[int, list[str]] = {}
    for address, source in assembled.sources.items():
        line = locator.line(address)
        if line is not None:
            notes.setdefault(line, []).append(_note(source))
    for index, source in enumerate(assembled.statement_sources):
        line = locator.statement_line(index)
        if line is not None:
            notes.setdefault(line, []).append(_note(source))
    out = [f"# {line}" for line in header]
    for number, written in enumerate(text.splitlines(), start=1):
        out.extend(f"# {note}" for note in dict.fromkeys(notes.get(number, ())))
        out.append(written)
    return "\n".join(out) + "\n"


def _note(source: Source) -> str:
    raw = " ".join(source.text.split())
    if len(raw) > 60:
        raw = raw[:59] + "…"
    return f"{source}: “{raw}”" if raw else str(source)
