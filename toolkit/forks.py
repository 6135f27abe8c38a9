"""Work done in forked copies of this process, each result sent back pickled through a pipe.

A fork, not a pool of fresh processes: a copy starts with everything the
parent already loaded (the engine stack, the catalogues of a run), so only
the results cross over. The copies are asked to die with the parent (a
killed run leaves nothing working for nobody), leave without running the
parent's exit handlers, and hand back their error instead of a result when
they fail. Only where ``os.fork`` exists: callers check :data:`CAN_FORK`.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import EngineError

CAN_FORK = hasattr(os, "fork")
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Copy:
    """A forked copy at work: its process and the read end of its pipe."""

    pid: int
    fd: int


def start(work: Callable[[], Any]) -> Copy:
    """Run ``work()`` in a forked copy; :func:`collect` gives its result."""
    r, w = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(w)
        return Copy(pid, r)
    os.close(r)
    code = 0
    _die_with(parent)
    try:
        got: Any = work()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        got, code = _error(exc), 1
    try:
        data = pickle.dumps(got, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(w, "wb") as out:
            out.write(struct.pack("<Q", len(data)))
            out.write(data)
    finally:
        os._exit(code)


def collect(copy: Copy) -> Any:
    """The result of ``copy``'s work, once it ends; its error raised here if it failed."""
    with os.fdopen(copy.fd, "rb") as src:
        head = src.read(8)
        data = src.read(struct.unpack("<Q", head)[0]) if len(head) == 8 else b""
    status = _reap(copy.pid)
    if not data:
        raise EngineError(f"a worker copy of this run stopped without an answer "
                          f"(status {status})")
    got = pickle.loads(data)
    if isinstance(got, BaseException):
        raise got
    return got


def stop(copy: Copy) -> None:
    """End ``copy`` without its result (the run failed elsewhere)."""
    os.close(copy.fd)
    _reap(copy.pid, kill=True)


def shares(n: int, parts: int) -> list[range]:
    """``range(n)`` cut into up to ``parts`` runs in order, as even as can be."""
    parts = max(1, min(parts, n))
    return [range(n * k // parts, n * (k + 1) // parts) for k in range(parts)]


def fork_map(func: Callable[[T], R], items: Sequence[T], parts: int) -> list[R]:
    """``[func(x) for x in items]``, the items shared out over ``parts`` processes: this one
    does the first share while copies do the others. In order; the first error is raised."""
    runs = shares(len(items), parts) if CAN_FORK else [range(len(items))]
    if len(runs) < 2:
        return [func(x) for x in items]
    copies = [start(lambda run=run: [func(items[i]) for i in run]) for run in runs[1:]]
    try:
        out = [func(items[i]) for i in runs[0]]
        while copies:
            out += collect(copies.pop(0))
    finally:
        for copy in copies:  # this process's share failed: stop the others
            stop(copy)
    return out


def _die_with(parent: int) -> None:
    """Ask Linux to kill this copy when its parent dies; elsewhere the copy ends at its
    next write to the closed pipe."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request
        os._exit(1)


def _error(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else an :class:`EngineError` saying what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any unpicklable error becomes a plain one
        return EngineError(f"a worker copy of this run failed: {type(exc).__name__}: {exc}")


def _reap(pid: int, kill: bool = False) -> int:
    if kill:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    return os.waitpid(pid, 0)[1]
