"""English title-case headlines brought to sentence case, with the real Apertium analyser."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit.drafting.headline_en import is_title_case, sentence_case
from toolkit.langs import Lang
from toolkit.stack import build


@pytest.mark.parametrize("text, expected", [
    ("IOM Scales Up Response as Floods Displace Thousands in Northern Mozambique", True),
    ("New IOM Report Shows Record Displacement in the Sahel", True),
    ("IOM helps stranded migrants return home.", False),
    ("Amy Pope Visits Sudan.", False),       # a sentence: it ends with a stop
    ("IOM in Sudan", False),                 # too short to tell
])
def test_title_case_is_recognised(text, expected):
    assert is_title_case(text) is expected


@needs_apertium
def test_names_and_acronyms_keep_their_capitals():
    out = sentence_case(["IOM Chief Visits Sudan as Needs Grow in Northern Mozambique"])[0]
    assert out == "IOM chief visits Sudan as needs grow in northern Mozambique"


@needs_apertium
def test_other_texts_untouched():
    texts = ["Amy Pope met the Minister of Health.", "Geneva – IOM Director General"]
    assert sentence_case(texts) == texts


@needs_apertium
@pytest.mark.parametrize("tgt, good, bad", [
    ("fr", "Soudan", "Visits"),
    ("es", "Sudán", "Visits"),
])
def test_headline_draft_is_translated(tgt, good, bad):
    out = build().translate_batch(["IOM Chief Visits Sudan as Needs Grow"], Lang.parse("en"),
                                  Lang.parse(tgt))[0].text
    assert good in out and bad not in out, out
