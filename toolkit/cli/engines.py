"""`toolkit engines`: which engines can run here, for which pairs, and why not."""

from __future__ import annotations

from typing import Annotated

import typer

from ..engines import registry
from ..errors import ToolkitError
from ..langs import Lang


def engines_command(
    src: Annotated[str | None, typer.Option("--from", "-f", help="Only routes from this language.")] = None,
    tgt: Annotated[str | None, typer.Option("--to", "-t", help="Only routes to this language.")] = None,
) -> None:
    """List translation engines, their language pairs and routes, or why they are unavailable."""
    want_src = Lang.parse(src).code if src else None
    want_tgt = Lang.parse(tgt).code if tgt else None
    for name in registry.names():
        engine = registry.create(name)
        reason = engine.unavailable()
        if reason:
            typer.echo(f"{name}: unavailable — {reason}")
            continue
        pairs = [(a, b) for a, b in engine.pairs()
                 if (want_src in (None, a)) and (want_tgt in (None, b))]
        if not engine.pairs():
            typer.echo(f"{name}: available for any pair (no real translation)")
            continue
        typer.echo(f"{name}: {len(pairs)} pair(s)")
        for a, b in pairs:
            try:
                route = " | ".join(engine.route(Lang.parse(a), Lang.parse(b)))
            except ToolkitError as exc:
                route = f"(no route: {exc})"
            typer.echo(f"  {a}→{b}  {route}")
