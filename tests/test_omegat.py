"""`toolkit export omegat` and back: a real OmegaT 3.6 run on the exported project."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLES, needs_apertium
from lxml import etree
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.formats.po import unit_id
from toolkit.langs import Lang
from toolkit.locales import current_catalogue
from toolkit.model import Origin, State

runner = CliRunner()
RELEASE = "communique-retour-volontaire"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
needs_omegat = pytest.mark.skipif(shutil.which("omegat") is None,
                                  reason="omegat is not installed (scripts/setup.sh installs it)")


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _catalogue(out: Path):
    cat = current_catalogue(out, Lang.parse("es"), RELEASE)
    assert cat is not None
    return cat


@pytest.fixture
def reviewed_tree(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The example release in Spanish (Apertium), one unit confirmed and one edited in its PO."""
    out = tmp_path / "locales"
    _run("translate", str(EXAMPLES / f"{RELEASE}.txt"), "--from", "fr", "--to", "es",
         "--out", str(out), "--quiet")
    path = out / "es" / f"{RELEASE}.po"
    po = polib.pofile(str(path), wrapwidth=0)
    entries = [e for e in po if not e.obsolete]
    entries[0].flags.remove("fuzzy")  # confirmed as the engine wrote it
    entries[1].msgstr = "Texto revisado por una traductora."
    entries[1].flags.remove("fuzzy")
    po.save(str(path))
    _run("import", str(path), "--no-memory", "--quiet")
    human = {unit_id(entries[0]): entries[0].msgstr, unit_id(entries[1]): entries[1].msgstr}
    return out, human


