"""One writer per output tree: runs that race wait for each other and lose nothing.

Real processes (``python -m toolkit``), the real Apertium engine and real files:
a lock held by another process is what the kernel says, not something a test
can fake in-process.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest

from toolkit.errors import BusyError
from toolkit.treelock import LOCK_NAME, holder, tree_lock

ROOT = Path(__file__).resolve().parents[1]
RELEASES = sorted((ROOT / "tests" / "data" / "releases").glob("*.txt"))
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

pytestmark = pytest.mark.skipif(not Path("/usr/share/apertium/modes/fr-es.mode").exists(),
                                reason="apertium fr-es is not installed")


def toolkit(*args: str | Path, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "toolkit", *map(str, args)], cwd=cwd,
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out + err


def wait_until_held(tree: Path, proc: subprocess.Popen, limit: float = 60) -> None:
    end = time.monotonic() + limit
    while not holder(tree):
        assert proc.poll() is None, finish(proc)
        assert time.monotonic() < end, "the run never took the lock"
        time.sleep(0.02)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for release in RELEASES:
        shutil.copy(release, tmp_path / release.name)
    code, out = finish(toolkit("translate", *[r.name for r in RELEASES], "--to", "es",
                               "--quiet", cwd=tmp_path))
    assert code == 0, out
    return tmp_path


def long_release(project: Path, sentences: int = 600) -> str:
    """A release of distinct sentences, long enough (a few seconds of Apertium) that a
    second command starts while the translate run is between its read and its write."""
    text = " ".join(r.read_text("utf-8") for r in RELEASES)
    pool = [s for s in re.split(r"(?<=[.!?])\s+", text) if 40 < len(s) < 300 and "@" not in s]
    lines = [f"{pool[i % len(pool)].rstrip('.')}, selon la note {i}." for i in range(sentences)]
    body = "\n\n".join(" ".join(lines[i:i + 5]) for i in range(0, len(lines), 5))
    (project / "archive.txt").write_text(f"Note d'archive\n\n{body}\n", encoding="utf-8")
    return "archive.txt"


def po_of(project: Path) -> Path:
    return project / "locales" / "es" / f"{RELEASES[0].stem}.po"


def reviewed_copy(project: Path, name: str, unit: int, text: str) -> Path:
    """A reviewer's copy of the first release's PO with one unit translated by hand."""
    folder = project / name
    folder.mkdir()
    copy = folder / po_of(project).name
    po = polib.pofile(str(po_of(project)))
    entry = po[unit]
    entry.msgstr = text
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    po.save(str(copy))
    return copy


def targets(project: Path) -> list[str]:
    return [e.msgstr for e in polib.pofile(str(po_of(project)))]


def holding(tree: Path, seconds: float) -> subprocess.Popen:
    """Another process that holds the tree's lock for ``seconds``."""
    code = ("import sys, time\nfrom toolkit.treelock import tree_lock\n"
            f"with tree_lock({str(tree)!r}, what='test'):\n"
            "    print('held', flush=True)\n"
            f"    time.sleep({seconds})\n")
    proc = subprocess.Popen([sys.executable, "-c", code], env=ENV, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def test_lock_is_reentrant_in_one_process_and_leaves_the_tree_untouched(tmp_path: Path) -> None:
    with tree_lock(tmp_path), tree_lock(tmp_path / "." ):
        assert "pytest" in holder(tmp_path) or "python" in holder(tmp_path)
    assert (tmp_path / LOCK_NAME).read_bytes() == b""
    assert holder(tmp_path) == ""


def test_busy_tree_fails_at_once_with_wait_zero(project: Path) -> None:
    before = po_of(project).read_bytes()
    review = reviewed_copy(project, "revue", 1, "Traducción de la revisora.")
    keeper = holding(project / "locales", 30)
    try:
        code, out = finish(toolkit("import", review, "--out", "locales", "--wait", "0",
                                   cwd=project))
        assert code == 8, out
        assert "busy: pid" in out and "toolkit import did not start" in out
        assert "Traceback" not in out
        with pytest.raises(BusyError):
            with tree_lock(project / "locales", wait=0.2):
                pass
    finally:
        keeper.kill()
        keeper.wait()
    assert po_of(project).read_bytes() == before


def test_import_during_translate_waits_and_its_work_survives(project: Path) -> None:
    """The race the issue measured: translate read the tree, an import wrote it, translate
    wrote its stale copy over the import. Now the import waits for translate's write."""
    human = "Texto traducido por una persona, que debe quedar."
    review = reviewed_copy(project, "revue", 2, human)
    run = toolkit("translate", *[r.name for r in RELEASES], long_release(project), "--to", "es",
                  "--quiet", cwd=project)
    wait_until_held(project / "locales", run)
    imp = toolkit("import", review, "--out", "locales", cwd=project)
    code, out = finish(run)
    assert code == 0, out
    code, out = finish(imp)
    assert code == 0, out
    assert "waiting for pid" in out and "translate" in out
    assert targets(project)[2] == human
    xlf = (project / "locales" / "es" / f"{RELEASES[0].stem}.xlf").read_text("utf-8")
    assert human in xlf


def test_two_imports_wait_for_the_lock_then_both_are_kept(project: Path) -> None:
    first, second = "Primera revisora, unidad cero.", "Segunda revisora, unidad tres."
    a = reviewed_copy(project, "revue-a", 0, first)
    b = reviewed_copy(project, "revue-b", 3, second)
    before = po_of(project).read_bytes()
    keeper = holding(project / "locales", 4)
    runs = [toolkit("import", a, "--out", "locales", cwd=project),
            toolkit("import", b, "--out", "locales", cwd=project)]
    time.sleep(1.5)
    assert all(r.poll() is None for r in runs), "an import did not wait for the lock"
    assert po_of(project).read_bytes() == before
    keeper.wait()
    for r in runs:
        code, out = finish(r)
        assert code == 0, out
    now = targets(project)
    assert now[0] == first and now[3] == second


def test_kill_9_leaves_no_stale_lock_and_no_lost_work(project: Path) -> None:
    human = "Frase revisada antes del corte."
    code, out = finish(toolkit("import", reviewed_copy(project, "revue", 1, human), "--out",
                               "locales", cwd=project))
    assert code == 0, out
    run = toolkit("translate", *[r.name for r in RELEASES], long_release(project), "--to", "es",
                  "--quiet", cwd=project)
    wait_until_held(project / "locales", run)
    time.sleep(0.5)  # well inside its read–translate–write
    assert run.poll() is None
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert holder(project / "locales") == ""  # the kernel dropped the lock with the process
    code, out = finish(toolkit("translate", RELEASES[0].name, "--to", "es", "--wait", "0",
                               "--quiet", cwd=project))
    assert code == 0, out
    for suffix in (".po", ".xlf"):
        assert human in po_of(project).with_suffix(suffix).read_text("utf-8")
    assert targets(project)[1] == human


def test_two_glossary_edits_at_once_both_land(tmp_path: Path) -> None:
    glossary = tmp_path / "termes" / "projet.csv"
    glossary.parent.mkdir()
    keeper = holding(glossary.parent, 3)
    runs = [toolkit("glossary", "add", f"poste-{n}", "--fr", f"poste {n}", "--en", f"post {n}",
                    "--glossary", glossary, cwd=tmp_path) for n in ("nord", "sud")]
    time.sleep(1.2)
    assert not glossary.exists(), "an edit did not wait for the lock"
    keeper.wait()
    for r in runs:
        code, out = finish(r)
        assert code == 0, out
    text = glossary.read_text("utf-8")
    assert "poste nord" in text and "poste sud" in text
