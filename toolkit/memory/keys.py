"""The matching key of a sentence: what the memory compares and indexes.

:func:`normalize` gives the key stored with each unit; :data:`NORM_VERSION`
names its rules, so a memory written under older rules is re-keyed on open
(:mod:`toolkit.memory.schema`); :func:`terms` splits text the way the
full-text index does.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic variants a sentence is written with, one form each for matching: curly and
# straight apostrophes, the quotes of each language, and the spaces French puts inside
# guillemets and before ; : ! ? (no-break, narrow or none).
_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u2032\u00b4`"})
_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"})
_QUOTE_SPACE = re.compile(r'(?<=\u00ab)\s+|\s+(?=\u00bb)')
_PUNCT_SPACE = re.compile(r"\s+(?=[;:!?])")
NORM_VERSION = "2"  # bump when normalize() changes: stored keys are recomputed on open


def normalize(text: str) -> str:
    """The text matching compares: Unicode NFC, one form of apostrophe and quote, French
    spaces inside guillemets and before ``; : ! ?`` dropped, whitespace collapsed.

    >>> normalize(" Le  1\u00a0200 ")
    'Le 1 200'
    >>> normalize("L\u2019OIM dit\u00a0: \u00ab\u00a0oui\u00a0\u00bb") == normalize('L\'OIM dit: "oui"')
    True
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = _PUNCT_SPACE.sub("", _QUOTE_SPACE.sub("", text)).translate(_QUOTES)
    return " ".join(text.split())


def terms(text: str) -> list[str]:
    """Words as the FTS5 ``unicode61 remove_diacritics 2`` tokenizer sees them."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    out, word = [], []
    for ch in folded:
        if unicodedata.combining(ch):
            continue
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out
