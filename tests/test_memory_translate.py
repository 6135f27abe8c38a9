"""``toolkit translate --memory``: reviewed translations are reused before the engine."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.formats import read_file
from toolkit.memory import Memory, Unit, default_path
from toolkit.model import Origin

runner = CliRunner()
RELEASE = """Titre du communiqué

Le programme est financé par l'Union européenne. Une phrase que la mémoire ignore.
"""


def test_translate_uses_memory(tmp_path: Path) -> None:
    rel = tmp_path / "rel.txt"
    rel.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "locales"
    with Memory(default_path(out)) as tm:  # the default place: OUT/.toolkit/memory.sqlite
        tm.add([Unit("Le programme est financé par l'Union européenne.",
                     "The programme is funded by the European Union.", "fr", "en",
                     file="old.po"),
                Unit("Titre du communiqué de presse", "Title of the press release", "fr", "en")])
    res = runner.invoke(app, ["translate", str(rel), "--engine", "identity", "--no-glossary",
                              "--out", str(out), "--format", "po", "-q"])
    assert res.exit_code == 0, res.output
    segs = {s.source: s for s in read_file(out / "en" / "rel.po").segments}
    exact = segs["Le programme est financé par l'Union européenne."]
    assert exact.origin == Origin.TM_EXACT
    assert exact.target == "The programme is funded by the European Union."
    assert "memory: tm-exact 100% from old.po" in [n.text for n in exact.notes]
    fuzzy = segs["Titre du communiqué"]
    assert fuzzy.origin == Origin.TM_FUZZY and fuzzy.target == "Title of the press release"
    assert segs["Une phrase que la mémoire ignore."].origin == Origin.MT


def test_explicit_memory_option(tmp_path: Path) -> None:
    rel = tmp_path / "rel.txt"
    rel.write_text(RELEASE, encoding="utf-8")
    mem = tmp_path / "elsewhere.sqlite"
    with Memory(mem) as tm:
        tm.add([Unit("Une phrase que la mémoire ignore.", "A sentence.", "fr", "en")])
    res = runner.invoke(app, ["translate", str(rel), "--engine", "identity", "--no-glossary",
                              "--out", str(tmp_path / "o"), "--format", "po", "-q",
                              "--memory", str(mem)])
    assert res.exit_code == 0, res.output
    segs = {s.source: s for s in read_file(tmp_path / "o" / "en" / "rel.po").segments}
    assert segs["Une phrase que la mémoire ignore."].target == "A sentence."
    assert not default_path(tmp_path / "o").exists()


def test_memory_matches_travel_as_alt_trans_and_mtc_match(tmp_path: Path) -> None:
    rel = tmp_path / "rel.txt"
    rel.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "locales"
    with Memory(default_path(out)) as tm:
        tm.add([Unit("Titre du communiqué de presse", "Title of the press release", "fr", "en")])
    res = runner.invoke(app, ["translate", str(rel), "--engine", "identity", "--no-glossary",
                              "--out", str(out), "--format", "po", "--format", "xliff",
                              "--format", "xliff2", "-q"])
    assert res.exit_code == 0, res.output
    xlf = (out / "en" / "rel.xlf").read_text("utf-8")
    assert 'alttranstype="proposal" origin="tm-fuzzy" match-quality="' in xlf
    assert 'state-qualifier="fuzzy-match"' in xlf
    assert '<mtc:match ref="#s1" type="tm" origin="tm-fuzzy" matchQuality="' in (
        out / "en" / "rel.xliff").read_text("utf-8")
    for name in ("rel.po", "rel.xlf", "rel.xliff"):
        (fuzzy,) = [s for s in read_file(out / "en" / name).segments if s.alternatives]
        best, machine = fuzzy.alternatives
        assert (best.origin, best.target) == ("tm-fuzzy", "Title of the press release")
        assert 75 <= (best.score or 0) < 100
        assert machine.origin == "mt" and machine.target == "Titre du communiqué"
