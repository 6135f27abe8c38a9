"""Acronyms rendered with the target language's form (OIM → IOM, HCR → UNHCR)."""

from __future__ import annotations

import re

from ..model import Segment, Span
from .issue import Issue

# French acronym → (English, Spanish). Used when no glossary is at hand, and
# for acronyms the glossary does not list.
BUILTIN: dict[str, tuple[str, str]] = {
    "OIM": ("IOM", "OIM"), "CEDEAO": ("ECOWAS", "CEDEAO"), "HCR": ("UNHCR", "ACNUR"),
    "UE": ("EU", "UE"), "ONU": ("UN", "ONU"), "OMS": ("WHO", "OMS"), "PAM": ("WFP", "PMA"),
    "ONG": ("NGO", "ONG"), "CICR": ("ICRC", "CICR"), "FICR": ("IFRC", "FICR"),
    "UA": ("AU", "UA"), "PNUD": ("UNDP", "PNUD"), "OIT": ("ILO", "OIT"),
    "FNUAP": ("UNFPA", "UNFPA"), "RDC": ("DRC", "RDC"), "RCA": ("CAR", "RCA"),
    "ODD": ("SDG", "ODS"), "PDI": ("IDP", "PDI"), "UNICEF": ("UNICEF", "UNICEF"),
    "OCHA": ("OCHA", "OCHA"), "FAO": ("FAO", "FAO"), "UNESCO": ("UNESCO", "UNESCO"),
    "CEEAC": ("ECCAS", "CEEAC"), "UEMOA": ("WAEMU", "UEMOA"), "VIH": ("HIV", "VIH"),
    "DTM": ("DTM", "DTM"), "MTD": ("DTM", "DTM"),
}
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})(s?)(?![\w-])")


_CACHE: dict[tuple[int, str], tuple[object, dict[str, tuple[str, ...]]]] = {}


def _from_glossary(glossary: object, tgt: str) -> dict[str, tuple[str, ...]]:
    # Keyed by identity: hashing a whole glossary on every call would cost more than the check.
    hit = _CACHE.get((id(glossary), tgt))
    if hit is not None and hit[0] is glossary:
        return hit[1]
    table: dict[str, tuple[str, ...]] = {}
    for concept in glossary:  # type: ignore[attr-defined]
        sources = [t.text for t in concept.approved("fr") if t.type in ("acronym", "abbreviation")]
        pool = concept.approved(tgt)
        targets = tuple(t.text for t in pool if t.type in ("acronym", "abbreviation")) + tuple(
            t.text for t in pool if t.type not in ("acronym", "abbreviation"))
        for s in sources:
            if targets:
                table[s] = targets
    _CACHE[(id(glossary), tgt)] = (glossary, table)
    return table


def expected(acronym: str, tgt: str, glossary: object | None = None) -> tuple[str, ...]:
    """Acceptable target renderings of a French acronym (empty if unknown)."""
    lang = tgt.split("-")[0].lower()
    if glossary is not None:
        found = _from_glossary(glossary, lang).get(acronym)
        if found:
            return found
    row = BUILTIN.get(acronym)
    if row is None:
        return ()
    return (row[0],) if lang == "en" else (row[1],) if lang == "es" else ()


def check_acronyms(seg: Segment, glossary: object | None = None, *,
                   skip_glossary_terms: bool = False) -> list[Issue]:
    """Source acronym missing from the target or left in its French form.

    ``OIM`` in a French sentence must appear as ``IOM`` (or the glossary's
    full form) in English; the French form in the target is an error.
    ``skip_glossary_terms`` leaves acronyms the glossary knows to the
    glossary check, so one mistake is not reported twice.
    """
    if not seg.target.strip() or not seg.src.lower().startswith("fr"):
        return []
    issues = []
    for m in _ACRONYM.finditer(seg.source):
        acro = m.group(1)
        if skip_glossary_terms and glossary is not None and \
                acro in _from_glossary(glossary, seg.tgt.split("-")[0].lower()):
            continue
        want = expected(acro, seg.tgt, glossary)
        span = Span(m.start(), m.end(), m.group(0), "acronym")
        if not want:
            continue
        if any(re.search(rf"(?<!\w){re.escape(w)}", seg.target, re.IGNORECASE if " " in w else 0)
               for w in want):
            continue
        if acro not in want and re.search(rf"(?<![\w-]){acro}s?(?![\w-])", seg.target):
            issues.append(Issue("acronym-untranslated", "error",
                                f"«{acro}» left in French; use «{want[0]}»", seg.id, span))
        else:
            issues.append(Issue("acronym-missing", "warning",
                                f"«{acro}» has no «{' / '.join(want)}» in the target",
                                seg.id, span))
    return issues
