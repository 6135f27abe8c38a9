from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Release samples written for the tests, in the shape of IOM's French releases (site
# navigation, title, dateline, quotes, list, contact block); the suite needs nothing
# outside the repository.
RELEASES = ROOT / "tests" / "data" / "releases"
SEEDS = sorted(RELEASES.glob("*.txt"))
# Evaluation data beside the repository (a development checkout); absent in a user's clone.
SHARED = ROOT.parent / "shared"
needs_eval = pytest.mark.skipif(not (SHARED / "eval").is_dir(),
                                reason="../shared/eval (evaluation data) is not beside this checkout")
EXAMPLES = ROOT / "examples"

sys.path.insert(0, str(Path(__file__).resolve().parent))

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed (run scripts/setup.sh)"
)


@pytest.fixture
def seeds() -> list[Path]:
    assert SEEDS, f"no release samples in {RELEASES}"
    return SEEDS
