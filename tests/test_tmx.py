"""TMX 1.4b: DTD-valid output, round trips, hostile input, and the memory CLI."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import ParseError
from toolkit.formats import for_path, get, read_file, write_file
from toolkit.formats.tmx import read_pairs, write_units
from toolkit.memory import Memory, Unit
from toolkit.model import Catalogue, Origin, Segment, State

DTD = etree.DTD(str(Path(__file__).resolve().parent / "data" / "schemas" / "tmx" / "tmx14.dtd"))
NOW = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
runner = CliRunner()


def _cat() -> Catalogue:
    segs = (
        Segment(id="rel:b0s0:1", source="L'OIM & la CEDEAO <renforcent> leur coopération.",
                src="fr", tgt="en", target="IOM & ECOWAS <strengthen> their cooperation.",
                origin=Origin.HUMAN, state=State.REVIEWED, ref="rel.txt:1",
                comments=("checked by desk",)),
        Segment(id="rel:b1s0:2", source="Contact : press@iom.int", src="fr", tgt="en",
                target="Contact: press@iom.int", origin=Origin.TM_EXACT, state=State.DRAFT,
                ref="rel.txt:3"),
        Segment(id="rel:b2s0:3", source="Pas encore traduit.", src="fr", tgt="en"),
    )
    return Catalogue(name="rel", src="fr", tgt="en", segments=segs, source_path="rel.txt")


def _valid(data: bytes) -> None:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert DTD.validate(root), DTD.error_log.filter_from_errors()


def test_registered_by_suffix(tmp_path) -> None:
    fmt = get("tmx")
    assert fmt.suffix == ".tmx"
    assert for_path(tmp_path / "m.TMX") is fmt


def test_write_is_dtd_valid_and_deterministic() -> None:
    a, b = io.BytesIO(), io.BytesIO()
    get("tmx").write(_cat(), a, now=NOW, tool="toolkit 0.1.0")
    get("tmx").write(_cat(), b, now=NOW, tool="toolkit 0.1.0")
    assert a.getvalue() == b.getvalue()
    _valid(a.getvalue())
    assert b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in a.getvalue()
    assert b'creationdate="20240314T093000Z"' in a.getvalue()


def test_round_trip_through_file(tmp_path: Path) -> None:
    path = tmp_path / "rel.tmx"
    write_file(_cat(), path, now=NOW, tool="toolkit 0.1.0")
    back = read_file(path)
    assert (back.src, back.tgt) == ("fr", "en")
    assert [(s.source, s.target, s.state, s.origin) for s in back.segments] == [
        (s.source, s.target, s.state, s.origin) for s in _cat().segments[:2]
    ]
    assert back.segments[0].comments == ("checked by desk",)
    assert back.segments[0].id == "rel:b0s0:1"


def test_reads_foreign_tmx_with_inline_codes_and_three_languages() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
 <header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x"
   adminlang="en-US" srclang="FR-FR" datatype="html"/>
 <body>
  <tu tuid="7">
   <tuv xml:lang="fr-FR"><seg>Voir <bpt i="1">&lt;b&gt;</bpt>le rapport<ept i="1"
   >&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph>.</seg></tuv>
   <tuv xml:lang="en-GB"><seg>See <hi type="x">the report</hi>.</seg></tuv>
   <tuv xml:lang="es-ES"><seg>Ver el informe.</seg></tuv>
  </tu>
 </body>
</tmx>"""
    pairs = read_pairs(io.BytesIO(data), path="x.tmx")
    assert [(a, b, s.source, s.target) for a, b, s in pairs] == [
        ("fr-FR", "en-GB", "Voir le rapport.", "See the report."),
        ("fr-FR", "es-ES", "Voir le rapport.", "Ver el informe."),
    ]


@pytest.mark.parametrize("data, message", [
    (b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY lol "lol">]><tmx version="1.4"/>',
     "entity"),
    (b"<tmx version='1.4'><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
     "xml:lang"),
    (b"<xliff/>", "not a TMX"),
    (b"<tmx><body>", "malformed"),
    (b"", "empty"),
])
def test_bad_tmx_raises_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        get("tmx").read(io.BytesIO(data), path="bad.tmx")


def test_write_units_valid() -> None:
    buf = io.BytesIO()
    units = [Unit("Bonjour.", "Hello.", "fr", "en", note="aligned", created="20240101T000000Z"),
             Unit("Bonjour.", "Hola.", "fr", "es")]
    write_units(units, buf, now=NOW, tool="toolkit 0.1.0")
    _valid(buf.getvalue())
    assert [(a, b) for a, b, _ in read_pairs(io.BytesIO(buf.getvalue()))] == [
        ("fr", "en"), ("fr", "es")]


def test_memory_cli_import_export_stats_lookup(tmp_path: Path) -> None:
    mem = tmp_path / "tm.sqlite"
    po = tmp_path / "rel.po"
    write_file(_cat(), po, now=NOW, tool="toolkit 0.1.0")
    res = runner.invoke(app, ["memory", "import", str(po), "--memory", str(mem)])
    assert res.exit_code == 0, res.output
    assert "3 units, 1 importable, 1 new" in res.output  # draft and empty units skipped

    out = tmp_path / "all.tmx"
    res = runner.invoke(app, ["memory", "export", "--format", "tmx", "--out", str(out),
                              "--memory", str(mem)])
    assert res.exit_code == 0, res.output
    _valid(out.read_bytes())

    other = tmp_path / "other.sqlite"
    res = runner.invoke(app, ["memory", "import", str(out), "--memory", str(other)])
    assert res.exit_code == 0, res.output
    with Memory(other) as tm:
        assert [u.target for u in tm.units()] == ["IOM & ECOWAS <strengthen> their cooperation."]

    res = runner.invoke(app, ["memory", "stats", "--json", "--memory", str(mem)])
    assert json.loads(res.stdout)["units"] == 1
    res = runner.invoke(app, ["memory", "lookup", "L'OIM et la CEDEAO renforcent leur coopération.",
                              "--from", "fr", "--to", "en", "--json", "--memory", str(mem)])
    rows = json.loads(res.stdout)
    assert rows[0]["origin"] == "tm-fuzzy" and rows[0]["score"] >= 75
    res = runner.invoke(app, ["memory", "lookup", "Rien.", "--memory", str(mem)])
    assert res.exit_code == 1 and "no match" in res.output


def test_memory_cli_corrupt_file_error(tmp_path: Path) -> None:
    bad = tmp_path / "tm.sqlite"
    bad.write_text("not a database at all, but someone's data\n")
    res = runner.invoke(app, ["memory", "stats", "--memory", str(bad)])
    assert res.exit_code != 0
    assert str(bad) in res.output and "not an SQLite file" in res.output
    assert bad.read_text() == "not a database at all, but someone's data\n"
