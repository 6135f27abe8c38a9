"""Noun compounds: French "noun de noun" put in English order, through the real engine."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit.drafting.compounds import Analyser, pairs, rewrite
from toolkit.langs import Lang
from toolkit.stack import build

FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")


@pytest.mark.parametrize("text, head, modifier, lemma, also, also_lemma, out", [
    ("the services of health.", "services", "health", "health", "", "", "the health services."),
    ("Agents of police", "agents", "police", "police", "", "", "Police agents"),
    ("12 readers of passports", "readers", "passports", "passport", "", "", "12 passport readers"),
    ("86 agents ZXQ2QZ of police and of customs", "agents", "police", "police", "customs",
     "customs", "86 police and customs agents ZXQ2QZ"),
    ("the agents of the police", "agents", "police", "police", "", "", "the agents of the police"),
    ("sub-agents of policemen", "agents", "police", "police", "", "", "sub-agents of policemen"),
])
def test_rewrite(text, head, modifier, lemma, also, also_lemma, out):
    assert rewrite(text, head, modifier, lemma, also, also_lemma) == out


@needs_apertium
@pytest.mark.parametrize("text, found", [
    ("L'accès aux services de santé.", [("services", "santé")]),
    ("Il a remis 12 lecteurs de passeports.", [("lecteurs", "passeports")]),
    ("la protection des migrants", []),  # an article: not a compound
    ("en cas de besoin, au cours de l'année", []),  # locutions
    ("des millions de personnes, 27 km de circonférence", []),  # quantities
    ("les pays d'origine", []),  # English keeps "of"
    ("il n'y a pas de recette miracle", []),  # negation
    ("des projets de développement local", []),  # whose noun the adjective is: unclear
    ("le comité de lutte contre la traite", []),  # the second noun has its own complement
    ("des actions de surveillance, d'inspection et de détection", []),  # a list
    ("le contrôle de police", [("contrôle", "police")]),
    ("Il contrôle de loin", []),  # a verb
])
def test_pairs_come_from_the_french_analyser(text, found):
    assert [(p.head, p.modifier) for p in pairs([text], Analyser())[0]] == found


def _en(texts):
    return [t.text for t in build("apertium").translate_batch(texts, FR, EN)]


@needs_apertium
def test_compounds_through_the_engine():
    out = _en(["L'OIM appelle les États à garantir l'accès des migrants aux services de santé.",
               "Le matériel comprend 12 lecteurs de passeports.",
               "Les opérations de police ont permis de démanteler des réseaux."])
    assert "health services" in out[0] and "of health" not in out[0]
    assert "12 passport readers" in out[1]
    assert out[2].startswith("The police operations")


@needs_apertium
def test_a_bold_tag_inside_a_compound_or_a_phrase_stays_whole():
    out = _en(["La remise a déjà touché <g1>86 agents</g1> de police et de douane depuis janvier.",
               "Il a formé des agents <g1>de police</g1> à Dakar.",
               "Il a remis <g1>12 lecteurs</g1> de passeports."])
    assert "<g1>86 police and customs officers</g1>" in out[0]
    assert "<g1>police officers</g1>" in out[1]
    assert "<g1>12 passport readers</g1>" in out[2]


@needs_apertium
def test_spanish_keeps_de():
    out = build("apertium").translate_batch(["Les services de santé sont ouverts."], FR, ES)
    assert "servicios de salud" in out[0].text
