from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Release samples written for the tests, in the shape of IOM's French releases (site
# navigation, title, dateline, quotes, list, contact block); the suite needs nothing
# outside the repository.
RELEASES = ROOT / "tests" / "data" / "releases"
SEEDS = sorted(RELEASES.glob("*.txt"))
# Development sets the suite scores against (UD sentences, IOM terms), vendored with their
# sources and licences (tests/data/eval/README.md).
EVAL = ROOT / "tests" / "data" / "eval"
EXAMPLES = ROOT / "examples"

sys.path.insert(0, str(Path(__file__).resolve().parent))

# A user's own glossaries and models must not leak into the suite (nor the suite into them).
os.environ["TOOLKIT_DATA_DIR"] = tempfile.mkdtemp(prefix="toolkit-data-")

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed (run scripts/setup.sh)"
)


@pytest.fixture
def seeds() -> list[Path]:
    assert SEEDS, f"no release samples in {RELEASES}"
    return SEEDS


@pytest.fixture
def forked_pids(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The processes forked during a test (see :func:`all_reaped`)."""
    pids: list[int] = []
    real = os.fork

    def fork() -> int:
        pid = real()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    return pids


def all_reaped(pids: list[int]) -> bool:
    """Whether every one of ``pids`` has been waited for (none left behind as a zombie)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return True
