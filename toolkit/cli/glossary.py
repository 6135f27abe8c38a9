"""``toolkit glossary``: list, edit, import, export and check against the domain glossary."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import GlossaryError, InputError
from ..fileio import unique_paths
from ..glossary import (
    Concept,
    Glossary,
    Term,
    dumps,
    editable_file,
    load,
    load_layered,
    save,
)
from ..glossary.csvio import ARTICLES
from ..glossary.model import ADMITTED, DEPRECATED, PREFERRED, guess_type
from ..langs import Lang
from ..qa.terms import check_terms
from . import jsonout
from .jsonout import JsonOpt

app = typer.Typer(help="Domain glossary: list, add, remove, import, export, check.",
                  no_args_is_help=True)

GlossaryOption = Annotated[
    Path | None,
    typer.Option("--glossary", "-g",
                 help="Glossary file or directory, on top of the shipped, user and project "
                      "glossaries; add/edit/remove/import write into this file when given."),
]


class Scope(StrEnum):
    project = "project"
    user = "user"


ScopeOption = Annotated[
    Scope | None,
    typer.Option("--scope", help="Write to the project's glossaries/glossary.tbx or the user's "
                                 "own glossary (default: project when ./glossaries/ exists)."),
]


def _read(path: Path | None) -> Glossary:
    return load_layered(path)


def _target_file(path: Path | None, scope: Scope | None = None) -> Path:
    target = path if path is not None else editable_file(scope.value if scope else None)
    if target.is_dir():
        raise GlossaryError("a directory cannot be edited; give a glossary file", path=target,
                            hint="--glossary FILE.tbx|.csv|.tsv")
    return target


def _read_target(path: Path) -> Glossary:
    return load(path) if path.exists() else Glossary(name=path.stem)


def _line(c: Concept) -> str:
    def terms(lang: str, status: str) -> str:
        return " | ".join(t.text for t in c.in_lang(lang) if t.status == status)

    parts = [f"{c.id} [{c.domain}]" if c.domain else c.id,
             "fr: " + " | ".join(t.text for t in c.approved("fr")),
             "en: " + terms("en", PREFERRED)]
    if terms("en", ADMITTED):
        parts.append("also: " + terms("en", ADMITTED))
    if terms("en", DEPRECATED):
        parts.append("not: " + terms("en", DEPRECATED))
    if c.in_lang("es"):
        parts.append("es: " + " | ".join(t.text for t in c.approved("es")))
    return "  ".join(parts)


@app.command("list")
def list_command(
    search: Annotated[str | None, typer.Option("--search", "-s",
                                               help="Only concepts mentioning WORD.")] = None,
    glossary: GlossaryOption = None,
    as_json: JsonOpt = False,
) -> None:
    """List concepts: French terms, preferred English, accepted and forbidden renderings."""
    jsonout.start(as_json)
    g = _read(glossary)
    concepts = g.search(search) if search else list(g)
    if as_json:
        from dataclasses import asdict

        jsonout.emit([asdict(c) for c in concepts])
    else:
        for c in concepts:
            typer.echo(_line(c))
    typer.echo(f"{len(concepts)} of {len(g)} concepts", err=True)


def editing(target: Path):  # noqa: ANN201 - a context manager
    """The lock of the glossary file's folder (:mod:`toolkit.treelock`), so two edits at once
    both land instead of the second overwriting the first."""
    from ..treelock import tree_lock

    return tree_lock(target.parent, what="toolkit glossary",
                     notify=lambda m: typer.echo(f"note: {m}", err=True))


@app.command("add")
def add_command(
    concept_id: Annotated[str, typer.Argument(help="New concept id, e.g. border-post.")],
    fr: Annotated[list[str], typer.Option("--fr", help="French term (repeatable).")],
    en: Annotated[list[str], typer.Option("--en", help="Preferred English term(s).")],
    en_variant: Annotated[list[str] | None, typer.Option(
        "--en-variant", help="Accepted English rendering (repeatable).")] = None,
    en_forbidden: Annotated[list[str] | None, typer.Option(
        "--en-forbidden", help="Forbidden English rendering (repeatable).")] = None,
    es: Annotated[list[str] | None, typer.Option("--es", help="Spanish term (repeatable).")] = None,
    domain: Annotated[str, typer.Option(help="Subject field.")] = "",
    note: Annotated[str, typer.Option(help="Note for translators.")] = "",
    article: Annotated[str, typer.Option(
        help="English article: '' keep, 'none' never, 'short' not before the acronym.")] = "",
    glossary: GlossaryOption = None,
    scope: ScopeOption = None,
) -> None:
    """Add a concept with its French, English and Spanish terms."""
    if article not in ARTICLES:
        raise typer.BadParameter(f"--article must be one of {ARTICLES}")  # a usage error: exit 2
    terms = [Term(t, "fr", PREFERRED, guess_type(t)) for t in fr]
    terms += [Term(t, "en", PREFERRED, guess_type(t)) for t in en]
    terms += [Term(t, "en", ADMITTED, guess_type(t)) for t in en_variant or []]
    terms += [Term(t, "en", DEPRECATED, guess_type(t)) for t in en_forbidden or []]
    terms += [Term(t, "es", PREFERRED, guess_type(t)) for t in es or []]
    target = _target_file(glossary, scope)
    with editing(target):  # read–change–write of the file, one run at a time
        g = _read_target(target).add(
            Concept(concept_id, tuple(terms), domain=domain, note=note, article=article))
        save(g, target)
    typer.echo(f"added {concept_id} to {target} ({len(g)} concepts)")


@app.command("edit")
def edit_command(
    concept_id: Annotated[str, typer.Argument(help="Id of the concept to change.")],
    fr: Annotated[list[str] | None, typer.Option(
        "--fr", help="French terms (repeatable; replace the French terms).")] = None,
    en: Annotated[list[str] | None, typer.Option(
        "--en", help="Preferred English terms (replace them).")] = None,
    en_variant: Annotated[list[str] | None, typer.Option(
        "--en-variant", help="Accepted English renderings (replace them).")] = None,
    en_forbidden: Annotated[list[str] | None, typer.Option(
        "--en-forbidden", help="Forbidden English renderings (replace them).")] = None,
    es: Annotated[list[str] | None, typer.Option(
        "--es", help="Spanish terms (replace them).")] = None,
    domain: Annotated[str | None, typer.Option(help="Subject field.")] = None,
    note: Annotated[str | None, typer.Option(help="Note for translators.")] = None,
    article: Annotated[str | None, typer.Option(
        help="English article: '' keep, 'none' never, 'short' not before the acronym.")] = None,
    glossary: GlossaryOption = None,
    scope: ScopeOption = None,
) -> None:
    """Change a concept; a shipped concept is copied, changed, into the editable file."""
    from dataclasses import replace

    if article is not None and article not in ARTICLES:
        raise typer.BadParameter(f"--article must be one of {ARTICLES}")  # a usage error: exit 2
    target = _target_file(glossary, scope)
    with editing(target):  # read–change–write of the file, one run at a time
        own = _read_target(target)
        concept = own.get(concept_id) if concept_id in own else load_layered(glossary).get(concept_id)
        given = {("fr", PREFERRED): fr, ("en", PREFERRED): en, ("en", ADMITTED): en_variant,
                 ("en", DEPRECATED): en_forbidden, ("es", PREFERRED): es}
        if all(v is None for v in given.values()) and domain is note is article is None:
            raise typer.BadParameter("nothing to change: give at least one term or field option")
        terms = list(concept.terms)
        for (lang, status), texts in given.items():
            if texts is None:
                continue
            # Spanish and French replace every term of the language; English by status, so that
            # `--en` keeps the accepted and forbidden lists.
            # A text moves from one status to another rather than being listed twice.
            terms = [t for t in terms if t.lang != lang or (lang == "en" and t.status != status
                                                            and t.text not in texts)]
            terms += [Term(x, lang, status, guess_type(x)) for x in texts]
        if not any(t.lang == "fr" for t in terms):
            raise GlossaryError("a concept needs at least one French term", term=concept_id)
        changed = replace(concept, terms=tuple(terms),
                          domain=concept.domain if domain is None else domain,
                          note=concept.note if note is None else note,
                          article=concept.article if article is None else article)
        g = own.merge(Glossary(name=own.name, concepts=(changed,)))
        save(g, target)
    typer.echo(f"changed {concept_id} in {target} ({len(g)} concepts)")


@app.command("remove")
def remove_command(
    concept_id: Annotated[str, typer.Argument(help="Id of the concept to remove.")],
    glossary: GlossaryOption = None,
    scope: ScopeOption = None,
) -> None:
    """Remove a concept by id from the editable glossary file."""
    target = _target_file(glossary, scope)
    with editing(target):  # read–change–write of the file, one run at a time
        own = _read_target(target)
        if concept_id not in own and concept_id in load_layered(glossary):
            raise GlossaryError(f"concept {concept_id!r} is not in {target}: it comes from a "
                                "shipped or lower-level glossary", term=concept_id,
                                hint="change it with `toolkit glossary edit`, or deprecate its "
                                     "renderings there")
        g = own.remove(concept_id)
        save(g, target)
    typer.echo(f"removed {concept_id} from {target} ({len(g)} concepts)")


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="TBX, CSV or TSV file to merge in.")],
    glossary: GlossaryOption = None,
    scope: ScopeOption = None,
) -> None:
    """Merge a TBX/CSV/TSV file into the editable glossary file; same ids are replaced."""
    incoming = load(file)
    target = _target_file(glossary, scope)
    with editing(target):  # read–change–write of the file, one run at a time
        before = _read_target(target)
        replaced = sum(1 for c in incoming if c.id in before)
        g = before.merge(incoming)
        save(g, target)
    typer.echo(f"imported {len(incoming)} concepts into {target} "
               f"({len(incoming) - replaced} new, {replaced} replaced; {len(g)} in all)")


class GlossaryFormat(StrEnum):
    """Formats `glossary export` writes."""

    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"


@app.command("export")
def export_command(
    # A choice, so an unknown format is a usage error (exit 2) like `translate --format`.
    format: Annotated[GlossaryFormat, typer.Option("--format", "-f", help="tbx, csv or tsv.")
                      ] = GlossaryFormat.tbx,
    out: Annotated[Path | None, typer.Option("--out", "-o",
                                             help="Output file (default: stdout).")] = None,
    glossary: GlossaryOption = None,
) -> None:
    """Export the glossary as TBX-Basic, CSV or TSV."""
    g = _read(glossary)
    if out is None:
        sys.stdout.buffer.write(dumps(g, format.value))
        sys.stdout.flush()
    else:
        save(g, out, format.value)
        typer.echo(f"wrote {len(g)} concepts to {out}", err=True)


def _units(path: Path) -> tuple[list[tuple[str, str, str]], str, str]:
    """(unit id, source, target) of every translated unit, and the file's languages."""
    from ..formats import read_file

    if not path.is_file():
        raise InputError("no such file", path=path)
    cat = read_file(path)
    units = [(s.id, s.source, s.target) for s in cat.segments if s.target]
    return units, cat.src, cat.tgt


