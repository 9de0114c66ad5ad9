"""Line up the figures of two texts: how many of a published text's figures another gives in order.

A rendered narrative (情况说明) and the published one may differ in wording,
line wraps and spacing; what must agree are their figures. :func:`figures_of`
reads the figures of a text in order, :func:`compare` aligns the figures of a
rendered text with those of a published one and says how many of the published
figures the rendered text gives in the same order, which are missing and which
are extra. :func:`between` and :func:`figures_between` restrict a text to one
part, between two headings.

>>> published = "本年收入 55.19 万元，占 100.00%；上年 72.95 万元。"
>>> rendered = "本年收入 55.19 万元，占 100.00%；上年 73.00 万元。"
>>> comparison = compare(rendered, published)
>>> comparison.summary()
'figures in order: 2 of 3 (66.66%)'
>>> [(figure.text, figure.line) for figure in comparison.missing]
[('72.95', 1)]

Figures are compared by value and kind: ``6.2`` and ``6.20`` are one figure,
``19.69%`` and ``19.69`` (万元) are two. The alignment is a longest common
subsequence of the two lists, so :attr:`Comparison.matched` is the largest
number of published figures the rendered text gives in order, found exactly,
not by a heuristic. Everything here is a pure function of its arguments, and
``Decimal`` throughout: a rate is a ``Decimal`` and a threshold is compared
with integers, so ``0.95`` means exactly 95 %.

Input is bounded: a text longer than :data:`MAX_CHARS` characters, or one of
more than :data:`MAX_FIGURES` figures to align, is refused with a
:class:`CompareError`, so that no input can make the alignment take
unbounded time or memory.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from govfinal.errors import GovFinalError
from govfinal.money import CONTEXT, AmountLike, to_decimal

__all__ = [
    "MAX_CHARS",
    "MAX_FIGURES",
    "CompareError",
    "Comparison",
    "Figure",
    "align",
    "between",
    "compare",
    "figures_between",
    "figures_of",
]

MAX_CHARS: Final = 5_000_000
"""Most characters of a text that is read for figures (a whole report has under 100,000)."""

MAX_FIGURES: Final = 20_000
"""Most figures of one text that :func:`align` lines up (a whole report has a few thousand).

