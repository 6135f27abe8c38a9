"""`toolkit import`: reviewed files back into the tree."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..review import import_many


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
    if quiet:
        return
    for res in results:
        cat = res.catalogue
        typer.echo(f"{res.path}: {cat.name} ({cat.tgt}): {res.summary()}")
        for path in res.written:
            typer.echo(f"  wrote {path}")
    if stored:
        typer.echo(f"memory: {sum(stored)} new unit(s) in {tm_path}")
