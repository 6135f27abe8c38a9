"""Plain-text ingest: chrome removal that never drops body text, blocks kept."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, SEEDS

from toolkit.ingest import chrome, load, load_many
from toolkit.ingest.text import parse_text
from toolkit.model import BlockKind


@pytest.fixture
def no_profile(monkeypatch):
    """Forget the known-profile list: detection must rest on structure alone."""
    monkeypatch.setattr(chrome, "known_lines", lambda: frozenset())


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_title_follows_navigation(seed) -> None:
    doc = load(seed)
    lines = seed.read_text("utf-8").split("\n")
    title = lines[lines.index("- 2030 AGENDA") + 1]
    assert doc.blocks[0].kind == BlockKind.TITLE
    assert doc.blocks[0].text == title.strip()
    assert doc.blocks[-1].kind == BlockKind.CONTACT


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_structure_alone_finds_the_title(seed, no_profile) -> None:
    doc = load(seed)
    lines = seed.read_text("utf-8").split("\n")
    assert doc.blocks[0].text == lines[lines.index("- 2030 AGENDA") + 1].strip()


def test_lines_shared_across_releases_are_chrome(tmp_path, no_profile) -> None:
    menu = "Accueil\nActualités\nPublications\n"
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(menu + "Premier titre\nUn paragraphe assez long pour être du texte.\n", "utf-8")
    b.write_text(menu + "Second titre\nUn autre paragraphe du corps de texte ici.\n", "utf-8")
    docs = load_many([a, b])
    assert [d.blocks[0].text for d in docs] == ["Premier titre", "Second titre"]
    assert docs[0].removed == ("Accueil", "Actualités", "Publications")


def test_two_versions_of_one_release_are_not_each_others_chrome(tmp_path, no_profile) -> None:
    # Two copies, or a release and its corrected version, in one run share their title and
    # body; as evidence of a site's menu they made every line of both chrome (0 units).
    menu = "Accueil\nActualités\nPublications\n"
    other = tmp_path / "autre.txt"
    other.write_text(menu + "Un autre titre\nUn paragraphe sans rapport avec le premier ici.\n",
                     "utf-8")
    body = ("L'OIM lance un programme de retour volontaire\n\n"
            "Niamey – Le programme aide les migrants bloqués à rentrer chez eux.\n\n"
            "Plus de 1 200 personnes ont déjà été accompagnées depuis le mois de mars.\n\n"
            "Les partenaires saluent une coopération exemplaire avec les autorités.\n")
    a, b = tmp_path / "a.txt", tmp_path / "a-v2.txt"
    a.write_text(menu + body, "utf-8")
    b.write_text(menu + body.replace("1 200", "1 300"), "utf-8")
    alone = load_many([a, other])[0]  # without its version beside it
    docs = load_many([a, b, other])
    assert [x.text for x in docs[0].blocks] == [x.text for x in alone.blocks]
    assert docs[0].blocks[0].text == "L'OIM lance un programme de retour volontaire"
    assert len(docs[1].blocks) == 4 and "1 300" in docs[1].blocks[2].text
    # The menu the versions share with another release is still chrome.
    assert docs[0].removed == docs[1].removed == ("Accueil", "Actualités", "Publications")


def test_release_without_chrome_keeps_everything() -> None:
    text = ("Titre du communiqué\n\nGenève – Premier paragraphe du communiqué.\n"
            "- un point de liste\n- un autre point\n\nDernier paragraphe.\n")
    doc = parse_text(text, "r")
    assert [b.kind for b in doc.blocks] == [BlockKind.TITLE, BlockKind.PARAGRAPH,
                                            BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
                                            BlockKind.PARAGRAPH]
    assert doc.removed == ()
    assert doc.blocks[2].prefix == "- " and doc.blocks[2].text == "un point de liste"


def test_body_lists_after_the_title_are_never_chrome() -> None:
    text = ("Un titre court\n- Agir\n- Structure\nParagraphe final du communiqué de presse ici.\n")
    doc = parse_text(text, "r")
    assert [b.text for b in doc.blocks][:3] == ["Un titre court", "Agir", "Structure"]


def test_example_has_contact_block_and_separator() -> None:
    doc = load(EXAMPLES / "communique-retour-volontaire.txt")
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == BlockKind.TITLE
    assert BlockKind.SEPARATOR in kinds
    contacts = [b for b in doc.blocks if b.kind == BlockKind.CONTACT]
    assert len(contacts) == 3 and contacts[1].prefix == "- "
    assert all(not line.startswith("Niger") for line in doc.removed)
