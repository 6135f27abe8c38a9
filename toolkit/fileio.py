"""Atomic writes: a reviewer's file is either the old one or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import ToolkitError


def write_atomic(path: str | os.PathLike, fill: Callable[[BinaryIO], None]) -> None:
    """Call ``fill`` on a temporary file next to ``path``, then rename it into place."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ToolkitError(f"cannot write: {exc.strerror}", path=target) from exc
    try:
        with os.fdopen(fd, "wb") as fp:
            fill(fp)
            fp.flush()
            os.fsync(fp.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    write_atomic(path, lambda fp: fp.write(data))
