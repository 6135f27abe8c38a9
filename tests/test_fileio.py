"""Atomic writes: a failure between writing and renaming leaves the old file and no temp file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit import fileio
from toolkit.errors import DiskFullError
from toolkit.fileio import write_atomic, write_bytes_atomic


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_rename_failure_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "rel.po"
    target.write_bytes(b"old reviewed content\n")

    def broken_replace(src, dst):  # the crash point: new bytes written, not yet renamed
        assert Path(src).read_bytes() == b"new content\n"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    with pytest.raises(DiskFullError, match="disk full"):
        write_bytes_atomic(target, b"new content\n")
    assert target.read_bytes() == b"old reviewed content\n"
    assert _leftovers(tmp_path) == []


def test_failure_while_filling_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "rel.xlf"
    target.write_bytes(b"<old/>")

    def fill(fp) -> None:
        fp.write(b"<half")
        raise RuntimeError("writer crashed")

    with pytest.raises(RuntimeError):
        write_atomic(target, fill)
    assert target.read_bytes() == b"<old/>"
    assert _leftovers(tmp_path) == []


def test_success_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "rel.po"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert _leftovers(tmp_path) == []


def test_write_all_renames_nothing_when_one_file_cannot_be_written(tmp_path: Path) -> None:
    kept = tmp_path / "en" / "a.po"
    kept.parent.mkdir()
    kept.write_bytes(b"old a\n")
    blocked = tmp_path / "es"
    blocked.write_bytes(b"a file where the folder should be")
    files = [(kept, b"new a\n"), (blocked / "a.po", b"new es\n")]
    with pytest.raises(Exception, match="es"):
        fileio.write_all(files)
    assert kept.read_bytes() == b"old a\n"
    assert _leftovers(kept.parent) == []


def test_write_all_writes_every_file_with_its_bytes(tmp_path: Path) -> None:
    files = [(tmp_path / f"d{k % 3}" / f"f{k}.po", f"unit {k}\n".encode()) for k in range(40)]
    fileio.write_all(files)
    assert all(path.read_bytes() == data for path, data in files)
    assert all(_leftovers(path.parent) == [] for path, _ in files)
