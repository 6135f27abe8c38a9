"""Markdown releases: every line outside the blocks byte for byte (front matter, code,
tables, reference definitions); a block's lines replaced with the same prefixes."""

from __future__ import annotations

from pathlib import Path

from ..ingest.markdown import extract
from ..inline import decode
from ..model import Catalogue
from .core import Rendered, block_texts


def render_markdown(text: str, path: Path, cat: Catalogue, allow_drafts: bool) -> Rendered:
    ex = extract(text, path.stem, str(path))
    rep = Rendered("", path.suffix)
    targets = block_texts(ex.doc, cat, allow_drafts=allow_drafts, report=rep)
    lines = list(ex.lines)
    todo = [(s, b, t) for s, b, t in zip(ex.slots, ex.doc.blocks, targets) if s and t is not None]
    for slot, block, target in reversed(todo):  # bottom up, so line numbers stay valid
        cr = "\r" if lines[slot.first].endswith("\r") else ""
        body = decode(target, block.codes).split("\n")
        new = [slot.lead + body[0]] + [slot.cont + part.lstrip() for part in body[1:]]
        new[-1] += slot.suffix
        lines[slot.first : slot.last + 1] = [line + cr for line in new]
    rep.text = "\n".join(lines)
    return rep
