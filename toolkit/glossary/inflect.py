"""Just enough English and Spanish morphology to put a glossary term into the source's number
and to make a Spanish article agree with the term it introduces."""

from __future__ import annotations

import re

_EN_HEAD_BREAK = (" of ", " in ", " for ", " against ", " to ", " on ", " and ")
_ES_HEAD_BREAK = {"de", "del", "para", "contra", "a", "al", "en", "sobre", "y", "por"}
_ES_MASC_A = {"programa", "sistema", "problema", "mapa", "clima", "tema", "día", "idioma"}
_ES_FEM_END = ("a", "ión", "dad", "tad", "tud", "umbre", "ie", "sis", "ez")


def _en_plural(word: str) -> str:
    if word.endswith("is") and len(word) > 3:
        return word[:-2] + "es"  # crisis → crises, analysis → analyses
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _en_singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


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
    if head.endswith("as"):
        head = head[:-1]
    return "feminine" if head.endswith(_ES_FEM_END) else "masculine"


_ES_ARTICLES = {
    ("masculine", False): {"el": "el", "la": "el", "un": "un", "una": "un", "del": "del",
                           "de la": "del", "al": "al", "a la": "al"},
    ("feminine", False): {"el": "la", "la": "la", "un": "una", "una": "una", "del": "de la",
                          "de la": "de la", "al": "a la", "a la": "a la"},
    ("masculine", True): {"los": "los", "las": "los", "unos": "unos", "unas": "unos"},
    ("feminine", True): {"los": "las", "las": "las", "unos": "unas", "unas": "unas"},
}


def es_article(article: str, gender: str, plural: bool) -> str:
    """The form of the Spanish ``article`` agreeing with a noun of ``gender`` and number."""
    table = _ES_ARTICLES[(gender, plural)]
    low = article.lower()
    new = table.get(low, article)
    return new[0].upper() + new[1:] if article[:1].isupper() else new
