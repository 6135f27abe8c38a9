"""Changed numbers, dates and names are carried into reused translations (by value)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from conftest import needs_apertium
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.memory.facts import carry_facts
from toolkit.model import Origin, State

runner = CliRunner()


@pytest.mark.parametrize(("old_src", "old_tgt", "new_src", "tgt", "expected"), [
    ("Le taux atteint 68,5 %.", "The rate reaches 68.5%.", "Le taux atteint 71,2 %.", "en",
     "The rate reaches 71.2%."),
    ("Le taux atteint 68,5 %.", "La tasa alcanza el 68,5 %.", "Le taux atteint 71,2 %.", "es",
     "La tasa alcanza el 71,2 %."),
    ("Au total, 1 200 migrants.", "In total, 1,200 migrants.", "Au total, 12 450 migrants.",
     "en", "In total, 12,450 migrants."),
    ("Un budget de 2,5 millions d'euros.", "A budget of €2.5 million.",
     "Un budget de 3,75 millions d'euros.", "en", "A budget of €3.75 million."),
    ("Publié le 3 mars 2024.", "Published on 3 March 2024.", "Publié le 15 avril 2025.", "en",
     "Published on 15 April 2025."),
    ("Écrire à presse@iom.int.", "Write to presse@iom.int.", "Écrire à media@iom.int.", "en",
     "Write to media@iom.int."),
    ("Sans chiffres.", "Without figures.", "Sans chiffres ici.", "en", "Without figures."),
    # a date matched by value, not the other 5 in the sentence
    ("Le 5 mai.", "On 5 May, 5 teams.", "Le 6 mai.", "en", "On 6 May, 5 teams."),
])
def test_changed_facts_are_carried_over(old_src, old_tgt, new_src, tgt, expected) -> None:
    assert carry_facts(old_src, old_tgt, new_src, "fr", tgt) == expected


@pytest.mark.parametrize(("old_src", "old_tgt", "new_src"), [
    # a number added: nothing in the old translation says where it goes
    ("20 migrants aidés.", "20 migrants helped.", "20 migrants et 30 familles aidés."),
    # the old value is not in the old translation (written out in words)
    ("Trois pays, 12 %.", "Three countries, twelve percent.", "Trois pays, 14 %."),
    # the scale changed: millions → milliards
    ("2,5 millions d'euros.", "€2.5 million.", "2,5 milliards d'euros."),
    # one old value, twice in the target: which one is it?
    ("Pour 5 migrants.", "For 5 migrants, 5 families.", "Pour 6 migrants."),
])
def test_facts_that_cannot_be_carried_give_none(old_src, old_tgt, new_src) -> None:
    assert carry_facts(old_src, old_tgt, new_src, "fr", "en") is None


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _review_all(po_path: Path, edits: dict[str, str]) -> None:
    """Poedit: rewrite some units, confirm every one."""
    po = polib.pofile(str(po_path), wrapwidth=0)
    for entry in po:
        for start, text in edits.items():
            if entry.msgid.startswith(start):
                entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()


@needs_apertium
def test_revised_percentage_reaches_the_reused_translation_apertium(tmp_path: Path) -> None:
    release = tmp_path / "bilan.txt"
    release.write_text(
        "Bilan du programme\n\n"
        "Le taux de réintégration des migrants atteint 68,5 % en 2024, selon le rapport "
        "publié le 3 mars.\n\n"
        "Le programme couvre 12 pays et 3 400 familles.\n", encoding="utf-8")
    out = tmp_path / "loc"
    _run("translate", str(release), "--to", "en", "--out", str(out), "-q")
    po = out / "en" / "bilan.po"
    _review_all(po, {
        "Le taux": "The migrants' reintegration rate reached 68.5% in 2024, according to the "
                   "report published on 3 March.",
        "Le programme": "The programme covers 12 countries and 3,400 families.",
    })
    _run("import", str(po))  # into the memory as approved human work
    release.write_text(release.read_text("utf-8").replace("68,5", "71,2")
                       .replace("3 mars", "5 avril")
                       .replace("12 pays et 3 400", "12 pays, 9 régions et 3 400"), "utf-8")
    _run("update", str(release), "--to", "en", "--out", str(out), "-q")
    for copy in ("bilan.po", "bilan.xlf"):
        units = {s.source[:12]: s for s in formats.read_file(out / "en" / copy).segments}
        rate = units["Le taux de r"]
        assert rate.target == ("The migrants' reintegration rate reached 71.2% in 2024, "
                               "according to the report published on 5 April.")
        assert "68.5" not in rate.target and rate.state == State.DRAFT
        assert rate.origin == Origin.TM_FUZZY
        assert any("updated from the new source" in n.text for n in rate.notes)
        # a fact was added: the fresh machine draft, the old translation as a suggestion
        cover = units["Le programme"]
        assert cover.origin == Origin.MT and "9" in cover.target
        assert any(a.target == "The programme covers 12 countries and 3,400 families."
                   for a in cover.alternatives)
        assert cover.previous_target == "The programme covers 12 countries and 3,400 families."


def test_update_without_memory_offers_the_previous_translation_brought_up_to_date(
        tmp_path: Path) -> None:
    release = tmp_path / "r.txt"
    release.write_text("Titre\n\nLe taux atteint 68,5 % cette année.\n", encoding="utf-8")
    out = tmp_path / "loc"
    _run("translate", str(release), "--to", "en", "--engine", "pseudo", "--no-glossary",
         "--out", str(out), "-q")
    po = out / "en" / "r.po"
    _review_all(po, {"Le taux": "The rate reaches 68.5% this year."})  # saved in place
    release.write_text("Titre\n\nLe taux atteint 71,2 % cette année.\n", encoding="utf-8")
    _run("update", str(release), "--to", "en", "--engine", "pseudo", "--no-glossary",
         "--out", str(out), "-q")
    for copy in ("r.po", "r.xlf"):
        unit = next(s for s in formats.read_file(out / "en" / copy).segments
                    if s.source.startswith("Le taux"))
        assert unit.origin == Origin.MT and unit.previous_target == "The rate reaches 68.5% this year."
        assert [a.target for a in unit.alternatives if a.origin == "previous-version"] == [
            "The rate reaches 71.2% this year."]
