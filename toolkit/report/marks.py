"""Character ranges of a unit's source and target the report highlights, and why.

A mark is ``(start, end, kind, title)`` on one text. Kinds: ``qa-error`` and
``qa-warning`` (a QA finding with a place), ``unknown`` (a word the engine
did not know, or an Apertium mark left in the text), ``retried`` (an unknown
word the drafting layer translated by another route), ``term`` (a glossary
term and its approved rendering), ``code`` (an inline code standing for markup
of the release, ``<g1>``…``</g1>`` or ``<x2/>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..inline import CODE
from ..markers import MARK
from ..model import Segment
from ..qa.issue import Issue


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    title: str  # shown on hover
    label: str = ""  # the short form listed under the unit's findings ("" when not listed)


def issue_marks(seg: Segment, issues: Iterable[Issue]) -> tuple[list[Mark], list[Mark]]:
    """Marks for the findings that name a place, on the text that place is in.

    An issue's span does not say whether it is in the source or the target
    (number-missing points into the source, number-added into the target),
    so the text whose characters there are the span's is the one.
    """
    src: list[Mark] = []
    tgt: list[Mark] = []
    for i in issues:
        s = i.span
        if s is None or s.end <= s.start:
            continue
        mark = Mark(s.start, s.end, f"qa-{i.severity}", f"{i.severity} {i.code}: {i.message}")
        if seg.target[s.start:s.end] == s.text:
            tgt.append(mark)
        elif seg.source[s.start:s.end] == s.text:
            src.append(mark)
    return src, tgt


# The drafting layer's note for a word it found another route for
# (toolkit.drafting.fallback): "unknown word U (FRENCH) → NEW (ROUTE)".
_RETRIED = re.compile(r"^unknown word (?P<unknown>.+?) \((?P<source>.+?)\) → (?P<new>.+?)"
                      r"(?: \((?P<how>[^()]*)\))?$")


def _word(text: str, word: str) -> Iterable[re.Match[str]]:
    return re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text) if word.strip() else ()


def unknown_marks(seg: Segment) -> tuple[list[Mark], list[Mark]]:
    """Unknown words in both texts, Apertium marks left in the target, retried words."""
    src: list[Mark] = []
    tgt: list[Mark] = []
    for m in MARK.finditer(seg.target):
        tgt.append(Mark(m.start(), m.end(), "unknown", f"engine mark {m.group(1)}: "
                        f"the engine did not know «{m.group(2)}»"))
    for word in seg.unknown:
        title = f"the engine did not know «{word}»"
        src += [Mark(m.start(), m.end(), "unknown", title, word) for m in _word(seg.source, word)]
        tgt += [Mark(m.start(), m.end(), "unknown", title, word) for m in _word(seg.target, word)]
    for note in seg.notes:
        r = _RETRIED.match(note.text)
        if r is None:
            continue
        title = note.text
        label = f"{r['source']} → {r['new']}"
        src += [Mark(m.start(), m.end(), "retried", title, label)
                for m in _word(seg.source, r["source"])]
        tgt += [Mark(m.start(), m.end(), "retried", title) for m in _word(seg.target, r["new"])]
    return src, tgt


def code_marks(seg: Segment) -> tuple[list[Mark], list[Mark]]:
    """Inline codes in both texts, each titled with what it stands for."""
    what = {t.n: t for t in seg.tags}

    def marks(text: str) -> list[Mark]:
        out = []
        for m in CODE.finditer(text):
            tag = what.get(int(m.group(3)))
            words = tag.what if tag is not None else "markup of the release"
            label = f"{tag.token} = {words}" if tag is not None else ""
            out.append(Mark(m.start(), m.end(), "code", f"inline code: {words}", label))
        return out

    return marks(seg.source), marks(seg.target)


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


class TermFinder:
    """Glossary terms of sources and their approved renderings in targets, for one pair.

    Matchers are built once per catalogue: indexing the glossary costs more
    than matching a sentence.
    """

    def __init__(self, glossary: object, src: str, tgt: str) -> None:
        from ..glossary import DEPRECATED, Matcher

        self._deprecated = DEPRECATED
        self.tgt = _base(tgt)
        self.source = Matcher(glossary, _base(src), deprecated=False)  # type: ignore[arg-type]
        self.target = Matcher(glossary, self.tgt)  # type: ignore[arg-type]

    def marks(self, seg: Segment) -> tuple[list[Mark], list[Mark]]:
        """Terms in the source, and the approved renderings of their concepts in the target.

        A source term's label names the rendering found in the target, or the
        glossary's preferred one marked "not found" (``toolkit qa`` reports it).
        """
        found = [m for m in self.source.find(seg.source) if m.concept.approved(self.tgt)]
        if not found:
            return [], []
        concepts = {m.concept.id for m in found}
        # Overlapping matches first, then only this source's concepts: a longer term of
        # another concept must not hide the rendering (as in the glossary check).
        hits = [h for h in self.target.find(seg.target, overlapping=True)
                if h.concept.id in concepts and h.term.status != self._deprecated]
        chosen: list = []
        for h in sorted(hits, key=lambda h: (h.span.start - h.span.end, h.span.start)):
            if all(h.span.end <= c.span.start or h.span.start >= c.span.end for c in chosen):
                chosen.append(h)
        chosen.sort(key=lambda h: h.span.start)
        tgt = [Mark(h.span.start, h.span.end, "term",
                    f"glossary ({h.concept.id}): approved rendering «{h.span.text}»")
               for h in chosen]
        unused = list(chosen)
        src = []
        for m in found:
            # The rendering of this occurrence: same concept, same kind of term when there
            # is one (OIM → OIM, the long form → the long form), in text order.
            same = [h for h in unused if h.concept.id == m.concept.id]
            pick = next((h for h in same if h.term.type == m.term.type), same[0] if same else None)
            if pick is not None:
                unused.remove(pick)
                wanted = pick.span.text
            else:
                preferred = m.concept.preferred(self.tgt, m.term.type)
                again = next((h for h in chosen if h.concept.id == m.concept.id), None)
                wanted = again.span.text if again else \
                    f"{preferred.text if preferred else '?'} (not found)"
            src.append(Mark(m.span.start, m.span.end, "term",
                            f"glossary ({m.concept.id}): {m.span.text} → {wanted}",
                            f"{m.span.text} → {wanted}"))
        return src, tgt
