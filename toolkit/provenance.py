"""Is this file really the release a catalogue was made from?

Publishing finds the source release through the path recorded in the
catalogue (``X-Toolkit-Source``, XLIFF ``original``). That header is data a
reviewer's tool, or an attacker, can change: pointed at ``/etc/passwd`` or
``~/.ssh/…`` it would copy that file into the published output. A recorded
source is used only if it is a release file (by suffix) and most of its
sentences are units of the catalogue — which a crafted header cannot fake
without already knowing the file's content.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError
from .langs import Lang
from .model import Catalogue, Document

RELEASE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt", ".text")
MIN_SHARE = 0.5  # a release edited after translation still matches; a stranger's file does not


def check_suffix(source: Path, catalogue: str | os.PathLike) -> None:
    if source.suffix.lower() not in RELEASE_SUFFIXES:
        raise InputError(f"recorded source {str(source)!r} is not a release file "
                         f"({', '.join(RELEASE_SUFFIXES)})", path=catalogue,
                         hint="pass --source FILE")


def check_belongs(doc: Document, cat: Catalogue, catalogue: str | os.PathLike) -> None:
    """InputError unless most sentences of ``doc`` are units of ``cat``."""
    from .pipeline import block_sentences

    src = Lang.parse(cat.src)
    known = {s.source.strip() for s in (*cat.segments, *cat.obsolete)}
    sentences = [text for block in doc.blocks if block.translate and block.text.strip()
                 for _, _, text in block_sentences(block, src)]
    hits = sum(1 for t in sentences if t in known)
    if not sentences or hits < MIN_SHARE * len(sentences):
        raise InputError(
            f"recorded source {doc.path!r} is not this catalogue's release "
            f"({hits} of {len(sentences)} sentences are units)", path=catalogue,
            hint="pass --source FILE if the release really changed this much")


def check_source(source: Path, cat: Catalogue, catalogue: str | os.PathLike) -> Path:
    """``source`` if it is a release file whose sentences are this catalogue's units."""
    from .ingest import load

    check_suffix(source, catalogue)
    check_belongs(load(source), cat, catalogue)
    return source


def stale(doc: Document, cat: Catalogue, *, limit: int = 10) -> list[str]:
    """How ``doc`` and ``cat`` differ: source sentences with no live unit, live units
    whose sentence the source no longer has. Empty when the catalogue is this version
    of this release, which is what publishing needs: a sentence added or edited since
    the last ``translate``/``update`` would go out untranslated or as the old text."""
    from .inline import plain
    from .pipeline import block_sentences

    src = Lang.parse(cat.src)
    live = {s.source.strip() for s in cat.segments}
    found: list[str] = []
    seen: set[str] = set()
    for block in doc.blocks:
        if not block.translate or not block.text.strip():
            continue
        for _, _, text in block_sentences(block, src):
            seen.add(text)
            if text not in live:
                found.append(f"line {block.line}: not in the catalogue: {plain(text)[:70]}")
    found += [f"unit {s.id}: not in the source: {plain(s.source)[:70]}"
              for s in cat.segments if s.source.strip() not in seen]
    if len(found) > limit:
        found = [*found[:limit], f"… and {len(found) - limit} more"]
    return found


def check_current(doc: Document, cat: Catalogue, catalogue: str | os.PathLike) -> None:
    """ConflictError (exit 6) listing the differences unless ``doc`` is ``cat``'s release as
    it was last translated."""
    from .errors import ConflictError

    found = stale(doc, cat)
    if found:
        raise ConflictError(
            f"{doc.path} is not the release this catalogue was made from:\n  "
            + "\n  ".join(found), path=catalogue, lang=cat.tgt,
            hint="if the release changed, run `toolkit update` first; otherwise pass the "
                 "right --source")

