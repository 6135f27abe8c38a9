"""Pre-editing: French spellings brought to the forms the rule-based engine knows.

Apertium's French dictionary has no ``œ``/``æ`` entries (``mise en œuvre``
comes out as "bet in œuvre"), reads a capital without its accent as an
unknown word (``Etats``, ``A travers``), and expects a straight apostrophe.
These edits change the engine's input only: names, e-mails and numbers are
masked by the protection layer before this one runs, so they come out as
written, and the source text of the unit is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from ..engines.base import Translation, Wrapper
from ..langs import Lang

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})
_LIGATURE_WORD = re.compile(r"\w*[œŒæÆ]\w*")
_VARIANTS = str.maketrans({"’": "'", "ʼ": "'", "‘": "'",
                           "\u00a0": " ", "\u202f": " ", "\u2009": " "})
_SENTENCE_A = re.compile(r"(^|[.!?:;«“\"—–(]\s*|\n)A(?= [a-zàâçéèêëîïôûùüÿ])")
_WORD = re.compile(r"\b[EA][a-zàâçéèêëîïôûùüÿ'-]+\b")
# Abbreviations as the engine knows them: "Dr." is "Dr" in French typography.
_ABBREV = (
    (re.compile(r"\bDr\.(?= )"), "Dr"),
    (re.compile(r"\bPr\.(?= )"), "Pr"),
)
_SPACES = re.compile(r" {2,}")
# "cela ne/n'" is read as the verb celer ("Encubrió no quiere", "It concealed it"); "ça" is
# the same word and the engine knows it.
# The inverted subject of a reported-speech incise (« … », a-t-elle déclaré; confie-t-il):
# the engine reads "a-t-elle" as one unknown word ("hadeclarado"); French also says
# "elle a déclaré", which the phrase rules and the engine know.
_INCISE = re.compile(r"([,»”\"]\s*)([a-zàâçéèêëîïôûùüÿ]+)-(?:t-)?(il|elle|ils|elles|on)\b"
                     r"(?!-)")
_CELA = re.compile(r"\b([Cc])ela\b")
# "Des" opening a sentence is the indefinite article, which English and Spanish
# leave out; the engine reads it as "de les" ("Of the fastest controls").
_OPENING_DES = re.compile(
    r"(^|[.!?]\s+|[«“\"]\s*)Des (?!(?:deux|trois|quatre|cinq|six|dix|cent|mille)\b)"
    r"([a-zàâçéèêëîïôûùüÿ])")
# "à" + a place after a word that says where something is (based, held, the IOM
# office) means "in"; after a verb of motion it stays "to" (rentrer à Niamey).
_WHERE = (r"(?:basée?s?|située?s?|hébergée?s?|installée?s?|tenue?s?|organisée?s?|déroulée?s?|"
          r"réunie?s?|ouverte?s?|présente?s?|vivant|vivent|vit|résidant|résident|travaillant|"
          r"bureaux?|centres?|siège|camps?|ambassade|atelier|conférence|réunion|"
          r"[A-Z]{2,}(?:-[A-Z]{2,})?)")
_TITLE = r"(?!(?:Mmes?|Mlles?|Monsieur|Madame|Mademoiselle|Maître|Me|Dr|Pr|Son|Sa|Ses|Leurs?)\b)"
_AT_PLACE = re.compile(rf"(\b{_WHERE} )à {_TITLE}(?=[A-ZÀÉ][a-zàâçéèêëîïôûùüÿ]+\b(?![.]))")
# "au" + a place (au Sahel, au Mali) is "in" unless a word of motion or direction
# comes shortly before it (rentrer au Mali, la route menant au Niger).
_AU_PLACE = re.compile(r"\bau (?=([A-ZÉ][a-zàâçéèêëîïôûùüÿ-]+)\b)")
_REGIONS = {"Sahel", "Sahara", "Maghreb", "Moyen-Orient", "Proche-Orient", "Darfour", "Kurdistan",
            "Levant", "Machrek", "Caucase"}
_MOTION = re.compile(
    r"\b(?:rentr|retourn|all|va|vont|ira|iront|rend|voyag|envoy|transf[ée]r|renvoy|rapatri|"
    r"expuls|part|reven|revien|dirig|achemin|conduis|conduit|men|déplac|relocalis|évacu|"
    r"transport|fu|fui|migr|retour|destination|route|chemin|accès|vol|trajet|arriv|venu|vien|"
    r"passag|transit|entr|réinstall|livr|export|import|adress|contribu|particip|appel|pr[ée]par|"
    r"face|gr[aâ]ce|jusqu|sud|nord|est|ouest|voisin|limitrophe|frontali|lié|liée|apport|"
    r"soutien|aide|assistance|appui|contribution|fourni|offert|accord|confi|remis|donn)\w*"
    r"(?:\s+\S+)?\s*$", re.IGNORECASE)
_AND_AT_PLACE = re.compile(r"(\bdans [A-ZÀÉ][\w-]+(?:,| et) )à (?=[A-ZÀÉ][a-zàâçéèêëîïôûùüÿ]+\b)")


@cache
def accented() -> dict[str, str]:
    """Unaccented capitalised words mapped to their accented spelling (data file)."""
    text = resources.files(__package__).joinpath("data/accents-fr.txt").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            plain = word[0].replace("É", "E").replace("À", "A").replace("Ê", "E") + word[1:]
            out[plain] = word
    return out


def preedit(text: str) -> str:
    """The engine's version of a French text.

    >>> preedit("A travers les Etats, la mise en œuvre s’est faite.")
    "À travers les États, la mise en oeuvre s'est faite."
    """
    # A capitalised word with a ligature is a name (Cœurdevey) unless the
    # ligature opens it (Œuvre): names keep their spelling.
    text = _LIGATURE_WORD.sub(
        lambda m: m.group() if m.group()[0].isupper() and m.group()[0] not in "ŒÆ"
        else m.group().translate(_LIGATURES), text)
    text = text.translate(_VARIANTS)
    text = _SENTENCE_A.sub(lambda m: m.group(1) + "À", text)
    table = accented()
    text = _WORD.sub(lambda m: table.get(m.group(), m.group()), text)
    for pattern, repl in _ABBREV:
        text = pattern.sub(repl, text)
    text = _INCISE.sub(r"\1\3 \2", text)
    text = _CELA.sub(lambda m: "Ça" if m.group(1) == "C" else "ça", text)
    text = _OPENING_DES.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    text = _AT_PLACE.sub(r"\1dans ", text)
    text = _AU_PLACE.sub(lambda m: _in_place(m.group(1)) if _is_place(m.group(1)) and not
                         _MOTION.search(text[max(0, m.start() - 60):m.start()]) else m.group(),
                         text)
    for _ in range(8):  # a list of places, one "à" after the other
        text, n = _AND_AT_PLACE.subn(r"\1dans ", text)
        if not n:
            break
    return _SPACES.sub(" ", text)


def _is_place(name: str) -> bool:
    from .phrases import _THE_COUNTRIES, _countries

    return name in _REGIONS or name in _THE_COUNTRIES or name in _countries()


def _in_place(name: str) -> str:
    """French "au" + ``name`` said so the engine reads "in": en Mali, dans le Sahel."""
    from .phrases import _countries

    return "en " if name in _countries() else "dans le "


class PreEdited(Wrapper):
    """Pre-edits French source text before the inner engine sees it."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code != "fr":
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        return self.inner.translate_batch([preedit(t) for t in texts], src, tgt, n_best=n_best)
