"""Every registered engine and wrapper honours the Engine Protocol."""

from __future__ import annotations

import inspect

import pytest
from tinymodel import model_env, tiny_archives  # noqa: F401

from toolkit.drafting.cleanup import Cleaned
from toolkit.drafting.fallback import UnknownFallback
from toolkit.drafting.numbers import Numbers
from toolkit.drafting.phrases import Phrases
from toolkit.drafting.postedit import PostEdited
from toolkit.drafting.preedit import PreEdited
from toolkit.engines import names, packages, registry
from toolkit.engines.base import Engine, Translation
from toolkit.engines.compose import Cached, Localised, Protected
from toolkit.langs import Lang
from toolkit.stack import build

FR, EN = Lang.parse("fr"), Lang.parse("en")
PROTOCOL = [m for m in ("unavailable", "pairs", "route", "translate_batch")]


def _params(func) -> list[str]:
    return [p for p in inspect.signature(func).parameters if p != "self"]


def _wrappers() -> list[Engine]:
    pseudo = registry.create("pseudo")
    return [Protected(pseudo), Cached(pseudo), Localised(pseudo), Cleaned(pseudo),
            UnknownFallback(pseudo), Numbers(pseudo), Phrases(pseudo), PreEdited(pseudo),
            PostEdited(pseudo)]


@pytest.mark.parametrize("name", names())
def test_registered_engine_has_the_protocol(name: str) -> None:
    factory = registry.factory(name)
    for method in PROTOCOL:
        assert callable(getattr(factory, method, None)), f"{name} lacks {method}"
        assert _params(getattr(factory, method)) == _params(getattr(Engine, method)), (
            f"{name}.{method} signature differs from the Protocol")
    engine = registry.create(name)
    assert isinstance(engine, Engine)
    assert engine.name == name


@pytest.mark.parametrize("engine", _wrappers(), ids=lambda e: type(e).__name__)
def test_wrappers_have_the_protocol(engine) -> None:
    assert isinstance(engine, Engine)
    for method in PROTOCOL:
        assert _params(getattr(type(engine), method)) == _params(getattr(Engine, method))
    out = engine.translate_batch(["Bonjour.", "", "Écrivez à info@iom.int."], FR, EN)
    assert len(out) == 3 and all(isinstance(t, Translation) for t in out)
    assert out[1].text == "" and "info@iom.int" in out[2].text
    assert engine.translate_batch([], FR, EN) == []


@pytest.mark.parametrize("name", names())
def test_available_engines_translate_one_per_input(name: str) -> None:
    engine = build(name, glossary=False)
    reason = engine.unavailable()
    if reason is not None:
        pytest.skip(f"{name} unavailable here: {reason}")
    try:
        engine.route(FR, EN)
    except Exception as exc:  # noqa: BLE001 - a pair may be missing; that is a skip
        pytest.skip(f"{name}: {exc}")
    texts = ["Bonjour.", "Écrivez à info@iom.int avant le 14/03.", ""]
    out = engine.translate_batch(texts, FR, EN)
    assert len(out) == 3 and all(isinstance(t, Translation) for t in out)
    assert "info@iom.int" in out[1].text and "14/03" in out[1].text
    assert engine.translate_batch([], FR, EN) == []


def test_protocol_catches_a_misspelled_method() -> None:
    class Broken:
        name = "broken"

        def unavailable(self):
            return None

        def pairs(self):
            return []

        def route(self, src, tgt):
            return []

        def translate_bacth(self, texts, src, tgt, *, n_best=1):  # misspelled on purpose
            return []

    assert not isinstance(Broken(), Engine)


def test_memory_and_glossary_wrappers_have_the_protocol(tmp_path) -> None:
    from toolkit.glossary import GlossaryEngine, load_default
    from toolkit.memory import Memory, MemoryFirst

    pseudo = registry.create("pseudo")
    for engine in (GlossaryEngine(pseudo, load_default()),
                   MemoryFirst(pseudo, Memory(tmp_path / "m.sqlite"))):
        assert isinstance(engine, Engine)
        for method in PROTOCOL:
            assert _params(getattr(type(engine), method)) == _params(getattr(Engine, method))
        assert len(engine.translate_batch(["Un.", "Deux."], FR, EN)) == 2


def test_argos_on_the_tiny_model_translates_one_per_input(model_env, tiny_archives) -> None:  # noqa: F811
    for path in tiny_archives.values():
        packages.install_archive(path, model_env["models"])
    engine = build("argos", glossary=False)
    assert engine.unavailable() is None
    texts = ["Bonjour.", "La situation reste difficile.", "",
             "Écrivez à info@iom.int avant le 14/03."]
    out = engine.translate_batch(texts, FR, EN)
    assert len(out) == 4 and all(isinstance(t, Translation) for t in out)
    assert out[2].text == ""
    # The tiny model drops placeholders; the protection layer must still keep every span.
    assert "info@iom.int" in out[3].text and "14/03" in out[3].text, out[3]
    assert engine.translate_batch([], FR, EN) == []


class _DropsPlaceholders:
    """An engine that loses every placeholder, as a weak model does."""

    name = "drops"

    def unavailable(self):
        return None

    def pairs(self):
        return []

    def route(self, src, tgt):
        return []

    def translate_batch(self, texts, src, tgt, *, n_best=1):
        import re

        return [Translation(text=re.sub(r"ZXQ\d+QZ", "", t).upper()) for t in texts]


def test_protected_puts_back_spans_an_engine_dropped() -> None:
    out = Protected(_DropsPlaceholders()).translate_batch(
        ["Écrivez à info@iom.int avant le 14/03.", "Rien.", "Voir https://iom.int"], FR, EN)
    assert out[0].text == "ÉCRIVEZ À info@iom.int AVANT LE 14/03."
    assert any("translating around" in n for n in out[0].notes)
    assert out[1].text == "RIEN." and not out[1].notes
    assert out[2].text == "VOIR https://iom.int"
