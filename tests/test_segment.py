"""Sentence segmentation: golden cases, losslessness, languages, blocks, CLI."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st
from segment_cases import all_cases
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import InputError, LanguageError
from toolkit.langs import Lang
from toolkit.segment import blocks, parse_rules, rules_for, segment
from toolkit.segment.rules import supported

CASES = all_cases()


def check_lossless(text: str, spans) -> None:
    assert "".join(s.text for s in spans) == text
    pos = 0
    for s in spans:
        assert s.start == pos and s.end > s.start and text[s.start : s.end] == s.text
        pos = s.end
    assert pos == len(text)


def test_enough_cases_in_both_languages():
    assert len(CASES) >= 40
    assert {c.lang for c in CASES} >= {"fr", "en"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.lang}-{c.name}" for c in CASES])
def test_case(case):
    spans = segment(case.text, case.lang)
    check_lossless(case.text, spans)
    got = tuple(s.text.strip() for s in spans)
    assert got == case.expected, case.where


# Arbitrary Unicode without lone surrogates, with the characters that broke
# sentinel-based segmenters and plenty of sentence punctuation mixed in.
_tricky = st.sampled_from(
    ["∯", "ȹ", "&ᓷ&", "\x00", "\x07", "\r\n", "\n\n", " ", "\u00a0", "\u202f", "😀", "👩‍👩‍👧",
     ".", "...", "…", "?", "!", ";", "«", "»", '"', "M.", "etc.", "A.", "O.N.U.", "1.", "(…)",
     # the pieces the newer rules look for
     ":-)", " :) ", ".[1]", "a. m.", " z. B. ", "Yahoo!", "Dear Ann, ", "Regards, ", "3. ",
     "http://x.org/a ", "www.", "(Note) ", ".Today", "LL.AA.II.RR.", " I ", "Co. ", "; «"]
)
_text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=8), _tricky),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_text, st.sampled_from(["fr", "en", "es", "pt", "it", "de", "ca", "ru", "fr-FR"]))
def test_spans_join_back_to_input(text, lang):
    spans = segment(text, lang)
    check_lossless(text, spans)
    assert all(s.text for s in spans)


@settings(max_examples=100, deadline=None)
@given(_text)
def test_blocks_join_back(text):
    for by in ("line", "blank"):
        check_lossless(text, blocks(text, by=by))


def test_empty_and_whitespace():
    assert segment("", "fr") == []
    assert [s.text for s in segment("  \n ", "fr")] == ["  \n "]


def test_language_codes():
    text = "Mr. Smith left. He came back."
    assert [s.text for s in segment(text, "en-GB")] == ["Mr. Smith left. ", "He came back."]
    assert segment(text, "eng") == segment(text, "en")
    # Russian parses but has no rules: generic rules, "Mr." is not known.
    assert len(segment(text, "ru")) == 3
    with pytest.raises(LanguageError):
        segment(text, "xx-nope")


def test_fallback_chain_and_supported_languages():
    # Catalan and Galician have no data file: they borrow Spanish and Portuguese rules.
    assert rules_for("ca").entries("prefix") == rules_for("es").entries("prefix")
    assert rules_for("gl").entries("prefix") == rules_for("pt").entries("prefix")
    assert rules_for("ca").lang == "ca"
    assert {"fr", "en", "es", "pt", "it", "de", "ca", "oc", "gl"} <= set(supported())
    assert "ru" not in supported()
    with pytest.raises(LanguageError, match="supported: ca, de, en") as err:
        rules_for("ru", strict=True)
    assert err.value.lang == "ru"
    assert rules_for("ru").entries("prefix") == []


def test_every_data_file_parses_and_has_the_core_sections():
    for code in ("fr", "en", "es", "pt", "it", "de"):
        rules = rules_for(code)
        assert rules.entries("prefix") and rules.entries("any") and rules.entries("starters")
        assert rules.entries("signoffs") and rules.entries("greetings"), code
    assert rules_for("de").ordinals and not rules_for("fr").ordinals
    with pytest.raises(InputError, match="x.txt:2"):
        parse_rules("[options]\nordinals = maybe\n", "de", source="x.txt")


def test_offsets_are_input_offsets():
    text = "  Première phrase.  Deuxième !\tTroisième"
    spans = segment(text, "fr")
    assert [(s.start, s.end) for s in spans] == [(0, 20), (20, 31), (31, len(text))]
    assert spans[0].text == "  Première phrase.  "


def test_blocks_by_line_and_paragraph():
    text = "Titre\nLigne deux.\n\nParagraphe\nsuite\n"
    assert [b.text for b in blocks(text)] == ["Titre\n", "Ligne deux.\n", "\n", "Paragraphe\n",
                                              "suite\n"]
    assert [b.kind for b in blocks(text)][2] == "blank"
    assert [b.text for b in blocks(text, by="blank")] == ["Titre\nLigne deux.\n\n",
                                                          "Paragraphe\nsuite\n"]
    with pytest.raises(ValueError):
        blocks(text, by="word")


def test_rules_files_parse_and_are_used():
    fr = rules_for("fr")
    assert {"M", "Mme", "S.E", "n°"} <= set(fr.entries("prefix")) and "etc" in fr.any_ci
    custom = parse_rules("[prefix]\nZz\n", "fr")
    assert custom.prefix == frozenset({"Zz"})
    with pytest.raises(InputError, match="x.txt:2"):
        parse_rules("[prefix]\n[nope]\n", "fr", source="x.txt")
    with pytest.raises(InputError, match="x.txt:1"):
        parse_rules("M\n", "fr", source="x.txt")



def test_opener_sections_drive_unpunctuated_cuts():
    text = "Bilan de la mission Zut il faut partir. Note : Zut voilà."
    plain = parse_rules("[prefix]\nM\n", "fr")
    assert len(segment_with(text, plain)) == 2
    custom = parse_rules("[openers]\nZut\n[closed]\nDe\n[colon]\nZut\n", "fr")
    assert custom.closed == frozenset({"de"}) and custom.entries("colon") == ["Zut"]
    assert [s.strip() for s in segment_with(text, custom)] == [
        "Bilan de la mission", "Zut il faut partir.", "Note :", "Zut voilà."]
    # A [closed] word before the opener marks a title, not a sentence start.
    assert len(segment_with("Il a lu de Zut le livre.", custom)) == 1


def test_word_trie_matches_exactly_its_words():
    import re

    from toolkit.segment.extra_cuts import word_trie

    words = ["Ce", "Cet", "Cette", "Ces", "Par", "Par ailleurs", "En", "En outre", "C'", "D'"]
    pattern = re.compile(word_trie(words) + r"\Z")
    for w in words:
        assert pattern.match(w), w
    for other in ["C", "Cett", "Cettes", "Pa", "Par ail", "E", "Enx", "D", ""]:
        assert not pattern.match(other), other
    # Longest first, as a longest-first alternation: "Par ailleurs", not "Par".
    assert re.match(word_trie(words), "Par ailleurs, il").group() == "Par ailleurs"


def segment_with(text: str, rules) -> list[str]:
    from toolkit.segment.core import spans_from_cuts, split_offsets

    return [s.text for s in spans_from_cuts(text, split_offsets(text, rules))]

runner = CliRunner()


def test_cli_text_and_jsonl(tmp_path):
    src = tmp_path / "rel.txt"
    text = "GENÈVE – M. Dupont arrive. Il parle.\n\nTel : +32 2 287 78 10\n"
    src.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["segment", str(src)])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["GENÈVE – M. Dupont arrive.", "Il parle.",
                                       "Tel : +32 2 287 78 10"]
    res = runner.invoke(app, ["segment", str(src), "--format", "jsonl", "--lang", "fr-FR"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["block"], r["line"]) for r in rows] == [(0, 1), (0, 1), (1, 3)]
    lines = text.splitlines()
    for r in rows:
        assert lines[r["line"] - 1][r["start"] : r["end"]] == r["text"]


def test_cli_reads_html_and_markdown_without_chrome():
    for name in ("communique-frontieres.html", "communique-frontieres.md"):
        res = runner.invoke(app, ["segment", str(EXAMPLES / name)])
        assert res.exit_code == 0, res.output
        out = res.stdout.splitlines()
        assert out[0] == "Gestion des frontières : l’OIM équipe trois postes au Sahel", name
        assert "Il a été financé par le Fonds de soutien à la mobilité régionale." in out
        assert not any("<" in line for line in out)  # no markup, no inline codes
    html = runner.invoke(app, ["segment", str(EXAMPLES / "communique-frontieres.html")]).stdout
    md = runner.invoke(app, ["segment", str(EXAMPLES / "communique-frontieres.md")]).stdout
    assert html == md


def test_cli_reads_standard_input():
    page = (EXAMPLES / "communique-frontieres.html").read_bytes()
    res = runner.invoke(app, ["segment", "-"], input=page)
    assert res.exit_code == 0, res.output
    assert res.stdout == runner.invoke(
        app, ["segment", str(EXAMPLES / "communique-frontieres.html")]).stdout
    res = runner.invoke(app, ["segment", "-", "--lang", "es"],
                        input="El Sr. García llegó a las 10 a. m. Habló con la Dra. Pérez.\n")
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == ["El Sr. García llegó a las 10 a. m.",
                                       "Habló con la Dra. Pérez."]
    res = runner.invoke(app, ["segment", "-", "--input", "markdown"], input="# Titre\n\nUn. Deux.\n")
    assert res.stdout.splitlines() == ["Titre", "Un.", "Deux."]


@pytest.mark.parametrize("code", ["ru", "xx", "zz-ZZ"])
def test_cli_unknown_language_exits_4_listing_the_supported_ones(tmp_path, code):
    src = tmp_path / "rel.txt"
    src.write_text("Une phrase.\n", encoding="utf-8")
    res = runner.invoke(app, ["segment", str(src), "--lang", code])
    assert res.exit_code == 4
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "supported: ca, de, en, es, fr, gl, it, oc, pt" in lines[0]


def test_cli_errors(tmp_path):
    res = runner.invoke(app, ["segment", str(tmp_path / "missing.txt")])
    assert res.exit_code == 3 and "missing.txt" in res.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\x00\xff\xfe\n")
    res = runner.invoke(app, ["segment", str(bad)])
    assert res.exit_code == 3 and "bad.txt" in res.stderr
    res = runner.invoke(app, ["segment", "-"], input=b"")
    assert res.exit_code == 3 and "<stdin>" in res.stderr
    res = runner.invoke(app, ["segment"])
    assert res.exit_code == 3


def test_cli_export_srx(tmp_path):
    out = tmp_path / "rules.srx"
    res = runner.invoke(app, ["segment", "--export-srx", str(out)])
    assert res.exit_code == 0, res.output
    assert b"<languagerule languagerulename=\"fr\">" in out.read_bytes()


def test_inline_codes_close_and_open_sentences() -> None:
    from toolkit.model import Block, BlockKind
    from toolkit.pipeline import block_sentences

    text = "Avant. <g1>Un. Deux.</g1> Trois. <g2>Quatre</g2> cinq."
    got = [t for _, _, t in block_sentences(Block(BlockKind.PARAGRAPH, text), Lang.parse("fr"))]
    assert got == ["Avant.", "<g1>Un. Deux.</g1>", "Trois.", "<g2>Quatre</g2> cinq."]
