"""French leur(s), which the Spanish pivot turns into "his", drafted as "their"."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import translate_text
from toolkit.drafting.possessive import their


@pytest.mark.parametrize(("draft", "source", "want"), [
    ("The families and his children.", "Les familles et leurs enfants.",
     "The families and their children."),
    ("His leaders met.", "Leurs dirigeants se sont réunis.", "Their leaders met."),
    # son/sa/ses in the same sentence: which "his" is which is unknown.
    ("His son and his children.", "Son fils et leurs enfants.", "His son and his children."),
    # "leur" before a verb is the object pronoun.
    ("He told them about his plan.", "Il leur a parlé de son plan.",
     "He told them about his plan."),
    ("He gave them his book.", "Il leur donne un livre.", "He gave them his book."),
    # More "his" in the draft than leur(s) in the source: left alone.
    ("His and his.", "Leur maison.", "His and his."),
])
def test_their(draft: str, source: str, want: str) -> None:
    assert their(draft, source) == want


@needs_apertium
def test_through_the_engine() -> None:
    out = translate_text("Les migrants ont retrouvé leurs familles.", src="fr", tgt="en")
    assert "their families" in out and "his" not in out.split()
