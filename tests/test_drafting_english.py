"""English-source drafting layers: pre-editing and phrase rules, checked with real Apertium."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit.drafting import phrases, phrases_en, preedit_en
from toolkit.errors import GlossaryError
from toolkit.langs import Lang
from toolkit.stack import build

EN, FR, ES = Lang.parse("en"), Lang.parse("fr"), Lang.parse("es")


@pytest.fixture(scope="module")
def engine():
    return build("apertium")


def _draft(engine, text: str, tgt: Lang) -> str:
    return engine.translate_batch([text], EN, tgt)[0].text


# family: pre-editing (pure text, no engine)
@pytest.mark.parametrize("text, expected", [
    ("It can’t wait.", "It cannot wait."),
    ("We don't know and they won't say.", "We do not know and they will not say."),
    ("It's clear that it's time.", "It is clear that it is time."),
    ("About 40 per cent of them", "About 40 percent of them"),
    ("donors, e.g. the U.S. and the UK", "donors, for example, the United States and the UK"),
    ("women, i.e. half", "women, that is to say, half"),
    ("IOM's office", "IOM's office"),  # a possessive is not a contraction
    ("USAID and US$ 5", "USAID and US$ 5"),
])
def test_preedit_forms(text, expected):
    assert preedit_en.preedit(text) == expected


@pytest.mark.parametrize("tgt", ["fr", "es"])
def test_shipped_files_parse_with_families_and_no_duplicates(tgt):
    path = phrases_en.default_file(tgt)
    rules = phrases.parse(path.read_text("utf-8"), str(path))
    assert {"connectors and framing", "verbs of the trade", "institutional nouns"} <= \
        {r.family for r in rules}
    sources = [r.source.casefold() for r in rules]
    assert len(sources) == len(set(sources)), "an English expression is listed twice"


def test_bad_line_names_file_and_line(tmp_path):
    bad = tmp_path / "rules.tsv"
    bad.write_text("# family: x\nin line with\n", "utf-8")
    with pytest.raises(GlossaryError, match="rules.tsv:2"):
        phrases_en.load("fr", bad)


@needs_apertium
@pytest.mark.parametrize("tgt, expected", [
    (FR, ["nous ne pouvons pas", "20\u00a0%", "par exemple"]),
    (ES, ["no podemos", "20\u00a0%", "por ejemplo"]),
])
def test_preedit_reaches_the_draft(engine, tgt, expected):
    out = _draft(engine, "We can’t wait: 20 per cent of donors, e.g. Canada, agree.", tgt)
    for piece in expected:
        assert piece in out.lower(), out


@needs_apertium
def test_united_states_not_doubled_through_the_pivot(engine):
    assert "les les" not in _draft(engine, "The U.S. and Canada are donors.", FR)
    assert "États-Unis" in _draft(engine, "The U.S. and Canada are donors.", FR)


@needs_apertium
def test_title_keeps_one_stop_in_french(engine):
    assert "M.." not in _draft(engine, "Mr. Smith arrived.", FR)


@needs_apertium
@pytest.mark.parametrize("tgt, expected", [
    (FR, ["dans le cadre du projet", "conformément au plan", "au nom du"]),
    (ES, ["en el marco del proyecto", "en consonancia con el plan", "en nombre del"]),
])
def test_connectors_and_contraction(engine, tgt, expected):
    out = _draft(engine, "As part of the project, the office acted in line with the plan "
                         "on behalf of the government.", tgt)
    for piece in expected:
        assert piece in out.lower(), out


@needs_apertium
@pytest.mark.parametrize("tgt, expected", [(FR, "parties prenantes"), (ES, "partes interesadas")])
def test_institutional_nouns(engine, tgt, expected):
    assert expected in _draft(engine, "The office met local stakeholders.", tgt)


@needs_apertium
def test_french_source_untouched_by_english_layers(engine):
    out = engine.translate_batch(["Dans le cadre du projet, l'OIM a déclaré."], FR, Lang.parse("en"))
    assert "as part of" in out[0].text.lower() or "within the framework" in out[0].text.lower()


@needs_apertium
@pytest.mark.parametrize("tgt, expected", [
    (FR, ["autorités nationales", "pour lutter contre", "dans les mois à venir"]),
    (ES, ["autoridades nacionales", "para hacer frente a", "en los próximos meses"]),
])
def test_frequent_collocations(engine, tgt, expected):
    out = _draft(engine, "In the coming months, the national authorities will act to tackle "
                         "smuggling.", tgt)
    for piece in expected:
        assert piece in out.lower(), out


@needs_apertium
@pytest.mark.parametrize("tgt, expected", [(FR, "directeur général"), (ES, "director general")])
def test_english_title_words_are_not_a_name(engine, tgt, expected):
    # Span protection once took "Director General" for a person's name and kept it in English.
    out = _draft(engine, "On Monday, the staff met the Director General in the camp.", tgt)
    assert expected in out.lower(), out


@needs_apertium
def test_name_after_an_english_title_is_kept(engine):
    assert "Smith" in _draft(engine, "Mr. Smith visited the camp.", ES)
