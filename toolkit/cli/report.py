"""`toolkit report`: a bilingual HTML review report of catalogues, one page per run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import jsonout
from .jsonout import JsonOpt


def report_command(
    catalogues: Annotated[list[Path], typer.Argument(
        help="Catalogues (.po, .xlf, .xliff) or locales folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path(
        "report.html"),
    glossary: Annotated[Path | None, typer.Option(
        help="Glossary file for term highlights and checks (default: the layered glossaries).")
    ] = None,
    no_glossary: Annotated[bool, typer.Option(
        "--no-glossary", help="No glossary: no term highlights or term checks.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a bilingual HTML review report: units side by side, states, QA, terms.

    One self-contained page (no scripts, no external files): per release the
    source and target of every unit, its review state, QA findings, glossary
    terms and unknown words highlighted in place, counts by state; a chart of
    states across releases first. A folder gives the current catalogue of
    each release in it.
    """
    from .. import __version__
    from ..fileio import write_bytes_atomic
    from ..glossary import load_option
    from ..report import build, collect, render

    jsonout.start(as_json)
    found = collect(catalogues)  # every input read before anything is written
    releases = build(found, load_option(glossary, off=no_glossary))
    write_bytes_atomic(out, render(releases, tool=f"toolkit {__version__}"))
    if as_json:
        jsonout.emit({"written": [str(out)], "releases": [
            {"catalogue": str(r.path), "release": r.catalogue.name, "to": r.catalogue.tgt,
             "units": len(r.units), "by_state": {c.value: n for c, n in r.counts.items()}}
            for r in releases]})
    if not quiet:
        units = sum(len(r.units) for r in releases)
        typer.echo(f"Wrote {out}: {len(releases)} catalogue(s), {units} units", err=True)
