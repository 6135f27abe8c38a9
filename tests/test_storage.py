"""A full disk or a read-only tree stops a run before it writes, with its own exit code.

Real file systems: a small tmpfs mounted for the test (needs root; skipped otherwise,
saying so), filled or remounted read-only, as a shared drive or a quota would be.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from toolkit.cli.app import app

RELEASE = EXAMPLES / "communique-retour-volontaire.txt"
runner = CliRunner()


def _mount(point: Path, *options: str) -> bool:
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs",
                           str(point)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "disque"
    point.mkdir()
    if shutil.which("mount") is None or not _mount(point, "size=1m"):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def fill(disk: Path, leave: int) -> None:
    """Use the disk up, but for ``leave`` bytes."""
    free = shutil.disk_usage(disk).free
    (disk / "remplissage.bin").write_bytes(b"\0" * max(0, free - leave))


def test_full_disk_stops_translate_and_leaves_the_tree_as_it_was(small_disk: Path) -> None:
    out = small_disk / "locales"
    code, output = run("translate", RELEASE, "--to", "es", "--out", out, "-q")
    assert code == 0, output
    before = snapshot(out)
    fill(small_disk, 16 * 1024)
    code, output = run("translate", RELEASE, "--to", "es", "--to", "en", "--out", out)
    assert code == 10, output
    assert "disk full" in output and "KiB free" in output and "Traceback" not in output
    assert snapshot(out) == before


def test_full_disk_stops_import_before_any_catalogue_changes(small_disk: Path,
                                                              tmp_path: Path) -> None:
    out = small_disk / "locales"
    code, output = run("translate", RELEASE, "--to", "es", "--out", out, "-q")
    assert code == 0, output
    po = polib.pofile(str(out / "es" / f"{RELEASE.stem}.po"))
    po[0].msgstr = "Título revisado"
    po[0].flags.remove("fuzzy")
    review = tmp_path / f"{RELEASE.stem}.po"
    po.save(str(review))
    before = snapshot(out)
    fill(small_disk, 8 * 1024)
    code, output = run("import", review, "--out", out, "--no-memory")
    assert code == 10, output
    assert snapshot(out) == before


def test_read_only_tree_is_told_apart(small_disk: Path, tmp_path: Path) -> None:
    out = small_disk / "locales"
    code, output = run("translate", RELEASE, "--to", "es", "--out", out, "-q")
    assert code == 0, output
    review = tmp_path / f"{RELEASE.stem}.po"
    shutil.copy(out / "es" / review.name, review)
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for args in (("translate", RELEASE, "--to", "es", "--out", out),
                 ("import", review, "--out", out, "--no-memory")):
        code, output = run(*args)
        assert code == 9, output
        assert output.strip() == f"error: {out}: read-only file system", output
    assert snapshot(out) == before
