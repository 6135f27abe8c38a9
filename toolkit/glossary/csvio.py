"""CSV/TSV glossary files: one concept per row, several values in a cell joined by ``|``.

Columns (header required, order free, only ``concept_id`` and one language needed)::

    concept_id  domain  fr  en  en_variants  en_forbidden  es  es_variants  es_forbidden
    en_article  note

``<lang>`` holds preferred terms, ``<lang>_variants`` admitted ones and
``<lang>_forbidden`` deprecated renderings, for any two-letter language code.
A value written in capitals (``OIM``, ``IDPs``) is an acronym. ``en_article``
is ``none`` when the English term never takes "the", ``short`` when only its
acronym goes without it, empty to keep the engine's article.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable

from ..csvsafe import guard, unguard
from ..errors import GlossaryError, ParseError
from .model import ADMITTED, DEPRECATED, PREFERRED, Concept, Glossary, Term, guess_type

SEP = "|"
_LANG_COL = re.compile(r"^([a-z]{2})(?:_(variants|forbidden))?$")
_STATUS = {None: PREFERRED, "variants": ADMITTED, "forbidden": DEPRECATED}
_FIXED = ("concept_id", "domain", "en_article", "note")
ARTICLES = ("", "none", "short")


def columns(langs: Iterable[str]) -> list[str]:
    """The column layout written for ``langs`` (source language first)."""
    cols = ["concept_id", "domain"]
    for lang in langs:
        cols.append(lang)
        if lang != "fr":
            cols += [f"{lang}_variants", f"{lang}_forbidden"]
    return cols + ["en_article", "note"]


def read(fp: io.TextIOBase, *, path: str | os.PathLike = "<csv>", delimiter: str = ",") -> Glossary:
    """Read a CSV (``delimiter=","``) or TSV (``"\\t"``) glossary."""
    reader = csv.reader(fp, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError("empty glossary file: no header row", path=path, line=1) from None
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}", path=path, line=1) from exc
    header = [h.strip().lstrip("\ufeff") for h in header]
    bad = [h for h in header if h not in _FIXED and not _LANG_COL.match(h)]
    if bad or "concept_id" not in header or len(set(header)) != len(header):
        raise ParseError(
            f"wrong columns {header!r}", path=path, line=1,
            hint="expected concept_id, domain, fr, en, en_variants, en_forbidden, es, "
                 "es_variants, es_forbidden, en_article, note (values joined by |)")
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise ParseError(f"row has {len(row)} cells, header has {len(header)}",
                                 path=path, line=line)
            cells = [unguard(cell) for cell in row]
            concepts.append(_concept(dict(zip(header, cells, strict=True)), path, line, seen))
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from exc
    return Glossary.of(concepts, name=os.path.splitext(os.path.basename(os.fspath(path)))[0])


def _concept(cells: dict[str, str], path, line: int, seen: dict[str, int]) -> Concept:
    cid = cells["concept_id"].strip()
    if cid in seen:
        raise GlossaryError(f"duplicate concept id {cid!r} (first on line {seen[cid]})",
                            path=path, line=line, term=cid)
    seen[cid] = line
    article = cells.get("en_article", "").strip()
    if article not in ARTICLES:
        raise GlossaryError(f"en_article must be one of {ARTICLES}, not {article!r}",
                            path=path, line=line, term=cid)
    terms: list[Term] = []
    try:
        for col, value in cells.items():
            m = _LANG_COL.match(col)
            if not m or not value.strip():
                continue
            for text in value.split(SEP):
                text = " ".join(text.split())
                if not text:
                    raise GlossaryError(f"empty term in column {col!r}", term=cid)
                terms.append(Term(text, m.group(1), _STATUS[m.group(2)], guess_type(text)))
        if not terms:
            raise GlossaryError(f"concept {cid!r} has no terms", term=cid)
        return Concept(cid, tuple(terms), domain=cells.get("domain", "").strip(),
                       note=cells.get("note", "").strip(), article=article)
    except GlossaryError as exc:
        raise GlossaryError(exc.message, path=path, line=line, term=exc.term or cid) from exc


def write(glossary: Glossary, fp: io.TextIOBase, *, delimiter: str = ",") -> None:
    """Write ``glossary`` in the documented layout.

    Term notes, gender, part of speech and deprecated French terms are not kept.
    """
    langs = sorted(glossary.languages(), key=lambda x: (x != "fr", x != "en", x))
    cols = columns(langs)
    writer = csv.writer(fp, delimiter=delimiter, lineterminator="\n")
    writer.writerow(cols)
    for c in glossary:
        row = {"concept_id": c.id, "domain": c.domain, "en_article": c.article, "note": c.note}
        for lang in langs:
            if lang == "fr":  # source terms: all are looked for, status does not matter
                row["fr"] = SEP.join(t.text for t in c.approved("fr"))
                continue
            for suffix, status in (("", PREFERRED), ("_variants", ADMITTED),
                                   ("_forbidden", DEPRECATED)):
                row[lang + suffix] = SEP.join(t.text for t in c.in_lang(lang)
                                              if t.status == status)
        writer.writerow([guard(row.get(col, "")) for col in cols])
