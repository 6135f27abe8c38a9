"""French qui drafted as "who" after people and "which" after a comma, not "that"."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import translate_text
from toolkit.drafting.relatives import relatives


@pytest.mark.parametrize(("draft", "source", "want"), [
    ("The migrants that arrive.", "Les migrants qui arrivent.", "The migrants who arrive."),
    ("A tool, that allows it.", "Un outil, qui le permet.", "A tool, which allows it."),
    ("Mr Diallo's people, that work.", "Les gens de M. Diallo, qui travaillent.",
     "Mr Diallo's people, who work."),
    # no qui in the source: the "that" of que stays
    ("The people that he saw.", "Les gens qu'il a vus.", "The people that he saw."),
])
def test_relatives(draft: str, source: str, want: str) -> None:
    assert relatives(draft, source) == want


@needs_apertium
def test_through_the_engine() -> None:
    out = translate_text("Les migrants qui arrivent à Agadez sont épuisés.", src="fr", tgt="en")
    assert "migrants who arrive" in out
