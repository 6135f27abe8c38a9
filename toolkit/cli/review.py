"""`toolkit import`: reviewed files back into the tree."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..review import import_many
from ..threeway import Prefer
from . import jsonout
from .jsonout import JsonOpt
from .translate import WaitOpt


def import_command(
    files: Annotated[list[Path], typer.Argument(help="Reviewed PO or XLIFF files.")],
    out: Annotated[Path | None, typer.Option(
        "--catalogues", "--out", "-o",
        help="The catalogue tree the toolkit wrote, DIR/<lang>/ (default: the tree a file sits "
             "in, else ./locales). --out is the older name.")] = None,
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
    wait: WaitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Merge reviewed PO/XLIFF files back into OUT/<lang>/; confirmed and edited units become human.

    Each unit is merged three ways: what the toolkit wrote (recorded in the
    file), the current catalogue and the reviewed file. Stale units never
    revert newer work; units changed on both sides stop the import. The
    merged catalogue is written back as PO and XLIFF, and the approved units
    go into the translation memory so they are never machine-translated again.
    """
    from ..memory import add_segments, check_writable, default_path

    jsonout.start(as_json)
    stored: list[tuple[Path, int]] = []

    def store(res) -> None:
        tm = memory if memory is not None else default_path(res.out)
        stored.append((tm, add_segments(tm, res.approved)))

    checked: set[Path] = set()

    def usable(res) -> None:  # before anything is written: a bad memory stops the import
        tm = memory if memory is not None else default_path(res.out)
        if tm not in checked:
            check_writable(tm)
            checked.add(tm)

    results = import_many(files, out, hooks=() if no_memory else (store,), prefer=prefer,
                          wait=wait, notify=lambda m: typer.echo(f"note: {m}", err=True),
                          before_write=None if no_memory else usable)
    for warning in (w for res in results for w in res.warnings):
        typer.echo(f"warning: {warning}", err=True)
    memories = {str(tm): sum(n for t, n in stored if t == tm)
                for tm in dict.fromkeys(t for t, _ in stored)}
    if as_json:
        jsonout.emit({"imported": [res.to_dict() for res in results], "memory": memories})
    if quiet:
        return
    # With --json the same lines go to stderr, for the person watching.
    for res in results:
        cat = res.catalogue
        typer.echo(f"{res.path}: {cat.name} ({cat.tgt}): {res.summary()}", err=as_json)
        for path in res.written:
            typer.echo(f"  wrote {path}", err=as_json)
    for tm, n in memories.items():
        typer.echo(f"memory: {n} new unit(s) in {tm}", err=as_json)
