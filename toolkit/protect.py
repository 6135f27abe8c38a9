"""Spans that must come out of translation byte-identical.

E-mail addresses, URLs and domain names, @handles, phone numbers and numbers
are replaced by placeholders before the engine sees the text and put back
afterwards. The placeholders (``ZXQ<n>QZ``) are single unknown words for
Apertium and are copied through verbatim, which keeps sentence structure
intact better than deleting the span would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Span

_TLD = r"(?:int|org|com|net|edu|gov|info|fr|be|ch|ca|sn|cm|sl|cf|ht|ma|tn|uk|us|eu|io|africa)"
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("code", r"</?g\d+>|<x\d+/>"),  # inline markup codes (see toolkit.inline)
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("url", r"(?:https?://|www\.)[^\s<>«»\"]+"),
    ("url", rf"\b[\w-]+(?:\.[\w-]+)*\.{_TLD}\b(?:/[^\s<>«»\"]*)?"),
    ("handle", r"(?<![\w@])@\w{2,}"),
    ("phone", r"(?<![\w+])\+\d{1,3}(?:[ \u00a0.\-]?\(?\d{1,4}\)?){2,6}"),
    ("phone", r"(?<![\w.,])\d{8,12}(?![\w])"),
    ("number", r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\w])"),
    ("number", r"(?<![\w.,])\d+(?:[.,/:h]\d+)*(?![\w])"),
)
_SCAN = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)))
_KINDS = [k for k, _ in _PATTERNS]
_TRAILING = ".,;:!?)»"
PLACEHOLDER = re.compile(r"ZXQ(\d+)QZ")
PADDED = re.compile(r" ?ZXQ(\d+)QZ ?")


def find_protected(text: str) -> list[Span]:
    """Spans of ``text`` that must not be translated, leftmost-longest, not overlapping.

    >>> [s.text for s in find_protected("Écrire à a.b@iom.int ou au +32 2 287 78 10.")]
    ['a.b@iom.int', '+32 2 287 78 10']
    """
    spans: list[Span] = []
    for m in _SCAN.finditer(text):
        kind = _KINDS[int(m.lastgroup[1:])]  # type: ignore[index]
        start, end = m.span()
        if kind == "url":
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
        if end > start:
            spans.append(Span(start, end, text[start:end], kind))
    return spans


@dataclass(frozen=True, slots=True)
class Masked:
    text: str
    spans: tuple[Span, ...]


def mask(text: str) -> Masked:
    """Replace every protected span with a numbered placeholder.

    An inline code glued to a word (``<g1>texte``) gets a space on that side
    so the engine still sees the word; :func:`unmask` takes the space away.
    """
    spans = find_protected(text)
    if not spans:
        return Masked(text, ())
    out, pos = [], 0
    kept = []
    for i, s in enumerate(spans):
        out.append(text[pos : s.start])
        left = s.kind == "code" and s.start > 0 and text[s.start - 1].isalnum()
        right = s.kind == "code" and s.end < len(text) and text[s.end].isalnum()
        out.append((" " if left else "") + f"ZXQ{i}QZ" + (" " if right else ""))
        kind = s.kind + ("<" if left else "") + (">" if right else "")
        kept.append(Span(s.start, s.end, s.text, kind))
        pos = s.end
    out.append(text[pos:])
    return Masked("".join(out), tuple(kept))


def unmask(text: str, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    """Put the spans back; returns the text and the spans the engine lost."""
    if not spans:
        return text, ()
    seen: set[int] = set()

    def repl(m: re.Match[str]) -> str:
        i = int(m.group(1))
        if i >= len(spans):
            return m.group(0)
        seen.add(i)
        whole, span = m.group(0), spans[i]
        lead = " " if whole.startswith(" ") and "<" not in span.kind else ""
        trail = " " if whole.endswith(" ") and ">" not in span.kind else ""
        return lead + span.text + trail

    restored = PADDED.sub(repl, text)
    lost = tuple(s for i, s in enumerate(spans) if i not in seen)
    return restored, lost
