"""`toolkit engines`: which engines can run here, for which pairs, and why not."""

from __future__ import annotations

from typing import Annotated

import typer

from ..engines import registry
from ..errors import ToolkitError
from ..langs import Lang
from . import jsonout
from .jsonout import JsonOpt


def engines_command(
    src: Annotated[str | None, typer.Option("--from", "-f", help="Only routes from this language.")] = None,
    tgt: Annotated[str | None, typer.Option("--to", "-t", help="Only routes to this language.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List translation engines, their language pairs and routes, or why they are unavailable."""
    jsonout.start(as_json)
    want_src = Lang.parse(src).code if src else None
    want_tgt = Lang.parse(tgt).code if tgt else None
    rows = [_engine(name, want_src, want_tgt) for name in registry.names()]
    if as_json:
        jsonout.emit(rows)
        return
    for row in rows:
        name = row["engine"]
        if row["unavailable"]:
            typer.echo(f"{name}: unavailable — {row['unavailable']}")
        elif row["any_pair"]:
            typer.echo(f"{name}: available for any pair (no real translation)")
        else:
            typer.echo(f"{name}: {len(row['pairs'])} pair(s)")
            for p in row["pairs"]:
                route = " | ".join(p["route"]) if p["route"] else f"(no route: {p['error']})"
                typer.echo(f"  {p['from']}→{p['to']}  {route}")


def _engine(name: str, want_src: str | None, want_tgt: str | None) -> dict:
    engine = registry.create(name)
    row: dict = {"engine": name, "unavailable": engine.unavailable() or None,
                 "any_pair": False, "pairs": []}
    if row["unavailable"]:
        return row
    if not engine.pairs():
        row["any_pair"] = True
        return row
    for a, b in engine.pairs():
        if want_src not in (None, a) or want_tgt not in (None, b):
            continue
        try:
            route, error = list(engine.route(Lang.parse(a), Lang.parse(b))), None
        except ToolkitError as exc:
            route, error = [], str(exc)
        row["pairs"].append({"from": a, "to": b, "route": route, "error": error})
    return row
