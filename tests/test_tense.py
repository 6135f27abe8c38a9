"""French perfects with *être* ("sont arrivés") drafted as a past, not as "are arrived"."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import translate_text
from toolkit.drafting.cleanup import clean
from toolkit.drafting.tense import etre_past


@pytest.mark.parametrize(("draft", "source", "lang", "want"), [
    ("The migrants are arrived in Dakar.", "Les migrants sont arrivés à Dakar.", "en",
     "The migrants arrived in Dakar."),
    ("They are already left.", "Ils sont déjà partis.", "en", "They already left."),
    ("They were left.", "Ils étaient partis.", "en", "They had left."),
    ("Is come back in June.", "Est revenue en juin.", "en", "Came back in June."),
    ("Los migrantes están llegado.", "Les migrants sont arrivés.", "es",
     "Los migrantes han llegado."),
    ("Estaban regresados.", "Ils étaient rentrés.", "es", "Habían regresado."),
    # A passive is not an être perfect: left alone.
    ("The migrants are returned home.", "Les migrants sont renvoyés chez eux.", "en",
     "The migrants are returned home."),
    # Negation is drafted otherwise by the engine ("have not gone back"): left alone.
    ("The migrants are not arrived.", "Les migrants ne sont pas arrivés.", "en",
     "The migrants are not arrived."),
    # As many "be + word" in the draft as perfects in the source, or nothing changes.
    ("They are happy and are arrived.", "Ils sont arrivés.", "en",
     "They are happy and are arrived."),
    # devenir has no safe Spanish form here.
    ("Está resultado director.", "Il est devenu directeur.", "es", "Está resultado director."),
])
def test_etre_perfect(draft: str, source: str, lang: str, want: str) -> None:
    assert etre_past(draft, source, lang) == want


@needs_apertium
def test_through_the_engine() -> None:
    assert translate_text("Ils sont rentrés au Mali.", src="fr", tgt="en").startswith(
        "They returned")
    assert "han llegado" in translate_text("Les migrants sont arrivés à Dakar.", src="fr",
                                            tgt="es")


@pytest.mark.parametrize(("draft", "source", "want"), [
    ("Niamey, 12 March 2024 – over the past three months, IOM helped.",
     "Niamey, 12 mars 2024 – Au cours des trois derniers mois, l'OIM a aidé.",
     "Niamey, 12 March 2024 – Over the past three months, IOM helped."),
    ("Niamey – as part of the project, IOM helped.",
     "Niamey – Dans le cadre du projet, l'OIM a aidé.",
     "Niamey – As part of the project, IOM helped."),
    # A dash inside a sentence, lowercase in the source: nothing to restore.
    ("The migrants – from Mali – arrived.", "Les migrants – venus du Mali – sont arrivés.",
     "The migrants – from Mali – arrived."),
])
def test_dateline_keeps_the_capital_after_its_dash(draft: str, source: str, want: str) -> None:
    assert clean(draft, "en", source) == want
