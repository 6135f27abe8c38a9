"""Checks on the target as text: empty, untranslated, repetitions, length, end punctuation."""

from __future__ import annotations

import re

from ..model import Segment, Span, State
from .issue import Issue

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TRAIL = " \t\u00a0\u202f\"'»”’)]"
_END = {".": "period", "!": "exclamation", "?": "question", ":": "colon", ";": "semicolon",
        "…": "ellipsis"}
MIN_RATIO, MAX_RATIO = 0.5, 2.2  # target/source length beyond which a warning is raised
HARD_MIN, HARD_MAX = 0.25, 3.5  # ... and beyond which it is an error


def check_empty(seg: Segment) -> list[Issue]:
    """Target empty while the source has text."""
    if seg.source.strip() and not seg.target.strip():
        severity = "warning" if seg.state == State.UNTRANSLATED else "error"
        return [Issue("empty-target", severity, "the target is empty", seg.id)]
    return []


def check_untranslated(seg: Segment) -> list[Issue]:
    """Target identical to the source (left untranslated).

    Units with fewer than three words are exempt: names, acronyms and
    figures are often the same in both languages.
    """
    source, target = seg.source.strip(), seg.target.strip()
    if target and target == source and len(_WORD.findall(source)) >= 3:
        return [Issue("untranslated", "warning", "the target is a copy of the source", seg.id)]
    return []


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def check_repetition(seg: Segment) -> list[Issue]:
    """Repeated words or phrases, a common sign of engine hallucination.

    A word or word pair said three times in a row is an error; a word doubled
    ("the the") is a warning, unless the source does the same.
    """
    words = _words(seg.target)
    low = [w.group(0).lower() for w in words]
    src_low = " ".join(w.group(0).lower() for w in _words(seg.source))
    issues: list[Issue] = []
    i = 0
    while i < len(low):
        hit = None
        for n in (1, 2, 3):
            unit = low[i:i + n]
            reps = 1
            while low[i + reps * n:i + (reps + 1) * n] == unit and len(unit) == n:
                reps += 1
            if reps >= 2 and (reps >= 3 or n == 1):
                hit = (n, reps)
                break
        if hit is None:
            i += 1
            continue
        n, reps = hit
        first, last = words[i], words[i + n * reps - 1]
        phrase = " ".join(low[i:i + n])
        span = Span(first.start(), last.end(), seg.target[first.start():last.end()], "repeat")
        if not (reps == 2 and " ".join([phrase] * 2) in src_low):
            severity = "error" if reps >= 3 else "warning"
            issues.append(Issue("repetition", severity, f"«{phrase}» repeated {reps} times",
                                seg.id, span))
        i += n * reps
    return issues


def check_length(seg: Segment) -> list[Issue]:
    """Target much shorter or longer than the source (omission or hallucination)."""
    s, t = len(seg.source.strip()), len(seg.target.strip())
    if s < 20 or not t:
        return []
    ratio = t / s
    if HARD_MIN <= ratio <= HARD_MAX and MIN_RATIO <= ratio <= MAX_RATIO:
        return []
    severity = "warning" if HARD_MIN <= ratio <= HARD_MAX else "error"
    return [Issue("length-ratio", severity,
                  f"target is {ratio:.2f}× the source length (expected "
                  f"{MIN_RATIO}–{MAX_RATIO})", seg.id)]


def _ending(text: str) -> str:
    core = text.rstrip(_TRAIL)
    if core.endswith("...") or core.endswith("…"):
        return "…"
    return core[-1] if core and core[-1] in _END else ""


def check_end_punctuation(seg: Segment) -> list[Issue]:
    """Sentence-final punctuation differs between source and target."""
    if not seg.target.strip():
        return []
    a, b = _ending(seg.source), _ending(seg.target)
    if a == b:
        return []
    what = _END.get(a, "no punctuation") if a else "no punctuation"
    got = _END.get(b, "no punctuation") if b else "no punctuation"
    return [Issue("end-punctuation", "warning",
                  f"source ends with {what}, target with {got}", seg.id)]
