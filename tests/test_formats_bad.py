"""Every tests/cases/formats/bad.* file is refused with a ParseError naming the file, fast."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.errors import ParseError
from toolkit.model import Catalogue, Segment, State

CASES = ROOT / "tests" / "cases" / "formats"
BAD = sorted(CASES.glob("bad.*"))
# Expected words in the message, and the line the error must point at (None: whole file).
EXPECT = {
    "bad.billion-laughs.xlf": ("entity", 3),
    "bad.billion-laughs.xliff": ("entity", 3),
    "bad.external-entity.xlf": ("entity", 3),
    "bad.parameter-entity.xlf": ("entity", 3),
    "bad.deep-tree.xlf": ("depth", 6),
    "bad.unclosed.xlf": ("malformed", None),
    "bad.mismatched-tag.xliff": ("malformed", 6),
    "bad.duplicate-id.xlf": ("duplicate", 9),
    "bad.duplicate-id.xliff": ("duplicate", 10),
    "bad.two-files.xlf": ("more than one", 11),
    "bad.no-language.xlf": ("language", 3),
    "bad.no-trglang.xliff": ("trgLang", 2),
    "bad.not-xliff.xlf": ("not an XLIFF", 2),
    "bad.no-id.xlf": ("without id", 5),
    "bad.empty.xlf": ("empty", None),
    "bad.syntax.po": ("malformed", 13),
    "bad.unterminated.po": ("badly quoted", 13),
    "bad.duplicate-id.po": ("duplicate", 12),
    "bad.no-msgctxt.po": ("msgctxt", 12),
    "bad.no-language.po": ("Language", 1),
    "bad.unknown-language.po": ("Language", 1),
    "bad.no-header.po": ("header", 1),
    "bad.empty.po": ("empty", None),
    "bad.latin1.po": ("UTF-8", 9),
}


def test_every_case_has_an_expectation() -> None:
    assert {p.name for p in BAD} == set(EXPECT)


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_file_raises_parse_error(path: Path) -> None:
    words, line = EXPECT[path.name]
    start = time.perf_counter()
    with pytest.raises(ParseError) as err:
        formats.read_file(path)
    assert time.perf_counter() - start < 1.0
    assert err.value.path == str(path)
    assert words.lower() in err.value.message.lower(), err.value.message
    if line is not None:
        assert err.value.line == line, str(err.value)
    else:
        assert err.value.line is None or err.value.line >= 1


def test_entities_are_never_expanded_or_fetched() -> None:
    with pytest.raises(ParseError) as err:
        formats.read_file(CASES / "bad.external-entity.xlf")
    assert "root:" not in str(err.value)


def test_cli_import_of_bad_file_exits_3_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["import", str(CASES / "bad.billion-laughs.xlf"),
                                      "--out", str(out)])
    assert result.exit_code == 3
    assert "bad.billion-laughs.xlf:3" in result.output
    assert not out.exists()


@pytest.mark.parametrize("name, head", [
    ("huge.xlf", b'<?xml version="1.0"?>\n<xliff version="1.2">'),
    ("huge.po", b'msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'),
])
def test_oversized_catalogue_is_refused_before_parsing(tmp_path: Path, name: str,
                                                       head: bytes) -> None:
    from toolkit.xmlutil import MAX_BYTES

    path = tmp_path / name
    with path.open("wb") as fp:
        fp.write(head)
        fp.truncate(MAX_BYTES + 10)  # sparse: costs no disk
    start = time.perf_counter()
    with pytest.raises(ParseError, match="larger than"):
        formats.read_file(path)
    assert time.perf_counter() - start < 2.0


def test_missing_catalogue_is_a_parse_error(tmp_path: Path) -> None:
    for name in ("gone.po", "gone.xlf", "gone.xliff"):
        with pytest.raises(ParseError, match="no such file"):
            formats.read_file(tmp_path / name)


def test_po_plural_entry_is_refused_with_its_line(tmp_path: Path) -> None:
    import polib

    src = tmp_path / "ok.po"
    cat = Catalogue(name="r", src="fr", tgt="en", source_path="r.txt", segments=(
        Segment(id="r:b0s0:aaaa", source="Une phrase.", src="fr", tgt="en", target="A sentence.",
                state=State.TRANSLATED),
        Segment(id="r:b1s0:bbbb", source="Deux phrases.", src="fr", tgt="en", target="Two sentences.",
                state=State.TRANSLATED)))
    formats.write_file(cat, src, now=datetime(2025, 1, 1, tzinfo=UTC), tool="test", fmt="po")
    po = polib.pofile(str(src))
    po[1].msgid_plural, po[1].msgstr_plural, po[1].msgstr = "Des phrases.", {0: "x", 1: "y"}, ""
    po.save(str(src))
    with pytest.raises(ParseError, match="plural entry") as err:
        formats.read_file(src)
    assert err.value.line == po[1].linenum and err.value.path == str(src)


def _two_units(tmp_path: Path, fmt: str) -> Path:
    path = tmp_path / ("c.po" if fmt == "po" else "c.xlf")
    cat = Catalogue(name="r", src="fr", tgt="en", source_path="r.txt", segments=(
        Segment(id="r:b0s0:aaaa", source="Réintégration des migrants.", src="fr", tgt="en",
                target="Reintegration of migrants.", state=State.TRANSLATED),))
    formats.write_file(cat, path, now=datetime(2025, 1, 1, tzinfo=UTC), tool="test", fmt=fmt)
    return path


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_bom_and_decomposed_accents_read_as_the_same_text(tmp_path: Path, fmt: str) -> None:
    import unicodedata

    path = _two_units(tmp_path, fmt)
    expected = formats.read_file(path)
    text = path.read_text("utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", text).encode("utf-8"))
    assert "Re\u0301inte\u0301gration" in path.read_text("utf-8-sig")
    got = formats.read_file(path)
    assert [s.source for s in got.segments] == [s.source for s in expected.segments]
    assert got.segments[0].source == "Réintégration des migrants."


def test_entity_declaration_in_utf16_xml_is_refused(tmp_path: Path) -> None:
    from toolkit.xmlutil import parse

    hostile = tmp_path / "x.xlf"
    hostile.write_bytes('<?xml version="1.0" encoding="UTF-16"?>\n'
                        '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>\n<x>&a;</x>\n'.encode("utf-16"))
    assert b"<!ENTITY" not in hostile.read_bytes()  # the byte search alone would miss it
    with pytest.raises(ParseError, match="entity declarations"):
        with hostile.open("rb") as fp:
            parse(fp, hostile)
    with pytest.raises(ParseError, match="entity declarations"):
        formats.read_file(hostile)
