"""`toolkit glossary` commands through typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import polib
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.glossary import load

CASES = Path(__file__).resolve().parent / "cases" / "glossary"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["glossary", *args])


def test_list_and_search() -> None:
    res = run("list", "--search", "passeur")
    assert res.exit_code == 0, res.output
    assert "smuggler [smuggling]" in res.stdout and "not: passer" in res.stdout
    assert "concept_id" not in res.stdout


def test_add_remove_import_on_a_user_file(tmp_path: Path) -> None:
    user = tmp_path / "mine.tbx"
    res = run("add", "border-wall", "--fr", "mur frontalier", "--en", "border wall",
              "--en-forbidden", "frontier wall", "--es", "muro fronterizo",
              "--domain", "border", "--glossary", str(user))
    assert res.exit_code == 0, res.output
    c = load(user).get("border-wall")
    assert [t.text for t in c.forbidden("en")] == ["frontier wall"]
    res = run("add", "border-wall", "--fr", "x", "--en", "y", "--glossary", str(user))
    assert res.exit_code == 3 and "already exists" in res.output
    res = run("import", str(CASES / "sample.tsv"), "--glossary", str(user))
    assert res.exit_code == 0 and "2 new" in res.stdout
    assert len(load(user)) == 3
    res = run("remove", "border-wall", "--glossary", str(user))
    assert res.exit_code == 0
    assert "border-wall" not in load(user)
    res = run("remove", "nope", "--glossary", str(user))
    assert res.exit_code == 3


def test_import_bad_file_reports_path_and_line(tmp_path: Path) -> None:
    res = run("import", str(CASES / "bad_duplicate.csv"), "--glossary", str(tmp_path / "g.tbx"))
    assert res.exit_code == 3
    assert "bad_duplicate.csv:4" in res.output


def test_export_formats(tmp_path: Path) -> None:
    res = run("export", "--format", "csv")
    assert res.exit_code == 0
    assert res.stdout.startswith("concept_id,domain,fr,en,en_variants,en_forbidden")
    out = tmp_path / "g.tsv"
    res = run("export", "--format", "tsv", "--out", str(out))
    assert res.exit_code == 0 and len(load(out)) >= 150
    res = run("export", "--format", "tbx", "--glossary", str(CASES / "sample.tsv"))
    assert '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic"' in res.stdout


def _po(path: Path, pairs: list[tuple[str, str]]) -> Path:
    po = polib.POFile()
    po.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    for i, (src, tgt) in enumerate(pairs):
        po.append(polib.POEntry(msgctxt=f"rel:b{i}s0", msgid=src, msgstr=tgt))
    po.save(str(path))
    return path


def test_check_po(tmp_path: Path) -> None:
    good = _po(tmp_path / "good.po", [("Les passeurs.", "The smugglers.")])
    res = run("check", str(good))
    assert res.exit_code == 0, res.output
    bad = _po(tmp_path / "bad.po", [("Les passeurs.", "The passers."),
                                   ("La traite.", "Trafficking.")])
    res = run("check", str(bad))
    assert res.exit_code == 1
    assert "rel:b0s0: error: term-missing" in res.stdout
    assert "term-forbidden" in res.stdout and "rel:b1s0" not in res.stdout


def test_check_xliff(tmp_path: Path) -> None:
    xlf = tmp_path / "r.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" '
        'trgLang="es"><file id="f"><unit id="u1"><segment><source>La traite des personnes.'
        '</source><target>El trato de personas.</target></segment></unit></file></xliff>\n',
        encoding="utf-8")
    res = run("check", str(xlf))
    assert res.exit_code == 1 and "u1: error: term-missing" in res.stdout
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff><file>", encoding="utf-8")
    res = run("check", str(broken))
    assert res.exit_code == 3 and "broken.xlf" in res.output


def test_check_takes_many_files_and_the_common_language_options(tmp_path: Path) -> None:
    good = _po(tmp_path / "good.po", [("Les passeurs.", "The smugglers.")])
    bad = _po(tmp_path / "bad.po", [("Les passeurs.", "The passers.")])
    res = run("check", str(good), str(bad), "--from", "fr", "--to", "en")
    assert res.exit_code == 1, res.output
    assert f"{bad}:rel:b0s0: error: term-missing" in res.stdout and str(good) not in res.stdout
    assert "2 units checked: 2 errors" in res.output  # term missing, rendering forbidden
    old = run("check", str(good), "--src", "fr", "--tgt", "en")  # the older names still work
    assert old.exit_code == 0, old.output
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "x\n', encoding="utf-8")
    res = run("check", str(good), str(broken))
    assert res.exit_code == 3 and "broken.po" in res.output and "units checked" not in res.output
