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
