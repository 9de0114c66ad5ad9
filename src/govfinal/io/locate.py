r"""Where a figure is written: the line of an address in a data file's text.

:func:`locate` tells on which line (1-based) of a TOML or JSON document the
figure at an address (:mod:`govfinal.address`) is written: the line of its key
(``general_budget = 55.19``, ``"general_budget": "55.19"``). :class:`Locator`
reads a text once for many addresses.

* An item of a keyed table is found by its key, as the address names it:
  ``functions[2080505]`` is the item of ``functions.lines`` (a
  ``[[functions.lines]]`` table, or an inline table of ``lines = [...]``)
  whose ``code`` is ``"2080505"``; ``assets.vehicles[其他用车]`` the vehicle
  holding whose ``use`` is 其他用车 (or the enum's name, as the loader
  accepts); evaluations and indicators by ``name``, funding rows by ``label``.
* Hand-written TOML is read as TOML defines it: dotted keys
  (``sources.general_budget = 55.19``), inline tables, arrays over several
  lines, sub-tables of the last ``[[…]]`` item, quoted keys.
* An address that is not written (a blank cell, a derived figure such as
  ``fiscal.general_budget.expenditure`` or ``income.sources.total``, a line
  the file does not have) gets the line of its nearest written ancestor: the
  ``[fiscal.general_budget]`` header, the ``[[functions.lines]]`` header of
  the line. A table is at the line that defines it (its header, or its key),
  else at the first line that names it (``[income.sources]`` names
  ``income``). An address of which nothing is written is at no line.

Invariants: locating never raises, on any text and any address; what it cannot
tell is ``None``. The text need not be a valid document: what can be read is
read, from the start. The work is bounded: one pass over the text (for JSON,
one pass per level of nesting looked into, at the standard scanner's speed);
a text longer than :data:`~govfinal.io.MAX_BYTES` characters, or what lies
past :data:`MAX_NESTING` levels of arrays and tables, is not read. Lines
are counted by ``\n``, as the parsers count them (``\r\n`` is one line
end).

>>> text = '[income.sources]\ngeneral_budget = 55.19\nstated_total = 55.19\n'
>>> locate(text, "toml", "income.sources.stated_total")
3
>>> locate(text, "toml", "income.sources.total")  # derived: the table's header
1
>>> locate(text, "toml", "expenditure.stated_grand_total") is None
True
"""

from __future__ import annotations

import contextlib
import enum
import functools
import json
import re
import tomllib
from collections.abc import Callable
from typing import Final

from govfinal.address import (
    KEYS,
    LINE_TABLES,
    AddressError,
    field_types,
    item_class,
    model_class,
    parse,
)
from govfinal.io import MAX_BYTES, Format
from govfinal.model.report import FinalAccount

__all__ = ["MAX_NESTING", "Locator", "locate"]

MAX_NESTING: Final = 64
"""Deepest nesting of arrays and inline tables read (a data file needs 8)."""


def locate(text: str, format: Format, address: str) -> int | None:
    r"""The line of ``text`` where the figure at ``address`` is written, else ``None``.

    Not written: the line of its nearest written ancestor, if one is. For many
    addresses of one text, use :class:`Locator`, which reads the text once.

    >>> locate('{\n  "income": {\n    "opening_balance": "3.76"\n  }\n}\n', "json",
    ...        "income.opening_balance")
    3
    """
    return Locator(text, format).line(address)