@app.command("check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help="PO or XLIFF files with translations.")],
    src: Annotated[str | None, typer.Option(
        "--from", "-f", "--src", help="Source language (default: from each file, else fr).")]
    = None,
    tgt: Annotated[str | None, typer.Option(
        "--to", "-t", "--tgt", help="Target language (default: from each file, else en).")]
    = None,
    glossary: GlossaryOption = None,
    as_json: JsonOpt = False,
) -> None:
    """Check translations against the glossary; exit 1 when a term error is found.

    `--from`/`--to` as in every other command; `--src`/`--tgt` are the older names.
    """
    jsonout.start(as_json)
    g = _read(glossary)
    read = [(file, *_units(file)) for file in unique_paths(files)]  # all parse first
    errors = warnings = total = 0
    findings: list[dict] = []
    for file, units, file_src, file_tgt in read:
        s = Lang.parse(src or file_src or "fr").iso639_1
        t = Lang.parse(tgt or file_tgt or "en").iso639_1
        total += len(units)
        for ref, source, target in units:
            for issue in check_terms(source, target, g, s, t, segment_id=ref):
                errors += issue.severity == "error"
                warnings += issue.severity == "warning"
                findings.append({"file": str(file), "unit": ref, "severity": issue.severity,
                                 "check": issue.code, "message": issue.message,
                                 "from": s, "to": t})
                if not as_json:
                    typer.echo(f"{file}:{ref}: {issue.severity}: {issue.code}: {issue.message}")
    if as_json:
        jsonout.emit({"units": total, "errors": errors, "warnings": warnings,
                      "findings": findings})
    typer.echo(f"{total} units checked: {errors} errors, {warnings} warnings", err=True)
    if errors:
        raise typer.Exit(1)
