"""Language profiles from CLDR (Babel), carried by Lang, used by QA, memory and the site."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from toolkit.langs import Lang, as_lang, supported
from toolkit.memory.facts import carry_facts
from toolkit.model import Catalogue, Segment
from toolkit.profiles import profile
from toolkit.qa.numbers import check_numbers, parse_number

SOURCE = "Le 14 mars 2025, 1 250 migrants ont reçu 1 500 euros chacun, soit 68,5 % des demandes."
GOOD = {
    "en": "On 14 March 2025, 1,250 migrants received €1,500 each, or 68.5% of the requests.",
    "es": "El 14 de marzo de 2025, 1.250 migrantes recibieron 1.500 euros cada uno, el 68,5 % "
          "de las solicitudes.",
    "de": "Am 14. März 2025 erhielten 1.250 Migranten je 1.500 Euro, also 68,5 % der Anträge.",
    "pt": "Em 14 de março de 2025, 1.250 migrantes receberam 1.500 euros cada, ou seja 68,5% "
          "dos pedidos.",
    "it": "Il 14 marzo 2025, 1.250 migranti hanno ricevuto 1.500 euro ciascuno, cioè il 68,5% "
          "delle domande.",
    "ca": "El 14 de març de 2025, 1.250 migrants van rebre 1.500 euros cadascun, és a dir el "
          "68,5 % de les sol·licituds.",
}


@pytest.mark.parametrize("code", supported())
def test_every_supported_language_has_cldr_facts(code: str) -> None:
    p = Lang.parse(code).profile
    assert p.known and p.code == code
    assert len(p.months) == 12 and all(p.months) and len(p.days) == 7
    assert p.endonym and p.direction in ("ltr", "rtl") and p.decimal in (",", ".", "٫")
    assert any(iso == "EUR" for _, iso in p.currencies)


def test_profile_facts() -> None:
    assert profile("fr").endonym == "Français" and profile("es").endonym == "Español"
    assert profile("ar").rtl and not profile("fr").rtl
    assert (profile("fr").decimal, profile("en").decimal, profile("de").decimal) == (",", ".", ",")
    assert profile("pt").month("Março") == 3 and profile("ca").month("de gener") == 1
    assert profile("fr").month("fevrier") == 2  # accents need not be typed
    assert ("dollars des états-unis", "USD") in profile("fr").currencies
    unknown = profile("xx")
    assert not unknown.known and unknown.endonym == "xx"


def test_segments_and_catalogues_carry_lang() -> None:
    seg = Segment("u", "Bonjour.", "fr-FR", "en")
    assert isinstance(seg.src, Lang) and seg.src.region == "FR" and seg.src == "fr-FR"
    assert seg.tgt.profile.decimal == "."
    cat = Catalogue("r", "fr", "xx", (seg,))
    assert isinstance(cat.tgt, Lang) and cat.tgt == "xx"  # a code no table knows is kept
    assert as_lang("") == "" and not as_lang("")
    assert pickle.loads(pickle.dumps(seg)) == seg  # cluster workers and process pools
    assert repr(Lang.parse("spa")) == "Lang('es')"


@pytest.mark.parametrize("tgt", sorted(GOOD))
def test_numbers_dates_and_amounts_by_value_in_each_language(tgt: str) -> None:
    seg = Segment("u", SOURCE, "fr", tgt, target=GOOD[tgt])
    assert check_numbers(seg) == []


@pytest.mark.parametrize(("tgt", "wrong", "code"), [
    ("de", GOOD["de"].replace("14. März", "14. April"), "number-missing"),
    ("pt", GOOD["pt"].replace("68,5%", "86,5%"), "number-missing"),
    ("it", GOOD["it"].replace("1.500 euro", "1.500 dollari statunitensi"), "currency-mismatch"),
    ("ca", GOOD["ca"].replace("1.250", "1.520"), "number-missing"),
])
def test_a_wrong_value_is_caught_in_each_language(tgt: str, wrong: str, code: str) -> None:
    seg = Segment("u", SOURCE, "fr", tgt, target=wrong)
    assert code in [i.code for i in check_numbers(seg)]


def test_decimal_marks_follow_cldr() -> None:
    assert parse_number("1.250,5", "de") == Decimal("1250.5")
    assert parse_number("1,250.5", "en") == Decimal("1250.5")
    assert parse_number("2,4", "pt") == Decimal("2.4")


def test_memory_carries_a_changed_date_in_the_targets_language() -> None:
    old = Segment("u", "Réunion le 14 mars 2025.", "fr", "de",
                  target="Treffen am 14. März 2025.")
    new_source = "Réunion le 15 avril 2025."
    carried = carry_facts(old.source, old.target, new_source, "fr", "de")
    assert carried == "Treffen am 15. April 2025."
