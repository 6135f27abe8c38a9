"""The memory file itself: recognising it, creating its tables, migrating old keys.

A file that is not a toolkit memory, or is corrupt, raises
:class:`toolkit.errors.MemoryError_` naming it and is never recreated over.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from ..errors import MemoryError_
from .keys import NORM_VERSION, normalize

APP_ID = 0x544B544D  # "TKTM": marks the SQLite file as a toolkit memory
SCHEMA = "1"
_HEADER = b"SQLite format 3\x00"

_DDL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units(
    id INTEGER PRIMARY KEY,
    src TEXT NOT NULL, tgt TEXT NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL, norm TEXT NOT NULL,
    origin TEXT NOT NULL, state TEXT NOT NULL, rank INTEGER NOT NULL,
    file TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL, changed TEXT NOT NULL,
    UNIQUE(src, tgt, norm, target)
);
CREATE VIRTUAL TABLE IF NOT EXISTS units_fts USING fts5(
    norm, content='units', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS units_vocab USING fts5vocab(units_fts, row);
CREATE TRIGGER IF NOT EXISTS units_ai AFTER INSERT ON units BEGIN
    INSERT INTO units_fts(rowid, norm) VALUES (new.id, new.norm);
END;
CREATE TRIGGER IF NOT EXISTS units_ad AFTER DELETE ON units BEGIN
    INSERT INTO units_fts(units_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;
"""


def corrupt(path: Path, message: str) -> MemoryError_:
    """The error for a file that is not, or no longer, a readable toolkit memory."""
    hint = "the file was left untouched; restore it from a backup or a TMX export"
    return MemoryError_(message, path=path, hint=hint)


def open_connection(path: Path, create: bool) -> sqlite3.Connection:
    """Open (or create) the memory at ``path``, migrated to the current keys."""
    p = path
    if p.is_dir():
        raise MemoryError_("is a directory, not a memory file", path=p)
    existed = p.is_file() and p.stat().st_size > 0
    if existed:
        with p.open("rb") as fp:
            if fp.read(16) != _HEADER:
                raise corrupt(path, "not an SQLite file (corrupt, or not a translation memory)")
    elif not create:
        raise MemoryError_("no such memory file", path=p,
                           hint="import a TMX, PO or XLIFF file first")
    else:
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MemoryError_(f"cannot create memory: {exc.strerror}", path=p) from exc
    try:
        conn = sqlite3.connect(p, timeout=30.0, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise MemoryError_(f"cannot open memory: {exc}", path=p) from exc
    try:
        conn.execute("PRAGMA busy_timeout=30000")
        _init_with_retry(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise corrupt(path, f"corrupt or unreadable memory: {exc}") from exc
    except MemoryError_:
        conn.close()
        raise
    return conn


def _init_with_retry(conn: sqlite3.Connection, path: Path) -> None:
    # Switching a new file to WAL needs a moment of exclusive access and
    # SQLite does not always wait for it: when two runs open the same new
    # memory at once, the loser retries instead of calling the file corrupt.
    delay = 0.01
    deadline = time.monotonic() + 30
    while True:
        try:
            _init(conn, path)
            return
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _init(conn: sqlite3.Connection, path: Path) -> None:
    # Read the header and the table list in one snapshot: another run may
    # be creating this very file between two separate reads.
    conn.execute("BEGIN")
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
    finally:
        conn.execute("COMMIT")
    if app_id not in (0, APP_ID):
        raise corrupt(path, "SQLite file belongs to another application")
    if app_id == 0 and tables:
        raise corrupt(path, "SQLite file is not a toolkit memory")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    if app_id == 0:
        _create(conn)
    version = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    if not version or version[0] != SCHEMA:
        raise corrupt(path, f"unsupported memory schema {version[0] if version else '?'}")
    norm = conn.execute("SELECT value FROM meta WHERE key='norm'").fetchone()
    if not norm or norm[0] != NORM_VERSION:
        _renormalize(conn)


def _renormalize(conn: sqlite3.Connection) -> None:
    """Recompute the matching keys of a memory written by an older ``normalize``.

    Two units whose keys become equal (the same sentence with ’ and ') are one unit:
    the highest review state is kept, as :meth:`Memory.add <toolkit.memory.store.Memory.add>` does.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        rows = conn.execute("SELECT id, src, tgt, source, target, norm, state, rank "
                            "FROM units ORDER BY id").fetchall()
        for uid, src, tgt, source, target, old, state, rank in rows:
            new = normalize(source)
            if new == old:
                continue
            twin = conn.execute("SELECT id, rank FROM units WHERE src=? AND tgt=? AND "
                                "norm=? AND target=?", (src, tgt, new, target)).fetchone()
            if twin:
                if rank > twin[1]:
                    conn.execute("UPDATE units SET rank=?, state=? WHERE id=?",
                                 (rank, state, twin[0]))
                conn.execute("DELETE FROM units WHERE id=?", (uid,))
                continue
            # The full-text index has no update trigger: take the old key out, put the new in.
            conn.execute("INSERT INTO units_fts(units_fts, rowid, norm) "
                         "VALUES ('delete', ?, ?)", (uid, old))
            conn.execute("UPDATE units SET norm=? WHERE id=?", (new, uid))
            conn.execute("INSERT INTO units_fts(rowid, norm) VALUES (?, ?)", (uid, new))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('norm', ?)", (NORM_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _create(conn: sqlite3.Connection) -> None:
    # Two processes may create the same new file: IF NOT EXISTS inside one
    # IMMEDIATE transaction makes the second a no-op.
    script = (f"BEGIN IMMEDIATE;\n{_DDL}\n"
              f"INSERT OR IGNORE INTO meta VALUES ('schema', '{SCHEMA}');\n"
              f"INSERT OR IGNORE INTO meta VALUES ('norm', '{NORM_VERSION}');\n"
              f"PRAGMA application_id={APP_ID};\nCOMMIT;")
    try:
        conn.executescript(script)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
