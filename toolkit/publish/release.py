"""One reviewed catalogue back into its release, in the release's own format."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import ConflictError
from ..fileio import write_bytes_atomic
from ..formats import read_file
from ..ingest.decode import read_text
from ..model import Catalogue
from ..provenance import check_current
from .core import HTML_SUFFIXES, MD_SUFFIXES, Rendered, Warn, default_out, find_source, refuse_drafts
from .guard import describe, fact_errors, refuse_facts
from .guard import notice as notice_for
from .html import render_html
from .markdown import render_markdown
from .text import render_text


def render(source: str | os.PathLike, cat: Catalogue, *, allow_drafts: bool = False,
           draft_notice: bool = True) -> Rendered:
    """The translated release as text, in the format of ``source`` (chosen by suffix).

    With ``draft_notice``, a release that publishes machine drafts says so
    (:mod:`.guard`): a header line, a front matter field, a banner.
    """
    path = Path(source)
    text = read_text(path).text
    suffix = path.suffix.lower()
    notice = notice_for(cat.tgt) if draft_notice else None
    if suffix in HTML_SUFFIXES:
        return render_html(text, path, cat, allow_drafts, notice)
    if suffix in MD_SUFFIXES:
        return render_markdown(text, path, cat, allow_drafts, notice)
    return render_text(text, path, cat, allow_drafts, notice)


def publish(catalogue_path: str | os.PathLike, source_path: str | os.PathLike | None = None,
            out_path: str | os.PathLike | None = None, *, allow_drafts: bool = False,
            force: bool = False, draft_notice: bool = True, warn: Warn | None = None) -> Path:
    """Write the translated release of a reviewed catalogue; returns the path written.

    Raises ConflictError, writing nothing, while units are still drafts (unless
    ``allow_drafts``), when the source is not the release the catalogue was made
    from (another release, or another version of it), and when a published unit
    fails a fact check (numbers, protected spans, inline codes) unless ``force``.
    ``source_path`` defaults to the release recorded in the catalogue. Every
    sentence kept in the source language, and every forced fact error, is
    reported through ``warn``.
    """
    cat = read_file(catalogue_path)
    if not allow_drafts:
        refuse_drafts(cat, catalogue_path)
    source = Path(source_path) if source_path else find_source(cat, catalogue_path)
    result = render(source, cat, allow_drafts=allow_drafts, draft_notice=draft_notice)
    assert result.doc is not None
    check_current(result.doc, cat, catalogue_path)  # the source as rendered, read once
    facts = fact_errors(result.used)
    if facts and not force:
        refuse_facts(facts, catalogue_path, cat.tgt)
    out = Path(out_path) if out_path else default_out(catalogue_path, cat, source)
    if out.resolve() == source.resolve():
        raise ConflictError("refusing to overwrite the source release", path=out)
    write_bytes_atomic(out, result.text.encode("utf-8"))
    if warn is not None:
        for message in result.warnings + [f"published anyway (--force): {describe(i)}"
                                          for i in facts]:
            warn(message)
    return out
