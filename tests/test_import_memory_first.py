"""`toolkit import` checks the memory it will feed before it writes a catalogue."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import MemoryError_
from toolkit.memory import Memory, check_writable

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT / "examples" / "communique-retour-volontaire.txt"
runner = CliRunner()


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    shutil.copy(RELEASE, tmp_path / RELEASE.name)
    out = tmp_path / "locales"
    result = runner.invoke(app, ["translate", str(tmp_path / RELEASE.name), "--to", "en",
                                 "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(out / "en" / "communique-retour-volontaire.po"))
    entry = next(e for e in po if e.msgstr)
    entry.msgstr, entry.flags = "Niger: a title a reviewer wrote", []
    po.save(str(tmp_path / "reviewed.po"))
    return out, tmp_path / "reviewed.po"


def test_a_corrupt_memory_stops_the_import_before_any_write(tmp_path: Path) -> None:
    out, reviewed = _tree(tmp_path)
    tm = out / ".toolkit" / "memory.sqlite"
    tm.parent.mkdir(parents=True, exist_ok=True)
    tm.write_bytes(b"not a memory at all, but someone's file")
    before = {p: p.read_bytes() for p in (out / "en").iterdir()}
    result = runner.invoke(app, ["import", str(reviewed), "--catalogues", str(out)])
    assert result.exit_code == 7 and "memory.sqlite" in result.stderr
    assert {p: p.read_bytes() for p in (out / "en").iterdir()} == before  # the tree as it was
    assert tm.read_bytes() == b"not a memory at all, but someone's file"
    ok = runner.invoke(app, ["import", str(reviewed), "--catalogues", str(out), "--no-memory"])
    assert ok.exit_code == 0  # the work itself could be imported all along


def test_check_writable_creates_nothing_and_refuses_what_is_not_a_memory(tmp_path: Path) -> None:
    tm = tmp_path / "tm.sqlite"
    Memory(tm).close()
    check_writable(tm)  # an existing memory: a write transaction can begin
    check_writable(tmp_path / "new" / "tm.sqlite")  # missing, in a folder it can be made in
    assert not (tmp_path / "new").exists()  # checking creates nothing
    (tmp_path / "dir.sqlite").mkdir()
    with pytest.raises(MemoryError_):
        check_writable(tmp_path / "dir.sqlite")
