"""Text from data files made safe to print on a terminal: one sanitising step.

A report's texts (a unit's name, a stated reason) come from files anyone can
write. Printed raw, a control character could clear the screen, retitle the
window or, as a newline, forge a whole line of output. Everything govfinal
prints that holds such text goes through :func:`terminal_safe` (the
messages of :class:`~govfinal.io.LoadError` included), and JSON output
through :func:`json_safe`. Both keep the text readable: Chinese and full-width
punctuation are never touched, and each unsafe character becomes a visible
escape.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["json_safe", "terminal_safe"]

_UNSAFE: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""Characters that can steer a terminal or hide text: C0 and C1 controls, DEL,
bidirectional controls (U+202E …), line and paragraph separators, lone surrogates."""

_UNSAFE_IN_JSON: Final = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
"""The characters of :data:`_UNSAFE` that ``json.dumps`` leaves as they are (all but C0)."""

_NAMED_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_safe(text: str, *, keep: str = "") -> str:
    r"""``text`` with each character of :data:`_UNSAFE` not in ``keep`` as a visible escape.

    ESC becomes the four characters ``\x1b``, a newline the two characters
    ``\n``, U+202E ``\u202e``; Chinese text and full-width punctuation are left
    alone. The result holds no unsafe character, so applying it twice changes
    nothing.

    >>> terminal_safe("原因：\x1b[2J\n伪造")
    '原因：\\x1b[2J\\n伪造'
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda found: _escape(found.group(), keep), text)


def _escape(char: str, keep: str) -> str:
    if char in keep:
        return char
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_safe(text: str) -> str:
    r"""JSON text with each unsafe character as a ``\uXXXX`` escape: the same data, printable.

    ``json.dumps`` already escapes C0 controls inside strings (the others are
    the layout's own whitespace); this adds DEL, C1, bidirectional controls,
    line separators and lone surrogates, which can only occur inside strings.
    """
    return _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
