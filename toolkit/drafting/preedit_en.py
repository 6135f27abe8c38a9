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
from dataclasses import replace

from ..engines.base import Translation, Wrapper
from ..langs import Lang

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'",
                              "\u00a0": " ", "\u202f": " ", "\u2009": " "})
# Latin abbreviations are read as words split at each stop; their English
# spelling-out is what the engine translates well.
_LATIN = (
    (re.compile(r"\be\.\s?g\.,?(?=\s)"), "for example,"),
    (re.compile(r"\bi\.\s?e\.,?(?=\s)"), "that is to say,"),
    (re.compile(r"\betc\.(?=\s+[a-z])"), "etc"),
)
# The engine keeps "U.S."/"US" as the Spanish "EE.UU." and, through the
# Spanish pivot, gives French "les les EE.UU."; the full name it translates well.
_US = re.compile(r"\b(?:U\.\s?S\.(?:\s?A\.)?|US|USA)(?![\w$])")
# The title's stop survives the engine next to the target title's own ("M.. Smith",
# "Sra.. Diallo"), and after a French title that takes none (Mme. → Mme).
_DOUBLE_STOP = re.compile(r"\b(M|Dr|Mme|Pr|Sr|Sra|Sres|Sras|Srta|Dra)\.\.(?= )")
_FR_NO_STOP = re.compile(r"\b(Mme|Mmes|Mlle|Mlles|Dr|Pr)\.(?= [A-ZÀ-Ý]|ZXQ)")
_UK = re.compile(r"\bU\.\s?K\.(?=\W)")
_UN = re.compile(r"\bU\.\s?N\.(?=\W)")
_PER_CENT = re.compile(r"\bper cent\b", re.IGNORECASE)
# "it's" is "it is" before these; "it's been" and a possessive "its" are left alone.
_IS_NEXT = (r"(?=(?:\w+ing|not|a|an|the|now|also|very|more|time|important|clear|essential|"
            r"critical|urgent)\b)")
# Negative and auxiliary contractions: the engine knows each full form.
_CONTRACTIONS = (
    (re.compile(r"\b([Cc])an't\b"), r"\1annot"),
    (re.compile(r"\b([Ww])on't\b"), r"\1ill not"),
    (re.compile(r"\b([Ss])han't\b"), r"\1hall not"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\b([Ii]t|[Tt]hat|[Tt]here|[Hh]e|[Ss]he|[Ww]hat|[Ww]ho)'s " + _IS_NEXT), r"\1 is "),
    (re.compile(r"\b([Ww]e|[Tt]hey|[Yy]ou)'re\b"), r"\1 are"),
    (re.compile(r"\b(I)'m\b"), r"\1 am"),
    (re.compile(r"\b([Ww]e|[Tt]hey|[Yy]ou|I)'ve\b"), r"\1 have"),
    (re.compile(r"\b([Ww]e|[Tt]hey|[Yy]ou|I|[Hh]e|[Ss]he|[Ii]t)'ll\b"), r"\1 will"),
)


# "help X return": the engine reads the bare infinitive as a noun ("maison de retour", "casa de
# regreso"); with "to" it is a verb, and phrases_en.lexical gives aider/ayudar their "à"/"a".
_HELP_BARE = re.compile(
    r"\b([Hh]elp(?:s|ed|ing)?)\s+((?:(?!who\b|which\b|that\b|when\b|to\b)[\w',.-]+\s+){1,4}?)"
    r"(return|go|rebuild|recover|access|find|start|reach|reintegrate|resume|get|cope|regain|"
    r"settle|integrate|meet|build|restart|prepare|stay|move)\b")


def preedit(text: str) -> str:
    """The engine-facing form of an English source text."""
    text = text.translate(_APOSTROPHES)
    for rx, repl in _LATIN:
        text = rx.sub(repl, text)
    text = _US.sub("United States", text)
    text = _UK.sub("UK", text)
    text = _UN.sub("UN", text)
    text = _PER_CENT.sub("percent", text)
    for rx, repl in _CONTRACTIONS:
        text = rx.sub(repl, text)
    return _HELP_BARE.sub(r"\1 \2to \3", text)


class PreEditedEn(Wrapper):
    """Feeds ``inner`` the pre-edited form of each English source text."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code != "en":
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        out = self.inner.translate_batch([preedit(t) for t in texts], src, tgt, n_best=n_best)
        return [replace(tr, text=_titles(tr.text, tgt.code)) for tr in out]


def _titles(text: str, tgt: str) -> str:
    text = _DOUBLE_STOP.sub(r"\1.", text)
    return _FR_NO_STOP.sub(r"\1", text) if tgt == "fr" else text
