"""A hop's dictionaries looked up directly: every form a word can take, cheaply."""

from __future__ import annotations

import shutil

import pytest
from conftest import needs_apertium

from toolkit.drafting import fallback
from toolkit.drafting.fallback import UnknownFallback
from toolkit.engines import create
from toolkit.engines.apertium import find_modes
from toolkit.engines.apertium_lookup import _settled, forms, hop_files
from toolkit.langs import Lang

FR, EN = Lang.parse("fr"), Lang.parse("en")


def _needs_fr_es():
    if ("fr", "es") not in find_modes() or shutil.which("lt-proc") is None \
            or hop_files("fr-es") is None:
        pytest.skip("needs apertium-fr-es and lt-proc")


def test_settled_spells_out_what_transfer_decides_and_keeps_the_queue():
    assert _settled("linchar# a<vblex><pri><p3><sg>") == ["^linchar<vblex><pri><p3><sg># a$"]
    assert _settled("persona<n><GD><pl>") == [
        "^persona<n><m><pl>$", "^persona<n><f><pl>$", "^persona<n><mf><pl>$"]


def test_a_mode_that_is_not_installed_has_no_files(tmp_path, monkeypatch):
    monkeypatch.setenv("APERTIUM_MODES_DIR", str(tmp_path))
    assert hop_files("fr-es") is None
    (tmp_path / "xx-yy.mode").write_text("lt-proc '/nowhere/xx-yy.automorf.bin' | cat\n")
    assert hop_files("xx-yy") is None


@needs_apertium
def test_every_reading_of_a_word_comes_back():
    _needs_fr_es()
    got = forms(["participants", "mobilisé", "écharpe", "co-manager", "ciblés"],
                hop_files("fr-es"))
    # Both readings the hop can choose (the pipeline gives one per context).
    assert {"participantes", "concursantes"} <= got["participants"]
    assert got["mobilisé"] == {"movilizado"}
    assert "lincha a" in got["écharpe"]  # a multiword entry keeps its queue
    # A word read as several units is joined as written, not taken for its last part.
    assert got["co-manager"] == {"co-mánager"}
    assert got["ciblés"] == {"ciblés"}  # unknown: left as Apertium leaves it
    assert forms([], hop_files("fr-es")) == {}


@needs_apertium
def test_the_trace_without_dictionary_files_runs_the_hop_and_agrees(monkeypatch):
    _needs_fr_es()
    texts = ["Les organismes exploitent la vulnérabilité des migrants.",
             "Participants de la région."]
    looked = UnknownFallback(create("apertium")).translate_batch(texts, FR, EN)
    monkeypatch.setattr(fallback, "hop_files", lambda mode: None)
    piped = UnknownFallback(create("apertium")).translate_batch(texts, FR, EN)
    assert [(t.text, t.unknown) for t in looked] == [(t.text, t.unknown) for t in piped]
    assert "vulnerability" in looked[0].text and not looked[1].unknown
