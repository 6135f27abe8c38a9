"""One big plain-text release: wall time and peak memory of `toolkit translate` against the raw pipe.

    .venv/bin/python benchmarks/bench_bigrelease.py [--sizes 5,20,50] [--no-raw] [--keep DIR]

For each size (MB) a release is generated from the seeds and news sentences
(:mod:`bigrelease_data`; numbers change at each pass over the corpus) and
translated fr→en as users run it: ``toolkit translate FILE --from fr --to en``
in a fresh process (shipped glossary on, PO and XLIFF written). Measured:

* wall time;
* peak RSS of the toolkit's Python process (its own ``getrusage``; a child's
  ``ru_maxrss`` would count the parent's pages at the moment it forked);
* peak memory of its Apertium processes together (summed PSS: dictionaries mapped by several
  processes count once), sampled from /proc every 0.2 s;
* the catalogues' sizes, and reading them back (``toolkit status``), time and peak RSS;
* the raw pipe ``apertium fr-es | apertium spa-eng`` over the same sentences
  (the toolkit's own segments, one per line) in one batch, and the ratio
  (raw time / toolkit time; 1.0 means as fast).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
PY = sys.executable
RAW = "apertium fr-es | apertium spa-eng"
# Runs a command of the toolkit and reports the process's own peak RSS (KiB) to a file.
_WRAP = """
import resource, runpy, sys
report, sys.argv = sys.argv[1], ["toolkit", *sys.argv[2:]]
try:
    runpy.run_module("toolkit", run_name="__main__")
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
open(report, "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(code)
"""


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _parents() -> dict[int, int]:
    """Every process: pid → parent pid."""
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fp:
                out[int(entry)] = int(fp.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return out


def _pss(pid: int) -> int:
    """Proportional set size in KiB: a dictionary file mapped by several hops counts once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fp:
            for line in fp:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Sampler(threading.Thread):
    """Peak of the summed PSS of ``pid``'s descendants (not ``pid`` itself)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            procs = _parents()
            below, frontier = set(), {self.pid}
            while frontier:
                frontier = {p for p, pp in procs.items() if pp in frontier} - below
                below |= frontier
            self.peak = max(self.peak, sum(map(_pss, below)))


def run(cmd: list[str], **kw) -> tuple[float, int]:
    """Wall time and peak summed PSS (KiB) of ``cmd``'s descendants."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, **kw)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    sampler.done.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{cmd[:4]} failed: {err.decode()[-2000:]}")
    return time.perf_counter() - t0, sampler.peak


def toolkit(args: list[str], tmp: Path) -> tuple[float, int, int]:
    """Wall time, the toolkit process's peak RSS and its descendants' (KiB)."""
    report = tmp / "rss"
    wall, below = run([PY, "-c", _WRAP, str(report), *args])
    return wall, int(report.read_text()), below


def sentences(release: Path, lines: Path) -> int:
    """The toolkit's segments of ``release``, one per line, chunk by chunk (bounded memory)."""
    from toolkit.ingest import load
    from toolkit.langs import Lang
    from toolkit.streamrun import chunks
    from toolkit.units import segments_of

    fr, en = Lang.parse("fr"), Lang.parse("en")
    doc, n = load(release), 0
    with lines.open("w", encoding="utf-8") as fp:
        for part in chunks(doc):
            segs = segments_of(doc, fr, en, blocks=part)
            fp.write("".join(s.source.replace("\n", " ") + "\n" for s in segs))
            n += len(segs)
    return n


def bench(mb: float, tmp: Path, raw: bool) -> dict:
    from bench_pipeline import corpus
    from bigrelease_data import make_release

    release = make_release(tmp / f"rapport-{mb:g}mb.txt", int(mb * 2**20), corpus())
    out = tmp / f"out-{mb:g}"
    shutil.rmtree(out, ignore_errors=True)  # a first translation, not a rerun keeping drafts
    row: dict = {"MB": mb, "bytes": release.stat().st_size}
    wall, rss, below = toolkit(["translate", str(release), "--from", "fr", "--to", "en",
                                "--out", str(out), "--quiet"], tmp)
    row.update(toolkit_s=round(wall, 1), toolkit_rss_mb=rss // 1024,
               apertium_pss_mb=below // 1024)
    for p in sorted((out / "en").iterdir()):
        row[f"{p.suffix[1:]}_mb"] = round(p.stat().st_size / 2**20, 1)
    wall, rss, _ = toolkit(["status", str(out), "--json"], tmp)
    row.update(status_s=round(wall, 1), status_rss_mb=rss // 1024)
    if raw:
        lines = tmp / f"lines-{mb:g}.txt"
        row["sentences"] = sentences(release, lines)
        with lines.open("rb") as fp:
            wall, below = run(["sh", "-c", RAW], stdin=fp)
        row.update(raw_s=round(wall, 1), raw_pss_mb=below // 1024,
                   ratio=round(wall / row["toolkit_s"], 2))
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="5,20,50", help="release sizes in MB, comma-separated")
    ap.add_argument("--no-raw", action="store_true", help="skip the raw Apertium pipe")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = ap.parse_args()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="bigrelease-"))
    tmp.mkdir(parents=True, exist_ok=True)
    rows = []
    for mb in (float(x) for x in args.sizes.split(",")):
        rows.append(bench(mb, tmp, not args.no_raw))
        print(json.dumps(rows[-1]), flush=True)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    print("\n| " + " | ".join(keys) + " |\n|" + "---|" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")
    if args.keep is None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
