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
