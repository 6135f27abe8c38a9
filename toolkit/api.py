"""The Python API for scripts and notebooks."""

from __future__ import annotations

import os
import re

from .engines.base import Engine
from .langs import Lang
from .segment import segment
from .stack import build

_PARA = re.compile(r"(\n[ \t]*\n)")


def translate_text(
    text: str,
    *,
    src: str,
    tgt: str,
    engine: str | Engine | None = None,
    glossary: str | os.PathLike | None | bool = None,
) -> str:
    """Translate a whole text, keeping its paragraphs and line breaks one for one.

    Sentences are found with the toolkit's segmenter and translated in one
    batch; whitespace between them is copied from the input.

    >>> translate_text("Bonjour.", src="fr", tgt="es", engine="pseudo")
    '[Böñjöûr.~~]'
    """
    s, t = Lang.parse(src), Lang.parse(tgt)
    eng = engine if not isinstance(engine, str | None) else build(engine, glossary=glossary)
    pieces: list[tuple[str, bool]] = []  # (text, translatable)
    for line in text.split("\n"):
        if pieces:
            pieces.append(("\n", False))
        pos = 0
        for span in segment(line, s.code) if line.strip() else []:
            core = span.text.strip()
            if not core:
                continue
            start = span.start + (len(span.text) - len(span.text.lstrip()))
            pieces.append((line[pos:start], False))
            pieces.append((core, True))
            pos = start + len(core)
        pieces.append((line[pos:], False))
    todo = [p for p, ok in pieces if ok]
    done = iter(tr.text for tr in eng.translate_batch(todo, s, t)) if todo else iter(())
    return "".join(next(done) if ok else p for p, ok in pieces)
