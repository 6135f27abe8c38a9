"""The French passé composé drafted as an English simple past where English tells it so."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import translate_text
from toolkit.drafting.past import simple_past


@pytest.mark.parametrize(("draft", "source", "want"), [
    ("The judge has said that he has been arrested.", "Le juge a dit qu'il a été arrêté.",
     "The judge said that he was arrested."),
    ("Several projects have been blocked.", "Plusieurs projets ont été bloqués.",
     "Several projects were blocked."),
    ("We have taken part and I have been there.", "Nous avons pris part et j'y ai été.",
     "We took part and I was there."),
    ("Has also launched a programme.", "A également lancé un programme.",
     "Also launched a programme."),
    # A time reaching the present: the English perfect stays.
    ("IOM has assisted 300 migrants since January.",
     "L'OIM a assisté 300 migrants depuis janvier.",
     "IOM has assisted 300 migrants since January."),
    # Not a participle, or "have" as an infinitive after a modal or do-support.
    ("She has to leave and has children.", "Elle a dû partir et a des enfants.",
     "She has to leave and has children."),
    ("They would have seen it; they do not have numbered them.",
     "Ils l'auraient vu ; ils n'ont pas compté.",
     "They would have seen it; they do not have numbered them."),
    # No French perfect in the source: "has" is a present.
    ("The team has trained staff.", "L'équipe a des employés formés.",
     "The team has trained staff."),
])
def test_simple_past(draft: str, source: str, want: str) -> None:
    assert simple_past(draft, source) == want


@needs_apertium
def test_through_the_engine() -> None:
    out = translate_text("Le juge a dit que le suspect a été arrêté hier.", src="fr", tgt="en")
    assert "has" not in out.split() and "was arrested" in out
    kept = translate_text("L'OIM a aidé 300 migrants depuis janvier.", src="fr", tgt="en")
    assert "has" in kept.split()
