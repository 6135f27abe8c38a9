"""French *qui* drafted as "who" after a person and as "which" after a comma.

The pivot renders every *qui* as "that": "the people that live", "a new tool,
that would allow". English says "who" after a person and "which" to open a
clause after a comma (non-restrictive). Only drafts whose French has *qui*
are touched (the "that" of *que* stays), and only after the nouns of people
listed below, or after a comma for "which".
"""

from __future__ import annotations

import re

_PEOPLE = (
    "people|person|persons|man|woman|men|women|children|child|migrants|migrant|refugees|"
    "students|student|patients|patient|someone|anyone|those|experts|officials|workers|victims|"
    "citizens|residents|inhabitants|tourists|travellers|doctors|families|girls|boys|soldiers|"
    "journalists|politicians|members|friends|parents|players|fans|voters|employees|passengers|"
    "scientists|researchers|users|adults|individuals|volunteers|survivors|ones")
_WHO = re.compile(rf"\b({_PEOPLE}) that\b")
_COMMA_THAT = re.compile(r"\b(\w+), that\b")
_QUI = re.compile(r"\bqui\b", re.IGNORECASE)
_COMMA_QUI = re.compile(r",\s*qui\b", re.IGNORECASE)


def relatives(text: str, source: str) -> str:
    """``text`` (an English draft of ``source``) with the relative "that" of *qui* put right.

    >>> relatives("The people that live here, that is a tool.", "Les gens qui vivent ici, qui…")
    'The people who live here, which is a tool.'
    """
    if not _QUI.search(source):
        return text
    text = _WHO.sub(r"\1 who", text)
    if _COMMA_QUI.search(source):
        text = _COMMA_THAT.sub(lambda m: f"{m.group(1)}, who" if re.fullmatch(_PEOPLE, m.group(1))
                               else f"{m.group(1)}, which", text)
    return text
