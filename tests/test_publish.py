"""Publishing reviewed catalogues back into text, HTML and Markdown releases."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.drafting.numbers import localise_source, restore
from toolkit.errors import ConflictError
from toolkit.formats import write_file
from toolkit.ingest import load
from toolkit.inline import CODE
from toolkit.langs import Lang
from toolkit.model import Catalogue, State
from toolkit.pipeline import translate_document
from toolkit.publish import publish
from toolkit.stack import build

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases" / "publish"
SEED = ROOT / "tests" / "data" / "releases" / "s01-douala-operation.txt"
HTML = ROOT / "examples" / "communique-frontieres.html"
MD = ROOT / "examples" / "communique-frontieres.md"
NOW = datetime(2025, 4, 1, 12, 0, tzinfo=UTC)
SOURCES = [SEED, HTML, MD, CASES / "nested.html", CASES / "tricky.md"]


MONTHS = {"avril": "April", "mai": "May", "juin": "June"}  # the fixtures' months
KEPT = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+")  # what a translation copies verbatim


def fake(text: str) -> str:
    """A 'translation' that upper-cases the words and keeps every code, e-mail, URL and
    handle where it was, and writes numbers the English way (publishing refuses a changed
    address or a number it cannot read back)."""
    text = re.sub(r"(?<=\d )(avril|mai|juin)\b", lambda m: MONTHS[m[1]], text)
    loc = localise_source(text, "en")  # numbers as an English translation writes them
    parts = re.split(f"({CODE.pattern}|{KEPT.pattern})", loc.masked)
    return restore("".join(p if CODE.fullmatch(p) or KEPT.fullmatch(p) else p.upper() for p in parts
                   if p is not None and not re.fullmatch(r"/?|[gx]|\d+", p)), loc.values)


def catalogue(source: Path, *, state: State = State.TRANSLATED, engine: str = "pseudo",
              tgt: str = "en", translate=fake) -> Catalogue:  # noqa: ANN001
    cat = translate_document(load(source), build(engine, glossary=False), Lang.parse("fr"),
                             Lang.parse(tgt))
    segs = tuple(replace(s, target=translate(s.source) if translate else s.target, state=state)
                 for s in cat.segments)
    return replace(cat, segments=segs)


def write(cat: Catalogue, path: Path) -> Path:
    # fmt given: sniffing XLIFF 1.2 vs 2.x reads the file, which does not exist yet
    write_file(cat, path, now=NOW, tool="toolkit test",
               fmt="xliff" if path.suffix == ".xlf" else "po")
    return path


def test_fake_keeps_codes() -> None:
    assert fake("Voir <g1>le site</g1>.<x2/>") == "VOIR <g1>LE SITE</g1>.<x2/>"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
@pytest.mark.parametrize("suffix", [".po", ".xlf"])
def test_structure_is_kept(source: Path, suffix: str, tmp_path: Path) -> None:
    cat = catalogue(source)
    out = publish(write(cat, tmp_path / f"{source.stem}{suffix}"), source)
    assert out == tmp_path / f"{source.stem}.en{source.suffix}"
    before, after = load(source), load(out)
    assert [b.kind for b in after.blocks] == [b.kind for b in before.blocks]
    assert [b.prefix for b in after.blocks] == [b.prefix for b in before.blocks]
    for b, a in zip(before.blocks, after.blocks):
        assert [c.open for c in a.codes] == [c.open for c in b.codes]
        if b.translate and b.text:
            assert a.text == fake(b.text).strip(), b.line
        else:
            assert a.text == b.text


def test_text_layout(tmp_path: Path) -> None:
    out = publish(write(catalogue(SEED), tmp_path / "seed.po"), SEED)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("PROTÉGER LES VICTIMES")  # chrome before the title stays dropped
    assert "***" in lines
    assert sum(line.startswith("- ") for line in lines) == 2
    assert all("Qui sommes nous" not in line for line in lines)


def test_html_page_kept_content_translated(tmp_path: Path) -> None:
    out = publish(write(catalogue(HTML), tmp_path / "c.po"), HTML)
    page = lxml.html.parse(str(out)).getroot()
    assert page.get("lang") == "en"
    assert page.find("head/title").text.startswith("GESTION DES FRONTIÈRES")
    header = page.find(".//header")  # chrome is kept, untranslated, and marked as French
    assert header.get("lang") == "fr" and "Qui sommes-nous" in header.text_content()
    source = lxml.html.parse(str(HTML)).getroot()
    assert [e.tag for e in page.iter() if isinstance(e.tag, str)] == \
        [e.tag for e in source.iter() if isinstance(e.tag, str)]
    span = page.find(".//span[@translate='no']")
    assert span.text == "MIDAS"
    links = [a.get("href") for a in page.iter("a")]
    assert links == [a.get("href") for a in source.iter("a")]
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_charset_becomes_utf8(tmp_path: Path) -> None:
    src = CASES / "nested.html"
    out = publish(write(catalogue(src), tmp_path / "n.po"), src)
    page = lxml.html.parse(str(out)).getroot()
    assert page.find("head/meta").get("charset") == "utf-8"
    assert page.find(".//p[@translate='no']").text == "Forum régional sur la mobilité – FRM 2025"
    assert "Badge n° 0042" in page.find(".//pre").text


def test_markdown_verbatim_parts_are_byte_identical(tmp_path: Path) -> None:
    src = CASES / "tricky.md"
    out = publish(write(catalogue(src), tmp_path / "t.po"), src)
    text = out.read_text(encoding="utf-8")
    source = src.read_text(encoding="utf-8")
    for verbatim in ('+++\ntitre = "Note aux rédactions"\n+++', "| Lundi | 9 h   |",
                     '<div class="encadre">\nBloc HTML laissé tel quel.\n</div>',
                     "    code indenté laissé tel quel", "`config_presse.yml`",
                     '[FORMULAIRE](https://example.org/f "Formulaire")', "### CONTACT ###",
                     "====", "> SECOND PARAGRAPHE CITÉ."):
        assert verbatim in text, verbatim
    assert text.endswith("\n") and source.endswith("\n")


def test_refuses_drafts_then_allows(tmp_path: Path) -> None:
    po = write(catalogue(HTML, state=State.DRAFT), tmp_path / "c.po")
    n = len(catalogue(HTML).segments)
    with pytest.raises(ConflictError) as err:
        publish(po, HTML)
    assert f"{n} of {n} unit(s)" in str(err.value)
    assert not list(tmp_path.glob("*.en.html"))
    out = publish(po, HTML, allow_drafts=True)
    assert out.exists()


def test_missing_translation_keeps_source_and_warns(tmp_path: Path) -> None:
    cat = catalogue(MD)
    segs = list(cat.segments)
    segs[3] = replace(segs[3], target="", state=State.UNTRANSLATED)
    po = write(replace(cat, segments=tuple(segs)), tmp_path / "m.po")
    warnings: list[str] = []
    out = publish(po, MD, tmp_path / "out.md", allow_drafts=True, warn=warnings.append)
    assert len(warnings) == 1 and "untranslated" in warnings[0]
    assert "Il a été financé par le [Fonds de soutien" in out.read_text(encoding="utf-8")


def test_falls_back_to_source_text_when_ids_changed(tmp_path: Path) -> None:
    cat = catalogue(HTML)
    segs = tuple(replace(s, id=f"ancien:{i}") for i, s in enumerate(cat.segments))
    po = write(replace(cat, segments=segs), tmp_path / "c.po")
    warnings: list[str] = []
    out = publish(po, HTML, warn=warnings.append)
    assert not warnings
    assert "GESTION DES FRONTIÈRES" in out.read_text(encoding="utf-8")


def test_source_found_from_catalogue_header(tmp_path: Path) -> None:
    po = write(catalogue(MD), tmp_path / "locales" / "en" / "communique-frontieres.po")
    assert publish(po).name == "communique-frontieres.en.md"


def test_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    po = write(catalogue(HTML, state=State.DRAFT), tmp_path / "c.po")
    result = runner.invoke(app, ["publish", str(po), "--source", str(HTML)])
    assert result.exit_code == 6 and "--allow-drafts" in result.output
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["publish", str(po), "--source", str(HTML), "--out", str(out),
                                 "--allow-drafts"])
    assert result.exit_code == 0, result.output
    assert lxml.html.parse(str(out)).getroot().get("lang") == "en"
    result = runner.invoke(app, ["publish"])
    assert result.exit_code == 2


@pytest.mark.skipif(not Path("/usr/share/apertium/modes/fr-es.mode").exists(),
                    reason="apertium fr-es is not installed")
def test_apertium_keeps_inline_codes(tmp_path: Path) -> None:
    cat = catalogue(HTML, engine="apertium", tgt="es", translate=None, state=State.DRAFT)
    with_codes = [s for s in cat.segments if CODE.search(s.source)]
    assert len(with_codes) >= 5
    for seg in with_codes:
        assert sorted(CODE.findall(seg.target)) == sorted(CODE.findall(seg.source)), seg.target
    out = publish(write(cat, tmp_path / "c.xlf"), HTML, allow_drafts=True)
    page = lxml.html.parse(str(out)).getroot()
    assert page.get("lang") == "es"
    notice = page.find("body/div[@role='note']")  # machine drafts say so, first in the body
    assert notice is not None and notice.get("lang") == "es"
    assert notice.text == "Traducción automática, aún no revisada por un traductor."
    notice.drop_tree()
    source = lxml.html.parse(str(HTML)).getroot()
    assert [e.tag for e in page.iter() if isinstance(e.tag, str)] == \
        [e.tag for e in source.iter() if isinstance(e.tag, str)]
    assert "Gestión" in page.find(".//h1").text_content()
