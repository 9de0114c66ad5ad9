"""The narrative recognisers: 情况说明 read by sentence patterns into facts and statements.

A report's narrative is read the way a person reads it: find the part (第三部分
…情况说明) after the table of contents, cut it into its numbered sections
(``"一"``, ``"五（二）"``), cut each section into sentences (ending at 。 or ；,
counted from 1), and match each sentence against the patterns of the
report's template family (:mod:`govfinal.ingest.families`, one TOML file a
family: the headings, the regexes with named groups, and what each group
gives). The engine knows no wording; the family files do.

Invariants:

* Lines are joined without separators and all white space is dropped before
  matching (the *compact* text); every compact character keeps its line and
  column, so a statement's text is the printed text, spaces and all, and its
  place names the page and line it starts on.
* A figure is a :class:`~decimal.Decimal` with the digits as printed, a count
  an ``int``; a change or a growth rate is signed by its direction word.
* Nothing is guessed: a 科目 whose code the code table does not give, a fact
  read twice with two values, a sentence with a template placeholder (XX) give
  no value and are listed as missing, and so is every figure of a sentence
  that no pattern reads.
* A value is this year's only where the text says so: one in a clause that
  speaks of another year (the family's ``prior`` wording, 上年, 与…相比, or a
  year not the report's, :func:`_report_year`) is listed as missing, and a
  year is written as this year's only when it is the report's.
* An item's variables hold until the next item heading: a sentence that bears
  an item heading's mark but is not read as one ends them (:attr:`Pattern.clears`).
* Work is bounded: patterns run on one sentence at a time, and a sentence
  longer than :data:`MAX_SENTENCE` characters is not matched (it is listed).
"""

from __future__ import annotations

import bisect
import collections
import datetime
import functools
import itertools
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import Any, Final

import attrs

from govfinal.classification import FUNCTION_CODES, CodeEntry, CodeTable, is_function_code
from govfinal.ingest.readings import Readings, Source, TextLine
from govfinal.model.statements import DIRECTION_WORDS, Trend

__all__ = [
    "MAX_SENTENCE",
    "Family",
    "Sentence",
    "detect_family",
    "family_names",
    "figure_sentences",
    "load_family",
    "read_narrative",
]

MAX_SENTENCE: Final = 2000
"""Longest sentence (in compact characters) the patterns are run on."""

_NUMBER: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
"""A number as printed: digits, grouped by commas or not, and a fraction (2,940.05)."""

_MACROS: Final[dict[str, str]] = {
    "{N}": rf"(?<![\d.,]){_NUMBER}",
    "{I}": r"(?<![\d.,])\d+",
    "{Q}": '[“”"‘’「」『』]?',
    "{Y}": r"(?:19|20)\d\d",
}
"""Shorthands of the family regexes: a number as printed, a count, an optional quote, a year."""

_FIGURE: Final = re.compile(rf"{_NUMBER}(?![\d年月日])|X{{2,}}|Ｘ{{2,}}")
"""A figure token of a sentence: a number that is not a year, month or day; a placeholder."""

_ENUMERATOR: Final = re.compile(r"^(?:[^，。；：]{0,12}：)?\d{1,2}[、.．](?!\d)")
"""An item number at a sentence's start (``1、``), not a figure."""

_PLACEHOLDER: Final = re.compile(r"X{2,}|Ｘ{2,}")
"""A template blank (XXX): a sentence holding one is read for nothing."""

_PAGE_NUMBER: Final = re.compile(
    r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
"""A decorated page number (``- 12 -``, ``第12页``, ``12/30``): dropped wherever it is."""

_BARE_NUMBER: Final = re.compile(r"^\d{1,4}$")
"""A bare number: a page number when it is the first or last line of its page."""

_WIDE: Final = str.maketrans(
    {"(": "（", ")": "）", ":": "：", ";": "；", "．": ".", "％": "%"}
    | {chr(0xFF10 + digit): str(digit) for digit in range(10)}
)
"""Punctuation the patterns see in one width: brackets, colons, semicolons full-width,
full-width digits, point and percent sign half-width (a comma: :func:`_widen`)."""

_ENDS: Final = frozenset("。；")
"""What ends a sentence."""

_CLAUSE_ENDS: Final = re.compile("[，。；]")
"""What ends a clause (分句): a comma, or the end of a sentence."""

_YEAR: Final = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?=年)")
"""A year a text names (``2023年``, ``2023年度``)."""

_REPORT_YEAR: Final = re.compile(r"((?:19|20)\d\d)年度?部门决算")
"""The year a report names itself by (``2024年度部门决算``), when its part heading names none."""

_FAMILY_NAME: Final = re.compile(r"[a-z][a-z0-9_]*")
"""The name of a narrative family's file (its stem)."""


# -- the family files -------------------------------------------------------------


