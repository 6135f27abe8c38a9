"""Input language check: each release must be written in its --from language.

Real files only: the French seeds, the English releases written for these tests,
mixed releases (an English quote and contact block inside French, a French
quote inside English) and the repository's own English LICENSE.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, SEEDS
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import LanguageError
from toolkit.ingest import load, load_many
from toolkit.langcheck import check_language, detect, language_shares

DATA = ROOT / "tests" / "data"
ENGLISH = sorted((DATA / "releases-en").glob("*.txt"))
MIXED_FR = DATA / "mixed" / "m01-fr-english-quote.txt"
MIXED_EN = DATA / "mixed" / "m02-en-french-quote.txt"
LICENSE = ROOT / "LICENSE"
runner = CliRunner()


@pytest.mark.parametrize("path", SEEDS + sorted(EXAMPLES.glob("*.*")), ids=lambda p: p.name)
def test_french_releases_pass_as_french(path: Path) -> None:
    check_language(load(path), "fr")


@pytest.mark.parametrize("path", ENGLISH, ids=lambda p: p.name)
def test_english_releases_pass_as_english(path: Path) -> None:
    check_language(load(path), "en")


@pytest.mark.parametrize("path", SEEDS + [EXAMPLES / "communique-frontieres.html"],
                         ids=lambda p: p.name)
def test_french_file_under_from_en_stops_naming_french(path: Path) -> None:
    with pytest.raises(LanguageError) as err:
        check_language(load(path), "en")
    assert err.value.lang == "fr"
    assert err.value.path == str(path)
    assert "written in French" in str(err.value) and "not English (--from en)" in str(err.value)
    assert "--from fr" in err.value.hint


def test_english_license_under_default_from_fr_stops() -> None:
    with pytest.raises(LanguageError, match=r"written in English \(\d+% of the text\), not French"):
        check_language(load(LICENSE), "fr")


def test_english_release_under_from_es_names_english() -> None:
    with pytest.raises(LanguageError) as err:
        check_language(load(ENGLISH[0]), "es")
    assert err.value.lang == "en"


def test_mixed_releases_do_not_trip() -> None:
    shares = language_shares(load(MIXED_FR))
    assert set(shares) == {"fr", "en"}, "the English quote is seen as English"
    check_language(load(MIXED_FR), "fr")
    shares = language_shares(load(MIXED_EN))
    assert set(shares) == {"en", "fr"}, "the French quote is seen as French"
    check_language(load(MIXED_EN), "en")


def test_mixed_release_still_stops_under_the_minor_language() -> None:
    with pytest.raises(LanguageError):
        check_language(load(MIXED_FR), "en")


def test_contact_block_is_not_evidence() -> None:
    # The English contact block of the French release is left out of the shares.
    doc = load(MIXED_FR)
    contact = [b for b in doc.blocks if b.kind.value == "contact"]
    assert contact and all("@" in b.text or "contact" in b.text for b in contact)
    shares = language_shares(doc)
    assert shares["fr"] > 0.6


def test_too_short_to_judge_is_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Genève, 3 mars\n", "utf-8")
    assert language_shares(load(path)) == {}
    check_language(load(path), "en")


def test_language_not_translated_by_the_toolkit_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nl.txt"
    path.write_text(
        "De Internationale Organisatie voor Migratie helpt gestrande migranten om veilig naar "
        "huis terug te keren.\nHet programma wordt gefinancierd door de Europese Unie en biedt "
        "ook beroepsopleidingen en steun aan kleine bedrijven.\n", "utf-8")
    with pytest.raises(LanguageError, match="written in Dutch") as err:
        check_language(load(path), "fr")
    assert "--no-language-check" in err.value.hint


def test_detect_one_sentence() -> None:
    assert detect("IOM helps stranded migrants return home.") == "en"
    assert detect("L'OIM aide les migrants bloqués à rentrer chez eux.") == "fr"
    assert detect("La OIM ayuda a los migrantes varados a regresar a casa.") == "es"


def test_load_many_checks_every_file_before_returning() -> None:
    assert len(load_many(SEEDS, lang="fr")) == len(SEEDS)
    with pytest.raises(LanguageError) as err:
        load_many([*SEEDS, LICENSE], lang="fr")
    assert err.value.path == str(LICENSE)
    assert len(load_many([*SEEDS, LICENSE])) == len(SEEDS) + 1, "no lang, no check"


def test_cli_refuses_with_exit_4_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "locales"
    result = runner.invoke(app, ["translate", str(SEEDS[0]), "--from", "en", "--to", "fr",
                                 "--engine", "pseudo", "--out", str(out)])
    assert result.exit_code == 4, result.output
    assert "written in French" in result.output and SEEDS[0].name in result.output
    assert not out.exists()
    result = runner.invoke(app, ["translate", str(LICENSE), "--to", "en",
                                 "--engine", "pseudo", "--out", str(out)])
    assert result.exit_code == 4, result.output
    assert "written in English" in result.output


def test_cli_no_language_check_overrides(tmp_path: Path) -> None:
    out = tmp_path / "locales"
    result = runner.invoke(app, ["translate", str(LICENSE), "--to", "es", "--engine", "pseudo",
                                 "--out", str(out), "--no-language-check", "--no-glossary"])
    assert result.exit_code == 0, result.output
    assert (out / "es" / "LICENSE.po").is_file()
