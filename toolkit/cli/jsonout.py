"""`--json`: one JSON document on standard output, messages stay on standard error.

Scripts read stdout; a person reads stderr. With ``--json`` a command prints
exactly one document, also when it fails: ``{"error": {...}}`` with the exit
code the README documents, so a script never has to parse a message.
"""

from __future__ import annotations

import json
import os
from enum import Enum
from typing import Annotated, Any

import typer

JsonOpt = Annotated[bool, typer.Option(
    "--json", help="Print the result as one JSON document on standard output "
                   "(messages stay on standard error).")]

# Set by the command that runs with --json, read by the root group when the command
# fails; one command runs per process (the root group resets it for each invocation).
_state = {"on": False}


def start(on: bool) -> bool:
    _state["on"] = bool(on)
    return _state["on"]


def active() -> bool:
    return _state["on"]


def reset() -> None:
    _state["on"] = False


def _plain(value: Any) -> Any:
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def emit(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_plain))


def error_document(exc: BaseException, code: int) -> dict[str, Any]:
    """What a failed command prints with --json: message, exit code and the error's fields."""
    error: dict[str, Any] = {"code": code, "kind": type(exc).__name__.rstrip("_"),
                             "message": getattr(exc, "message", None) or str(exc)}
    for name in ("path", "line", "lang", "engine", "term", "hint"):
        value = getattr(exc, name, None)
        if value is not None:
            error[name] = value
    conflicts = getattr(exc, "conflicts", None)
    if conflicts:  # the units are listed as data: the message keeps its first line
        error["message"] = error["message"].split("\n", 1)[0]
        error["conflicts"] = [{"id": c.id, "current": c.current, "incoming": c.incoming}
                              for c in conflicts]
    return {"error": error}
