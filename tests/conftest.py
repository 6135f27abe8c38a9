from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
EXAMPLES = ROOT / "examples"

sys.path.insert(0, str(Path(__file__).resolve().parent))

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="apertium is not installed (run scripts/setup.sh)"
)


@pytest.fixture
def seeds() -> list[Path]:
    assert SEEDS, f"no seeds found in {SHARED / 'seeds'}"
    return SEEDS
