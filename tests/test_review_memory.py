"""A reviewed sentence is never machine-translated again: import feeds the memory."""

from __future__ import annotations

import polib
from conftest import needs_apertium
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.memory import Memory, default_path

runner = CliRunner()
RELEASE = ("Titre du communiqué\n"
           "Genève – L’OIM a aidé 300 migrants à rentrer chez eux. La traite reste un fléau.\n")


@needs_apertium
def test_import_stores_approved_units_and_translate_reuses_them(tmp_path) -> None:
    src = tmp_path / "rel.txt"
    src.write_text(RELEASE, "utf-8")
    out = tmp_path / "locales"
    r = runner.invoke(app, ["translate", str(src), "--to", "en", "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    po_path = out / "en" / "rel.po"
    po = polib.pofile(str(po_path))
    unit = next(e for e in po if e.msgid.startswith("Genève"))
    unit.msgstr = "Geneva – IOM helped 300 migrants return home."
    unit.flags.remove("fuzzy")
    po.save()

    r = runner.invoke(app, ["import", str(po_path), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert "memory: 1 new unit(s)" in r.output
    with Memory(default_path(out), create=False) as tm:
        (match,) = tm.exact(unit.msgid, "fr", "en")
        assert match.unit.target == unit.msgstr

    # A second release repeating the reviewed sentence gets it from memory.
    other = tmp_path / "other.txt"
    other.write_text("Autre titre\nGenève – L’OIM a aidé 300 migrants à rentrer chez eux.\n", "utf-8")
    r = runner.invoke(app, ["translate", str(other), "--to", "en", "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    reused = next(e for e in polib.pofile(str(out / "en" / "other.po")) if e.msgid.startswith("Genève"))
    assert reused.msgstr == unit.msgstr
    assert "The translation is an exact memory match." in reused.comment.splitlines()
    assert any(line.startswith("memory: tm-exact 100%") for line in reused.comment.splitlines())
