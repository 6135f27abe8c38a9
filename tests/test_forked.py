"""A big batch shared over forked copies of the stack gives what one batch gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import all_reaped, needs_apertium

from toolkit.engines import forked
from toolkit.engines.apertium import ApertiumEngine
from toolkit.engines.forked import Forked, cuts
from toolkit.errors import EngineError
from toolkit.langs import Lang
from toolkit.stack import build

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Sentences that move Apertium's carried state (invariable nouns, number, gender) and the
# compounds and unknown-word layers (planète de secours, amas d'étoiles, fléaux).
SENTENCES = [
    "Des caravanes de navettes partent à la recherche d'une planète de secours.",
    "Les amas d'étoiles se voient à l'œil nu pendant la nuit.",
    "Le prix des denrées a doublé dans les pays voisins.",
    "Ces fléaux composites touchent les migrants en transit.",
    "La traite des êtres humains reste un défi pour les autorités du Niger.",
    "Le chef de poste de Makalondi a reçu les victimes.",
    "Dans ce cas, les voix des communautés comptent.",
    "L'OIM a soutenu le retour volontaire de 212 migrants.",
    "Communiqué de presse",
    "Ils sont arrivés à Niamey des trois derniers mois.",
]


def _texts(n: int) -> list[str]:
    """``n`` distinct sentences (the cache would fold repeats into one)."""
    return [f"{SENTENCES[i % len(SENTENCES)].rstrip('.')} ({i + 1})." if i >= len(SENTENCES)
            else SENTENCES[i] for i in range(n)]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # The thresholds keep small batches in one process; lowered so a test batch is shared.
    monkeypatch.setattr(forked, "MIN_TEXTS", 4)
    monkeypatch.setattr(forked, "MIN_CHARS", 10)
    monkeypatch.setattr(forked, "CORES_PER_COPY", 1)  # one copy per core whatever the default


def _forked(stack) -> Forked:
    layer = stack
    while not isinstance(layer, Forked):
        layer = layer.inner
    return layer


def test_cuts_balance_characters_and_cover_everything() -> None:
    texts = ["a" * 10] * 6 + ["b" * 100] * 2
    at = cuts(texts, 2)
    assert at[0] == 0 and at[-1] == len(texts) and len(at) == 3
    left = sum(map(len, texts[:at[1]]))
    assert abs(left - sum(map(len, texts[at[1]:]))) <= 100


@needs_apertium
@pytest.mark.parametrize("tgt", [EN, ES])
def test_shared_batch_is_the_one_batch(small_batches: None, forked_pids: list[int], tgt: Lang) -> None:
    texts = _texts(40)
    one, two = build("apertium"), build("apertium")
    _forked(one).parts, _forked(two).parts = 1, 3
    a = one.translate_batch(texts, FR, tgt)
    b = two.translate_batch(texts, FR, tgt)
    assert [t.text for t in a] == [t.text for t in b]
    assert a == b  # notes and unknown words too
    assert len(forked_pids) == 2 and all_reaped(forked_pids)  # three parts: two copies, both waited for


@needs_apertium
def test_a_part_starts_in_the_state_one_batch_would_give_it(
        small_batches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # After "La maison" Apertium's transfer gives "Las tres últimos meses" (alone: "Los
    # tres"): a part cut there must still get the line before it.
    texts = ["La maison", "Les trois derniers mois ont été difficiles.", "Bonjour.", "Merci."]
    monkeypatch.setattr(forked, "cuts", lambda texts, parts: [0, 1, len(texts)])
    one, two = build("apertium"), build("apertium")
    _forked(one).parts, _forked(two).parts = 1, 2
    a = [t.text for t in one.translate_batch(texts, FR, ES)]
    assert a[1].startswith("Las tres")  # the carried state this test is about
    assert [t.text for t in two.translate_batch(texts, FR, ES)] == a


@needs_apertium
def test_a_failing_copy_is_an_engine_error(small_batches: None, forked_pids: list[int]) -> None:
    broken = Forked(ApertiumEngine("/nonexistent/apertium"), parts=2)
    with pytest.raises(EngineError):
        broken.translate_batch(_texts(20), FR, EN)
    assert len(forked_pids) == 1 and all_reaped(forked_pids)


@needs_apertium
def test_small_batches_and_clusters_stay_in_one_process() -> None:
    layer = Forked(ApertiumEngine(), parts=2)
    assert layer._parts(_texts(20)) == 1  # below the thresholds
    assert Forked(ApertiumEngine(cluster="127.0.0.1:1"), parts=2)._parts(_texts(900)) == 1


@needs_apertium
def test_a_big_batch_gets_one_copy_per_core_and_jobs_1_keeps_one() -> None:
    from toolkit.cpus import available, limited

    texts = _texts(900) * 2  # past both thresholds (sentences and characters)
    assert sum(map(len, texts)) >= forked.MIN_CHARS
    layer = Forked(ApertiumEngine())
    assert layer._parts(texts) == min(available(), len(texts) // (forked.MIN_TEXTS // 2))
    with limited(1):
        assert layer._parts(texts) == 1


@needs_apertium
def test_a_looked_up_word_does_not_hang_on_the_words_before_it() -> None:
    # Read alone, one after another, invariable nouns came out singular or plural depending
    # on the words before them (measured: cas, prix, amas, voix, pays, secours); the
    # compounds layer and the retries look words up that way, after a frame line each.
    import random

    from toolkit.engines.apertium_lines import frame

    words = ["planète", "secours", "amas", "étoile", "étoiles", "fonds", "appui", "mobilité",
             "poste", "chef", "traite", "retour", "bras", "voix", "prix", "cas", "pays",
             "temps", "avis", "corps"]
    engine = ApertiumEngine(jobs=1)
    rng = random.Random(2)
    seen: dict[str, set[str]] = {}
    for _ in range(8):
        order = rng.sample(words, len(words))
        before = SENTENCES[rng.randrange(len(SENTENCES)):][:3]
        lines = [x for w in order for x in (frame("fr"), w)]  # without the frame: 9 vary
        out = engine.translate_batch(before + lines, FR, EN)[len(before):]
        for w, tr in zip(order, out[1::2]):
            seen.setdefault(w, set()).add(tr.text)
    assert {w: s for w, s in seen.items() if len(s) > 1} == {}


@needs_apertium
def test_cli_run_with_shared_batches_matches_one_core(small_batches: None, tmp_path: Path) -> None:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("needs two cores")
    from toolkit.pipeline import translate_releases

    files = [EXAMPLES / "communique-retour-volontaire.txt", EXAMPLES / "communique-frontieres.html"]
    out1, out2 = tmp_path / "one", tmp_path / "two"
    translate_releases(files, "fr", ["en"], out=out1, jobs=1)
    translate_releases(files, "fr", ["en"], out=out2, jobs=2)
    names = sorted(p.relative_to(out1) for p in out1.rglob("*.po"))
    assert names
    for name in names:
        a = (out1 / name).read_text("utf-8")
        b = (out2 / name).read_text("utf-8")
        strip = [line for line in a.splitlines() if "Date:" not in line]
        assert strip == [line for line in b.splitlines() if "Date:" not in line], name
