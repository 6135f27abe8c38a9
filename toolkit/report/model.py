"""What the report says about each unit and release: review category, findings, counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from ..inline import CODE
from ..model import Catalogue, Note, Origin, Segment, State
from ..qa.issue import Issue
from ..qa.run import run_checks
from .marks import Mark, TermFinder, code_marks, issue_marks, unknown_marks


class Category(StrEnum):
    """Where a unit stands for a reviewer: the state, with drafts told apart by origin.

    A memory match and a machine draft are both unchecked drafts, but a
    reviewer reads them differently (a memory match was once approved). A
    draft whose origin is ``human`` (a person's text still flagged for review)
    counts as human: a person wrote it.
    """

    UNTRANSLATED = "untranslated"
    MACHINE = "machine"
    MEMORY = "memory"
    HUMAN = "human"
    REVIEWED = "reviewed"
    FINAL = "final"


LABELS = {
    Category.UNTRANSLATED: "untranslated",
    Category.MACHINE: "machine draft",
    Category.MEMORY: "memory match",
    Category.HUMAN: "human",
    Category.REVIEWED: "reviewed",
    Category.FINAL: "final",
}


def category(seg: Segment) -> Category:
    """The review category of one unit."""
    if seg.state == State.UNTRANSLATED or not seg.target.strip():
        return Category.UNTRANSLATED
    if seg.state == State.FINAL:
        return Category.FINAL
    if seg.state == State.REVIEWED:
        return Category.REVIEWED
    if seg.state == State.TRANSLATED or seg.origin == Origin.HUMAN:
        return Category.HUMAN
    if seg.origin in (Origin.TM_EXACT, Origin.TM_FUZZY):
        return Category.MEMORY
    return Category.MACHINE


_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def words(text: str) -> int:
    """Words of ``text``, inline codes left out.

    >>> words("L’OIM a aidé <g1>1 250</g1> migrants.")
    5
    """
    return len(_WORD.findall(CODE.sub(" ", text)))


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit as the report shows it."""

    segment: Segment
    category: Category
    issues: tuple[Issue, ...]
    source_marks: tuple[Mark, ...]
    target_marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Release:
    """One catalogue (a release in one target language) as the report shows it."""

    path: Path
    catalogue: Catalogue
    units: tuple[Unit, ...]

    @property
    def counts(self) -> dict[Category, int]:
        """Units per category, every category present (zero when none)."""
        found = Counter(u.category for u in self.units)
        return {c: found.get(c, 0) for c in Category}

    @property
    def words(self) -> dict[Category, int]:
        """Source words per category."""
        found: Counter[Category] = Counter()
        for u in self.units:
            found[u.category] += words(u.segment.source)
        return {c: found.get(c, 0) for c in Category}

    @property
    def findings(self) -> dict[str, int]:
        """QA findings by severity (``error``, ``warning``)."""
        found = Counter(i.severity for u in self.units for i in u.issues)
        return {"error": found.get("error", 0), "warning": found.get("warning", 0)}


# Characters XML (and so lxml) refuses. Each becomes U+FFFD, one character for one,
# so the reviewer sees that something was there and every offset still holds.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def shown(text: str) -> str:
    return _ILLEGAL.sub("\ufffd", text)


def _printable(seg: Segment) -> Segment:
    return replace(seg, source=shown(seg.source), target=shown(seg.target), id=shown(seg.id),
                   ref=shown(seg.ref), comments=tuple(shown(c) for c in seg.comments),
                   unknown=tuple(shown(w) for w in seg.unknown),
                   notes=tuple(Note(shown(n.text), n.origin) for n in seg.notes))


def build(catalogues: Iterable[tuple[Path, Catalogue]], glossary: object | None) -> list[Release]:
    """Every catalogue looked at unit by unit: category, QA findings, marks.

    QA runs the same checks as ``toolkit qa`` (a unit's ``qa-ignore:`` is
    honoured); terms are found with the glossary's own matcher, so what is
    highlighted is what the glossary check counts.
    """
    releases = []
    for path, cat in catalogues:
        cat = replace(cat, name=shown(cat.name), src=shown(cat.src), tgt=shown(cat.tgt))
        segments = [_printable(s) for s in cat.segments]
        issues = run_checks(segments, glossary)
        by_id: dict[str, list[Issue]] = {}
        for i in issues:
            by_id.setdefault(i.segment_id, []).append(i)
        finder = TermFinder(glossary, cat.src, cat.tgt) if glossary is not None else None
        units = []
        for seg in segments:
            own = tuple(by_id.get(seg.id, ()))
            qa_src, qa_tgt = issue_marks(seg, own)
            term_src, term_tgt = finder.marks(seg) if finder else ((), ())
            unk_src, unk_tgt = unknown_marks(seg)
            code_src, code_tgt = code_marks(seg)
            # Order is precedence where marks overlap: a finding first, a term last.
            units.append(Unit(seg, category(seg), own,
                              (*qa_src, *code_src, *unk_src, *term_src),
                              (*qa_tgt, *code_tgt, *unk_tgt, *term_tgt)))
        releases.append(Release(path, cat, tuple(units)))
    return releases
