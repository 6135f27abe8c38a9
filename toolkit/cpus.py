"""How many cores a run may use (``--jobs N``).

One Apertium pipeline is a dozen processes that already keep two cores busy,
so "jobs" counts cores, not pipelines: ``--jobs 1`` keeps the whole run (this
process, its threads and every engine process it starts) on one core, which
is what a user sharing the machine asks for, and ``--jobs N`` runs N // 2
pipelines at once. Limiting is done with the CPU affinity the engine
processes inherit, so it holds for every engine without each one knowing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import InputError

CORES_PER_PIPELINE = 2


def available() -> int:
    """Cores this process may run on (its affinity, which a container or taskset may narrow)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def engine_options(engine: str, jobs: int | None) -> dict[str, int]:
    """What ``jobs`` cores mean for an engine's own parallelism."""
    if jobs is None:
        return {}
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    if engine == "apertium":
        return {"jobs": max(1, jobs // CORES_PER_PIPELINE)}
    if engine == "argos":
        return {"threads": jobs}
    return {}


@contextmanager
def limited(jobs: int | None) -> Iterator[None]:
    """Run the block on at most ``jobs`` cores; every process started inside inherits it."""
    if jobs is None or not hasattr(os, "sched_setaffinity"):
        yield
        return
    before = os.sched_getaffinity(0)
    if jobs >= len(before):
        yield
        return
    os.sched_setaffinity(0, sorted(before)[:jobs])
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)
