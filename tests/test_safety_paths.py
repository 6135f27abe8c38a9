"""Names are data, never paths: crafted release names and headers stay inside their tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from conftest import SEEDS
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import InputError
from toolkit.langs import Lang
from toolkit.locales import catalogue_path, check_name, inside

runner = CliRunner()


def _translate(release: Path, out: Path) -> None:
    result = runner.invoke(app, ["translate", str(release), "--to", "en", "--engine", "pseudo",
                                 "--no-glossary", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


@pytest.fixture
def two_projects(tmp_path: Path) -> tuple[Path, Path]:
    """Two projects side by side, each with its own translated release."""
    for project in ("Mine", "OtherProject"):
        (tmp_path / project).mkdir()
        release = tmp_path / project / "communique.txt"
        shutil.copy(SEEDS[0], release)
        _translate(release, tmp_path / project / "locales")
    return tmp_path / "Mine" / "locales", tmp_path / "OtherProject" / "locales"


@pytest.mark.parametrize("name", ["../../OtherProject/locales/en/communique", "../x", "..",
                                  "/etc/passwd", "a/b", "a\\b", "", "x" * 300, "~root",
                                  "C:evil", "a\x00b"])
def test_unsafe_names_refused(name: str) -> None:
    with pytest.raises(InputError, match="unsafe release name"):
        check_name(name)
    with pytest.raises(InputError):
        catalogue_path("locales", Lang.parse("en"), name, "po")


@pytest.mark.parametrize("name", ["communique", "s01-douala-operation", "rel.2025",
                                  "Communiqué_de_presse"])
def test_ordinary_names_pass(name: str) -> None:
    assert check_name(name) == name


def test_region_cannot_smuggle_a_separator() -> None:
    with pytest.raises(InputError, match="language folder"):
        catalogue_path("locales", Lang.parse("fr-/x"), "rel", "po")


def test_symlinked_language_folder_is_refused(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "en").symlink_to(elsewhere)
    with pytest.raises(InputError, match="outside"):
        catalogue_path(out, Lang.parse("en"), "rel", "po")
    assert inside(out, out / "fr" / "rel.po") == out / "fr" / "rel.po"


def test_import_of_a_traversing_release_name_touches_no_other_project(
        two_projects: tuple[Path, Path], tmp_path: Path) -> None:
    mine, other = two_projects
    before = _snapshot(other.parent)
    po = polib.pofile(str(mine / "en" / "communique.po"))
    po.metadata["X-Toolkit-Release"] = "../../OtherProject/locales/en/communique"
    for entry in po:
        entry.msgstr = "HACKED"
        entry.flags = []
    reviewed = tmp_path / "reviewed.po"
    po.save(str(reviewed))
    result = runner.invoke(app, ["import", str(reviewed), "--out", str(mine), "--no-memory"])
    assert result.exit_code == 3, result.output
    assert "unsafe release name" in result.output and "reviewed.po" in result.output
    assert "Traceback" not in result.output
    assert _snapshot(other.parent) == before
    assert "HACKED" not in (mine / "en" / "communique.po").read_text(encoding="utf-8")


def _crafted(mine: Path, tmp_path: Path, *, release: str, source: str) -> Path:
    po = polib.pofile(str(mine / "en" / "communique.po"))
    po.metadata["X-Toolkit-Release"] = release
    po.metadata["X-Toolkit-Source"] = source
    for entry in po:
        entry.flags = []
    crafted = mine / "en" / "communique.po"
    po.save(str(crafted))
    return crafted


def test_publish_refuses_a_header_pointing_at_etc_passwd(
        two_projects: tuple[Path, Path], tmp_path: Path) -> None:
    mine, _ = two_projects
    po = _crafted(mine, tmp_path, release="communique", source="/etc/passwd")
    result = runner.invoke(app, ["publish", str(po)])
    assert result.exit_code == 3, result.output
    assert "not a release file" in result.output
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and b"root:" in p.read_bytes()]


def test_publish_refuses_a_stranger_file_with_a_release_suffix(
        two_projects: tuple[Path, Path], tmp_path: Path) -> None:
    mine, _ = two_projects
    secret = tmp_path / "notes.txt"
    secret.write_text("Mon mot de passe est hunter2.\nNe le dites à personne.\n",
                      encoding="utf-8")
    po = _crafted(mine, tmp_path, release="communique", source=str(secret))
    result = runner.invoke(app, ["publish", str(po)])
    assert result.exit_code == 3, result.output
    assert "not this catalogue's release" in result.output
    assert not [p for p in tmp_path.rglob("*.en.txt")]


def test_publish_default_out_never_leaves_the_catalogue_folder(
        two_projects: tuple[Path, Path], tmp_path: Path) -> None:
    mine, other = two_projects
    before = _snapshot(other.parent)
    po = _crafted(mine, tmp_path, release="../../../OtherProject/communique",
                  source=str(tmp_path / "Mine" / "communique.txt"))
    result = runner.invoke(app, ["publish", str(po)])
    assert result.exit_code == 3, result.output
    assert "unsafe release name" in result.output
    assert _snapshot(other.parent) == before


def test_site_refuses_crafted_headers(two_projects: tuple[Path, Path], tmp_path: Path) -> None:
    mine, other = two_projects
    before = _snapshot(other.parent)
    site = tmp_path / "site"
    _crafted(mine, tmp_path, release="../../OtherProject/x", source=str(SEEDS[0]))
    result = runner.invoke(app, ["publish", "--site", str(mine), "--out", str(site),
                                 "--sources", str(mine.parent)])
    assert result.exit_code == 3, result.output
    assert "unsafe release name" in result.output
    _crafted(mine, tmp_path, release="communique", source="/etc/passwd")
    result = runner.invoke(app, ["publish", "--site", str(mine), "--out", str(site)])
    assert result.exit_code == 3, result.output
    assert not site.exists() or not [p for p in site.rglob("*") if b"root:" in p.read_bytes()]
    assert _snapshot(other.parent) == before


def test_honest_publish_still_works(two_projects: tuple[Path, Path], tmp_path: Path) -> None:
    mine, _ = two_projects
    po = mine / "en" / "communique.po"
    result = runner.invoke(app, ["publish", str(po), "--allow-drafts", "--quiet"])
    assert result.exit_code == 0, result.output
    assert (mine / "en" / "communique.en.txt").is_file()
    result = runner.invoke(app, ["publish", "--site", str(mine), "--out", str(tmp_path / "site"),
                                 "--allow-drafts", "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "en" / "communique.html").is_file()
