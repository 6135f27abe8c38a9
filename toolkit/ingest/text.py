"""Plain-text releases: one block per line, title first, contact block last."""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Block, BlockKind, Document
from .chrome import chrome_end
from .kinds import KindTracker

_SEPARATOR = re.compile(r"^\s*(\*{3,}|-{3,}|_{3,}|#{3,}|###)\s*$")
_BULLET = re.compile(r"^(\s*(?:[-•*·–]|\d{1,2}[.)])\s+)(\S.*)$")


def parse_text(text: str, name: str, path: str = "", shared: frozenset[str] = frozenset(),
               encoding: str = "utf-8") -> Document:
    """Split a release into blocks, dropping the website chrome before the title."""
    lines = text.split("\n")
    start = chrome_end(lines, shared)
    removed = tuple(line for line in lines[:start] if line.strip())
    blocks: list[Block] = []
    kinds = KindTracker()
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        lineno = i + 1
        if _SEPARATOR.match(line):
            blocks.append(Block(BlockKind.SEPARATOR, "", prefix=line, line=lineno, translate=False))
            continue
        bullet = _BULLET.match(line) if kinds.seen_title else None
        if bullet:
            text_ = bullet.group(2).rstrip()
            kind = kinds.resolve(BlockKind.LIST_ITEM, text_)
            blocks.append(Block(kind, text_, prefix=bullet.group(1), line=lineno))
            continue
        # The first line after the chrome is the title, whatever it looks like.
        kind = kinds.resolve(BlockKind.PARAGRAPH if kinds.seen_title else BlockKind.TITLE,
                             line.strip())
        blocks.append(Block(kind, line.strip(), prefix=_lead(line), line=lineno))
    return Document(name=name, blocks=tuple(blocks), fmt="text", path=path, removed=removed,
                    encoding=encoding)


def _lead(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def release_name(path: str | Path) -> str:
    return Path(path).stem
