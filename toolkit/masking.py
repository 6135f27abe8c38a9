"""The one placeholder facility: tokens an engine copies through, found again after it.

Every layer that hides text from the engine (protected spans, glossary terms,
phrase rules, localised numbers) takes its tokens from here, in one of two
styles, because Apertium treats them differently and each layer needs one:

- ``WORD`` tokens (``ZXQ3QZ``) are one unknown word: the engine copies them
  and leaves the grammar around them alone. For spans that must come back
  byte-identical (e-mails, URLs, names, inline codes), see :mod:`toolkit.protect`.
- ``NUMERIC`` tokens (``90417``) read as a numeral, so the engine builds a
  noun phrase around them (article, agreement, word order) where the term or
  phrase that comes back will stand. Each layer has its own base
  (glossary 90417, numbers 73001), so the tokens of stacked layers never meet;
  a token already in the text is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD = re.compile(r"ZXQ(\d+)QZ")


def word_token(i: int) -> str:
    return f"ZXQ{i}QZ"


def numeric_tokens(text: str, base: int) -> Iterator[str]:
    """Number-like tokens ``base``, ``base + 10``, … that do not occur in ``text``.

    Steps of 10 keep two tokens from reading as one number when an engine
    drops the space between them.
    """
    n = 0
    while True:
        token = str(base + n * 10)
        n += 1
        if token not in text:
            yield token


def find_numeric(text: str, token: str) -> re.Match[str] | None:
    """Where ``token`` stands in ``text`` as a whole number (not inside a longer one)."""
    return re.search(rf"(?<!\d){token}(?!\d)", text)
