"""`toolkit publish`: reviewed catalogues back into releases, or a multilingual site."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def publish_command(
    catalogue: Annotated[Path | None, typer.Argument(
        help="Reviewed catalogue (.po or .xlf); not needed with --site.")] = None,
    source: Annotated[Path | None, typer.Option(
        "--source", "-s",
        help="Source release (default: the one recorded in the catalogue).")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Output file (default: <release>.<lang><suffix> next to the "
                            "catalogue), or the site folder with --site (default: site).")] = None,
    allow_drafts: Annotated[bool, typer.Option(
        "--allow-drafts", help="Publish even if machine drafts remain.")] = False,
    site: Annotated[Path | None, typer.Option(
        "--site", help="Build a static multilingual site from this locales folder.")] = None,
    sources: Annotated[Path | None, typer.Option(
        "--sources", help="Folder holding the source releases, found by name.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Publish even if units fail the fact checks (numbers, e-mails, "
                        "URLs, phones, inline codes); each is printed as a warning.")] = False,
    draft_notice: Annotated[bool, typer.Option(
        "--draft-notice/--no-draft-notice",
        help="Say on pages made from machine drafts that they are machine output "
             "(text header line, Markdown front matter field, HTML banner).")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or summary.")] = False,
) -> None:
    """Write the translated release in its own format (text, HTML, Markdown), or a site.

    Refuses (exit 6, nothing written) while units are still machine drafts or
    untranslated, unless --allow-drafts; when the source is not the release the
    catalogue was made from (another release, or a version edited since: run
    `toolkit update`); and when a unit would publish a wrong number, a changed
    e-mail, URL or phone, or lost inline markup, unless --force.
    """
    from ..publish import build_site, publish

    def warn(message: str) -> None:
        if not quiet:
            typer.echo(f"warning: {message}", err=True)

    if site is not None:
        if catalogue is not None or source is not None:
            raise typer.BadParameter("--site builds from a locales folder: give no CATALOGUE "
                                     "or --source")
        pages = build_site(site, out or Path("site"), sources=sources,
                           allow_drafts=allow_drafts, force=force,
                           draft_notice=draft_notice, warn=warn)
        if not quiet:
            typer.echo(f"Wrote {len(pages)} page(s) under {out or Path('site')}/", err=True)
        return
    if catalogue is None:
        raise typer.BadParameter("give a CATALOGUE, or --site LOCALES")
    src = source
    if src is None and sources is not None:
        from ..formats import read_file
        from ..publish import find_source

        src = find_source(read_file(catalogue), catalogue, sources)
    path = publish(catalogue, src, out, allow_drafts=allow_drafts, force=force,
                   draft_notice=draft_notice, warn=warn)
    if not quiet:
        typer.echo(f"Wrote {path}", err=True)
