"""Apertium throughput: toolkit's engine stack vs the raw pipe vs one process per sentence.

Run: .venv/bin/python benchmarks/bench_apertium.py

Text: the sentences of the seed releases and examples, plus the first 900
lines of newstest2013.fr (about 1,000 unique sentences).

Baseline: ``apertium fr-es | apertium spa-eng`` fed all sentences at once
(the fastest anyone can drive Apertium from a shell). The toolkit path is
``toolkit.stack.build("apertium", glossary=False)``: span protection,
batching, mark stripping. "Per sentence" starts the pipe once per sentence,
what a naive wrapper does.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.ingest import load_many  # noqa: E402
from toolkit.langs import Lang  # noqa: E402
from toolkit.pipeline import segments_of  # noqa: E402
from toolkit.stack import build  # noqa: E402

FR, EN = Lang.parse("fr"), Lang.parse("en")


def sentences() -> list[str]:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    files = seeds + sorted((ROOT / "examples").glob("*.txt"))
    release = [s.source for doc in load_many(files) for s in segments_of(doc, FR, EN)]
    news = (ROOT.parent / "shared" / "eval" / "newstest2013.fr").read_text("utf-8").splitlines()
    return release + news[:900]


def best_of(n: int, func) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # Unique sentences only: the toolkit's cache would otherwise skip repeats
    # and flatter it.
    sents = list(dict.fromkeys(sentences()))
    data = "\n".join(sents) + "\n"

    def raw() -> None:
        subprocess.run("apertium fr-es | apertium spa-eng", shell=True, input=data,
                       capture_output=True, text=True, check=True)

    def toolkit() -> None:
        build("apertium", glossary=False).translate_batch(sents, FR, EN)

    sample = sents[:40]

    def per_sentence() -> None:
        for s in sample:
            subprocess.run("apertium fr-es | apertium spa-eng", shell=True, input=s + "\n",
                           capture_output=True, text=True, check=True)

    t_raw = best_of(args.runs, raw)
    t_tk = best_of(args.runs, toolkit)
    t_one = best_of(1, per_sentence)
    r_raw, r_tk, r_one = len(sents) / t_raw, len(sents) / t_tk, len(sample) / t_one
    print(f"sentences: {len(sents)} ({len(data)} chars), fr→en via es, best of {args.runs}")
    print(f"{'path':<28}{'sent/s':>10}{'vs raw pipe':>14}")
    print(f"{'raw apertium pipe (baseline)':<28}{r_raw:>10.1f}{1.0:>13.2f}×")
    print(f"{'toolkit apertium engine':<28}{r_tk:>10.1f}{r_tk / r_raw:>13.2f}×")
    print(f"{'one process per sentence':<28}{r_one:>10.1f}{r_one / r_raw:>13.2f}×")
    print(f"toolkit vs per-sentence: {r_tk / r_one:.1f}×")


if __name__ == "__main__":
    main()
