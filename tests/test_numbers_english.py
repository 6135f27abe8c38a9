"""English-source numbers, dates and amounts in French and Spanish conventions (real Apertium)."""

from __future__ import annotations

import pytest

from toolkit.api import translate_text
from toolkit.drafting.numbers_en import localise_english

RELEASE = ("On 14 March 2025, the office helped 1,250 migrants. 68.5% received US$1,500 each. "
           "In June 2024 the fund reached €30 million.")


def test_values_are_read_and_written_in_each_target() -> None:
    _, fr = localise_english(RELEASE, "fr")
    assert [v for _, v in fr] == ["le 14 mars 2025", "1\u202f250", "68,5\xa0%",
                                  "1\u202f500 dollars des États-Unis", "en juin 2024",
                                  "30 millions d'euros"]
    _, es = localise_english(RELEASE, "es")
    assert [v for _, v in es] == ["el 14 de marzo de 2025", "1.250", "68,5\xa0%",
                                  "1.500 dólares estadounidenses", "en junio de 2024",
                                  "30 millones de euros"]


def test_what_is_not_a_quantity_is_left_alone() -> None:
    text = "You may call +41 22 717 91 11 or write to info@iom.int; May we help? Version 2.0."
    masked, values = localise_english(text, "fr")
    assert [v for _, v in values] == ["2,0"]  # not the phone, not the verb "may"
    assert "+41 22 717 91 11" in masked and "info@iom.int" in masked
    assert localise_english("31 February 2025", "fr") == ("31 February 2025", ())


@pytest.mark.parametrize(("tgt", "expected", "wrong"), [
    ("fr", ["Le 14 mars 2025", "1 250 migrants", "68,5 %", "1 500 dollars", "juin 2024",
            "30 millions d'euros"], ["Part", "1,250", "68.5%", "EE.UU.", " Le fond"]),
    ("es", ["El 14 de marzo de 2025", "1.250 migrantes", "68,5 %", "1.500 dólares",
            "junio de 2024", "30 millones de euros"], ["Marcha", "1,250", "68.5%", "EE.UU.",
                                                       " El fondo"]),
])
def test_english_release_drafts_use_the_targets_conventions(tgt: str, expected: list[str],
                                                             wrong: list[str]) -> None:
    """Through eng→spa→fra, "14 March 2025" came out "14 Part 2025" and US$1,500 "EE.UU.$1,500"."""
    out = translate_text(RELEASE, src="en", tgt=tgt).replace("\u202f", " ").replace("\xa0", " ")
    assert all(e in out for e in expected), out
    assert not any(w in out for w in wrong), out