class Locator:
    """The lines of one document's text, read once, for any number of addresses.

    A JSON text's objects and arrays are read when first looked into, so a
    locator is not to be shared between threads.

    Args:
        text: the document (TOML or JSON), as read from the file.
        format: ``"toml"`` or ``"json"``; any other gives no lines.

    """

    def __init__(self, text: str, format: Format) -> None:
        self._root: _Node | None = None
        self._decode: Callable[[str], str | None] = _toml_string
        if not isinstance(text, str) or len(text) > MAX_BYTES:
            return
        if format == "toml":
            self._root = _TomlReader(text).read()
        elif format == "json":
            self._root = _JsonReader(text).read()
            self._decode = _json_string

    def line(self, address: str) -> int | None:
        """The line where the figure at ``address`` is written, or of its nearest written ancestor.

        ``None`` when neither is written, or ``address`` is not an address.
        """
        try:
            steps = parse(address)
        except (AddressError, TypeError):
            return None
        node, line = self._root, None
        kind: type | None = FinalAccount
        for step in steps:
            node = node.child(step.name) if node is not None else None
            if node is None:
                break
            declared = field_types(kind).get(step.name) if kind is not None else None
            line = node.line if node.line is not None else line
            if step.key is None:
                kind = model_class(declared)
                continue
            node, kind = self._item(node, declared, step.key)
            if node is None:
                break
            line = node.line if node.line is not None else line
        return line

    def statement_line(self, index: int) -> int | None:
        """The line where statement ``index`` (from 0) of ``statements`` begins, if written."""
        node = self._root.child("statements") if self._root is not None else None
        items = node.elements() if node is not None else None
        if items is None or not 0 <= index < len(items):
            return None
        return items[index].line

    def _item(self, node: _Node, declared: object, key: str) -> tuple[_Node | None, type | None]:
        """The item keyed ``key`` of the keyed table at ``node`` (a field declared ``declared``)."""
        owner = model_class(declared)
        holder = node.child(LINE_TABLES[owner]) if owner in LINE_TABLES else node  # functions.lines
        item_type = item_class(declared)
        attribute = KEYS.get(item_type) if item_type is not None else None
        items = holder.elements() if holder is not None else None
        if item_type is None or attribute is None or holder is None or items is None:
            return None, None
        if holder.keyed is None:
            key_type = field_types(item_type).get(attribute)
            holder.keyed = self._index(items, attribute, key_type)
        return holder.keyed.get(key), item_type

    def _index(self, items: list[_Node], attribute: str, kind: object) -> dict[str, _Node]:
        """The items by their key, as an address writes it; the first of a repeated key wins."""
        index: dict[str, _Node] = {}
        for item in items:
            written = item.child(attribute)
            token = written.token if written is not None else None
            key = self._decode(token) if token is not None else None
            if key is not None:
                index.setdefault(_enum_value(key, kind), item)
        return index


# -- the document's tree --------------------------------------------------------------


class _Node:
    """A table, an array or a value of the document, with the line it is at.

    ``line`` is ``None`` only for the document itself. A scalar keeps its text
    (``token``), read as a key when an item's key is asked for; in a table, a
    scalar of a name no item is keyed by is kept as its line alone (an
    ``int``). ``explicit``: the table is defined (header or key), not only
    named on the way to another.
    """

    __slots__ = ("explicit", "items", "keyed", "line", "table", "token")

    def __init__(
        self,
        line: int | None,
        *,
        table: dict[str, _Node | int] | None = None,
        items: list[_Node] | None = None,
        token: str | None = None,
        explicit: bool = True,
    ) -> None:
        self.line = line
        self.table = table
        self.items = items
        self.token = token
        self.explicit = explicit
        self.keyed: dict[str, _Node] | None = None

    def child(self, name: str) -> _Node | None:
        """The member ``name`` of this table, if it is one and has it."""
        found = self.table.get(name) if self.table is not None else None
        return _Node(found) if isinstance(found, int) else found

    def elements(self) -> list[_Node] | None:
        """The items of this array, if it is one."""
        return self.items


class _LaterNode(_Node):
    """A JSON object or array whose text was skipped, read when it is first looked into."""

    __slots__ = ("depth", "reader", "start")

    def __init__(
        self, line: int | None, reader: _JsonReader, start: int, depth: int, array: bool
    ) -> None:
        super().__init__(line, table=None if array else {}, items=[] if array else None)
        self.reader: _JsonReader | None = reader
        self.start = start
        self.depth = depth

    def child(self, name: str) -> _Node | None:
        self.read()
        return super().child(name)

    def elements(self) -> list[_Node] | None:
        self.read()
        return super().elements()

    def read(self) -> None:
        if self.reader is not None:
            reader, self.reader = self.reader, None
            reader.read_later(self, self.start)


