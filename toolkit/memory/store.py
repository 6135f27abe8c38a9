"""The SQLite translation memory: units in, exact and fuzzy matches out.

One file per project (default ``<out>/.toolkit/memory.sqlite``), opened in WAL
mode so several runs can read while one writes; every write is one
``BEGIN IMMEDIATE`` transaction, so concurrent writers queue instead of
failing or interleaving. A file that is not a toolkit memory, or is corrupt,
raises :class:`toolkit.errors.MemoryError_` naming it; it is never recreated
over, because it may hold years of reviewed translations.

Fuzzy lookup is a two-step search: an FTS5 index over the normalised source
gives candidates sharing the query's *rarest* words (cheap, and near matches
always share them), a length window drops candidates that cannot reach the
threshold, and rapidfuzz scores what is left.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import MemoryError_
from ..langs import Lang
from .keys import NORM_VERSION, normalize, terms  # noqa: F401  (importable from here too)
from .schema import APP_ID, SCHEMA, corrupt, open_connection  # noqa: F401

DEFAULT_THRESHOLD = 75.0
_RANK = {"draft": 0, "translated": 1, "reviewed": 2, "final": 3}
_RARE_TERMS = 6  # posting lists consulted per lookup
_CANDIDATES = 120  # units scored by rapidfuzz per lookup
_POSTING_CAP = 4000

_UPSERT = """
INSERT INTO units(src, tgt, source, target, norm, origin, state, rank, file, note,
                  created, changed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(src, tgt, norm, target) DO UPDATE SET
    state = CASE WHEN excluded.rank > units.rank THEN excluded.state ELSE units.state END,
    rank = max(units.rank, excluded.rank),
    file = CASE WHEN units.file = '' THEN excluded.file ELSE units.file END,
    note = CASE WHEN units.note = '' THEN excluded.note ELSE units.note END,
    changed = excluded.changed
"""


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation pair as stored (languages as ISO 639-1 codes)."""

    source: str
    target: str
    src: str
    tgt: str
    origin: str = "human"
    state: str = "translated"
    file: str = ""
    note: str = ""
    created: str = ""
    changed: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """A lookup result: the stored unit and its similarity (100 = exact)."""

    unit: Unit
    score: float

    @property
    def exact(self) -> bool:
        return self.score >= 100.0

    @property
    def origin(self) -> str:
        return "tm-exact" if self.exact else "tm-fuzzy"


def _code(lang: str | Lang) -> str:
    return lang.code if isinstance(lang, Lang) else Lang.parse(lang).code


def _stamp(now: datetime | None) -> str:
    now = now or datetime.now(UTC)
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


class Memory:
    """A translation memory file. Use as a context manager, or call :meth:`close`.

    >>> with Memory(path) as tm:                                    # doctest: +SKIP
    ...     tm.add([Unit("Bonjour.", "Hello.", "fr", "en")])
    ...     tm.lookup("Bonjour !", "fr", "en")[0].score
    """

    def __init__(self, path: str | os.PathLike, *, create: bool = True) -> None:
        self.path = Path(path)
        self._conn = open_connection(self.path, create)
        # Document frequencies of words, cached until any connection commits a change.
        self._df: dict[str, int] = {}
        self._version = -1

    # -- errors and lifetime ------------------------------------------------------
    def _fail(self, message: str) -> MemoryError_:
        return corrupt(self.path, message)

    @contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        try:
            yield self._conn
        except sqlite3.DatabaseError as exc:
            raise self._fail(f"memory error: {exc}") from exc

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Memory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------
    def add(self, units: Iterable[Unit], *, now: datetime | None = None) -> int:
        """Store units in one transaction; returns how many were new.

        A pair already stored (same languages, source and target) keeps its
        highest review state; empty sources or targets are skipped.
        """
        stamp = _stamp(now)
        rows = []
        for u in units:
            norm = normalize(u.source)
            if not norm or not u.target.strip():
                continue
            rows.append((_code(u.src), _code(u.tgt), u.source, u.target, norm, u.origin,
                         u.state, _RANK.get(u.state, 1), u.file, u.note,
                         u.created or stamp, u.changed or stamp))
        with self._guard() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # New rows get ids above the largest one (INTEGER PRIMARY KEY): counting
                # them is a range scan of what was inserted, not of the whole table.
                top = conn.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]
                conn.executemany(_UPSERT, rows)
                new = conn.execute("SELECT count(*) FROM units WHERE id > ?",
                                   (top,)).fetchone()[0]
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            finally:
                self._df.clear()  # our own commits do not change data_version
        return new

    # -- reading -----------------------------------------------------------------
    def exact(self, source: str, src: str | Lang, tgt: str | Lang) -> list[Match]:
        """Units whose source equals ``source`` (whitespace-insensitive), best first."""
        with self._guard() as conn:
            rows = conn.execute(
                "SELECT * FROM units WHERE src=? AND tgt=? AND norm=? "
                "ORDER BY rank DESC, changed DESC, id DESC",
                (_code(src), _code(tgt), normalize(source)),
            ).fetchall()
        return [Match(_unit(r), 100.0) for r in rows]

    def fuzzy(self, source: str, src: str | Lang, tgt: str | Lang, *,
              threshold: float = DEFAULT_THRESHOLD, limit: int = 5) -> list[Match]:
        """Non-identical units scoring at least ``threshold`` (rapidfuzz ratio), best first."""
        query = normalize(source)
        words = list(dict.fromkeys(terms(query)))
        if not words:
            return []
        s, t = _code(src), _code(tgt)
        with self._guard() as conn:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._df.clear()
                self._version = version
            counts = []
            for w in words:
                df = self._df.get(w)
                if df is None:
                    row = conn.execute("SELECT doc FROM units_vocab WHERE term=?",
                                       (w,)).fetchone()
                    df = self._df[w] = row[0] if row else 0
                if df:
                    counts.append((df, w))
            counts.sort()
            # Words in more units than a posting list holds tell nothing apart (de, la, les);
            # they are consulted only when the query has too few others.
            rare = [c for c in counts if c[0] <= _POSTING_CAP][:_RARE_TERMS] or counts[:2]
            hits: Counter[int] = Counter()
            for _, w in rare:
                hits.update(r[0] for r in conn.execute(
                    "SELECT rowid FROM units_fts WHERE units_fts MATCH ? LIMIT ?",
                    ('"' + w + '"', _POSTING_CAP)))
            ids = [i for i, _ in hits.most_common(_CANDIDATES)]
            if not ids:
                return []
            marks = ",".join("?" * len(ids))
            # Languages are filtered here, not in SQL: with them in the WHERE clause the
            # planner prefers the (src, tgt, norm) index and scans every unit of the pair.
            keys = [r for r in conn.execute(
                f"SELECT id, src, tgt, norm, rank, changed FROM units WHERE id IN ({marks})",
                ids) if r[1] == s and r[2] == t]
            # ratio = 2M/(a+b) can only reach the threshold inside this length window
            ratio = threshold / (200.0 - threshold) if threshold < 100 else 1.0
            n = len(query)
            scored = []
            for uid, _, _, norm, rank, changed in keys:
                if norm == query or min(n, len(norm)) < ratio * max(n, len(norm)):
                    continue
                score = fuzz.ratio(query, norm, score_cutoff=threshold)
                if score:
                    scored.append((min(score, 99.0), rank, changed, uid))
            scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
            best = scored[:limit]
            if not best:
                return []
            full = {r[0]: r for r in conn.execute(
                f"SELECT * FROM units WHERE id IN ({','.join('?' * len(best))})",
                [b[3] for b in best])}
        return [Match(_unit(full[uid]), round(sc, 1)) for sc, _, _, uid in best]

    def lookup(self, source: str, src: str | Lang, tgt: str | Lang, *,
               threshold: float = DEFAULT_THRESHOLD, limit: int = 5) -> list[Match]:
        """Exact matches first, then fuzzy ones down to ``threshold``."""
        found = self.exact(source, src, tgt)
        if len(found) < limit:
            found += self.fuzzy(source, src, tgt, threshold=threshold, limit=limit - len(found))
        return found[:limit]

    def units(self) -> Iterator[Unit]:
        """Every stored unit, in a stable order (languages, source, target)."""
        with self._guard() as conn:
            rows = conn.execute("SELECT * FROM units ORDER BY src, tgt, norm, target").fetchall()
        return (_unit(r) for r in rows)

    def stats(self) -> dict[str, object]:
        """Counts by language pair, state and origin, and the file size."""
        with self._guard() as conn:
            total = conn.execute("SELECT count(*) FROM units").fetchone()[0]
            pairs = conn.execute(
                "SELECT src || '-' || tgt, count(*) FROM units GROUP BY 1 ORDER BY 1").fetchall()
            states = conn.execute(
                "SELECT state, count(*) FROM units GROUP BY 1 ORDER BY 1").fetchall()
            origins = conn.execute(
                "SELECT origin, count(*) FROM units GROUP BY 1 ORDER BY 1").fetchall()
        return {"path": str(self.path), "units": total, "pairs": dict(pairs),
                "states": dict(states), "origins": dict(origins),
                "bytes": self.path.stat().st_size}


def _unit(row: tuple) -> Unit:
    (_, src, tgt, source, target, _, origin, state, _, file, note, created, changed) = row
    return Unit(source, target, src, tgt, origin, state, file, note, created, changed)
