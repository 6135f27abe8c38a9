"""`toolkit publish`: reviewed catalogues back into releases, or a multilingual site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import jsonout
from .jsonout import JsonOpt


def publish_command(
    catalogue: Annotated[Path | None, typer.Argument(
        help="Reviewed catalogue (.po or .xlf); not needed with --site.")] = None,
    source: Annotated[Path | None, typer.Option(
        "--source", "-s", "--sources",
        help="The source release (a file), or a folder holding the source releases, found by "
             "name (default: the release recorded in the catalogue). With --site, a folder. "
             "--sources is the older name for a folder.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output file (default: <release>.<lang><suffix> next to the "
                            "catalogue), or the site folder with --site (default: site).")] = None,
    allow_drafts: Annotated[bool, typer.Option(
        "--allow-drafts", help="Publish even if machine drafts remain.")] = False,
    site: Annotated[Path | None, typer.Option(
        "--site", help="Build a static multilingual site from this locales folder.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Publish even if units fail the fact checks (numbers, e-mails, "
                        "URLs, phones, inline codes); each is printed as a warning.")] = False,
    draft_notice: Annotated[bool, typer.Option(
        "--draft-notice/--no-draft-notice",
        help="Say on pages made from machine drafts that they are machine output "
             "(text header line, Markdown front matter field, HTML banner).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or summary.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write the translated release in its own format (text, HTML, Markdown), or a site.

    Refuses (exit 6, nothing written) while units are still machine drafts or
    untranslated, unless --allow-drafts; when the source is not the release the
    catalogue was made from (another release, or a version edited since: run
    `toolkit update`); and when a unit would publish a wrong number, a changed
    e-mail, URL or phone, or lost inline markup, unless --force.
    """
    from ..publish import build_site, publish

    jsonout.start(as_json)

    def warn(message: str) -> None:
        warnings.append(message)
        if not quiet:
            typer.echo(f"warning: {message}", err=True)

    warnings: list[str] = []
    if site is not None:
        if catalogue is not None:
            raise typer.BadParameter("--site builds from a locales folder: give no CATALOGUE")
        if source is not None and not source.is_dir():
            raise typer.BadParameter(f"with --site, --source is the folder of the source "
                                     f"releases; {source} is not a folder")
        root = out or Path("site")
        pages = build_site(site, root, sources=source, allow_drafts=allow_drafts, force=force,
                           draft_notice=draft_notice, warn=warn)
        if as_json:
            jsonout.emit({"site": str(root), "written": [str(root / p) for p in pages],
                          "warnings": warnings})
        if not quiet:
            typer.echo(f"Wrote {len(pages)} page(s) under {root}/", err=True)
        return
    if catalogue is None:
        raise typer.BadParameter("give a CATALOGUE, or --site LOCALES")
    src = source
    if source is None or source.is_dir():  # resolved here so that --json can say which
        from ..formats import read_file
        from ..publish import find_source

        src = find_source(read_file(catalogue), catalogue, source)
    path = publish(catalogue, src, out, allow_drafts=allow_drafts, force=force,
                   draft_notice=draft_notice, warn=warn)
    if as_json:
        jsonout.emit({"catalogue": str(catalogue), "source": str(src),
                      "written": [str(path)], "warnings": warnings})
    if not quiet:
        typer.echo(f"Wrote {path}", err=True)
