"""The one placeholder facility that protection, glossary, phrases and numbers share."""

from __future__ import annotations

from itertools import islice

from toolkit.drafting.numbers import localise_source
from toolkit.engines.identity import IdentityEngine
from toolkit.glossary import load_default
from toolkit.glossary.enforce import GlossaryEngine
from toolkit.masking import WORD, find_numeric, numeric_tokens, word_token
from toolkit.protect import mask, unmask


def test_numeric_tokens_skip_what_the_text_holds() -> None:
    text = "Le code 90417 et le 90437 figurent déjà dans le texte."
    assert list(islice(numeric_tokens(text, 90417), 3)) == ["90427", "90447", "90457"]


def test_a_numeric_token_is_found_only_as_a_whole_number() -> None:
    assert find_numeric("1904170 puis 90417.", "90417").start() == 13
    assert find_numeric("1904170", "90417") is None


def test_word_tokens_round_trip_through_protection() -> None:
    text = "Écrire à a.b@iom.int ou suivre @OIM_Niger."
    masked = mask(text)
    assert WORD.findall(masked.text) == ["0", "1"] and word_token(1) in masked.text
    assert unmask(masked.text, masked.spans) == (text, ())


def test_every_numeric_layer_avoids_a_number_already_in_the_sentence() -> None:
    """A release quoting 90417 or 73001 must not have that number replaced by a term."""
    plan = GlossaryEngine(IdentityEngine(), load_default()).plan("L'OIM et le dossier 90417.", "fr", "en")
    assert plan.slots and all(s.token != "90417" for s in plan.slots)
    assert "90417" in plan.masked
    loc = localise_source("Le 3 juin, dossier 73001.", "en")
    assert all(tok != "73001" for tok, _ in loc.values) and "73001" in loc.masked