What remains after the common start and end are set aside is aligned in
time and memory proportional to the product of the two lengths, at most
``MAX_FIGURES²`` bits (50 MB)."""

MAX_HEADING: Final = 100
"""Most characters of a heading given to :func:`between`."""


class CompareError(GovFinalError, ValueError):
    """A text cannot be compared: too long, too many figures, or a heading it lacks."""


# -- reading figures -------------------------------------------------------------------

_SAME_WIDTH: Final = str.maketrans(
    "０１２３４５６７８９．％－−（）：",
    "0123456789.%--():",
)
"""Full-width digits and signs read as their ASCII forms, one character for one,
so that a place in the folded text is the same place in the text as printed."""

_FIGURE: Final = re.compile(
    r"(?<![0-9A-Za-z.])"  # not the tail of a longer token (a code, a version, a decimal)
    r"(?P<sign>-(?=[0-9]))?"
    r"(?P<integer>(?>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+))"
    r"(?P<fraction>\.[0-9]+)?+"
    r"(?P<percent>[ \t]*%)?+"
    r"(?![A-Za-z]|\.[0-9])",  # nor the head of one (91faac, 5G, 1.2.3)
)
"""A figure as printed: an optional ``-`` sign, the integer (with ``,`` between
groups of three digits, or none), an optional fraction, an optional ``%``."""

_PAGE_MARKER: Final = re.compile(r"^[ \t]*=== page [0-9]+ ===[ \t]*$", re.MULTILINE)
_LIST_MARK_AFTER: Final = re.compile(r"、|\.[^0-9\s]")
_YEAR_AFTER: Final = re.compile(r"\s*(?:[-–—~至到]\s*[0-9]{4}\s*)?年")
_MONTH_AFTER: Final = re.compile(r"\s*月")
_DAY_AFTER: Final = re.compile(r"\s*[日号]")
_MONTH_BEFORE: Final = re.compile(r"月\s*$")
_MARKER: Final = r"\((?:类|款|项)\)"
_NAME_THEN_MARKER: Final = re.compile(
    r"[ \t]*[-—:(\[【]?[ \t]*(?![万亿]?元|%)[^0-9\s，。；,;:、]{1,40}?" + _MARKER
)
_MARKER_THEN_BRACKET: Final = re.compile(_MARKER + r"[ \t]*[(\[【][ \t]*$")
_CLOSING_BRACKET: Final = re.compile(r"[ \t]*[)\]】]")
_CONTEXT: Final = 60
"""Characters either side of a number that the exclusions look at (within its line)."""


@attrs.frozen
class Figure:
    """One figure of a text, as printed there.

    Attributes:
        value: the number, exactly as printed: thousands separators removed,
            the sign kept when a ``-`` is printed directly before the digits,
            the digits after the point kept (``Decimal('6.20')``). A percent's
            value is the number before the ``%`` (``19.69`` for ``19.69%``).
        text: the figure as printed, e.g. ``2,940.05`` or ``-39.18%``.
        percent: whether a ``%`` follows it.
        line: its line in the text, from 1.
        column: the column of its first character in that line, from 1
            (in characters).

    """

    value: Decimal
    text: str
    percent: bool
    line: int
    column: int

    @property
    def key(self) -> tuple[Decimal, bool]:
        """What alignment compares: the value as a number (``6.2 == 6.20``), and if a percent."""
        return (self.value, self.percent)


def figures_of(text: str) -> tuple[Figure, ...]:
    """The figures of ``text``, in the order they are printed.

    A figure is a number as the report prints it: ``58.95``, ``2,940.05``,
    ``-39.18%``, ``100%``, ``0``. Full-width digits, point, percent sign and
    minus (``５８．９５％``) are read as their ASCII forms. A number glued to
    ASCII letters or to a point on either side (``91faac``, ``5G``,
    ``1.2.3``) is part of some other token and not a figure. A ``-`` is a sign
    only when printed directly before the digits and not directly after a
    digit or letter (``2021-2025`` is two numbers, not a negative one).

    The digits that are not figures of the report are left out, each by a
    rule that looks only at the text around it on the same line:

    * page markers of text extraction: a whole line ``=== page N ===``;
    * list numbers (序号), which number the items instead of stating a
      figure: a whole number of at most three digits followed by ``、``
      (``1、``), or by a point and then neither a digit nor a space
      (``1.科学技术支出``, also mid-line: ``主要原因：1.人员增加``), or alone
      in brackets (``(1)``, ``（1）``); at the start of a line, also one
      followed by any point not before a digit (``1. 科学``) or by a closing
      bracket (``1）``). Chinese list numbers (``（一）``, ``一、``) hold no
      digits at all;
    * years: four digits followed by ``年`` (``2024 年``, ``2024年度``,
      ``2024年初``), or by a range to another such year (``2021-2025年``);
    * dates: a month, 1 to 12, followed by ``月`` (``12 月``), and a day, 1
      to 31, followed by ``日`` or ``号`` right after a month
      (``12 月 31 日``);
    * classification codes (科目编码) of 支出功能分类 and 支出经济分类: a
      whole number of 3, 5 or 7 digits beside a name marked 类, 款 or 项,
      either followed on its line by the name and its mark
      (``2010101 行政运行（项）``, ``201 一般公共服务支出（类）``) or
      written in brackets right after the mark (``行政运行（项）（2010101）``).
      A number followed by a unit (``元``, ``万元``, ``%``) is never a code.

    Everything else made of digits is a figure: amounts, percents, counts of
    people, vehicles and projects (``0 辆``, ``4 个``), scores (``99.43 分``),
    and the standard wording's own numbers (``单价 100 万元（含）以上``).

    Raises:
        CompareError: ``text`` is longer than :data:`MAX_CHARS` characters.

    >>> [(f.value, f.percent, f.column) for f in figures_of("1.基本支出 57.82 万元，占 98.08%")]
    [(Decimal('57.82'), False, 8), (Decimal('98.08'), True, 19)]
    >>> [f.text for f in figures_of("截至 2023 年 12 月 31 日，差异率-39.18%，合计 2,940.05")]
    ['-39.18%', '2,940.05']

    """
    _check_length(text)
    folded = text.translate(_SAME_WIDTH)
    starts = _line_starts(folded)
    markers = {bisect.bisect_right(starts, m.start()) for m in _PAGE_MARKER.finditer(folded)}
    figures: list[Figure] = []
    for match in _FIGURE.finditer(folded):
        begin, end = match.span()
        line = bisect.bisect_right(starts, begin)
        if line in markers:
            continue
        if _is_bare(match):
            line_end = starts[line] - 1 if line < len(starts) else len(folded)
            if _not_a_figure(folded, match, starts[line - 1], line_end):
                continue
        integer = match["integer"].replace(",", "")
        figures.append(
            Figure(
                value=Decimal((match["sign"] or "") + integer + (match["fraction"] or "")),
                text=text[begin:end],
                percent=match["percent"] is not None,
                line=line,
                column=begin - starts[line - 1] + 1,
            )
        )
    return tuple(figures)


def _check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise CompareError(
            f"the text has {len(text):,} characters, more than the {MAX_CHARS:,} compared"
        )


def _line_starts(text: str) -> list[int]:
    """The offset at which each line begins: ``0``, then one past each newline."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _is_bare(match: re.Match[str]) -> bool:
    """A whole number without sign, separators, fraction or percent: the only kind excluded."""
    return not (match["sign"] or match["fraction"] or match["percent"] or "," in match["integer"])


