"""English without the article French puts before generic plurals and abstract nouns.

French says "les femmes", "la pauvreté", "la vie" where it means women, poverty
or life in general; the engine keeps the article ("the women should not
fight", "the fight against the poverty"), and English drops it. The rule
drops "the" only before the nouns listed here (people in general, abstract
and mass nouns) and only where the noun ends its phrase: a complement ("the
life of migrants", "the history's") or a noun after it ("the migration
routes", "the health services") keeps the article.
"""

from __future__ import annotations

import re

_GENERIC = (
    # people taken in general
    "people", "women", "men", "children", "patients", "students", "politicians", "experts",
    "foreigners", "tourists", "travellers", "scientists", "researchers", "consumers",
    "users", "adults", "parents", "animals", "humans",
    # abstract and mass nouns
    "life", "society", "culture", "reality", "history", "money", "television", "music",
    "democracy", "corruption", "poverty", "humanity", "pressure", "learning", "trade", "art",
    "food", "information", "attention", "death", "nature", "science", "education", "health",
    "energy", "violence", "peace", "freedom", "justice", "technology", "religion", "tourism",
    "alcohol", "tobacco", "cancer", "boredom", "mobility", "migration", "governance",
    "reintegration", "integration", "development", "cooperation", "employment",
    "unemployment", "racism", "terrorism", "pollution", "agriculture", "advertising",
    "electricity", "literature", "medicine", "sport", "exploitation", "discrimination",
)
# What may follow the noun for it to end its phrase: punctuation or a function word.
_AFTER = (r"(?=\s*(?:[.,;:!?)\]»”\"]|$)|\s+(?:and|or|to|in|on|for|from|with|at|by|that|"
          r"which|who|is|was|are|were|will|would|can|could|should|must|may|might|has|have|had|"
          r"do|does|did|not|also|as|than|but|because|through|during|since|until|under|among|"
          r"within|without|into|against|about|remain|remains|become|becomes|seem|seems|need|"
          r"needs|live|lives)\b)")
# An adjective before the noun (the regional mobility, the economic development).
_ADJ = r"(?:[a-z]+(?:al|ic|ive|ous|ble|ary|ian|ese|ish|ful|ent|ant|ern)\s+)?"
_THE = re.compile(rf"\b([Tt]he) ({_ADJ}(?:{'|'.join(_GENERIC)}))\b{_AFTER}")


def _drop(m: re.Match[str]) -> str:
    word = m.group(2)
    return word[0].upper() + word[1:] if m.group(1) == "The" else word


def generic_articles(text: str) -> str:
    """``text`` without "the" before a generic plural or an abstract noun ending its phrase.

    >>> generic_articles("The women are fighting the rural poverty on the migration routes.")
    'Women are fighting rural poverty on the migration routes.'
    """
    return _THE.sub(_drop, text)
