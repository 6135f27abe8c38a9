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
# A space the engine left before punctuation, also where a closing quote follows it
# ("engages .”").
_BEFORE_PUNCT = re.compile(r"(?<=[\w”»)])[ \t]+(?=[,.;:!?)](?:[\s”»\"’)]|$))")
_AFTER_OPEN = re.compile(r"([(“«¿¡])[ \t]+")
# French keeps its spaces inside guillemets and before ; : ! ?
_FR_BEFORE_PUNCT = re.compile(r"(?<=[\w”»)])[ \t]+(?=[,.)](?:[\s”»\"’)]|$))")
_FR_AFTER_OPEN = re.compile(r"([(“¿¡])[ \t]+")
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
    french = lang == "fr"
    body = (_FR_BEFORE_PUNCT if french else _BEFORE_PUNCT).sub("", body)
    body = (_FR_AFTER_OPEN if french else _AFTER_OPEN).sub(r"\1", body)
    if not any(c in source for c in MARK_CHARS):
        body = unmark(body)
    body = _DOUBLE_WORD.sub(r"\1", body)
    if lang == "en":
        body = _EN_QUOTE_COMMA.sub(",”", body)
    return _dateline_capital(_capital_like(body, source), source)


# The first letter of a unit, after opening marks and inline codes.
_FIRST = re.compile(r"^(?:<[^>]*>|[\s\"“«(¿¡'‘\-–—*])*([^\W\d_])")


def _capital_like(body: str, source: str) -> str:
    """A unit the source starts with a capital starts with one in the target too.

    The engine moves words around the first one ("We have not gone" → "nous ne sommes pas
    allés", the Spanish "No" having come first), and the capital stays where it was.
    """
    return _restore_capital(_FIRST, body, source)


# A dateline: a place (and date) then a dash, near the start of the unit; the sentence after it.
_DATELINE = re.compile(r"^[^\n]{1,80}? [–—-] (?:<[^>]*>|[\"“«(])*([^\W\d_])")


def _dateline_capital(body: str, source: str) -> str:
    """The sentence after a dateline keeps its capital ("Niamey, 12 mars 2024 – Au cours des…"):
    a phrase rule or the engine puts a lowercase word there ("– over the past…")."""
    return _restore_capital(_DATELINE, body, source)


def _restore_capital(rx: re.Pattern[str], body: str, source: str) -> str:
    """Uppercase the letter ``rx`` finds in ``body`` when the one it finds in ``source`` is."""
    src, out = rx.match(source), rx.match(body)
    if not src or not out or not src.group(1).isupper() or not out.group(1).islower():
        return body
    i = out.start(1)
    return body[:i] + body[i].upper() + body[i + 1:]


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
