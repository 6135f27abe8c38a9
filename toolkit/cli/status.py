"""`toolkit status`: how far review has come, catalogue by catalogue (like pocount)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from ..formats import read_file
from ..locales import is_catalogue
from ..model import State

_COLUMNS = (State.UNTRANSLATED, State.DRAFT, State.TRANSLATED, State.REVIEWED, State.FINAL)


def catalogue_paths(root: Path) -> list[Path]:
    """PO and XLIFF 1.2 catalogues under ``root``: the .po when both exist, to count once."""
    found: dict[Path, Path] = {}
    for path in sorted(root.rglob("*")):
        if is_catalogue(path):
            key = path.with_suffix("")
            if key not in found or path.suffix == ".po":
                found[key] = path
    return sorted(found.values())


def status_command(
    paths: Annotated[list[Path] | None, typer.Argument(help="Catalogues or folders.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Count units by review state in each catalogue and say which can be published."""
    files: list[Path] = []
    for p in paths or [Path("locales")]:
        files.extend(catalogue_paths(p) if p.is_dir() else [p])
    rows = []
    for path in files:
        cat = read_file(path)
        counts = Counter(s.state for s in cat.segments)
        rows.append({"file": str(path), "release": cat.name, "language": cat.tgt,
                     "units": len(cat.segments), "obsolete": len(cat.obsolete),
                     **{s.value: counts.get(s, 0) for s in _COLUMNS},
                     "publishable": counts.get(State.UNTRANSLATED, 0) + counts.get(State.DRAFT, 0) == 0})
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo("no catalogues found")
        return
    head = ["file", "units"] + [s.value for s in _COLUMNS] + ["ready"]
    table = [[r["file"], str(r["units"])] + [str(r[s.value]) for s in _COLUMNS]
             + ["yes" if r["publishable"] else "no"] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *table)]
    for line in [head, *table]:
        typer.echo("  ".join(x.ljust(w) if i == 0 else x.rjust(w)
                             for i, (x, w) in enumerate(zip(line, widths))).rstrip())