_KEY_NAMES: Final = frozenset(KEYS.values())
"""The names items are keyed by: the scalars whose text is kept."""


class _TooDeepError(Exception):
    """Raised inside a reader past :data:`MAX_NESTING`; the reader keeps what it has read."""


class _Lines:
    """The line of a position in a text, for positions asked in increasing order (mostly)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.number = 1

    def at(self, position: int) -> int:
        if position >= self.position:
            self.number += self.text.count("\n", self.position, position)
        else:
            self.number -= self.text.count("\n", position, self.position)
        self.position = position
        return self.number


# -- TOML ----------------------------------------------------------------------------

_BLANK = re.compile(r"[ \t\r]*+")
_SPACE = re.compile(r"(?:[ \t\r\n]++|#[^\n]*+)*+")
"""Blanks, line ends and comments (inside arrays and inline tables)."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]++")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*+"')
_LITERAL = re.compile(r"'[^'\n]*+'")
_MULTI_BASIC = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*+""""{0,2}', re.S)
_MULTI_LITERAL = re.compile(r"'''(?:[^']|'(?!''))*+''''{0,2}")
_SCALAR = re.compile(r"[^ \t\r\n,\]}#\[{=]++")
_SIMPLE_LINE = re.compile(
    r'[ \t\r]*+(?:([A-Za-z0-9_-]++)[ \t]*+=[ \t]*+("[^"\\\n]*+"|[^ \t\r\n,\]}#\[{="\']++)'
    r"[ \t\r]*+)?(?:#[^\n]*+)?(?:\n|\Z)"
)
"""A blank or comment line, or one holding only a bare key, ``=`` and a simple value
(a string without escapes, or another scalar), with its line end."""


class _TomlReader:
    """A forgiving reader of TOML's structure: tables, arrays and keys with their lines.

    It follows TOML's rules for where a key belongs (headers, ``[[…]]`` items,
    dotted keys, inline tables) but checks nothing else: a line it cannot read
    is skipped, and what it cannot tell is not recorded.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.root = _Node(None, table={})

    def read(self) -> _Node:
        text, size = self.text, len(self.text)
        current = self.root
        position = 0
        try:
            while position < size:
                simple = _SIMPLE_LINE.match(text, position)
                if simple is not None:  # most lines: blank, a comment, or ``key = value``
                    key = simple.group(1)
                    assert current.table is not None
                    if key is not None and key not in current.table:
                        line = self.lines.at(position)
                        token = simple.group(2)
                        current.table[key] = _Node(line, token=token) if key in _KEY_NAMES else line
                    position = simple.end()
                    continue
                position = _after(_BLANK, text, position)
                if position >= size:
                    break
                char = text[position]
                if char == "\n":
                    position += 1
                    continue
                if char == "[":
                    current, position = self.header(position)
                elif char != "#":
                    position = self.key_value(current, position)
                end = text.find("\n", position)
                position = size if end < 0 else end + 1
        except _TooDeepError:
            pass
        return self.root

    def header(self, position: int) -> tuple[_Node, int]:
        """Read ``[a.b]`` or ``[[a.b]]``; the table that the following keys belong to."""
        line = self.lines.at(position)
        array = self.text.startswith("[[", position)
        keys, position = self.keys(position + (2 if array else 1))
        if not keys:
            return _Node(line, table={}), position  # a table no address reaches
        return self.define(keys, array, line), position

    def define(self, keys: list[str], array: bool, line: int) -> _Node:
        node: _Node | None = self.root
        for key in keys[:-1]:
            node = _descend(node, key, line)
        if node is None or node.table is None:
            return _Node(line, table={})
        last = node.table.get(keys[-1])
        if isinstance(last, int):
            return _Node(line, table={})
        if array:
            if last is None:
                last = node.table[keys[-1]] = _Node(line, items=[])
            if last.items is None:
                return _Node(line, table={})
            item = _Node(line, table={})
            last.items.append(item)
            last.keyed = None
            return item
        if last is None:
            last = node.table[keys[-1]] = _Node(line, table={})
        elif last.table is None:
            return _Node(line, table={})
        elif not last.explicit:
            last.line, last.explicit = line, True
        return last

    def key_value(self, table: _Node, position: int) -> int:
        """Read ``a.b = value`` into ``table``; the position after it."""
        line = self.lines.at(position)
        keys, position = self.keys(position)
        if not keys:
            return position
        position = _after(_BLANK, self.text, position)
        if not self.text.startswith("=", position):
            return position
        position = _after(_BLANK, self.text, position + 1)
        value, position = self.value(position, line, 0)
        _assign(table, keys, value if value is not None else _Node(line), line)
        return position

    def keys(self, position: int) -> tuple[list[str], int]:
        """A dotted key's parts (decoded); empty when there is none at ``position``."""
        text = self.text
        keys: list[str] = []
        while True:
            position = _after(_BLANK, text, position)
            match = _BARE_KEY.match(text, position)
            if match is not None:
                keys.append(match.group())
            else:
                match = _BASIC.match(text, position) or _LITERAL.match(text, position)
                key = _toml_string(match.group()) if match is not None else None
                if match is None or key is None:
                    return [], position
                keys.append(key)
            position = _after(_BLANK, text, match.end())
            if not text.startswith(".", position):
                return keys, position
            position += 1

    def value(self, position: int, line: int, depth: int) -> tuple[_Node | None, int]:
        """The value at ``position`` (``None`` if there is none) and the position after it."""
        text = self.text
        char = text[position] if position < len(text) else ""
        if char in {'"', "'"}:
            multi = _MULTI_BASIC if char == '"' else _MULTI_LITERAL
            single = _BASIC if char == '"' else _LITERAL
            if text.startswith(char * 3, position):
                match = multi.match(text, position)
                end = match.end() if match is not None else len(text)  # unclosed: the rest
            else:
                match = single.match(text, position)
                if match is None:  # unclosed: the rest of the line
                    found = text.find("\n", position)
                    end = len(text) if found < 0 else found
                else:
                    end = match.end()
            return _Node(line, token=text[position:end]), end
        if char == "[":
            return self.array(position, line, depth + 1)
        if char == "{":
            return self.inline_table(position, line, depth + 1)
        match = _SCALAR.match(text, position)
        if match is None:
            return None, position
        return _Node(line, token=match.group()), match.end()

    def array(self, position: int, line: int, depth: int) -> tuple[_Node, int]:
        if depth > MAX_NESTING:
            raise _TooDeepError
        text, size = self.text, len(self.text)
        node = _Node(line, items=[])
        assert node.items is not None
        position += 1
        while True:
            position = _after(_SPACE, text, position)
            if position >= size:
                return node, position
            char = text[position]
            if char == "]":
                return node, position + 1
            if char in ",}=":
                position += 1
                continue
            item, after = self.value(position, self.lines.at(position), depth)
            if item is None or after <= position:
                position += 1
                continue
            node.items.append(item)
            position = after

    def inline_table(self, position: int, line: int, depth: int) -> tuple[_Node, int]:
        if depth > MAX_NESTING:
            raise _TooDeepError
        text, size = self.text, len(self.text)
        node = _Node(line, table={})
        position += 1
        while True:
            position = _after(_SPACE, text, position)
            if position >= size:
                return node, position
            char = text[position]
            if char == "}":
                return node, position + 1
            if char in ",]=":
                position += 1
                continue
            key_line = self.lines.at(position)
            keys, after = self.keys(position)
            if not keys:
                position += 1
                continue
            after = _after(_BLANK, text, after)
            if not text.startswith("=", after):
                position = after
                continue
            after = _after(_BLANK, text, after + 1)
            value, position = self.value(after, key_line, depth)
            _assign(node, keys, value if value is not None else _Node(key_line), key_line)


