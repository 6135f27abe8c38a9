"""The SQLite translation memory: storage, lookup, concurrency, corruption, engine wrapper."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from toolkit.engines.base import Translation
from toolkit.errors import MemoryError_
from toolkit.langs import Lang
from toolkit.memory import Memory, MemoryFirst, Unit, add_segments, default_path
from toolkit.model import Origin, Segment, State

FR, EN = Lang.parse("fr"), Lang.parse("en")
NOW = datetime(2024, 3, 14, 12, 0, tzinfo=UTC)
PAIRS = [
    ("L'OIM a aidé 1 200 migrants à Dakar.", "IOM assisted 1,200 migrants in Dakar."),
    ("Le projet est financé par l'Union européenne.", "The project is funded by the European Union."),
    ("Pour plus d'informations, veuillez contacter l'OIM.",
     "For more information, please contact IOM."),
]


@pytest.fixture
def tm(tmp_path: Path):
    with Memory(tmp_path / "tm.sqlite") as mem:
        mem.add([Unit(s, t, "fr", "en", file="old.po") for s, t in PAIRS], now=NOW)
        yield mem


def test_exact_ignores_spacing_and_region(tm: Memory) -> None:
    found = tm.lookup("L'OIM  a aidé 1\u00a0200 migrants à Dakar.", "fr-FR", "en-GB")
    assert [(m.score, m.unit.target) for m in found][:1] == [(100.0, PAIRS[0][1])]
    assert found[0].origin == "tm-exact"


def test_fuzzy_scores_below_100_and_respects_threshold(tm: Memory) -> None:
    found = tm.lookup("Le projet est financé par l'Union européenne et la CEDEAO.", FR, EN)
    assert found and found[0].unit.target == PAIRS[1][1]
    assert 75 <= found[0].score < 100 and found[0].origin == "tm-fuzzy"
    assert tm.lookup("Le projet est financé par l'Union européenne et la CEDEAO.", FR, EN,
                     threshold=95) == []
    assert tm.lookup("Une phrase sans rapport avec la mémoire.", FR, EN) == []


def test_languages_are_kept_apart(tm: Memory) -> None:
    assert tm.lookup(PAIRS[0][0], FR, Lang.parse("es")) == []


def test_duplicate_keeps_highest_state(tm: Memory) -> None:
    s, t = PAIRS[0]
    assert tm.add([Unit(s, t, "fr", "en", state="final")]) == 0
    assert tm.add([Unit(s, t, "fr", "en", state="translated")]) == 0
    assert tm.exact(s, FR, EN)[0].unit.state == "final"
    assert tm.stats()["units"] == 3


def test_reopen_keeps_units(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "tm.sqlite"
    with Memory(path) as a:
        a.add([Unit(*PAIRS[0], "fr", "en")])
    with Memory(path, create=False) as b:
        assert b.stats()["units"] == 1


def test_missing_memory_without_create(tmp_path: Path) -> None:
    with pytest.raises(MemoryError_) as err:
        Memory(tmp_path / "none.sqlite", create=False)
    assert "none.sqlite" in str(err.value)


def test_corrupt_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "memory.sqlite"
    data = b"these are a translator's notes, not a database\n" * 20
    bad.write_bytes(data)
    with pytest.raises(MemoryError_) as err:
        Memory(bad)
    assert str(bad) in str(err.value)
    assert bad.read_bytes() == data


def test_damaged_sqlite_pages_raise_memory_error(tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    with Memory(path) as mem:
        mem.add([Unit(f"Phrase numéro {i} du communiqué.", f"Sentence {i}.", "fr", "en")
                 for i in range(400)])
        mem._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(path.read_bytes())
    raw[4096:len(raw)] = b"\xff" * (len(raw) - 4096)  # keep the header, wreck every page
    path.write_bytes(bytes(raw))
    with pytest.raises(MemoryError_) as err:
        with Memory(path) as mem:
            mem.lookup("Phrase numéro 7 du communiqué.", FR, EN)
    assert str(path) in str(err.value)


def test_other_sqlite_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(MemoryError_, match="not a toolkit memory"):
        Memory(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("contacts",)]
    conn.close()


def _writer(path: str, worker: int, n: int) -> None:
    for i in range(n):  # one transaction per unit: maximum interleaving
        with Memory(path) as mem:
            mem.add([Unit(f"Phrase {i} écrite par le processus {worker}.",
                          f"Sentence {i} written by process {worker}.", "fr", "en")])


def test_two_processes_write_one_memory(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with Memory(path) as mem:
        assert mem.stats()["units"] == 80
        assert mem.exact("Phrase 39 écrite par le processus 1.", FR, EN)


def test_threads_share_a_file(tmp_path: Path) -> None:
    path = str(tmp_path / "t.sqlite")
    threads = [threading.Thread(target=_writer, args=(path, w, 25)) for w in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Memory(path) as mem:
        assert mem.stats()["units"] == 75


def test_add_segments_keeps_only_approved(tmp_path: Path) -> None:
    def seg(source: str, target: str, state: State) -> Segment:
        return Segment(id=source, source=source, src="fr", tgt="en", target=target,
                       state=state, origin=Origin.HUMAN, ref="rel.txt:3")

    segs = [seg("Un.", "One.", State.TRANSLATED), seg("Deux.", "Two.", State.DRAFT),
            seg("Trois.", "", State.UNTRANSLATED), seg("Quatre.", "Four.", State.FINAL)]
    path = tmp_path / "m.sqlite"
    assert add_segments(path, segs, now=NOW) == 2
    with Memory(path) as mem:
        assert sorted(u.source for u in mem.units()) == ["Quatre.", "Un."]
        assert mem.exact("Un.", FR, EN)[0].unit.file == "rel.txt"


def test_default_path() -> None:
    assert default_path("locales") == Path("locales/.toolkit/memory.sqlite")


class Recorder:
    """A real (trivial) engine that upper-cases and records what it was asked."""

    name = "upper"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def unavailable(self) -> None:
        return None

    def pairs(self) -> list[tuple[str, str]]:
        return [("fr", "en")]

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return ["fr-en"]

    def translate_batch(self, texts, src, tgt, *, n_best=1):
        self.seen.extend(texts)
        return [Translation(t.upper()) for t in texts]


def test_memory_first_engine(tm: Memory) -> None:
    inner = Recorder()
    eng = MemoryFirst(inner, tm, threshold=75)
    fuzzy_src = "Le projet est financé par l'Union européenne et la CEDEAO."
    out = eng.translate_batch([PAIRS[0][0], fuzzy_src, "Rien à voir."], FR, EN)
    exact, fuzzy, mt = out
    assert (exact.origin, exact.score, exact.text) == ("tm-exact", 100.0, PAIRS[0][1])
    assert exact.notes == ("memory: tm-exact 100% from old.po",)
    assert fuzzy.origin == "tm-fuzzy" and fuzzy.text == PAIRS[1][1]
    assert fuzzy.notes[0] == f"memory: tm-fuzzy {fuzzy.score:.0f}% from old.po"
    assert fuzzy.hypotheses[1].text == fuzzy_src.upper()
    assert (mt.origin, mt.text) == ("mt", "RIEN À VOIR.")
    assert inner.seen == [fuzzy_src, "Rien à voir."]  # exact matches never reach MT


@pytest.mark.parametrize("variant", [
    "L’OIM a aidé 1 200 migrants à Dakar.",  # curly apostrophe
    "L'OIM a aidé 1\u00a0200 migrants à Dakar.",  # no-break space
    "L'OIM a aide\u0301 1 200 migrants a\u0300 Dakar.",  # decomposed accents (NFD)
    "  L'OIM  a aidé 1 200\tmigrants à Dakar. ",  # spaces
])
def test_typographic_variants_are_exact_matches(tm: Memory, variant: str) -> None:
    (m,) = tm.lookup(variant, FR, EN, limit=1)
    assert m.exact and m.unit.target == "IOM assisted 1,200 migrants in Dakar."


def test_quotes_and_french_spaces_are_exact_matches(tmp_path: Path) -> None:
    with Memory(tmp_path / "q.sqlite") as tm:
        tm.add([Unit("« Nous agissons », a-t-il dit : « vite ! »", "We act, he said.", "fr", "en")],
                now=NOW)
        for variant in ('"Nous agissons", a-t-il dit: "vite!"',
                        "«\u00a0Nous agissons\u00a0», a-t-il dit\u202f: «\u202fvite\u202f!\u202f»",
                        "“Nous agissons”, a-t-il dit : “vite !”"):
            (m,) = tm.lookup(variant, FR, EN, limit=1)
            assert m.exact, variant
        assert tm.add([Unit("“Nous agissons”, a-t-il dit : “vite !”", "We act, he said.",
                            "fr", "en")], now=NOW) == 0  # the same unit, not a second one


def test_add_counts_only_new_units(tm: Memory) -> None:
    again = [Unit(s, t, "fr", "en") for s, t in PAIRS]
    assert tm.add(again + [Unit("Une phrase de plus.", "One more.", "fr", "en")], now=NOW) == 1
    assert tm.stats()["units"] == len(PAIRS) + 1


def test_a_memory_keyed_by_the_old_normalisation_is_rekeyed_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Memory(path) as tm:
        tm.add([Unit("L’OIM aide les migrants.", "IOM helps migrants.", "fr", "en",
                     state="reviewed"),
                Unit("L'OIM aide les migrants.", "IOM helps migrants.", "fr", "en")], now=NOW)
    # Make the file what the previous version wrote: curly apostrophe kept in the key, the
    # two spellings two units, no normalisation version recorded.
    conn = sqlite3.connect(path)
    (uid,) = conn.execute("SELECT id FROM units").fetchone()
    conn.execute("INSERT INTO units_fts(units_fts, rowid, norm) VALUES ('delete', ?, ?)",
                 (uid, "L'OIM aide les migrants."))
    conn.execute("UPDATE units SET norm=?, state='translated', rank=1 WHERE id=?",
                 ("L’OIM aide les migrants.", uid))
    conn.execute("INSERT INTO units_fts(rowid, norm) VALUES (?, ?)", (uid, "L’OIM aide les migrants."))
    conn.execute("INSERT INTO units(src, tgt, source, target, norm, origin, state, rank, "
                 "created, changed) VALUES ('fr','en','L''OIM aide les migrants.', "
                 "'IOM helps migrants.', 'L''OIM aide les migrants.', 'human', 'reviewed', 2, "
                 "'x', 'x')")
    conn.execute("DELETE FROM meta WHERE key='norm'")
    conn.commit()
    conn.close()
    with Memory(path) as tm:
        assert tm.stats()["units"] == 1  # the two spellings are one unit now
        (m,) = tm.lookup("L’OIM aide les migrants.", FR, EN, limit=1)
        assert m.exact and m.unit.state == "reviewed"
        (f,) = tm.fuzzy("L'OIM aide les migrantes.", FR, EN, limit=1)  # the index follows
        assert f.unit.target == "IOM helps migrants."
    conn = sqlite3.connect(path)
    assert conn.execute("INSERT INTO units_fts(units_fts) VALUES ('integrity-check')") is not None
    conn.close()
