"""One writer per output tree.

Every command that reads catalogues of a tree and writes them back (translate,
update, import, qa --write) holds an exclusive advisory lock on the tree for its
whole read–modify–write, so a run never writes catalogues computed from a read
made before another run's write. The lock is ``flock`` on ``<tree>/.toolkit.lock``:
the kernel drops it when the process ends, even by ``kill -9``, so a crash never
leaves a stale lock behind; the file itself stays (removing it would let two
runs lock two different files). A second run waits, says once that it does, and
gives up with BusyError after ``wait`` seconds.

Locks are re-entrant within a process (``update`` runs ``translate``'s code), and
a no-op where ``fcntl`` does not exist (Windows), which the README says.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .errors import BusyError, storage_error

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".toolkit.lock"
DEFAULT_WAIT = 120.0  # seconds: longer than a usual run, short enough to notice a stuck one
_held: dict[Path, int] = {}  # trees this process holds, with their depth
_fds: dict[Path, int] = {}  # their lock files' descriptors


def _forget_in_child() -> None:
    """A forked copy (:mod:`toolkit.engines.forked`) holds no lock: its descriptors are
    closed, never unlocked (an unlock would release the parent's lock), so a killed parent's
    lock goes with the parent, not with its copies."""
    for fd in _fds.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _fds.clear()
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_in_child)


def holder(root: str | os.PathLike) -> str:
    """Which process holds the tree's lock (pid and command line), read from the kernel's
    ``/proc/locks``; ``""`` where that is not available. The lock file itself stays
    empty: a run that only waits or fails must leave the tree byte for byte as it was."""
    try:
        st = (Path(root) / LOCK_NAME).stat()
        locks = Path("/proc/locks").read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return ""
    inode = f":{st.st_ino} "
    for line in locks.splitlines():
        fields = line.split()
        if "FLOCK" in fields and "->" not in fields and inode in line + " " and len(fields) > 4:
            pid = fields[fields.index("FLOCK") + 3]
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").strip()
            except OSError:
                cmd = b""
            words = cmd.decode("utf-8", "replace").split()
            short = " ".join([Path(words[0]).name, *words[1:]])[:120] if words else ""
            return f"pid {pid}" + (f" ({short})" if short else "")
    return ""


@contextmanager
def tree_lock(root: str | os.PathLike, *, wait: float | None = None, what: str = "toolkit",
              notify: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the tree's lock for the ``with`` body; BusyError if another run keeps it."""
    tree = Path(root)
    try:
        tree.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, tree) from exc
    key = tree.resolve()
    if fcntl is None or key in _held:
        _held[key] = _held.get(key, 0) + 1
        try:
            yield
        finally:
            _held[key] -= 1
            if not _held[key]:
                del _held[key]
        return
    limit = DEFAULT_WAIT if wait is None else max(0.0, wait)
    try:
        fd = os.open(key / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:  # a read-only tree cannot be written: say so before any work
        raise storage_error(exc, tree) from exc
    try:
        _acquire(fd, tree, limit, what, notify)
        _held[key] = 1
        _fds[key] = fd
        try:
            yield
        finally:
            del _held[key]
            del _fds[key]
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(fd: int, tree: Path, limit: float, what: str,
             notify: Callable[[str], None] | None) -> None:
    deadline = time.monotonic() + limit
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        who = holder(tree) or "another toolkit run"
        if time.monotonic() >= deadline:
            raise BusyError(f"busy: {who} is writing this tree; {what} did not start", path=tree,
                            hint=f"waited {limit:g} s; try again when it ends, or pass --wait SECONDS")
        if not told and notify is not None:
            notify(f"{tree}: waiting for {who} to finish (up to {limit:g} s)")
            told = True
        time.sleep(0.05)


@contextmanager
def lock_trees(trees: Iterable[str | os.PathLike], *, wait: float | None = None,
               what: str = "toolkit", notify: Callable[[str], None] | None = None
               ) -> Iterator[None]:
    """Hold the locks of several trees, taken in one order so two runs cannot deadlock."""
    unique = {Path(t).resolve(): Path(t) for t in trees}
    with ExitStack() as stack:
        for key in sorted(unique, key=str):
            stack.enter_context(tree_lock(unique[key], wait=wait, what=what, notify=notify))
        yield
