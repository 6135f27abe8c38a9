"""Apertium, the rule-based engine that works offline on a fresh machine.

Routes are found by shortest path over the installed modes, so a new
``apertium-xx-yy`` package adds pairs without code changes. A batch goes
through one ``apertium`` process per hop, the hops piped together so they run
concurrently, exactly like ``apertium fr-es | apertium spa-eng``.

Two things make a big run cheap. A large batch is cut into ``jobs`` chunks
run as that many pipelines at once (both cores of a small machine); each
chunk is given a few lines of its neighbours as context and their output is
dropped, because Apertium's tagger lets a line's translation depend on the
line before it (about 2 % of news sentences change with their neighbour):
with the context the result is the one a single pipeline gives, byte for byte.
And the output of every hop is remembered for the input it was given, so a
pivot hop shared by two targets (fr→es for Spanish, and for English through
Spanish) runs once when the same text reaches it twice.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from ..errors import EngineError
from ..langs import Lang
from ..markers import strip_marks
from . import apertium_lines as lines_of
from .apertium_routes import _PACKAGES, APT_HINT, find_modes, shortest_route
from .base import Translation, unsupported_pair

__all__ = ["APT_HINT", "ApertiumEngine", "find_modes", "shortest_route", "strip_marks"]

# Lines of context given to a chunk on each side (its neighbours in the whole batch).
_CONTEXT = 4
# Below this many lines per chunk a batch is not split: a pipeline costs ~0.3-0.6 s to start.
_MIN_CHUNK = 64
_CORES_PER_PIPELINE = 2  # what one pipeline keeps busy (see ApertiumEngine)
_HOP_CACHE = 8  # hop outputs remembered (the last batches' worth)
_HOP_CACHE_BYTES = 64 << 20  # and no more bytes than this: memory follows the batch, not the run


class ApertiumEngine:
    """Rule-based translation through the ``apertium`` command.

    ``jobs`` is how many pipelines a large batch is split across; the output does
    not depend on it. By default, half the machine's cores: one Apertium pipeline
    is a dozen processes that already keep about two cores busy (measured: 1.9
    cores for one batch on a 2-core machine, where two chunks ran 8-25 % slower).
    """

    name = "apertium"

    def __init__(self, binary: str = "apertium", mode_dirs: Sequence[str] | None = None,
                 jobs: int | None = None, cluster: str | None = None) -> None:
        self.binary = binary
        self._mode_dirs = mode_dirs
        self._modes: dict[tuple[str, str], str] | None = None
        self.jobs = max(1, int(jobs) if jobs else (os.cpu_count() or 1) // _CORES_PER_PIPELINE)
        # ``cluster``: a Dask scheduler's address; the pipelines then run on its workers
        # (:mod:`toolkit.engines.cluster`), connected to on first use.
        self.cluster_address = cluster
        self._cluster: Any = None
        self.starts = 0  # processes started, one per hop of each pipeline (for measuring)
        self._lock = threading.Lock()
        self._hops: OrderedDict[tuple[str, bytes], bytes] = OrderedDict()
        # Pipelines started ahead of their input (:meth:`prestart`), by route.
        self._ready: dict[tuple[str, ...], list[tuple[subprocess.Popen[bytes], Any]]] = {}

    @property
    def modes(self) -> dict[tuple[str, str], str]:
        if self._modes is None:
            self._modes = find_modes(self._mode_dirs)
        return self._modes

    def unavailable(self) -> str | None:
        if self.cluster_address:
            try:
                self._connected()
            except EngineError as exc:
                return str(exc)
        if shutil.which(self.binary) is None:
            return f"the apertium command is not installed; run: {APT_HINT}"
        if not self.modes:
            return f"no Apertium language pair is installed; run: {APT_HINT}"
        return None

    def pairs(self) -> list[tuple[str, str]]:
        langs = sorted({c for pair in self.modes for c in pair})
        return [
            (a, b)
            for a in langs
            for b in langs
            if a != b and shortest_route(self.modes, a, b) is not None
        ]

    def _modes_for(self, src: Lang, tgt: Lang) -> list[str]:
        reason = self.unavailable()
        if reason:
            raise EngineError(reason, engine=self.name)
        route = shortest_route(self.modes, src.code, tgt.code)
        if route is None:
            err = unsupported_pair(self, src, tgt)
            pkg = _PACKAGES.get((src.code, tgt.code))
            if pkg:
                err.hint = f"install it with: apt-get install {pkg}; {err.hint}"
            raise err
        return route

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return self._modes_for(src, tgt)

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        route = self._modes_for(src, tgt)
        if not texts:
            return []
        lines: list[str] = []
        counts: list[int] = []
        for text in texts:
            parts = lines_of.pieces(text)
            counts.append(len(parts))
            lines.extend(parts)
        out_lines = self.run_lines(route, lines)
        note = ("engine: apertium", "route: " + " → ".join(route))
        results: list[Translation] = []
        pos = 0
        for text, n in zip(texts, counts):
            raw = "\n".join(
                o if i.strip() else i for i, o in zip(lines[pos : pos + n], out_lines[pos : pos + n])
            )
            pos += n
            clean, unknown = strip_marks(raw, text)
            results.append(Translation(text=clean, unknown=unknown, notes=note))
        return results

    def run_lines(self, route: Sequence[str], lines: Sequence[str]) -> list[str]:
        """``lines`` through ``route``, one output line per input line.

        The result is that of one pipeline over all the lines, whatever ``jobs`` is.
        """
        route = list(route)
        out = self._chunked(route, lines) if self.jobs > 1 or self.cluster_address else None
        if out is None:
            out = lines_of.split(self._run(route, lines_of.join(lines)))
        if len(out) != len(lines):
            # A line merged or split inside Apertium: translate one by one
            # rather than misalign units.
            out = [self._run(route, line + "\n").rstrip("\n") for line in lines]
        return out

    def close(self) -> None:
        """Let go of the cluster connection and of pipelines started but never fed."""
        self.discard()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def prestart(self, route: Sequence[str]) -> None:
        """Start ``route``'s processes now; the next batch through that route uses them.

        An Apertium hop spends a good part of a small batch loading its
        dictionaries and rules; started while other work runs (the main batch,
        when a later step may need a second route), that load costs no wall
        time. The output is the same as from processes started on demand.
        Nothing happens on a cluster or when a pipeline already waits.
        """
        key = tuple(route)
        if self.cluster_address or not key:
            return
        with self._lock:
            if key in self._ready:
                return
            self._ready[key] = []  # claimed: a second caller does not start another
        try:
            started = self._spawn(list(route))
        except EngineError:
            with self._lock:
                self._ready.pop(key, None)
            return  # the batch itself starts them again and reports the error
        with self._lock:
            self._ready[key] = started

    def discard(self, route: Sequence[str] | None = None) -> None:
        """Stop pipelines started ahead and never fed (all of them without ``route``)."""
        with self._lock:
            keys = [tuple(route)] if route is not None else list(self._ready)
            waiting = [self._ready.pop(k, []) for k in keys]
        for procs in waiting:
            for proc, err in procs:
                proc.kill()
                proc.wait()
                for stream in (proc.stdin, proc.stdout):
                    if stream is not None:
                        stream.close()
                err.close()

    def forget_started(self) -> None:
        """In a forked copy: let go of the parent's waiting pipelines without stopping them.

        They are the parent's to feed; this copy starts its own. The lock is new
        too, since a thread of the parent may have held it at the fork.
        """
        self._lock = threading.Lock()
        for procs in self._ready.values():
            for proc, err in procs:
                for stream in (proc.stdin, proc.stdout):
                    if stream is not None:
                        stream.close()
                err.close()
        self._ready = {}

    def _connected(self) -> Any:
        if self._cluster is None:
            from .cluster import Cluster

            self._cluster = Cluster(self.cluster_address or "")
        return self._cluster

    def _chunked(self, route: list[str], lines: Sequence[str]) -> list[str] | None:
        """The lines in up to ``jobs`` chunks run at once (on a cluster: one per worker
        thread); ``None`` when not worth it or when a chunk's lines did not come back
        one for one."""
        slots = self._connected().slots if self.cluster_address else self.jobs
        n = min(slots, len(lines) // _MIN_CHUNK)
        if n < 2:
            return None
        # Cut where the characters (Apertium's work) are balanced, not the lines.
        total = sum(len(x) + 1 for x in lines)
        cuts, acc = [0], 0
        for i, x in enumerate(lines):
            acc += len(x) + 1
            if acc >= total * len(cuts) / n and len(cuts) < n and i + 1 < len(lines):
                cuts.append(i + 1)
        cuts.append(len(lines))

        def one(k: int) -> list[str] | None:
            lo, hi = cuts[k], cuts[k + 1]
            a, b = max(0, lo - _CONTEXT), min(len(lines), hi + _CONTEXT)
            got = lines_of.split(self._run(route, lines_of.join(lines[a:b])))
            if len(got) != b - a:
                return None
            return got[lo - a : lo - a + hi - lo]

        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(cuts) - 1) as pool:
            parts = list(pool.map(one, range(len(cuts) - 1)))
        if any(p is None for p in parts):
            return None
        return [x for p in parts for x in p]  # type: ignore[union-attr]

    def _run(self, route: list[str], data: str) -> str:
        """Pipe ``data`` through one process per hop, all running at once.

        Hops already run on this very input are not run again (the per-hop cache).
        """
        payload = data.encode("utf-8")
        first = 0
        with self._lock:
            while first < len(route):
                key = (route[first], hashlib.blake2b(payload, digest_size=16).digest())
                if key not in self._hops:
                    break
                self._hops.move_to_end(key)
                payload = self._hops[key]
                first += 1
        if first < len(route):
            inputs = [payload]
            if self.cluster_address:
                dirs = tuple(map(str, self._mode_dirs)) if self._mode_dirs is not None else None
                outputs = self._connected().call(_worker_pipe, self.binary, dirs,
                                                 route[first:], payload)
            else:
                outputs = self._pipe(route[first:], payload)
            inputs += outputs[:-1]
            with self._lock:
                for mode, inp, out in zip(route[first:], inputs, outputs):
                    self._hops[(mode, hashlib.blake2b(inp, digest_size=16).digest())] = out
                while self._hops and (len(self._hops) > _HOP_CACHE * max(1, len(route)) or
                                      sum(map(len, self._hops.values())) > _HOP_CACHE_BYTES):
                    self._hops.popitem(last=False)
            payload = outputs[-1]
        return payload.decode("utf-8", "replace")

    def _spawn(self, route: list[str]) -> list[tuple[subprocess.Popen[bytes], Any]]:
        """One process per hop, each waiting for its input; stderr into a file each."""
        started: list[tuple[subprocess.Popen[bytes], Any]] = []
        try:
            for mode in route:
                err = tempfile.TemporaryFile()  # never a full stderr pipe
                try:
                    proc = subprocess.Popen([self.binary, mode], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=err)
                except OSError:
                    err.close()
                    raise
                started.append((proc, err))
        except OSError as exc:
            for p, e in started:
                p.kill()
                e.close()
            raise EngineError(f"cannot start apertium: {exc}", engine=self.name,
                              hint=APT_HINT) from exc
        with self._lock:
            self.starts += len(started)
        return started

    def _pipe(self, route: list[str], data: bytes) -> list[bytes]:
        """Run the hops at once, each one's output relayed to the next and kept."""
        with self._lock:
            started = self._ready.pop(tuple(route), None) or None
        if started is None:
            started = self._spawn(route)
        procs = [p for p, _ in started]
        errs = [e for _, e in started]
        outputs: list[bytes] = [b""] * len(procs)

        def feed() -> None:
            stdin = procs[0].stdin
            assert stdin is not None
            try:
                stdin.write(data)
            except BrokenPipeError:
                pass  # the hop died; its exit status says why
            finally:
                stdin.close()

        def relay(k: int) -> None:
            src_fd = procs[k].stdout
            nxt = dst = procs[k + 1].stdin if k + 1 < len(procs) else None
            assert src_fd is not None
            blocks = []
            try:
                while block := os.read(src_fd.fileno(), 1 << 16):
                    blocks.append(block)
                    if dst is not None:
                        try:
                            dst.write(block)
                        except BrokenPipeError:
                            dst = None
            finally:
                src_fd.close()
                if nxt is not None:
                    nxt.close()
            outputs[k] = b"".join(blocks)

        threads = [threading.Thread(target=feed, daemon=True)]
        threads += [threading.Thread(target=relay, args=(k,), daemon=True)
                    for k in range(len(procs) - 1)]
        for t in threads:
            t.start()
        relay(len(procs) - 1)
        for t in threads:
            t.join()
        errors = []
        for mode, p, err in zip(route, procs, errs):
            p.wait()
            if p.returncode:
                err.seek(0)
                msg = err.read().decode("utf-8", "replace").strip()
                errors.append(f"{mode} exited with {p.returncode} {msg}".strip())
            err.close()
        if errors:
            raise EngineError("apertium failed: " + "; ".join(errors), engine=self.name)
        return outputs


# On a cluster worker: one engine per worker process and mode folders, its modes read once.
_workers: dict[tuple[str, tuple[str, ...] | None], ApertiumEngine] = {}
_workers_lock = threading.Lock()


def _worker_pipe(binary: str, mode_dirs: tuple[str, ...] | None, route: list[str],
                 payload: bytes) -> tuple[list[bytes] | None, str]:
    """Run on a worker (:mod:`toolkit.engines.cluster`): ``payload`` through ``route``,
    every hop's output, or why not."""
    with _workers_lock:
        engine = _workers.get((binary, mode_dirs))
        if engine is None:
            engine = _workers[(binary, mode_dirs)] = ApertiumEngine(binary, mode_dirs, jobs=1)
    reason = engine.unavailable()
    if reason:
        return None, reason
    try:
        return engine._pipe(route, payload), ""
    except EngineError as exc:
        return None, str(exc)
