"""French verbs conjugated with *être* in the perfect, put back into a past tense.

"Les migrants sont arrivés" is a perfect (they arrived), but a rule-based engine reads *être*
as "to be": "The migrants are arrived", "Los migrantes están llegado". The source says which
verb it was; its English past (or its Spanish perfect with *haber*) replaces the engine's
"be + participle", occurrence by occurrence, only when the draft has as many such phrases as
the source: otherwise the draft is left as it is. Passives ("sont renvoyés") are not in the
list and stay passives.
"""

from __future__ import annotations

import re

# French participle stem → English past, English past participle, Spanish participle ("" = leave).
_VERBS = {
    "arrivé": ("arrived", "arrived", "llegado"),
    "parti": ("left", "left", "partido"),
    "rentré": ("returned", "returned", "regresado"),
    "retourné": ("returned", "returned", "regresado"),
    "venu": ("came", "come", "venido"),
    "revenu": ("came back", "come back", "vuelto"),
    "allé": ("went", "gone", "ido"),
    "mort": ("died", "died", "muerto"),
    "décédé": ("died", "died", "fallecido"),
    "tombé": ("fell", "fallen", "caído"),
    "resté": ("remained", "remained", "permanecido"),
    "entré": ("entered", "entered", "entrado"),
    "sorti": ("left", "left", "salido"),
    "devenu": ("became", "become", ""),
}
_PRESENT = "suis|es|est|sommes|êtes|sont"
_IMPERFECT = "étais|était|étions|étiez|étaient"
_SOURCE = re.compile(
    rf"\b(?P<aux>{_PRESENT}|{_IMPERFECT})\s+(?P<neg>(?:pas|jamais|plus)\s+)?"
    rf"(?:(?:déjà|bien|tous|toutes|récemment|finalement)\s+)?"
    rf"(?P<verb>{'|'.join(_VERBS)})(?:e|s|es)?\b", re.IGNORECASE)
_EN = re.compile(r"\b(?P<aux>is|are|was|were|am)\s+(?P<adv>(?:already|recently|finally|all)\s+)?"
                 r"(?P<verb>[a-z]+(?: back)?)\b", re.IGNORECASE)
_ES_AUX = {"está": "ha", "es": "ha", "están": "han", "son": "han", "estoy": "he", "soy": "he",
           "estamos": "hemos", "somos": "hemos", "estás": "has", "eres": "has",
           "estaba": "había", "era": "había", "estaban": "habían", "eran": "habían"}
_ES = re.compile(r"\b(?P<aux>" + "|".join(sorted(_ES_AUX, key=len, reverse=True)) + r")\s+"
                 r"(?P<verb>\w+?(?:ado|ido|to|cho)s?|\w+?(?:ada|ida|ta|cha)s?)\b", re.IGNORECASE)


def _case(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def etre_past(text: str, source: str, lang: str) -> str:
    """``text`` (a draft of the French ``source``) with "be + participle" of *être* verbs put right.

    >>> etre_past("The migrants are arrived in Dakar.", "Les migrants sont arrivés à Dakar.", "en")
    'The migrants arrived in Dakar.'
    """
    found = [m for m in _SOURCE.finditer(source) if not m.group("neg")]
    if not found or lang not in ("en", "es"):
        return text
    rx = _EN if lang == "en" else _ES
    spots = list(rx.finditer(text))
    if len(spots) != len(found):
        return text
    out, last = [], 0
    for src, m in zip(found, spots):
        past, participle, es = _VERBS[src.group("verb").lower()]
        perfect = src.group("aux").lower() in _IMPERFECT.split("|")
        if lang == "en":
            adv = m.group("adv") or ""
            new = f"had {adv}{participle}" if perfect else f"{adv}{past}"
        else:
            if not es:
                continue
            new = f"{_ES_AUX[m.group('aux').lower()]} {es}"
        out.append(text[last:m.start()] + _case(new, m.group(0)))
        last = m.end()
    return "".join(out) + text[last:]
