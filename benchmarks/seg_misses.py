"""List the segmenter's false and missed sentence boundaries on a dev set, with context.

Run: ``.venv/bin/python benchmarks/seg_misses.py [--lang fr] [--genre written] [--source Sequoia]``

Boundaries are scored as ``bench_segment.py`` scores them (non-space character
counts, the document end not scored). Each line shows the kind (``FP``: a cut
the gold has not, ``FN``: a gold boundary the segmenter missed), the source,
and the text around the place, ``||`` marking it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench_segment import ROOT, boundaries, eval_dir

sys.path.insert(0, str(ROOT))

from toolkit.segment import segment  # noqa: E402


def offset_of(text: str, count: int) -> int:
    """The offset in ``text`` just after its ``count``-th non-space character."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
            if seen == count:
                return i + 1
    return len(text)


def misses(docs: list[dict], lang: str, width: int = 70) -> tuple[list[str], int, int]:
    lines: list[str] = []
    fp = fn = 0
    for doc in docs:
        text = doc["doc"]
        gold = boundaries(doc["sentences"])
        ours = boundaries([s.text for s in segment(text, lang)])
        for kind, places in (("FP", ours - gold), ("FN", gold - ours)):
            for count in sorted(places):
                i = offset_of(text, count)
                lines.append(f"{kind} {doc['source']:<16} …{text[max(0, i - width):i]!r} || "
                             f"{text[i:i + width // 2]!r}")
            fp += len(places) if kind == "FP" else 0
            fn += len(places) if kind == "FN" else 0
    return lines, fp, fn


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--eval", type=Path, help="folder holding seg_dev_<lang>.jsonl")
    ap.add_argument("--genre", help="only documents of this genre (written, spoken)")
    ap.add_argument("--source", help="only documents whose source starts with this (GSD, Sequoia)")
    args = ap.parse_args(argv)
    path = eval_dir(args.eval) / f"seg_dev_{args.lang}.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = [d for d in docs if (not args.genre or d["genre"] == args.genre)
            and (not args.source or d["source"].startswith(args.source))]
    lines, fp, fn = misses(docs, args.lang)
    print("\n".join(lines))
    print(f"{len(docs)} documents: {fp} false splits, {fn} missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
