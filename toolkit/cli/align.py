"""``toolkit align``: pair a past release with its translation and feed the memory."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..align import DEFAULT_THRESHOLD, Pair, align_files
from ..csvsafe import guard
from ..fileio import write_bytes_atomic
from ..formats import write_file
from ..langs import Lang
from ..memory import Memory, Unit
from ..model import Catalogue, Note, Origin, Segment, State, segment_id
from .memory import memory_path


def _glossary(path: Path | None, off: bool) -> object | None:
    from ..glossary import load_option

    return load_option(path, off=off)


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


def align_command(
    source: Annotated[Path, typer.Argument(help="Past release in the source language.")],
    target: Annotated[Path, typer.Argument(help="The same release in the target language.")],
    src: Annotated[str, typer.Option("--from", "-f", help="Source language.")] = "fr",
    tgt: Annotated[str, typer.Option("--to", "-t", help="Target language.")] = "en",
    memory: Annotated[Path | None, typer.Option(
        "--memory", "-m", dir_okay=False,
        help="Memory file (default: locales/.toolkit/memory.sqlite).")] = None,
    review: Annotated[Path | None, typer.Option(
        help="Write low-confidence pairs here: .po/.xlf (drafts to fix, then "
             "`toolkit memory import`) or .tsv.")] = None,
    threshold: Annotated[float, typer.Option(
        help="Lowest confidence stored in the memory (0-1).")] = DEFAULT_THRESHOLD,
    glossary: Annotated[Path | None, typer.Option(help="Glossary used as anchors.")] = None,
    no_glossary: Annotated[bool, typer.Option("--no-glossary", help="No glossary anchors.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Align and report only.")] = False,
) -> None:
    """Align a past release with its translation; confident pairs go into the memory."""
    s, t = Lang.parse(src), Lang.parse(tgt)
    pairs = align_files(source, target, src=s.code, tgt=t.code,
                        glossary=_glossary(glossary, no_glossary))
    good = [p for p in pairs if p.src and p.tgt and p.confidence >= threshold]
    doubtful = [p for p in pairs if p not in good]
    new = 0
    if not dry_run:
        units = [Unit(p.source, p.target, s.code, t.code, "human", "translated", source.name,
                      "aligned") for p in good]
        with Memory(memory_path(memory)) as tm:
            new = tm.add(units)
    if review is not None:
        if review.suffix.lower() == ".tsv":
            write_bytes_atomic(review, review_tsv(doubtful))
        else:
            cat = review_catalogue(doubtful, source.stem, s, t, str(source))
            write_file(cat, review, now=datetime.now(UTC).replace(microsecond=0),
                       tool=f"toolkit {__version__}")
    typer.echo(f"{len(pairs)} beads: {len(good)} pairs at confidence ≥ {threshold:g} "
               f"({new} new in memory), {len(doubtful)} for review"
               + (f" in {review}" if review else ""), err=True)
