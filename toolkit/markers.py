"""Apertium's word marks: ``*`` unknown word, ``#`` generation error, ``@`` transfer error.

One pattern for every stage that reads them (the engine strips and records
them, drafting retries the words, clean-up drops strays, QA reports leftovers),
so they all agree on what a mark is.
"""

from __future__ import annotations

import re

MARK_CHARS = "*#@"
# One or more marks glued to the front of a word, not inside a word or after another mark.
MARK = re.compile(r"(?<![\w*#@])([*#@]+)(\w[\w'’-]*)")


def unmark(text: str) -> str:
    """``text`` with every mark removed and the marked words kept."""
    return MARK.sub(r"\2", text)


def strip_marks(text: str, source: str = "") -> tuple[str, tuple[str, ...]]:
    """Remove Apertium's word marks, returning the clean text and the marked words.

    A mark that was already in the source (say a ``#hashtag``) is kept.
    """
    unknown: list[str] = []

    def repl(m: re.Match[str]) -> str:
        if m.group(0) in source:
            return m.group(0)
        if not any(c.isdigit() for c in m.group(2)):  # 10th, 5.º: numbers, not words to look up
            unknown.append(m.group(2))
        return m.group(2)

    return MARK.sub(repl, text), tuple(dict.fromkeys(unknown))
