"""Typography of the target language: French spacing, Spanish opening marks."""

from __future__ import annotations

import re

from ..model import Segment, Span
from ..protect import find_protected
from .issue import Issue

_NBSP = "\u00a0\u202f"
_HIGH = re.compile(r"[;:!?]")
_CLOSE = {"?": "¿", "!": "¡"}


def _hidden(text: str) -> str:
    """``text`` with URLs, e-mails, times and other protected spans blanked out."""
    chars = list(text)
    for sp in find_protected(text):
        chars[sp.start:sp.end] = "_" * (sp.end - sp.start)
    return "".join(chars)


def check_french_typography(seg: Segment) -> list[Issue]:
    """French spacing: no-break space before ; : ! ? and inside « ».

    Only for French targets. A plain space where a no-break one belongs is
    reported as well as a missing space, since a line break may fall there.
    """
    if not seg.tgt.lower().startswith("fr") or not seg.target.strip():
        return []
    text, work = seg.target, _hidden(seg.target)
    issues = []
    for m in _HIGH.finditer(work):
        i = m.start()
        if i == 0:
            continue
        before = work[i - 1]
        if before in _NBSP or before in ";:!?_" or (before.isdigit() and m.group() == ":"):
            continue
        what = "a plain space" if before == " " else "no space"
        issues.append(Issue("fr-typography", "warning",
                            f"«{m.group()}» needs a no-break space before it, not {what}",
                            seg.id, Span(i - 1, i + 1, text[i - 1:i + 1], "typography")))
    for m in re.finditer("«", work):
        nxt = work[m.end():m.end() + 1]
        if nxt and nxt not in _NBSP:
            issues.append(Issue("fr-typography", "warning", "«««» needs a no-break space after it",
                                seg.id, Span(m.start(), m.end() + 1, text[m.start():m.end() + 1])))
    for m in re.finditer("»", work):
        prev = work[m.start() - 1:m.start()]
        if prev and prev not in _NBSP:
            issues.append(Issue("fr-typography", "warning", "«»» needs a no-break space before it",
                                seg.id, Span(m.start() - 1, m.end(), text[m.start() - 1:m.end()])))
    return issues


def check_spanish_marks(seg: Segment) -> list[Issue]:
    """Spanish question or exclamation without its opening ¿ or ¡."""
    if not seg.tgt.lower().startswith("es"):
        return []
    issues = []
    for close, opener in _CLOSE.items():
        if seg.target.count(close) > seg.target.count(opener):
            issues.append(Issue("es-typography", "warning",
                                f"«{close}» without an opening «{opener}»", seg.id))
    return issues
