"""Atomic writes: a reviewer's file is either the old one or the new one, never half."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .errors import DiskFullError, storage_error

# Room kept free beyond what a run writes: temporary copies, the file system's own needs.
MARGIN = 64 << 10


def unique_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """``paths`` with a file named twice, or by two spellings (``a.po``, ``./a.po``), kept once.

    The first spelling is kept, in the order given: a file read twice would be
    counted, checked or imported twice.
    """
    unique: dict[Path, Path] = {}
    for p in paths:
        unique.setdefault(Path(p).resolve(), Path(p))
    return list(unique.values())


def write_atomic(path: str | os.PathLike, fill: Callable[[BinaryIO], None]) -> None:
    """Call ``fill`` on a temporary file next to ``path``, then rename it into place."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise storage_error(exc, target) from exc
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
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise storage_error(exc, target) from exc
        raise


def write_bytes_atomic(path: str | os.PathLike, data: bytes) -> None:
    write_atomic(path, lambda fp: fp.write(data))


def check_room(files: list[tuple[Path, bytes]]) -> None:
    """Before a run writes several files: each folder writable, and room for all of them.

    A run that fails halfway would leave a tree with new PO next to old XLIFF; checking
    first means a full disk or a read-only folder stops it with the tree as it was.
    """
    need: dict[Path, int] = {}
    for path, data in files:
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        need[folder] = need.get(folder, 0) + len(data)
    for folder, size in need.items():
        if not os.access(folder, os.W_OK):
            try:  # EROFS or EACCES: let the OS say which
                tempfile.TemporaryFile(dir=folder).close()
            except OSError as exc:
                raise storage_error(exc, folder) from exc
        free = shutil.disk_usage(folder).free
        if free < size + MARGIN:
            raise DiskFullError(f"disk full: {size // 1024 + 1} KiB to write, "
                                f"{free // 1024} KiB free", path=folder,
                                hint="free some space; nothing was changed")


def write_all(files: list[tuple[Path, bytes]]) -> None:
    """Write several files, each atomically, after :func:`check_room`."""
    check_room(files)
    for path, data in files:
        write_bytes_atomic(path, data)
