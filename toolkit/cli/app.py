"""The `toolkit` command: a thin layer over the library, one sub-app per noun."""

from __future__ import annotations

from typing import Annotated

import typer

from .align import align_command
from .engines import engines_command
from .errors import ErrorHandlingGroup
from .glossary import app as glossary_app
from .memory import app as memory_app
from .models import app as models_app
from .publish import publish_command
from .qa import qa_command
from .review import import_command
from .segment import segment_command
from .status import status_command
from .translate import translate_command, update_command

app = typer.Typer(
    cls=ErrorHandlingGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Offline translation and multilingual publishing for press releases.",
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Offline translation and multilingual publishing for press releases."""


app.command("translate")(translate_command)
app.command("segment")(segment_command)
app.command("engines")(engines_command)
app.command("status")(status_command)
app.add_typer(models_app, name="models", help="Install, list and remove translation models.")
# (sub-app registrations)
app.command("import")(import_command)
app.command("update")(update_command)
app.command("publish")(publish_command)
app.add_typer(glossary_app, name="glossary", help="Domain glossary: list, edit, import, export, check.")
app.add_typer(memory_app, name="memory", help="Translation memory: import, export, stats, lookup.")
app.command("qa")(qa_command)
app.command("align")(align_command)


def main() -> None:
    app()
