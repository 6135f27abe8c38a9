"""Big releases go chunk by chunk (toolkit.streamrun) and write the same catalogues."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEEDS, needs_apertium

from toolkit import streamrun
from toolkit.errors import InputError, ParseError
from toolkit.formats import read_file
from toolkit.ingest import load
from toolkit.langs import Lang
from toolkit.pipeline import segments_of, translate_releases

pytestmark = needs_apertium
_DATES = re.compile(rb'(Date: |date=")[0-9T:+ -]+Z?')


def _tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): _DATES.sub(rb"\1DATE", p.read_bytes())
            for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".toolkit")}


_RELEASES = [EXAMPLES / "communique-retour-volontaire.txt", EXAMPLES / "communique-frontieres.md",
             SEEDS[0]]


def _both(release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int,
          engine: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    copy = tmp_path / release.name
    shutil.copy(release, copy)  # the same recorded source path from both trees
    whole, streamed = tmp_path / "whole", tmp_path / "streamed"
    translate_releases([copy], "fr", ["en", "es"], out=whole, engine=engine)
    monkeypatch.setattr(streamrun, "STREAM_CHARS", 0)
    monkeypatch.setattr(streamrun, "CHUNK_CHARS", chunk)
    translate_releases([copy], "fr", ["en", "es"], out=streamed, engine=engine)
    return _tree(whole), _tree(streamed)


@pytest.mark.parametrize("release", _RELEASES, ids=lambda p: p.name)
def test_a_release_streamed_in_one_chunk_gets_the_bytes_of_the_whole_release_path(
        release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, streamed = _both(release, tmp_path, monkeypatch, 10**6, "apertium")
    assert len(whole) == 4 and streamed == whole


@pytest.mark.parametrize("release", _RELEASES, ids=lambda p: p.name)
def test_streamed_catalogues_cut_in_many_chunks_are_the_same_bytes(
        release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Chunks of a few paragraphs: many chunk boundaries. The pseudo engine drafts a
    # sentence alone (Apertium's tagger looks at the sentence before), so every byte
    # of the writers and of the chunking is compared, under the full stack of layers.
    assert len(streamrun.chunks(load(release), 400)) > 3
    whole, streamed = _both(release, tmp_path, monkeypatch, 400, "pseudo")
    assert len(whole) == 4 and streamed == whole


def _big_release(path: Path, size: int) -> Path:
    """A release of about ``size`` bytes from the test releases' sentences; the numbers
    change at each pass, so repeated sentences are not all the same units."""
    fr, en = Lang.parse("fr"), Lang.parse("en")
    sents = [s.source for p in SEEDS for s in segments_of(load(p), fr, en) if len(s.source) > 25]
    parts, n, turn = ["Rapport annuel des opérations\n"], 0, 0
    while n < size:
        for s in sents:
            line = re.sub(r"\d+", lambda m, t=turn: str(int(m.group()) + t), s) if turn else s
            parts.append(line + "\n\n")
            n += len(line.encode()) + 2
        turn += 1
    path.write_text("".join(parts), encoding="utf-8")
    return path


def test_a_two_megabyte_release_is_streamed_and_its_catalogues_read_back_whole(
        tmp_path: Path) -> None:
    release = _big_release(tmp_path / "rapport.txt", 2 << 20)
    doc = load(release)
    assert streamrun.is_big(doc)
    fr, en = Lang.parse("fr"), Lang.parse("en")
    units = [s for part in streamrun.chunks(doc) for s in segments_of(doc, fr, en, blocks=part)]
    said: list[str] = []
    result = translate_releases([release], "fr", ["en"], out=tmp_path / "o", progress=said.append)
    assert result.units == len(units)
    assert any("part 2 of" in line for line in said), said  # went chunk by chunk
    for suffix in (".po", ".xlf"):
        cat = read_file(tmp_path / "o" / "en" / f"rapport{suffix}")
        assert [s.id for s in cat.segments] == [s.id for s in units]
        assert [s.source for s in cat.segments] == [s.source for s in units]
        assert sum(bool(s.target) for s in cat.segments) > 0.99 * len(units)
    assert not [p for p in (tmp_path / "o" / "en").iterdir() if p.name.startswith(".")]


def test_a_big_release_is_not_written_as_xliff2_and_nothing_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streamrun, "STREAM_CHARS", 100)
    release = tmp_path / SEEDS[0].name
    shutil.copy(SEEDS[0], release)
    with pytest.raises(InputError, match="not xliff2"):
        translate_releases([release], "fr", ["en"], out=tmp_path / "o", engine="pseudo",
                           formats=["po", "xliff2"])
    assert not (tmp_path / "o" / "en").exists()


def test_an_html_page_over_its_limit_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    from toolkit.ingest.html import MAX_HTML_CHARS

    page = tmp_path / "page.html"
    para = "<p>Le programme prévoit une aide de 1 500 euros par personne.</p>\n"
    page.write_text("<html><body>" + para * (MAX_HTML_CHARS // len(para) + 1) + "</body></html>",
                    encoding="utf-8")
    with pytest.raises(InputError, match="HTML page of more than 4 MiB") as err:
        load(page)
    assert err.value.path is not None and Path(err.value.path) == page


def test_a_po_file_read_in_pieces_is_the_catalogue_read_whole_with_the_same_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.formats import po_chunks

    release = tmp_path / SEEDS[1].name
    shutil.copy(SEEDS[1], release)
    translate_releases([release], "fr", ["en"], out=tmp_path / "o", engine="pseudo",
                       formats=["po"])
    path = tmp_path / "o" / "en" / f"{release.stem}.po"
    whole = read_file(path)
    monkeypatch.setattr(po_chunks, "PIECE_LINES", 7)
    text = path.read_text("utf-8")
    assert len(list(po_chunks.pieces(text))) > 5
    assert read_file(path) == whole
    # Errors in a later piece name the line of the whole file.
    lines = text.split("\n")
    at = max(i for i, line in enumerate(lines) if line.startswith("msgstr "))
    broken = tmp_path / "broken.po"
    broken.write_text("\n".join(lines[:at] + ['msgstr "unterminated'] + lines[at + 1:]), "utf-8")
    with pytest.raises(ParseError) as err:
        read_file(broken)
    assert err.value.line == at + 1
