"""Engines that need no model: pseudo-translation and identity.

Pseudo-translation (like Translate Toolkit's ``podebug``) accents letters,
lengthens the text by about a third and brackets it, so a layout that cuts
or garbles translations shows up without any real engine.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..langs import Lang
from ..masking import WORD
from .base import Translation

_ACCENTS = str.maketrans(
    "AaCcEeIiNnOoUuYy",
    "ÅåÇçÉéÎîÑñÖöÛûÝý",
)
# Placeholders and inline codes must come back byte-identical.
_KEEP = re.compile(WORD.pattern + r"|\{\d+\}|<[^>]+>|\S+@\S+|https?://\S+|www\.\S+")


def pseudo(text: str) -> str:
    """Accent and lengthen ``text``, leaving placeholders and addresses alone.

    >>> pseudo("Bonjour")
    '[Böñjöûr~~]'
    """
    if not text.strip():
        return text
    out, pos = [], 0
    for m in _KEEP.finditer(text):
        out.append(text[pos : m.start()].translate(_ACCENTS))
        out.append(m.group())
        pos = m.end()
    out.append(text[pos:].translate(_ACCENTS))
    body = "".join(out)
    pad = "~" * max(1, len(text) // 3)
    return f"[{body}{pad}]"


class PseudoEngine:
    """Pseudo-translation for any pair; for tests, dry runs and layout checks."""

    name = "pseudo"

    def unavailable(self) -> str | None:
        return None

    def pairs(self) -> list[tuple[str, str]]:
        return []  # any pair

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return [f"{src}-{tgt} (pseudo)"]

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        return [
            Translation(text=pseudo(t), notes=("engine: pseudo",)) for t in texts
        ]


class IdentityEngine:
    """Copies the source; useful to exercise formats without any translation."""

    name = "identity"

    def unavailable(self) -> str | None:
        return None

    def pairs(self) -> list[tuple[str, str]]:
        return []

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return [f"{src}-{tgt} (identity)"]

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        return [Translation(text=t, notes=("engine: identity",)) for t in texts]
