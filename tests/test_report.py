"""`toolkit report`: real catalogues (Apertium fr→es, reviewed through polib) → one HTML page.

The page is checked twice: as lxml parses the file, and as headless Chromium renders it
(its DOM after layout, a screenshot, and the console).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from conftest import EXAMPLES, needs_apertium
from lxml import html
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.formats.po import unit_id
from toolkit.model import Catalogue, Note, Origin, Segment, Span, State
from toolkit.qa.issue import Issue
from toolkit.report import build, render
from toolkit.report.html import marked
from toolkit.report.marks import issue_marks, unknown_marks
from toolkit.report.model import Category, category

runner = CliRunner()
RELEASE = "communique-retour-volontaire"
INJECTED = "<script>alert('x')</script> & <b>gras</b>"
needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None,
                                    reason="chromium is not installed (run scripts/setup.sh)")


def _run(*args: str) -> None:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two releases in Spanish: the example reviewed in four ways, and a second one drafted
    partly from the memory those reviews filled, with an unknown word and markup-like text."""
    root = tmp_path_factory.mktemp("report")
    out = root / "locales"
    example = root / f"{RELEASE}.txt"
    shutil.copy(EXAMPLES / f"{RELEASE}.txt", example)
    _run("translate", str(example), "--to", "es", "--out", str(out), "--quiet")

    po_path = out / "es" / f"{RELEASE}.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    units = [e for e in po if not e.obsolete]
    edited = units[1]  # a person changes a number (a QA error) and pastes markup-like text
    assert "1.250" in edited.msgstr
    edited.msgstr = edited.msgstr.replace("1.250", "1.205") + " " + INJECTED
    confirmed = units[2]
    for entry in units[1:5]:
        entry.flags.remove("fuzzy")
    units[3].comment = (units[3].comment + "\n" if units[3].comment else "") + \
        "Checked by a second person (reviewed)."
    units[4].comment = (units[4].comment + "\n" if units[4].comment else "") + \
        "Signed off for publication (final)."
    po.save(str(po_path))
    _run("memory", "import", str(po_path), "--memory", str(out / ".toolkit" / "memory.sqlite"))

    other = root / "bilan.txt"
    other.write_text("Bilan du plouffrage\n\nLe gouvernement a annoncé le plouffrage des routes. "
                     f"{confirmed.msgid}\n", "utf-8")
    _run("translate", str(other), "--to", "es", "--out", str(out), "--quiet")
    report = root / "report.html"
    result = runner.invoke(app, ["report", str(out), "--out", str(report)])
    assert result.exit_code == 0, result.output
    assert "2 catalogue(s)" in result.output
    return {"root": root, "out": out, "report": report, "edited": unit_id(edited),
            "confirmed": unit_id(confirmed), "units": len(units)}


def _section(doc, release: str):
    (section,) = doc.xpath(f"//section[@data-release='{release}'][@data-lang='es']")
    return section


def _states(section) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in section.xpath(".//tr[contains(@class, 'unit')]"):
        found[row.get("data-state")] = found.get(row.get("data-state"), 0) + 1
    return found


EXAMPLE_STATES = {"machine": 14, "human": 2, "reviewed": 1, "final": 1}


@needs_apertium
def test_counts_by_state_per_release(project) -> None:
    doc = html.parse(str(project["report"])).getroot()
    example = _section(doc, RELEASE)
    assert _states(example) == EXAMPLE_STATES
    assert sum(EXAMPLE_STATES.values()) == project["units"]
    bilan = _states(_section(doc, "bilan"))
    assert bilan.get("memory") == 1 and bilan.get("machine", 0) >= 2, bilan
    # The release's own count table and the summary table say the same as the rows.
    for state, n in EXAMPLE_STATES.items():
        (cell,) = example.xpath(f".//table[contains(@class,'release-counts')]//tr[1]"
                                f"/td[@data-state='{state}']")
        assert cell.text_content() == str(n)
        (summary,) = doc.xpath(f"//table[contains(@class,'summary')]//tr[@data-release='{RELEASE}']"
                               f"/td[@data-state='{state}']")
        assert summary.text_content() == str(n)
    # A label in words for every unit: colour is not the only cue.
    labels = {"machine": "machine draft", "memory": "memory match", "human": "human",
              "reviewed": "reviewed", "final": "final"}
    for row in doc.xpath("//tr[contains(@class, 'unit')]"):
        assert row.xpath("string(.//span[contains(@class,'badge')])") == labels[row.get("data-state")]
    # The chart has one bar per catalogue, split by the same counts.
    (bar,) = doc.xpath(f"//svg//g[@data-release='{RELEASE}']")
    assert {r.get("data-state"): int(r.get("data-count")) for r in bar.xpath("rect")} == EXAMPLE_STATES


