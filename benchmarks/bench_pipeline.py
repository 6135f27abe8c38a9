"""Whole-run throughput: `toolkit translate` on many releases vs the raw Apertium pipe.

    .venv/bin/python benchmarks/bench_pipeline.py [--sizes 1,10,50,200] [--skip-update]
                                                  [--variants jobs1,default,cluster]

Releases are generated from the sentences of /work/shared/seeds and the news
sentences of /work/shared/eval (newstest2013, flores dev), 20 distinct
sentences each (a title, then paragraphs of five), so no release repeats
another and the toolkit's cache cannot flatter it.

For each size the same French sentences (the toolkit's own segments of
those files) go fr→en through:

* ``toolkit translate FILES --from fr --to en`` as users run it (a fresh
  process, shipped glossary on, PO and XLIFF written), with ``--jobs 1``,
  with the defaults, and with ``--cluster`` on a local Dask cluster of two
  worker processes (started by this script on loopback);
* the raw pipe ``apertium fr-es | apertium spa-eng`` once per file (what a
  shell loop over the releases does);
* the raw pipe fed every sentence in one batch (the baseline: the fastest
  anyone can drive Apertium);
* the toolkit's default engine stack (glossary and drafting layers on) given
  every sentence in one batch from Python: what a run costs once the pipeline
  sends one batch per route, without ingest and catalogue writing.

Before the sizes: ``toolkit --help`` in a fresh process against bare Python.

Wall time, CPU time (user + system of the process tree), peak RSS of the
largest process, and throughput relative to the raw batched pipe
(``ratio`` = raw batched time / toolkit time; 1.0 means as fast).

For the largest size, the CPU budget of a default run (:mod:`cpu_budget`):
the main route's Apertium processes, the other routes (unknown-word
retries), dictionary lookups and Python, against the raw pipe's CPU, and
the best ratio that much CPU allows on this machine's cores.

Then: ``toolkit translate`` again after 1,000 consecutive sentences of a
1,200-sentence release changed (the update path), with the time of
:func:`toolkit.merge.update` alone, and ``toolkit qa --consistency`` over
the catalogues of the largest size.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared"))
PER_RELEASE = 20
RAW = "apertium fr-es | apertium spa-eng"
PY = sys.executable


def corpus() -> list[str]:
    """Distinct French sentences: seed releases first, then news sentences."""
    from toolkit.ingest import load_many
    from toolkit.langs import Lang
    from toolkit.pipeline import segments_of

    fr, en = Lang.parse("fr"), Lang.parse("en")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    sents = [s.source for doc in load_many(seeds) for s in segments_of(doc, fr, en)
             if len(s.source) > 25]
    for name in ("newstest2013.fr", "flores_dev.fr"):
        sents += (SHARED / "eval" / name).read_text("utf-8").splitlines()
    # One sentence per line and per segment: keep those the segmenter leaves whole.
    return [s for s in dict.fromkeys(x.strip() for x in sents)
            if s and re.search(r"[.!?»]$", s) and s.count(". ") == 0]


def make_releases(folder: Path, n: int, sents: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        chunk = [sents[(k * PER_RELEASE + i) % len(sents)] for i in range(PER_RELEASE)]
        title = chunk[0].rstrip(".")
        paras = ["\n".join(chunk[i:i + 5]) for i in range(1, PER_RELEASE, 5)]
        path = folder / f"communique-{k:04d}.txt"
        path.write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


class Tree:
    """CPU and peak RSS of children started between enter and exit (RUSAGE_CHILDREN)."""

    def __enter__(self) -> Tree:
        import resource

        self._r = resource
        self._u0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        u1 = self._r.getrusage(self._r.RUSAGE_CHILDREN)
        self.wall = time.perf_counter() - self._t0
        self.cpu = (u1.ru_utime - self._u0.ru_utime) + (u1.ru_stime - self._u0.ru_stime)
        self.rss = u1.ru_maxrss / 1024  # largest child so far; see measure()


def measure(func) -> tuple[float, float, float]:
    """Run ``func`` in a forked child so that CPU and peak RSS are this measurement's own.

    The figures are those of the processes ``func`` starts (the forked child's
    own Python is not counted).
    """
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: run, report through the pipe
        os.close(r)
        code = 0
        try:
            with Tree() as t:
                func()
            os.write(w, f"{t.wall} {t.cpu} {t.rss}".encode())
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            os.write(w, f"error {exc!r}"[:2000].encode())
            code = 1
        os._exit(code)
    os.close(w)
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    text = data.decode()
    if text.startswith("error"):
        raise SystemExit(text)
    wall, cpu, rss = (float(x) for x in text.split())
    return wall, cpu, rss


def _sh(cmd, **kw) -> None:
    res = subprocess.run(cmd, capture_output=True, **kw)
    if res.returncode:
        raise RuntimeError(f"{cmd!r} failed: {res.stderr.decode()[-1500:]}")


def toolkit_cmd(files: list[Path], out: Path, extra: list[str]) -> list[str]:
    return [PY, "-m", "toolkit", "translate", *map(str, files), "--from", "fr", "--to", "en",
            "--out", str(out), "--quiet", *extra]


def supports(option: str) -> bool:
    res = subprocess.run([PY, "-m", "toolkit", "translate", "--help"], capture_output=True,
                         text=True, env=_env())
    return option in res.stdout


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["COLUMNS"] = "200"
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalCluster:
    """`dask scheduler` and two `dask worker` processes on loopback, as the README says."""

    def __enter__(self) -> str:
        bindir = Path(PY).parent
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.procs = [subprocess.Popen(
            [str(bindir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
             "--no-dashboard"], env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
        time.sleep(1.5)
        for _ in range(2):
            self.procs.append(subprocess.Popen(
                [str(bindir / "dask"), "worker", self.address, "--nthreads", "1",
                 "--no-dashboard", "--memory-limit", "0"], env=_env(),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        from distributed import Client

        with Client(self.address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        return self.address

    def __exit__(self, *exc: object) -> None:
        for p in reversed(self.procs):
            p.terminate()
        for p in self.procs:
            p.wait(timeout=30)


def bench_size(n: int, sents: list[str], tmp: Path, variants: list[str],
               address: str | None) -> list[tuple[str, float, float, float]]:
    from toolkit.ingest import load_many
    from toolkit.langs import Lang
    from toolkit.pipeline import segments_of

    fr, en = Lang.parse("fr"), Lang.parse("en")
    files = make_releases(tmp / f"in{n}", n, sents)
    per_file = [[s.source for s in segments_of(doc, fr, en)] for doc in load_many(files)]
    rows = []
    env = _env()

    def raw_batched() -> None:
        data = "".join(s + "\n" for f in per_file for s in f).encode()
        _sh(RAW, shell=True, input=data)

    def raw_per_file() -> None:
        for f in per_file:
            _sh(RAW, shell=True, input="".join(s + "\n" for s in f).encode())

    sent_file = tmp / f"sentences{n}.txt"
    sent_file.write_text("".join(s + "\n" for f in per_file for s in f), encoding="utf-8")

    def stack_batched() -> None:
        # What one batch per run costs through the whole default stack (glossary on): the
        # library call the pipeline makes once it gathers every release's sentences.
        code = ("import sys; from pathlib import Path; from toolkit.langs import Lang; "
                "from toolkit.stack import build; "
                "texts = Path(sys.argv[1]).read_text('utf-8').splitlines(); "
                "build('apertium').translate_batch(texts, Lang.parse('fr'), Lang.parse('en'))")
        _sh([PY, "-c", code, str(sent_file)], env=env)

    rows.append(("raw pipe, one batch", *measure(raw_batched)))
    rows.append(("raw pipe, per file", *measure(raw_per_file)))
    rows.append(("toolkit stack, one batch", *measure(stack_batched)))
    for v in variants:
        extra = {"jobs1": ["--jobs", "1"], "default": [],
                 "cluster": ["--cluster", address or ""]}[v]
        if v == "cluster" and not address:
            continue
        out = tmp / f"out{n}-{v}"

        def tk(extra=extra, out=out) -> None:
            shutil.rmtree(out, ignore_errors=True)
            _sh(toolkit_cmd(files, out, extra), env=env)

        label = {"jobs1": "toolkit --jobs 1", "default": "toolkit (defaults)",
                 "cluster": "toolkit --cluster (2 workers)"}[v]
        rows.append((label, *measure(tk)))
    units = sum(map(len, per_file))
    print(f"\n{n} releases, {units} sentences, fr→en (via es)")
    base = rows[0][1]
    print(f"{'path':<32}{'wall s':>9}{'CPU s':>8}{'cores':>7}{'RSS MB':>8}{'sent/s':>9}"
          f"{'ratio':>8}")
    for label, wall, cpu, rss in rows:
        print(f"{label:<32}{wall:>9.2f}{cpu:>8.2f}{cpu / wall:>7.2f}{rss:>8.0f}"
              f"{units / wall:>9.1f}{base / wall:>7.2f}×")
    sys.stdout.flush()
    return rows


def bench_budget(n: int, tmp: Path, raw: tuple[str, float, float, float]) -> None:
    """Where the CPU of a default run over ``n`` releases goes (:mod:`cpu_budget`), and the
    fastest that CPU allows on this machine's cores against the raw batched pipe."""
    from cpu_budget import summary

    from toolkit.cpus import available
    from toolkit.engines.apertium import ApertiumEngine
    from toolkit.langs import Lang

    files = sorted((tmp / f"in{n}").glob("*.txt"))
    out, log = tmp / f"out{n}-budget", tmp / f"budget{n}.log"
    log.unlink(missing_ok=True)
    cmd = [PY, str(Path(__file__).with_name("cpu_budget.py")), str(log), "--",
           *toolkit_cmd(files, out, [])[3:]]
    wall, cpu, _ = measure(lambda: _sh(cmd, env=_env()))
    route = tuple(ApertiumEngine().route(Lang.parse("fr"), Lang.parse("en")))
    parts = summary(log, route)
    cores = available()
    engine = sum(s for _, s in parts.values())
    print(f"\nCPU budget of toolkit (defaults), {n} releases: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  {'where':<44}{'procs':>6}{'CPU s':>8}")
    for name in sorted(parts, key=lambda k: -parts[k][1]):
        label = f"{name} ({' | '.join(route)})" if name == "main route" else name
        print(f"  {label:<44}{parts[name][0]:>6}{parts[name][1]:>8.2f}")
    print(f"  {'Python (every process of the run)':<44}{'':>6}{cpu - engine:>8.2f}")
    print(f"  {'raw pipe, one batch (same sentences)':<44}{'':>6}{raw[2]:>8.2f}")
    floor = cpu / cores
    print(f"  on {cores} cores this CPU takes at least {floor:.2f} s: at best "
          f"{raw[1] / floor:.2f}x the raw pipe's {raw[1]:.2f} s; 0.8x needs at most "
          f"{cores * raw[1] / 0.8:.2f} s of CPU")


