"""What publish refuses even with --allow-drafts, and how a draft page says what it is.

Every scenario runs on a project made by the real `toolkit translate` (Apertium,
fr→es) from the shipped example release, as a press office would run it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import polib
import pytest
from typer.testing import CliRunner

from toolkit.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT / "examples" / "communique-retour-volontaire.txt"
MARKDOWN = ROOT / "examples" / "communique-frontieres.md"
OTHER = ROOT / "tests" / "data" / "releases" / "s01-douala-operation.txt"
NOTICE = "[Traducción automática, aún no revisada por un traductor.]"
runner = CliRunner()

pytestmark = pytest.mark.skipif(not Path("/usr/share/apertium/modes/fr-es.mode").exists(),
                                reason="apertium fr-es is not installed")


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("made")
    for release in (RELEASE, MARKDOWN):
        project = base / release.suffix[1:]
        project.mkdir()
        shutil.copy(release, project / release.name)
        code, out = run("translate", project / release.name, "--to", "es", "--out",
                        project / "locales", "--quiet")
        assert code == 0, out
    return base


@pytest.fixture
def project(made: Path, tmp_path: Path) -> Path:
    """A fresh copy of the translated text project: ``communique-retour-volontaire.txt``
    and ``locales/es/``."""
    shutil.copytree(made / "txt", tmp_path / "projet")
    return tmp_path / "projet"


def catalogue(project: Path) -> Path:
    return project / "locales" / "es" / f"{RELEASE.stem}.po"


def published(project: Path) -> Path:
    return project / "locales" / "es" / f"{RELEASE.stem}.es.txt"


def confirm(po_path: Path, edit: tuple[str, str] | None = None) -> None:
    """A reviewer confirms every unit in Poedit (fuzzy cleared), optionally editing one."""
    po = polib.pofile(str(po_path))
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if edit and edit[0] in entry.msgstr:
            entry.msgstr = entry.msgstr.replace(*edit)
    po.save(str(po_path))


def test_source_is_recorded_relative_to_the_catalogue(project: Path, tmp_path: Path) -> None:
    po = polib.pofile(str(catalogue(project)))
    assert po.metadata["X-Toolkit-Source"] == f"../../{RELEASE.name}"
    moved = tmp_path / "ailleurs" / "projet"
    shutil.move(project, moved)  # the whole project moves: publish still finds its release
    code, out = run("publish", catalogue(moved), "--allow-drafts", "-q")
    assert code == 0, out
    assert published(moved).is_file()


def test_an_older_copy_in_a_parent_folder_is_never_picked(project: Path) -> None:
    (project / RELEASE.name).unlink()
    older = RELEASE.read_text(encoding="utf-8").replace("68,5 %", "60 %")
    for folder in (project / "locales", project.parent):
        (folder / RELEASE.name).write_text(older, encoding="utf-8")
    code, out = run("publish", catalogue(project), "--allow-drafts")
    assert code == 3, out
    assert "cannot find the source release" in out
    assert not published(project).exists()


def test_a_revised_source_is_refused_until_update(project: Path) -> None:
    source = project / RELEASE.name
    source.write_text(source.read_text(encoding="utf-8").replace("68,5 %", "71,2 %"),
                      encoding="utf-8")
    code, out = run("publish", catalogue(project), "--allow-drafts")
    assert code == 6, out
    assert "not in the catalogue" in out and "71,2 %" in out
    assert "not in the source" in out and "68,5 %" in out
    assert "toolkit update" in out
    assert not published(project).exists()
    code, out = run("update", source, "--to", "es", "--out", project / "locales", "-q")
    assert code == 0, out
    code, out = run("publish", catalogue(project), "--allow-drafts", "-q")
    assert code == 0, out
    assert "71,2" in published(project).read_text(encoding="utf-8")


def test_another_release_given_as_source_is_refused(project: Path) -> None:
    code, out = run("publish", catalogue(project), "--source", OTHER, "--allow-drafts",
                    "--out", project / "x.txt")
    assert code == 6, out
    assert "is not the release this catalogue was made from" in out
    assert not (project / "x.txt").exists()


def test_a_wrong_number_blocks_publish_unless_forced(project: Path) -> None:
    confirm(catalogue(project), edit=("68,5", "58,5"))  # a reviewer's slip
    code, out = run("publish", catalogue(project))
    assert code == 6, out
    assert "would publish wrong facts" in out and "number-missing" in out and "68,5" in out
    assert "--force" in out
    assert not published(project).exists()
    code, out = run("publish", catalogue(project), "--force")
    assert code == 0, out
    assert "published anyway (--force)" in out
    assert "58,5" in published(project).read_text(encoding="utf-8")


def test_a_changed_email_blocks_publish(project: Path) -> None:
    po = polib.pofile(str(catalogue(project)))
    email = next(w for e in po for w in e.msgid.split() if "@" in w).strip(".,;:()")
    confirm(catalogue(project), edit=(email, email.replace("@", "@x")))
    code, out = run("publish", catalogue(project))
    assert code == 6, out
    assert "span-missing" in out and email in out


def test_drafts_carry_a_notice_until_confirmed(project: Path) -> None:
    code, out = run("publish", catalogue(project), "--allow-drafts", "-q")
    assert code == 0, out
    lines = published(project).read_text(encoding="utf-8").split("\n")
    assert lines[0] == NOTICE and lines[1] == ""
    assert lines[2:] == [line for line in lines[2:] if line != NOTICE]
    code, out = run("publish", catalogue(project), "--allow-drafts", "--no-draft-notice", "-q")
    assert code == 0, out
    assert NOTICE not in published(project).read_text(encoding="utf-8")
    confirm(catalogue(project))
    code, out = run("publish", catalogue(project), "-q")
    assert code == 0, out
    assert NOTICE not in published(project).read_text(encoding="utf-8")


def test_markdown_front_matter_speaks_the_target(made: Path, tmp_path: Path) -> None:
    project = shutil.copytree(made / "md", tmp_path / "md")
    po_path = project / "locales" / "es" / f"{MARKDOWN.stem}.po"
    code, out = run("publish", po_path, "--allow-drafts", "-q")
    assert code == 0, out
    text = (po_path.parent / f"{MARKDOWN.stem}.es.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    fields = dict(line.split(": ", 1) for line in front.split("\n")[1:])
    assert fields["lang"] == "es"
    heading = next(line for line in body.split("\n") if line.startswith("# "))[2:]
    assert fields["title"] == f'"{heading}"' and "Gestión" in heading
    assert fields["date"] == "2025-03-14" and fields["tags"] == "[frontières, Sahel, Niger]"
    assert fields["machine_translation"] == "true"
    assert "Traducción automática" not in body  # the field is for the site's templates
    confirm(po_path)
    code, out = run("publish", po_path, "-q")
    assert code == 0, out
    assert "machine_translation" not in (po_path.parent / f"{MARKDOWN.stem}.es.md").read_text(
        encoding="utf-8")


def test_site_pages_from_drafts_carry_the_banner(project: Path) -> None:
    site = project / "site"
    code, out = run("publish", "--site", project / "locales", "--out", site, "--allow-drafts",
                    "-q")
    assert code == 0, out
    page = lxml.html.parse(str(site / "es" / f"{RELEASE.stem}.html")).getroot()
    notes = page.findall(".//div[@role='note']")
    assert [n.text for n in notes] == [NOTICE.strip("[]")] and notes[0].get("lang") == "es"
    french = lxml.html.parse(str(site / "fr" / f"{RELEASE.stem}.html")).getroot()
    assert not french.findall(".//div[@role='note']")
    confirm(catalogue(project), edit=("68,5", "58,5"))
    shutil.rmtree(site)
    code, out = run("publish", "--site", project / "locales", "--out", site)
    assert code == 6, out
    assert "number-missing" in out and not site.exists()
