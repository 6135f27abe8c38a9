"""One reviewed catalogue back into its release, in the release's own format."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConflictError
from ..fileio import write_bytes_atomic
from ..formats import read_file
from ..ingest.decode import read_text
from ..model import Catalogue
from .core import HTML_SUFFIXES, MD_SUFFIXES, Rendered, Warn, default_out, find_source, refuse_drafts
from .html import render_html
from .markdown import render_markdown
from .text import render_text


def render(source: str | os.PathLike, cat: Catalogue, *, allow_drafts: bool = False) -> Rendered:
    """The translated release as text, in the format of ``source`` (chosen by suffix)."""
    path = Path(source)
    text = read_text(path).text
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return render_html(text, path, cat, allow_drafts)
    if suffix in MD_SUFFIXES:
        return render_markdown(text, path, cat, allow_drafts)
    return render_text(text, path, cat, allow_drafts)


def publish(catalogue_path: str | os.PathLike, source_path: str | os.PathLike | None = None,
            out_path: str | os.PathLike | None = None, *, allow_drafts: bool = False,
            warn: Warn | None = None) -> Path:
    """Write the translated release of a reviewed catalogue; returns the path written.

    Raises ConflictError while units are still drafts (unless ``allow_drafts``);
    ``source_path`` defaults to the release recorded in the catalogue. Every
    sentence kept in the source language is reported through ``warn``.
    """
    cat = read_file(catalogue_path)
    if not allow_drafts:
        refuse_drafts(cat, catalogue_path)
    source = Path(source_path) if source_path else find_source(cat, catalogue_path)
    result = render(source, cat, allow_drafts=allow_drafts)
    out = Path(out_path) if out_path else default_out(catalogue_path, cat, source)
    if out.resolve() == source.resolve():
        raise ConflictError("refusing to overwrite the source release", path=out)
    write_bytes_atomic(out, result.text.encode("utf-8"))
    for message in result.warnings:
        if warn is not None:
            warn(message)
    return out
