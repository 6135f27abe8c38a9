"""French articles before generic plurals and abstract nouns, left out in English."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit import translate_text
from toolkit.drafting.articles import generic_articles


@pytest.mark.parametrize(("draft", "want"), [
    ("The women should not fight.", "Women should not fight."),
    ("The fight against the poverty and the violence.", "The fight against poverty and violence."),
    ("A fund to support the regional mobility.", "A fund to support regional mobility."),
    # a complement or a noun after it: the article stays
    ("The life of the migrants.", "The life of the migrants."),
    ("Along the migration routes.", "Along the migration routes."),
    ("The health services.", "The health services."),
    ("The people's choice.", "The people's choice."),
    # not a listed noun
    ("The government is ready.", "The government is ready."),
])
def test_generic_articles(draft: str, want: str) -> None:
    assert generic_articles(draft) == want


@needs_apertium
def test_through_the_engine() -> None:
    out = translate_text("Les femmes sont exposées à la violence.", src="fr", tgt="en")
    assert out.startswith("Women") and "to violence" in out
    out = translate_text("Le fonds d'appui à la mobilité régionale a été créé.", src="fr", tgt="en")
    assert "support regional mobility" in out and "stand" not in out
