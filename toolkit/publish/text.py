"""Plain-text releases: every block at its line; bullets, separators and blank lines kept."""

from __future__ import annotations

from pathlib import Path

from ..ingest.text import parse_text
from ..model import Catalogue
from .core import Rendered, block_texts


def render_text(text: str, path: Path, cat: Catalogue, allow_drafts: bool,
                notice: str | None = None) -> Rendered:
    doc = parse_text(text, path.stem, str(path))
    rep = Rendered("", path.suffix)
    targets = block_texts(doc, cat, allow_drafts=allow_drafts, report=rep)
    lines = text.split("\n")
    by_line = {b.line: (b, t) for b, t in zip(doc.blocks, targets) if t is not None}
    start = doc.blocks[0].line - 1 if doc.blocks else len(lines)
    out = []
    for i in range(start, len(lines)):
        hit = by_line.get(i + 1)
        if hit is None:
            out.append(lines[i])
            continue
        block, target = hit
        out.append(block.prefix + target + ("\r" if lines[i].endswith("\r") else ""))
    if notice and rep.drafts:  # a header line, then a blank one, before the release
        cr = "\r" if text.split("\n", 1)[0].endswith("\r") else ""
        out[:0] = [f"[{notice}]{cr}", cr]
    rep.text = "\n".join(out)
    return rep
