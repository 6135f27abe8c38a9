"""HTML ingest: chrome dropped, content blocks kept, inline markup carried as codes."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from toolkit.errors import InputError
from toolkit.ingest import load
from toolkit.ingest.html import parse_html
from toolkit.inline import CODE, decode, encode, html_nodes, tidy
from toolkit.langs import Lang
from toolkit.model import BlockKind
from toolkit.pipeline import block_sentences

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "communique-frontieres.html"
NESTED = ROOT / "tests" / "cases" / "publish" / "nested.html"


def test_example_drops_chrome_and_keeps_content() -> None:
    doc = load(EXAMPLE)
    texts = " ".join(b.text for b in doc.blocks)
    for chrome in ("Qui sommes-nous", "cookies", "Accueil", "Partager", "Lire aussi", "©"):
        assert chrome not in texts
    assert any("Qui sommes-nous" in r for r in doc.removed)
    assert doc.fmt == "html"
    assert doc.blocks[0].kind == BlockKind.TITLE
    assert doc.blocks[0].text.startswith("Gestion des frontières")
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count(BlockKind.TITLE) == 1
    assert BlockKind.HEADING in kinds and BlockKind.LIST_ITEM in kinds
    assert BlockKind.SEPARATOR in kinds
    contact = [b for b in doc.blocks if b.kind == BlockKind.CONTACT]
    assert len(contact) == 3 and contact[0].text.startswith("Pour plus d’informations")
    assert "mdiallo@example.org" in contact[1].text


def test_example_inline_codes() -> None:
    doc = load(EXAMPLE)
    dateline = doc.blocks[1]
    assert dateline.text.startswith("<g1>Niamey, 14 mars 2025</g1> –")
    assert dateline.codes[0].open == "<strong>"
    midas = next(b for b in doc.blocks if "logiciel" in b.text)
    # translate="no" inline: one standalone code, its words out of reach of the engine
    assert "MIDAS" not in midas.text and midas.codes[0].kind == "x"
    assert 'translate="no"' in midas.codes[0].open and "MIDAS" in midas.codes[0].open
    br = next(b for b in doc.blocks if "non accompagnés" in b.text)
    assert "<x1/>" in br.text and br.codes[0].open == "<br>"


def test_codes_stay_paired_within_sentences() -> None:
    fr = Lang.parse("fr")
    for block in load(EXAMPLE).blocks:
        for _, _, sentence in block_sentences(block, fr):
            found = [(m.group(1), m.group(2), m.group(3)) for m in CODE.finditer(sentence)]
            opens = [n for slash, kind, n in found if kind == "g" and not slash]
            closes = [n for slash, _, n in found if slash]
            assert sorted(opens) == sorted(closes), sentence


def test_nested_case_file() -> None:
    doc = load(NESTED)
    texts = [b.text for b in doc.blocks]
    assert "Accueil" not in " ".join(texts) and "témoins" not in " ".join(texts)
    # <header> inside <article> is the article's header, not site chrome
    assert doc.blocks[0].kind == BlockKind.TITLE and "<g1>accréditations</g1>" in texts[0]
    # loose text in a <div> and in a <li> that holds a nested list is not lost
    assert any(t.startswith("Les journalistes") for t in texts)
    assert "Première étape : remplir le formulaire en ligne." in texts
    assert "Joindre une copie de la carte de presse." in texts
    frozen = [b for b in doc.blocks if not b.translate]
    assert [b.text for b in frozen if b.text] == ["Forum régional sur la mobilité – FRM 2025"]
    assert not any("Badge" in t for t in texts)  # <pre> is kept verbatim, not translated
    assert doc.blocks[-1].kind == BlockKind.CONTACT


def test_prefers_main_over_body() -> None:
    page = ("<html><body><div>Texte hors du contenu principal.</div>"
            "<main><h1>Titre</h1><p>Corps du texte.</p></main></body></html>")
    doc = parse_html(page, "m")
    assert [b.text for b in doc.blocks] == ["Titre", "Corps du texte."]


def test_menu_classes_and_roles_dropped() -> None:
    page = ("<html><body><ul class='site-menu'><li>Accueil</li></ul>"
            "<div id='breadcrumbs'>Presse</div><div role='banner'>Bannière</div>"
            "<a class='skip-link' href='#c'>Aller au contenu</a>"
            "<div class='share'>Partager</div><p>Le texte.</p>"
            "<div class='navigation-wrapper'>Plan</div></body></html>")
    doc = parse_html(page, "m")
    assert [b.text for b in doc.blocks] == ["Le texte."]
    assert len(doc.removed) == 6


def test_bad_html_degrades_gracefully() -> None:
    doc = parse_html("<p>Premier <b>paragraphe<p>Second <i>paragraphe", "bad")
    assert [b.text.replace("<g1>", "").replace("</g1>", "") for b in doc.blocks] == [
        "Premier paragraphe", "Second paragraphe"]


@pytest.mark.parametrize("page", ["", "   ", "<html><body>  </body></html>",
                                  "<html><body><nav>Menu</nav><footer>Pied</footer></body></html>"])
def test_empty_body_is_an_input_error(page: str, tmp_path: Path) -> None:
    f = tmp_path / "vide.html"
    f.write_text(page or "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(f)
    assert str(f) in str(err.value)


@pytest.mark.parametrize("fragment", [
    '<p>Voir <a href="/x?a=1&amp;b=2" title="T">le <strong>site</strong></a> ici.</p>',
    "<p>Ligne<br>suivante <em>et <b>fin</b></em>.</p>",
    '<p>Un <span translate="no">Code <i>X</i></span> reste.<img src="a.png" alt="a"></p>',
])
def test_encode_decode_round_trip(fragment: str) -> None:
    el = lxml.html.fragment_fromstring(fragment)
    text, codes = encode(el.text, list(el))
    assert "<" not in CODE.sub("", text)
    inner = fragment[len("<p>") : -len("</p>")]
    assert decode(text, codes, escape=True) == inner
    lead, nodes = html_nodes(text, codes)
    rebuilt = lxml.html.fragment_fromstring("<p></p>")
    rebuilt.text = lead
    rebuilt.extend(nodes)
    assert lxml.html.tostring(rebuilt) == lxml.html.tostring(el)


def test_decode_balances_codes_a_translator_broke() -> None:
    text, codes = encode("Un ", [lxml.html.fragment_fromstring("<b>gras <i>x</i></b>")])
    assert text == "Un <g1>gras <g2>x</g2></g1>"
    assert decode("A <g1>bold <g2>x</g1> <g9>y</g9> </g2>", codes) == "A <b>bold <i>x</i></b> y "
    assert decode("<g1>open", codes) == "<b>open</b>"
    assert tidy("<g1>gras </g1>suite") == "<g1>gras</g1> suite"


def test_html_nested_past_the_parser_limit_is_refused_not_truncated(tmp_path: Path) -> None:
    page = tmp_path / "profond.html"
    page.write_text("<html><body>" + "<div>" * 300 + "<p>Texte profond.</p>" + "</div>" * 300
                    + "<p>Après le niveau profond, une phrase.</p></body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="nested more than 255") as err:
        load(page)
    assert err.value.path == str(page)
    ok = tmp_path / "ok.html"
    ok.write_text("<html><body>" + "<div>" * 200 + "<p>Texte profond.</p>" + "</div>" * 200
                  + "<p>Après, une phrase.</p></body></html>", encoding="utf-8")
    assert [b.text for b in load(ok).blocks] == ["Texte profond.", "Après, une phrase."]


def test_html_declaring_entities_is_refused_with_its_line(tmp_path: Path) -> None:
    """An internal DTD subset made lxml publish "]>" as the first unit and keep "&b;"."""
    page = tmp_path / "entites.html"
    page.write_text('<!-- a page -->\n<!DOCTYPE html [<!ENTITY a "AAAA"><!ENTITY b "&a;&a;">]>\n'
                    "<html><body><p>Le texte &b; est ici.</p></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="declares entities") as err:
        load(page)
    assert err.value.line == 2 and err.value.path == str(page)


@pytest.mark.parametrize("page", [
    "<html><body><p title='" + "x" * 2_000_000 + "'>Le migrant est ici.</p></body></html>",
    "<html><body><!--" + "-" * 2_000_000 + "--><p>Le migrant est ici.</p></body></html>",
    "<html><body>" + "<p>Le migrant est ici." * 5_000 + "</body></html>",
    "<!DOCTYPE html><html><body><svg><text>&lt;&amp;</text></svg>"
    "<p>Le migrant est ici.</p></body></html>",
])
def test_hostile_but_valid_html_loses_nothing(tmp_path: Path, page: str) -> None:
    """Huge attributes and comments, thousands of unclosed paragraphs, foreign content."""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = load(path)
    texts = [b.text for b in doc.blocks]
    assert texts.count("Le migrant est ici.") == max(1, page.count("<p>Le migrant"))
    assert not any("x" * 100 in t or "---" in t for t in texts)
