"""Apertium pipelines run on a Dask cluster (``toolkit translate --cluster ADDRESS``).

Only the engine work leaves the machine: the client keeps ingest, the
glossary, the drafting layers and the memory, cuts each batch into chunks
(with their neighbours as context, as for local jobs) and writes every file
itself, so a tree still has one writer. A worker receives the bytes of one
chunk and a route, pipes them through its own Apertium and sends back what
each hop produced; the client's hop cache then serves a pivot hop shared by
two targets exactly as in a local run. The output is the local output, byte
for byte.

Dask distributed is used rather than a scheduler of our own: workers are
started with ``dask worker tcp://HOST:8786`` on machines that have Apertium
and the toolkit installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import EngineError

_HINT = ("start a scheduler with `dask scheduler` and workers with `dask worker tcp://HOST:8786` "
         "on machines with Apertium and the toolkit installed; `pip install 'toolkit[cluster]'`")
_CONNECT_TIMEOUT = 10  # seconds; a wrong address must not hang the run


class Cluster:
    """A connection to a Dask scheduler, used by :class:`ApertiumEngine` for its pipelines."""

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise EngineError("--cluster needs Dask distributed, which is not installed",
                              engine="apertium", hint=_HINT) from exc
        self.address = address
        try:
            self.client = Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {address}: {exc}",
                              engine="apertium", hint=_HINT) from exc

    @property
    def slots(self) -> int:
        """Pipelines the cluster can run at once: one per worker thread, at least one."""
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def call(self, work: Callable[..., tuple[Any, str]], *args: Any) -> Any:
        """``work(*args)`` on a worker; it returns ``(result, "")`` or ``(None, error)``.

        The error travels as text: the toolkit's exceptions carry keyword-only
        fields that do not survive Dask's pickling of a raised exception.
        """
        future = self.client.submit(work, *args, pure=False)
        try:
            result, error = future.result()
        except Exception as exc:  # a worker lost or killed: the run stops, nothing is written
            raise EngineError(f"the cluster at {self.address} failed: {exc}",
                              engine="apertium", hint=_HINT) from exc
        if result is None:
            raise EngineError(f"on the cluster at {self.address}: {error}", engine="apertium",
                              hint=_HINT)
        return result

    def close(self) -> None:
        self.client.close()
