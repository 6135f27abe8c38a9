"""`--cluster`: Apertium pipelines on a real Dask cluster (two worker processes on loopback),
and `--jobs`: the run's cores. Both must leave every byte of the output as a local run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, needs_apertium
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.cpus import engine_options, limited

distributed = pytest.importorskip("distributed")

RELEASES = sorted((ROOT / "tests" / "data" / "releases").glob("*.txt")) + [
    ROOT / "examples" / "communique-retour-volontaire.txt",
    ROOT / "examples" / "communique-frontieres.html",
]
# Written at run time: the only bytes two runs may differ by.
_STAMPS = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*$|date="[^"]*"', re.M)


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): _STAMPS.sub(b"", p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".toolkit.lock"}


def _translate(out: Path, *extra: str) -> None:
    result = CliRunner().invoke(app, ["translate", *map(str, RELEASES), "--to", "en", "--to", "es",
                                      "--out", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as lc:
        with distributed.Client(lc) as client:
            yield lc.scheduler_address, client


def _worker_starts(client) -> dict[str, int]:
    def starts() -> int:
        from toolkit.engines import apertium as mod
        return sum(e.starts for e in mod._workers.values())
    return client.run(starts)


@needs_apertium
def test_cluster_output_is_the_local_output_byte_for_byte(tmp_path, cluster):
    address, client = cluster
    before = _worker_starts(client)
    _translate(tmp_path / "local")
    _translate(tmp_path / "remote", "--cluster", address)
    local, remote = _tree(tmp_path / "local"), _tree(tmp_path / "remote")
    assert sorted(local) == sorted(remote) and len(local) == 2 * 2 * len(RELEASES)
    for name in local:
        assert local[name] == remote[name], name
    # The pipelines really ran on the workers, on both (the batch was cut in chunks).
    after = _worker_starts(client)
    assert len(after) == 2 and all(after[w] > before.get(w, 0) for w in after), (before, after)


@needs_apertium
def test_update_through_the_cluster_keeps_the_local_result(tmp_path, cluster):
    address, _ = cluster
    release = tmp_path / "note.txt"
    release.write_text(RELEASES[0].read_text(encoding="utf-8"), encoding="utf-8")
    for out in ("a", "b"):
        assert CliRunner().invoke(app, ["translate", str(release), "--out", str(tmp_path / out),
                                        "-q"]).exit_code == 0
    release.write_text(release.read_text(encoding="utf-8").replace(
        "Douala", "Yaoundé"), encoding="utf-8")
    CliRunner().invoke(app, ["update", str(release), "--catalogues", str(tmp_path / "a"), "-q"])
    got = CliRunner().invoke(app, ["update", str(release), "--catalogues", str(tmp_path / "b"),
                                   "-q", "--cluster", address])
    assert got.exit_code == 0, got.output
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert "Yaoundé" in (tmp_path / "b" / "en" / "note.po").read_text(encoding="utf-8")


@needs_apertium
def test_workers_without_apertium_pairs_stop_the_run_before_any_write(tmp_path):
    empty = tmp_path / "modes"
    empty.mkdir()
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0",
                                  env={"APERTIUM_MODES_DIR": str(empty)}) as lc:
        result = CliRunner().invoke(app, ["translate", str(RELEASES[0]), "--out",
                                          str(tmp_path / "out"), "--cluster",
                                          lc.scheduler_address])
    assert result.exit_code == 5, result.output
    assert "on the cluster" in result.output and "no Apertium language pair" in result.output
    assert not list((tmp_path / "out").rglob("*.po"))


def test_unreachable_scheduler_is_an_engine_error(tmp_path):
    result = CliRunner().invoke(app, ["translate", str(RELEASES[0]), "--out", str(tmp_path / "o"),
                                      "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 5, result.output
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").rglob("*.po"))


def test_cluster_needs_apertium(tmp_path):
    result = CliRunner().invoke(app, ["translate", str(RELEASES[0]), "--engine", "pseudo",
                                      "--out", str(tmp_path), "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 3, result.output
    assert "cannot run the pseudo engine" in result.output


@needs_apertium
def test_jobs_one_is_the_default_output(tmp_path):
    _translate(tmp_path / "all")
    _translate(tmp_path / "one", "--jobs", "1")
    assert _tree(tmp_path / "all") == _tree(tmp_path / "one")


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
                    reason="needs CPU affinity and two cores")
def test_jobs_limit_the_cores_of_every_process_started_and_are_given_back():
    before = os.sched_getaffinity(0)
    with limited(1):
        child = subprocess.run([shutil.which("sh") or "/bin/sh", "-c",
                                "grep Cpus_allowed_list /proc/self/status"],
                               capture_output=True, text=True, check=True).stdout
        assert len(os.sched_getaffinity(0)) == 1
    allowed = child.split(":")[1].strip()
    assert re.fullmatch(r"\d+", allowed), child  # one core, not a range
    assert os.sched_getaffinity(0) == before


def test_jobs_count_cores_not_pipelines():
    assert engine_options("apertium", 1) == {"jobs": 1}
    assert engine_options("apertium", 2) == {"jobs": 1}  # one pipeline keeps two cores busy
    assert engine_options("apertium", 4) == {"jobs": 2}
    assert engine_options("argos", 3) == {"threads": 3}
    assert engine_options("pseudo", 3) == {}
    assert engine_options("apertium", None) == {}


def test_jobs_zero_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["translate", str(RELEASES[0]), "--out", str(tmp_path),
                                      "--jobs", "0"])
    assert result.exit_code == 2, result.output