def _not_a_figure(text: str, match: re.Match[str], line_start: int, line_end: int) -> bool:
    """Whether the bare whole number ``match`` is a list number, year, date or code.

    The rules are those :func:`figures_of` lists; each looks only at the
    number's line, ``text[line_start:line_end]`` (of the folded text).
    """
    digits = match["integer"]
    begin, end = match.span()
    before = text[max(line_start, begin - _CONTEXT) : begin]
    after = text[end : min(line_end, end + _CONTEXT)]
    if len(digits) <= 3:
        first = not before.strip()  # the number begins its line
        if _LIST_MARK_AFTER.match(after) or (first and after.startswith(".")):
            return True
        if after.startswith(")") and (first or before.endswith("(")):
            return True
    if len(digits) == 4 and _YEAR_AFTER.match(after):
        return True
    if len(digits) <= 2:
        number = int(digits)
        if 1 <= number <= 12 and _MONTH_AFTER.match(after):
            return True
        if 1 <= number <= 31 and _DAY_AFTER.match(after) and _MONTH_BEFORE.search(before):
            return True
    return len(digits) in (3, 5, 7) and bool(
        _NAME_THEN_MARKER.match(after)
        or (_MARKER_THEN_BRACKET.search(before) and _CLOSING_BRACKET.match(after))
    )


# -- parts of a text -------------------------------------------------------------------


def between(text: str, start: str | None, end: str | None = None) -> str:
    r"""The lines of ``text`` from the heading ``start`` up to the heading ``end``.

    A heading is found where a line begins with it, ignoring white space
    (so a heading wrapped over two lines, or printed with other spacing, is
    still found) and reading full-width digits and brackets as their ASCII
    forms. ``start`` is the *last* line that begins with it, so that a table
    of contents (目录) listing the heading before the part itself does not
    count; ``end`` is the first line after that one that begins with it.
    The slice holds whole lines: from the start of ``start``'s line (the
    heading included) to the start of ``end``'s line (excluded). ``None``
    for ``start`` is the beginning of the text, for ``end`` its end.

    Raises:
        CompareError: no line begins with ``start``, or none after it with
            ``end`` (the message names the heading); a heading is blank or
            longer than :data:`MAX_HEADING`; ``text`` is longer than
            :data:`MAX_CHARS` characters.

    >>> text = "目录\n二、收入\n三、支出\n二、收\n入 55.19 万元\n三、支出 58.95 万元\n"
    >>> between(text, "二、收入", "三、支出")
    '二、收\n入 55.19 万元\n'

    """
    begin, stop = _span(text, start, end)
    return text[begin:stop]


