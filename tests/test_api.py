"""toolkit.translate_text keeps paragraphs and line breaks one for one."""

from __future__ import annotations

import subprocess
import sys

from conftest import needs_apertium

import toolkit


def test_layout_is_kept_with_pseudo_engine() -> None:
    text = "Premier paragraphe. Deuxième phrase.\n\nSecond paragraphe\nligne deux\n\n\nFin."
    out = toolkit.translate_text(text, src="fr", tgt="en", engine="pseudo", glossary=False)
    assert out.count("\n") == text.count("\n")
    assert [len(p.split("\n")) for p in out.split("\n\n")] == [
        len(p.split("\n")) for p in text.split("\n\n")]
    assert out.split("\n")[0].count("[") == 2  # two sentences, two units


@needs_apertium
def test_real_apertium_translation() -> None:
    out = toolkit.translate_text("Les migrants arrivent.\n\nContact : a@iom.int",
                                 src="fr", tgt="es", engine="apertium", glossary=False)
    first, second = out.split("\n\n")
    assert first == "Los migrantes llegan."
    assert second.endswith("a@iom.int")


def test_importing_does_no_work() -> None:
    code = ("import sys, toolkit, toolkit.engines.argos, toolkit.cli.app; "
            "print('torch' in sys.modules, 'ctranslate2' in sys.modules, "
            "'argostranslate' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_the_engine_stack_is_reused_until_the_glossary_changes(tmp_path, monkeypatch) -> None:
    import os

    from toolkit import api

    monkeypatch.chdir(tmp_path)  # no project glossaries/ but this one
    gloss = tmp_path / "g.csv"
    gloss.write_text("concept_id,fr,en\nsmuggler,passeur,people smuggler\n", encoding="utf-8")
    first = api._stack("pseudo", gloss)
    assert api._stack("pseudo", gloss) is first
    assert api._stack("pseudo", str(gloss)) is first  # the same file, however it is named
    assert api._stack("pseudo", False) is not first
    out = toolkit.translate_text("Le passeur.", src="fr", tgt="en", engine="pseudo",
                                 glossary=gloss)
    assert "people smuggler" in out
    gloss.write_text("concept_id,fr,en\nsmuggler,passeur,smuggler of people\n",
                     encoding="utf-8")
    stat = gloss.stat()
    os.utime(gloss, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a later edit
    assert api._stack("pseudo", gloss) is not first
    out = toolkit.translate_text("Le passeur.", src="fr", tgt="en", engine="pseudo",
                                 glossary=gloss)
    assert "smuggler of people" in out
