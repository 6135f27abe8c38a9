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
        from . import jsonout

        jsonout.reset()
        try:
            return super().invoke(ctx)
        except ToolkitError as exc:
            code = exit_code(exc)
            typer.echo(f"error: {exc}", err=True)
            if jsonout.active():
                jsonout.emit(jsonout.error_document(exc, code))
            raise typer.Exit(code) from exc
        except typer.BadParameter as exc:
            # A usage error found by the command itself (conflicting options): click
            # prints it on stderr; a script reading --json output still gets one document.
            if jsonout.active():
                jsonout.emit(jsonout.error_document(exc, 2))
            raise
