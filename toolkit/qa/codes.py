"""Inline codes (``<g1>…</g1>``, ``<x2/>``): what carries the bold dateline and the links.

A code the translation loses takes its markup with it when the release is
published (the dateline is no longer bold, the link is gone); a code it adds,
repeats or breaks cannot be put back where it belongs.
"""

from __future__ import annotations

import re
from collections import Counter

from ..inline import CODE
from ..model import Segment, Span
from ..tags import pieces
from .issue import Issue

# What looks like a code but is not one the toolkit writes: </x1>, <g1/>, </g1/>.
_MALFORMED = re.compile(r"</x\d+/?>|<g\d+/>|</g\d+/>")


def _codes(text: str) -> Counter[str]:
    """Each code by its name (``g1``, ``x2``) and how often it occurs (pairs once)."""
    out: Counter[str] = Counter()
    for m in CODE.finditer(text):
        closing, kind, n, empty = m.groups()
        if kind == "x" and not closing and empty:
            out[f"x{n}"] += 1
        elif kind == "g" and not closing and not empty:
            out[f"g{n}"] += 1
    return out


def _show(name: str) -> str:
    return f"<{name}/>" if name[0] == "x" else f"<{name}>…</{name}>"


def _where(text: str, name: str) -> Span | None:
    token = f"<{name}/>" if name[0] == "x" else f"<{name}>"
    at = text.find(token)
    return Span(at, at + len(token), token, "code") if at >= 0 else None


def check_codes(seg: Segment) -> list[Issue]:
    """Inline codes lost, added, repeated or broken in the translation.

    Every code of the source must be in the target exactly as often; a pair
    must open before it closes and nest with the others (``<g1><g2></g2></g1>``).
    """
    if not seg.target.strip() or ("<" not in seg.source and "<" not in seg.target):
        return []
    src, tgt = _codes(seg.source), _codes(seg.target)
    issues = []
    for name in src:
        if tgt[name] < src[name]:
            issues.append(Issue("code-missing", "error",
                                f"inline code {_show(name)} of the source is missing in the "
                                "target", seg.id, _where(seg.source, name)))
    for name in tgt:
        if name not in src:
            issues.append(Issue("code-extra", "error",
                                f"inline code {_show(name)} is not in the source", seg.id,
                                _where(seg.target, name)))
        elif tgt[name] > src[name]:
            issues.append(Issue("code-duplicated", "error",
                                f"inline code {_show(name)} appears {tgt[name]} times, "
                                f"{src[name]} in the source", seg.id, _where(seg.target, name)))
    source_halves = {n for kind, n, _ in pieces(seg.source) if kind in ("begin", "end")}
    broken = sorted({n for kind, n, _ in pieces(seg.target)
                     if kind in ("begin", "end") and n not in source_halves})
    for n in broken:
        issues.append(Issue("code-broken", "error",
                            f"inline code <g{n}>…</g{n}> is not opened and closed in order "
                            "(a half is missing, or it crosses another code)", seg.id,
                            _where(seg.target, f"g{n}")))
    for m in _MALFORMED.finditer(seg.target):
        issues.append(Issue("code-broken", "error", f"«{m.group(0)}» is not a valid inline code",
                            seg.id, Span(m.start(), m.end(), m.group(0), "code")))
    return issues
