"""Markdown ingest: blocks with their prefixes, inline markup as codes, verbatim parts kept out."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.ingest import load
from toolkit.ingest.markdown import extract, parse_markdown
from toolkit.ingest.mdinline import encode_markdown, to_html_code
from toolkit.inline import decode
from toolkit.model import BlockKind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "communique-frontieres.md"
TRICKY = ROOT / "tests" / "cases" / "publish" / "tricky.md"


def test_example_blocks() -> None:
    doc = load(EXAMPLE)
    assert doc.fmt == "markdown"
    texts = " ".join(b.text for b in doc.blocks)
    assert "tags:" not in texts and "date: 2025" not in texts  # front matter untouched
    assert "v4.2" not in texts  # fenced code is not translated
    assert doc.blocks[0].kind == BlockKind.TITLE and doc.blocks[0].prefix == "# "
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count(BlockKind.LIST_ITEM) == 3 and BlockKind.SEPARATOR in kinds
    contact = [b for b in doc.blocks if b.kind == BlockKind.CONTACT]
    assert [b.prefix for b in contact] == ["", "1. ", "2. "]
    # a paragraph wrapped over two lines is one block, its soft break a space
    second = doc.blocks[1]
    assert second.text.startswith("<g1>Niamey, 14 mars 2025</g1> – ")
    assert "jeudi des équipements" in second.text and second.line == 10


def test_example_inline_codes() -> None:
    doc = load(EXAMPLE)
    midas = next(b for b in doc.blocks if "logiciel" in b.text)
    assert "MIDAS" not in midas.text and midas.codes[0].open == "`MIDAS`"
    assert midas.codes[1].close == "][rapport]"
    item = next(b for b in doc.blocks if "non accompagnés" in b.text)
    assert item.text == "l’accueil des enfants non accompagnés<x1/>et des personnes handicapées."
    assert item.codes[0].open == "  \n"


def test_tricky_case_file() -> None:
    ex = extract(TRICKY.read_text(encoding="utf-8"), "tricky", str(TRICKY))
    doc = ex.doc
    texts = [b.text for b in doc.blocks]
    assert doc.blocks[0].kind == BlockKind.TITLE
    assert texts[0] == "Note aux rédactions : accréditations"
    assert doc.blocks[2].kind == BlockKind.HEADING  # setext level 2
    assert "5 * 3 * 2" in texts[1] and "snake_case_name" in texts[1]
    assert "<x2/>" in texts[1] and "config_presse" not in texts[1]
    for verbatim in ("titre =", "Lundi", "Bloc HTML", "code indenté"):
        assert verbatim not in " ".join(texts)
    items = [b for b in doc.blocks if b.kind == BlockKind.LIST_ITEM]
    assert [b.prefix for b in items] == ["* ", "    - ", "* "]
    assert items[0].text.endswith("en ligne. Cette ligne continue l’élément.")
    quotes = [b for b in doc.blocks if b.prefix == "> "]
    assert [b.text for b in quotes] == ["Citation sur deux lignes, avec une fin ici.",
                                        "Second paragraphe cité."]
    assert doc.blocks[-1].kind == BlockKind.CONTACT
    assert doc.blocks[-2].prefix == "### " and ex.slots[-2].suffix == " ###"


@pytest.mark.parametrize(("source", "text"), [
    ("**gras** et *italique*", "<g1>gras</g1> et <g2>italique</g2>"),
    ("un [lien *fort*](https://x.org/a_(b)) ici", "un <g1>lien <g2>fort</g2></g1> ici"),
    ("2 * 3 = 6 et a_b_c", "2 * 3 = 6 et a_b_c"),
    ("``code ` avec``, fin", "<x1/>, fin"),
    ("![alt](i.png) et <a@b.org>", "<x1/> et <x2/>"),
    ("un \\*littéral\\* et ~~barré~~", "un \\*littéral\\* et <g1>barré</g1>"),
    ("<span class=\"x\">brut</span>", "<x1/>brut<x2/>"),
    ("**non fermé", "**non fermé"),
])
def test_inline_encode_decode(source: str, text: str) -> None:
    got, codes = encode_markdown(source)
    assert got == text
    assert decode(got, codes) == source


def test_markdown_codes_to_html() -> None:
    _, codes = encode_markdown("**a** [b](https://x.org) `c<d>` ![e](f.png)")
    html = [to_html_code(c) for c in codes]
    assert [c.open for c in html] == ["<strong>", '<a href="https://x.org">',
                                      "<code>c&lt;d&gt;</code>", '<img src="f.png" alt="e">']


def test_no_text_is_an_input_error(tmp_path: Path) -> None:
    f = tmp_path / "vide.md"
    f.write_text("---\ntitle: x\n---\n\n```\ncode\n```\n", encoding="utf-8")
    with pytest.raises(InputError):
        load(f)
    with pytest.raises(InputError):
        parse_markdown("***\n", "sep")


def test_bracket_pairs_match_the_forward_scan_everywhere() -> None:
    import random

    from toolkit.ingest import mdinline

    rng = random.Random(3)
    for _ in range(3000):
        s = "".join(rng.choice("[]`\\ab(x) *_") for _ in range(rng.randint(0, 30)))
        for i, c in enumerate(s):
            if c == "[":
                assert mdinline._closing_bracket(s, i) == mdinline._scan_bracket(s, i), (s, i)


@pytest.mark.timeout(120)  # linear: a few seconds; the old quadratic scans needed hours here
@pytest.mark.parametrize("piece", ["[", "*a ", "**x ", "_a ", "~~a ", "`a "])
def test_hostile_inline_markup_parses_in_linear_time(tmp_path: Path, piece: str) -> None:
    page = tmp_path / "hostile.md"
    page.write_text("# Titre\n\nUn texte " + piece * 100_000 + " fin.\n", encoding="utf-8")
    doc = load(page)
    assert doc.blocks[0].text == "Titre" and doc.blocks[-1].text.endswith("fin.")
