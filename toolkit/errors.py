"""One root for every error the library raises.

Errors carry the fields a user needs to act (file, line, language, engine,
term). Library code raises them; only the CLI turns them into messages and
exit codes.
"""

from __future__ import annotations

import os


class ToolkitError(Exception):
    """Root of all toolkit errors."""

    def __init__(
        self,
        message: str,
        *,
        path: str | os.PathLike | None = None,
        line: int | None = None,
        lang: str | None = None,
        engine: str | None = None,
        term: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = os.fspath(path) if path is not None else None
        self.line = line
        self.lang = lang
        self.engine = engine
        self.term = term
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
            where += ": "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(ToolkitError):
    """An input file cannot be used: missing, binary, empty, badly encoded."""


class ParseError(ToolkitError):
    """A structured file (PO, XLIFF, TBX, TMX, CSV) is malformed."""


class LanguageError(ToolkitError):
    """Unknown language code or unsupported language pair."""


class EngineError(ToolkitError):
    """A translation engine is missing, misconfigured or failed."""


class ModelError(ToolkitError):
    """A model package is invalid or cannot be installed."""


class GlossaryError(ToolkitError):
    """A glossary cannot be read or changed."""


class MemoryError_(ToolkitError):
    """The translation memory cannot be opened or used."""


class ConflictError(ToolkitError):
    """An operation would overwrite human work or mix up releases."""


class BusyError(ToolkitError):
    """Another run holds the lock of the tree this run would write."""


class StorageError(ToolkitError):
    """A file cannot be written: read-only file system or no permission."""


class DiskFullError(StorageError):
    """No space left (or quota exceeded) where the toolkit must write."""


def storage_error(exc: OSError, path: str | os.PathLike) -> StorageError:
    """The error a user can act on for an operating-system failure to write ``path``."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError("disk full: no space left to write", path=path,
                             hint="free some space; nothing was changed")
    if exc.errno == errno.EROFS:
        return StorageError("read-only file system", path=path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StorageError("permission denied: cannot write here", path=path)
    return StorageError(f"cannot write: {exc.strerror or exc}", path=path)