def figures_between(
    text: str, start: str | None = None, end: str | None = None
) -> tuple[Figure, ...]:
    """The figures of the part of ``text`` between two headings (:func:`between`).

    Each figure keeps its line and column in the whole of ``text``.

    Raises:
        CompareError: as :func:`between` does.

    """
    begin, stop = _span(text, start, end)
    figures = figures_of(text[begin:stop])
    lines_before = text.count("\n", 0, begin)
    if not lines_before:
        return figures
    return tuple(attrs.evolve(figure, line=figure.line + lines_before) for figure in figures)


def _span(text: str, start: str | None, end: str | None) -> tuple[int, int]:
    """The offsets in ``text`` of the part :func:`between` gives (the start of a line each)."""
    _check_length(text)
    folded = text.translate(_SAME_WIDTH)
    begin, after = 0, 0
    if start is not None:
        found = list(_heading(start).finditer(folded))
        if not found:
            raise CompareError(f"no line begins with the heading {start!r}")
        begin, after = found[-1].start(), found[-1].end()
    stop = len(text)
    if end is not None:
        following = _heading(end).search(folded, after)
        if following is None:
            place = f" after the heading {start!r}" if start is not None else ""
            raise CompareError(f"no line{place} begins with the heading {end!r}")
        stop = following.start()
    return begin, stop


def _heading(heading: str) -> re.Pattern[str]:
    """A heading at the start of a line, with any white space between its characters."""
    characters = [
        character for character in heading.translate(_SAME_WIDTH) if not character.isspace()
    ]
    if not characters:
        raise CompareError(f"the heading {heading!r} is blank")
    if len(heading) > MAX_HEADING:
        raise CompareError(f"a heading of {len(heading)} characters is longer than {MAX_HEADING}")
    body = r"\s*".join(re.escape(character) for character in characters)
    return re.compile(r"^[^\S\n]*" + body, re.MULTILINE)


# -- aligning figures ------------------------------------------------------------------


@attrs.frozen
class Comparison:
    """How the figures of a rendered text line up with those of a published text.

    Invariants: ``matched + len(missing) == published`` and
    ``matched + len(extra) == rendered``; ``missing`` and ``extra`` keep the
    order of their texts.

    Attributes:
        matched: how many published figures the rendered text gives in order
            (the length of a longest common subsequence of the two lists).
        published: how many figures the published text has.
        rendered: how many figures the rendered text has.
        missing: the published figures left out of that alignment, with
            their place in the published text.
        extra: the rendered figures left out of it, with their place in the
            rendered text.

    """

    matched: int
    published: int
    rendered: int
    missing: tuple[Figure, ...] = ()
    extra: tuple[Figure, ...] = ()

    @property
    def rate(self) -> Decimal:
        """``matched / published``; ``1`` when the published text has no figures.

        Exact when the quotient has a finite decimal expansion (147/150 is
        ``0.98``), else to the 80 significant digits of
        :data:`govfinal.money.CONTEXT`; :meth:`meets` never rounds.
        """
        if not self.published:
            return Decimal(1)
        return CONTEXT.divide(Decimal(self.matched), Decimal(self.published))

    def meets(self, at_least: AmountLike) -> bool:
        """Whether :attr:`rate` is at least ``at_least`` (``Decimal("0.95")``), decided exactly.

        Raises:
            FloatRefusedError: ``at_least`` is a ``float``, which cannot hold ``0.95``.
            AmountError: ``at_least`` is not a finite number within the bounds of amounts.

        """
        threshold = to_decimal(at_least, what="at_least")
        numerator, denominator = threshold.as_integer_ratio()
        if not self.published:
            return numerator <= denominator
        return self.matched * denominator >= numerator * self.published

    def summary(self) -> str:
        """One line: ``figures in order: 147 of 150 (98.00%)``.

        The percent is cut (not rounded) to two places, so a shown 95.00%
        never stands for less than 95 %.
        """
        basis_points = 10_000 * self.matched // self.published if self.published else 10_000
        percent = f"{basis_points // 100}.{basis_points % 100:02d}%"
        return f"figures in order: {self.matched} of {self.published} ({percent})"


