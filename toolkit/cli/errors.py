"""The one place where library errors become messages and exit codes."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import (
    BusyError,
    ConflictError,
    DiskFullError,
    EngineError,
    GlossaryError,
    InputError,
    LanguageError,
    MemoryError_,
    ModelError,
    ParseError,
    StorageError,
    ToolkitError,
)

# Exit codes, documented in the README.
EXIT_CODES: tuple[tuple[type[ToolkitError], int], ...] = (
    (InputError, 3),
    (ParseError, 3),
    (GlossaryError, 3),
    (LanguageError, 4),
    (EngineError, 5),
    (ModelError, 5),
    (ConflictError, 6),
    (MemoryError_, 7),
    (BusyError, 8),
    (DiskFullError, 10),
    (StorageError, 9),
)


def exit_code(exc: ToolkitError) -> int:
    for cls, code in EXIT_CODES:
        if isinstance(exc, cls):
            return code
    return 1


class ErrorHandlingGroup(TyperGroup):
    """Root command group: any ToolkitError from any sub-command ends here."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ToolkitError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exit_code(exc)) from exc
