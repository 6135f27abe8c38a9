"""Translation memory: SQLite store, memory-first engine wrapper, catalogue import.

>>> from toolkit.memory import Memory, MemoryFirst, add_segments   # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ..model import Catalogue, Origin, Segment, State
from .engine import MemoryFirst
from .store import DEFAULT_THRESHOLD, Match, Memory, Unit, normalize

__all__ = ["DEFAULT_THRESHOLD", "Match", "Memory", "MemoryFirst", "Unit", "add_segments",
           "check_writable", "default_path", "importable", "normalize", "units_of"]

_KEEP = (State.TRANSLATED, State.REVIEWED, State.FINAL)


def default_path(out: str | os.PathLike) -> Path:
    """Where a project's memory lives when no ``--memory`` is given."""
    from ..locales import memory_path

    return memory_path(out)


def importable(seg: Segment) -> bool:
    """Whether a unit is worth remembering: a person wrote or approved its target."""
    return bool(seg.source.strip() and seg.target.strip()) and seg.state in _KEEP


def units_of(segments: Iterable[Segment], *, file: str = "") -> list[Unit]:
    """Memory units for the importable segments (drafts and empty targets dropped)."""
    out = []
    for seg in segments:
        if not importable(seg):
            continue
        where = file or seg.ref.rsplit(":", 1)[0]
        origin = "human" if seg.origin in (Origin.HUMAN, Origin.NONE) else seg.origin.value
        out.append(Unit(seg.source, seg.target, seg.src, seg.tgt, origin, seg.state.value,
                        where))
    return out


def check_writable(memory_path: str | os.PathLike) -> None:
    """Raise MemoryError_ now if units could not be added to ``memory_path`` later.

    Commands that write catalogues and then feed the memory call this first,
    so a corrupt, read-only or unreachable memory stops them before the first
    catalogue is written instead of after (exit 7, the tree as it was). An
    existing memory is opened and a write transaction begun and rolled back; a
    missing one needs a folder it can be created in.
    """
    import sqlite3

    from ..errors import MemoryError_

    path = Path(memory_path)
    if not path.exists():
        parent = next((p for p in path.parents if p.exists()), Path("."))
        if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            raise MemoryError_("cannot create the memory here: the folder is not writable",
                               path=path)
        return
    with Memory(path) as tm, tm._guard() as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            raise MemoryError_(f"the memory cannot be written: {exc}", path=path) from exc


def add_segments(memory_path: str | os.PathLike, segments: Iterable[Segment] | Catalogue, *,
                 now: datetime | None = None) -> int:
    """Add the translated/reviewed/final units of ``segments`` to the memory file.

    Accepts a sequence of segments or a whole :class:`Catalogue`; returns how
    many units were new. Creates the memory file if it does not exist yet.
    """
    if isinstance(segments, Catalogue):
        segments = segments.segments
    with Memory(memory_path) as tm:
        return tm.add(units_of(segments), now=now)
