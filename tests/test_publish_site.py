"""The static multilingual site: pages per language, hreflang alternates, a switcher."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
import pytest
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import ConflictError
from toolkit.formats import write_file
from toolkit.ingest import load
from toolkit.langs import Lang
from toolkit.model import State
from toolkit.pipeline import translate_document
from toolkit.publish import build_site
from toolkit.stack import build

ROOT = Path(__file__).resolve().parents[1]
RELEASES = [ROOT / "examples" / "communique-frontieres.html",
            ROOT / "tests" / "cases" / "publish" / "tricky.md",
            ROOT / "tests" / "data" / "releases" / "s01-douala-operation.txt"]
NOW = datetime(2025, 4, 1, tzinfo=UTC)


def locales(tmp_path: Path, state: State = State.TRANSLATED) -> Path:
    tree = tmp_path / "locales"
    engine = build("pseudo", glossary=False)
    for source in RELEASES:
        for tgt, fmt, suffix in (("en", "po", ".po"), ("es", "xliff", ".xlf")):
            cat = translate_document(load(source), engine, Lang.parse("fr"), Lang.parse(tgt))
            cat = replace(cat, segments=tuple(replace(s, state=state) for s in cat.segments))
            write_file(cat, tree / tgt / f"{source.stem}{suffix}", now=NOW, tool="test", fmt=fmt)
    return tree


def test_site_pages_alternates_and_switcher(tmp_path: Path) -> None:
    pages = build_site(locales(tmp_path), tmp_path / "site")
    site = tmp_path / "site"
    langs = ["fr", "en", "es"]
    assert len(pages) == len(RELEASES) * 3 + 3 + 1
    for lang in langs:
        for source in RELEASES:
            assert (site / lang / f"{source.stem}.html").is_file()
    for page in pages:
        raw = page.read_bytes()
        assert raw.startswith(b"<!DOCTYPE html>")
        raw.decode("utf-8")
        root = lxml.html.document_fromstring(raw)
        assert root.get("lang") in langs
        assert root.find("head/meta").get("charset") == "utf-8"
        alternates = {e.get("hreflang"): e.get("href")
                      for e in root.iterfind("head/link[@rel='alternate']")}
        assert set(alternates) == {*langs, "x-default"}, page
        switcher = root.find(".//nav[@class='languages']")
        assert switcher is not None
        assert len(switcher.findall(".//li")) == 3
        assert switcher.find(".//*[@aria-current='page']").get("lang") == root.get("lang")
        for el in root.iter("a", "link"):
            href = el.get("href")
            if urlparse(href).scheme or href.startswith("#"):
                continue
            assert not href.startswith("/"), href  # relative links only
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_site_page_content(tmp_path: Path) -> None:
    build_site(locales(tmp_path), tmp_path / "site")
    en = lxml.html.parse(str(tmp_path / "site" / "en" / "communique-frontieres.html")).getroot()
    fr = lxml.html.parse(str(tmp_path / "site" / "fr" / "communique-frontieres.html")).getroot()
    assert fr.find(".//h1").text_content().startswith("Gestion des frontières")
    assert en.find(".//h1").text_content() != fr.find(".//h1").text_content()
    assert [e.tag for e in en.find(".//main").iter()] == [e.tag for e in fr.find(".//main").iter()]
    assert en.find(".//main//strong") is not None and en.find(".//main//a[@href]") is not None
    assert en.find(".//section[@class='contact']") is not None
    md = lxml.html.parse(str(tmp_path / "site" / "en" / "tricky.html")).getroot()
    assert md.find(".//main//code").text == "config_presse.yml"  # Markdown code → <code>
    assert md.find(".//main//a[@href='https://example.org/f']") is not None


def test_site_refuses_drafts(tmp_path: Path) -> None:
    tree = locales(tmp_path, State.DRAFT)
    with pytest.raises(ConflictError) as err:
        build_site(tree, tmp_path / "site")
    assert "en/communique-frontieres.po" in str(err.value)
    assert not (tmp_path / "site").exists()
    result = CliRunner().invoke(app, ["publish", "--site", str(tree), "--out",
                                      str(tmp_path / "site"), "--allow-drafts", "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "es" / "index.html").is_file()


def test_site_finds_sources_by_name(tmp_path: Path) -> None:
    tree = locales(tmp_path)
    moved = tmp_path / "sources"
    moved.mkdir()
    for source in RELEASES:
        (moved / source.name).write_bytes(source.read_bytes())
    for po in tree.rglob("*.*"):  # the recorded paths no longer exist
        po.write_text(po.read_text(encoding="utf-8").replace(str(ROOT.parent), "/nulle/part"),
                      encoding="utf-8")
    result = CliRunner().invoke(app, ["publish", "--site", str(tree), "--out",
                                      str(tmp_path / "s1")])
    assert result.exit_code == 3, result.output
    result = CliRunner().invoke(app, ["publish", "--site", str(tree), "--out",
                                      str(tmp_path / "s2"), "--sources", str(moved)])
    assert result.exit_code == 0, result.output
