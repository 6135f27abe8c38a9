"""The real Apertium engine: routes from installed modes, batches, unknown-word marks."""

from __future__ import annotations

import subprocess

import pytest
from conftest import needs_apertium

from toolkit.engines.apertium import ApertiumEngine, find_modes, shortest_route, strip_marks
from toolkit.errors import EngineError, LanguageError
from toolkit.langs import Lang

pytestmark = needs_apertium
FR, EN, ES, CA = (Lang.parse(c) for c in ("fr", "en", "es", "ca"))


def test_routes_come_from_installed_modes() -> None:
    modes = find_modes()
    assert ("fr", "es") in modes and ("es", "en") in modes
    assert shortest_route(modes, "fr", "en") == ["fr-es", "spa-eng"]
    assert shortest_route(modes, "fr", "es") == ["fr-es"]
    assert ("fr", "en") in ApertiumEngine().pairs()


def test_route_search_on_a_made_up_graph() -> None:
    modes = {("fr", "eo"): "fr-eo", ("eo", "en"): "eo-en", ("fr", "es"): "fr-es",
             ("es", "en"): "spa-eng", ("en", "ca"): "eng-cat"}
    assert shortest_route(modes, "fr", "en") == ["fr-es", "spa-eng"]  # es preferred over eo
    del modes[("fr", "es")]
    assert shortest_route(modes, "fr", "en") == ["fr-eo", "eo-en"]
    assert shortest_route(modes, "fr", "ca") == ["fr-eo", "eo-en", "eng-cat"]
    assert shortest_route(modes, "ca", "fr") is None


def test_mode_directory_can_be_redirected(tmp_path, monkeypatch) -> None:
    (tmp_path / "fr-es.mode").write_text("cat\n")
    (tmp_path / "fr-es-bytecode.mode").write_text("cat\n")
    monkeypatch.setenv("APERTIUM_MODES_DIR", str(tmp_path))
    assert find_modes() == {("fr", "es"): "fr-es"}


def test_batch_matches_the_raw_pipe() -> None:
    texts = ["La traite des personnes est un crime.", "Les migrants arrivent à Dakar.",
             "Deux lignes\ndans un texte", "", "Bonjour."]
    got = ApertiumEngine().translate_batch(texts, FR, EN)
    assert len(got) == len(texts)
    for text, tr in zip(texts, got):
        if not text:
            assert tr.text == ""
            continue
        raw = subprocess.run("apertium -u fr-es | apertium -u spa-eng", shell=True, input=text,
                             capture_output=True, text=True, check=True).stdout.rstrip("\n")
        assert tr.text == raw
    assert got[2].text.count("\n") == 1


def test_unknown_words_are_recorded_not_shown() -> None:
    (tr,) = ApertiumEngine().translate_batch(["Le zorglubage des xyzzyq arrive."], FR, ES)
    assert "*" not in tr.text and "xyzzyq" in tr.text
    assert "xyzzyq" in tr.unknown
    assert tr.notes[0] == "engine: apertium"


def test_marks_already_in_the_source_are_kept() -> None:
    assert strip_marks("See #OIM and *xyz", "Voir #OIM") == ("See #OIM and xyz", ("xyz",))


def test_one_process_per_hop_per_batch(monkeypatch) -> None:
    started = []
    real = subprocess.Popen

    def spy(args, *a, **k):
        started.append(args)
        return real(args, *a, **k)

    monkeypatch.setattr(subprocess, "Popen", spy)
    ApertiumEngine().translate_batch([f"Phrase numéro {i}." for i in range(50)], FR, EN)
    assert started == [["apertium", "fr-es"], ["apertium", "spa-eng"]]


def test_unavailable_pair_names_the_package() -> None:
    engine = ApertiumEngine(mode_dirs=[])
    assert "apt-get install" in (engine.unavailable() or "")
    with pytest.raises(EngineError, match="apt-get install"):
        engine.translate_batch(["x"], FR, EN)
    with pytest.raises(LanguageError, match="available pairs"):  # exit 4, not 5
        ApertiumEngine().route(FR, Lang.parse("de"))


def _release_lines() -> list[str]:
    from conftest import EXAMPLES, ROOT

    files = sorted((ROOT / "tests" / "data" / "releases").glob("*.txt"))
    files += sorted(EXAMPLES.glob("*.txt"))
    lines = [x.strip() for f in files for x in f.read_text("utf-8").splitlines() if x.strip()]
    # Shuffled repeats: every line meets other neighbours, which is what chunking disturbs.
    import random

    rng = random.Random(7)
    out = []
    while len(out) < 400:
        rng.shuffle(lines)
        out += lines
    return out


@needs_apertium
def test_jobs_give_the_single_pipeline_output_byte_for_byte() -> None:
    lines = _release_lines()
    one = ApertiumEngine(jobs=1)
    base = one.run_lines(["fr-es", "spa-eng"], lines)
    assert one.starts == 2
    for jobs in (2, 3):
        many = ApertiumEngine(jobs=jobs)
        assert many.run_lines(["fr-es", "spa-eng"], lines) == base
        assert many.starts == 2 * jobs  # one pipeline per chunk, the chunks at once


@needs_apertium
def test_small_batches_are_not_split() -> None:
    engine = ApertiumEngine(jobs=4)
    engine.translate_batch(["Bonjour."] * 20, FR, EN)
    assert engine.starts == 2


@needs_apertium
def test_a_shared_pivot_hop_runs_once() -> None:
    texts = ["Les migrants arrivent à Dakar.", "La traite des personnes est un crime."]
    engine = ApertiumEngine(jobs=1)
    es = engine.translate_batch(texts, FR, Lang.parse("es"))
    assert engine.starts == 1
    en = engine.translate_batch(texts, FR, EN)
    assert engine.starts == 2  # fr-es came from the cache, only spa-eng ran
    fresh = ApertiumEngine(jobs=1)
    assert en == fresh.translate_batch(texts, FR, EN)
    assert es == fresh.translate_batch(texts, FR, Lang.parse("es"))


@needs_apertium
def test_default_jobs_is_half_the_cores() -> None:
    import os

    assert ApertiumEngine().jobs == max(1, (os.cpu_count() or 1) // 2)
    assert ApertiumEngine(jobs=3).jobs == 3


def test_marked_numbers_are_not_unknown_words() -> None:
    # the engine marks ordinals it copies (10th, 5.º); they are numbers, kept, not words to look up
    assert strip_marks("the *10th Fund and *redondeos") == ("the 10th Fund and redondeos",
                                                           ("redondeos",))


def test_a_line_comes_out_as_it_does_alone() -> None:
    """A heading without a final stop once ran into the next line ("Douala" came out "DUALA"),
    so a sentence's draft depended on what else was in the batch."""
    heading = "Sauver des vies et protéger les migrants : Opération Liberterra II"
    line = "Douala – du 29 septembre au 04 octobre 2024 s’est déroulée l’opération."
    engine = ApertiumEngine()
    together = engine.translate_batch([heading, line], FR, ES)
    (alone,) = ApertiumEngine().translate_batch([line], FR, ES)
    assert together[1].text == alone.text and alone.text.startswith("Duala")
    # Lines of one text still run on: a line break inside a sentence is a space.
    (two,) = engine.translate_batch(["Deux lignes\ndans un texte"], FR, ES)
    assert two.text.split("\n")[1].startswith("en ")