def bench_update(sents: list[str], tmp: Path) -> None:
    """A 1,200-sentence release, then the same with sentences 100–1,099 changed."""
    from toolkit.ingest import load_many
    from toolkit.langs import Lang
    from toolkit.merge import load_previous, update
    from toolkit.pipeline import segments_of

    fr, en = Lang.parse("fr"), Lang.parse("en")
    folder = tmp / "upd"
    folder.mkdir()
    base = sents[:1200]
    path = folder / "grand-communique.txt"

    def write(lines: list[str]) -> None:
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")

    write(base)
    out = tmp / "out-upd"
    env = _env()
    _sh(toolkit_cmd([path], out, []), env=env)
    changed = base[:100] + [re.sub(r"[.!?»]$", ", dit-on.", s) for s in base[100:1100]] \
        + base[1100:]
    write(changed)
    doc = load_many([path])[0]
    prev = load_previous(out, fr, en, doc.name)
    cur = segments_of(doc, fr, en)
    t0 = time.perf_counter()
    res = update(prev, cur)
    t_merge = time.perf_counter() - t0
    wall, cpu, rss = measure(lambda: _sh(toolkit_cmd([path], out, []), env=env))
    print(f"\nupdate: 1,200-sentence release, {len(res.changed)} changed in one block")
    print(f"  merge.update alone            {t_merge:8.2f} s")
    print(f"  toolkit translate (update run) {wall:7.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MB")


