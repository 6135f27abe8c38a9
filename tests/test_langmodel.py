"""The language identifier's unpacked model in the user's cache (toolkit.langmodel)."""

from __future__ import annotations

import os

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from toolkit import langmodel

TEXTS = [
    "L'OIM aide les migrants bloqués à rentrer chez eux.",
    "IOM helps stranded migrants return home.",
    "La OIM ayuda a los migrantes varados a regresar a sus hogares.",
    "Die IOM hilft gestrandeten Migranten bei der Rückkehr.",
    "12 345 — @OIM_Niger https://example.org",
]


@pytest.fixture(scope="module")
def packaged():
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _folders(root):
    return [p for p in root.iterdir() if p.name.startswith("langid-")]


def test_first_load_stores_and_second_reads_the_same_model(tmp_path, monkeypatch, packaged):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path))
    first = langmodel.load_identifier()
    (folder,) = _folders(tmp_path)
    assert (folder / "complete").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".langid-")]
    second = langmodel.load_identifier()
    for text in TEXTS:
        want = packaged.rank(text)
        assert first.rank(text) == want
        assert second.rank(text) == want
        assert second.classify(text) == packaged.classify(text)


def test_a_damaged_cache_falls_back_to_the_packaged_model(tmp_path, monkeypatch, packaged):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path))
    langmodel.load_identifier()
    (folder,) = _folders(tmp_path)
    (folder / "ptc.npy").write_bytes(b"\x93NUMPY garbage")
    got = langmodel.load_identifier()
    assert got.classify(TEXTS[0]) == packaged.classify(TEXTS[0])
    # and it was unpacked again, so the next run is fast again
    assert langmodel._from_cache(folder, LanguageIdentifier).rank(TEXTS[0]) == \
        packaged.rank(TEXTS[0])


def test_a_half_written_cache_is_not_used(tmp_path, monkeypatch, packaged):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path))
    langmodel.load_identifier()
    (folder,) = _folders(tmp_path)
    (folder / "complete").unlink()
    (folder / "nextmove.npy").write_bytes(b"")
    assert langmodel.load_identifier().classify(TEXTS[1]) == packaged.classify(TEXTS[1])


def test_an_unwritable_cache_folder_is_no_error(monkeypatch, packaged):
    # /proc refuses new folders even to root, where a read-only mode would not
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", "/proc/toolkit-cache-test")
    assert langmodel.load_identifier().classify(TEXTS[2]) == packaged.classify(TEXTS[2])
    assert not os.path.exists("/proc/toolkit-cache-test")


def test_a_cache_path_blocked_by_a_file_is_no_error(tmp_path, monkeypatch, packaged):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(blocker))
    assert langmodel.load_identifier().classify(TEXTS[3]) == packaged.classify(TEXTS[3])


def test_an_older_versions_copy_is_removed_when_a_new_one_is_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "langid-0.0.1-1-1"
    stale.mkdir()
    (stale / "ptc.npy").write_bytes(b"old")
    keep = tmp_path / "other-cache"
    keep.mkdir()
    langmodel.load_identifier()
    assert not stale.exists() and keep.is_dir()
    assert len(_folders(tmp_path)) == 1
