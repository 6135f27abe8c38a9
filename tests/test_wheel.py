"""Installed from a wheel (not -e), the toolkit finds its data and translates with the glossary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import ROOT, needs_apertium

pytestmark = needs_apertium


@pytest.fixture(scope="module")
def wheel_python(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    src = work / "src"  # build from a copy: the build must not write into the checkout
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "locales", "build", "*.egg-info", "__pycache__", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(work / "dist"), str(src)], check=True, capture_output=True)
    (wheel,) = (work / "dist").glob("toolkit-*.whl")
    env = work / "venv"
    venv.create(env, with_pip=False)
    py = env / "bin" / "python"
    site = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies come from the test run's own environment (appended after the venv's own
    # site-packages, so the wheel's copy of toolkit is the one imported); the wheel is unpacked.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    shutil.unpack_archive(str(wheel), str(site), format="zip")
    return py


def test_wheel_has_the_glossary_and_translates_with_it(wheel_python: Path, tmp_path: Path) -> None:
    release = tmp_path / "communique.txt"
    release.write_text("Titre\n\nL'OIM lutte contre la traite des êtres humains.\n", "utf-8")
    code = ("import sys, toolkit, toolkit.glossary.store as s; print(toolkit.__file__); "
            "print(s.default_file().is_file()); "
            "print(toolkit.translate_text(open(sys.argv[1], encoding='utf-8').read(), "
            "src='fr', tgt='en'))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(wheel_python), "-c", code, str(release)], cwd=tmp_path,
                         capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    where, has_glossary, *text = out.stdout.splitlines()
    assert str(ROOT) not in where and "site-packages" in where
    assert has_glossary == "True"
    assert "human trafficking" in "\n".join(text)


def test_wheel_glossary_edits_stay_out_of_the_install(wheel_python: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["TOOLKIT_DATA_DIR"] = str(tmp_path / "data")
    site = wheel_python.parent.parent
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.tbx")}
    assert before, "the wheel install has no shipped glossary"
    out = subprocess.run([str(wheel_python), "-m", "toolkit", "glossary", "add", "sea-wall",
                          "--fr", "digue", "--en", "seawall"], cwd=tmp_path,
                         capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "data" / "glossaries" / "glossary.tbx").is_file()
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*.tbx")} == before
    listed = subprocess.run([str(wheel_python), "-m", "toolkit", "glossary", "list", "--search",
                             "digue"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert "sea-wall" in listed.stdout
