"""`toolkit translate` and `toolkit update`: options in, :func:`pipeline.translate_releases` out."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..stack import DEFAULT_ENGINE
from . import jsonout
from .jsonout import JsonOpt


class Format(StrEnum):
    """Catalogue formats of the output tree."""

    po = "po"
    xliff = "xliff"  # XLIFF 1.2, .xlf
    xliff2 = "xliff2"  # XLIFF 2.1, .xliff


class Redo(StrEnum):
    """Which units of earlier runs go to the engine again."""

    drafts = "drafts"  # machine drafts only: human, memory and reviewed units never


RetranslateOpt = Annotated[Redo | None, typer.Option(
    "--retranslate", help="drafts: send the machine drafts of earlier runs to the engine again "
                          "(after installing a better engine or model); human, memory-match, "
                          "reviewed and final units are never touched.")]
FilesArg = Annotated[list[Path], typer.Argument(help="Release files (.txt, .html, .md).")]
FromOpt = Annotated[str, typer.Option("--from", "-f", help="Source language.")]
ToOpt = Annotated[list[str] | None, typer.Option("--to", "-t", help="Target language (repeat).")]
EngineOpt = Annotated[str, typer.Option(help="Engine: apertium, argos, pseudo…")]
FormatOpt = Annotated[list[Format] | None, typer.Option(
    "--format", help="po, xliff (1.2, .xlf), xliff2 (2.1, .xliff); default: po and xliff, "
                     "plus any copy already in the tree.")]
GlossaryOpt = Annotated[Path | None, typer.Option(
    help="Glossary file or folder, added to the shipped glossary (its concepts win).")]
ReplaceOpt = Annotated[bool, typer.Option(
    "--replace-glossary", help="Use only --glossary, without the shipped glossary.")]
NoGlossaryOpt = Annotated[bool, typer.Option("--no-glossary", help="Translate without a glossary.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")]
WaitOpt = Annotated[float | None, typer.Option(
    "--wait", min=0, metavar="SECONDS",
    help="How long to wait while another run writes the same tree (default 120; 0: fail "
         "at once with exit 8).")]
NoLangCheckOpt = Annotated[bool, typer.Option(
    "--no-language-check", help="Translate even a release that reads as another language "
                                "than --from.")]
JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, metavar="N",
    help="Cores the run may use (default: all); the output is the same for any N.")]
ClusterOpt = Annotated[str | None, typer.Option(
    "--cluster", metavar="ADDRESS",
    help="Dask scheduler (tcp://HOST:8786) whose workers run the Apertium pipelines; "
         "this machine still reads and writes every file.")]


def translate_command(
    files: FilesArg,
    src: FromOpt = "fr",
    tgt: ToOpt = None,
    engine: EngineOpt = DEFAULT_ENGINE,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output tree.")] = Path("locales"),
    formats: FormatOpt = None,
    glossary: GlossaryOpt = None,
    replace_glossary: ReplaceOpt = False,
    no_glossary: NoGlossaryOpt = False,
    quiet: QuietOpt = False,
    memory: Annotated[Path | None, typer.Option(
        "--memory", dir_okay=False,
        help="Translation memory to reuse before MT (default: OUT/.toolkit/memory.sqlite "
             "when it exists).")] = None,
    no_language_check: NoLangCheckOpt = False,
    retranslate: RetranslateOpt = None,
    wait: WaitOpt = None,
    jobs: JobsOpt = None,
    cluster: ClusterOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Translate releases into reviewable PO and XLIFF drafts under OUT/<lang>/."""
    run(files, src, tgt, engine, out, formats, glossary, replace_glossary, no_glossary, quiet,
        memory, language_check=not no_language_check, wait=wait,
        retranslate=retranslate is not None, jobs=jobs, cluster=cluster, as_json=as_json)


def update_command(
    files: Annotated[list[Path], typer.Argument(help="Revised release files.")],
    src: FromOpt = "fr",
    tgt: ToOpt = None,
    out: Annotated[Path, typer.Option(
        "--catalogues", "--out", "-o", help="The catalogue tree with the previous catalogues "
                                            "(--out is the older name).")] = Path("locales"),
    engine: EngineOpt = DEFAULT_ENGINE,
    formats: FormatOpt = None,
    glossary: GlossaryOpt = None,
    no_glossary: NoGlossaryOpt = False,
    quiet: QuietOpt = False,
    no_language_check: NoLangCheckOpt = False,
    retranslate: RetranslateOpt = None,
    wait: WaitOpt = None,
    jobs: JobsOpt = None,
    cluster: ClusterOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Re-translate revised releases, keeping reviewed work and marking changed sentences.

    The same as `translate` on an existing OUT tree, but it refuses to start
    from nothing.
    """
    run(files, src, tgt, engine, out, formats, glossary, False, no_glossary, quiet, None,
        require_previous=True, language_check=not no_language_check, wait=wait,
        what="toolkit update", retranslate=retranslate is not None, jobs=jobs, cluster=cluster,
        as_json=as_json)


def run(files: list[Path], src: str, tgt: list[str] | None, engine: str, out: Path,
        formats: list[Format] | None, glossary: Path | None, replace_glossary: bool,
        no_glossary: bool, quiet: bool, memory: Path | None, *,
        require_previous: bool = False, language_check: bool = True, wait: float | None = None,
        what: str = "toolkit translate", retranslate: bool = False, jobs: int | None = None,
        cluster: str | None = None, as_json: bool = False) -> None:
    from ..pipeline import translate_releases

    jsonout.start(as_json)
    if no_glossary and (glossary is not None or replace_glossary):
        raise typer.BadParameter("--no-glossary cannot be combined with --glossary or "
                                 "--replace-glossary")
    if replace_glossary and glossary is None:
        raise typer.BadParameter("--replace-glossary needs --glossary FILE")

    # On a terminal a rich spinner says what the run is doing; each step stays printed
    # above it. Piped or --quiet: nothing (scripts read the summary or --json).
    status = None
    if not quiet and sys.stderr.isatty():
        from rich.console import Console

        status = Console(stderr=True).status("reading the releases …")
        status.start()

    def say(message: str) -> None:
        if status is not None:
            status.console.print(f"  {message} …", highlight=False)
            status.update(f"{message} …")

    try:
        result = translate_releases(
            files, src, tgt or ["en"], engine=engine, out=out,
            formats=[f.value for f in formats] if formats else None,
            glossary=False if no_glossary else glossary, replace_glossary=replace_glossary,
            memory=memory, require_previous=require_previous, language_check=language_check,
            wait=wait, what=what, retranslate=retranslate, jobs=jobs, cluster=cluster,
            warn=lambda m: typer.echo(f"warning: {m}", err=True), progress=say)
    finally:
        if status is not None:
            status.stop()
    if as_json:
        jsonout.emit(result.to_dict())
    if quiet:
        return
    for name, lang, merged in result.updates:
        typer.echo(f"Updated {name} → {lang.code}: {merged.summary()}", err=True)
    typer.echo(
        f"Translated {result.releases} file(s) into "
        f"{', '.join(t.code for t in result.targets)}: {result.units} units, "
        f"{len(result.written)} catalogues written under {out}/", err=True)

