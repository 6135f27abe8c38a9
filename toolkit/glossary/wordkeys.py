"""Word keys for glossary matching: tokens of a text and the key each one is matched by.

A key is case-folded, apostrophes unified, elided forms restored (``d'`` → ``de``),
definite articles dropped and a light inflection stem taken (victimes → victim,
illicites → illicit, accompagnées → accompagné). :mod:`.match` compares keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_APOS = "'’ʼ‘`´"
_TOKEN = re.compile(
    r"(?<![^\W_])(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])[" + _APOS + r"](?=[^\W\d_])"
    r"|[^\W_]+",
    re.IGNORECASE,
)

_FR_DROP = {"le", "la", "les"}
_FR_MAP = {"des": "de", "du": "de", "aux": "à", "au": "à"}
_FR_ELIDED = {"l": "le", "d": "de", "qu": "que", "jusqu": "jusque", "lorsqu": "lorsque",
              "puisqu": "puisque", "quoiqu": "quoique"}
_FR_SUFFIX = (("euse", "eur"), ("rice", "eur"), ("ière", "ier"), ("ère", "er"), ("ive", "if"),
              ("elle", "el"), ("enne", "en"), ("onne", "on"))
_ES_DROP = {"el", "la", "los", "las"}
_ES_MAP = {"del": "de", "al": "a"}
_EN_DROP = {"the"}
# Irregular plurals the inflection library writes (children): keyed like their singular.
_EN_IRREGULAR = {"children": "child", "women": "woman", "men": "man", "people": "person",
                 "crises": "crisis", "analyses": "analysis", "chiefs": "chief"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    for a in _APOS[1:]:
        text = text.replace(a, "'")
    # Ligatures as pre-editing writes them for the engine (œuvre = oeuvre).
    return text.replace("œ", "oe").replace("æ", "ae")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def fr_key(surface: str) -> str | None:
    """Matching key of one French token; ``None`` for a definite article.

    >>> [fr_key(w) for w in ("Victimes", "d'", "l'", "internationaux", "accompagnées")]
    ['victim', 'de', None, 'international', 'accompagné']
    """
    w = _fold(surface)
    if w.endswith("'"):
        w = _FR_ELIDED.get(w[:-1], w[:-1] + "e")
    if w in _FR_DROP:
        return None
    if w in _FR_MAP:
        return _FR_MAP[w]
    if len(w) <= 3:
        return w
    if w.endswith(("eaux", "eux")):
        w = w[:-1]  # bureaux → bureau, jeux → jeu
    elif w.endswith("aux") and len(w) > 4:
        w = w[:-3] + "al"  # régionaux → régional; travaux → traval, like travail
    elif w.endswith("ail") and len(w) > 4:
        w = w[:-3] + "al"
    elif w[-1] in "sx":
        w = w[:-1]
    for old, new in _FR_SUFFIX:
        if w.endswith(old):
            return w[: -len(old)] + new
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


# Stems that end in a consonant cluster take a final -e in the singular
# (desastre, padre, libre): their plural only adds -s.
_ES_E_STEM = re.compile(r"[bcdfgkptv][rl]$|[^aeiouáéíóú][dt]r$")


def es_key(surface: str) -> str | None:
    """Matching key of one Spanish token: accents and plural removed, gender kept.

    Gender stays because it separates words: *trata* (trafficking) is not *trato*.

    >>> [es_key(w) for w in ("Migrantes", "migraciones", "menores", "trata", "trato")]
    ['migrante', 'migracion', 'menor', 'trata', 'trato']
    """
    folded = _fold(surface)
    w = _strip_accents(folded)
    if folded.endswith("íses"):  # países: the plural of país, like the singular
        w = w[:-2]
    if w in _ES_DROP:
        return None
    w = _ES_MAP.get(w, w)
    if len(w) <= 3:
        return w
    if w.endswith("es") and len(w) > 4 and w[-3] in "dlnrjyz" and not _ES_E_STEM.search(w[:-2]):
        w = w[:-2]
    elif w.endswith("s"):
        w = w[:-1]
    return w


def en_key(surface: str) -> str | None:
    """Matching key of one English token: plural and British/American spelling folded.

    >>> [en_key(w) for w in ("Smugglers", "labour", "centres", "organisation", "victims")]
    ['smuggler', 'labor', 'center', 'organization', 'victim']
    """
    w = _fold(surface)
    if w in _EN_DROP:
        return None
    w = _EN_IRREGULAR.get(w, w)
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "xes", "ches", "shes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    w = w.replace("isation", "ization").replace("ise", "ize") if "isation" in w else w
    if w.endswith("our") and len(w) > 4:
        w = w[:-3] + "or"
    if w.endswith("tre") and len(w) > 4:
        w = w[:-3] + "ter"
    return w


KEYS = {"fr": fr_key, "es": es_key, "en": en_key}


class Token(NamedTuple):
    """One word of a text (a named tuple: a run makes hundreds of thousands)."""

    start: int
    end: int
    text: str
    key: str | None


def tokenize(text: str, lang: str) -> list[Token]:
    """Word tokens of ``text`` with their matching keys (``None`` for skipped articles)."""
    return list(_tokens(text, lang))


# A run tokenizes each sentence several times (glossary plan, phrase rules, both of their
# passes) and a few thousand distinct words over and over: both are remembered, bounded.
@lru_cache(maxsize=16384)
def _tokens(text: str, lang: str) -> tuple[Token, ...]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if lang != "fr" and word[-1] in _APOS:  # elision is French only
            word = word[:-1]
        out.append(Token(m.start(), m.start() + len(word), word, _key(word, lang)))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _key(word: str, lang: str) -> str | None:
    return KEYS.get(lang, en_key)(word)
