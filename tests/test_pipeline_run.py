"""`pipeline.translate_releases`: the run the CLI calls, usable from Python."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, needs_apertium

from toolkit.engines.base import Wrapper
from toolkit.errors import ConflictError, InputError
from toolkit.formats import read_file
from toolkit.pipeline import translate_releases
from toolkit.stack import build


class _Counting(Wrapper):
    """A real engine stack that counts how often it is asked to translate."""

    def __init__(self, inner) -> None:  # noqa: ANN001
        super().__init__(inner)
        self.calls: list[tuple[str, int]] = []

    def translate_batch(self, texts, src, tgt, *, n_best=1):  # noqa: ANN001, ANN201
        self.calls.append((tgt.code, len(texts)))
        return super().translate_batch(texts, src, tgt, n_best=n_best)


def _releases() -> list[Path]:
    return [EXAMPLES / "communique-retour-volontaire.txt", EXAMPLES / "communique-frontieres.html"]


@needs_apertium
def test_every_release_of_a_target_goes_to_the_engine_in_one_batch(tmp_path: Path) -> None:
    eng = _Counting(build("apertium"))
    run = translate_releases(_releases(), "fr", ["en", "es", "en"], engine=eng, out=tmp_path)
    assert [code for code, _ in eng.calls] == ["en", "es"]  # one batch per target, no repeat
    assert run.releases == 2 and len(run.written) == 8
    cats = [read_file(p) for p in run.written if p.suffix == ".po"]
    assert sum(len(c.segments) for c in cats) == run.units
    assert eng.calls[0][1] == run.units // 2
    en = read_file(tmp_path / "en" / "communique-retour-volontaire.po")
    assert any("voluntary return" in s.target.lower() for s in en.segments)


def test_a_second_run_sends_nothing_already_translated(tmp_path: Path) -> None:
    first = _Counting(build("pseudo", glossary=False))
    translate_releases(_releases(), "fr", ["en"], engine=first, out=tmp_path)
    again = _Counting(build("pseudo", glossary=False))
    run = translate_releases(_releases(), "fr", ["en"], engine=again, out=tmp_path,
                             require_previous=True)
    assert again.calls in ([], [("en", 0)])
    assert {name for name, _, _ in run.updates} == {"communique-retour-volontaire",
                                                    "communique-frontieres"}


def test_update_refuses_a_release_never_translated(tmp_path: Path) -> None:
    with pytest.raises(ConflictError, match="no previous catalogue"):
        translate_releases(_releases()[:1], "fr", ["en"], engine="pseudo", out=tmp_path,
                           require_previous=True)
    assert not any(tmp_path.iterdir())


def test_an_unknown_format_stops_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown format 'docx'"):
        translate_releases(_releases(), "fr", ["en"], engine="pseudo", out=tmp_path,
                           formats=["docx"])
    assert not any(tmp_path.iterdir())
