"""`toolkit import` and `toolkit update`: the review round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..engines import DEFAULT_ENGINE
from ..errors import ConflictError
from ..ingest import load_many
from ..langs import Lang
from ..locales import existing_catalogues
from ..review import import_many
from ..threeway import Prefer
from .translate import translate_command


def import_command(
    files: Annotated[list[Path], typer.Argument(help="Reviewed PO or XLIFF files.")],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output tree the toolkit wrote (default: the tree a file sits in, "
                            "OUT/<lang>/, else ./locales).")] = None,
    prefer: Annotated[Prefer | None, typer.Option(
        "--prefer", help="Who wins a unit both the reviewer and the current catalogue changed "
                         "(default: stop with exit 6 and list them).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    memory: Annotated[Path | None, typer.Option(
        "--memory", dir_okay=False,
        help="Translation memory that receives the approved units "
             "(default: OUT/.toolkit/memory.sqlite).")] = None,
    no_memory: Annotated[bool, typer.Option("--no-memory",
                                            help="Do not store approved units.")] = False,
) -> None:
    """Merge reviewed PO/XLIFF files back into OUT/<lang>/; confirmed and edited units become human.

    Each unit is merged three ways: what the toolkit wrote (recorded in the
    file), the current catalogue and the reviewed file. Stale units never
    revert newer work; units changed on both sides stop the import. The
    merged catalogue is written back as PO and XLIFF, and the approved units
    go into the translation memory so they are never machine-translated again.
    """
    from ..memory import add_segments, default_path

    stored: list[tuple[Path, int]] = []

    def store(res) -> None:
        tm = memory if memory is not None else default_path(res.out)
        stored.append((tm, add_segments(tm, res.approved)))

    results = import_many(files, out, hooks=() if no_memory else (store,), prefer=prefer)
    if quiet:
        return
    for res in results:
        cat = res.catalogue
        typer.echo(f"{res.path}: {cat.name} ({cat.tgt}): {res.summary()}")
        for path in res.written:
            typer.echo(f"  wrote {path}")
    for tm in dict.fromkeys(t for t, _ in stored):
        typer.echo(f"memory: {sum(n for t, n in stored if t == tm)} new unit(s) in {tm}")


def update_command(
    files: Annotated[list[Path], typer.Argument(help="Revised release files.")],
    src: Annotated[str, typer.Option("--from", "-f", help="Source language.")] = "fr",
    tgt: Annotated[list[str] | None, typer.Option("--to", "-t", help="Target language (repeat).")]
    = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output tree with the previous "
                                      "catalogues.")] = Path("locales"),
    engine: Annotated[str, typer.Option(help="Engine: apertium, argos, pseudo…")] = DEFAULT_ENGINE,
    formats: Annotated[list[str] | None, typer.Option(
        "--format", help="po, xliff, xliff2 (default: po, xliff and any existing copy)."
    )] = None,
    glossary: Annotated[Path | None, typer.Option(help="Glossary file or folder.")] = None,
    no_glossary: Annotated[bool, typer.Option("--no-glossary",
                                              help="Translate without a glossary.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Re-translate revised releases, keeping reviewed work and marking changed sentences.

    The same as `translate` on an existing OUT tree, but it refuses to start
    from nothing.
    """
    targets = [Lang.parse(t) for t in (tgt or ["en"])]
    for doc in load_many(files):
        for t in targets:
            if not existing_catalogues(out, t, doc.name):
                raise ConflictError(
                    f"no previous catalogue of {doc.name!r} in {out / t.posix}",
                    path=doc.path or None, lang=t.bcp47,
                    hint="use `toolkit translate` for a first translation")
    translate_command(files, src=src, tgt=tgt, engine=engine, out=out, formats=formats,
                      glossary=glossary, no_glossary=no_glossary, quiet=quiet, memory=None)
