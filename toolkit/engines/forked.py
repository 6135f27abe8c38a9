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

from collections.abc import Sequence

from .. import forks
from ..cpus import available
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
    only where ``os.fork`` exists (:mod:`toolkit.forks`).
    """

    def __init__(self, inner: Engine, parts: int | None = None) -> None:
        super().__init__(inner)
        self.parts = parts

    def _parts(self, texts: Sequence[str]) -> int:
        base = _apertium(self.inner)
        if (_in_child or base is None or base.cluster_address or not forks.CAN_FORK
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
        copies: list[forks.Copy] = []
        try:
            for k in range(1, len(at) - 1):
                lo = max(0, at[k] - CONTEXT)
                copies.append(forks.start(
                    lambda lo=lo, k=k: self._copy(texts[lo:at[k + 1]], at[k] - lo, src, tgt,
                                                  n_best)))
            results = list(self.inner.translate_batch(texts[:at[1]], src, tgt, n_best=n_best))
            while copies:
                results += forks.collect(copies.pop(0))
        finally:
            base.jobs = jobs
            for copy in copies:  # the parent's part failed: stop the others
                forks.stop(copy)
        return results

    def _copy(self, texts: Sequence[str], skip: int, src: Lang, tgt: Lang,
              n_best: int) -> list[Translation]:
        """In the copy: its part, without the context lines' results."""
        global _in_child
        _in_child = True
        base = _apertium(self.inner)
        if base is not None:
            base.forget_started()
        return self.inner.translate_batch(texts, src, tgt, n_best=n_best)[skip:]
