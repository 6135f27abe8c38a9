"""``toolkit memory``: import, export, inspect and query the translation memory."""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..errors import ParseError
from ..fileio import write_bytes_atomic
from ..langs import Lang
from ..memory import DEFAULT_THRESHOLD, Memory, Unit, default_path, units_of

app = typer.Typer(help="Translation memory: import, export, stats, lookup.",
                  no_args_is_help=True)

MemoryOption = Annotated[
    Path | None,
    typer.Option("--memory", "-m", dir_okay=False,
                 help="Memory file (default: locales/.toolkit/memory.sqlite)."),
]


def memory_path(memory: Path | None, out: Path = Path("locales")) -> Path:
    """The memory file a command uses: ``--memory`` or the project default under OUT."""
    return memory if memory is not None else default_path(out)


def _units_from(path: Path) -> tuple[list[Unit], int]:
    """Importable units of one file, and how many units it held in total."""
    if path.suffix.lower() == ".tmx":
        from ..formats.tmx import read_pairs

        if not path.is_file():
            raise ParseError("no such file", path=path)
        with path.open("rb") as fp:
            pairs = read_pairs(fp, path=str(path))
        segs = [s for _, _, s in pairs]
        return units_of(segs, file=""), len(segs)
    from ..formats import read_file

    cat = read_file(path)
    return units_of(cat.segments, file=path.name), len(cat.segments)


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="TMX, PO or XLIFF files.")],
    memory: MemoryOption = None,
) -> None:
    """Add human or approved units (translated, reviewed, final) to the memory.

    Drafts (machine output, fuzzy entries) are skipped: the memory only
    remembers what a person wrote or confirmed.
    """
    loaded = [(f, *_units_from(f)) for f in files]  # parse everything before writing
    with Memory(memory_path(memory)) as tm:
        for f, units, total in loaded:
            new = tm.add(units)
            typer.echo(f"{f}: {total} units, {len(units)} importable, {new} new", err=True)


class MemoryFormat(StrEnum):
    """Formats `memory export` writes."""

    tmx = "tmx"


@app.command("export")
def export(
    fmt: Annotated[MemoryFormat, typer.Option("--format", help="Export format (tmx).")
                   ] = MemoryFormat.tmx,
    out: Annotated[Path | None,
                   typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
    memory: MemoryOption = None,
) -> None:
    """Export the whole memory as TMX 1.4b."""
    from ..formats.tmx import write_units

    with Memory(memory_path(memory), create=False) as tm:
        units = list(tm.units())
    src = Counter(u.src for u in units).most_common(1)
    buf = io.BytesIO()
    write_units(units, buf, now=datetime.now(UTC).replace(microsecond=0),
                tool=f"toolkit {__version__}", srclang=src[0][0] if src else "fr")
    if out is None:
        sys.stdout.buffer.write(buf.getvalue())
        sys.stdout.flush()
    else:
        write_bytes_atomic(out, buf.getvalue())
        typer.echo(f"exported {len(units)} units to {out}", err=True)


@app.command("stats")
def stats(
    memory: MemoryOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Units per language pair, state and origin."""
    with Memory(memory_path(memory), create=False) as tm:
        info = tm.stats()
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{info['path']}: {info['units']} units, {info['bytes']} bytes")
    for title in ("pairs", "states", "origins"):
        row = ", ".join(f"{k} {v}" for k, v in info[title].items())  # type: ignore[attr-defined]
        typer.echo(f"  {title}: {row or '-'}")


@app.command("lookup")
def lookup(
    phrase: Annotated[str, typer.Argument(help="Source sentence to look up.")],
    src: Annotated[str, typer.Option("--from", "-f", help="Source language.")] = "fr",
    tgt: Annotated[str, typer.Option("--to", "-t", help="Target language.")] = "en",
    threshold: Annotated[float, typer.Option(help="Lowest fuzzy score shown.")] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(help="Most matches shown.")] = 5,
    memory: MemoryOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Exact and fuzzy matches for a phrase, best first."""
    s, t = Lang.parse(src), Lang.parse(tgt)
    with Memory(memory_path(memory), create=False) as tm:
        found = tm.lookup(phrase, s, t, threshold=threshold, limit=limit)
    if as_json:
        rows = [{"score": m.score, "origin": m.origin, "source": m.unit.source,
                 "target": m.unit.target, "file": m.unit.file, "state": m.unit.state}
                for m in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(f"no match at or above {threshold:g}%")
        raise typer.Exit(1)
    for m in found:
        where = f" [{m.unit.file}]" if m.unit.file else ""
        typer.echo(f"{m.score:5.1f}%  {m.unit.source}\n        → {m.unit.target}{where}")