def bench_consistency(n: int, tmp: Path) -> None:
    out = tmp / f"out{n}-default"
    if not out.is_dir():
        out = next(tmp.glob(f"out{n}-*"), None)
    if out is None:
        return
    pos = sorted((out / "en").glob("*.po"))
    wall, cpu, rss = measure(lambda: subprocess.run(
        [PY, "-m", "toolkit", "qa", "--consistency", *map(str, pos)], env=_env(),
        capture_output=True))
    print(f"\nqa --consistency over {len(pos)} catalogues: {wall:.2f} s wall, {rss:.0f} MB")


def bench_startup(repeat: int = 5) -> None:
    """``toolkit --help`` in a fresh process, best of ``repeat``, against bare Python."""

    def best(cmd: list[str]) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, env=_env(), check=True)
            times.append(time.perf_counter() - t0)
        return min(times)

    bare = best([PY, "-c", "pass"])
    helptime = best([PY, "-m", "toolkit", "--help"])
    print(f"\nstartup: toolkit --help {helptime:.3f} s, bare python {bare:.3f} s "
          f"({helptime / bare:.1f}×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,10,50,200", help="comma-separated release counts")
    parser.add_argument("--variants", default="jobs1,default,cluster",
                        help="toolkit variants: jobs1, default, cluster")
    parser.add_argument("--skip-update", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "eval").is_dir():
        raise SystemExit(f"needs {SHARED}/eval and {SHARED}/seeds")
    sizes = [int(x) for x in args.sizes.split(",") if x]
    variants = [v for v in args.variants.split(",") if v]
    if "jobs1" in variants and not supports("--jobs"):
        print("(this toolkit has no --jobs: skipping that variant)")
        variants.remove("jobs1")
    if "cluster" in variants and not supports("--cluster"):
        print("(this toolkit has no --cluster: skipping that variant)")
        variants.remove("cluster")
    bench_startup()
    sents = corpus()
    print(f"corpus: {len(sents)} distinct sentences; {os.cpu_count()} cores; "
          f"{PER_RELEASE} sentences per release")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        results: dict[int, list[tuple[str, float, float, float]]] = {}
        if "cluster" in variants:
            with LocalCluster() as address:
                for n in sizes:
                    results[n] = bench_size(n, sents, tmp, variants, address)
        else:
            for n in sizes:
                results[n] = bench_size(n, sents, tmp, variants, None)
        bench_budget(max(sizes), tmp, results[max(sizes)][0])
        bench_consistency(max(sizes), tmp)
        if not args.skip_update:
            bench_update(sents, tmp)


if __name__ == "__main__":
    main()
