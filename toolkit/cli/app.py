"""The `toolkit` command: a thin layer over the library, one sub-app per noun."""

from __future__ import annotations

import typer

from .errors import ErrorHandlingGroup
from .models import app as models_app
from .translate import translate_command

app = typer.Typer(
    cls=ErrorHandlingGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Offline translation and multilingual publishing for press releases.",
)
app.command("translate")(translate_command)
app.add_typer(models_app, name="models", help="Install, list and remove translation models.")
# (sub-app registrations)


def main() -> None:
    app()
