"""A big release translated chunk by chunk, its catalogues written as it goes.

Held whole, a 50 MB release took 3.4 GB: one unit object per sentence, the
whole catalogue as polib and lxml objects, its rendered bytes, and one
Apertium batch of the whole text. Here a release with more than
:data:`STREAM_CHARS` characters of text is cut into chunks of whole blocks
(paragraphs) of about :data:`CHUNK_CHARS` characters; each chunk is segmented,
sent to the engine stack as one batch per target, and its units are appended
to the catalogues (:mod:`toolkit.formats.streaming`), then dropped. Memory
follows the chunk, not the release.

The catalogues are the bytes the whole-release path writes: the PO writer
needs to know which source texts repeat (they get a ``msgctxt``), which a
first pass of segmentation counts; each batch starts with the last units of
the chunk before it, whose translations are dropped, so Apertium's tagger
sees the same neighbours as in one batch (as the engine's own chunking does).
Only a first translation is streamed: a release with catalogues already in
the tree is merged with them on the whole-release path.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from .engines.base import Engine
from .errors import InputError
from .langs import Lang
from .model import Catalogue, Document, Segment
from .units import segments_of, translate_segments

# A release with more characters of text than this is streamed (press releases are far below).
STREAM_CHARS = 1_000_000
# Characters of text per chunk: one engine batch per target, a few pipeline starts.
CHUNK_CHARS = 1_000_000
# Units of the chunk before given to each batch as context (see the module's docstring).
CONTEXT = 4
# Catalogue bytes per byte of release text, for the free-space check (measured 3.8 and 6.5).
_GROWTH = {"po": 5, "xliff": 8}


def text_chars(doc: Document) -> int:
    return sum(len(b.text) for b in doc.blocks)


def is_big(doc: Document) -> bool:
    return text_chars(doc) > STREAM_CHARS


def chunks(doc: Document, limit: int | None = None) -> list[range]:
    """Block ranges of ``doc`` of at most ``limit`` characters (a bigger block is its own)."""
    limit = CHUNK_CHARS if limit is None else limit
    out: list[range] = []
    start, size = 0, 0
    for b, block in enumerate(doc.blocks):
        if size and size + len(block.text) > limit:
            out.append(range(start, b))
            start, size = b, 0
        size += len(block.text)
    if start < len(doc.blocks):
        out.append(range(start, len(doc.blocks)))
    return out


def _repeated(doc: Document, src: Lang, tgt: Lang, parts: Sequence[range]
              ) -> Callable[[str], bool]:
    """Whether a source text is that of more than one unit of ``doc``: a first pass."""
    seen: set[int] = set()
    twice: set[int] = set()
    for part in parts:
        for seg in segments_of(doc, src, tgt, blocks=part):
            key = hash(seg.source)  # 64 bits: a collision is one harmless extra msgctxt
            (twice if key in seen else seen).add(key)
    return lambda text: hash(text) in twice


def translate_streamed(doc: Document, targets: Sequence[Lang], source: Lang, engine: Engine,
                       out: str | os.PathLike, formats: Sequence[str], *, now: datetime,
                       tool: str, progress: Callable[[str], None] | None = None,
                       chunk_chars: int | None = None) -> tuple[int, list[Path]]:
    """Translate ``doc`` into every target, chunk by chunk; the units and the files written.

    Every catalogue is staged under a temporary name and all are renamed at the end,
    so the tree holds all of them or none, as with the whole-release path.
    """
    from .fileio import check_sizes, commit_staged
    from .formats.streaming import open_stream
    from .locales import catalogue_path, recorded_path

    parts = chunks(doc, chunk_chars)
    repeated = _repeated(doc, source, targets[0], parts)
    paths = [(t, f, catalogue_path(out, t, doc.name, f)) for t in targets for f in formats]
    size = len(doc.blocks) + sum(len(b.text.encode("utf-8")) for b in doc.blocks)
    check_sizes([(path, size * _GROWTH[f]) for _, f, path in paths])
    streams = {}
    try:
        for t, f, path in paths:
            head = Catalogue(name=doc.name, src=source.bcp47, tgt=t.bcp47, segments=(),
                             source_path=recorded_path(doc.path, path.parent), fmt=doc.fmt)
            streams[t, f] = open_stream(f, path, head, now=now, tool=tool, repeated=repeated)
        units = 0
        before: list[Segment] = []  # the last units of the chunk before, untranslated
        for number, part in enumerate(parts, 1):
            fresh = segments_of(doc, source, targets[0], blocks=part)
            units += len(fresh) * len(targets)  # counted per target, as the whole path does
            for t in targets:  # targets inside a chunk: a pivot hop they share is cached
                if progress is not None:
                    progress(f"{doc.name}: part {number} of {len(parts)}, "
                             f"{len(fresh)} unit(s) → {t.code}")
                batch = [replace(s, tgt=t.bcp47) for s in before + fresh]
                done = translate_segments(batch, engine, source, t)[len(before):]
                for f in formats:
                    streams[t, f].write(done)
            before = fresh[-CONTEXT:]
        staged = [(streams[t, f].finish(), path) for t, f, path in paths]
        streams.clear()
    finally:
        for stream in streams.values():
            stream.discard()
    commit_staged(staged)
    return units, [path for _, _, path in paths]


def split_streamed(docs: Sequence[Document], out: str | os.PathLike, targets: Sequence[Lang],
                   formats: Sequence[str]) -> tuple[list[Document], list[Document]]:
    """``docs`` as (streamed, whole): big releases with no catalogue in the tree yet go
    chunk by chunk. A big release in a format that cannot be streamed is refused, on
    either path: its catalogue could outgrow what the readers accept."""
    from .formats.streaming import STREAMED
    from .locales import existing_catalogues

    big, rest = [], []
    for doc in docs:
        found = [f for t in targets for f in existing_catalogues(out, t, doc.name)]
        if is_big(doc):
            for f in dict.fromkeys([*formats, *found]):
                if f not in STREAMED:
                    raise InputError(
                        f"a release of more than {STREAM_CHARS:,} characters is written in "
                        f"{' and '.join(STREAMED)} only, not {f}", path=doc.path or None,
                        hint="use --format po and --format xliff")
        (big if is_big(doc) and not found else rest).append(doc)
    return big, rest