@attrs.frozen
class SectionSpec:
    """One narrative section of a family: its number as printed and its heading (标题).

    Attributes:
        id: the section as numbered in the text (``"五（二）"``).
        heading: a regex the heading's compact text starts with, at a line start.
        vars: address variables of the section (``base``), before any item sets them.
        required: whether a report of the family must have it.

    """

    id: str
    heading: re.Pattern[str]
    vars: Mapping[str, str] = attrs.Factory(dict)
    required: bool = True


@attrs.frozen
class Pattern:
    """One sentence pattern (句式) of a family.

    Attributes:
        name: what it reads, for the list of what is missing.
        sections: the sections it applies in.
        regex: matched (``finditer``) against a sentence's compact text.
        emits: what each match gives: statements (``kind``) and facts (``fact``).
        maps: group text → address part (``{src}`` in an address).
        codes: the groups naming 类, 款, 项 in order, which give ``{code}``.
        sets: variables a match sets for the rest of the section (an item's ``base``).
        clears: with ``sets``, a regex of what marks a sentence as one the pattern
            should read (an item heading's ``（项）``): such a sentence that the
            pattern does not match ends the variables' values (from where the
            mark is on), so that what follows is not read as the item before's.
        required: whether a section it applies in must hold a match.

    """

    name: str
    sections: tuple[str, ...]
    regex: re.Pattern[str]
    emits: tuple[Mapping[str, Any], ...] = ()
    maps: Mapping[str, Mapping[str, str]] = attrs.Factory(dict)
    codes: tuple[str, ...] = ()
    sets: Mapping[str, str] = attrs.Factory(dict)
    clears: re.Pattern[str] | None = None
    required: bool = False


@attrs.frozen
class Family:
    """A template family (模板): how its reports head and word their narrative.

    Attributes:
        name: the family's name (the file's stem, ``shanghai_2024``).
        detect: regexes that all occur in the compact text of a report of the family.
        part: the regex of the narrative part's heading (at a line start).
        part_end: the regex of any part heading (the narrative ends at the next one).
        sections: the sections, in their printed order.
        cuts: regexes of lines (at a line start) that begin a block which is not
            narrative (an attached table) and lasts to the next section.
        patterns: the sentence patterns, in the order they are tried.
        prior: a regex of the wording that makes a clause speak of another year
            than the report's (上年, 与…相比): an amount, share, count or rate
            in such a clause is not read as this year's (it is listed missing).

    """

    name: str
    detect: tuple[re.Pattern[str], ...]
    part: re.Pattern[str]
    part_end: re.Pattern[str]
    sections: tuple[SectionSpec, ...]
    cuts: tuple[re.Pattern[str], ...]
    patterns: tuple[Pattern, ...]
    prior: re.Pattern[str] | None = None


