"""Inline codes as XLIFF elements, explained in PO, checked by QA and on import, back in publish.

The shipped HTML release has a bold dateline (``<strong>``), an emphasis, links,
a line break and a ``translate="no"`` span; it is translated with Apertium and
the catalogues are looked at the way CAT tools and Translate Toolkit read them.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLES, needs_apertium
from lxml import etree
from schemas import assert_valid
from test_formats_exchange import NOW, TOOL, XLIFF12_XSD, XLIFF21_XSD, dump, load
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.formats.po import unit_id
from toolkit.inline import Code
from toolkit.model import Catalogue, Origin, Segment, State
from toolkit.qa.codes import check_codes
from toolkit.qa.run import run_checks
from toolkit.review import import_reviewed
from toolkit.tags import Tag, describe, pieces

runner = CliRunner()
X12 = "urn:oasis:names:tc:xliff:document:1.2"
X2 = "urn:oasis:names:tc:xliff:document:2.0"
NAME = "communique-frontieres"
LEGACY = Path(__file__).resolve().parent / "data" / "legacy"


@pytest.fixture(scope="module")
def translated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("apertium"):
        pytest.skip("apertium is not installed")
    root = tmp_path_factory.mktemp("inline")
    shutil.copy(EXAMPLES / f"{NAME}.html", root / f"{NAME}.html")
    result = runner.invoke(app, ["translate", str(root / f"{NAME}.html"), "--to", "en",
                                 "--format", "po", "--format", "xliff", "--format", "xliff2",
                                 "--out", str(root / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def tree(translated: Path, tmp_path: Path) -> Path:
    """A fresh copy of the translated release and its catalogues, for tests that write."""
    shutil.copytree(translated, tmp_path / "t")
    return tmp_path / "t"


def _unit12(root: etree._Element, text: str) -> etree._Element:
    return next(tu for tu in root.iter(f"{{{X12}}}trans-unit")
                if text in "".join(tu.find(f"{{{X12}}}source").itertext()))


@needs_apertium
def test_xliff12_has_real_g_and_x_elements_and_is_valid(translated: Path) -> None:
    path = translated / "out" / "en" / f"{NAME}.xlf"
    assert_valid(path, XLIFF12_XSD)
    data = path.read_bytes()
    assert b"&lt;g" not in data and b"&lt;x" not in data
    root = etree.parse(str(path)).getroot()
    dateline = _unit12(root, "Niamey, 14 mars 2025")
    for part in ("source", "target"):
        g = dateline.find(f"{{{X12}}}{part}/{{{X12}}}g")
        assert (g.get("id"), g.get("ctype"), g.get("equiv-text")) == ("1", "bold", "bold text")
    link = _unit12(root, "Fonds de soutien")
    assert link.find(f".//{{{X12}}}g").get("equiv-text") == "link to https://www.example.org/fonds"
    kept = _unit12(root, "Le logiciel utilisé")
    x = kept.find(f"{{{X12}}}source/{{{X12}}}x")
    assert (x.get("ctype"), x.get("equiv-text")) == ("x-fixed", "“MIDAS”, kept as is")


@needs_apertium
def test_xliff21_has_pc_and_ph_with_what_they_stand_for(translated: Path) -> None:
    path = translated / "out" / "en" / f"{NAME}.xliff"
    assert_valid(path, "xliff21/xliff_core_2.0.xsd")
    assert_valid(path, XLIFF21_XSD)
    root = etree.parse(str(path)).getroot()
    pcs = list(root.iter(f"{{{X2}}}pc"))
    bold = next(p for p in pcs if "Niamey" in "".join(p.itertext()))
    assert (bold.get("type"), bold.get("subType"), bold.get("dispStart")) == (
        "fmt", "xlf:b", "bold text")
    ph = next(p for p in root.iter(f"{{{X2}}}ph") if p.get("equiv") == "MIDAS")
    assert ph.get("disp") == "“MIDAS”, kept as is"
    assert any(p.get("dispStart") == "link to https://www.example.org/fonds" for p in pcs)


@needs_apertium
def test_translate_toolkit_sees_the_codes_as_placeables(translated: Path) -> None:
    from translate.storage import xliff
    from translate.storage.placeables.xliff import G, X

    store = xliff.xlifffile.parsefile(str(translated / "out" / "en" / f"{NAME}.xlf"))
    dateline = next(u for u in store.units if u.source.startswith("Niamey"))
    for rich in (dateline.rich_source, dateline.rich_target):
        gs = [e for e in rich[0].sub if isinstance(e, G)]
        assert [g.id for g in gs] == ["1"]
        assert str(gs[0]).startswith("Niamey, 14 ")
    kept = next(u for u in store.units if "Le logiciel utilisé" in u.source)
    assert any(isinstance(e, X) for e in kept.rich_source[0].flatten())


@needs_apertium
def test_every_format_reads_back_the_same_codes(translated: Path) -> None:
    out = translated / "out" / "en"
    cats = [formats.read_file(out / f"{NAME}{s}") for s in (".po", ".xlf", ".xliff")]
    assert cats[0] == cats[1] == cats[2]
    dateline = next(s for s in cats[0].segments if "Niamey" in s.source)
    assert dateline.source.startswith("<g1>Niamey, 14 mars 2025</g1> – ")
    assert dateline.tags == (Tag(1, "g", "bold"),)


@needs_apertium
def test_po_says_in_words_what_each_code_stands_for(translated: Path) -> None:
    po = polib.pofile(str(translated / "out" / "en" / f"{NAME}.po"))
    notes = {unit_id(e): e.comment.splitlines() for e in po}
    lines = [ln for ls in notes.values() for ln in ls if ln.startswith("Inline codes: ")]
    assert "Inline codes: <g1>…</g1> = bold text." in lines
    assert "Inline codes: <g2>…</g2> = link to https://www.example.org/fonds." in lines
    assert "Inline codes: <x1/> = “MIDAS”, kept as is." in lines
    assert not any("{" in ln for ls in notes.values() for ln in ls)  # sentences, not JSON


def _drop_g1_in_xliff(path: Path, text: str) -> None:
    """What a reviewer's tool can do: the <g id="1"> of the target is replaced by its text."""
    tree = etree.parse(str(path))
    tu = _unit12(tree.getroot(), text)
    target = tu.find(f"{{{X12}}}target")
    g = target.find(f"{{{X12}}}g")
    target.text = (target.text or "") + "".join(g.itertext()) + (g.tail or "")
    target.remove(g)
    target.set("state", "translated")
    tu.set("approved", "yes")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@needs_apertium
