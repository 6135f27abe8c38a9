"""Exchange formats: PO, XLIFF 1.2 and XLIFF 2.1 against the official schemas and real tools."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest
from conftest import SEEDS
from lxml import etree
from schemas import assert_valid
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.formats.po import unit_id
from toolkit.model import Alternative, Catalogue, Origin, Segment, State
from toolkit.tags import Tag

NOW = datetime(2024, 10, 4, 12, 30, tzinfo=UTC)
TOOL = "toolkit 0.1.0"
BIN = Path(sys.executable).parent
XLIFF12_XSD = "xliff12/xliff-core-1.2-strict.xsd"
XLIFF21_XSD = "xliff21/_driver-all-modules.xsd"
FORMATS = ("po", "xliff", "xliff2")


def rich_catalogue() -> Catalogue:
    """Every state and origin, notes, comments, references, previous versions, obsolete."""

    def seg(uid: str, source: str, **kw) -> Segment:
        block, index = int(uid[5]), int(uid[7])
        return Segment(id=uid, source=source, src="fr", tgt="en", block=block, index=index,
                       ref=kw.pop("ref", "communique.txt:5"), kind=kw.pop("kind",
                                                                              "paragraph"), **kw)

    segs = (
        seg("rel:b0s0:aaaaaaaa", "Sauver des vies.", ref="communique.txt:1", kind="title"),
        seg("rel:b1s0:bbbbbbbb", "L’OIM « aide » 17 migrants.", target="IOM “helps” 17 migrants.",
            origin=Origin.MT, state=State.DRAFT, unknown=("aide",),
            notes=("engine: apertium", "route: fr-es → spa-eng")),
        seg("rel:b1s1:cccccccc", "Deux équipes.", target="Two teams.", origin=Origin.TM_EXACT,
            state=State.DRAFT, notes=("memory: exact match",)),
        seg("rel:b1s2:dddddddd", "Trois pays.", target="Three countries.",
            origin=Origin.TM_FUZZY, state=State.TRANSLATED,
            comments=("check the figure", "two\nlines"),
            alternatives=(Alternative("Trois pays voisins.", "Three neighbouring countries.",
                                      "tm-fuzzy", 87.5),
                          Alternative("Trois pays.", "Three «countries» & co\nnext", "mt"))),
        seg("rel:b2s0:eeeeeeee", "Quatre villes.", target="Four cities.", origin=Origin.HUMAN,
            state=State.REVIEWED, kind="list-item", flags=("no-wrap",),
            notes=("origin: a note that looks like a marker",)),
        seg("rel:b2s1:ffffffff", "Cinq jours.", target="Five days.", origin=Origin.HUMAN,
            state=State.FINAL, kind="list-item"),
        seg("rel:b3s0:12345678", "Six nouveaux centres.", target="Six new centres.",
            origin=Origin.MT, state=State.DRAFT, previous_source="Six centres.",
            previous_target="Six centres (reviewed)."),
        seg("rel:b3s1:87654321", "Sept.", target="Seven, drafted by hand.", origin=Origin.HUMAN,
            state=State.DRAFT, ref="dossier de presse.txt:9"),
        seg("rel:b3s2:11111111", "Huit.", target="Eight.", origin=Origin.MT,
            state=State.TRANSLATED),
        seg("rel:b5s0:22222222", "<g1>Niamey</g1> – voir <g2>le site</g2>.<x3/>",
            target="<g1>Niamey – see</g2> the site.<x3/><x3/>", origin=Origin.HUMAN,
            state=State.TRANSLATED, previous_source="<g1>Niamey</g1> – voir.",
            tags=(Tag(1, "g", "bold"), Tag(2, "g", "link", "https://x.org/?a=1&b=2"),
                  Tag(3, "x", "fixed", "Frontex; “no” & <b>"))),
    )
    obsolete = (seg("rel:b4s0:99999999", "Phrase retirée.", target="Removed sentence.",
                    origin=Origin.HUMAN, state=State.TRANSLATED, comments=("kept",)),)
    return Catalogue(name="rel", src="fr", tgt="en", segments=segs,
                     source_path="examples/rel.txt", obsolete=obsolete, fmt="text")


def dump(cat: Catalogue, fmt: str, now: datetime = NOW, tool: str = TOOL) -> bytes:
    buf = io.BytesIO()
    formats.get(fmt).write(cat, buf, now=now, tool=tool)
    return buf.getvalue()


def load(data: bytes, fmt: str) -> Catalogue:
    return formats.get(fmt).read(io.BytesIO(data), path=f"test.{fmt}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_lossless(fmt: str) -> None:
    cat = rich_catalogue()
    assert load(dump(cat, fmt), fmt) == cat


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_input_same_bytes(fmt: str) -> None:
    cat = rich_catalogue()
    assert dump(cat, fmt) == dump(cat, fmt)
    assert dump(cat, fmt, now=datetime(2025, 1, 1, tzinfo=UTC)) != dump(cat, fmt)
    assert dump(cat, fmt, tool="toolkit 9.9") != dump(cat, fmt)


def test_xliff12_valid_against_strict_schema() -> None:
    assert_valid(dump(rich_catalogue(), "xliff"), XLIFF12_XSD)


def test_xliff21_valid_against_core_and_modules() -> None:
    data = dump(rich_catalogue(), "xliff2")
    assert_valid(data, "xliff21/xliff_core_2.0.xsd")
    assert_valid(data, XLIFF21_XSD)
    root = etree.fromstring(data)
    assert root.get("version") == "2.1"
    assert root.nsmap[None] == "urn:oasis:names:tc:xliff:document:2.0"


def test_xliff21_schema_check_is_real() -> None:
    data = dump(rich_catalogue(), "xliff2").replace(b'state="reviewed"', b'state="approved"')
    with pytest.raises(AssertionError):
        assert_valid(data, XLIFF21_XSD)


def test_state_markers_in_each_format() -> None:
    cat = rich_catalogue()
    po = polib.pofile(dump(cat, "po").decode())
    by_id = {unit_id(e): e for e in po}
    assert "fuzzy" in by_id["rel:b1s0:bbbbbbbb"].flags
    assert "fuzzy" not in by_id["rel:b1s2:dddddddd"].flags
    assert "Checked by a second person (reviewed)." in by_id["rel:b2s0:eeeeeeee"].comment
    assert by_id["rel:b3s0:12345678"].previous_msgid == "Six centres."
    assert [e.msgid for e in po.obsolete_entries()] == ["Phrase retirée."]
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    x12 = etree.fromstring(dump(cat, "xliff"))
    tu = x12.find(".//x:trans-unit[@id='rel:b2s1:ffffffff']", ns)
    assert tu.get("approved") == "yes" and tu.find("x:target", ns).get("state") == "final"
    draft = x12.find(".//x:trans-unit[@id='rel:b1s1:cccccccc']/x:target", ns)
    assert draft.get("state") == "needs-review-translation"
    assert draft.get("state-qualifier") == "exact-match"
    alt = x12.find(".//x:trans-unit[@id='rel:b3s0:12345678']/x:alt-trans", ns)
    assert alt.get("alttranstype") == "previous-version"
    ns2 = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    x2 = etree.fromstring(dump(cat, "xliff2"))
    seg = x2.find(".//x:unit[@name='rel:b1s0:bbbbbbbb']/x:segment", ns2)
    assert (seg.get("state"), seg.get("subState")) == ("initial", "toolkit:draft")
    assert x2.find(".//x:unit[@name='rel:b2s0:eeeeeeee']/x:segment", ns2).get("state") == "reviewed"


def test_xliff2_ids_that_are_not_tokens_survive() -> None:
    cat = rich_catalogue()
    odd = replace(cat.segments[0], id="communiqué de presse:b0s0:aaaaaaaa")
    cat = replace(cat, segments=(odd, *cat.segments[1:]))
    data = dump(cat, "xliff2")
    assert_valid(data, XLIFF21_XSD)
    assert load(data, "xliff2").segments[0].id == odd.id


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext not installed")
def test_po_passes_msgfmt_check(tmp_path: Path) -> None:
    path = tmp_path / "rel.po"
    path.write_bytes(dump(rich_catalogue(), "po"))
    run = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "rel.mo"), str(path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""


def test_po_loads_in_pocount_and_polib(tmp_path: Path) -> None:
    path = tmp_path / "rel.po"
    path.write_bytes(dump(rich_catalogue(), "po"))
    po = polib.pofile(str(path))
    assert len(po.translated_entries()) == 5
    assert len(po.fuzzy_entries()) == 4
    assert len(po.untranslated_entries()) == 1
    run = subprocess.run([str(BIN / "pocount"), "--csv", str(path)], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    row = run.stdout.strip().splitlines()[-1].split(",")
    # Filename, Translated Messages, Translated Source Words, Translated Target Words,
    # Fuzzy Messages, Fuzzy Source Words, Untranslated Messages, ...
    assert (int(row[1]), int(row[4]), int(row[6])) == (5, 4, 1)


def test_xliff12_converts_with_xliff2po(tmp_path: Path) -> None:
    src = tmp_path / "rel.xlf"
    src.write_bytes(dump(rich_catalogue(), "xliff"))
    out = tmp_path / "rel.po"
    run = subprocess.run([str(BIN / "xliff2po"), str(src), str(out)], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    po = polib.pofile(str(out))
    entries = {e.msgid: e for e in po if not e.obsolete}
    # approved="yes" is what Translate Toolkit reads as "not fuzzy".
    assert "fuzzy" not in entries["Trois pays."].flags
    assert "fuzzy" not in entries["Cinq jours."].flags
    assert "fuzzy" in entries["Deux équipes."].flags
    assert entries["Sauver des vies."].msgstr == ""


@pytest.mark.parametrize("fmt,suffix", [("xliff", ".xlf"), ("xliff2", ".xliff"),
                                        ("xliff2", ".xlf")])
def test_read_file_sniffs_xliff_version(tmp_path: Path, fmt: str, suffix: str) -> None:
    path = tmp_path / f"rel{suffix}"
    path.write_bytes(dump(rich_catalogue(), fmt))
    assert formats.for_path(path).name == fmt
    assert formats.read_file(path) == rich_catalogue()


def test_translate_cli_writes_xliff2_next_to_xliff12(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["translate", str(SEEDS[0]), "--to", "es", "--engine", "pseudo", "--no-glossary",
            "--out", str(out), "--format", "xliff", "--format", "xliff2", "--format", "po"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    name = SEEDS[0].stem
    x12, x2 = out / "es" / f"{name}.xlf", out / "es" / f"{name}.xliff"
    assert_valid(x12, XLIFF12_XSD)
    assert_valid(x2, XLIFF21_XSD)
    a, b = formats.read_file(x12), formats.read_file(x2)
    assert a == b and a == formats.read_file(out / "es" / f"{name}.po")
    assert {s.state for s in a.segments} == {State.DRAFT}


@pytest.mark.parametrize("suffix,version", [(".xliff", b'version="2.1"'), (".xlf", b'version="1.2"')])
def test_write_file_picks_the_format_by_its_own_suffix(tmp_path: Path, suffix: str,
                                                       version: bytes) -> None:
    path = tmp_path / f"x{suffix}"
    formats.write_file(rich_catalogue(), path, now=NOW, tool=TOOL)
    assert version in path.read_bytes()[:400]
    assert formats.read_file(path) == rich_catalogue()
