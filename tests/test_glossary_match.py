"""French and English term matching: inflection, elision, variants, nesting, ambiguity."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.glossary import Concept, Glossary, Matcher, Term, fr_key, load_default
from toolkit.qa.issue import Issue
from toolkit.qa.terms import check_terms

CASES = Path(__file__).resolve().parent / "cases" / "glossary" / "match_cases.tsv"


def _cases() -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for line in CASES.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.partition("\t")
        items = [tuple(x.strip().split("=", 1)) for x in expected.split(" ; ") if x.strip()]
        out.append((text, items))
    return out


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_default()


@pytest.fixture(scope="module")
def fr(glossary: Glossary) -> Matcher:
    return Matcher(glossary, "fr")


@pytest.mark.parametrize(("text", "expected"), _cases())
def test_match_cases(fr: Matcher, text: str, expected: list[tuple[str, str]]) -> None:
    found = fr.find(text)
    assert [(m.concept.id, m.span.text) for m in found] == expected
    for m in found:  # offsets point into the original text
        assert text[m.span.start:m.span.end] == m.span.text


def test_apostrophe_and_space_variants_give_the_same_match(fr: Matcher) -> None:
    for text in ("la traite d'êtres humains", "la traite d’êtres humains",
                 "la traite\u00a0d’êtres\u202fhumains", "la  traite d'êtres\thumains"):
        found = fr.find(text)
        assert [m.concept.id for m in found] == ["human-trafficking"], text


def test_nested_terms_longest_first_and_overlapping_listing(fr: Matcher) -> None:
    text = "l'aide au retour volontaire et à la réintégration"
    assert [m.concept.id for m in fr.find(text)] == ["avrr"]
    nested = {m.concept.id for m in fr.find(text, overlapping=True)}
    assert {"avrr", "avr", "voluntary-return", "reintegration"} <= nested


def test_number_and_article_are_reported(fr: Matcher) -> None:
    (m,) = fr.find("Les trafics illicites")
    assert m.number == "pl" and m.article and m.article.text == "Les"
    (m,) = fr.find("un passeur")
    assert m.number == "" and m.article is None
    (m,) = fr.find("un mineur non accompagné")
    assert m.number == ""


def test_traite_noun_versus_verb(fr: Matcher) -> None:
    noun = ["La traite progresse.", "contre la traite", "victimes de traite",
            "une traite transfrontalière", "Traite des personnes"]
    verb = ["il traite le dossier", "Le médecin traite des êtres humains.", "qui la traite",
            "L'agence traite les demandes.", "Elle les traite bien."]
    for text in noun:
        assert any(m.concept.id.startswith(("trafficking", "human")) for m in fr.find(text)), text
    for text in verb:
        assert not any("traffick" in m.concept.id for m in fr.find(text)), text


def test_lutte_and_aide_as_verbs(fr: Matcher) -> None:
    assert [m.concept.id for m in fr.find("L'OIM lutte contre la traite.")] == \
        ["iom", "trafficking"]
    assert [m.concept.id for m in fr.find("la lutte contre la traite")] == \
        ["counter-trafficking"]
    assert "avr" not in [m.concept.id for m in fr.find("Elle aide au retour volontaire.")]
    assert "avr" in [m.concept.id for m in fr.find("Son aide au retour volontaire.")]


def test_acronyms_are_case_sensitive(fr: Matcher) -> None:
    assert [m.concept.id for m in fr.find("L'UE et l'UA")] == ["eu", "au"]
    assert fr.find("ue ua oim") == []


def test_fr_key_folds_inflection() -> None:
    assert fr_key("irrégulières") == fr_key("irrégulier")
    assert fr_key("internationaux") == fr_key("international")
    assert fr_key("passeuses") == fr_key("passeur")
    assert fr_key("traité") != fr_key("traite")  # treaty/treated is not trafficking
    assert fr_key("l'") is None and fr_key("d’") == "de"


def test_english_matching_with_inflection(glossary: Glossary) -> None:
    en = Matcher(glossary, "en")
    found = {(m.concept.id, m.span.text) for m in en.find(
        "Smugglers and a smuggler; labor migration; Counter trafficking.", overlapping=True)}
    assert ("smuggler", "Smugglers") in found and ("smuggler", "smuggler") in found
    assert ("labour-migration", "labor migration") in found
    assert ("counter-trafficking", "Counter trafficking") in found


def test_small_glossary_without_shipped_data() -> None:
    g = Glossary.of([Concept("x", (Term("centre de transit", "fr"), Term("transit centre", "en")))])
    m = Matcher(g, "fr").find("Deux centres de transit ouvrent.")
    assert [(x.span.start, x.span.end, x.number) for x in m] == [(5, 23, "pl")]


# QA check -------------------------------------------------------------------------------

def test_check_terms_reports_missing_and_forbidden(glossary: Glossary) -> None:
    issues = check_terms("La traite des êtres humains et les passeurs.",
                         "The treats of human beings and the passers.", glossary)
    codes = sorted((i.code, i.severity) for i in issues)
    assert ("term-missing", "error") in codes
    assert ("term-forbidden", "error") in codes
    assert all(isinstance(i, Issue) and i.span is not None for i in issues)
    bad = [i for i in issues if i.code == "term-forbidden"]
    assert {i.span.text for i in bad} == {"treats", "passers"}


def test_check_terms_accepts_variants_and_inflection(glossary: Glossary) -> None:
    assert check_terms("Les passeurs et la traite des personnes.",
                       "Smugglers and human trafficking.", glossary) == []
    assert check_terms("Des retours volontaires.", "Voluntary returns.", glossary) == []


def test_check_terms_counts_occurrences(glossary: Glossary) -> None:
    issues = check_terms("Un passeur a vu un autre passeur.", "A smuggler saw another man.",
                         glossary)
    assert [i.code for i in issues] == ["term-missing"]
    assert "1 of 2" in issues[0].message


def test_forbidden_rendering_of_one_concept_is_right_for_another(glossary: Glossary) -> None:
    src = "La traite des êtres humains et le trafic illicite de migrants."
    assert check_terms(src, "Human trafficking and migrant smuggling.", glossary) == []
    issues = check_terms("Le trafic illicite de migrants.", "Human trafficking.", glossary)
    assert {i.code for i in issues} == {"term-missing", "term-forbidden"}


def test_forbidden_next_to_approved_is_a_warning(glossary: Glossary) -> None:
    issues = check_terms("Les passeurs.", "The smugglers (passers).", glossary)
    assert [(i.code, i.severity) for i in issues] == [("term-forbidden", "warning")]


def test_check_terms_spanish_and_empty_target(glossary: Glossary) -> None:
    assert check_terms("La traite des personnes.", "La trata de personas.", glossary,
                       tgt="es") == []
    assert check_terms("La traite des personnes.", "", glossary) == []
    assert check_terms("", "", glossary) == []
