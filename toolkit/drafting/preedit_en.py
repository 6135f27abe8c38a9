"""Pre-editing for English sources: spellings the engine misreads, brought to plain forms.

Apertium's English analyser splits dotted abbreviations at each full stop
("i.e." comes out as "i.Et.", "Mr." as "M.."), stops at a curly apostrophe, and
leaves negative contractions half translated. These edits change the
engine's input only; names, numbers and e-mails are masked before this layer
runs, and the unit's source text is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..engines.base import Translation, Wrapper
from ..langs import Lang

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'",
                              "\u00a0": " ", "\u202f": " ", "\u2009": " "})
# Latin abbreviations are read as words split at each stop; their English
# spelling-out is what the engine translates well.
_LATIN = (
    (re.compile(r"\be\.\s?g\.,?(?=\s)"), "for example,"),
    (re.compile(r"\bi\.\s?e\.,?(?=\s)"), "that is,"),
    (re.compile(r"\betc\.(?=\s+[a-z])"), "etc"),
)
# A title's full stop reads as the end of a sentence: the British form without it
# is the one the engine knows (Mr → Monsieur/Señor).
_TITLES = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|St)\.(?= [A-Z])")
_US = re.compile(r"\bU\.\s?S\.(?:\s?A\.)?(?=\W)")
_UK = re.compile(r"\bU\.\s?K\.(?=\W)")
_UN = re.compile(r"\bU\.\s?N\.(?=\W)")
_PER_CENT = re.compile(r"\bper cent\b", re.IGNORECASE)
# Negative and auxiliary contractions: the engine knows each full form.
_CONTRACTIONS = (
    (re.compile(r"\b([Cc])an't\b"), r"\1annot"),
    (re.compile(r"\b([Ww])on't\b"), r"\1ill not"),
    (re.compile(r"\b([Ss])han't\b"), r"\1hall not"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\b([Ii]t|[Tt]hat|[Tt]here|[Hh]e|[Ss]he|[Ww]hat|[Ww]ho)'s (?=(?:\w+ing|been|not|a|an|the|now|also|very|more|time|important|clear|essential|critical|urgent)\b)"),
     r"\1 is "),
    (re.compile(r"\b([Ww]e|[Tt]hey|[Yy]ou)'re\b"), r"\1 are"),
    (re.compile(r"\b(I)'m\b"), r"\1 am"),
    (re.compile(r"\b([Ww]e|[Tt]hey|[Yy]ou|I)'ve\b"), r"\1 have"),
    (re.compile(r"\b([Ww]e|[Tt]hey|[Yy]ou|I|[Hh]e|[Ss]he|[Ii]t)'ll\b"), r"\1 will"),
)


def preedit(text: str) -> str:
    """The engine-facing form of an English source text."""
    text = text.translate(_APOSTROPHES)
    for rx, repl in _LATIN:
        text = rx.sub(repl, text)
    text = _TITLES.sub(r"\1", text)
    text = _US.sub("US", text)
    text = _UK.sub("UK", text)
    text = _UN.sub("UN", text)
    text = _PER_CENT.sub("percent", text)
    for rx, repl in _CONTRACTIONS:
        text = rx.sub(repl, text)
    return text


class PreEditedEn(Wrapper):
    """Feeds ``inner`` the pre-edited form of each English source text."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code != "en":
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        return self.inner.translate_batch([preedit(t) for t in texts], src, tgt, n_best=n_best)
