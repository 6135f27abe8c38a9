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


@needs_apertium
def test_an_archive_goes_in_groups_each_written_with_every_language(tmp_path: Path,
                                                                    monkeypatch) -> None:
    import toolkit.pipeline as pipeline

    monkeypatch.setattr(pipeline, "GROUP_CHARS", 1)  # every release a group of its own
    eng = _Counting(build("apertium"))
    run = translate_releases(_releases(), "fr", ["en", "es"], engine=eng, out=tmp_path / "g")
    # Per group, one batch per target, the targets of a group together.
    assert [code for code, _ in eng.calls] == ["en", "es", "en", "es"]
    assert len(run.written) == 8
    # A release first in its group reads as if translated alone: its draft does not depend on
    # which release came before it in the run.
    alone = translate_releases(_releases()[1:], "fr", ["en"], engine=build("apertium"),
                               out=tmp_path / "alone")
    grouped = read_file(tmp_path / "g" / "en" / "communique-frontieres.po")
    single = read_file(alone.written[0])
    assert [s.target for s in grouped.segments] == [s.target for s in single.segments]


@needs_apertium
def test_a_damaged_catalogue_in_a_later_group_stops_the_run_before_the_first_write(
        tmp_path: Path, monkeypatch) -> None:
    import toolkit.pipeline as pipeline
    from toolkit.errors import ToolkitError

    monkeypatch.setattr(pipeline, "GROUP_CHARS", 1)
    bad = tmp_path / "en" / "communique-frontieres.po"
    bad.parent.mkdir(parents=True)
    bad.write_text('msgid "x"\nmsgstr "y\n', encoding="utf-8")
    with pytest.raises(ToolkitError):
        translate_releases(_releases(), "fr", ["en"], out=tmp_path)
    assert not (tmp_path / "en" / "communique-retour-volontaire.po").exists()