def _after(pattern: re.Pattern[str], text: str, position: int) -> int:
    """The position after what ``pattern`` matches at ``position`` (it may match nothing)."""
    match = pattern.match(text, position)
    return match.end() if match is not None else position


def _descend(node: _Node | None, key: str, line: int) -> _Node | None:
    """The table ``key`` names under ``node`` on the way to a header's table (made if new).

    An array of tables stands for its last item, as TOML says.
    """
    if node is None or node.table is None:
        return None
    child = node.table.get(key)
    if child is None:
        child = node.table[key] = _Node(line, table={}, explicit=False)
    if isinstance(child, int):
        return None
    if child.items is not None:
        return child.items[-1] if child.items and child.items[-1].table is not None else None
    return child if child.table is not None else None


def _assign(table: _Node, keys: list[str], value: _Node, line: int) -> None:
    """Put ``value`` at the dotted key ``keys`` under ``table``; the first one written wins."""
    node: _Node | None = table
    for key in keys[:-1]:
        assert node is not None
        assert node.table is not None
        child = node.table.get(key)
        if child is None:
            child = node.table[key] = _Node(line, table={}, explicit=False)
        if isinstance(child, int) or child.table is None:
            return
        node = child
    assert node is not None
    assert node.table is not None
    node.table.setdefault(keys[-1], value)