def compare(
    rendered: str, published: str, *, start: str | None = None, end: str | None = None
) -> Comparison:
    """Align the figures of ``rendered`` with those of ``published``.

    With ``start`` (and ``end``), both texts are first restricted to the part
    between those headings (:func:`between`); figures keep their lines in
    the whole texts.

    Raises:
        CompareError: a text is too long or has too many figures, or lacks a
            heading (the message says which text).

    """
    try:
        rendered_figures = figures_between(rendered, start, end)
    except CompareError as exc:
        raise CompareError(f"rendered text: {exc}") from None
    try:
        published_figures = figures_between(published, start, end)
    except CompareError as exc:
        raise CompareError(f"published text: {exc}") from None
    return align(rendered_figures, published_figures)


def align(rendered: Sequence[Figure], published: Sequence[Figure]) -> Comparison:
    """Align two lists of figures (by :attr:`Figure.key`): a longest common subsequence.

    Raises:
        CompareError: a list has more than :data:`MAX_FIGURES` figures.

    """
    for name, figures in (("rendered", rendered), ("published", published)):
        if len(figures) > MAX_FIGURES:
            raise CompareError(
                f"the {name} text has {len(figures):,} figures, more than the "
                f"{MAX_FIGURES:,} aligned"
            )
    pairs = _common_subsequence([f.key for f in published], [f.key for f in rendered])
    in_published = {i for i, _ in pairs}
    in_rendered = {j for _, j in pairs}
    return Comparison(
        matched=len(pairs),
        published=len(published),
        rendered=len(rendered),
        missing=tuple(f for i, f in enumerate(published) if i not in in_published),
        extra=tuple(f for j, f in enumerate(rendered) if j not in in_rendered),
    )


def _common_subsequence(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """The index pairs ``(i, j)``, ``a[i] == b[j]``, of a longest common subsequence.

    The common start and end are matched first (some longest common
    subsequence always holds them); the rest by the bit-parallel row
    recurrence of Hyyrö (2004), one big integer of ``len(a)`` bits per
    element of ``b``: in row ``j``, the zero bits below bit ``i`` count the
    length of a longest common subsequence of ``a[:i]`` and ``b[:j]``. A walk
    back through the rows gives the pairs.
    """
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    pairs = [(k, k) for k in range(head)]
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    pairs.extend((head + i, head + j) for i, j in _subsequence_pairs(middle_a, middle_b))
    pairs.extend((len(a) - tail + k, len(b) - tail + k) for k in range(tail))
    return pairs


def _subsequence_pairs(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """:func:`_common_subsequence` without the shortcut of the common start and end."""
    if not a or not b:
        return []
    positions: dict[Hashable, int] = {}
    for i, element in enumerate(a):
        positions[element] = positions.get(element, 0) | (1 << i)
    everything = (1 << len(a)) - 1
    rows = [everything]
    for element in b:
        row = rows[-1]
        matches = row & positions.get(element, 0)
        rows.append(((row + matches) | (row - matches)) & everything)

    def length(i: int, j: int) -> int:  # of a longest common subsequence of a[:i] and b[:j]
        return i - (rows[j] & ((1 << i) - 1)).bit_count()

    pairs: list[tuple[int, int]] = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif length(i - 1, j) >= length(i, j - 1):
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs
