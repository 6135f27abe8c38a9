"""Translation memory, QA and alignment benchmarks: one command, figures on stdout.

    .venv/bin/python benchmarks/bench_memory.py [--sizes 10000 100000] [--queries 200]

* fuzzy lookup latency (median, p95) of :class:`toolkit.memory.Memory` at each
  size, against an exhaustive scan with ``rapidfuzz.distance.Levenshtein``
  (``process.extractOne`` over every entry, the fastest plain scan) in the
  same run, plus how often the indexed lookup finds the exhaustive best
  ``fuzz.ratio`` match (recall);
* QA throughput (units per second, shipped glossary on);
* alignment accuracy on the hand-made release pair in tests/cases/align.

Entries are synthesised from newstest2013 (fr/en) lines and variations of
them (words dropped, swapped, numbers changed, sentences joined).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from toolkit.memory import Memory, Unit, normalize  # noqa: E402


def _lines(name: str) -> list[str]:
    return (SHARED / "eval" / name).read_text(encoding="utf-8").splitlines()


def _vary(rng: random.Random, words: list[str]) -> list[str]:
    w = list(words)
    op = rng.randrange(4)
    if op == 0 and len(w) > 4:
        del w[rng.randrange(len(w))]
    elif op == 1 and len(w) > 4:
        i = rng.randrange(len(w) - 1)
        w[i], w[i + 1] = w[i + 1], w[i]
    elif op == 2:
        w.insert(rng.randrange(len(w) + 1), str(rng.randrange(2, 9999)))
    else:
        w[rng.randrange(len(w))] = rng.choice(["aussi", "toujours", "déjà", "encore", "très"])
    return w


def synthesize(n: int, seed: int = 13) -> list[Unit]:
    """``n`` distinct fr→en units built from newstest2013 and variations."""
    rng = random.Random(seed)
    fr, en = _lines("newstest2013.fr"), _lines("newstest2013.en")
    base = [(f, e) for f, e in zip(fr, en, strict=True) if f.strip() and e.strip()]
    seen, out = set(), []
    for f, e in base:
        if f not in seen:
            seen.add(f)
            out.append(Unit(f, e, "fr", "en", file="newstest2013"))
    while len(out) < n:
        f, e = rng.choice(base)
        if rng.random() < 0.2:
            f2, e2 = rng.choice(base)
            f, e = f + " " + f2, e + " " + e2
        words = f.split()
        for _ in range(rng.randrange(1, 4)):
            words = _vary(rng, words)
        f = " ".join(words)
        if f not in seen:
            seen.add(f)
            out.append(Unit(f, e, "fr", "en", file="synthetic"))
    return out[:n]


def _queries(units: list[Unit], k: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    near = [" ".join(_vary(rng, rng.choice(units).source.split())) for _ in range(k // 2)]
    unseen = [line for line in _lines("flores_dev.fr") if line.strip()][: k - len(near)]
    return near + unseen


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_lookup(size: int, n_queries: int, tmp: Path) -> dict[str, float]:
    units = synthesize(size)
    path = tmp / f"tm{size}.sqlite"
    t0 = time.perf_counter()
    with Memory(path) as tm:
        tm.add(units)
    build = time.perf_counter() - t0
    queries = _queries(units, n_queries)
    norms = [normalize(u.source) for u in units]
    ours, base, hits, agree, possible = [], [], 0, 0, 0
    with Memory(path) as tm:
        tm.fuzzy(queries[0], "fr", "en")  # warm the page cache once
        for q in queries:
            t = time.perf_counter()
            found = tm.fuzzy(q, "fr", "en", threshold=75, limit=1)
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            process.extractOne(normalize(q), norms, scorer=Levenshtein.normalized_similarity,
                               score_cutoff=0.75)
            base.append(time.perf_counter() - t)
            best = process.extractOne(normalize(q), norms, scorer=fuzz.ratio, score_cutoff=75)
            if best and best[1] < 100:
                possible += 1
                if found and abs(found[0].score - min(best[1], 99.0)) < 0.11:
                    agree += 1
            hits += bool(found)
    med, p95 = statistics.median(ours) * 1000, _pct(ours, 95) * 1000
    bmed, bp95 = statistics.median(base) * 1000, _pct(base, 95) * 1000
    return {"size": size, "build_s": build, "median_ms": med, "p95_ms": p95,
            "scan_median_ms": bmed, "scan_p95_ms": bp95, "speedup_median": bmed / med,
            "speedup_p95": bp95 / p95, "hits": hits, "queries": len(queries),
            "recall": agree / possible if possible else 1.0, "possible": possible}


def bench_qa(limit: int = 3000) -> dict[str, float]:
    from toolkit.glossary import load_default
    from toolkit.model import Segment
    from toolkit.qa.run import run_checks

    fr, en = _lines("newstest2013.fr"), _lines("newstest2013.en")
    segs = [Segment(id=str(i), source=f, target=e, src="fr", tgt="en")
            for i, (f, e) in enumerate(zip(fr[:limit], en[:limit], strict=True))]
    glossary = load_default()
    run_checks(segs[:10], glossary)  # build the glossary matchers outside the timing
    t = time.perf_counter()
    issues = run_checks(segs, glossary)
    elapsed = time.perf_counter() - t
    return {"units": len(segs), "seconds": elapsed, "units_per_s": len(segs) / elapsed,
            "issues": len(issues)}


def bench_align() -> dict[str, float]:
    from toolkit.align import accuracy, align_files, read_gold
    from toolkit.glossary import load_default

    case = ROOT / "tests" / "cases" / "align"
    gold = read_gold(case / "gold.tsv")
    out = {}
    for label, gloss in (("no_glossary", None), ("glossary", load_default())):
        pairs = align_files(case / "release_fr.txt", case / "release_en.txt", glossary=gloss)
        for k, v in accuracy(pairs, gold).items():
            out[f"{label}_{k}"] = v
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        for size in args.sizes:
            r = bench_lookup(size, args.queries, Path(d))
            print(f"memory {r['size']:>7} entries: build {r['build_s']:.1f} s | fuzzy lookup "
                  f"median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms | Levenshtein scan "
                  f"median {r['scan_median_ms']:.2f} ms, p95 {r['scan_p95_ms']:.2f} ms | "
                  f"speed-up ×{r['speedup_median']:.1f} (median), ×{r['speedup_p95']:.1f} (p95) | "
                  f"matches {r['hits']}/{r['queries']}, recall vs exhaustive ratio scan "
                  f"{r['recall']:.1%} of {r['possible']}")
    q = bench_qa()
    print(f"qa: {q['units']} units in {q['seconds']:.2f} s = {q['units_per_s']:.0f} units/s "
          f"({q['issues']} issues)")
    a = bench_align()
    print("align (hand-made pair): " + ", ".join(f"{k} {v:.2f}" for k, v in a.items()))


if __name__ == "__main__":
    main()
