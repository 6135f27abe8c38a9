"""Turning release files into Documents, one module per input format."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..langs import Lang
from ..model import Document
from .chrome import shared_lines
from .decode import Decoded, read_text
from .text import parse_text

_TEXT_SUFFIXES = {".txt", ".text", ""}


def load(path: str | os.PathLike, *, shared: frozenset[str] = frozenset()) -> Document:
    """Read one release file into a Document (format chosen by suffix)."""
    return _parse(Path(path), read_text(path), shared)


def _parse(p: Path, decoded: Decoded, shared: frozenset[str]) -> Document:
    suffix = p.suffix.lower()
    if suffix in (".html", ".htm"):
        from .html import MAX_HTML_CHARS, parse_html

        if len(decoded.text) > MAX_HTML_CHARS:
            raise InputError(f"HTML page of more than {MAX_HTML_CHARS // 2**20} MiB: a page is "
                             "parsed and published back as one tree, which would not stay "
                             "in bounded memory", path=p,
                             hint="split the page, or save its text as .txt or .md "
                                  "(translated in bounded memory up to 64 MiB)")
        return parse_html(decoded.text, p.stem, str(p), encoding=decoded.encoding)
    if suffix in (".md", ".markdown"):
        from .markdown import parse_markdown

        return parse_markdown(decoded.text, p.stem, str(p), encoding=decoded.encoding)
    return parse_text(decoded.text, p.stem, str(p), shared, encoding=decoded.encoding)


def load_many(paths: Sequence[str | os.PathLike], *, lang: Lang | str | None = None) -> list[Document]:
    """Read several releases; lines shared by their headers count as chrome.

    Every file is read and decoded once, and all of them before any is parsed,
    so one bad file stops the run before anything else happens. With ``lang``,
    each release must be written mostly in that language
    (:func:`toolkit.langcheck.check_language`, a ``LanguageError`` otherwise).
    """
    files = [(Path(p), read_text(p)) for p in paths]
    shared = shared_lines(d.text for p, d in files if p.suffix.lower() in _TEXT_SUFFIXES)
    docs = [_parse(p, d, shared) for p, d in files]
    if lang is not None:
        from ..langcheck import check_language

        for doc in docs:
            check_language(doc, lang)
    return docs