def _toml_string(token: str) -> str | None:
    """A TOML string as written (quotes and escapes) read as text; ``None`` if it is not one."""
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "\"'":
        quote = token[0]
        if not token.startswith(quote * 3) and (quote == "'" or "\\" not in token):
            return token[1:-1]
    elif not token.startswith(("'", '"')):
        return None
    try:
        value = tomllib.loads(f"v = {token}")["v"]
    except Exception:  # any text may be given; one that is not a string is no key
        return None
    return value if isinstance(value, str) else None


# -- JSON ----------------------------------------------------------------------------

_JSON_TOKEN = re.compile(
    r'[ \t\r\n]*+(?:("(?:[^"\\]|\\.)*+")|([{}\[\],:])|([^ \t\r\n{}\[\],:"]++))', re.S
)
"""One token after blanks: a string (group 1), a punctuation mark (2) or another value (3)."""
_JSON_MEMBER = re.compile(
    r'[ \t\r\n,]*+("(?:[^"\\]|\\.)*+")[ \t\r\n]*+:[ \t\r\n]*+'
    r'(?:("(?:[^"\\]|\\.)*+"|[^ \t\r\n{}\[\],:"]++)|([{\[]))'
)
"""A member, after any commas: its key (1), and its scalar value (2) or opening mark (3)."""