def test_a_dropped_g1_is_reported_by_import_and_qa(tree: Path) -> None:
    reviewed = tree / "reviewed.xlf"
    shutil.copy(tree / "out" / "en" / f"{NAME}.xlf", reviewed)
    _drop_g1_in_xliff(reviewed, "Niamey, 14 mars 2025")
    assert_valid(reviewed, XLIFF12_XSD)
    res = import_reviewed(reviewed, tree / "out")
    assert len(res.warnings) == 1
    assert re.match(rf"{re.escape(str(reviewed))}:\d+: unit {NAME}:b1s0:\w+: inline code "
                    r"<g1>…</g1> of the source is missing", res.warnings[0])
    # and `toolkit qa` on the merged catalogue finds it
    qa = runner.invoke(app, ["qa", str(tree / "out" / "en" / f"{NAME}.po"), "--no-glossary",
                             "--format", "json"])
    assert qa.exit_code == 1 and "code-missing" in qa.output


@needs_apertium
def test_cli_import_warns_about_a_dropped_g1(tree: Path) -> None:
    again = tree / "again.xlf"
    shutil.copy(tree / "out" / "en" / f"{NAME}.xlf", again)
    _drop_g1_in_xliff(again, "Niamey, 14 mars 2025")
    result = runner.invoke(app, ["import", str(again), "--out", str(tree / "out"),
                                 "--no-memory"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output and "<g1>…</g1> of the source is missing" in result.output


@needs_apertium
def test_import_then_publish_puts_the_markup_back(tree: Path) -> None:
    """An edited target keeps its <g>: the published page has its bold dateline and its link."""
    reviewed = tree / "reviewed.xliff"
    shutil.copy(tree / "out" / "en" / f"{NAME}.xliff", reviewed)
    doc = etree.parse(str(reviewed))
    for seg in doc.getroot().iter(f"{{{X2}}}segment"):
        target = seg.find(f"{{{X2}}}target")
        pc = target.find(f"{{{X2}}}pc") if target is not None else None
        if pc is not None and "Niamey" in "".join(pc.itertext()):
            pc.text = "Niamey, 14 March 2025"
            pc.tail = " – IOM handed over control equipment to three border posts."
            seg.set("state", "translated")
            del seg.attrib["subState"]
    doc.write(str(reviewed), xml_declaration=True, encoding="UTF-8")
    res = import_reviewed(reviewed, tree / "out")
    assert len(res.edited) == 1 and res.warnings == ()
    page = tree / "page.html"
    result = runner.invoke(app, ["publish", str(tree / "out" / "en" / f"{NAME}.po"),
                                 "--allow-drafts", "--out", str(page), "--quiet"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert ("<strong>Niamey, 14 March 2025</strong> – IOM handed over control equipment to "
            "three border posts.") in html
    assert 'href="https://www.example.org/fonds"' in html


# --- the codes in unusual shapes ---------------------------------------------------------

TAGS = (Tag(1, "g", "bold"), Tag(2, "x", "fixed", "Frontex"), Tag(3, "g", "link", "https://x.org/?a=1&b"),
        Tag(4, "g", "italic"))


def _cat(source: str, target: str) -> Catalogue:
    seg = Segment(id="r:b0s0:0000abcd", source=source, src="fr", tgt="en", target=target,
                  origin=Origin.HUMAN, state=State.TRANSLATED, tags=TAGS)
    return Catalogue(name="r", src="fr", tgt="en", segments=(seg,), source_path="r.txt")


SOURCE = "<g1>Niamey</g1> – <x2/> et le <g3>site <g4>officiel</g4></g3>."
BROKEN = [
    "<g1>Niamey</g1> – <x2/> and the site</g3> <g3>x <g4>y</g4>",  # closed before opened
    "<g1>Niamey – <x2/> and the <g3>site</g1> official</g3><g4>.</g4>",  # crossed pairs
    "<g1>Niamey</g1> <g1>again</g1> <x2/><x2/> <x9/> <g3><g4>a</g4>",  # repeated, unknown, open
    "Niamey – and the site </x2> <g1/> 1 < 2 & <b>",  # no codes at all, lookalikes
]


@pytest.mark.parametrize("target", [SOURCE.replace("et le", "and the"), *BROKEN])
@pytest.mark.parametrize("fmt", ["po", "xliff", "xliff2"])
def test_any_target_round_trips_and_stays_valid(fmt: str, target: str) -> None:
    cat = _cat(SOURCE, target)
    data = dump(cat, fmt)
    assert load(data, fmt) == cat
    if fmt == "xliff":
        assert_valid(data, XLIFF12_XSD)
    elif fmt == "xliff2":
        assert_valid(data, XLIFF21_XSD)


def test_split_pairs_become_bx_ex_and_sc_ec() -> None:
    cat = _cat(SOURCE, BROKEN[1])
    x12 = etree.fromstring(dump(cat, "xliff"))
    target = x12.find(f".//{{{X12}}}target")
    # <g3> nests once <g1> is taken out of the way; only <g1> is split
    assert [etree.QName(e).localname for e in target.iter()][1:] == ["bx", "x", "g", "ex", "g"]
    x2 = etree.fromstring(dump(cat, "xliff2"))
    target = x2.find(f".//{{{X2}}}target")
    assert [(etree.QName(e).localname, e.get("id") or e.get("startRef"))
            for e in target.iter()][1:] == [
        ("sc", "1"), ("ph", "2"), ("pc", "3"), ("ec", "1"), ("pc", "4")]


def test_other_tools_inline_elements_are_read_as_codes() -> None:
    """bpt/ept/ph (Okapi, memoQ) and mrk in 1.2; sc/ec, mrk and cp in 2.0."""
    x12 = f"""<xliff xmlns="{X12}" version="1.2"><file original="r" source-language="fr"
      target-language="en" datatype="html"><body><trans-unit id="u1">
      <source><bpt id="a">&lt;b&gt;</bpt>Gras<ept id="a">&lt;/b&gt;</ept> <ph id="b">&lt;br/&gt;</ph>
      <mrk mtype="protected">OIM</mrk></source>
      <target><bpt id="a">&lt;b&gt;</bpt>Bold<ept id="a">&lt;/b&gt;</ept> <ph id="b">&lt;br/&gt;</ph>
      <mrk mtype="protected">IOM</mrk></target></trans-unit></body></file></xliff>"""
    seg = formats.get("xliff").read(io.BytesIO(x12.encode())).segments[0]
    assert seg.source.split() == ["<g900>Gras</g900>", "<x901/>", "OIM"]
    assert seg.target.split() == ["<g900>Bold</g900>", "<x901/>", "IOM"]
    assert check_codes(seg) == []
    x2 = f"""<xliff xmlns="{X2}" version="2.0" srcLang="fr" trgLang="en"><file id="f">
      <unit id="u1"><segment><source><sc id="1"/>Gras<ec startRef="1"/> <mrk id="m1"
      translate="no">OIM</mrk><cp hex="E9"/></source><target><sc id="1"/>Bold<ec startRef="1"/>
      <mrk id="m1" translate="no">IOM</mrk><cp hex="E9"/></target></segment></unit></file></xliff>"""
    seg = formats.get("xliff2").read(io.BytesIO(x2.encode())).segments[0]
    assert seg.source == "<g1>Gras</g1> OIMé" and seg.target.split() == ["<g1>Bold</g1>", "IOMé"]


@pytest.mark.parametrize(("target", "codes"), [
    ("<g1>Niamey</g1> – <x2/> and the <g3>official <g4>site</g4></g3>.", []),
    ("Niamey – <x2/> and the <g3>official <g4>site</g4></g3>.", ["code-missing"]),
    ("<g1>Niamey</g1> – <x2/> <x2/> and the <g3>site <g4>x</g4></g3>.", ["code-duplicated"]),
    ("<g1>Niamey</g1> – <x2/> <x5/> the <g3>site <g4>x</g4></g3>.", ["code-extra"]),
    ("<g1>Niamey</g1> – <x2/> the <g3>site <g4>x</g3></g4>.", ["code-broken"]),
    ("<g1>Niamey – <x2/> the <g3>site <g4>x</g4></g3>.", ["code-broken"]),
    ("</g1>Niamey<g1> – <x2/> the <g3>site <g4>x</g4></g3>.", ["code-broken"]),
    ("<g1>Niamey</g1> – </x2> the <g3>site <g4>x</g4></g3>.", ["code-missing", "code-broken"]),
])
def test_qa_check_for_inline_codes(target: str, codes: list[str]) -> None:
    seg = _cat(SOURCE, target).segments[0]
    assert [i.code for i in check_codes(seg)] == codes
    assert all(i.severity == "error" for i in check_codes(seg))
    found = [i.code for i in run_checks([seg]) if i.code.startswith("code-")]
    assert found == codes  # registered with the QA runner


def test_pieces_pair_what_nests_and_split_the_rest() -> None:
    assert [k for k, _, _ in pieces("<g1>a<g2>b</g1>c</g2>")] == [
        "begin", "text", "open", "text", "end", "text", "close"]
    assert pieces("a </g1> b") == [("text", 0, "a "), ("end", 1, ""), ("text", 0, " b")]
    assert pieces("<x1/> <x1>") == [("x", 1, ""), ("text", 0, " <x1>")]


@pytest.mark.parametrize(("code", "words"), [
    (Code("g", "<strong>", "</strong>"), "bold text"),
    (Code("g", "**", "**"), "bold text"),
    (Code("g", "_", "_"), "italic text"),
    (Code("g", "[", "](https://x.org/a)"), "link to https://x.org/a"),
    (Code("g", '<a href="/fr/agir">', "</a>"), "link to /fr/agir"),
    (Code("x", "<br>"), "line break"),
    (Code("x", "  \n"), "line break"),
    (Code("x", '<img src="l.svg" alt="Logo">'), "image “Logo”"),
    (Code("x", "![Carte](c.png)"), "image “Carte”"),
    (Code("x", "`config.yml`"), "code “config.yml”, kept as is"),
    (Code("x", '<span translate="no">Frontex</span>'), "“Frontex”, kept as is"),
    (Code("x", "<https://x.org>"), "link to https://x.org"),
    (Code("x", '<span class="x">'), "markup <span>"),
])
def test_codes_are_described_in_words(code: Code, words: str) -> None:
    role, detail = describe(code)
    assert Tag(1, code.kind, role, detail).what == words


def test_markdown_release_gets_tags_from_its_markup(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / f"{NAME}.md", tmp_path / f"{NAME}.md")
    result = runner.invoke(app, ["translate", str(tmp_path / f"{NAME}.md"), "--to", "en",
                                 "--engine", "pseudo", "--no-glossary", "--out",
                                 str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    cat = formats.read_file(tmp_path / "out" / "en" / f"{NAME}.xlf")
    tags = {t.what for s in cat.segments for t in s.tags}
    assert {"bold text", "link to https://www.example.org/fonds",
            "link to mailto:cfontaine@example.org"} <= tags


# --- catalogues written before inline codes were elements ----------------------------------

@pytest.mark.parametrize("suffix", [".po", ".xlf", ".xliff"])
def test_catalogues_of_older_versions_still_read(suffix: str) -> None:
    """msgctxt ids, ``#. match: {json}``, ``#. state:`` and escaped ``&lt;g1&gt;`` text."""
    old = formats.read_file(LEGACY / f"rel-before-inline{suffix}")
    assert len(old.segments) == 10 and old.segments[-1].id == "rel:b5s0:22222222"
    assert old.segments[-1].source == "<g1>Niamey</g1> – voir <g2>le site</g2>.<x3/>"
    trois = next(s for s in old.segments if s.id == "rel:b1s2:dddddddd")
    assert [(a.origin, a.score) for a in trois.alternatives] == [("tm-fuzzy", 87.5), ("mt", None)]
    assert next(s for s in old.segments if s.id == "rel:b2s0:eeeeeeee").state == State.REVIEWED
    # and they are the same catalogue, whichever format they were in
    assert old == formats.read_file(LEGACY / "rel-before-inline.po")
    for fmt in ("po", "xliff", "xliff2"):  # written again today: nothing lost
        assert load(dump(old, fmt, NOW, TOOL), fmt) == old


def test_po_needs_msgctxt_only_for_repeated_sources() -> None:
    segs = tuple(Segment(id=f"r:b{b}s0:0000abc{b}", source=src, src="fr", tgt="en", block=b)
                 for b, src in enumerate(["Fin.", "Autre.", "Fin."]))
    cat = Catalogue(name="r", src="fr", tgt="en", segments=segs, source_path="r.txt")
    po = polib.pofile(dump(cat, "po").decode())
    assert [e.msgctxt for e in po] == ["b0s0", None, "b2s0"]
    assert [unit_id(e) for e in po] == [s.id for s in segs]
    assert load(dump(cat, "po"), "po") == cat


def test_po_id_reference_survives_tools_that_read_file_and_line() -> None:
    """Poedit reads ``x:04013078`` as file ``x``, line 4013078, and writes the number back.

    Seen in Poedit 3.2: an id whose hash was all digits lost its leading zero on
    save. The reference therefore holds no colon at all.
    """
    seg = Segment(id="rel:b4s0:04013078", source="Phrase.", src="fr", tgt="en", block=4,
                  ref="rel.html:34")
    cat = Catalogue(name="rel", src="fr", tgt="en", segments=(seg,), source_path="rel.html")
    text = dump(cat, "po").decode()
    refs = [ln for ln in text.splitlines() if ln.startswith("#: ")]
    assert refs == ["#: rel.html:34 toolkit-unit=rel%3Ab4s0%3A04013078"]
    assert load(text.encode(), "po").segments[0].id == "rel:b4s0:04013078"


@needs_apertium
def test_update_keeps_the_codes_and_their_words(tree: Path) -> None:
    before = formats.read_file(tree / "out" / "en" / f"{NAME}.xliff")
    result = runner.invoke(app, ["update", str(tree / f"{NAME}.html"), "--to", "en",
                                 "--out", str(tree / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    for suffix in (".po", ".xlf", ".xliff"):
        after = formats.read_file(tree / "out" / "en" / f"{NAME}{suffix}")
        assert [(s.id, s.tags) for s in after.segments] == [
            (s.id, s.tags) for s in before.segments]
        assert sum(len(s.tags) for s in after.segments) >= 6
