"""Whitespace of the target: doubled, leading and trailing spaces the source does not have."""

from __future__ import annotations

import re

from ..model import Segment, Span
from .issue import Issue

_DOUBLE = re.compile(r"(?<=\S) {2,}(?=\S)")


def check_whitespace(seg: Segment) -> list[Issue]:
    """Double spaces, or leading/trailing whitespace unlike the source's."""
    t, s = seg.target, seg.source
    if not t.strip():
        return []
    issues = [Issue("double-space", "warning", "double space in the target", seg.id,
                    Span(m.start(), m.end(), m.group(0), "whitespace"))
              for m in _DOUBLE.finditer(t) if not _DOUBLE.search(s)]
    lead_t, lead_s = t[:len(t) - len(t.lstrip())], s[:len(s) - len(s.lstrip())]
    if lead_t != lead_s:
        issues.append(Issue("leading-space", "warning",
                            f"target starts with {lead_t!r}, source with {lead_s!r}", seg.id))
    trail_t, trail_s = t[len(t.rstrip()):], s[len(s.rstrip()):]
    if trail_t != trail_s:
        issues.append(Issue("trailing-space", "warning",
                            f"target ends with {trail_t!r}, source with {trail_s!r}", seg.id))
    return issues
