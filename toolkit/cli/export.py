"""``toolkit export``: catalogues as a project for a translation tool (OmegaT)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from . import jsonout
from .jsonout import JsonOpt

app = typer.Typer(help="Export catalogues as a ready project for a translation tool.",
                  no_args_is_help=True)


@app.callback()
def _export() -> None:
    """Export catalogues as a ready project for a translation tool."""
    # A callback keeps `export` a group: with one command typer would collapse it into it.


@app.command("omegat")
def omegat_command(
    locales: Annotated[Path, typer.Argument(help="Tree of catalogues: DIR/<lang>/<release>.po|.xlf.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of the new OmegaT project.")],
    to: Annotated[str | None, typer.Option(
        "--to", help="Target language, when DIR holds several.")] = None,
    glossary: Annotated[Path | None, typer.Option(
        "--glossary", "-g", help="Glossary file or folder on top of the shipped, user and "
                                 "project glossaries.")] = None,
    replace_glossary: Annotated[bool, typer.Option(
        "--replace-glossary", help="Use --glossary alone.")] = False,
    no_glossary: Annotated[bool, typer.Option("--no-glossary",
                                              help="Write an empty glossary.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write an OmegaT project: French sources, drafts and human work as memories, glossary.

    Open OUT in OmegaT (3.6 or later); drafts fill the empty segments, human
    translations are the project memory. Bring the work back with
    `toolkit import OUT/target/<release>.po`.
    """
    from .. import __version__
    from ..glossary import load_option
    from ..omegat import export_project

    jsonout.start(as_json)
    terms = load_option(glossary, off=no_glossary, replace=replace_glossary)
    res = export_project(locales, out, tgt=to, glossary=terms,
                         now=datetime.now(UTC).replace(microsecond=0),
                         tool=f"toolkit {__version__}")
    if as_json:
        from dataclasses import asdict

        jsonout.emit(asdict(res))
    if quiet:
        return
    typer.echo(f"{res.project}: OmegaT project {res.src} → {res.tgt}, "
               f"{len(res.releases)} release(s): {res.drafts} draft(s) in tm/auto, "
               f"{res.human} human translation(s) in omegat/project_save.tmx, "
               f"{res.untranslated} untranslated, {res.terms} glossary line(s)", err=as_json)
