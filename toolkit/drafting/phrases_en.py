"""Phrase rules for English sources: institutional English into French and Spanish.

The English counterpart of :mod:`toolkit.drafting.phrases`, as data:
``data/phrases-en-fr.tsv`` and ``data/phrases-en-es.tsv``, same format
(English expression, rendering, optional flags ``noart``/``exact``/``fem``/
``masc``). The rules ride on the glossary's protect-and-restore machinery,
which already handles English inflection (the glossary works in reverse), and
the layer sits below the domain glossary, so an approved term always wins.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..engines.base import Translation
from ..glossary.enforce import GlossaryEngine
from ..glossary.model import Glossary
from ..langs import Lang
from . import phrases


def default_file(tgt: str) -> Path | None:
    return phrases.default_file(tgt, "en")


def load(tgt: str, path: str | os.PathLike | None = None) -> Glossary:
    """The phrase rules for en→``tgt`` (shipped file unless ``path`` is given)."""
    return phrases.load(tgt, path, "en")


# A rendering ending in "de"/"à" (dans le cadre de) meets the article the engine
# put before the next noun: French and Spanish contract them.
_CONTRACT = {
    "fr": (re.compile(r"\b(de|à) (le|les) (?=\w)"),
           {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}),
    "es": (re.compile(r"\b(de|a) (el) (?=\w)"), {("de", "el"): "del", ("a", "el"): "al"}),
}
_ENDINGS = re.compile(r"(?:\bde|\bà|\ba)$")


@cache
def _after_rule(tgt: str) -> re.Pattern[str] | None:
    """The renderings of the shipped rules that end in a preposition, as one pattern."""
    ends = sorted({c.terms[1].text for c in load(tgt) if _ENDINGS.search(c.terms[1].text)},
                  key=len, reverse=True)
    if not ends or tgt not in _CONTRACT:
        return None
    rx, _ = _CONTRACT[tgt]
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(e[: e.rfind(" ")]) for e in ends)
                      + r") " + rx.pattern)


def contract(text: str, tgt: str) -> str:
    """Contracts preposition and article after a phrase rendering (dans le cadre du projet)."""
    after = _after_rule(tgt)
    if after is None:
        return text
    table = _CONTRACT[tgt][1]

    def fix(m: re.Match[str]) -> str:
        whole = m.group(0)
        head = whole[: m.start(1) - m.start(0)]
        return head + table[(m.group(1).lower(), m.group(2).lower())] + " "
    return after.sub(fix, text)


# Words the engine chooses wrong for English sources, put right on the target side where
# the context makes the sense plain: "works with" is obrar only in old Spanish.
_LEXICAL = {
    "es": ((re.compile(r"\bobr(?P<e>a|an|ó|aron|ará|arán)"
                       r"(?= (?:con|en estrecha|estrechamente|junto))"),
            lambda m: "trabaj" + m["e"]),
           # "their countries": su is one owner's, sus agrees with a plural
           (re.compile(r"\b([Ss])u (?=(?!(?:mes|tesis|crisis|análisis|virus|país)\b)"
                       r"\w{3,}(?:es|os|as)\b)"), r"\1us "),
           (re.compile(r"\basom(a|an|ó|aron)(?= que\b)"), r"muestr\1"),  # shows that
           (re.compile(r"\b(u)na apelación nueva\b", re.I), r"\1n nuevo llamamiento"),
           (re.compile(r"\b(u)na apelación\b", re.I), r"\1n llamamiento"),
           # help X to do: ayudar a hacer, not para hacer
           (re.compile(r"\b(ayud(?:a|an|ó|aron|ado|ar|ando|ará|arán|aba|aban))\b([^.;:«»\"]{1,80}?)"
                       r" para (?=\w+(?:ar|er|ir)\b)"), r"\1\2 a "),),
    "fr": ((re.compile(r"\b(aid(?:e|ent|é|és|er|ant|ait|aient|era|eront))\b([^.;:«»\"]{1,80}?)"
                       r" pour (?=(?:se |s')?\w+(?:er|ir|re)\b)"), r"\1\2 à "),
           # the Spanish pivot's senses: desplazar is déplacer, lanzar an appeal lancer
           (re.compile(r"\bdécal(?=(?:é|ée|és|ées|er|ent|e|ant)\b)"), "déplac"),
           (re.compile(r"\bvis(e|ent)(?= que\b)"), r"montr\1"),  # shows that (asomar)
           # "…," said X: reported speech is "a déclaré", without the pivot's pronoun
           (re.compile(r"([»”\"],?\s*)(?:il |elle )?(?:a )?dits?\b"), r"\1a déclaré"),
           (re.compile(r"\bjet(?=(?:é|ée|és|ées|er|tent|te)\b)"), "lanc"),
           (re.compile(r"\b(u)ne appellation nouvelle\b", re.I), r"\1n nouvel appel"),
           (re.compile(r"\b(u)ne appellation\b", re.I), r"\1n appel"),),
}


def lexical(text: str, tgt: str) -> str:
    """The target's own words where the engine took a rare sense (obra con → trabaja con)."""
    for rx, repl in _LEXICAL.get(tgt, ()):
        text = rx.sub(repl, text)
    return text


class _EnPhraseEngine(GlossaryEngine):
    resolve = False  # overlapping rules: the longest wins in the matcher


class PhrasesEn(phrases.Phrases):
    """Applies the English-source phrase rules of the target language around ``inner``."""

    source = "en"
    machinery = _EnPhraseEngine

    def finish(self, text: str, tgt: str) -> str:
        return lexical(contract(text, tgt), tgt)

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        out = super().translate_batch(texts, src, tgt, n_best=n_best)
        if src.code != "en" or tgt.code != "fr":
            return out
        return [replace(tr, text=possessives(s, tr.text)) for s, tr in zip(texts, out, strict=True)]


_THEIR = re.compile(r"\btheir\b", re.IGNORECASE)
_OTHER_OWNER = re.compile(r"\b(?:his|her|its|one's)\b", re.IGNORECASE)
_FR_POSSESSIVE = re.compile(r"\b(S|s)(es|on|a)\b(?= \w)")


def possessives(source: str, text: str) -> str:
    """French *leur(s)* for English *their*: Spanish *su* has one form for every owner and
    the pivot makes it *son/sa/ses* ("à son pays d'origine" for "to their countries").
    Only where *their* is the source's one kind of owner, so every son/sa/ses is one."""
    if not _THEIR.search(source) or _OTHER_OWNER.search(source):
        return text
    return _FR_POSSESSIVE.sub(lambda m: ("L" if m[1] == "S" else "l")
                              + ("eurs" if m[2] == "es" else "eur"), text)
