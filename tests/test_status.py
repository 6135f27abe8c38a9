"""`toolkit status` counts units by review state, once per catalogue."""

from __future__ import annotations

import json

import polib
from typer.testing import CliRunner

from toolkit.cli.app import app

runner = CliRunner()


def test_status_counts_states_and_readiness(tmp_path) -> None:
    rel = tmp_path / "rel.txt"
    rel.write_text("Titre\nUne phrase. Une autre phrase.\n", "utf-8")
    out = tmp_path / "loc"
    r = runner.invoke(app, ["translate", str(rel), "--engine", "pseudo", "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["status", str(out), "--json"])
    assert r.exit_code == 0, r.output
    (row,) = json.loads(r.output)  # the .po and .xlf of one release count once
    assert (row["units"], row["draft"], row["publishable"]) == (3, 3, False)

    po_path = out / "en" / "rel.po"
    po = polib.pofile(str(po_path))
    for entry in po:
        entry.flags.remove("fuzzy")
    po.save()
    r = runner.invoke(app, ["status", str(po_path), "--json"])
    (row,) = json.loads(r.output)
    assert (row["translated"], row["draft"], row["publishable"]) == (3, 0, True)
    table = runner.invoke(app, ["status", str(po_path)]).output
    assert "translated" in table.splitlines()[0] and table.rstrip().endswith("yes")


def test_status_without_a_tree_says_so(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(app, ["status"])
    assert r.exit_code == 3 and "locales: no such file or folder" in r.output
    assert "toolkit translate" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["status", "absent.po"])
    assert r.exit_code == 3 and "absent.po" in r.output
