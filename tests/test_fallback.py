"""Unknown-word fallback: other installed routes, dictionary lookup, names kept."""

from __future__ import annotations

import shutil

import pytest
from conftest import needs_apertium

from toolkit.drafting.fallback import UnknownFallback, cognate
from toolkit.engines import create
from toolkit.engines.apertium import find_modes
from toolkit.langs import Lang

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")


def test_cognate_endings():
    assert cognate("vulnérabilité") == "vulnerability"
    assert cognate("transfrontalière") is None
    assert cognate("ité") is None


def _needs_routes():
    modes = find_modes()
    if not {("fr", "es"), ("es", "en"), ("fr", "eo"), ("eo", "en")} <= set(modes) \
            or shutil.which("lt-proc") is None:
        pytest.skip("needs apertium-fr-es, -eng-spa, -eo-fr, -eo-en and lt-proc")


@needs_apertium
def test_a_french_word_unknown_to_the_first_hop_goes_another_way():
    _needs_routes()
    text = "La traite est un fléau dans la région."
    raw = create("apertium").translate_batch([text], FR, EN)[0]
    assert "fléau" in raw.unknown
    out = UnknownFallback(create("apertium")).translate_batch([text], FR, EN)[0]
    assert "fléau" not in out.text and "scourge" in out.text
    assert "fléau" not in out.unknown
    assert any("fléau" in n and "fr-eo" in n for n in out.notes)


@needs_apertium
def test_a_spanish_leak_is_traced_to_its_french_word():
    _needs_routes()
    text = "Les organismes exploitent la vulnérabilité des migrants."
    raw = create("apertium").translate_batch([text], FR, EN)[0]
    leaked = [u for u in raw.unknown if u.casefold() not in text.casefold()]
    assert leaked, "the pivot should leak a Spanish word here"
    out = UnknownFallback(create("apertium")).translate_batch([text], FR, EN)[0]
    assert "vulnerability" in out.text
    assert not [u for u in out.unknown if u.casefold() not in text.casefold()]


@needs_apertium
def test_names_are_kept_and_not_counted_as_leaks():
    _needs_routes()
    text = "Les migrants sont arrivés à Freetown hier."
    out = UnknownFallback(create("apertium")).translate_batch([text], FR, EN)[0]
    assert "Freetown" in out.text and "Freetown" not in out.unknown


@needs_apertium
def test_what_no_route_knows_stays_recorded():
    _needs_routes()
    text = "Il a vu des zorglubés partout."
    out = UnknownFallback(create("apertium")).translate_batch([text], FR, EN)[0]
    assert "zorglubés" in out.text and "zorglubés" in out.unknown


@needs_apertium
def test_spanish_target_passes_through():
    text = "Les endroits ciblés."
    a = create("apertium").translate_batch([text], FR, ES)[0]
    b = UnknownFallback(create("apertium")).translate_batch([text], FR, ES)[0]
    assert a.text == b.text


def _children() -> set[int]:
    """Process ids of this test process's live (not zombie) children."""
    import os

    kids = set()
    for stat in __import__("glob").glob("/proc/[0-9]*/stat"):
        try:
            fields = open(stat).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == os.getpid():
            kids.add(int(stat.split("/")[2]))
    return kids


@needs_apertium
def test_retry_pipelines_started_ahead_give_the_same_words_and_are_stopped():
    _needs_routes()
    texts = ["Les organismes exploitent la vulnérabilité des migrants.",
             "La traite est un fléau dans la région.", "Le bureau est ouvert."] * 3
    before = _children()
    engine = create("apertium")
    layer = UnknownFallback(engine)
    ahead = layer.translate_batch(texts, FR, EN)
    assert _children() == before  # nothing left waiting once the batch is done
    # The same retries with every pipeline started on demand.
    cold = UnknownFallback(create("apertium"))
    cold._apertium.prestart = lambda route: None
    assert [(t.text, t.unknown, t.notes) for t in cold.translate_batch(texts, FR, EN)] == \
        [(t.text, t.unknown, t.notes) for t in ahead]
    assert engine.starts > 2  # the retries' pipelines were started ahead
    # A batch with nothing unknown stops the pipelines it started for nothing.
    starts = engine.starts
    assert not any(t.unknown for t in layer.translate_batch(["Le bureau est ouvert."] * 9, FR, EN))
    # 2 hops, and the other route's 2 ahead (the first hop is looked up in its dictionaries)
    assert engine.starts == starts + 2 + 2 and _children() == before
    # One sentence (a translate_text loop) starts nothing ahead.
    layer.translate_batch(["Le bureau est ouvert."], FR, EN)
    assert engine.starts == starts + 2 + 2 + 2  # its two hops only


@needs_apertium
def test_prestarted_pipeline_is_used_once_then_closed_with_the_engine():
    engine = create("apertium")
    engine.prestart(["fr-es"])
    n = engine.starts
    assert n == 1
    assert engine.run_lines(["fr-es"], ["La maison est grande."]) == ["La casa es grande."]
    assert engine.starts == n  # the waiting process did the work
    engine.prestart(["fr-es"])
    engine.close()
    assert not engine._ready


@needs_apertium
def test_retried_words_do_not_change_each_other():
    """Words retried together once ran on as one phrase: "composite" made "fléaux" singular."""
    _needs_routes()
    texts = ["Une approche composite.", "La lutte contre les fléaux continue."]
    together = UnknownFallback(create("apertium")).translate_batch(texts, FR, EN)
    alone = UnknownFallback(create("apertium")).translate_batch(texts[1:], FR, EN)
    assert together[1].text == alone[0].text
    assert "scourges" in alone[0].text


@needs_apertium
def test_a_leak_the_sentence_chose_is_traced_too():
    # Alone after a number "participants" is participantes; at the head of a sentence (and
    # after an unknown word) the hop makes it concursantes, which spa-eng does not know.
    _needs_routes()
    text = "Participants de la région."
    raw = create("apertium").translate_batch([text], FR, EN)[0]
    assert "Concursantes" in raw.unknown
    out = UnknownFallback(create("apertium")).translate_batch([text], FR, EN)[0]
    assert out.text.startswith("Participants") and not out.unknown


def test_french_cognates_try_the_accents():
    from toolkit.drafting.fallback import cognates_fr

    assert "vulnérabilité" in cognates_fr("vulnerabilidad")
    assert "vulnérabilité" in cognates_fr("vulnerability")
    assert cognates_fr("table") == []


@needs_apertium
def test_a_spanish_leak_in_an_english_to_french_draft_gets_its_cognate():
    _needs_routes()
    text = "Trafficking networks exploit the vulnerability of women."
    raw = create("apertium").translate_batch([text], Lang.parse("en"), Lang.parse("fr"))[0]
    assert "vulnerabilidad" in raw.unknown
    out = UnknownFallback(create("apertium")).translate_batch(
        [text], Lang.parse("en"), Lang.parse("fr"))[0]
    assert "vulnérabilité" in out.text and "vulnerabilidad" not in out.unknown
