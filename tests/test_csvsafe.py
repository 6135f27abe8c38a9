"""Exported CSV/TSV cannot run as spreadsheet formulas, and round-trips unchanged."""

from __future__ import annotations

import csv
import io

from toolkit.csvsafe import guard, unguard
from toolkit.glossary import csvio
from toolkit.glossary.model import Concept, Glossary, Term


def test_formula_triggers_are_quoted_and_plain_text_is_not() -> None:
    for cell in ("=HYPERLINK(\"http://x\")", "+33 1 23", "-ci", "@SUM(A1)", "\tx", "\rx"):
        assert guard(cell) == "'" + cell and unguard(guard(cell)) == cell
    for cell in ("traite des êtres humains", "l'OIM", "'quoted'", ""):
        assert guard(cell) == cell and unguard(cell) == cell


def test_glossary_export_is_guarded_and_reads_back_the_same_terms() -> None:
    hostile = Concept("c1", (Term("=HYPERLINK(\"http://evil\")", "fr"), Term("-ci", "en")))
    buf = io.StringIO()
    csvio.write(Glossary.of([hostile]), buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    cells = [c for row in rows[1:] for c in row if c]
    assert cells and not any(c.startswith(("=", "+", "-", "@")) for c in cells), cells
    back = csvio.read(io.StringIO(buf.getvalue()))
    assert [t.text for t in next(iter(back)).terms] == [t.text for t in hostile.terms]
