"""`toolkit translate`: releases in, PO and XLIFF drafts out."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..errors import ConflictError, EngineError
from ..formats import write_file
from ..ingest import load_many
from ..langs import Lang
from ..locales import CATALOGUE_FORMATS, DEFAULT_FORMATS, catalogue_path, existing_catalogues
from ..merge import load_previous, translate_update
from ..stack import DEFAULT_ENGINE, build, with_memory

# XLIFF 2.1 gets its own suffix so it can sit next to the 1.2 file; CAT tools
# open ".xliff" and tell the versions apart by the version attribute.
OUTPUT_FORMATS = CATALOGUE_FORMATS


def translate_command(
    files: Annotated[list[Path], typer.Argument(help="Release files (.txt, .html, .md).")],
    src: Annotated[str, typer.Option("--from", "-f", help="Source language.")] = "fr",
    tgt: Annotated[list[str] | None, typer.Option("--to", "-t", help="Target language (repeat).")] = None,
    engine: Annotated[str, typer.Option(help="Engine: apertium, argos, pseudo…")] = DEFAULT_ENGINE,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output tree.")] = Path("locales"),
    formats: Annotated[list[str] | None, typer.Option(
        "--format", help="po, xliff (1.2, .xlf), xliff2 (2.1, .xliff); default: po and xliff."
    )] = None,
    glossary: Annotated[Path | None, typer.Option(
        help="Glossary file or folder, added to the shipped glossary (its concepts win).")] = None,
    replace_glossary: Annotated[bool, typer.Option(
        "--replace-glossary", help="Use only --glossary, without the shipped glossary.")] = False,
    no_glossary: Annotated[bool, typer.Option("--no-glossary", help="Translate without a glossary.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    memory: Annotated[Path | None, typer.Option(
        "--memory", dir_okay=False,
        help="Translation memory to reuse before MT (default: OUT/.toolkit/memory.sqlite "
             "when it exists).")] = None,
    no_language_check: Annotated[bool, typer.Option(
        "--no-language-check", help="Translate even a release that reads as another language "
                                    "than --from.")] = False,
) -> None:
    """Translate releases into reviewable PO and XLIFF drafts under OUT/<lang>/."""
    source = Lang.parse(src)
    targets = [Lang.parse(t) for t in (tgt or ["en"])]
    fmts = list(dict.fromkeys(formats or DEFAULT_FORMATS))
    for f in fmts:
        if f not in OUTPUT_FORMATS:
            raise typer.BadParameter(f"unknown format {f!r}; use po, xliff or xliff2")
    # Check everything before writing anything: a bad file or pair aborts the run clean.
    docs = load_many(files, lang=None if no_language_check else source)
    _refuse_name_clash(docs)
    eng = build(engine, glossary=False if no_glossary else glossary,
                replace_glossary=replace_glossary)
    from ..memory import default_path

    tm_path = memory if memory is not None else default_path(out)
    if memory is not None or tm_path.is_file():
        eng = with_memory(eng, tm_path)
    reason = eng.unavailable()
    if reason:
        raise EngineError(reason, engine=engine)
    for t in targets:
        eng.route(source, t)
    # Catalogues from an earlier run are read (and checked) before anything is written.
    previous = {(t, doc.name): load_previous(out, source, t, doc.name)
                for t in targets for doc in docs}
    for doc in docs:
        if doc.encoding != "utf-8":
            typer.echo(f"warning: {doc.path}: not UTF-8; read as {doc.encoding}", err=True)
    now = datetime.now(UTC).replace(microsecond=0)
    tool = f"toolkit {__version__}"
    show = not quiet and sys.stderr.isatty() and len(docs) * len(targets) > 1
    units = 0
    written: list[Path] = []
    for t in targets:
        for doc in docs:
            if show:
                typer.echo(f"  {doc.name} → {t.code} …", err=True)
            prev = previous[(t, doc.name)]
            cat, merged = translate_update(doc, eng, source, t, prev)
            units += len(cat.segments)
            if merged is not None and not quiet:
                typer.echo(f"Updated {doc.name} → {t.code}: {merged.summary()}", err=True)
            extra = [] if formats else [  # keep an existing XLIFF 2.1 copy in step
                f for f in existing_catalogues(out, t, doc.name) if f not in fmts]
            for f in fmts + extra:
                path = catalogue_path(out, t, doc.name, f)
                write_file(cat, path, now=now, tool=tool, fmt=f)
                written.append(path)
    if not quiet:
        typer.echo(
            f"Translated {len(docs)} file(s) into {', '.join(t.code for t in targets)}: "
            f"{units} units, {len(written)} catalogues written under {out}/",
            err=True,
        )


def _refuse_name_clash(docs: list) -> None:
    """Two inputs with one release name would write the same catalogues."""
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.name in seen and seen[doc.name] != doc.path:
            raise ConflictError(
                f"two releases named {doc.name!r} ({seen[doc.name]} and {doc.path}) would write "
                "the same catalogues", path=doc.path,
                hint="translate them in separate runs with different --out, or rename one")
        seen[doc.name] = doc.path
