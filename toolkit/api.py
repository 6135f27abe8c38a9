"""The Python API for scripts and notebooks."""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from pathlib import Path

from .engines.base import Engine
from .langs import Lang
from .segment import segment
from .stack import build

_PARA = re.compile(r"(\n[ \t]*\n)")
# Engine stacks built by translate_text, reused by later calls with the same options while
# their glossary files are unchanged: a notebook loop then starts no engine per call and
# keeps the stack's cache. Empty until the first call; the oldest is dropped beyond a few.
_STACKS: OrderedDict[tuple, Engine] = OrderedDict()
_KEEP = 4


def _glossary_key(glossary: str | os.PathLike | None | bool) -> tuple:
    """What the stack's glossary was read from: every source file with its mtime and size."""
    if glossary is False:
        return ("off",)
    from .glossary.store import layers

    extra = None if glossary in (None, True) else glossary
    key: list[tuple] = []
    for layer in layers(extra):  # type: ignore[arg-type]
        files = sorted(p for p in layer.rglob("*") if p.is_file()) if layer.is_dir() else [layer]
        for f in files:
            try:
                st = f.stat()
            except OSError:
                key.append((str(f), None))
                continue
            key.append((str(f.resolve()), st.st_mtime_ns, st.st_size))
    return tuple(key)


def _stack(engine: str | None, glossary: str | os.PathLike | None | bool) -> Engine:
    key = (engine, str(Path(glossary).resolve()) if isinstance(glossary, str | os.PathLike)
           else glossary, _glossary_key(glossary))
    found = _STACKS.get(key)
    if found is None:
        found = _STACKS[key] = build(engine, glossary=glossary)
        while len(_STACKS) > _KEEP:
            _STACKS.popitem(last=False)
    _STACKS.move_to_end(key)
    return found


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
    batch; whitespace between them is copied from the input. The engine stack
    is built once per process for the same ``engine`` and ``glossary`` and
    reused while the glossary files are unchanged (a loop over many texts
    does not start the engine for each).

    >>> translate_text("Bonjour.", src="fr", tgt="es", engine="pseudo")
    '[Böñjöûr.~~]'
    """
    s, t = Lang.parse(src), Lang.parse(tgt)
    eng = engine if not isinstance(engine, str | None) else _stack(engine, glossary)
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
