"""English-source drafts: chrF/BLEU and glossary terms for en→fr and en→es.

    .venv/bin/python benchmarks/bench_english.py [--lines 300] [--json out.json]

Sets: the English press set in ``benchmarks/data/press-en`` (sentences in the
style of IOM's English releases, French and Spanish references written for
this benchmark) and the first N lines of newstest2013 and FLORES dev read in
the en→fr direction (``../shared/eval``). Rows: raw Apertium, the stack without
the glossary, and the full shipped stack. Terms: the share of the shipped
glossary's concepts found in the English source whose approved French or
Spanish rendering is in the draft (through inflection: the check folds number
and gender); forms: the share of those renderings written in the draft exactly
as the reference writes them (number, elision: "migrants bloqués", "l'OIM").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_glossary import term_scores  # noqa: E402

from toolkit.engines import create  # noqa: E402
from toolkit.glossary import DEPRECATED, Matcher, Verifier, load_default  # noqa: E402
from toolkit.langs import Lang  # noqa: E402
from toolkit.stack import build  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
PRESS = ROOT / "benchmarks" / "data" / "press-en"
EN = Lang.parse("en")


def _lines(path: Path, n: int | None = None) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    return lines[:n] if n else lines


def form_score(src: list[str], hyp: list[str], ref: list[str], glossary, tgt: str) -> float:
    """Share of the reference's term renderings (for concepts of the source) found in the
    draft exactly as written, case aside."""
    source = Matcher(glossary, "en", deprecated=False, resolve=True)
    target = Matcher(glossary, tgt)
    needed = found = 0
    for s, h, r in zip(src, hyp, ref, strict=True):
        ids = {m.concept.id for m in source.find(s)}
        for m in target.find(r):
            if m.concept.id in ids and m.term.status != DEPRECATED:
                needed += 1
                found += m.span.text.casefold() in h.casefold()
    return found / needed if needed else 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=300, help="lines of each news set")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    import sacrebleu

    sets = [("press", _lines(PRESS / "press.en"),
             {"fr": _lines(PRESS / "press.fr"), "es": _lines(PRESS / "press.es")})]
    for stem in ("newstest2013", "flores_dev"):
        if (EVAL / f"{stem}.en").is_file():
            sets.append((stem, _lines(EVAL / f"{stem}.en", args.lines),
                         {"fr": _lines(EVAL / f"{stem}.fr", args.lines)}))
    glossary = load_default()
    verifiers = {t: Verifier(glossary, "en", t) for t in ("fr", "es")}
    rows = [("raw apertium", create("apertium")), ("stack, no glossary", build(glossary=False)),
            ("full stack", build())]
    results = []
    for label, engine in rows:
        row: dict = {"stack": label}
        t0 = time.perf_counter()
        for name, src, refs in sets:
            for tgt, ref in refs.items():
                hyp = [o.text for o in engine.translate_batch(src, EN, Lang.parse(tgt))]
                key = f"{name}.{tgt}"
                row[key + ".chrF"] = round(sacrebleu.corpus_chrf(hyp, [ref]).score, 2)
                row[key + ".BLEU"] = round(sacrebleu.corpus_bleu(hyp, [ref]).score, 2)
                if name == "press":
                    s = term_scores(src, hyp, verifiers[tgt])
                    row[key + ".terms"] = round(s["term_accuracy"], 4)
                    row[key + ".forbidden"] = s["forbidden"]
                    row[key + ".forms"] = round(form_score(src, hyp, ref, glossary, tgt), 4)
        row["seconds"] = round(time.perf_counter() - t0, 1)
        results.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    cols = [c for c in results[0] if c != "stack"]
    print("| stack | " + " | ".join(c.replace("newstest2013", "news").replace("flores_dev", "flores")
                                     for c in cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for r in results:
        print(f"| {r['stack']} | " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
