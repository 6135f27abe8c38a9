"""The Argos engine on real (tiny) CTranslate2 models."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from tinymodel import block_network, build_model_dir, model_env, tiny_archives  # noqa: F401

from toolkit.engines import argos, create, packages
from toolkit.engines.argos import ArgosEngine
from toolkit.engines.base import Engine, Translation
from toolkit.errors import EngineError
from toolkit.langs import Lang

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")
SENTENCES = [
    "Les familles déplacées ont reçu une aide d'urgence.",
    "Le directeur général a rencontré les autorités locales.",
    "La situation reste difficile.",
    "Nous remercions nos donateurs.",
]


@pytest.fixture
def installed(model_env, tiny_archives) -> dict[str, packages.ArgosPackage]:  # noqa: F811
    return {
        pair: packages.install_archive(path, model_env["models"])
        for pair, path in tiny_archives.items()
    }


def test_import_is_light() -> None:
    code = (
        "import sys, toolkit.engines.argos; "
        "print(sorted(m for m in ('torch', 'ctranslate2', 'sentencepiece', 'argostranslate') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "[]"


def test_registered_and_protocol(installed) -> None:
    engine = create("argos")
    assert isinstance(engine, ArgosEngine)
    assert isinstance(engine, Engine)
    assert engine.unavailable() is None


def test_unavailable_without_packages(model_env) -> None:  # noqa: F811
    reason = ArgosEngine().unavailable()
    assert reason is not None and "toolkit models install" in reason


def test_missing_pair_names_install_command(installed) -> None:
    engine = ArgosEngine()
    with pytest.raises(EngineError) as err:
        engine.translate_batch(["Hola."], ES, FR)
    assert "toolkit models install" in str(err.value)
    assert err.value.lang == "es-fr"


def test_no_packages_is_engine_error(model_env) -> None:  # noqa: F811
    with pytest.raises(EngineError, match="toolkit models install"):
        ArgosEngine().translate_batch(["Bonjour."], FR, EN)


def test_batch_translation(installed) -> None:
    engine = ArgosEngine()
    out = engine.translate_batch(SENTENCES, FR, EN)
    assert len(out) == len(SENTENCES)
    assert all(isinstance(t, Translation) and t.text.strip() for t in out)
    assert all(t.origin == "mt" and t.hypotheses[0].score is not None for t in out)
    # The random model still depends on its input.
    assert len({t.text for t in out}) > 1
    again = ArgosEngine().translate_batch(SENTENCES, FR, EN)
    assert [t.text for t in again] == [t.text for t in out]


def test_batch_matches_single(installed) -> None:
    engine = ArgosEngine()
    batch = engine.translate_batch(SENTENCES, FR, EN)
    singles = [engine.translate_batch([s], FR, EN)[0] for s in SENTENCES]
    assert [t.text for t in batch] == [t.text for t in singles]


def test_parallel_small_batches_match_single(installed) -> None:
    # Several length-sorted batches of 2, run by two workers at once, must
    # give each sentence the translation it gets alone, in input order.
    texts = [s * k for k in (1, 3, 2) for s in SENTENCES]
    engine = ArgosEngine(threads=2, batch_size=2)
    batch = engine.translate_batch(texts, FR, EN)
    alone = ArgosEngine(threads=1)
    assert [t.text for t in batch] == [alone.translate_batch([s], FR, EN)[0].text for s in texts]
    model_dir = installed["fr-en"].path / "model"
    assert argos.load_translator(model_dir, "cpu", 2, "auto").num_translators == 2


def test_empty_and_whitespace_kept(installed) -> None:
    out = ArgosEngine().translate_batch(["", "  La situation reste difficile.\n"], FR, EN)
    assert out[0].text == ""
    assert out[1].text.startswith("  ") and out[1].text.endswith("\n")
    assert out[1].text.strip()


def test_n_best(installed) -> None:
    out = ArgosEngine().translate_batch(SENTENCES[:2], FR, EN, n_best=3)
    for t in out:
        assert len(t.hypotheses) == 3
        scores = [h.score for h in t.hypotheses]
        assert scores == sorted(scores, reverse=True)
        assert t.text == t.hypotheses[0].text and t.score == scores[0]
        assert len({h.text for h in t.hypotheses}) == 3


def test_provenance_hash(installed) -> None:
    pkg = installed["fr-en"]
    digest = hashlib.sha256((pkg.path / "model" / "model.bin").read_bytes()).hexdigest()
    out = ArgosEngine().translate_batch(SENTENCES[:1], FR, EN)
    assert "engine: argos" in out[0].notes
    assert f"model: translate-fr_en 0.1 sha256:{digest[:16]}" in out[0].notes
    assert pkg.sha256() == digest


def test_pivot_through_english(installed) -> None:
    engine = ArgosEngine()
    assert engine.route(FR, ES) == ["fr-en", "en-es"]
    assert ("fr", "es") in engine.pairs()
    out = engine.translate_batch(SENTENCES[:2], FR, ES, n_best=2)
    assert all(t.text.strip() and len(t.hypotheses) == 2 for t in out)
    # The pivot really runs the second model on the first model's output.
    english = engine.translate_batch(SENTENCES[:2], FR, EN)
    spanish = engine.translate_batch([t.text for t in english], EN, ES)
    assert [t.text for t in out] == [t.text for t in spanish]
    notes = out[0].notes
    assert "route: fr-en → en-es" in notes
    assert sum(n.startswith("model: ") for n in notes) == 2


def test_model_loaded_once(installed, monkeypatch) -> None:
    import ctranslate2

    built = []
    real = ctranslate2.Translator

    def counting(*args, **kwargs):
        built.append(args[0])
        return real(*args, **kwargs)

    argos._TRANSLATORS.clear()
    monkeypatch.setattr(ctranslate2, "Translator", counting)
    ArgosEngine().translate_batch(SENTENCES[:1], FR, EN)
    model_dir = installed["fr-en"].path / "model"
    first = argos.load_translator(model_dir, "cpu", ArgosEngine().threads, "auto")
    ArgosEngine().translate_batch(SENTENCES[1:2], FR, EN)
    second = argos.load_translator(model_dir, "cpu", ArgosEngine().threads, "auto")
    assert first is second
    assert built == [str(model_dir.resolve())]


def test_packages_dir_and_argos_dir_are_searched(model_env, tiny_archives) -> None:  # noqa: F811
    packages.install_archive(tiny_archives["fr-en"], model_env["argos"])
    other = model_env["home"] / "elsewhere"
    packages.install_archive(tiny_archives["en-es"], other)
    assert ArgosEngine().pairs() == [("fr", "en")]
    assert ArgosEngine(packages_dir=other).route(FR, ES) == ["fr-en", "en-es"]


def test_plain_model_dir(tmp_path, model_env) -> None:  # noqa: F811
    model = build_model_dir(tmp_path / "opus-like", "fr", "en", seed=3)
    (model / "model" / "sentencepiece.model").write_bytes(
        (model / "sentencepiece.model").read_bytes()
    )
    plain = model / "model"
    engine = ArgosEngine(model=plain)
    assert engine.unavailable() is None
    out = engine.translate_batch(SENTENCES[:2], FR, EN)
    assert all(t.text.strip() for t in out)
    assert "model: model sha256:" in out[0].notes[1]


def test_plain_model_dir_with_source_target_spm(tmp_path, model_env) -> None:  # noqa: F811
    model = build_model_dir(tmp_path / "m", "fr", "en", seed=4, spm_name="source.spm")
    plain = model / "model"
    for name in ("source.spm", "target.spm"):
        (plain / name).write_bytes((model / "source.spm").read_bytes())
    pkg = packages.read_model_dir(plain)
    assert pkg.source_spm.name == "source.spm" and pkg.target_spm.name == "target.spm"
    assert ArgosEngine(model=plain).translate_batch(["Bonjour."], FR, EN)[0].text.strip()


def test_target_prefix_is_stripped(tmp_path, model_env, tiny_archives) -> None:  # noqa: F811
    pkg = packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    plain = ArgosEngine().translate_batch(SENTENCES[:1], FR, EN)[0].text
    meta = json.loads((pkg.path / "metadata.json").read_text())
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(pkg.source_spm))
    piece = sp.id_to_piece(sp.get_piece_size() - 1)
    meta["target_prefix"] = piece
    (pkg.path / "metadata.json").write_text(json.dumps(meta))
    prefixed = ArgosEngine().translate_batch(SENTENCES[:1], FR, EN)[0].text
    assert prefixed.strip() and prefixed != plain
    assert not prefixed.startswith(piece.lstrip("\u2581"))


def test_offline_end_to_end(model_env, tiny_archives, block_network) -> None:  # noqa: F811
    import socket

    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80))
    argos._TRANSLATORS.clear()
    argos._TOKENIZERS.clear()
    pkg = packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    assert [p.path for p in packages.discover()] == [pkg.path]
    out = ArgosEngine().translate_batch(SENTENCES, FR, EN, n_best=2)
    assert all(t.text.strip() for t in out)


def test_duplicates_translated_once_and_unknown_reported(installed, monkeypatch) -> None:
    engine = ArgosEngine()
    seen = []
    real_run = engine._run

    def spy(pkg, texts, n_best, unknown):
        seen.append(list(texts))
        return real_run(pkg, texts, n_best, unknown)

    monkeypatch.setattr(engine, "_run", spy)
    texts = [SENTENCES[0], "Bonjour ✓.", SENTENCES[0], " " + SENTENCES[0]]
    out = engine.translate_batch(texts, FR, EN)
    assert seen == [[SENTENCES[0], "Bonjour ✓."]]
    assert out[0].text == out[2].text == out[3].text.lstrip()
    assert out[0].text == ArgosEngine().translate_batch([SENTENCES[0]], FR, EN)[0].text
    assert "✓" in out[1].unknown and out[0].unknown == ()