@needs_apertium
def test_highlights_in_place(project) -> None:
    doc = html.parse(str(project["report"])).getroot()
    example = _section(doc, RELEASE)
    title_row = example.xpath(".//tr[contains(@class,'unit')]")[0]
    source, target = title_row.xpath("td[contains(@class,'text')]")
    assert (source.get("lang"), target.get("lang")) == ("fr", "es")
    assert "migrants bloqués" in [m.text for m in source.xpath("mark[@class='m-term']")]
    assert "migrantes varados" in [m.text for m in target.xpath("mark[@class='m-term']")]
    assert "migrants bloqués → migrantes varados" in title_row.xpath("string(td[@class='findings'])")

    (edited,) = example.xpath(f".//tr[@data-unit='{project['edited']}']")
    source, target = edited.xpath("td[contains(@class,'text')]")
    assert [m.text for m in source.xpath("mark[@class='m-qa-error']")] == ["1 250"]
    assert "1.205" in [m.text for m in target.xpath("mark[@class='m-qa-warning']")]
    assert "number-missing" in edited.xpath("string(td[@class='findings'])")

    bilan = _section(doc, "bilan")
    unknown = bilan.xpath(".//mark[@class='m-unknown']")
    assert {m.text for m in unknown} == {"plouffrage"}
    assert {m.getparent().get("lang") for m in unknown} == {"fr", "es"}


@needs_apertium
def test_everything_escaped_and_self_contained(project) -> None:
    raw = project["report"].read_bytes()
    doc = html.fromstring(raw)
    assert doc.xpath("//script | //link | //iframe | //object | //img") == []
    assert doc.xpath("//b") == []  # the reviewer's <b> is text, not markup
    (edited,) = doc.xpath(f"//tr[@data-unit='{project['edited']}']")
    assert INJECTED in edited.xpath("string(td[contains(@class,'target')])")
    assert b"&lt;script&gt;" in raw
    # Nothing to fetch: no external URL in any attribute or in the style sheet.
    assert not [v for el in doc.iter() if isinstance(el.tag, str)
                for k, v in el.attrib.items() if k in ("src", "href") and not v.startswith("#")]
    style = doc.xpath("string(//style)")
    assert "url(" not in style and "@import" not in style and "@media print" in style
    # Headings and real tables with header cells.
    assert doc.xpath("string(//h1)") == "Review report"
    assert len(doc.xpath("//h2")) >= 3
    for table in doc.xpath("//table"):
        assert table.xpath("caption")
        assert all(th.get("scope") in ("col", "row") for th in table.xpath(".//th"))
    assert len(doc.xpath("//tr[contains(@class,'unit')]/th[@scope='row']")) == \
        len(doc.xpath("//tr[contains(@class,'unit')]"))


@needs_apertium
def test_same_input_same_bytes_and_files_as_inputs(project, tmp_path) -> None:
    again = tmp_path / "again.html"
    _run("report", str(project["out"]), "--out", str(again), "--quiet")
    assert again.read_bytes() == project["report"].read_bytes()
    one = tmp_path / "one.html"
    _run("report", str(project["out"] / "es" / f"{RELEASE}.xlf"), "--out", str(one), "-q")
    doc = html.parse(str(one)).getroot()
    assert len(doc.xpath("//section[@data-release]")) == 1
    # The XLIFF copy was not edited: read alone, it is all machine drafts.
    assert _states(_section(doc, RELEASE)) == {"machine": project["units"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.html", "one.html"]  # no temp


def test_bad_input_is_one_line_and_exit_3(tmp_path) -> None:
    out = tmp_path / "report.html"
    out.write_text("previous report", "utf-8")
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstr "b\n', "utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    text = tmp_path / "release.txt"
    text.write_text("Bonjour.\n", "utf-8")
    for args in ([str(tmp_path / "missing.po")], [str(empty)], [str(bad)], [str(text)]):
        result = runner.invoke(app, ["report", *args, "--out", str(out)])
        assert result.exit_code == 3, (args, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert out.read_text("utf-8") == "previous report"  # nothing written on a refused run


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
         "--window-size=1200,900", *args],
        capture_output=True, text=True, timeout=180)


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if "Uncaught" in line or "CONSOLE" in line or "console error" in line.lower()]


