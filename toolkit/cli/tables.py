"""Tables: drawn with rich on a terminal, plain aligned columns when piped.

A person at a terminal gets a ruled table; a script or `grep` reading a pipe
gets one line per row with no box characters (the same text, in columns).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer


def plain(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns separated by two spaces; the first left-aligned, the others right-aligned."""
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    return "\n".join("  ".join(x.ljust(w) if i == 0 else x.rjust(w)
                               for i, (x, w) in enumerate(zip(line, widths))).rstrip()
                     for line in [head, *rows])


def ruled(head: Sequence[str], rows: Sequence[Sequence[str]], *, width: int = 120) -> str:
    """The rich table a terminal shows."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*head, header_style="bold")
    for i, col in enumerate(table.columns):  # numbers right-aligned, text left
        if i and rows and all(row[i].replace(".", "").isdigit() for row in rows):
            col.justify = "right"
    for row in rows:
        table.add_row(*row)
    console = Console(width=width, force_terminal=True, color_system=None)
    with console.capture() as cap:
        console.print(table)
    return cap.get().rstrip("\n")


def echo_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    if sys.stdout.isatty():
        from shutil import get_terminal_size

        typer.echo(ruled(head, rows, width=get_terminal_size().columns))
    else:
        typer.echo(plain(head, rows))
