"""The SRX export, run by a real SRX engine (choppa), agrees with segment()."""

from __future__ import annotations

import pytest
from choppa import SRX_2_XSD, AccurateSrxTextIterator, SrxDocument, SrxTextIterator
from segment_cases import all_cases

from toolkit.segment import segment
from toolkit.segment.srx import export_srx

# Cases tagged @no-srx use rules SRX cannot express (listed in srx.py).
CASES = [c for c in all_cases() if "no-srx" not in c.tags]


@pytest.fixture(scope="module")
def srx_doc(tmp_path_factory):
    path = export_srx(tmp_path_factory.mktemp("srx") / "toolkit.srx")
    # Validating against the SRX 2.0 schema checks the document's structure.
    return SrxDocument(ruleset=str(path), validate_ruleset=str(SRX_2_XSD))


def test_most_cases_are_expressible():
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[f"{c.lang}-{c.name}" for c in CASES])
def test_srx_matches_segment(srx_doc, case):
    ours = [s.text for s in segment(case.text, case.lang)]
    assert list(AccurateSrxTextIterator(srx_doc, case.lang, case.text)) == ours, case.where
    assert list(SrxTextIterator(srx_doc, case.lang, case.text)) == ours, case.where


def test_inexpressible_cases_differ(srx_doc):
    """The tagged cases really need the non-SRX rules (else the tag is stale)."""
    for case in all_cases():
        if "no-srx" in case.tags:
            ours = [s.text for s in segment(case.text, case.lang)]
            assert list(AccurateSrxTextIterator(srx_doc, case.lang, case.text)) != ours


def test_generic_rules_for_other_languages(srx_doc):
    text = "Mr. Smith left. He came back."
    ours = [s.text for s in segment(text, "ru")]
    assert list(AccurateSrxTextIterator(srx_doc, "ru", text)) == ours


def test_every_language_with_rules_is_exported(srx_doc):
    # Catalan borrows the Spanish rules in the export as in segment().
    text = "El Sr. García llegó a las 10 a. m. Habló con la Dra. Pérez."
    for lang in ("es", "ca"):
        ours = [s.text for s in segment(text, lang)]
        assert len(ours) == 2
        assert list(AccurateSrxTextIterator(srx_doc, lang, text)) == ours
