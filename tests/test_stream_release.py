"""Big releases go chunk by chunk (toolkit.streamrun) and write the same catalogues."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEEDS, needs_apertium

from toolkit import streamrun
from toolkit.formats import read_file
from toolkit.ingest import load
from toolkit.langs import Lang
from toolkit.pipeline import segments_of, translate_releases

pytestmark = needs_apertium
ROOT = Path(__file__).resolve().parents[1]
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
