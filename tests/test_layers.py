"""Layer contracts (pyproject's [tool.importlinter]): no cycle, engines below glossary and
memory, nothing below the CLI imports it. Checked on the source tree with import-linter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _lint(root: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "lint-imports"
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(exe), "--no-cache"], cwd=root, env=env, capture_output=True,
                          text=True)


def test_layer_contracts_are_kept() -> None:
    proc = _lint(ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 kept, 0 broken" in proc.stdout


def test_a_cycle_breaks_the_contract(tmp_path: Path) -> None:
    """The check is real: an engine importing the glossary is caught."""
    copy = tmp_path / "tree"
    shutil.copytree(ROOT / "toolkit", copy / "toolkit", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    identity = copy / "toolkit" / "engines" / "identity.py"
    identity.write_text(identity.read_text("utf-8") + "\nfrom ..glossary import load  # noqa\n",
                        "utf-8")
    proc = _lint(copy)
    assert proc.returncode != 0
    assert "Engines know nothing of the glossary" in proc.stdout and "BROKEN" in proc.stdout
