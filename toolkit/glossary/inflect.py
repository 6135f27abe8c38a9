"""Just enough English and Spanish morphology to put a glossary term into the source's number
and to make a Spanish article agree with the term it introduces."""

from __future__ import annotations

import re
from functools import cache

_EN_HEAD_BREAK = (" of ", " in ", " for ", " against ", " to ", " on ", " and ")
_ES_HEAD_BREAK = {"de", "del", "para", "contra", "a", "al", "en", "sobre", "y", "por"}
_ES_MASC_A = {"programa", "sistema", "problema", "mapa", "clima", "tema", "día", "idioma"}
_ES_FEM_END = ("a", "ión", "dad", "tad", "tud", "umbre", "ie", "sis", "ez")
# Feminine nouns whose ending does not say so.
_ES_FEM = {"red", "parte", "ley", "mujer", "madre", "gente", "muerte", "noche", "fuente",
           "clase", "llave", "sede", "base", "flor", "piel", "sal", "calle", "carne", "suerte",
           "imagen", "labor", "fe", "mano", "foto", "radio", "moto"}


@cache
def _inflector():  # built on first use: importing does no work
    import inflect

    return inflect.engine()


# Where IOM usage differs from the general dictionary's first choice.
_EN_PLURAL = {"person": "persons"}
_EN_COMPOUND = re.compile(r"^([^-]+)(-(?:at|in|of)-.+)$")  # Ambassador-at-Large


def _match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[0].upper() + new[1:] if old[:1].isupper() else new


def _en_plural(word: str) -> str:
    """``word`` in the plural, through the ``inflect`` library (children, crises)."""
    if word.isupper() and len(word) > 1:
        return word + "s"  # IDP → IDPs
    m = _EN_COMPOUND.match(word)
    if m:
        return _en_plural(m.group(1)) + m.group(2)
    low = word.lower()
    new = _EN_PLURAL.get(low) or _inflector().plural_noun(low)
    return _match_case(new, word)


def _en_singular(word: str) -> str:
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
        return word[:-1]
    m = _EN_COMPOUND.match(word)
    if m:
        return _en_singular(m.group(1)) + m.group(2)
    low = word.lower()
    back = {v: k for k, v in _EN_PLURAL.items()}
    new = back.get(low) or _inflector().singular_noun(low) or low
    return _match_case(new, word)


def en_number(term: str, number: str) -> str:
    """``term`` with its head noun made plural (``"pl"``) or singular (``"sg"``).

    >>> en_number("victim of trafficking", "pl"), en_number("unaccompanied minors", "sg")
    ('victims of trafficking', 'unaccompanied minor')
    """
    if number not in ("pl", "sg"):
        return term
    cut = min((term.find(b) for b in _EN_HEAD_BREAK if b in term), default=len(term))
    head, rest = term[:cut], term[cut:]
    words = head.split(" ")
    change = _en_plural if number == "pl" else _en_singular
    words[-1] = change(words[-1])
    return " ".join(words) + rest


def _es_plural(word: str) -> str:
    if word[-1] in "aeiouáéó":
        return word + "s"
    if word.endswith("z"):
        return word[:-1] + "ces"
    for acc, plain in (("ión", "iones"), ("án", "anes"), ("én", "enes"), ("ón", "ones")):
        if word.endswith(acc):
            return word[: -len(acc)] + plain
    if word[-1] in "dlnrjys":
        return word + "es"
    return word + "s"  # loanwords ending in other consonants: kit → kits, test → tests


def _es_singular(word: str) -> str:
    for plain, acc in (("iones", "ión"), ("ces", "z")):
        if word.endswith(plain):
            return word[: -len(plain)] + acc
    if word.endswith("es") and len(word) > 4 and word[-3] in "dlnrjy":
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def es_number(term: str, number: str) -> str:
    """Spanish ``term`` with the noun and adjectives before its first preposition inflected.

    >>> es_number("retorno voluntario", "pl"), es_number("migrantes varados", "sg")
    ('retornos voluntarios', 'migrante varado')
    """
    if number not in ("pl", "sg"):
        return term
    words = term.split(" ")
    change = _es_plural if number == "pl" else _es_singular
    for i, w in enumerate(words):
        if w.lower() in _ES_HEAD_BREAK:
            break
        if w.isalpha() and w.lower() != "no":
            words[i] = change(w)
    return " ".join(words)


def es_gender(term: str) -> str:
    """``"feminine"`` or ``"masculine"``, guessed from the first word of a Spanish term."""
    head = term.split(" ")[0].lower()
    if head in _ES_MASC_A:
        return "masculine"
    singular = _es_singular(head) if head.endswith("s") else head
    if head in _ES_FEM or singular in _ES_FEM:
        return "feminine"
    if head.endswith("as"):
        head = head[:-1]
    return "feminine" if head.endswith(_ES_FEM_END) or singular.endswith(_ES_FEM_END) \
        else "masculine"


_ES_ARTICLES = {
    ("masculine", False): {"el": "el", "la": "el", "lo": "el", "un": "un", "una": "un", "del": "del",
                           "de la": "del", "al": "al", "a la": "al"},
    ("feminine", False): {"el": "la", "la": "la", "lo": "la", "un": "una", "una": "una", "del": "de la",
                          "de la": "de la", "al": "a la", "a la": "a la"},
    ("masculine", True): {"los": "los", "las": "los", "lo": "los", "el": "los", "la": "los",
                          "unos": "unos", "unas": "unos"},
    ("feminine", True): {"los": "las", "las": "las", "lo": "las", "el": "las", "la": "las",
                         "unos": "unas", "unas": "unas"},
}


def es_article(article: str, gender: str, plural: bool) -> str:
    """The form of the Spanish ``article`` agreeing with a noun of ``gender`` and number."""
    table = _ES_ARTICLES[(gender, plural)]
    low = article.lower()
    new = table.get(low, article)
    return new[0].upper() + new[1:] if article[:1].isupper() else new