def _compile(text: str, macros: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """A family regex with its shorthands expanded: the family's own first, then :data:`_MACROS`."""
    for macro, body in (macros or {}).items():
        text = text.replace(f"{{{macro}}}", body)
    for macro, body in _MACROS.items():
        text = text.replace(macro, body)
    return re.compile(text)


def _family(name: str, data: Mapping[str, Any]) -> Family:
    macros: dict[str, str] = dict(data.get("macros", {}))
    sections = tuple(
        SectionSpec(
            id=item["id"],
            heading=_compile(item["heading"], macros),
            vars=dict(item.get("vars", {})),
            required=item.get("required", True),
        )
        for item in data["sections"]
    )
    patterns = tuple(
        Pattern(
            name=item["name"],
            sections=tuple(item["sections"]),
            regex=_compile(item["re"], macros),
            emits=tuple(item.get("emit", ())),
            maps={key: dict(value) for key, value in item.get("maps", {}).items()},
            codes=tuple(item.get("codes", ())),
            sets=dict(item.get("set", {})),
            clears=_compile(item["clear"], macros) if "clear" in item else None,
            required=item.get("required", False),
        )
        for item in data["patterns"]
    )
    known = {section.id for section in sections}
    for pattern in patterns:
        unknown = set(pattern.sections) - known
        if unknown:
            raise ValueError(f"family {name}: pattern {pattern.name!r} names {sorted(unknown)}")
    return Family(
        name=name,
        detect=tuple(_compile(text) for text in data["detect"]),
        part=_compile(data["part"]),
        part_end=_compile(data["part_end"]),
        sections=sections,
        cuts=tuple(_compile(text) for text in data.get("cuts", ())),
        patterns=patterns,
        prior=_compile(data["prior"], macros) if "prior" in data else None,
    )


def family_names() -> tuple[str, ...]:
    """The narrative families shipped, sorted.

    They are the files ``<name>.toml`` of :mod:`govfinal.ingest.families` whose
    name holds no other dot (``x.tables.toml`` is another reader's data).
    """
    folder = resources.files("govfinal.ingest.families")
    names = (entry.name.removesuffix(".toml") for entry in folder.iterdir())
    return tuple(sorted(name for name in names if _FAMILY_NAME.fullmatch(name)))


@functools.cache
def load_family(name: str) -> Family:
    """The family ``name`` (``shanghai_2024``); :class:`ValueError` if none is shipped."""
    if name not in family_names():
        raise ValueError(f"no narrative family {name!r} (known: {', '.join(family_names())})")
    text = resources.files("govfinal.ingest.families").joinpath(f"{name}.toml").read_text("utf-8")
    return _family(name, tomllib.loads(text))


# -- the text ---------------------------------------------------------------------


@attrs.frozen
class _Line:
    text: str
    page: int
    number: int


def _is_page_number(text: str, first_or_last: bool) -> bool:
    return bool(_PAGE_NUMBER.match(text)) or (first_or_last and bool(_BARE_NUMBER.match(text)))


def _clean(lines: Iterable[TextLine]) -> list[_Line]:
    """The lines that carry text: blank lines and page-number lines dropped, ends stripped."""
    kept = [_Line(line.text.strip(), line.page, line.number) for line in lines]
    kept = [line for line in kept if line.text]
    result = []
    for index, line in enumerate(kept):
        first = index == 0 or kept[index - 1].page != line.page
        last = index == len(kept) - 1 or kept[index + 1].page != line.page
        if not _is_page_number(line.text, first or last):
            result.append(line)
    return result


class _Doc:
    """The lines joined into one compact text, each character traced to its line and column."""

    def __init__(self, lines: Sequence[_Line]) -> None:
        self.lines = lines
        pieces: list[str] = []
        self.origin: list[tuple[int, int]] = []
        self.starts: list[int] = []
        for index, line in enumerate(lines):
            self.starts.append(len(self.origin))
            text = line.text
            piece = "".join(text.split())
            if len(piece) == len(text):  # no white space: every column kept
                self.origin.extend(zip(itertools.repeat(index), range(len(text)), strict=False))
            else:
                columns = [column for column, char in enumerate(text) if not char.isspace()]
                self.origin.extend((index, column) for column in columns)
            pieces.append(piece)
        self.compact = _widen("".join(pieces))

    def printed(self, start: int, end: int) -> str:
        """The printed text of compact ``[start, end)``: lines joined, inner spaces kept."""
        if start >= end:
            return ""
        (first, column0), (last, column1) = self.origin[start], self.origin[end - 1]
        if first == last:
            return self.lines[first].text[column0 : column1 + 1]
        middle = "".join(line.text for line in self.lines[first + 1 : last])
        return self.lines[first].text[column0:] + middle + self.lines[last].text[: column1 + 1]

    def where(self, position: int) -> _Line:
        """The line the compact character at ``position`` is on."""
        return self.lines[self.origin[min(position, len(self.origin) - 1)][0]]


def _widen(text: str) -> str:
    """Half-width punctuation made full-width, one for one (``,`` only between non-digits)."""
    text = text.translate(_WIDE)
    return re.sub(r"(?<!\d),|,(?!\d)", "，", text)


# -- sections and sentences -------------------------------------------------------


@attrs.frozen
class Sentence:
    """One sentence of a section (句): compact ``[start, end)``, counted from 1 in its section."""

    section: str
    number: int
    start: int
    end: int


@attrs.frozen
class _Section:
    id: str
    start: int
    end: int


def _line_start_matches(doc: _Doc, regex: re.Pattern[str], lo: int, hi: int) -> Iterator[int]:
    """The compact offsets in ``[lo, hi)`` where a line starts and ``regex`` matches."""
    first = bisect.bisect_left(doc.starts, lo)
    last = bisect.bisect_left(doc.starts, hi)
    for offset in doc.starts[first:last]:
        if regex.match(doc.compact, offset):
            yield offset


def _part(doc: _Doc, family: Family) -> tuple[int, int, int] | None:
    """The narrative part: its heading's start, its body's start and end.

    The part is the candidate heading with the longest body (not the 目录's);
    a body ends at the next part heading (found by bisection: the work is
    linear in the candidates, however many).
    """
    ends = list(_line_start_matches(doc, family.part_end, 0, len(doc.compact)))
    best: tuple[int, int, int] | None = None
    for offset in _line_start_matches(doc, family.part, 0, len(doc.compact)):
        match = family.part.match(doc.compact, offset)
        assert match is not None
        start = match.end()
        index = bisect.bisect_left(ends, max(offset + 1, start))
        end = ends[index] if index < len(ends) else len(doc.compact)
        if best is None or end - start >= best[2] - best[1]:
            best = (offset, start, end)
    return best


def _sections(doc: _Doc, family: Family, lo: int, hi: int) -> list[_Section]:
    """The sections found in ``[lo, hi)``, in order, each heading matched after the previous."""
    found: list[tuple[str, int, int]] = []
    cursor = lo
    for spec in family.sections:
        at = next(_line_start_matches(doc, spec.heading, cursor, hi), None)
        if at is None:
            continue
        match = spec.heading.match(doc.compact, at)
        assert match is not None
        body = match.end()
        if doc.compact.startswith("。", body):
            body += 1
        found.append((spec.id, at, body))
        cursor = body
    sections = []
    for index, (name, _, body) in enumerate(found):
        end = found[index + 1][1] if index + 1 < len(found) else hi
        cut = next(
            (at for cut in family.cuts for at in _line_start_matches(doc, cut, body, end)), end
        )
        sections.append(_Section(name, body, min(cut, end)))
    return sections


def _sentences(doc: _Doc, section: _Section) -> list[Sentence]:
    """The sentences of ``section``: ends at 。 or ；, empty ones not counted."""
    sentences: list[Sentence] = []
    start = section.start
    for position in range(section.start, section.end):
        if doc.compact[position] in _ENDS:
            if position > start:
                sentences.append(Sentence(section.id, len(sentences) + 1, start, position + 1))
            start = position + 1
    if start < section.end:
        sentences.append(Sentence(section.id, len(sentences) + 1, start, section.end))
    return sentences


# -- reading ----------------------------------------------------------------------


@attrs.define
class _Context:
    """What the reading of a section carries from sentence to sentence (the item read last)."""

    vars: dict[str, str | None]
    why: str = ""


@attrs.define
class _Reading:
    """The reading of one report: what is read, with the spans it covers."""

    doc: _Doc
    file: str
    table: CodeTable = FUNCTION_CODES
    own: bool = False
    year: int | None = None
    prior: re.Pattern[str] | None = None
    readings: Readings = attrs.Factory(Readings)
    facts: dict[str, tuple[object, Source]] = attrs.Factory(dict)
    conflicts: set[str] = attrs.Factory(set)
    reasons: list[tuple[str, str, Source]] = attrs.Factory(list)
    seen: set[tuple[object, ...]] = attrs.Factory(set)

    def code(self, names: Sequence[str]) -> str | None:
        """The 科目编码 of the 类/款/项 ``names``, or ``None`` (:func:`_code`)."""
        return _code(names, self.table, self.own) if names else None

    def source(self, sentence: Sentence, at: int) -> Source:
        line = self.doc.where(at)
        text = self.doc.printed(sentence.start, sentence.end)
        return Source(
            self.file, line.page, f"情况说明{sentence.section}", line=line.number, text=text
        )

    def fact(self, address: str, value: object, source: Source) -> None:
        if address in self.facts and self.facts[address][0] != value:
            self.conflicts.add(address)
        self.facts.setdefault(address, (value, source))


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _sign(word: str | None) -> int:
    if word is None:
        return 1
    return -1 if DIRECTION_WORDS.get(word) is Trend.DOWN else 1


def _named(table: CodeTable, level: int, parent: str, name: str) -> list[str]:
    """The codes of ``level`` digits under ``parent`` that ``table`` names ``name``."""
    return [
        code
        for code in table
        if len(code) == level and code.startswith(parent) and table.names_as(code, name)
    ]


def _code(names: Sequence[str], table: CodeTable, own: bool) -> str | None:
    """The code of the 类 (, 款 (, 项)) named in order; ``None`` unless each is one code.

    With the report's own lines (``own``), a 项 whose 款 is misnamed is still
    found when the report has one 项 of that name under the 类.
    """
    parent = ""
    for level, name in zip((3, 5, 7), names, strict=False):
        codes = _named(table, level, parent, name)
        if len(codes) != 1 and own and level == 5 and len(names) == 3:
            found = _named(table, 7, parent, names[2])
            return found[0] if len(found) == 1 else None
        if len(codes) != 1:
            return None
        parent = codes[0]
    return parent or None


_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
"""A field of an address template: ``{name}``, or ``{group:map}`` (a group's text mapped)."""


_NO_CODE: Final = "\0"
"""What :func:`_fill` gives for an address whose variable has no value (an item with no code)."""


def _fill(
    template: str, match: re.Match[str], pattern: Pattern, vars: Mapping[str, str | None]
) -> str | None:
    """An address template with its ``{names}`` filled.

    ``None`` when a group or map gives no value (the emit does not apply);
    :data:`_NO_CODE` when a variable has none (the emit applies but cannot be written).

    ``{name}`` is a variable, else the group ``name`` mapped through the map
    ``name``, else the group's text; ``{group:map}`` maps the group through ``map``.
    """
    failed = unresolved = False

    def value(found: re.Match[str]) -> str:
        nonlocal failed, unresolved
        name, table = found.group(1), found.group(2)
        text: str | None
        if table is not None:
            group = match.group(name) if name in match.re.groupindex else None
            text = pattern.maps.get(table, {}).get(group or "")
        elif name in vars:
            text = vars[name]
            unresolved = unresolved or text is None
        elif name in pattern.maps:
            group = match.group(name) if name in match.re.groupindex else None
            text = pattern.maps[name].get(group or "")
        elif name in match.re.groupindex:
            text = match.group(name)
        else:
            text = None
        if text is None:
            failed = True
            return ""
        return text

    filled = _FIELD.sub(value, template)
    if unresolved:
        return _NO_CODE
    return None if failed else filled


def _group(match: re.Match[str], spec: str) -> str | None:
    """The first of the ``|``-separated groups that matched, or a literal after ``=``."""
    if spec.startswith("="):
        return spec[1:]
    for name in spec.split("|"):
        if match.group(name) is not None:
            return match.group(name)
    return None


def _value(kind: str, emit: Mapping[str, Any], match: re.Match[str]) -> object | None:
    """The value an emit gives, typed by its kind; ``None`` when its group did not match."""
    if kind == "date":
        year, month, day = (match.group(name) for name in ("y", "m", "d"))
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            return None
    raw = _group(match, emit["value"]) if "value" in emit else None
    if raw is None:
        return None
    if kind in ("count", "year", "int"):
        return int(raw)
    if kind == "text":
        return raw
    number = _number(raw)
    if "sign" in emit:
        number = number * _sign(_group(match, emit["sign"]))
    return number


_KEYS: Final = ("about", "of", "budget", "to", "prior")
_UNFILLED: Final = (-1, -1)
"""What :func:`_emit` gives when an address has no value (an item with no code)."""
_LITERALS: Final = ("against", "basis", "measure", "relation")
_OF_THIS_YEAR: Final = frozenset({None, "amount", "share", "count", "budget"})
"""The kinds of emit whose value is this year's (a fact alone, ``None``, too)."""


def _clause(text: str, start: int, end: int) -> str:
    """The clauses (分句) of ``text`` that ``[start, end)`` touches, whole."""
    before = _CLAUSE_ENDS.split(text[:start])[-1]
    after = _CLAUSE_ENDS.split(text[end:], maxsplit=1)[0]
    return before + text[start:end] + after


def _another_year(reading: _Reading, clause: str) -> bool:
    """Whether ``clause`` speaks of another year than the report's (上年, 与2023年度…相比)."""
    if reading.prior is not None and reading.prior.search(clause):
        return True
    return any(int(year) != reading.year for year in _YEAR.findall(clause))


def _year_note(reading: _Reading, table: Mapping[str, object]) -> str | None:
    """Why a year statement is not written: this year's not the report's, the prior one its own."""
    value, relation = table.get("value"), table.get("relation")
    if relation == "本年" and value != reading.year:
        return f"{value}年 named as this year, the report's being {reading.year or 'unknown'}"
    if relation == "上年" and value == reading.year:
        return f"{value}年 named as the year compared with, the report's own"
    return None


def _emit(
    reading: _Reading,
    sentence: Sentence,
    match: re.Match[str],
    pattern: Pattern,
    emit: Mapping[str, Any],
    context: _Context,
) -> tuple[int, int] | str | None:
    """Record one emit of a match; the compact span it covers, or ``None`` if it gives nothing.

    An emit of this year's value (:data:`_OF_THIS_YEAR`) in a clause that
    speaks of another year (:func:`_another_year`), and a year statement
    whose year is not the one its relation says (:func:`_year_note`), give a
    note why nothing is written: the text read is listed as missing.
    """
    if "when" in emit and match.group(emit["when"]) is None:
        return None
    if "differs" in emit:
        raw = match.group(emit["differs"])
        if pattern.maps.get(emit["differs"], {}).get(raw, raw) == raw:
            return None
    span_group = emit.get("span")
    start, end = match.span(span_group) if span_group else match.span()
    if start < 0:
        return None
    kind = emit.get("kind")
    if kind in _OF_THIS_YEAR and not emit.get("prior_year", False):
        said = reading.doc.compact[sentence.start : sentence.end]
        if _another_year(reading, _clause(said, match.start(), end)):
            return "a figure of another year than the report's"
    source = reading.source(sentence, sentence.start + start)
    table: dict[str, object] = {}
    if kind is not None:
        table["kind"] = kind
        for key in _KEYS:
            if key in emit:
                address = _fill(emit[key], match, pattern, context.vars)
                if address is None or address == _NO_CODE:
                    return _UNFILLED if address == _NO_CODE else None
                table[key] = address
        for key in _LITERALS:
            if key in emit:
                table[key] = emit[key]
        if "prior_if" in emit:
            table["relation"] = "上年" if match.group(emit["prior_if"]) else "本年"
        if kind == "direction":
            table["word"] = _group(match, emit["word"])
        if kind == "reason":
            text = _group(match, emit["text"])
            if not text:
                return None
            start, end = match.span(emit["text"])
            table["text"] = reading.doc.printed(sentence.start + start, sentence.start + end)
        elif kind not in ("none", "direction"):
            value = _value(kind, emit, match)
            if value is None:
                return None
            table["value"] = value
        if kind == "year" and (note := _year_note(reading, table)) is not None:
            return note
    fact_value = _fact_value(reading, sentence, match, emit, table)
    fact = _fill(emit["fact"], match, pattern, context.vars) if "fact" in emit else None
    if "fact" in emit and fact == _NO_CODE:
        return _UNFILLED
    if "fact" in emit and (fact is None or fact_value is None):
        return None
    absolute = (sentence.start + start, sentence.start + end)
    if kind is not None:
        _statement(reading, sentence, table, absolute, source)
    if fact is not None and fact_value is not None:
        if fact.endswith(".reason"):
            reading.reasons.append((fact, str(fact_value), source))
        else:
            reading.fact(fact, fact_value, source)
    return absolute


def _fact_value(
    reading: _Reading,
    sentence: Sentence,
    match: re.Match[str],
    emit: Mapping[str, Any],
    table: Mapping[str, object],
) -> object | None:
    spec = emit.get("fact_value")
    if spec is None and "kind" not in emit:
        return _value(emit.get("type", "amount"), emit, match)
    if spec is None:
        return table.get("text") if table.get("kind") == "reason" else table.get("value")
    if spec.startswith("="):
        literal = spec[1:]
        return Decimal(literal) if re.fullmatch(r"-?\d+(?:\.\d+)?", literal) else literal
    start, end = match.span(spec)
    if start < 0:
        return None
    return reading.doc.printed(sentence.start + start, sentence.start + end)


def _statement(
    reading: _Reading,
    sentence: Sentence,
    table: dict[str, object],
    span: tuple[int, int],
    source: Source,
) -> None:
    """Record a statement once (a second pattern reading the same claim adds nothing)."""
    key = (sentence.section, sentence.number, *sorted((k, str(v)) for k, v in table.items()))
    if key in reading.seen:
        return
    reading.seen.add(key)
    table["place"] = {
        "section": sentence.section,
        "sentence": sentence.number,
        "page": source.page,
        "line": source.line,
    }
    table["text"] = (
        table.get("text") if table.get("kind") == "reason" else reading.doc.printed(*span)
    )
    reading.readings.statement(table, source)


def _set_context(
    reading: _Reading, pattern: Pattern, match: re.Match[str], context: _Context
) -> None:
    """An item heading read: its variables (``base``) hold for the sentences after it."""
    code = reading.code([match.group(name) or "" for name in pattern.codes])
    names = "".join(f"{match.group(name)}" for name in pattern.codes)
    for key, template in pattern.sets.items():
        if "{code}" in template and code is None:
            context.vars[key] = None
            context.why = f"科目 {names} has no single code in the code table"
        else:
            context.vars[key] = template.replace("{code}", code or "")
            context.why = ""


@attrs.define
class _SentenceRead:
    """What matching the patterns against one sentence gave.

    Attributes:
        covered: the compact spans read.
        matched: whether any pattern matched.
        unfilled: the patterns that matched but could not be written (an address with no value).
        notes: why something matched was not written (a figure of another year).
        cleared: whether the sentence ended an item (an item heading not read).

    """

    covered: list[tuple[int, int]] = attrs.Factory(list)
    matched: bool = False
    unfilled: list[str] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    cleared: bool = False


def _clearing(patterns: Sequence[Pattern], text: str) -> tuple[int, list[str]] | None:
    """Where ``text`` ends the item before it, and the variables it ends; ``None`` if it does not.

    It does when it holds the mark of an item heading (:attr:`Pattern.clears`)
    that the item pattern does not match.
    """
    at, keys = len(text), []
    for pattern in patterns:
        if pattern.clears is None or pattern.regex.search(text):
            continue
        found = pattern.clears.search(text)
        if found:
            at = min(at, found.start())
            keys += list(pattern.sets)
    return (at, keys) if keys else None


def _read_sentence(
    reading: _Reading, sentence: Sentence, patterns: Sequence[Pattern], context: _Context
) -> _SentenceRead:
    """Match every pattern against ``sentence``.

    A sentence holding an item heading that is not read ends the item before
    it: from the heading on, the item's variables have no value (what reads
    them is listed as missing), and so for the sentences after it.
    """
    text = reading.doc.compact[sentence.start : sentence.end]
    result = _SentenceRead()
    clearing = _clearing(patterns, text)
    why = "after an item heading not read"
    for pattern in patterns:
        for match in pattern.regex.finditer(text):
            result.matched = True
            if pattern.sets:
                _set_context(reading, pattern, match, context)
                result.covered.append(
                    (sentence.start + match.start(), sentence.start + match.end())
                )
                continue
            vars = dict(context.vars)
            if clearing is not None and match.start() >= clearing[0]:
                vars.update(dict.fromkeys(clearing[1]))
            if pattern.codes:
                vars["code"] = reading.code([match.group(name) or "" for name in pattern.codes])
            for emit in pattern.emits:
                span = _emit(reading, sentence, match, pattern, emit, _Context(vars))
                if span == _UNFILLED:
                    if pattern.name not in result.unfilled:
                        result.unfilled.append(pattern.name)
                elif isinstance(span, str):
                    if span not in result.notes:
                        result.notes.append(span)
                elif span is not None:
                    result.covered.append(span)
    if clearing is not None:
        context.vars.update(dict.fromkeys(clearing[1]))
        context.why = why
        result.cleared = True
    return result


def _figures(text: str) -> list[tuple[int, int]]:
    """The figure tokens of a sentence's compact text (relative spans)."""
    skip = _ENUMERATOR.match(text)
    floor = skip.end() if skip else 0
    return [found.span() for found in _FIGURE.finditer(text) if found.start() >= floor]


def figure_sentences(lines: Sequence[TextLine], *, family: str) -> list[tuple[Sentence, str]]:
    """The sentences of the narrative that hold a figure (or a placeholder), with their text.

    This is the denominator of a read rate: each is a sentence the reader
    should read.
    """
    doc, sentences, _, _ = _sentences_of(lines, load_family(family))
    result = []
    for sentence in sentences:
        text = doc.compact[sentence.start : sentence.end]
        if _figures(text):
            result.append((sentence, doc.printed(sentence.start, sentence.end)))
    return result


def _sentences_of(
    lines: Sequence[TextLine], family: Family
) -> tuple[_Doc, list[Sentence], set[str] | None, int | None]:
    """The text, its narrative sentences, the sections found (``None``: no part), its year."""
    doc = _Doc(_clean(lines))
    part = _part(doc, family)
    if part is None:
        return doc, [], None, None
    found = _sections(doc, family, part[1], part[2])
    sentences = [sentence for section in found for sentence in _sentences(doc, section)]
    return doc, sentences, {section.id for section in found}, _report_year(doc, part)


_OPENING_YEAR: Final = re.compile(r"(?<![与比较于同])((?:19|20)\d\d)年度")
"""A year named as a part's own (``2024年度``), not after a comparison word."""


def _report_year(doc: _Doc, part: tuple[int, int, int]) -> int | None:
    """The report's year (所属年度): the one its narrative part's heading names.

    Else the year of ``…年度部门决算`` where the text first names one (its
    cover), else the year the narrative most often names as ``…年度`` (when
    one is named more often than any other); ``None`` if none is.
    """
    heading, body, end = part
    named = set(_YEAR.findall(doc.compact[heading:body]))
    if len(named) == 1:
        return int(named.pop())
    cover = _REPORT_YEAR.search(doc.compact)
    if cover is not None:
        return int(cover.group(1))
    ranked = collections.Counter(_OPENING_YEAR.findall(doc.compact, body, end)).most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return int(ranked[0][0])
    return None


def _uncovered(doc: _Doc, sentence: Sentence, covered: Sequence[tuple[int, int]]) -> list[str]:
    text = doc.compact[sentence.start : sentence.end]
    missed = []
    for start, end in _figures(text):
        absolute = (sentence.start + start, sentence.start + end)
        if not any(lo <= absolute[0] and absolute[1] <= hi for lo, hi in covered):
            missed.append(text[start:end])
    return missed


def _read_section(
    reading: _Reading, family: Family, spec: SectionSpec, sentences: Sequence[Sentence]
) -> None:
    """Read the sentences of one section; list its figures no pattern read."""
    patterns = [pattern for pattern in family.patterns if spec.id in pattern.sections]
    context = _Context(dict(spec.vars))
    part = f"情况说明{spec.id}"
    hits: set[str] = set()
    last_reason: tuple[str, str, int | None] | None = None
    for sentence in sentences:
        text = reading.doc.compact[sentence.start : sentence.end]
        source = reading.source(sentence, sentence.start)
        if _PLACEHOLDER.search(text):
            if _figures(text):
                reading.readings.miss(part, f"sentence {sentence.number}: template blank", source)
            continue
        if len(text) > MAX_SENTENCE:
            reading.readings.miss(part, f"sentence {sentence.number}: too long to read", source)
            continue
        before, before_reasons = len(reading.readings.statements), len(reading.reasons)
        read = _read_sentence(reading, sentence, patterns, context)
        hits.update(p.name for p in patterns if p.regex.search(text))
        new = reading.readings.statements[before:]
        reasons = [table for table, _ in new if table.get("kind") == "reason"]
        if reasons:
            index = len(reading.reasons) - 1 if len(reading.reasons) > before_reasons else None
            last_reason = (str(reasons[-1]["about"]), str(reasons[-1]["against"]), index)
        elif not (read.matched or read.cleared or _figures(text)) and last_reason is not None:
            _continue_reason(reading, sentence, last_reason)
            continue
        else:
            last_reason = None
        if read.cleared:
            last_reason = None
        missed = _uncovered(reading.doc, sentence, read.covered) or read.unfilled
        if missed or read.notes:
            whys = [*read.notes, *([context.why] if missed and context.why else [])]
            what = "; ".join(["、".join(missed), *whys] if missed else whys)
            reading.readings.miss(part, f"sentence {sentence.number}: not read: {what}", source)
    for pattern in patterns:
        if pattern.required and pattern.name not in hits:
            reading.readings.miss(part, f"not found: {pattern.name}")


def _continue_reason(
    reading: _Reading, sentence: Sentence, last: tuple[str, str, int | None]
) -> None:
    """A prose sentence after a reason, read by nothing: the reason goes on (其续)."""
    about, against, index = last
    text = reading.doc.printed(sentence.start, sentence.end).rstrip("。；")
    if not text:
        return
    source = reading.source(sentence, sentence.start)
    table: dict[str, object] = {"kind": "reason", "about": about, "against": against, "text": text}
    _statement(reading, sentence, table, (sentence.start, sentence.end), source)
    if index is not None:
        fact, value, first = reading.reasons[index]
        reading.reasons[index] = (fact, f"{value.rstrip('。；')}。{text}", first)


def _finish(reading: _Reading) -> None:
    """Write the facts: one value an address, a reason only beside the comparison it explains."""
    for fact, text, source in reading.reasons:
        figure = fact.removesuffix(".reason")
        prior = figure.rpartition(".")[2].endswith("prior")
        sibling = f"{figure}.change" if prior else f"{figure}.budget"
        if sibling in reading.facts:
            reading.fact(fact, text, source)
    for address, (value, source) in reading.facts.items():
        if address in reading.conflicts:
            reading.readings.miss(source.part, f"{address}: read with two values", source)
            continue
        assert isinstance(value, (Decimal, int, str))
        reading.readings.fact(address, value, source)


def _strip_reason_ends(reading: _Reading) -> None:
    for table, _ in reading.readings.statements:
        if table.get("kind") == "reason":
            assert isinstance(table, dict)
            table["text"] = str(table["text"]).rstrip("。；")


def read_narrative(
    lines: Sequence[TextLine],
    *,
    file: str,
    family: str,
    codes: Mapping[str, str] | None = None,
) -> Readings:
    """The facts and statements of a report's narrative (情况说明), and what was not read.

    ``family`` names the template family (:func:`family_names`); ``lines`` are
    the report's lines as laid out (:func:`~govfinal.ingest.readings.text_lines`
    for a text file). ``codes`` are the report's own 支出功能分类 lines, code →
    name as its tables print them: a 类/款/项 the narrative names is then
    looked up among them (the report's names first, then the package's
    table), else in :data:`~govfinal.classification.FUNCTION_CODES` alone.
    Facts come in the order read, statements in text order.
    """
    spec = load_family(family)
    doc, sentences, found, year = _sentences_of(lines, spec)
    entries = [CodeEntry(code, name) for code, name in (codes or {}).items()]
    table = FUNCTION_CODES.extend(entry for entry in entries if is_function_code(entry.code))
    reading = _Reading(doc, file, table=table, own=bool(codes), year=year, prior=spec.prior)
    if found is None:
        reading.readings.miss("情况说明", f"no narrative part of family {family} found")
        return reading.readings
    by_section: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_section.setdefault(sentence.section, []).append(sentence)
    for section in spec.sections:
        if section.id in by_section:
            _read_section(reading, spec, section, by_section[section.id])
        elif section.required and section.id not in found:
            reading.readings.miss(f"情况说明{section.id}", "section not found")
    _strip_reason_ends(reading)
    for index, (fact, text, source) in enumerate(reading.reasons):
        reading.reasons[index] = (fact, text.rstrip("。；"), source)
    _finish(reading)
    return reading.readings


def detect_family(lines: Sequence[TextLine]) -> str | None:
    """The family whose headings the report has (:attr:`Family.detect`), or ``None``."""
    compact = _Doc(_clean(lines)).compact
    for name in family_names():
        family = load_family(name)
        if all(regex.search(compact) for regex in family.detect):
            return name
    return None
