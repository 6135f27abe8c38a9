"""`--json`: one parseable document on stdout for results and for errors, messages on stderr."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.formats import read_file

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT / "examples" / "communique-retour-volontaire.txt"
runner = CliRunner()


def _json(args: list[str], code: int = 0) -> dict:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)  # stdout holds the document and nothing else


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example release translated into English and Spanish with the real Apertium."""
    root = tmp_path_factory.mktemp("json")
    shutil.copy(RELEASE, root / RELEASE.name)
    doc = _json(["translate", str(root / RELEASE.name), "--to", "en", "--to", "es",
                 "--out", str(root / "locales"), "--json"])
    assert doc["releases"] == 1 and doc["targets"] == ["en", "es"]
    (root / "first.json").write_text(json.dumps(doc), "utf-8")
    return root


def test_translate_json_counts_what_it_wrote(tree: Path) -> None:
    doc = json.loads((tree / "first.json").read_text("utf-8"))
    written = [Path(p) for p in doc["written"]]
    assert sorted(p.suffix for p in written) == [".po", ".po", ".xlf", ".xlf"]
    assert all(p.is_file() for p in written)
    per_target = len(polib.pofile(str(tree / "locales" / "en" / "communique-retour-volontaire.po")))
    assert doc["units"] == 2 * per_target
    assert doc["updates"] == []


def test_update_json_names_the_changed_unit(tree: Path, tmp_path: Path) -> None:
    work = tmp_path / "w"
    shutil.copytree(tree, work)
    release = work / RELEASE.name
    release.write_text(release.read_text("utf-8").replace("68,5 %", "71,2 %"), "utf-8")
    doc = _json(["update", str(release), "--to", "en", "--catalogues", str(work / "locales"),
                 "--json"])
    (upd,) = doc["updates"]
    assert upd["release"] == "communique-retour-volontaire" and upd["lang"] == "en"
    assert len(upd["changed"]) == 1 and upd["added"] == [] and upd["removed"] == []
    cat = read_file(work / "locales" / "en" / "communique-retour-volontaire.po")
    (changed,) = [s.id for s in cat.segments if "71,2" in s.source]
    assert upd["changed"] == [changed]
    assert len(upd["kept"]) == len(cat.segments) - 1


def _edit(po_path: Path, out: Path, text: str) -> str:
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgstr)
    entry.msgstr = text
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    po.save(str(out))
    return entry.msgid


def test_import_json_and_conflict_as_data(tree: Path, tmp_path: Path) -> None:
    work = tmp_path / "w"
    shutil.copytree(tree, work)
    current = work / "locales" / "en" / "communique-retour-volontaire.po"
    reviewed = tmp_path / "reviewed.po"
    _edit(current, reviewed, "Niger: 1,250 stranded migrants go home with IOM's help")
    _edit(current, current, "Niger: another title written in the tree")
    (work / "locales" / "en" / "communique-retour-volontaire.xlf").unlink()
    before = current.read_bytes()

    err = _json(["import", str(reviewed), "--catalogues", str(work / "locales"), "--json",
                 "--no-memory"], code=6)["error"]
    assert err["code"] == 6 and err["kind"] == "ConflictError"
    (conflict,) = err["conflicts"]
    assert conflict["current"] == "Niger: another title written in the tree"
    assert conflict["incoming"] == "Niger: 1,250 stranded migrants go home with IOM's help"
    assert "\n" not in err["message"]
    assert current.read_bytes() == before  # nothing written

    doc = _json(["import", str(reviewed), "--catalogues", str(work / "locales"), "--json",
                 "--prefer", "reviewed", "--no-memory"])
    (res,) = doc["imported"]
    assert res["preferred"] == res["edited"] == [conflict["id"]]
    assert res["prefer"] == "reviewed" and res["to"] == "en"
    assert str(current) in res["written"]
    assert doc["memory"] == {}


def test_glossary_check_json_and_no_handle_read_as_term(tree: Path) -> None:
    po = tree / "locales" / "en" / "communique-retour-volontaire.po"
    doc = _json(["glossary", "check", str(po), "--json"])
    assert doc["units"] == len([e for e in polib.pofile(str(po)) if e.msgstr])
    # "suivez @OIM_Niger" keeps the handle: it is not the term OIM left untranslated
    assert not any("OIM" in f["message"] for f in doc["findings"]), doc["findings"]
    assert doc["errors"] == sum(f["severity"] == "error" for f in doc["findings"])


def test_glossary_check_json_reports_a_wrong_term(tree: Path, tmp_path: Path) -> None:
    po = polib.pofile(str(tree / "locales" / "en" / "communique-retour-volontaire.po"))
    entry = next(e for e in po if "trafic illicite de migrants" in e.msgid)
    entry.msgstr = "Illicit traffic of migrants remains a threat"
    po.save(str(tmp_path / "bad.po"))
    doc = _json(["glossary", "check", str(tmp_path / "bad.po"), "--json"], code=1)
    assert doc["errors"] >= 1
    assert any(f["check"] == "term-missing" and f["severity"] == "error"
               for f in doc["findings"])


def test_publish_json_and_refusal_as_json(tree: Path, tmp_path: Path) -> None:
    cat = tree / "locales" / "es" / "communique-retour-volontaire.po"
    err = _json(["publish", str(cat), "--json"], code=6)["error"]
    assert err["code"] == 6 and err["lang"] == "es" and err["path"] == str(cat)
    out = tmp_path / "release.es.txt"
    doc = _json(["publish", str(cat), "--allow-drafts", "--out", str(out), "--json"])
    assert doc["written"] == [str(out)] and out.is_file()
    assert Path(doc["source"]).name == RELEASE.name


