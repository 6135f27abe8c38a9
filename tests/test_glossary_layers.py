"""Glossary layers: shipped < user data dir < project glossaries/ < --glossary; edits never
go into the install."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import needs_apertium
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.glossary import default_file, editable_file, layers, load, load_layered

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["glossary", *args])


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user data dir and an empty project folder as the working directory."""
    monkeypatch.setenv("TOOLKIT_DATA_DIR", str(tmp_path / "data"))
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return tmp_path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_layers_in_priority_order(home: Path) -> None:
    (home / "data" / "glossaries").mkdir(parents=True)
    (home / "project" / "glossaries").mkdir()
    extra = home / "extra.csv"
    extra.write_text("concept_id,fr,en\nx,mot,word\n", encoding="utf-8")
    found = layers(extra)
    assert found[0].name == "glossaries" and found[0].parent.name == "data"  # shipped
    assert found[1:] == [home / "data" / "glossaries", home / "project" / "glossaries", extra]
    assert layers(extra, replace=True) == [extra]


def test_later_layer_wins_on_the_same_id(home: Path) -> None:
    user = home / "data" / "glossaries"
    user.mkdir(parents=True)
    (user / "mine.csv").write_text("concept_id,fr,en\nsmuggler,passeur,people smuggler\n",
                                   encoding="utf-8")
    g = load_layered()
    assert [t.text for t in g.get("smuggler").approved("en")] == ["people smuggler"]
    assert len(g) == len(load(default_file().parent))  # replaced, not added
    project = home / "project" / "glossaries"
    project.mkdir()
    (project / "p.csv").write_text("concept_id,fr,en\nsmuggler,passeur,smuggler of migrants\n",
                                   encoding="utf-8")
    assert [t.text for t in load_layered().get("smuggler").approved("en")] == [
        "smuggler of migrants"]


def test_edits_go_to_the_user_file_then_the_project_never_the_install(home: Path) -> None:
    shipped = _digest(default_file())
    res = run("add", "border-wall", "--fr", "mur frontalier", "--en", "border wall")
    assert res.exit_code == 0, res.output
    user_file = home / "data" / "glossaries" / "glossary.tbx"
    assert user_file.is_file() and "border-wall" in load(user_file)
    (home / "project" / "glossaries").mkdir()
    assert editable_file() == home / "project" / "glossaries" / "glossary.tbx"
    res = run("import", str(user_file))
    assert res.exit_code == 0, res.output
    assert "border-wall" in load(home / "project" / "glossaries" / "glossary.tbx")
    res = run("add", "seawall", "--fr", "digue", "--en", "seawall", "--scope", "user")
    assert res.exit_code == 0, res.output
    assert "seawall" in load(user_file)
    assert _digest(default_file()) == shipped


def test_edit_copies_a_shipped_concept_with_the_change(home: Path) -> None:
    shipped = _digest(default_file())
    res = run("edit", "smuggler", "--en", "people smuggler", "--note", "IOM style")
    assert res.exit_code == 0, res.output
    own = load(home / "data" / "glossaries" / "glossary.tbx")
    concept = own.get("smuggler")
    english = [(t.text, t.status) for t in concept.in_lang("en")]
    assert ("people smuggler", "preferred") in english
    assert [t for t, status in english if status == "preferred"] == ["people smuggler"]
    assert "people smuggler" not in [t for t, status in english if status != "preferred"]
    assert concept.note == "IOM style"
    # what was not given is kept: French terms and the forbidden renderings
    assert "passeur" in [t.text for t in concept.in_lang("fr")]
    assert "passer" in [t.text for t in concept.in_lang("en") if t.status == "deprecated"]
    res = run("list", "--search", "passeur")
    assert "en: people smuggler" in res.stdout
    assert _digest(default_file()) == shipped


def test_edit_refuses_nothing_to_change_and_unknown_ids(home: Path) -> None:
    assert run("edit", "smuggler").exit_code == 2
    res = run("edit", "no-such-concept", "--en", "x")
    assert res.exit_code != 0 and "no-such-concept" in res.output


def test_removing_a_shipped_concept_is_refused_with_a_hint(home: Path) -> None:
    res = run("remove", "smuggler")
    assert res.exit_code != 0
    assert "glossary edit" in res.output
    assert "smuggler" in load_layered()


def test_check_reads_catalogues_through_the_format_readers(tmp_path: Path) -> None:
    bad = tmp_path / "x.xlf"
    bad.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e "boom">]>\n'
                   '<xliff version="1.2"><file source-language="fr" target-language="en">'
                   '<body/></file></xliff>\n', encoding="utf-8")
    res = run("check", str(bad))
    assert res.exit_code == 3, res.output
    assert "x.xlf" in res.output


@needs_apertium
def test_translate_uses_the_project_glossary(home: Path) -> None:
    from toolkit.cli.app import app as cli

    project = home / "project" / "glossaries"
    project.mkdir()
    (project / "p.csv").write_text("concept_id,fr,en\nsmuggler,passeur,people smuggler\n",
                                   encoding="utf-8")
    release = home / "project" / "r.txt"
    release.write_text("Le passeur a été arrêté.\n", encoding="utf-8")
    res = runner.invoke(cli, ["translate", str(release), "--to", "en", "--format", "po",
                              "--out", str(home / "project" / "locales"), "--quiet"])
    assert res.exit_code == 0, res.output
    po = (home / "project" / "locales" / "en" / "r.po").read_text(encoding="utf-8")
    assert "people smuggler" in po.lower()
