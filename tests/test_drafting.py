"""Drafting layers: pre-editing, clean-up, and their place in the engine stack."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import drafting
from toolkit.drafting.cleanup import clean
from toolkit.drafting.preedit import preedit
from toolkit.errors import EngineError
from toolkit.langs import Lang
from toolkit.stack import build

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")


@pytest.mark.parametrize("raw, edited", [
    ("la mise en œuvre du vœu", "la mise en oeuvre du voeu"),
    ("A travers la ville", "À travers la ville"),
    ("Œuvre de Mme Cœurdevey", "Oeuvre de Mme Cœurdevey"),
    ("Bilan. A partir de lundi", "Bilan. À partir de lundi"),
    ("la catégorie A ou B", "la catégorie A ou B"),  # not a sentence start
    ("Etant donné que les Etats", "Étant donné que les États"),
    ("Ensuite, Etre", "Ensuite, Être"),
    ("Elle est venue", "Elle est venue"),  # Elle is a word as written
    ("il s’est déroulé", "il s'est déroulé"),
    ("le Dr. Omar", "le Dr Omar"),
    ("68,5\u00a0%  des", "68,5 % des"),
])
def test_preedit(raw, edited):
    assert preedit(raw) == edited


@pytest.mark.parametrize("raw, lang, cleaned", [
    ("has developed  the operation", "en", "has developed the operation"),
    (" Jointing to this", "en", "Jointing to this"),
    ("“Yes”, said Mr X", "en", "“Yes,” said Mr X"),
    ("«Sí», declaró", "es", "«Sí», declaró"),
    ("places *ciblés , then", "en", "places ciblés, then"),
    ("in the the region", "en", "in the region"),
    ("( IOM )", "en", "(IOM)"),
])
def test_clean(raw, lang, cleaned):
    assert clean(raw, lang) == cleaned


def test_clean_keeps_marks_written_in_the_source():
    assert clean("see #OIM today", "en", "voir #OIM") == "see #OIM today"


def test_unknown_layer_is_an_error():
    with pytest.raises(EngineError, match="drafting layer"):
        build("apertium", glossary=False, layers=["nonsense"])


@needs_apertium
def test_preedit_reaches_the_engine():
    plain = build("apertium", glossary=False, layers=())
    edited = build("apertium", glossary=False, layers=["preedit"])
    text = "A travers la mise en œuvre du projet, les Etats ont agi."
    before = plain.translate_batch([text], FR, ES)[0].text
    after = edited.translate_batch([text], FR, ES)[0].text
    assert "travers" in before and "œuvre" in before
    assert "travers" not in after and "œuvre" not in after and "Estados" in after


@needs_apertium
def test_protected_names_keep_their_spelling_through_preedit():
    engine = build("apertium", glossary=False, layers=drafting.DEFAULT)
    out = engine.translate_batch(["Selon Mme Anne Cœurdevey, les Etats agissent."], FR, EN)[0].text
    assert "Anne Cœurdevey" in out and "States" in out