def test_publish_source_takes_a_folder(tree: Path, tmp_path: Path) -> None:
    """One --source for a file or the folder holding it; --sources stays as the older name."""
    work = tmp_path / "w"
    shutil.copytree(tree / "locales", work / "locales")
    (work / "src").mkdir()
    shutil.copy(RELEASE, work / "src" / RELEASE.name)
    cat = work / "locales" / "en" / "communique-retour-volontaire.po"
    for option in ("--source", "--sources"):
        out = tmp_path / f"out{option}.txt"
        doc = _json(["publish", str(cat), option, str(work / "src"), "--allow-drafts",
                     "--out", str(out), "--json"])
        assert doc["source"] == str(work / "src" / RELEASE.name) and out.is_file()
    site = _json(["publish", "--site", str(work / "locales"), "--source", str(work / "src"),
                  "--allow-drafts", "--out", str(tmp_path / "site"), "--json"])
    assert site["written"] and all(Path(p).is_file() for p in site["written"])
    bad = _json(["publish", "--site", str(work / "locales"), "--source", str(RELEASE),
                 "--json"], code=2)["error"]
    assert bad["code"] == 2 and "not a folder" in bad["message"]


def test_qa_json_is_format_json(tree: Path) -> None:
    po = str(tree / "locales" / "en" / "communique-retour-volontaire.po")
    a = runner.invoke(app, ["qa", po, "--json"])
    b = runner.invoke(app, ["qa", po, "--format", "json"])
    assert a.exit_code == b.exit_code and json.loads(a.stdout) == json.loads(b.stdout)


def test_usage_and_input_errors_are_json(tmp_path: Path) -> None:
    err = _json(["translate", str(RELEASE), "--glossary", str(RELEASE), "--no-glossary",
                 "--out", str(tmp_path), "--json"], code=2)["error"]
    assert err["code"] == 2 and "--no-glossary" in err["message"]
    missing = tmp_path / "nope.txt"
    err = _json(["translate", str(missing), "--out", str(tmp_path), "--json"], code=3)["error"]
    assert err == {"code": 3, "kind": "InputError", "message": "no such file",
                   "path": str(missing)}


def test_listings_and_other_writers_speak_json(tree: Path, tmp_path: Path) -> None:
    engines = _json(["engines", "--from", "fr", "--to", "en", "--json"])
    (apertium,) = [e for e in engines if e["engine"] == "apertium"]
    assert apertium["unavailable"] is None
    assert apertium["pairs"] == [{"from": "fr", "to": "en", "route": ["fr-es", "spa-eng"],
                                  "error": None}]
    concepts = _json(["glossary", "list", "--search", "passeur", "--json"])
    assert any(t["text"] == "smuggler" and t["lang"] == "en" for c in concepts for t in c["terms"])

    report = _json(["report", str(tree / "locales"), "--out", str(tmp_path / "r.html"), "--json"])
    assert report["written"] == [str(tmp_path / "r.html")] and len(report["releases"]) == 2
    assert all(sum(r["by_state"].values()) == r["units"] for r in report["releases"])

    project = _json(["export", "omegat", str(tree / "locales"), "--to", "es",
                     "--out", str(tmp_path / "om"), "--json"])
    assert project["tgt"] == "es" and project["releases"] == ["communique-retour-volontaire"]
    assert all(Path(p).exists() for p in project["written"])

    case = ROOT / "tests" / "cases" / "align"
    fr, en = case / "release_fr.txt", case / "release_en.txt"
    aligned = _json(["align", str(fr), str(en), "--dry-run", "--json"])
    assert aligned["beads"] == len(aligned["pairs"]) and aligned["new"] == 0
    assert aligned["stored"] == sum(p["stored"] for p in aligned["pairs"])


def test_an_unknown_format_is_a_usage_error_everywhere(tmp_path: Path) -> None:
    """`glossary export --format xlsx` exited 3 while `translate --format docx` exited 2."""
    bad_glossary = runner.invoke(app, ["glossary", "export", "--format", "xlsx",
                                       "--out", str(tmp_path / "g.xlsx")])
    bad_catalogue = runner.invoke(app, ["translate", str(RELEASE), "--format", "docx",
                                        "--out", str(tmp_path)])
    assert bad_glossary.exit_code == bad_catalogue.exit_code == 2
    assert not (tmp_path / "g.xlsx").exists()


def test_a_file_named_twice_counts_once(tree: Path, tmp_path: Path) -> None:
    po = tree / "locales" / "en" / "communique-retour-volontaire.po"
    twice = [str(po), str(po.parent / "." / po.name)]
    units = len(read_file(po).segments)
    assert len(_json(["status", *twice, "--json"])) == 1
    checked = _json(["glossary", "check", *twice, "--json"])
    assert checked["units"] == len([s for s in read_file(po).segments if s.target])
    report = _json(["report", *twice, "--out", str(tmp_path / "r.html"), "--json"])
    assert [r["units"] for r in report["releases"]] == [units]
    qa = runner.invoke(app, ["qa", *twice])
    assert f"{units} units," in qa.stderr
    work = tmp_path / "w"
    shutil.copytree(tree / "locales", work)
    reviewed = tmp_path / "rev.po"
    _edit(work / "en" / po.name, reviewed, "Niger: 1,250 stranded migrants go home")
    doc = _json(["import", str(reviewed), str(tmp_path / "." / "rev.po"), "--catalogues",
                 str(work), "--no-memory", "--json"])
    assert len(doc["imported"]) == 1


def test_a_bad_choice_in_glossary_add_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["glossary", "add", "x-test", "--fr", "mot", "--en", "word",
                                 "--article", "bogus", "--glossary", str(tmp_path / "g.csv")])
    assert result.exit_code == 2 and not (tmp_path / "g.csv").exists()
