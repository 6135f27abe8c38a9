"""Numbers, dates, amounts and contact labels localised by value (Babel/CLDR)."""

from __future__ import annotations

import pytest
from conftest import needs_apertium

from toolkit.drafting.numbers import localise_source, restore, value
from toolkit.langs import Lang
from toolkit.stack import build

FR = Lang.parse("fr")


def _loc(text: str, lang: str) -> str:
    loc = localise_source(text, lang)
    return restore(loc.masked, loc.values)


@pytest.mark.parametrize("fr, en, es", [
    ("1 250 migrants", "1,250 migrants", "1.250 migrants"),
    ("1\u202f250 migrants", "1,250 migrants", "1.250 migrants"),
    ("68,5 % des", "68.5% des", "68,5\u00a0% des"),
    ("va jusqu'au 14 mars 2025", "va until 14 March 2025", "va hasta el 14 de marzo de 2025"),
    ("a lieu le 1er mai", "a lieu on 1 May", "a lieu el 1 de mayo"),
    ("a lieu du 3 au 5 juin 2024", "a lieu from 3 to 5 June 2024",
     "a lieu del 3 al 5 de junio de 2024"),
    ("a eu lieu du 29 septembre au 04 octobre 2024",
     "a eu lieu from 29 September to 4 October 2024",
     "a eu lieu del 29 de septiembre al 4 de octubre de 2024"),
    ("Du 3 au 5 juin 2024", "From 3 to 5 June 2024", "Del 3 al 5 de junio de 2024"),
    ("en janvier 2023", "en January 2023", "en enero de 2023"),
    ("215 000 dollars américains", "US$215,000", "215.000 dólares estadounidenses"),
    ("2,5 millions d'euros", "2.5 million euros", "2,5 millones de euros"),
    ("2,5 millions EUR", "€2.5 million", "2,5 millones de euros"),
    ("88 000 dollars canadiens", "88,000 dollars canadiens", "88.000 dollars canadiens"),
    ("revendu 1,6 million à", "revendu 1.6 million à", "revendu 1,6 millones à"),
    ("3,4 millions de personnes", "3.4 million personnes", "3,4 millones de personnes"),
    ("10 000 FCFA", "10,000 CFA francs", "10.000 francos CFA"),
    # octets are bytes: Mo → MB, with the number in the target's conventions
    ("(PDF, 2,4 Mo)", "(PDF, 2.4 MB)", "(PDF, 2,4 MB)"),
    ("un fichier de 1 500 Ko", "un fichier de 1,500 KB", "un fichier de 1.500 KB"),
    ("Mo Farah", "Mo Farah", "Mo Farah"),  # a name, not a unit
    ("12 Mois", "12 Mois", "12 Mois"),
])
def test_values_in_the_targets_conventions(fr, en, es):
    assert _loc(fr, "en") == en
    assert _loc(fr, "es") == es


@pytest.mark.parametrize("text", [
    "Tel. : +221 33 869 62 00", "écrire à info.2024@iom.int", "voir www.iom.int/2024",
    "en 2024, 537 migrants", "le 31 février 2024",
])
def test_identity_where_identity_is_right(text):
    assert _loc(text, "en") == text
    assert _loc(text, "es") == text


def test_contact_labels():
    assert _loc("Tél. : +221 33 869 62 00", "en") == "Tel. : +221 33 869 62 00"
    assert _loc("tél : 77 123 45 67", "es") == "Tel. : 77 123 45 67"


def test_value():
    assert str(value("1 250,50")) == "1250.50"


@needs_apertium
def test_through_the_engine_stack():
    src = ["Au total, 1 250 migrants, soit 68,5 %, ont reçu 215 000 dollars américains "
           "jusqu'au 14 mars 2025.", "Tél. : +221 33 869 62 00"]
    en = [t.text for t in build("apertium").translate_batch(src, FR, Lang.parse("en"))]
    assert "1,250" in en[0] and "68.5%" in en[0] and "US$215,000" in en[0]
    assert "14 March 2025" in en[0]
    assert en[1] == "Tel.: +221 33 869 62 00"
    es = [t.text for t in build("apertium").translate_batch(src, FR, Lang.parse("es"))]
    assert "1.250" in es[0] and "68,5\u00a0%" in es[0] and "14 de marzo de 2025" in es[0]
    assert "215.000 dólares estadounidenses" in es[0]
