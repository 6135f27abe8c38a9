"""``toolkit qa``: check translated catalogues, report issues, optionally annotate the files."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import asdict, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..fileio import unique_paths
from ..formats import read_file, write_file
from ..locales import tree_of
from ..model import Catalogue, Note, NoteOrigin
from ..qa.issue import Issue
from ..qa.run import listing, names, run_checks
from ..treelock import lock_trees
from . import jsonout
from .jsonout import JsonOpt
from .translate import WaitOpt

QA_PREFIX = "qa: "


def _glossary(path: Path | None, off: bool) -> object | None:
    from ..glossary import load_option

    return load_option(path, off=off)


def annotate(cat: Catalogue, issues: list[Issue]) -> Catalogue:
    """``cat`` with each unit's QA notes replaced by its current issues.

    Stale QA notes (from an earlier run) are removed, and so are translator
    comments that a foreign tool made of them (they keep the ``qa:`` text).
    """
    by_id: dict[str, list[Note]] = {}
    for i in issues:
        by_id.setdefault(i.segment_id, []).append(
            Note(f"{i.severity} {i.code}: {i.message}", NoteOrigin.QA))
    segs = []
    for seg in cat.segments:
        notes = tuple(n for n in seg.notes if n.origin != NoteOrigin.QA)
        comments = tuple(c for c in seg.comments if not c.startswith(QA_PREFIX))
        segs.append(replace(seg, notes=notes + tuple(by_id.get(seg.id, ())), comments=comments))
    return replace(cat, segments=tuple(segs))


def _table(rows: list[tuple[str, Issue]]) -> str:
    lines = []
    for where, i in rows:
        lines.append(f"{where}\t{i.severity}\t{i.code}\t{i.message}")
    return "\n".join(lines)


class QaFormat(StrEnum):
    """How `qa` prints its findings."""

    table = "table"
    json = "json"


def qa_command(
    files: Annotated[list[Path] | None, typer.Argument(help="PO, XLIFF or TMX catalogues.")] = None,
    fmt: Annotated[QaFormat, typer.Option("--format", help="table or json.")] = QaFormat.table,
    write: Annotated[bool, typer.Option("--write", help="Write issues into the files as "
                                        "qa: notes (stale ones removed).")] = False,
    consistency: Annotated[bool, typer.Option("--consistency", help="Report how concepts and "
                                              "recurring phrases were rendered across FILES.")] = False,
    glossary: Annotated[Path | None, typer.Option(help="Glossary file (default: shipped).")] = None,
    no_glossary: Annotated[bool, typer.Option("--no-glossary", help="Skip glossary checks.")] = False,
    check: Annotated[list[str] | None, typer.Option("--check", help="Run only this check "
                                                    "(repeat; see --list).")] = None,
    skip: Annotated[list[str] | None, typer.Option("--skip", help="Do not run this check "
                                                   "(repeat).")] = None,
    show: Annotated[bool, typer.Option("--list", help="List the checks: name, category, "
                                       "description.")] = False,
    wait: WaitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Check translations: numbers, spans, terms, acronyms, markers, typography.

    Exits with 1 when any error-level issue is found. `--json` is `--format json`.
    """
    jsonout.start(as_json or fmt == "json")
    fmt = "json" if as_json else fmt.value
    if show:
        rows = listing()
        if fmt == "json":
            typer.echo(json.dumps([{"name": n, "category": c, "description": d} for n, c, d in rows],
                                  indent=2))
        else:
            typer.echo("\n".join(f"{n:16} {c:10} {d}" for n, c, d in rows))
        return
    if not files:
        raise typer.BadParameter("give one or more catalogues (or --list)")
    files = unique_paths(files)
    for name in (*(check or ()), *(skip or ())):
        if name not in names():
            raise typer.BadParameter(f"unknown check {name!r}; see toolkit qa --list")
    gloss = _glossary(glossary, no_glossary)
    cats = [(f, read_file(f)) for f in files]  # every file parses before anything is written
    if consistency:
        _consistency(cats, gloss, fmt)
        return
    rows: list[tuple[str, Issue]] = []
    now = datetime.now(UTC).replace(microsecond=0)
    trees = [tree_of(f, c.tgt) for f, c in cats] if write else []
    with lock_trees(trees, wait=wait, what="toolkit qa --write",
                    notify=lambda m: typer.echo(f"note: {m}", err=True)):
        if write:  # read again under the lock, so no one's newer save is overwritten
            cats = [(f, read_file(f)) for f in files]
        for path, cat in cats:
            issues = run_checks(cat.segments, gloss, only=check or (), skip=skip or ())
            refs = {s.id: s.ref or s.id for s in cat.segments}
            rows += [(f"{path}:{refs.get(i.segment_id, i.segment_id)}", i) for i in issues]
            if write:
                write_file(annotate(cat, issues), path, now=now, tool=f"toolkit {__version__}")
    errors = sum(1 for _, i in rows if i.severity == "error")
    if fmt == "json":
        data = [{"file": where.split(":", 1)[0], "where": where, **asdict(i)} for where, i in rows]
        for d in data:
            d["span"] = [d["span"]["start"], d["span"]["end"]] if d["span"] else None
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif rows:
        if sys.stdout.isatty():  # a person: a ruled table; a pipe: tab-separated lines for grep
            from .tables import ruled

            typer.echo(ruled(["where", "severity", "check", "message"],
                             [[w, i.severity, i.code, i.message] for w, i in rows],
                             width=shutil.get_terminal_size().columns))
        else:
            typer.echo(_table(rows))
    units = sum(len(c.segments) for _, c in cats)
    typer.echo(f"{units} units, {errors} errors, {len(rows) - errors} warnings", err=True)
    if errors:
        raise typer.Exit(1)


def _consistency(cats: list[tuple[Path, Catalogue]], gloss: object | None, fmt: str) -> None:
    from ..qa.consistency import consistency

    units = [(f"{p.name}:{s.id}", s) for p, c in cats for s in c.segments]
    entries = consistency(units, gloss)
    if fmt == "json":
        typer.echo(json.dumps([{"kind": e.kind, "key": e.key, "consistent": e.consistent,
                                "renderings": [asdict(r) for r in e.renderings]}
                               for e in entries], ensure_ascii=False, indent=2))
        return
    shown = [e for e in entries if e.kind == "concept" or not e.consistent]
    # a phrase is shown for its aligned renderings; unaligned units are counted, not listed
    for e in shown:
        mark = " " if e.consistent else "!"
        typer.echo(f"{mark} {e.kind} «{e.key}»")
        for r in e.renderings:
            where = ", ".join(r.where[:4]) + (" …" if len(r.where) > 4 else "")
            typer.echo(f"    {r.count:3d}× {r.text}   [{where}]")
    bad = sum(1 for e in entries if not e.consistent)
    typer.echo(f"{len(entries)} concepts/phrases, {bad} with several renderings", err=True)
