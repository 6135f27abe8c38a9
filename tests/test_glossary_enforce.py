"""GlossaryEngine: protect-and-restore and repair around real engines."""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence

import pytest

from toolkit.engines import create
from toolkit.engines.base import Engine, Hypothesis, Translation
from toolkit.errors import EngineError
from toolkit.glossary import Glossary, GlossaryEngine, load_default
from toolkit.glossary.inflect import en_number, es_article, es_gender, es_number
from toolkit.langs import Lang
from toolkit.qa.terms import check_terms

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")
needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None,
                                    reason="apertium is not installed")


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_default()


class NBestEngine:
    """A two-hypothesis engine: its best guess drops digits, the second copies the text."""

    name = "nbest"

    def unavailable(self) -> str | None:
        return None

    def pairs(self) -> list[tuple[str, str]]:
        return [("fr", "en")]

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return ["fr-en"]

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        out = []
        for t in texts:
            first = re.sub(r"\d+", "", t)
            out.append(Translation(first, (Hypothesis(first, -1.0), Hypothesis(t, -2.0))))
        return out


def test_wrapper_implements_the_protocol(glossary: Glossary) -> None:
    engine = GlossaryEngine(create("pseudo"), glossary)
    assert isinstance(engine, Engine)
    assert engine.name == "pseudo+glossary"
    assert engine.unavailable() is None
    assert engine.route(FR, EN)[-1] == "glossary"
    with pytest.raises(EngineError):
        GlossaryEngine(create("pseudo"), glossary, strategy="magic")


def test_pseudo_engine_gets_terms_and_notes(glossary: Glossary) -> None:
    engine = GlossaryEngine(create("pseudo"), glossary)
    (tr,) = engine.translate_batch(["La traite des êtres humains touche l'OIM."], FR, EN)
    assert "human trafficking" in tr.text and "IOM" in tr.text
    assert "glossary: traite des êtres humains → human trafficking" in tr.notes
    assert "glossary: OIM → IOM" in tr.notes
    assert "engine: pseudo" in tr.notes


def test_text_without_terms_passes_untouched(glossary: Glossary) -> None:
    engine = GlossaryEngine(create("identity"), glossary)
    texts = ["Bonjour à tous.", "", "Il traite le dossier."]
    assert [t.text for t in engine.translate_batch(texts, FR, EN)] == texts


def test_n_best_prefers_the_hypothesis_that_kept_placeholders(glossary: Glossary) -> None:
    engine = GlossaryEngine(NBestEngine(), glossary)
    (tr,) = engine.translate_batch(["Les passeurs et l'OIM."], FR, EN, n_best=2)
    assert "smugglers" in tr.text and "IOM" in tr.text
    assert not re.search(r"\d", tr.text)


def test_lost_placeholders_fall_back_to_repair(glossary: Glossary) -> None:
    class Dropper(NBestEngine):
        def translate_batch(self, texts, src, tgt, *, n_best=1):
            return [Translation(re.sub(r"\d+", "passers", t)) for t in texts]

    (tr,) = GlossaryEngine(Dropper(), glossary).translate_batch(["Les passeurs."], FR, EN)
    assert "smugglers" in tr.text.lower() and "passers" not in tr.text


def test_inflection_helpers() -> None:
    assert en_number("smuggler", "pl") == "smugglers"
    assert en_number("victim of trafficking", "pl") == "victims of trafficking"
    assert en_number("smugglers", "sg") == "smuggler"
    assert es_number("tráfico ilícito de migrantes", "pl") == "tráficos ilícitos de migrantes"
    assert es_gender("trata de personas") == "feminine"
    assert es_gender("retorno voluntario") == "masculine"
    assert es_gender("Organización Internacional para las Migraciones") == "feminine"
    assert es_article("del", "feminine", False) == "de la"
    assert es_article("Los", "feminine", True) == "Las"


