"""Turning release files into Documents, one module per input format."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Document
from .chrome import shared_lines
from .decode import read_text
from .text import parse_text

_TEXT_SUFFIXES = {".txt", ".text", ""}


def load(path: str | os.PathLike, *, shared: frozenset[str] = frozenset()) -> Document:
    """Read one release file into a Document (format chosen by suffix)."""
    p = Path(path)
    decoded = read_text(p)
    suffix = p.suffix.lower()
    if suffix in (".html", ".htm"):
        from .html import parse_html

        return parse_html(decoded.text, p.stem, str(p), encoding=decoded.encoding)
    if suffix in (".md", ".markdown"):
        from .markdown import parse_markdown

        return parse_markdown(decoded.text, p.stem, str(p), encoding=decoded.encoding)
    return parse_text(decoded.text, p.stem, str(p), shared, encoding=decoded.encoding)


def load_many(paths: Sequence[str | os.PathLike]) -> list[Document]:
    """Read several releases; lines shared by their headers count as chrome."""
    texts = []
    for p in paths:
        texts.append(read_text(p).text if Path(p).suffix.lower() in _TEXT_SUFFIXES else "")
    shared = shared_lines(t for t in texts if t)
    return [load(p, shared=shared) for p in paths]
