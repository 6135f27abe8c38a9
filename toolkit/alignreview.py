"""What alignment could not decide, for a person: a catalogue of doubtful pairs, or a TSV.

The library owns these files (the CLI only writes them), so a script that aligns
an archive gets the same review files as ``toolkit align``.
"""

from __future__ import annotations

import csv
import io

from .align import Pair
from .csvsafe import guard
from .langs import Lang
from .model import Catalogue, Note, Origin, Segment, State, segment_id


def review_catalogue(pairs: list[Pair], name: str, src: Lang, tgt: Lang,
                     source_path: str) -> Catalogue:
    """Low-confidence beads as a PO/XLIFF catalogue of drafts (fuzzy), for a person to fix.

    Source sentences the translation lacks come as untranslated units; target
    sentences with no source cannot be PO entries and are left out (see TSV).
    """
    segs = []
    for k, p in enumerate(pairs):
        if not p.src:
            continue
        notes = (Note(f"aligned: confidence {p.confidence:.2f}"),
                 Note(f"{tgt.code}: {p.tgt_ref or 'no matching sentence'}"))
        segs.append(Segment(
            id=segment_id(name, 0, k, p.source), source=p.source, src=src.bcp47, tgt=tgt.bcp47,
            target=p.target, origin=Origin.HUMAN if p.target else Origin.NONE,
            state=State.DRAFT if p.target else State.UNTRANSLATED, ref=p.src_ref, notes=notes,
        ))
    return Catalogue(name=f"{name}-align-review", src=src.bcp47, tgt=tgt.bcp47,
                     segments=tuple(segs), source_path=source_path)


def review_tsv(pairs: list[Pair]) -> bytes:
    """Low-confidence beads as TSV: confidence, references, both texts."""
    buf = io.StringIO()
    out = csv.writer(buf, delimiter="\t", lineterminator="\n")
    out.writerow(["confidence", "source_ref", "target_ref", "source", "target"])
    for p in pairs:
        out.writerow([f"{p.confidence:.3f}", p.src_ref, p.tgt_ref, guard(p.source),
                      guard(p.target)])
    return buf.getvalue().encode("utf-8")
