"""Sentence segmentation on character offsets.

>>> [s.text for s in segment("M. Dupont est arrivé. Il parle.", "fr")]
['M. Dupont est arrivé. ', 'Il parle.']

Spans are slices of the input: ``"".join(s.text for s in spans) == text``.
Whitespace between sentences stays at the end of the preceding span, so callers
``.strip()`` a span for translation and keep the rest in the skeleton.
"""

from __future__ import annotations

import re

from ..langs import Lang
from ..model import Span
from .core import spans_from_cuts, split_offsets
from .rules import Rules, parse_rules, rules_for

__all__ = ["Rules", "blocks", "parse_rules", "rules_for", "segment"]

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![^\S\n]*\n))*(?:\n(?:[^\S\n]*\n)*|$)")


def segment(text: str, lang: str | Lang) -> list[Span]:
    """Split ``text`` (one block: a paragraph, maybe with single newlines) into sentences.

    ``lang`` is any code :meth:`Lang.parse` accepts (``fr``, ``fr-FR``, ``eng``);
    a language without its own data file uses the generic rules. Raises
    :class:`toolkit.errors.LanguageError` for a code that does not parse.
    Returns ``[]`` for the empty string, otherwise non-empty spans in order.
    """
    rules = rules_for(lang)
    if not text:
        return []
    return spans_from_cuts(text, split_offsets(text, rules))


def blocks(text: str, *, by: str = "line") -> list[Span]:
    """Split ``text`` by layout into blocks that cover it in order.

    ``by="line"``: one block per line; ``by="blank"``: paragraphs separated by
    blank lines. Each block keeps its line break(s), so the blocks join back
    to ``text``; ``kind`` is ``"blank"`` for blocks holding only whitespace.
    """
    if by not in ("line", "blank"):
        raise ValueError(f"by must be 'line' or 'blank', not {by!r}")
    pattern = _LINE if by == "line" else _PARAGRAPH
    out: list[Span] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = pattern.match(text, pos)
        end = m.end() if m and m.end() > pos else n
        chunk = text[pos:end]
        out.append(Span(pos, end, chunk, "" if chunk.strip() else "blank"))
        pos = end
    return out
