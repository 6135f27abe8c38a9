"""End to end: `toolkit translate` on the real seeds with the real Apertium."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLES, SEEDS, needs_apertium
from schemas import assert_valid
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.formats.po import unit_id

pytestmark = needs_apertium
XLIFF12 = "xliff12/xliff-core-1.2-strict.xsd"
runner = CliRunner()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("locales")
    args = ["translate", *map(str, SEEDS), "--from", "fr", "--to", "en", "--to", "es",
            "--out", str(out), "--no-glossary"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out


def _body_lines(seed: Path) -> list[str]:
    lines = seed.read_text("utf-8").split("\n")
    start = lines.index("- 2030 AGENDA") + 1  # the seeds' navigation ends there
    return [ln for ln in lines[start:] if ln.strip() and ln.strip() != "***"]


def _nav_lines(seed: Path) -> set[str]:
    lines = seed.read_text("utf-8").split("\n")
    end = lines.index("- 2030 AGENDA") + 1
    return {ln.strip().lstrip("- ").strip() for ln in lines[:end] if len(ln.strip()) > 1}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_every_seed_translates(out: Path, seed: Path, lang: str) -> None:
    po = polib.pofile(str(out / lang / f"{seed.stem}.po"))
    assert len(po) > 5
    assert all(e.msgstr.strip() for e in po), "an untranslated unit"
    assert all("fuzzy" in e.flags for e in po), "machine output must be marked fuzzy"
    assert all(unit_id(e) and e.occurrences for e in po)
    assert any(line.startswith("engine: apertium") for line in po[0].comment.splitlines())
    assert po.metadata["Language"] == lang
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert "Plural-Forms" in po.metadata and po.metadata["X-Generator"].startswith("toolkit")
    ids = [unit_id(e) for e in po]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_po_passes_msgfmt_check(out: Path, lang: str) -> None:
    for po in sorted((out / lang).glob("*.po")):
        proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


def test_xliff_validates_against_strict_schema(out: Path) -> None:
    files = sorted(out.glob("*/*.xlf"))
    assert len(files) == 2 * len(SEEDS)
    for xlf in files:
        assert_valid(xlf, XLIFF12)
        text = xlf.read_text("utf-8")
        assert 'state="needs-review-translation"' in text
        assert 'state-qualifier="leveraged-mt"' in text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_no_body_sentence_lost_and_no_navigation_kept(out: Path, seed: Path) -> None:
    po = polib.pofile(str(out / "en" / f"{seed.stem}.po"))
    units = "".join(e.msgid for e in po)
    body = "".join(ln.strip().removeprefix("- ") for ln in _body_lines(seed))
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert squash(units) == squash(body)
    nav = _nav_lines(seed)
    assert not [e.msgid for e in po if e.msgid.strip() in nav]
    assert not any(e.msgid.startswith(("Qui sommes nous", "Notre travail")) for e in po)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_emails_and_phones_come_out_identical(out: Path, seed: Path) -> None:
    text = seed.read_text("utf-8")
    emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)
    phones = re.findall(r"\+\d[\d ]{6,}\d|\b\d{9}\b", text)
    assert emails
    english = "\n".join(e.msgstr for e in polib.pofile(str(out / "en" / f"{seed.stem}.po")))
    for item in emails + phones:
        assert item in english, item


def test_example_release_translates(tmp_path: Path) -> None:
    example = EXAMPLES / "communique-retour-volontaire.txt"
    result = runner.invoke(app, ["translate", str(example), "--to", "en", "--out", str(tmp_path),
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    po = polib.pofile(str(tmp_path / "en" / f"{example.stem}.po"))
    english = " ".join(e.msgstr for e in po)
    for kept in ("msow@iom.int", "+227 20 75 23 31", "www.migrationjointinitiative.org",
                 "@OIM_Niger"):
        assert kept in english
    # Numbers are written in English conventions by value (toolkit.drafting.numbers).
    assert "1,250" in english and "68.5" in english and "1 250" not in english
    assert result.output == ""


def test_summary_names_where_files_went(tmp_path: Path) -> None:
    result = runner.invoke(app, ["translate", str(SEEDS[0]), "--to", "es", "--out",
                                 str(tmp_path), "--no-glossary"])
    assert result.exit_code == 0
    assert "1 file(s)" in result.output and str(tmp_path) in result.output


def test_a_release_left_with_no_text_is_said(tmp_path: Path) -> None:
    # Lines of a known site menu only: every one is chrome, nothing is left to translate.
    from importlib import resources

    from toolkit.ingest.chrome import known_lines
    data = resources.files("toolkit.ingest").joinpath("data/chrome.txt").read_text("utf-8")
    menu = [x for x in data.splitlines() if x.strip() and not x.startswith("#")][:5]
    assert all(" ".join(m.split()).casefold() in known_lines() for m in menu)
    release = tmp_path / "menu.txt"
    release.write_text("\n".join(menu) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["translate", str(release), "--engine", "pseudo",
                                 "--no-language-check", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"{release}: no text to translate; 5 line(s) read as website chrome" in result.output