class _JsonReader:
    """A forgiving reader of JSON's structure: objects, arrays and keys with their lines.

    A mark where none belongs is passed over; a string that does not end, or
    a character no token starts with, ends the reading. An object or array
    that the standard JSON scanner can read is skipped at its speed and read
    here only when it is looked into (:class:`_LaterNode`), so locating a few
    figures reads little more than the objects on their way.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.position = 0
        self.pending: tuple[str, str, int] | None = None
        # the standard scanner (in C where it can be); the stubs do not declare it
        self.scan: Callable[[str, int], tuple[object, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]

    def read(self) -> _Node:
        token = self.next()
        if token is None or token[1] != "{":
            return _Node(None, table={})
        return _LaterNode(None, self, self.position, 1, array=False)

    def read_later(self, node: _LaterNode, start: int) -> None:
        """Read the members or items of ``node``, whose opening mark ends at ``start``."""
        self.position, self.pending = start, None
        with contextlib.suppress(_TooDeepError):
            if node.table is not None:
                self.object(node, node.depth, later=True)
            else:
                self.array(node, node.depth, later=True)

    def nested(self, opening: str, line: int, at: int, depth: int, later: bool) -> _Node:
        """The object or array whose mark is at ``at``: skipped to be read later, or read now."""
        if later:
            try:
                end = self.scan(self.text, at)[1]
            except Exception:  # not standard JSON (or too deep for the scanner): read it here
                pass
            else:
                self.position, self.pending = end, None
                return _LaterNode(line, self, at + 1, depth, array=opening == "[")
        self.position, self.pending = at + 1, None
        if opening == "{":
            return self.object(_Node(line, table={}), depth)
        return self.array(_Node(line, items=[]), depth)

    def next(self) -> tuple[str, str, int] | None:
        """The next token: (kind, text, start); kind is ``s``, ``p`` or ``v``."""
        if self.pending is not None:
            token, self.pending = self.pending, None
            return token
        match = _JSON_TOKEN.match(self.text, self.position)
        if match is None:
            self.position = len(self.text)
            return None
        self.position = match.end()
        kind = "s" if match.group(1) is not None else "p" if match.group(2) is not None else "v"
        text = match.group(match.lastindex or 0)
        return kind, text, match.start(match.lastindex or 0)

    def value(self, token: tuple[str, str, int], line: int, depth: int) -> _Node | None:
        kind, text, _start = token
        if kind != "p":
            return _Node(line, token=text)
        if text == "{":
            return self.object(_Node(line, table={}), depth + 1)
        if text == "[":
            return self.array(_Node(line, items=[]), depth + 1)
        self.pending = token  # a mark where a value belongs: no value
        return None

    def object(self, node: _Node, depth: int, later: bool = False) -> _Node:
        if depth > MAX_NESTING:
            raise _TooDeepError
        assert node.table is not None
        while True:
            member = (
                None if self.pending is not None else _JSON_MEMBER.match(self.text, self.position)
            )
            if member is not None:  # most members: ``"key": value`` or ``"key": {`` or ``[``
                self.position = member.end()
                written = member.group(1)
                key = written[1:-1] if "\\" not in written else _json_string(written)
                line = self.lines.at(member.start(1))
                opening = member.group(3)
                if opening is not None:
                    nested = self.nested(opening, line, member.start(3), depth + 1, later)
                    if key is not None:
                        node.table.setdefault(key, nested)
                elif key is not None and key not in node.table:
                    token = member.group(2)
                    node.table[key] = _Node(line, token=token) if key in _KEY_NAMES else line
                continue
            token = self.next()
            if token is None:
                break
            kind, text, start = token
            if kind == "p" and text in "}]":
                break
            if kind != "s":
                if text in "{[":  # a value without a key: read past it
                    self.value(token, self.lines.at(start), depth)
                continue
            colon = self.next()
            if colon is None or colon[:2] != ("p", ":"):
                self.pending = colon
                continue
            line = self.lines.at(start)
            following = self.next()
            if following is None:
                break
            child = self.value(following, line, depth)
            key = _json_string(text)
            if key is not None:
                node.table.setdefault(key, child if child is not None else _Node(line))
        return node

    def array(self, node: _Node, depth: int, later: bool = False) -> _Node:
        if depth > MAX_NESTING:
            raise _TooDeepError
        assert node.items is not None
        while (token := self.next()) is not None:
            kind, text, start = token
            if kind == "p" and text in "]}":
                break
            if kind == "p" and text in ",:":
                continue
            if kind == "p" and later:  # ``{`` or ``[``
                node.items.append(self.nested(text, self.lines.at(start), start, depth + 1, True))
                continue
            item = self.value(token, self.lines.at(start), depth)
            if item is not None:
                node.items.append(item)
        return node


def _json_string(token: str) -> str | None:
    """A JSON string as written read as text; ``None`` if it is not one."""
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        return None
    if "\\" not in token:
        return token[1:-1]
    try:
        value = json.loads(token)
    except ValueError:
        return None
    return value if isinstance(value, str) else None


# -- the model's types ------------------------------------------------------------------


@functools.cache
def _enum_value(key: str, kind: object) -> str:
    """A key as an address writes it: an enum member named by its name gives its value."""
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        for member in kind:
            if key in (member.value, member.name):
                return str(member.value)
    return key
