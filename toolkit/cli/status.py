"""`toolkit status`: how far review has come, catalogue by catalogue (like pocount)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ..fileio import unique_paths
from ..locales import catalogue_groups, read_current
from ..model import State
from . import jsonout
from .jsonout import JsonOpt
from .tables import echo_table

_COLUMNS = (State.UNTRANSLATED, State.DRAFT, State.TRANSLATED, State.REVIEWED, State.FINAL)


def status_command(
    paths: Annotated[list[Path] | None, typer.Argument(help="Catalogues or folders.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Count units by review state in each catalogue and say which can be published."""
    jsonout.start(as_json)
    groups: list[list[Path]] = []
    for p in unique_paths(paths or [Path("locales")]):
        if not p.exists():
            raise InputError("no such file or folder", path=p,
                             hint="run `toolkit translate` first, or name a catalogue tree"
                             if not paths else None)
        groups.extend(catalogue_groups(p) if p.is_dir() else [[p]])
    rows = []
    for group in groups:
        # Copies are counted once, merged as translate and import see them.
        cat, path = read_current(group), group[0]
        counts = Counter(s.state for s in cat.segments)
        rows.append({"file": str(path), "release": cat.name, "language": cat.tgt,
                     "units": len(cat.segments), "obsolete": len(cat.obsolete),
                     **{s.value: counts.get(s, 0) for s in _COLUMNS},
                     "publishable": counts.get(State.UNTRANSLATED, 0) + counts.get(State.DRAFT, 0) == 0})
    if as_json:
        jsonout.emit(rows)
        return
    if not rows:
        typer.echo("no catalogues found")
        return
    head = ["file", "units"] + [s.value for s in _COLUMNS] + ["ready"]
    table = [[r["file"], str(r["units"])] + [str(r[s.value]) for s in _COLUMNS]
             + ["yes" if r["publishable"] else "no"] for r in rows]
    echo_table(head, table)