def _omegat(project: Path, home: Path) -> str:
    """OmegaT's console mode: loads the project and writes target/ as the GUI would."""
    home.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(home), JAVA_TOOL_OPTIONS="-Djava.awt.headless=true")
    proc = subprocess.run(["omegat", str(project), "--mode=console-translate"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert re.search(r"Translated documents? created", proc.stdout), proc.stdout[-2000:]
    return proc.stdout + proc.stderr


def _translate_in_omegat(project: Path, source: str, target: str) -> None:
    """What OmegaT's editor saves when a translator types a segment: a unit of project_save.tmx."""
    path = project / "omegat" / "project_save.tmx"
    tree = etree.parse(str(path))
    tu = etree.SubElement(tree.getroot().find("body"), "tu")
    for lang, text in (("fr", source), ("es", target)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        etree.SubElement(tuv, "seg").text = text
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@needs_apertium
def test_export_writes_a_project(reviewed_tree, tmp_path: Path) -> None:
    out, human = reviewed_tree
    project = tmp_path / "project"
    text = _run("export", "omegat", str(out), "--out", str(project))
    assert "16 draft(s) in tm/auto, 2 human translation(s)" in text
    config = etree.parse(str(project / "omegat.project")).getroot().find("project")
    assert config.findtext("source_lang") == "fr" and config.findtext("target_lang") == "es"
    assert config.findtext("sentence_seg") == "false"
    source = polib.pofile(str(project / "source" / f"{RELEASE}.po"))
    assert len(source) == 18 and all(e.msgstr == "" for e in source)
    assert all(unit_id(e) for e in source)  # ids survive OmegaT on the "#:" line
    memory = etree.parse(str(project / "omegat" / "project_save.tmx"))
    assert len(list(memory.iter("tu"))) == 2
    saved = {s.findtext("seg") for s in memory.iter("tuv") if s.get(XML_LANG) == "es"}
    assert saved == set(human.values())
    drafts = etree.parse(str(project / "tm" / "auto" / f"{RELEASE}.tmx"))
    assert len(list(drafts.iter("tu"))) == 16
    glossary = (project / "glossary" / "glossary.txt").read_text("utf-8").splitlines()
    assert any(line.startswith("OIM\tOIM\t") for line in glossary)
    assert "traite des personnes\ttrata de personas\tWording of the Palermo Protocol. " \
           "Not: tráfico de personas" in glossary
    assert all(len(line.split("\t")) in (2, 3) for line in glossary)
    # The translator's memory is theirs: a second export does not overwrite it.
    result = runner.invoke(app, ["export", "omegat", str(out), "--out", str(project)])
    assert result.exit_code == 3 and "already there" in result.output


@needs_apertium
def test_export_needs_a_language_when_the_tree_has_several(tmp_path: Path) -> None:
    out = tmp_path / "locales"
    _run("translate", str(EXAMPLES / f"{RELEASE}.txt"), "--to", "es", "--to", "en",
         "--engine", "pseudo", "--no-glossary", "--out", str(out), "--quiet")
    result = runner.invoke(app, ["export", "omegat", str(out), "--out", str(tmp_path / "p")])
    assert result.exit_code == 3 and "en, es" in result.output and "--to" in result.output
    _run("export", "omegat", str(out), "--to", "en", "--out", str(tmp_path / "p"), "--quiet")
    config = etree.parse(str(tmp_path / "p" / "omegat.project")).getroot()
    assert config.findtext("project/target_lang") == "en"


@needs_apertium
@needs_omegat
def test_omegat_round_trip(reviewed_tree, tmp_path: Path) -> None:
    out, human = reviewed_tree
    before = {s.id: s for s in _catalogue(out).segments}
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--quiet")
    drafts = [s for s in before.values() if s.state == State.DRAFT]
    edited = drafts[3]
    _translate_in_omegat(project, edited.source, "Frase traducida en OmegaT.")
    _omegat(project, tmp_path / "home")

    target = project / "target" / f"{RELEASE}.po"
    entries = {unit_id(e): e for e in polib.pofile(str(target))}
    assert set(entries) == set(before)
    for uid, seg in before.items():  # every segment filled: human work, drafts, the new edit
        want = "Frase traducida en OmegaT." if uid == edited.id else seg.target
        assert entries[uid].msgstr == want, uid

    text = _run("import", str(target), "--out", str(out), "--no-memory")
    assert "1 edited, 0 confirmed, 15 still draft" in text
    after = {s.id: s for s in _catalogue(out).segments}
    for uid, seg in after.items():
        if uid in human:
            assert (seg.target, seg.origin) == (human[uid], Origin.HUMAN)
            assert seg.state == State.TRANSLATED
        elif uid == edited.id:
            assert seg.target == "Frase traducida en OmegaT."
            assert (seg.state, seg.origin) == (State.TRANSLATED, Origin.HUMAN)
        else:  # left as the machine draft: still a draft, same text
            assert (seg.target, seg.state) == (before[uid].target, State.DRAFT)
            assert seg.origin == before[uid].origin


@needs_apertium
def test_target_without_ids_maps_by_source_and_skips_untranslated(reviewed_tree,
                                                                    tmp_path: Path) -> None:
    """A target file whose "#:" lines were lost, with a segment OmegaT left as the source."""
    out, _ = reviewed_tree
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--quiet")
    before = {s.source: s for s in _catalogue(out).segments}
    po = polib.pofile(str(project / "source" / f"{RELEASE}.po"))
    for n, entry in enumerate(po):
        entry.occurrences = []
        seg = before[entry.msgid]
        entry.msgstr = {2: "Otra traducción.", 3: entry.msgid}.get(n, seg.target)
    target = project / "target" / f"{RELEASE}.po"
    po.save(str(target))
    # No --out: the project records the tree it came from.
    text = _run("import", str(target), "--no-memory")
    assert "1 edited" in text
    after = {s.source: s for s in _catalogue(out).segments}
    third, fourth = list(po)[2].msgid, list(po)[3].msgid
    assert after[third].target == "Otra traducción." and after[third].origin == Origin.HUMAN
    assert after[fourth] == before[fourth]  # the source copied over is not a translation


@needs_apertium
def test_previous_translation_of_a_changed_sentence_is_a_suggestion(tmp_path: Path) -> None:
    release, out = tmp_path / "rel.txt", tmp_path / "locales"
    release.write_text("Titre du communiqué\n\nLe projet continue en 2024. Merci à tous.\n", "utf-8")
    _run("translate", str(release), "--to", "es", "--out", str(out), "--quiet")
    path = out / "es" / "rel.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid.startswith("Le projet"))
    entry.msgstr, entry.flags = "El proyecto sigue en 2024.", []
    po.save(str(path))
    _run("import", str(path), "--no-memory", "--quiet")
    release.write_text(release.read_text("utf-8").replace("continue en", "continue encore en"),
                       "utf-8")
    _run("update", str(release), "--to", "es", "--out", str(out), "--quiet")
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--no-glossary", "--quiet")
    tmx = etree.parse(str(project / "tm" / "rel-suggestions.tmx"))
    pairs = [[s.text for s in tu.iter("seg")] for tu in tmx.iter("tu")]
    assert pairs == [["Le projet continue en 2024.", "El proyecto sigue en 2024."]]
    if shutil.which("omegat") is None:
        return
    log = _omegat(project, tmp_path / "home")
    assert "Reading TMX file " + str(project / "tm" / "rel-suggestions.tmx") in log
    target = {e.msgid: e.msgstr for e in polib.pofile(str(project / "target" / "rel.po"))}
    changed = "Le projet continue encore en 2024."
    assert target[changed] == _catalogue_of(out, "rel")[changed]  # a match, never inserted


def _catalogue_of(out: Path, name: str) -> dict[str, str]:
    cat = current_catalogue(out, Lang.parse("es"), name)
    assert cat is not None
    return {s.source: s.target for s in cat.segments}


REPEATED = "La réunion a eu lieu à Dakar."


def _tree_with_repeats(tmp_path: Path, edits: dict[str, dict[int, str]]) -> Path:
    """Releases that repeat one sentence; ``edits[name][n]`` is a person's text for its n-th copy."""
    out = tmp_path / "locales"
    for name in edits:
        release = tmp_path / f"{name}.txt"
        release.write_text(f"Communiqué {name}\n\n{REPEATED}\n\nLes participants ont salué "
                           f"les progrès. {REPEATED}\n\nFin du communiqué.\n", "utf-8")
        _run("translate", str(release), "--to", "es", "--out", str(out), "--no-glossary",
             "--quiet")
        path = out / "es" / f"{name}.po"
        po = polib.pofile(str(path))
        copies = [e for e in po if e.msgid == REPEATED]
        for n, text in edits[name].items():
            copies[n].msgstr, copies[n].flags = text, []
        po.save(str(path))
        _run("import", str(path), "--no-memory", "--quiet")
    return out


def _memory_units(project: Path) -> list[tuple[dict[str, str], str]]:
    tree = etree.parse(str(project / "omegat" / "project_save.tmx"))
    units = []
    for tu in tree.iter("tu"):
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        target = next(v.findtext("seg") for v in tu.iter("tuv") if v.get(XML_LANG) == "es")
        units.append((props, target))
    return units


@needs_apertium
def test_repeated_sentence_translated_twice_stays_two_translations(tmp_path: Path) -> None:
    out = _tree_with_repeats(tmp_path, {"rel": {0: "La reunión se celebró en Dakar.",
                                                1: "Esa reunión se celebró en Dakar."}})
    before = current_catalogue(out, Lang.parse("es"), "rel")
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--quiet")
    units = _memory_units(project)
    # Each person's text is bound to its own occurrence (OmegaT's "alternative translation").
    assert sorted((p.get("file"), p.get("path"), t) for p, t in units) == [
        ("rel.po", s.id, s.target) for s in before.segments if s.source == REPEATED]
    source = [e for e in polib.pofile(str(project / "source" / "rel.po")) if e.msgid == REPEATED]
    assert [e.msgctxt for e in source] == [p.get("path") for p, _ in units]
    if shutil.which("omegat") is None:
        return
    _omegat(project, tmp_path / "home")
    target = project / "target" / "rel.po"
    written = [e.msgstr for e in polib.pofile(str(target)) if e.msgid == REPEATED]
    assert written == ["La reunión se celebró en Dakar.", "Esa reunión se celebró en Dakar."]
    assert "0 edited, 0 confirmed" in _run("import", str(target), "--no-memory")
    after = current_catalogue(out, Lang.parse("es"), "rel")
    assert [(s.target, s.state) for s in after.segments] == \
        [(s.target, s.state) for s in before.segments]


@needs_apertium
def test_repeat_still_in_draft_does_not_take_the_human_text(tmp_path: Path) -> None:
    """OmegaT's default translation would fill the draft copy with the other copy's human text,
    and the import would then count it as a person's edit."""
    out = _tree_with_repeats(tmp_path, {"rel": {0: "La reunión se celebró en Dakar."}})
    before = current_catalogue(out, Lang.parse("es"), "rel")
    draft = [s for s in before.segments if s.source == REPEATED][1]
    assert draft.state == State.DRAFT
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--quiet")
    (props, text), = _memory_units(project)
    assert props.get("path") and text == "La reunión se celebró en Dakar."
    if shutil.which("omegat") is None:
        return
    _omegat(project, tmp_path / "home")
    target = project / "target" / "rel.po"
    written = [e.msgstr for e in polib.pofile(str(target)) if e.msgid == REPEATED]
    assert written == ["La reunión se celebró en Dakar.", draft.target]
    assert "0 edited, 0 confirmed" in _run("import", str(target), "--no-memory")
    after = {s.id: s for s in current_catalogue(out, Lang.parse("es"), "rel").segments}
    assert (after[draft.id].state, after[draft.id].origin) == (State.DRAFT, draft.origin)


@needs_apertium
def test_repeats_across_releases_and_one_shared_translation(tmp_path: Path) -> None:
    same = "La reunión se celebró en Dakar."
    out = _tree_with_repeats(tmp_path, {"a": {0: same, 1: same}, "b": {0: "En Dakar."}})
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--quiet")
    units = sorted((p.get("file") or "", t) for p, t in _memory_units(project))
    # "a" alone would be one default, but "b" translates the sentence otherwise: all bound.
    assert units == [("a.po", same), ("a.po", same), ("b.po", "En Dakar.")]
    if shutil.which("omegat") is None:
        return
    _omegat(project, tmp_path / "home")
    for name, want in (("a", [same, same]), ("b", ["En Dakar."])):
        written = [e.msgstr for e in polib.pofile(str(project / "target" / f"{name}.po"))
                   if e.msgid == REPEATED]
        assert written[:len(want)] == want, name


@needs_apertium
def test_one_human_translation_of_every_copy_is_the_default(tmp_path: Path) -> None:
    same = "La reunión se celebró en Dakar."
    out = _tree_with_repeats(tmp_path, {"rel": {0: same, 1: same}})
    project = tmp_path / "project"
    _run("export", "omegat", str(out), "--out", str(project), "--quiet")
    assert _memory_units(project) == [({"x-origin": "human", "x-state": "translated",
                                        "x-file": "rel.txt", "x-kind": "paragraph"}, same)]
