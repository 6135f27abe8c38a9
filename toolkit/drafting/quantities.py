"""The quantities of a sentence that a numbers layer rewrites: found once, never overlapping.

Shared by the French-source (:mod:`.numbers`) and English-source (:mod:`.numbers_en`) layers.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def collect(text: str, patterns: dict[str, re.Pattern[str]],
            formats: dict[str, Callable[[re.Match[str], str], str]],
            blocked: list[tuple[int, int]], lang: str) -> list[tuple[int, int, str]]:
    """``(start, end, rendering)`` of each quantity, patterns tried in order, none overlapping.

    A match a formatter refuses (``ValueError``: 31 février) is left as written and blocks
    the patterns after it.
    """
    found: list[tuple[int, int, str]] = []
    for kind, rx in patterns.items():
        for m in rx.finditer(text):
            a, b = m.span()
            if any(a < e and s < b for s, e in blocked) or \
                    any(a < e and s < b for s, e, _ in found):
                continue
            try:
                found.append((a, b, formats[kind](m, lang)))
            except ValueError:
                blocked.append((a, b))
    return sorted(found)
