"""Work shared over forked copies: results in order, errors raised, no copy left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import all_reaped, needs_apertium

from toolkit import forks
from toolkit.errors import EngineError, InputError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_shares_cover_every_item_once_in_order() -> None:
    for n in range(0, 12):
        for parts in range(1, 6):
            runs = forks.shares(n, parts)
            assert [i for r in runs for i in r] == list(range(n))
            assert len(runs) == max(1, min(parts, n))
            assert max(map(len, runs)) - min(map(len, runs)) <= 1


def test_fork_map_gives_the_results_in_order_from_other_processes(forked_pids: list[int]) -> None:
    me = os.getpid()
    got = forks.fork_map(lambda x: (x * x, os.getpid() == me), list(range(10)), 3)
    assert [v for v, _ in got] == [x * x for x in range(10)]
    first = len(forks.shares(10, 3)[0])  # this process did the first share
    assert [here for _, here in got] == [True] * first + [False] * (10 - first)
    assert len(forked_pids) == 2 and all_reaped(forked_pids)


def test_one_part_or_one_item_forks_nothing(forked_pids: list[int]) -> None:
    assert forks.fork_map(str, [1, 2, 3], 1) == ["1", "2", "3"]
    assert forks.fork_map(str, [7], 4) == ["7"]
    assert forks.fork_map(str, [], 4) == []
    assert forked_pids == []


def test_an_error_in_a_copy_is_raised_here(forked_pids: list[int]) -> None:
    def work(x: int) -> int:
        if x == 5:
            raise InputError(f"item {x} is bad")
        return x

    with pytest.raises(InputError, match="item 5 is bad"):
        forks.fork_map(work, list(range(8)), 2)
    assert len(forked_pids) == 1 and all_reaped(forked_pids)


def test_an_error_here_stops_the_copies(forked_pids: list[int]) -> None:
    def work(x: int) -> int:
        if x == 0:
            raise ValueError("first share fails")
        return x

    with pytest.raises(ValueError, match="first share fails"):
        forks.fork_map(work, list(range(8)), 3)
    assert len(forked_pids) == 2 and all_reaped(forked_pids)


def test_an_error_that_cannot_be_pickled_becomes_an_engine_error(forked_pids: list[int]) -> None:
    class Local(Exception):  # a local class: pickling it fails
        pass

    def work(x: int) -> int:
        if x:
            raise Local("odd")
        return x

    with pytest.raises(EngineError, match="Local: odd"):
        forks.fork_map(work, [0, 1], 2)


def test_a_copy_that_dies_is_an_engine_error(forked_pids: list[int]) -> None:
    def work(x: int) -> int:
        if x:
            os._exit(3)
        return x

    with pytest.raises(EngineError, match="without an answer"):
        forks.fork_map(work, [0, 1], 2)
    assert all_reaped(forked_pids)


@needs_apertium
def test_catalogues_rendered_in_copies_are_those_rendered_here(
        monkeypatch: pytest.MonkeyPatch, forked_pids: list[int], tmp_path: Path) -> None:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("needs two cores")
    from toolkit import pipeline

    files = [EXAMPLES / "communique-retour-volontaire.txt", EXAMPLES / "communique-frontieres.md"]
    monkeypatch.setattr(pipeline, "RENDER_SHARE", 1)
    pipeline.translate_releases(files, "fr", ["en", "es"], out=tmp_path / "one", jobs=1)
    assert forked_pids == []  # one core: everything here
    pipeline.translate_releases(files, "fr", ["en", "es"], out=tmp_path / "two", jobs=2)
    assert forked_pids
    names = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").glob("*/*.*"))
    assert len(names) == len(files) * 2 * 2  # PO and XLIFF, two languages
    for name in names:
        a = (tmp_path / "one" / name).read_text("utf-8").splitlines()
        b = (tmp_path / "two" / name).read_text("utf-8").splitlines()
        keep = [x for x in a if "Date:" not in x and "date=" not in x]
        assert keep == [x for x in b if "Date:" not in x and "date=" not in x], name
