"""Glossary model, files (TBX v3/2008, CSV/TSV), the shipped glossary and bad inputs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import EVAL

from toolkit.errors import GlossaryError, ParseError, ToolkitError
from toolkit.glossary import (
    DEPRECATED,
    Concept,
    Glossary,
    Term,
    csvio,
    default_dir,
    dumps,
    load,
    load_default,
    save,
    tbx,
    tokenize,
)

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases" / "glossary"
SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas" / "tbx"
DEV_TERMS = EVAL / "iom_terms_dev.tsv"


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_default()


def test_shipped_glossary_is_large_and_trilingual(shipped: Glossary) -> None:
    assert len(shipped) >= 150
    assert {"fr", "en", "es"} <= set(shipped.languages())
    for c in shipped:
        assert c.approved("fr") and c.preferred("en"), c.id
    with_es = sum(1 for c in shipped if c.in_lang("es"))
    assert with_es >= 150


@pytest.mark.parametrize(("fr", "en"), [
    ("OIM", "IOM"), ("CEDEAO", "ECOWAS"), ("HCR", "UNHCR"), ("ONUDC", "UNODC"), ("UE", "EU"),
    ("ODD", "SDGs"), ("OIT", "ILO"), ("UNICEF", "UNICEF"), ("ONG", "NGO"), ("RCA", "CAR"),
])
def test_acronyms_map_to_english_acronyms(shipped: Glossary, fr: str, en: str) -> None:
    concept = next(c for c in shipped if any(t.text == fr for t in c.in_lang("fr")))
    assert concept.preferred("en", "acronym").text == en


@pytest.mark.parametrize(("concept_id", "forbidden"), [
    ("human-trafficking", "treats"), ("human-trafficking", "slave trade"),
    ("trafficking", "treaty"), ("trafficking", "trade"), ("trafficking", "milking"),
    ("migrant-smuggling", "human trafficking"), ("migrant-smuggling", "illicit traffic"),
    ("smuggler", "passer"),
])
def test_confusables_are_forbidden(shipped: Glossary, concept_id: str, forbidden: str) -> None:
    assert forbidden in [t.text for t in shipped.get(concept_id).forbidden("en")]


def test_spanish_core_terms(shipped: Glossary) -> None:
    assert shipped.get("trafficking-in-persons").preferred("es").text == "trata de personas"
    assert shipped.get("migrant-smuggling").preferred("es").text == "tráfico ilícito de migrantes"
    assert shipped.get("voluntary-return").preferred("es").text == "retorno voluntario"


def test_every_dev_rendering_is_accepted(shipped: Glossary) -> None:
    """Each English rendering IOM used in the dev list is an approved term somewhere."""
    def keys(text: str) -> tuple:
        return tuple(t.key for t in tokenize(text, "en") if t.key)

    approved = {keys(t.text) for c in shipped for t in c.approved("en")}
    rows = [line.split("\t") for line in DEV_TERMS.read_text("utf-8").splitlines()[1:]]
    missing = []
    for _fr, en in rows:
        # The list writes alternatives as "a / b" and acronyms in brackets.
        options = [en.split(" (")[0]] + [x.strip() for x in en.split("/")]
        if not any(keys(o) in approved for o in options):
            missing.append(en)
    assert missing == []


def test_shipped_tbx_is_valid_tbx_basic() -> None:
    data = (default_dir() / "iom-fr-en-es.tbx").read_bytes()
    assert b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca"' in data
    assert tbx.validate(data, SCHEMAS) == []


def test_validator_rejects_invalid_tbx() -> None:
    bad = (default_dir() / "iom-fr-en-es.tbx").read_bytes().replace(
        b">preferredTerm-admn-sts<", b">favouriteTerm<", 1)
    errors = tbx.validate(bad, SCHEMAS)
    assert errors and "administrativeStatus" in errors[0]


def test_tbx_round_trip_is_lossless_and_deterministic(shipped: Glossary) -> None:
    data = dumps(shipped, "tbx")
    again = tbx.read(data)
    assert again.concepts == shipped.concepts
    assert dumps(again, "tbx") == data


def test_csv_and_tsv_round_trip(shipped: Glossary, tmp_path: Path) -> None:
    for fmt in ("csv", "tsv"):
        path = tmp_path / f"g.{fmt}"
        save(shipped, path)
        back = load(path)
        assert [c.id for c in back] == [c.id for c in shipped]
        for a, b in zip(back, shipped, strict=True):
            assert {(t.lang, t.text, t.status) for t in a.terms if t.lang != "fr"} == \
                {(t.lang, t.text, t.status) for t in b.terms if t.lang != "fr"}
            assert [t.text for t in a.in_lang("fr")] == [t.text for t in b.approved("fr")]
            assert a.article == b.article and a.domain == b.domain


def test_csv_header_is_the_documented_layout(shipped: Glossary) -> None:
    header = dumps(shipped, "csv").decode().splitlines()[0]
    assert header == ("concept_id,domain,fr,en,en_variants,en_forbidden,es,es_variants,"
                      "es_forbidden,en_article,note")


def test_readme_documents_the_columns() -> None:
    readme = (default_dir() / "README.md").read_text("utf-8")
    for col in csvio.columns(["fr", "en", "es"]):
        assert f"`{col}`" in readme


def test_sample_tsv_reads_acronyms_and_statuses() -> None:
    g = load(CASES / "sample.tsv")
    iom = g.get("iom")
    assert iom.article == "short"
    assert iom.preferred("en", "acronym").text == "IOM"
    assert iom.preferred("en").text == "International Organization for Migration"
    assert [t.text for t in iom.forbidden("en")] == ["OIM"]
    assert g.get("smuggler").note == 'Never "passer".'


def test_legacy_tbx_2008_is_read() -> None:
    g = load(CASES / "legacy_2008.tbx")
    c = g.get("vr")
    assert c.domain == "return"
    assert c.preferred("en").text == "voluntary return"
    assert [t.text for t in c.forbidden("en")] == ["voluntary comeback"]
    assert c.preferred("es").text == "retorno voluntario"


@pytest.mark.parametrize(("name", "line", "needle"), [
    ("bad_malformed.tbx", 6, "malformed"),
    ("bad_duplicate.tbx", 8, "duplicate concept id"),
    ("bad_empty_term.tbx", 7, "empty en term"),
    ("bad_columns.csv", 1, "wrong columns"),
    ("bad_duplicate.csv", 4, "duplicate concept id"),
    ("bad_empty_term.csv", 2, "empty term"),
    ("bad_cells.tsv", 2, "cells"),
    ("bad_empty.csv", 1, "no header"),
])
def test_bad_inputs_raise_with_path_and_line(name: str, line: int, needle: str) -> None:
    with pytest.raises((GlossaryError, ParseError)) as info:
        load(CASES / name)
    err = info.value
    assert err.path and err.path.endswith(name)
    assert err.line == line, str(err)
    assert needle in str(err)


def test_external_entities_are_not_resolved() -> None:
    with pytest.raises(ToolkitError) as info:
        load(CASES / "bad_entity.tbx")
    assert "root:" not in str(info.value)
    # The TBX reader goes through the one XML policy: the declaration itself is refused.
    assert "entity declarations are not allowed" in str(info.value)


def test_directory_with_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_bytes((CASES / "sample.tsv").read_bytes())
    (tmp_path / "b.tsv").write_bytes((CASES / "sample.tsv").read_bytes())
    with pytest.raises(GlossaryError, match="also defined"):
        load(tmp_path)


def test_glossary_edits_are_values() -> None:
    g = Glossary.of([Concept("a", (Term("passeur", "fr"),))])
    g2 = g.add(Concept("b", (Term("retour", "fr"),)))
    assert len(g) == 1 and len(g2) == 2
    with pytest.raises(GlossaryError):
        g2.add(Concept("a", (Term("x", "fr"),)))
    assert [c.id for c in g2.remove("a")] == ["b"]
    with pytest.raises(GlossaryError):
        g2.remove("zzz")
    merged = g2.merge(Glossary.of([Concept("a", (Term("passeuse", "fr"),)),
                                   Concept("c", (Term("asile", "fr"),))]))
    assert [c.id for c in merged] == ["a", "b", "c"]
    assert merged.get("a").terms[0].text == "passeuse"


def test_term_validation() -> None:
    with pytest.raises(GlossaryError):
        Term(" ", "en")
    with pytest.raises(GlossaryError):
        Term("x", "en", status="favourite")
    with pytest.raises(GlossaryError):
        Concept("1 bad id", (Term("x", "en"),))
    assert Term("x", "en", status=DEPRECATED).status == "deprecated"


def test_save_is_atomic_and_leaves_no_temp(tmp_path: Path, shipped: Glossary) -> None:
    path = tmp_path / "out.tbx"
    save(shipped, path)
    save(shipped, path)
    assert [p.name for p in tmp_path.iterdir()] == ["out.tbx"]
    assert load(path).concepts == shipped.concepts


def test_csv_reader_accepts_a_stream() -> None:
    g = csvio.read(io.StringIO("concept_id,fr,en\nx,passeur,smuggler\n"))
    assert g.get("x").preferred("en").text == "smuggler"