@needs_apertium
@needs_chromium
def test_chromium_renders_the_counts(project, tmp_path) -> None:
    url = project["report"].resolve().as_uri()
    dom = _chromium(tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not _console_errors(dom.stderr)
    doc = html.fromstring(dom.stdout)
    assert _states(_section(doc, RELEASE)) == EXAMPLE_STATES
    assert _states(_section(doc, "bilan")).get("memory") == 1
    # The browser parsed the chart as SVG (its namespace), one bar per catalogue.
    assert len(doc.xpath("//*[local-name()='svg']//*[local-name()='g'][@data-release]")) == 2
    assert doc.xpath("//script") == []

    shot = tmp_path / "r.png"
    run = _chromium(tmp_path / "profile", f"--screenshot={shot}", url)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not _console_errors(run.stderr)
    assert _png_size(shot) == (1200, 900)
    assert shot.stat().st_size > 30_000  # a rendered page, not a blank one (blank: ~5 KB)


def test_marks_of_one_unit_land_on_their_text() -> None:
    """Unknown words, a retried word, an Apertium mark and a QA span, each on its own text."""
    seg = Segment("r:b0s0:0", "Les bénéficiaires, originaires du Mali, ont 3 plouffrages.", "fr", "en",
                  target="The beneficiaries, natural of Mali, have 4 *plouffrages.",
                  origin=Origin.MT, state=State.DRAFT, unknown=("plouffrages",),
                  notes=(Note("unknown word originarios (originaires) → natural (fr-eo → eo-en)"),))
    src, tgt = unknown_marks(seg)
    assert {(seg.source[m.start:m.end], m.kind) for m in src} == {
        ("plouffrages", "unknown"), ("originaires", "retried")}
    assert {(seg.target[m.start:m.end], m.kind) for m in tgt} == {
        ("*plouffrages", "unknown"), ("plouffrages", "unknown"), ("natural", "retried")}
    issues = [Issue("number-missing", "error", "«3» is missing", seg.id, Span(44, 45, "3")),
              Issue("number-added", "warning", "«4» is new", seg.id, Span(41, 42, "4"))]
    qa_src, qa_tgt = issue_marks(seg, issues)
    assert [seg.source[m.start:m.end] for m in qa_src] == ["3"]
    assert [(seg.target[m.start:m.end], m.kind) for m in qa_tgt] == [("4", "qa-warning")]
    # Overlapping marks: the first given wins, and the text is kept whole.
    cell = marked("td", seg.target, [*qa_tgt, *tgt])
    assert cell.text_content() == seg.target
    assert [m.text for m in cell.iter("mark")] == ["natural", "4", "*plouffrages"]
    assert category(seg) == Category.MACHINE
    assert [category(replace(seg, state=s, origin=o)) for s, o in (
        (State.DRAFT, Origin.TM_FUZZY), (State.DRAFT, Origin.HUMAN), (State.TRANSLATED, Origin.MT),
        (State.REVIEWED, Origin.HUMAN), (State.FINAL, Origin.HUMAN))] == [
        Category.MEMORY, Category.HUMAN, Category.HUMAN, Category.REVIEWED, Category.FINAL]
    assert category(replace(seg, target="", state=State.UNTRANSLATED)) == Category.UNTRANSLATED


def test_inline_codes_say_what_they_stand_for(tmp_path) -> None:
    release = tmp_path / "communique-frontieres.html"
    shutil.copy(EXAMPLES / release.name, release)
    out = tmp_path / "locales"
    _run("translate", str(release), "--to", "es", "--engine", "pseudo", "--no-glossary",
         "--out", str(out), "--quiet")
    report = tmp_path / "report.html"
    _run("report", str(out), "--out", str(report), "--no-glossary", "--quiet")
    doc = html.parse(str(report)).getroot()
    assert doc.xpath("//td//mark[@class='m-term']") == []  # --no-glossary: no term highlights
    (row,) = [r for r in doc.xpath("//tr[contains(@class,'unit')]")
              if "Niamey" in r.xpath("string(td[contains(@class,'source')])")]
    for cell in row.xpath("td[contains(@class,'text')]"):
        codes = cell.xpath("mark[@class='m-code']")
        assert [m.text for m in codes] == ["<g1>", "</g1>"], cell.get("lang")
        assert {m.get("title") for m in codes} == {"inline code: bold text"}
    assert "<g1>…</g1> = bold text" in row.xpath("string(td[@class='findings'])")


def test_control_characters_are_shown_not_fatal() -> None:
    """lxml refuses C0 controls; a catalogue holding one still gets its page, offsets kept."""
    seg = Segment("r:b0s0:0", "Un\x07 bip de 12 €.", "fr", "en", target="A\x07 beep of 13 €.",
                  origin=Origin.MT, state=State.DRAFT)
    (release,) = build([(Path("r.po"), Catalogue("r\x01", "fr", "en", (seg,)))], glossary=None)
    page = html.fromstring(render([release]))
    target = page.xpath("//tr[contains(@class,'unit')]/td[contains(@class,'target')]")[0]
    assert target.text_content() == "A\ufffd beep of 13 €."
    assert "13 €" in [m.text for m in target.xpath("mark[@class='m-qa-warning']")]
