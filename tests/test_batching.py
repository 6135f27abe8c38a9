"""One batch costs one pipeline start per hop, however the layers above the engine split it."""

from __future__ import annotations

import shutil

import pytest
from conftest import needs_apertium

from toolkit.drafting.fallback import UnknownFallback
from toolkit.engines.apertium import ApertiumEngine, find_modes
from toolkit.langs import Lang
from toolkit.stack import build

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")
# Sentences with glossary terms (masked) and without (sent as they are), mixed.
MIXED = ["La traite des êtres humains touche l'OIM.", "Il fait beau à Dakar.",
         "Les passeurs ont été arrêtés.", "Le marché ouvre demain.", "Bonjour."]


def _engine_of(stack) -> ApertiumEngine:
    layer = stack
    while not isinstance(layer, ApertiumEngine):
        layer = layer.inner
    return layer


@needs_apertium
def test_glossary_sends_texts_with_and_without_terms_in_one_batch() -> None:
    stack = build("apertium", jobs=1)
    out = stack.translate_batch(MIXED, FR, ES)
    assert _engine_of(stack).starts == 1  # fr-es: one hop, one start, not one per kind
    assert "OIM" in out[0].text and "traficantes" in out[2].text.lower()
    assert all(tr.text for tr in out)


@needs_apertium
def test_the_one_glossary_batch_translates_each_text_as_alone() -> None:
    # With terms first and the rest after, as the two batches were: one pipeline over both
    # gives each line the neighbour it had (Apertium's tagger reads across lines).
    stack = build("apertium", jobs=1)
    together = [t.text for t in stack.translate_batch(MIXED, FR, EN)]
    one_by_one = [build("apertium", jobs=1).translate_batch([t], FR, EN)[0].text for t in MIXED]
    assert together == one_by_one


@needs_apertium
def test_unknown_word_lookups_are_not_repeated() -> None:
    modes = find_modes()
    if not {("fr", "es"), ("es", "en"), ("fr", "eo"), ("eo", "en")} <= set(modes) \
            or shutil.which("lt-proc") is None:
        pytest.skip("needs apertium-fr-es, -eng-spa, -eo-fr, -eo-en and lt-proc")
    text = "La traite est un fléau dans la région."
    layer = UnknownFallback(ApertiumEngine(jobs=1))
    first = layer.translate_batch([text], FR, EN)[0]
    assert "scourge" in first.text
    retries, lookups = layer._apertium.starts, layer.starts
    assert lookups == 1
    again = layer.translate_batch([text], FR, EN)[0]
    assert again == first
    assert layer.starts == lookups  # the analyser's answers are kept
    assert layer._apertium.starts == retries  # the same words: the hops' cache answers
