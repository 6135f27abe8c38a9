"""A release's units: its blocks cut into sentences, and the engine's drafts of them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .engines.base import Engine
from .langs import Lang
from .model import Block, Document, Note, Origin, Segment, Span, State, segment_id
from .segment import segment as split_sentences
from .tags import tags_of

_OPEN = re.compile(r"<g(\d+)>")
_CLOSE = re.compile(r"</g(\d+)>")


def _balanced(spans: list[Span]) -> list[Span]:
    """Merge sentences so that no paired inline code (``<g1>…</g1>``) is cut in two.

    A unit holding half a pair could not be written as XLIFF ``<g>`` and
    would be hard to review; keeping the pair whole costs a longer unit.
    """
    out: list[Span] = []
    open_codes: set[str] = set()
    for span in spans:
        if out and open_codes:
            prev = out.pop()
            span = Span(prev.start, span.end, prev.text + span.text)
        open_codes |= set(_OPEN.findall(span.text))
        open_codes -= set(_CLOSE.findall(span.text))
        out.append(span)
    return out


def block_sentences(block: Block, lang: Lang) -> list[tuple[int, int, str]]:
    """Sentences of a block as ``(start, end, text)`` with surrounding spaces trimmed."""
    out = []
    spans = split_sentences(block.text, lang.code)
    if "<g" in block.text:
        spans = _balanced(spans)
    for span in spans:
        core = span.text.strip()
        if not core:
            continue
        lead = len(span.text) - len(span.text.lstrip())
        start = span.start + lead
        out.append((start, start + len(core), core))
    return out


def segments_of(doc: Document, src: Lang, tgt: Lang, blocks: range | None = None
                ) -> list[Segment]:
    """The units of a document (of its ``blocks`` only, when given), untranslated, with
    stable ids and references."""
    segs = []
    base = doc.path.rsplit("/", 1)[-1] if doc.path else doc.name
    for b in blocks if blocks is not None else range(len(doc.blocks)):
        block = doc.blocks[b]
        if not block.translate or not block.text.strip():
            continue
        for i, (_, _, text) in enumerate(block_sentences(block, src)):
            segs.append(
                Segment(
                    id=segment_id(doc.name, b, i, text),
                    source=text,
                    src=src.bcp47,
                    tgt=tgt.bcp47,
                    block=b,
                    index=i,
                    ref=f"{base}:{block.line}" if block.line else base,
                    kind=block.kind.value,
                    tags=tags_of(text, block.codes),
                )
            )
    return segs


def translate_segments(segs: Sequence[Segment], engine: Engine, src: Lang, tgt: Lang) -> list[Segment]:
    """Machine-translate every untranslated segment in one batch."""
    todo = [i for i, s in enumerate(segs) if s.state == State.UNTRANSLATED]
    out = list(segs)
    if not todo:
        return out
    results = engine.translate_batch([segs[i].source for i in todo], src, tgt)
    for i, tr in zip(todo, results):
        origin = Origin(tr.origin) if tr.origin in Origin._value2member_map_ else Origin.MT
        notes = tuple(Note(n) for n in dict.fromkeys(tr.notes))
        out[i] = replace(
            segs[i],
            target=tr.text,
            origin=origin,
            state=State.DRAFT if tr.text.strip() else State.UNTRANSLATED,
            notes=notes,
            unknown=tr.unknown,
            alternatives=tr.matches,
        )
    return out
