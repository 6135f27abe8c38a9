"""``toolkit models``: list, install and remove Argos translation packages.

Installing from a file works offline. ``install --from-index`` is the only
command of the toolkit that goes to the network, and it says so first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..engines import packages
from .errors import ErrorHandlingGroup

# Its own error group, so the sub-app run on its own (as the tests do) maps errors as the root does.
app = typer.Typer(help="Manage Argos translation models (offline packages).", no_args_is_help=True,
                  cls=ErrorHandlingGroup)

DirOption = Annotated[
    Path | None,
    typer.Option(
        "--dir",
        help="Models directory (default: $TOOLKIT_MODELS_DIR or ~/.local/share/toolkit/models).",
        file_okay=False,
    ),
]


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


@app.command("list")
def list_(
    dir: DirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List installed packages: name, languages, version, size and SHA-256 of model.bin."""
    dirs = packages.search_dirs(dir)
    found = packages.discover(dirs)
    rows = [
        {
            "name": p.path.name,
            "from": p.from_code,
            "to": p.to_code,
            "version": p.version,
            "size": p.size(),
            "sha256": p.sha256(),
            "path": str(p.path),
        }
        for p in found
    ]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no models installed (looked in " + ", ".join(map(str, dirs)) + ")")
        typer.echo("install one with: toolkit models install FILE.argosmodel")
        return
    header = ("NAME", "PAIR", "VERSION", "SIZE", "SHA256", "PATH")
    table = [header] + [
        (r["name"], f"{r['from']}→{r['to']}", r["version"], _size(r["size"]),
         r["sha256"][:16], r["path"])
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        cells = [cell.ljust(w) for cell, w in zip(row, widths, strict=False)]
        typer.echo("  ".join([*cells, row[-1]]))


@app.command()
def install(
    args: Annotated[
        list[str],
        typer.Argument(help="FILE.argosmodel, or SRC TGT with --from-index.", show_default=False),
    ],
    from_index: Annotated[
        bool, typer.Option("--from-index", help="Download SRC→TGT from the Argos index (network).")
    ] = False,
    dir: DirOption = None,
) -> None:
    """Install a .argosmodel file (verified first), or download one with --from-index."""
    target = dir if dir is not None else packages.toolkit_models_dir()
    if from_index:
        if len(args) != 2:
            typer.echo("error: --from-index takes two language codes, e.g. fr en", err=True)
            raise typer.Exit(2)
        from ..langs import Lang

        src, tgt = (Lang.parse(code).iso639_1 for code in args)
        pkg = packages.install_from_index(
            src, tgt, target, announce=lambda msg: typer.echo(f"note: {msg}", err=True)
        )
    else:
        if len(args) != 1:
            typer.echo("error: give one FILE.argosmodel (or --from-index SRC TGT)", err=True)
            raise typer.Exit(2)
        pkg = packages.install_archive(Path(args[0]), target)
    typer.echo(
        f"installed {pkg.path.name} ({pkg.from_code}→{pkg.to_code} {pkg.version}) "
        f"sha256:{pkg.sha256()[:16]} in {pkg.path.parent}"
    )


@app.command()
def remove(
    name: Annotated[str, typer.Argument(help="Package directory name, or a pair such as fr-en.")],
    dir: DirOption = None,
) -> None:
    """Remove an installed package."""
    path = packages.remove(name, packages.search_dirs(dir))
    typer.echo(f"removed {path}")
