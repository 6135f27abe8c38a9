"""PO → XLIFF 1.2 → XLIFF 2.1 → PO keeps every state, origin, note and previous version."""

from __future__ import annotations

import io
from dataclasses import fields, replace
from itertools import permutations

import pytest
from test_formats_exchange import NOW, TOOL, dump, load, rich_catalogue

from toolkit.model import Catalogue, Origin, Segment, State

CHECKED = ("id", "source", "target", "origin", "state", "block", "index", "ref", "notes",
           "comments", "unknown", "previous_source", "previous_target", "kind", "flags",
           "alternatives", "tags")


def _chain(cat: Catalogue, chain: tuple[str, ...]) -> Catalogue:
    for fmt in chain:
        cat = load(dump(cat, fmt), fmt)
    return cat


def test_po_xliff12_xliff21_po_keeps_everything() -> None:
    start = load(dump(rich_catalogue(), "po"), "po")
    end = _chain(start, ("xliff", "xliff2", "po"))
    assert end == start
    for a, b in zip(start.segments + start.obsolete, end.segments + end.obsolete, strict=True):
        for name in CHECKED:
            assert getattr(a, name) == getattr(b, name), (a.id, name)
    for name in ("name", "src", "tgt", "source_path", "fmt"):
        assert getattr(start, name) == getattr(end, name)


@pytest.mark.parametrize("chain", list(permutations(("po", "xliff", "xliff2"))))
def test_every_order_of_formats(chain: tuple[str, ...]) -> None:
    assert _chain(rich_catalogue(), chain) == rich_catalogue()


def test_the_round_trip_covers_every_state_and_origin() -> None:
    cat = rich_catalogue()
    assert {s.state for s in cat.segments} == set(State)
    assert {s.origin for s in cat.segments} == set(Origin)
    # and the fields the check compares are the Segment's, minus the pipeline-only spans
    # (base is the file's record of the last write, checked in test_threeway.py)
    assert set(CHECKED) | {"src", "tgt", "base"} == {f.name for f in fields(Segment)}


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("origin", [o for o in Origin if o != Origin.NONE])
def test_each_state_origin_pair(state: State, origin: Origin) -> None:
    seg = Segment(id="r:b0s0:0000abcd", source="Bonjour.", src="fr", tgt="es",
                  target="" if state == State.UNTRANSLATED else "Hola.", origin=origin,
                  state=state)
    cat = Catalogue(name="r", src="fr", tgt="es", segments=(seg,), source_path="r.txt")
    for fmt in ("po", "xliff", "xliff2"):
        back = load(dump(cat, fmt), fmt).segments[0]
        assert (back.state, back.origin) == (state, origin), fmt


def test_multiline_text_and_markup_like_characters() -> None:
    seg = Segment(id="r:b0s0:0000abcd", source='Ligne 1\nLigne <2> & "3"', src="fr", tgt="en",
                  target="Line 1\nLine <2> & \"3\"", origin=Origin.HUMAN, state=State.TRANSLATED,
                  comments=("a\\b",), notes=("x\ny",))
    cat = Catalogue(name="r", src="fr", tgt="en", segments=(seg,), source_path="r.txt")
    assert _chain(cat, ("po", "xliff", "xliff2", "po")) == cat


def test_regional_target_language() -> None:
    cat = replace(rich_catalogue(), tgt="en-GB")
    cat = replace(cat, segments=tuple(replace(s, tgt="en-GB") for s in cat.segments),
                  obsolete=tuple(replace(s, tgt="en-GB") for s in cat.obsolete))
    assert _chain(cat, ("po", "xliff", "xliff2")) == cat
    assert b"Language: en_GB" in dump(cat, "po")


def test_writer_accepts_naive_clock() -> None:
    naive = NOW.replace(tzinfo=None)
    buf = io.BytesIO()
    from toolkit import formats

    formats.get("po").write(rich_catalogue(), buf, now=naive, tool=TOOL)
    assert b"PO-Revision-Date: 2024-10-04 12:30+0000" in buf.getvalue()
