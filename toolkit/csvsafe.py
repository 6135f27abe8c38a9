"""Spreadsheet-safe CSV/TSV cells (CSV injection, as OWASP describes it).

A reviewer opens exported glossaries and alignment reviews in a spreadsheet,
which runs a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula. Such cells are written with a leading ``'`` (shown by
spreadsheets as text, never as part of the value). Reading is symmetric: a
leading ``'`` followed by one of those characters is taken away, so a term
such as ``-ci`` survives an export and re-import unchanged.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    return "'" + cell if cell.startswith(_TRIGGERS) else cell


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_TRIGGERS) else cell
