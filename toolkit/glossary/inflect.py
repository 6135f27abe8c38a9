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
    # inflect wraps its public methods in typeguard's @typechecked, which rewrites and
    # recompiles each one at import: 1.5-2 s of every run that puts a term in the plural,
    # most of a 50-release run's own overhead. The checks only validate argument types
    # (we pass str), so the decorator is made a no-op while inflect is imported.
    import typeguard

    checked = typeguard.typechecked
    typeguard.typechecked = _unchecked
    try:
        import inflect
    finally:
        typeguard.typechecked = checked
    return inflect.engine()


def _unchecked(target=None, **_options):  # noqa: ANN001, ANN202 - typeguard's signature
    return target if target is not None else (lambda func: func)


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
    if word.endswith("íses"):  # países → país
        return word[:-2]
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
    # "uno" is what the engine makes of French "un" before a placeholder it reads as a number
    ("masculine", False): {"el": "el", "la": "el", "lo": "el", "un": "un", "una": "un", "uno": "un",
                           "del": "del",
                           "de la": "del", "al": "al", "a la": "al"},
    ("feminine", False): {"el": "la", "la": "la", "lo": "la", "un": "una", "una": "una", "uno": "una",
                          "del": "de la",
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


# French: the words of a term up to its first preposition agree in number (migrants bloqués,
# victimes de la traite); what follows the preposition does not.
_FR_HEAD_BREAK = {"de", "du", "des", "d", "pour", "contre", "à", "au", "aux", "en", "sur", "par",
                  "et", "avec", "sans", "dans", "entre", "vers", "chez"}
_FR_INVARIABLE = {"non", "anti", "pré", "post", "ex"}
_FR_AL_S = {"bal", "carnaval", "festival", "récital", "chacal", "naval", "banal", "fatal", "natal"}


def _fr_plural(word: str) -> str:
    low = word.lower()
    if low[-1] in "sxz" or low in _FR_INVARIABLE:
        return word
    if low.endswith(("eau", "au", "eu")) and low not in ("pneu", "bleu"):
        return word + "x"
    if low.endswith("al") and low not in _FR_AL_S:
        return word[:-2] + "aux"
    return word + "s"


# Nouns written with -s or -x in the singular too.
_FR_S_SINGULAR = {"pays", "fois", "corps", "temps", "processus", "fonds", "accès", "succès",
                  "progrès", "recours", "secours", "discours", "cours", "concours", "abus",
                  "refus", "avis", "choix", "prix", "voix", "poids", "mois", "sans-papiers"}


def _fr_singular(word: str) -> str:
    low = word.lower()
    if low in _FR_S_SINGULAR:
        return word
    if low.endswith("aux") and len(low) > 4:
        return word[:-3] + "al"
    if low.endswith(("eaux", "eux")):
        return word[:-1]
    if low.endswith("s") and len(low) > 3:
        return word[:-1]
    return word


def fr_number(term: str, number: str) -> str:
    """French ``term`` with the noun and adjectives before its first preposition inflected.

    >>> fr_number("migrant bloqué", "pl"), fr_number("mineur non accompagné", "pl")
    ('migrants bloqués', 'mineurs non accompagnés')
    >>> fr_number("victime de la traite", "pl"), fr_number("centre régional", "pl")
    ('victimes de la traite', 'centres régionaux')
    """
    if number not in ("pl", "sg"):
        return term
    words = term.split(" ")
    change = _fr_plural if number == "pl" else _fr_singular
    for i, w in enumerate(words):
        low = w.lower()
        if low in _FR_HEAD_BREAK or low[:2] in ("d'", "d’", "l'", "l’"):
            break
        if all(part.isalpha() for part in w.split("-")) and not (w.isupper() and len(w) > 1):
            words[i] = "-".join(change(p) if p.lower() not in _FR_INVARIABLE else p
                                for p in w.split("-")) if "-" in w else change(w)
    return " ".join(words)


# Endings and nouns that say feminine; everything else is taken as masculine. Only the
# article before a term depends on it (la traite, le trafic, la CEDEAO, le HCR).
_FR_FEM_END = ("tion", "sion", "xion", "té", "ure", "ence", "ance", "ette", "ière", "euse", "rice",
               "ie", "ude", "ise", "esse", "aison", "ée", "elle", "enne", "onne", "ine", "ade",
               "ique", "ive", "ue", "ale", "ode")
_FR_FEM = {"traite", "victime", "personne", "aide", "assistance", "frontière", "main-d'œuvre",
           "route", "famille", "femme", "fille", "union", "loi", "communauté", "matrice", "santé",
           "gestion", "autorité", "agence", "organisation", "mendicité", "servitude", "politique",
           "protection", "zone", "base", "cause", "région", "ville", "terre", "mer", "enquête",
           "équipe", "charte", "stratégie", "déclaration", "commission", "cellule", "plateforme",
           "initiative", "réponse", "traversée", "mobilité", "crise", "violence", "voie", "langue",
           "exploitation", "migration", "diaspora", "population"}
_FR_MASC = {"programme", "centre", "groupe", "organisme", "système", "comité", "rôle", "modèle",
            "problème", "cadre", "pacte", "dialogue", "siège", "commerce", "contrôle", "service",
            "territoire", "processus", "office", "bureau", "fonds", "plan", "travail", "réseau",
            "mécanisme", "accueil", "asile", "abri", "exode", "projet", "trafic", "retour",
            "passeur", "migrant", "partenariat", "haut-commissariat", "haut-commissaire",
            "rapporteur", "conseil", "secrétariat", "département", "ministère", "dispositif"}
# Nouns whose h forbids elision (le Haut-Commissariat, le harcèlement).
_FR_ASPIRATED = ("haut", "hausse", "hors", "héros", "honte", "harcèlement", "handicap", "hasard",
                 "halte", "hameau", "hangar", "haine", "hiérarchie", "hongr")


def fr_gender(term: str) -> str:
    """``"feminine"`` or ``"masculine"`` for a French term, from its first noun.

    >>> fr_gender("traite des personnes"), fr_gender("Organisation internationale"), fr_gender("trafic")
    ('feminine', 'feminine', 'masculine')
    """
    head = term.split(" ")[0].lower()
    singular = _fr_singular(head)
    for w in (head, singular):
        if w in _FR_FEM:
            return "feminine"
        if w in _FR_MASC:
            return "masculine"
    return "feminine" if singular.endswith(_FR_FEM_END) else "masculine"


def fr_elides(word: str) -> bool:
    """Whether *le*/*la*/*de* before ``word`` become *l'*/*d'* (l'OIM, d'asile, but le HCR)."""
    if not word:
        return False
    if word[:2].isupper() and word.replace("-", "").isalnum():  # an acronym: its first letter
        return word[0] in "AEIOU"
    low = word.lower()
    if low.startswith("h"):
        return not low.startswith(_FR_ASPIRATED)
    return low[0] in "aeiouyàâäéèêëîïôöûùü"
