"""English possessives the Spanish pivot loses: French *leur(s)* said as "their".

Spanish has one possessive, *su(s)*, for *son, sa, ses, leur, leurs*, and the
engine renders it "his" throughout ("the migrants and his families"). The
French source still tells them apart: where it has *leur/leurs* before a word
and no *son/sa/ses*, every "his" of the draft stands for a *leur* and becomes
"their", provided the draft has no more "his" than the source has *leur(s)*.
A sentence mixing both is left alone: which "his" is which is not known.
"""

from __future__ import annotations

import re

# "leur" before a verb is the object pronoun (je leur ai dit): only a "leur" that is not
# followed by a pronoun, an auxiliary or a negation counts as a possessive.
_LEUR = re.compile(r"\bleurs?\s+(?!(?:a|ai|as|ont|avons|avez|est|sont|en|y|ne|n['’]|donne|"
                   r"donnent|dit|disent|permet|permettent|offre|offrent|faut|fournit|"
                   r"fournissent|apporte|apportent|demande|demandent)\b)\w", re.IGNORECASE)
_SON = re.compile(r"\b(?:son|sa|ses)\b", re.IGNORECASE)
_HIS = re.compile(r"\b(his|His)\b")


def their(text: str, source: str) -> str:
    """``text`` (an English draft of ``source``) with the "his" of French *leur(s)* made "their".

    >>> their("The families and his children.", "Les familles et leurs enfants.")
    'The families and their children.'
    """
    n = len(_LEUR.findall(source))
    if not n or _SON.search(source):
        return text
    if len(_HIS.findall(text)) > n:
        return text
    return _HIS.sub(lambda m: "Their" if m.group(1) == "His" else "their", text)
