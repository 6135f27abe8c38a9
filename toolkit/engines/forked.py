"""A big batch shared out over forked copies of the engine stack, one per core.

One Apertium pipeline keeps two cores busy while it translates, but a run
also spends seconds of Python around it (protection, glossary, phrase rules
before; restoring, clean-up after) during which one core waits. Forked
copies of the whole stack, each with its own pipeline and its own part of
the batch, keep both cores busy through all of it: while one copy prepares
its sentences, another's pipeline runs. A fork, not a pool of fresh
processes: the copies start with the glossary, phrase rules and caches the
parent already loaded, and nothing is pickled but the results.

The output is that of one batch: each part after the first is sent with the
texts just before it (:data:`CONTEXT`), whose results are dropped, so the
engine's state at a part's first line (Apertium's transfer carries a noun's
gender across lines) is the one it would have had.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
from collections.abc import Sequence
from typing import Any

from ..cpus import available
from ..errors import EngineError
from ..langs import Lang
from .apertium import ApertiumEngine
from .base import Engine, Translation, Wrapper

# One copy per core. A copy's pipeline alone keeps two cores busy, but only while it runs: the
# seconds of Python around it leave one idle, and a second copy fills them. Measured on 2 cores,
# 200 releases (4,010 sentences) through `toolkit translate`: 12.83-12.86 s with two copies
# against 13.71-13.83 s with one, for 1.5 s more CPU (a second pipeline's start and the two
# competing). An earlier, slimmer stack measured no gain (11.20 s against 11.28 s).
CORES_PER_COPY = 1
CONTEXT = 8  # texts sent before a part for the engine's state; their results dropped
MIN_TEXTS = 400  # below this a batch is one part: a copy's pipeline start would cost more
MIN_CHARS = 40_000
_in_child = False


def _apertium(engine: Engine) -> ApertiumEngine | None:
    while not isinstance(engine, ApertiumEngine):
        engine = getattr(engine, "inner", None)  # type: ignore[assignment]
        if engine is None:
            return None
    return engine


def cuts(texts: Sequence[str], parts: int) -> list[int]:
    """Where to cut ``texts`` into ``parts`` runs of about as many characters each."""
    total = sum(len(t) + 1 for t in texts)
    out, acc = [0], 0
    for i, t in enumerate(texts):
        acc += len(t) + 1
        if len(out) < parts and acc >= total * len(out) / parts and i + 1 < len(texts):
            out.append(i + 1)
    out.append(len(texts))
    return out


class Forked(Wrapper):
    """Translates a big batch in up to ``parts`` forked copies of ``inner`` at once.

    Only over a local Apertium engine (a cluster already spreads the work; a
    neural engine has its own threads, which a fork would not carry over), and
    only where ``os.fork`` exists.
    """

    def __init__(self, inner: Engine, parts: int | None = None) -> None:
        super().__init__(inner)
        self.parts = parts

    def _parts(self, texts: Sequence[str]) -> int:
        base = _apertium(self.inner)
        if (_in_child or base is None or base.cluster_address or not hasattr(os, "fork")
                or len(texts) < MIN_TEXTS or sum(map(len, texts)) < MIN_CHARS):
            return 1
        return max(1, min(self.parts or available() // CORES_PER_COPY, len(texts) // (MIN_TEXTS // 2)))

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        parts = self._parts(texts)
        if parts < 2:
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        at = cuts(texts, parts)
        base = _apertium(self.inner)
        assert base is not None
        jobs, base.jobs = base.jobs, 1  # each copy runs one pipeline of its own
        children: list[tuple[int, int]] = []
        try:
            for k in range(1, len(at) - 1):
                lo = max(0, at[k] - CONTEXT)
                children.append(self._fork(texts[lo:at[k + 1]], at[k] - lo, src, tgt, n_best))
            results = list(self.inner.translate_batch(texts[:at[1]], src, tgt, n_best=n_best))
            while children:
                pid, fd = children.pop(0)
                results += _collect(pid, fd)
        finally:
            base.jobs = jobs
            for pid, fd in children:  # the parent's part failed: stop the others
                os.close(fd)
                _reap(pid, kill=True)
        return results

    def _fork(self, texts: Sequence[str], skip: int, src: Lang, tgt: Lang,
              n_best: int) -> tuple[int, int]:
        r, w = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid:
            os.close(w)
            return pid, r
        # The copy: translate, send the results (or the error) through the pipe, leave
        # without running the parent's exit handlers or flushing its buffers.
        global _in_child
        _in_child = True
        os.close(r)
        code = 0
        _die_with(parent)
        try:
            base = _apertium(self.inner)
            if base is not None:
                base.forget_started()
            got: Any = self.inner.translate_batch(texts, src, tgt, n_best=n_best)[skip:]
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            got, code = _error(exc), 1
        try:
            data = pickle.dumps(got, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as out:
                out.write(struct.pack("<Q", len(data)))
                out.write(data)
        finally:
            os._exit(code)


def _die_with(parent: int) -> None:
    """Ask Linux to kill this copy when its parent dies (a killed run leaves no copy
    translating for nobody); elsewhere the copy ends at its next write to the closed pipe."""
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
        return EngineError(f"a worker copy of the engine failed: {type(exc).__name__}: {exc}")


def _collect(pid: int, fd: int) -> list[Translation]:
    with os.fdopen(fd, "rb") as src:
        head = src.read(8)
        data = src.read(struct.unpack("<Q", head)[0]) if len(head) == 8 else b""
    status = _reap(pid)
    if not data:
        raise EngineError(f"a worker copy of the engine stopped without an answer "
                          f"(status {status})")
    got = pickle.loads(data)
    if isinstance(got, BaseException):
        raise got
    return got


def _reap(pid: int, kill: bool = False) -> int:
    if kill:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    return os.waitpid(pid, 0)[1]
