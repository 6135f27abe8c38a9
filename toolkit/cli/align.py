"""``toolkit align``: pair a past release with its translation and feed the memory."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..align import DEFAULT_THRESHOLD, align_files
from ..alignreview import review_catalogue, review_tsv
from ..fileio import check_room, write_bytes_atomic
from ..formats import for_path
from ..langs import Lang
from ..memory import Memory, Unit
from . import jsonout
from .jsonout import JsonOpt
from .memory import memory_path


def _glossary(path: Path | None, off: bool) -> object | None:
    from ..glossary import load_option

    return load_option(path, off=off)


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
    as_json: JsonOpt = False,
) -> None:
    """Align a past release with its translation; confident pairs go into the memory."""
    jsonout.start(as_json)
    s, t = Lang.parse(src), Lang.parse(tgt)
    pairs = align_files(source, target, src=s.code, tgt=t.code,
                        glossary=_glossary(glossary, no_glossary))
    good = [p for p in pairs if p.src and p.tgt and p.confidence >= threshold]
    doubtful = [p for p in pairs if p not in good]
    # The review file is rendered and its folder checked before the memory changes, so a
    # review path that cannot be written leaves the memory as it was.
    page: bytes | None = None
    if review is not None:
        if review.suffix.lower() == ".tsv":
            page = review_tsv(doubtful)
        else:
            buf = io.BytesIO()
            cat = review_catalogue(doubtful, source.stem, s, t, str(source))
            for_path(review).write(cat, buf, now=datetime.now(UTC).replace(microsecond=0),
                                   tool=f"toolkit {__version__}")
            page = buf.getvalue()
        check_room([(review, page)])
    new = 0
    if not dry_run:
        units = [Unit(p.source, p.target, s.code, t.code, "human", "translated", source.name,
                      "aligned") for p in good]
        with Memory(memory_path(memory)) as tm:
            new = tm.add(units)
    if review is not None and page is not None:
        write_bytes_atomic(review, page)
    if as_json:
        jsonout.emit({"beads": len(pairs), "stored": len(good), "new": new,
                      "threshold": threshold, "review": str(review) if review else None,
                      "pairs": [{"source": p.source, "target": p.target,
                                 "confidence": round(p.confidence, 4),
                                 "stored": p in good} for p in pairs]})
    typer.echo(f"{len(pairs)} beads: {len(good)} pairs at confidence ≥ {threshold:g} "
               f"({new} new in memory), {len(doubtful)} for review"
               + (f" in {review}" if review else ""), err=True)
