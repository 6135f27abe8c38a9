"""`translate --retranslate drafts`: a better engine redoes machine drafts, never people's work.

A press office first drafts with one engine (here the pseudo engine, as a stand-in for a
weak one), a reviewer confirms and edits some units, then a better engine (the real
Apertium) is available: only the machine drafts are sent to it again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
from conftest import EXAMPLES, needs_apertium
from typer.testing import CliRunner

from toolkit.cli.app import app

runner = CliRunner()
RELEASE = EXAMPLES / "communique-retour-volontaire.txt"


def run(*args: object) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def entries(po: Path) -> list[polib.POEntry]:
    return list(polib.pofile(str(po)))


@needs_apertium
def test_only_machine_drafts_go_to_the_new_engine(tmp_path: Path) -> None:
    release = tmp_path / RELEASE.name
    shutil.copy(RELEASE, release)
    out = tmp_path / "locales"
    run("translate", release, "--to", "es", "--engine", "pseudo", "--out", out, "-q")
    po_path = out / "es" / f"{RELEASE.stem}.po"
    review = tmp_path / "revue.po"
    po = polib.pofile(str(po_path))
    po[1].msgstr = "Frase corregida por la revisora."
    po[1].flags.remove("fuzzy")
    po[2].flags.remove("fuzzy")  # confirmed as it stands, pseudo text and all
    po.save(str(review))
    run("import", review, "--out", out, "--no-memory", "-q")
    kept = [e.msgstr for e in entries(po_path)[1:3]]

    run("translate", release, "--to", "es", "--engine", "apertium", "--out", out, "-q")
    assert entries(po_path)[0].msgstr.startswith("[")  # without the option drafts stay

    run("translate", release, "--to", "es", "--engine", "apertium", "--out", out, "-q",
        "--retranslate", "drafts")
    after = entries(po_path)
    assert [e.msgstr for e in after[1:3]] == kept
    assert all("fuzzy" not in e.flags for e in after[1:3])
    drafts = [e for i, e in enumerate(after) if i not in (1, 2)]
    assert len(drafts) > 10
    for e in drafts:
        assert "fuzzy" in e.flags and not e.msgstr.startswith("["), e.msgstr
        assert "engine: apertium" in e.comment and "engine: pseudo" not in e.comment
    assert "engine: pseudo" in after[2].comment  # a confirmed unit keeps its provenance
