"""Coverage of the shipped IOM glossary beyond the dev list: displacement, emergencies,
regional bodies, border management and return, matched through French inflection and
rendered by the real Apertium engine."""

from __future__ import annotations

import shutil

import pytest

from toolkit import translate_text
from toolkit.glossary import Matcher, load_default

needs_apertium = pytest.mark.skipif(shutil.which("apertium") is None,
                                    reason="apertium is not installed")


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_default(), "fr", deprecated=False)


@pytest.mark.parametrize(("source", "concept", "surface"), [
    ("Les postes frontaliers à guichet unique ont ouvert.", "osbp",
     "postes frontaliers à guichet unique"),
    ("La Directrice générale adjointe est arrivée.", "deputy-director-general",
     "Directrice générale adjointe"),
    ("Des articles non alimentaires ont été distribués.", "nfi", "articles non alimentaires"),
    ("Les enfants non accompagnés et séparés sont protégés.", "uasc",
     "enfants non accompagnés et séparés"),
    ("Les survivantes de la traite témoignent.", "survivor-of-trafficking",
     "survivantes de la traite"),
    ("Les bailleurs de fonds ont répondu.", "donor", "bailleurs de fonds"),
    ("Le Sahel central souffre des changements climatiques.", "climate-change",
     "changements climatiques"),
    ("Il est entré par l'un des points d'entrée.", "point-of-entry", "points d'entrée"),
])
def test_new_concepts_match_inflected_french(matcher: Matcher, source: str, concept: str,
                                             surface: str) -> None:
    found = {(m.concept.id, m.span.text) for m in matcher.find(source)}
    assert (concept, surface) in found


@pytest.mark.parametrize("source", [
    "Elle a déplacé la réunion.",           # a verb, not displaced persons
    "Le bailleur a augmenté le loyer.",      # a landlord, not a donor
    "Il a pris un abri pour la nuit.",       # an ordinary shelter, not a concept
    "Le relèvement des taux a surpris.",     # a rate rise, not early recovery
])
def test_ordinary_words_are_not_terms(matcher: Matcher, source: str) -> None:
    assert matcher.find(source) == []


@needs_apertium
@pytest.mark.parametrize(("source", "expected"), [
    ("Les postes frontaliers à guichet unique facilitent le commerce.",
     ["one-stop border posts"]),
    ("La Directrice générale adjointe a rencontré les personnes déplacées.",
     ["Deputy Director General", "displaced persons"]),
    ("L'OIM distribue des articles non alimentaires dans les sites de déplacés.",
     ["IOM distributes", "non-food items", "displacement sites"]),
    ("La CEEAC et l'IGAD soutiennent le Pacte mondial sur les réfugiés.",
     ["ECCAS", "IGAD", "Global Compact on Refugees"]),
    ("Les bailleurs de fonds ont répondu à l'appel éclair.", ["donors", "flash appeal"]),
    ("Les enfants non accompagnés et séparés reçoivent une assistance consulaire.",
     ["Unaccompanied and separated children", "consular assistance"]),
])
def test_new_concepts_render_through_apertium(source: str, expected: list[str]) -> None:
    out = translate_text(source, src="fr", tgt="en", engine="apertium")
    for term in expected:
        assert term in out, out


def test_plural_rules_for_loanwords_and_greek_nouns() -> None:
    from toolkit.glossary.inflect import _en_plural, _es_plural
    from toolkit.glossary.match import es_key

    assert [_es_plural(w) for w in ("kit", "papel", "mujer", "ley", "migrante")] == [
        "kits", "papeles", "mujeres", "leyes", "migrantes"]
    assert [_en_plural(w) for w in ("crisis", "analysis", "smuggler")] == [
        "crises", "analyses", "smugglers"]
    assert es_key("desastres") == es_key("desastre") and es_key("menores") == es_key("menor")