@needs_apertium
@pytest.mark.parametrize(("source", "expected", "absent"), [
    ("L'OIM lutte contre la traite des êtres humains au Niger.",
     ["IOM", "human trafficking"], ["OIM", "treats", "The IOM"]),
    ("Les passeurs ont été arrêtés.", ["smugglers"], ["passeurs", "passers"]),
    ("Un passeur a été arrêté.", ["smuggler "], ["passeur"]),
    ("Le trafic illicite de migrants augmente dans la région de la CEDEAO.",
     ["Migrant smuggling", "ECOWAS"], ["illicit traffic", "CEDEAO", "the ECOWAS"]),
    ("Des mineurs non accompagnés ont été identifiés par le HCR.",
     ["unaccompanied minors", "UNHCR"], ["HCR "]),
    ("Les ONG aident les victimes de la traite.", ["NGOs", "victims of trafficking"], []),
    ("Le médecin traite des êtres humains.", ["treats human beings"], ["trafficking"]),
])
def test_apertium_fr_en(glossary: Glossary, source: str, expected: list[str],
                        absent: list[str]) -> None:
    engine = GlossaryEngine(create("apertium"), glossary)
    (tr,) = engine.translate_batch([source], FR, EN)
    for word in expected:
        assert word in tr.text, tr.text
    for word in absent:
        assert word not in tr.text, tr.text
    assert [i for i in check_terms(source, tr.text, glossary) if i.severity == "error"] == []


@needs_apertium
def test_apertium_fr_es_articles_agree(glossary: Glossary) -> None:
    engine = GlossaryEngine(create("apertium"), glossary)
    texts = ["L'OIM aide les migrants.", "Les victimes ont reçu une aide au retour volontaire.",
             "La traite des personnes est un crime."]
    out = [t.text for t in engine.translate_batch(texts, FR, ES)]
    assert out[0].startswith("La OIM")
    assert "un retorno voluntario asistido" in out[1]
    assert "trata de personas" in out[2]


@needs_apertium
def test_un_before_a_term_is_an_article_not_the_numeral(glossary: Glossary) -> None:
    # The engine reads "un" + placeholder as the numeral: "one psychosocial support", "uno apoyo".
    engine = GlossaryEngine(create("apertium"), glossary)
    text = "Ils ont reçu un soutien psychosocial."
    en = engine.translate_batch([text], FR, EN)[0].text
    es = engine.translate_batch([text], FR, ES)[0].text
    assert "a psychosocial support" in en and "one psychosocial" not in en
    assert "un apoyo psicosocial" in es and "uno apoyo" not in es
    assert es_article("uno", "feminine", False) == "una"


@needs_apertium
@pytest.mark.parametrize("strategy", ["protect", "repair"])
def test_strategies_reach_the_terms(glossary: Glossary, strategy: str) -> None:
    engine = GlossaryEngine(create("apertium"), glossary, strategy=strategy)
    texts = ["La traite des personnes est un crime.", "Les passeurs exploitent les migrants."]
    out = engine.translate_batch(texts, FR, EN)
    for src, tr in zip(texts, out, strict=True):
        assert [i for i in check_terms(src, tr.text, glossary) if i.severity == "error"] == []


@needs_apertium
def test_a_user_glossary_adds_to_the_shipped_one(tmp_path) -> None:
    """Two terms of one's own must not cost the 469 shipped concepts (traite → trafficking)."""
    from toolkit import translate_text

    mine = tmp_path / "mine.csv"
    mine.write_text("concept_id,fr,en\nmy-bureau,bureau de liaison,liaison office\n"
                    "my-atelier,atelier de validation,validation workshop\n", "utf-8")
    text = "La traite des êtres humains a été examinée lors de l'atelier de validation."
    added = translate_text(text, src="fr", tgt="en", glossary=mine)
    assert "human trafficking" in added.lower() and "validation workshop" in added
    from toolkit.stack import build

    alone = build("apertium", glossary=mine, replace_glossary=True)
    (tr,) = alone.translate_batch([text], FR, EN)
    assert "validation workshop" in tr.text and "human trafficking" not in tr.text.lower()
