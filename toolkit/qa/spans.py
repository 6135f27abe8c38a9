"""Protected spans and engine leftovers: what must survive translation verbatim."""

from __future__ import annotations

from collections import Counter

from ..markers import MARK
from ..model import Segment, Span
from ..protect import PLACEHOLDER, find_protected
from .issue import Issue

_VERBATIM = ("email", "url", "handle", "phone")
_MARKER = MARK


def _verbatim(text: str) -> list[Span]:
    return [s for s in find_protected(text) if s.kind in _VERBATIM]


def blank_verbatim(text: str) -> str:
    """``text`` with e-mails, URLs, handles and phone numbers blanked (same length).

    These are copied verbatim, so no word check may read them: ``@OIM_Niger``
    is not the term OIM, ``info@oim.int`` holds no French word.
    """
    chars = list(text)
    for sp in _verbatim(text):
        chars[sp.start:sp.end] = " " * (sp.end - sp.start)
    return "".join(chars)


def check_spans(seg: Segment) -> list[Issue]:
    """E-mail addresses, URLs, phone numbers and @handles not copied verbatim.

    Each such span of the source must appear, character for character, in the
    target (an error); spans only the target has are reported as warnings.
    """
    if not seg.target.strip():
        return []
    issues = []
    have = Counter(s.text for s in _verbatim(seg.target))
    for span in _verbatim(seg.source):
        if have[span.text] > 0:
            have[span.text] -= 1
        elif span.text not in seg.target:
            issues.append(Issue("span-missing", "error",
                                f"{span.kind} «{span.text}» is missing or altered in the target",
                                seg.id, span))
    source_spans = {s.text for s in _verbatim(seg.source)}
    for span in _verbatim(seg.target):
        if span.text not in source_spans and span.text not in seg.source and have[span.text] > 0:
            have[span.text] -= 1
            issues.append(Issue("span-added", "warning",
                                f"{span.kind} «{span.text}» is not in the source", seg.id, span))
    return issues


def check_markers(seg: Segment) -> list[Issue]:
    """Engine markers or placeholders left in the target.

    ``*word`` (unknown word), ``#word`` and ``@word`` (Apertium generation and
    transfer errors) that the source does not contain, and ``ZXQ0QZ``
    protection placeholders that were never restored.
    """
    issues = []
    for m in _MARKER.finditer(seg.target):
        if m.group(0) in seg.source:
            continue  # a real hashtag or handle copied from the source
        issues.append(Issue("engine-marker", "error",
                            f"engine marker «{m.group(0)}» left in the target",
                            seg.id, Span(m.start(), m.end(), m.group(0), "marker")))
    for m in PLACEHOLDER.finditer(seg.target):
        issues.append(Issue("placeholder-left", "error",
                            f"placeholder «{m.group(0)}» was not restored",
                            seg.id, Span(m.start(), m.end(), m.group(0), "placeholder")))
    return issues
