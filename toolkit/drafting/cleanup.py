"""Output clean-up: what no reviewer should have to fix by hand.

Rule-based output carries doubled spaces where a French reflexive pronoun
was dropped ("has developed  the operation"), a space left before a comma,
Apertium's word marks, and French punctuation habits. The target's quote
convention itself is :mod:`toolkit.typography`; this layer runs after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..engines.base import Translation, Wrapper
from ..langs import Lang
from ..markers import MARK_CHARS, unmark

_MULTI = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_BEFORE_PUNCT = re.compile(r"(?<=[\w”»)])[ \t]+(?=[,.;:!?)](?:\s|$))")
_AFTER_OPEN = re.compile(r"([(“«¿¡])[ \t]+")
# English puts the comma of reported speech inside the quotation marks.
_EN_QUOTE_COMMA = re.compile(r"”,(?=\s)")
_DOUBLE_WORD = re.compile(r"\b(the|of|to|in|a|el|la|de|en)\s+\1\b", re.IGNORECASE)


def clean(text: str, lang: str, source: str = "") -> str:
    """``text`` with spacing, stray marks and reported-speech commas put right.

    >>> clean(" “Yes”, said  Mr X , today.", "en")
    '“Yes,” said Mr X, today.'
    """
    if not text.strip():
        return text
    # Units are trimmed sentences: an edge space is the engine's, not the author's.
    body = text.strip(" \t")
    body = _MULTI.sub(" ", body)
    body = _BEFORE_PUNCT.sub("", body)
    body = _AFTER_OPEN.sub(r"\1", body)
    if not any(c in source for c in MARK_CHARS):
        body = unmark(body)
    body = _DOUBLE_WORD.sub(r"\1", body)
    if lang == "en":
        body = _EN_QUOTE_COMMA.sub(",”", body)
    return body


class Cleaned(Wrapper):
    """Applies :func:`clean` to the text and hypotheses of each translation."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        out = self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        code = tgt.code
        return [
            replace(tr, text=clean(tr.text, code, s),
                    hypotheses=tuple(replace(h, text=clean(h.text, code, s))
                                     for h in tr.hypotheses))
            for s, tr in zip(texts, out)
        ]
