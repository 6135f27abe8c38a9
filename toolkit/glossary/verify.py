"""Compare a translation with the terms found in its source: what is rendered, what is not."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Span
from .match import Match, Matcher
from .model import DEPRECATED, Concept, Glossary


@dataclass(frozen=True, slots=True)
class ConceptCheck:
    """How one concept of the source fared in the target.

    ``needed`` counts its occurrences in the source, ``found`` the approved
    renderings in the target, ``forbidden`` the deprecated renderings present
    (those overlapping an approved rendering of another source concept are
    not counted: "human trafficking" is right for *traite* even though it is
    forbidden for *trafic illicite de migrants*).
    """

    concept: Concept
    needed: int
    found: int
    forbidden: tuple[Span, ...]
    sources: tuple[Match, ...]

    @property
    def missing(self) -> int:
        return max(0, self.needed - self.found)


class Verifier:
    """Checks target texts against the glossary terms of their source texts."""

    def __init__(self, glossary: Glossary, src: str = "fr", tgt: str = "en") -> None:
        self.glossary = glossary
        self.src, self.tgt = src, tgt
        self.source_matcher = Matcher(glossary, src, deprecated=False, resolve=True)
        self.target_matcher = Matcher(glossary, tgt)

    def check(self, source: str, target: str,
              matches: list[Match] | None = None) -> list[ConceptCheck]:
        """One :class:`ConceptCheck` per concept found in ``source`` that has ``tgt`` terms."""
        matches = self.source_matcher.find(source) if matches is None else matches
        by_concept: dict[str, list[Match]] = {}
        for m in matches:
            if m.concept.approved(self.tgt):
                by_concept.setdefault(m.concept.id, []).append(m)
        if not by_concept:
            return []
        hits = self.target_matcher.find(target, overlapping=True)
        approved = [h for h in hits if h.term.status != DEPRECATED and h.concept.id in by_concept]
        out = []
        for cid, srcs in by_concept.items():
            own = _non_overlapping([h.span for h in approved if h.concept.id == cid])
            bad = tuple(
                h.span for h in hits
                if h.concept.id == cid and h.term.status == DEPRECATED
                and not any(_overlaps(h.span, a.span) for a in approved)
            )
            out.append(ConceptCheck(srcs[0].concept, len(srcs), len(own), bad, tuple(srcs)))
        return out


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _non_overlapping(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(_overlaps(s, k) for k in kept):
            kept.append(s)
    return kept
