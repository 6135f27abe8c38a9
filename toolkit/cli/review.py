"""`toolkit import` and `toolkit update`: the review round trip."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..engines import DEFAULT_ENGINE
from ..errors import ConflictError
from ..ingest import load_many
from ..langs import Lang
from ..merge import previous_paths
from ..review import import_many
from .translate import translate_command


def import_command(
    files: Annotated[list[Path], typer.Argument(help="Reviewed PO or XLIFF files.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output tree the toolkit wrote.")]
    = Path("locales"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    memory: Annotated[Path | None, typer.Option(
        "--memory", dir_okay=False,
        help="Translation memory that receives the approved units "
             "(default: OUT/.toolkit/memory.sqlite).")] = None,
    no_memory: Annotated[bool, typer.Option("--no-memory",
                                            help="Do not store approved units.")] = False,
) -> None:
    """Merge reviewed PO/XLIFF files back into OUT/<lang>/; confirmed and edited units become human.

    Each file is compared with the catalogue the toolkit last wrote; the
    merged catalogue is written back as PO and XLIFF, and the approved units
    go into the translation memory so they are never machine-translated again.
    """
    from ..memory import add_segments, default_path

    tm_path = memory if memory is not None else default_path(out)
    stored: list[int] = []
    hooks = () if no_memory else (lambda res: stored.append(add_segments(tm_path, res.approved)),)
    results = import_many(files, out, hooks=hooks)
    for warning in (w for res in results for w in res.warnings):
        typer.echo(f"warning: {warning}", err=True)
    if quiet:
        return
    for res in results:
        cat = res.catalogue
        typer.echo(f"{res.path}: {cat.name} ({cat.tgt}): {res.summary()}")
        for path in res.written:
            typer.echo(f"  wrote {path}")
    if stored:
        typer.echo(f"memory: {sum(stored)} new unit(s) in {tm_path}")


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
            if not previous_paths(out, t, doc.name):
                raise ConflictError(
                    f"no previous catalogue of {doc.name!r} in {out / t.posix}",
                    path=doc.path or None, lang=t.bcp47,
                    hint="use `toolkit translate` for a first translation")
    translate_command(files, src=src, tgt=tgt, engine=engine, out=out, formats=formats,
                      glossary=glossary, no_glossary=no_glossary, quiet=quiet, memory=None)
