"""French superlatives, which the pivot drafts as "the holy plus", in English form."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import translate_text
from toolkit.drafting.superlatives import superlatives


@pytest.mark.parametrize(("draft", "want"), [
    ("The place the holy plus of the city.", "The place the most holy of the city."),
    ("The big plus telescopes.", "The biggest telescopes."),
    ("Sections the plus sharp.", "Sections the sharpest."),
    ("Relaxed the possible plus.", "Relaxed as much as possible."),
    ("Its high plus level.", "Its highest level."),
    # Not an adjective before "plus": left alone.
    ("The number plus the rest.", "The number plus the rest."),
    ("Two plus two.", "Two plus two."),
])
def test_superlatives(draft: str, want: str) -> None:
    assert superlatives(draft) == want


@needs_apertium
def test_through_the_engine() -> None:
    out = translate_text("C'est le lieu le plus sacré de la ville.", src="fr", tgt="en")
    assert "the most " in out and "plus" not in out
    assert "plus" not in translate_text("C'est le plus grand port du pays.", src="fr", tgt="en")
