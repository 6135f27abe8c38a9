"""Glossary enforcement benchmark: term accuracy, forbidden renderings and chrF.

    .venv/bin/python benchmarks/bench_glossary.py [--lines 300] [--json out.json]

Term accuracy is the share of source term occurrences (glossary concepts found in
``benchmarks/data/terms_fr.txt``) whose approved rendering appears in the output;
"forbidden" counts deprecated renderings present. Measured for Apertium fr→en
(via es) and fr→es, and for the pseudo engine when registered, without the
glossary and with each enforcement strategy. chrF (sacrebleu) is measured on the
first N lines of newstest2013 and FLORES dev (fr→en, Apertium) with and without
the glossary, to see that enforcement does not hurt the rest of the sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.engines import create, names  # noqa: E402
from toolkit.errors import ToolkitError  # noqa: E402
from toolkit.glossary import (  # noqa: E402
    Concept,
    Glossary,
    GlossaryEngine,
    Matcher,
    Term,
    Verifier,
    guess_type,
    load_default,
)
from toolkit.langs import Lang  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
TERMS = ROOT / "benchmarks" / "data" / "terms_fr.txt"
CONFIGS = ("none", "protect", "repair")


def _engine(name: str, glossary, config: str):
    inner = create(name)
    return inner if config == "none" else GlossaryEngine(inner, glossary, strategy=config)


def dev_glossary() -> Glossary:
    """The IOM dev list as a glossary of its own: an independent yardstick.

    Each French term accepts every English rendering the list gives for it;
    entries written with alternatives on the French side ("/") are left out.
    """
    renderings: dict[str, list[str]] = {}
    for line in (EVAL / "iom_terms_dev.tsv").read_text("utf-8").splitlines()[1:]:
        fr, en = line.split("\t")
        if "/" in fr or fr.startswith("("):
            continue
        fr = fr.split(" (")[0].strip()
        options = [en.split(" (")[0]] + [x.strip() for x in en.split("/")]
        renderings.setdefault(fr, []).extend(o for o in options if o)
    concepts = []
    for i, (fr, ens) in enumerate(renderings.items()):
        terms = [Term(fr, "fr", type=guess_type(fr))]
        terms += [Term(e, "en", type=guess_type(e)) for e in dict.fromkeys(ens)]
        concepts.append(Concept(f"dev{i}", tuple(terms)))
    return Glossary.of(concepts, name="iom_terms_dev")


def term_scores(sources: list[str], outputs: list[str], verifier: Verifier) -> dict:
    needed = found = forbidden = 0
    for src, out in zip(sources, outputs, strict=True):
        for check in verifier.check(src, out):
            needed += check.needed
            found += min(check.found, check.needed)
            forbidden += len(check.forbidden)
    return {"occurrences": needed, "term_accuracy": found / needed if needed else 1.0,
            "forbidden": forbidden}


def run_terms(glossary, engines: list[str]) -> list[dict]:
    sources = [x for x in TERMS.read_text("utf-8").splitlines() if x.strip()]
    dev = Verifier(dev_glossary(), "fr", "en")
    rows = []
    for name in engines:
        for tgt in ("en", "es"):
            verifier = Verifier(glossary, "fr", tgt)
            for config in CONFIGS:
                engine = _engine(name, glossary, config)
                t0 = time.perf_counter()
                out = engine.translate_batch(sources, Lang.parse("fr"), Lang.parse(tgt))
                secs = time.perf_counter() - t0
                texts = [o.text for o in out]
                score = term_scores(sources, texts, verifier)
                if tgt == "en":
                    d = term_scores(sources, texts, dev)
                    score |= {"dev_occurrences": d["occurrences"],
                              "dev_accuracy": d["term_accuracy"]}
                rows.append({"engine": name, "pair": f"fr-{tgt}", "glossary": config,
                             "sentences": len(sources), "seconds": round(secs, 2), **score})
    return rows


def run_chrf(glossary, lines: int) -> list[dict]:
    import sacrebleu

    rows = []
    matcher = Matcher(glossary, "fr", deprecated=False)
    sets = []
    term_src, term_ref = [], []
    for stem in ("newstest2013", "flores_dev"):
        src = (EVAL / f"{stem}.fr").read_text("utf-8").splitlines()
        ref = (EVAL / f"{stem}.en").read_text("utf-8").splitlines()
        sets.append((f"{stem}[:{lines}]", src[:lines], ref[:lines]))
        for s_, r_ in zip(src, ref, strict=True):
            if matcher.find(s_):
                term_src.append(s_)
                term_ref.append(r_)
    sets.append(("both, lines with terms", term_src, term_ref))
    for label, src, ref in sets:
        verifier = Verifier(glossary, "fr", "en")
        for config in CONFIGS:
            engine = _engine("apertium", glossary, config)
            t0 = time.perf_counter()
            hyp = [o.text for o in engine.translate_batch(src, Lang.parse("fr"),
                                                          Lang.parse("en"))]
            secs = time.perf_counter() - t0
            terms = term_scores(src, hyp, verifier)
            rows.append({
                "set": label, "lines": len(src), "glossary": config, "seconds": round(secs, 2),
                "chrF": round(sacrebleu.corpus_chrf(hyp, [ref]).score, 2),
                "BLEU": round(sacrebleu.corpus_bleu(hyp, [ref]).score, 2),
                "term_occurrences": terms["occurrences"],
                "term_accuracy": round(terms["term_accuracy"], 4),
                "forbidden": terms["forbidden"],
            })
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=300, help="lines of each chrF test set")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    glossary = load_default()
    engines = []
    for name in ("apertium", "pseudo"):
        if name not in names():
            print(f"skip {name}: not registered")
            continue
        reason = create(name).unavailable()
        if reason:
            print(f"skip {name}: {reason}")
            continue
        engines.append(name)
    print(f"glossary: {len(glossary)} concepts; term sentences: {TERMS.name}")
    try:
        terms = run_terms(glossary, engines)
        chrf = run_chrf(glossary, args.lines) if "apertium" in engines else []
    except ToolkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\nterm accuracy")
    print(f"{'engine':9} {'pair':6} {'glossary':8} {'occ':>4} {'accuracy':>8} {'forbid':>6} "
          f"{'secs':>6}  {'dev-list accuracy':>17}")
    for r in terms:
        dev = (f"{r['dev_accuracy'] * 100:6.1f}% of {r['dev_occurrences']}"
               if "dev_accuracy" in r else "")
        print(f"{r['engine']:9} {r['pair']:6} {r['glossary']:8} {r['occurrences']:4d} "
              f"{r['term_accuracy'] * 100:7.1f}% {r['forbidden']:6d} {r['seconds']:6.2f}  "
              f"{dev:>17}")
    if chrf:
        print(f"\nfluency, Apertium fr→en (first {args.lines} lines of each set, then every "
              "line of the full sets that holds a glossary term)")
        print(f"{'set':24} {'lines':>5} {'glossary':8} {'chrF':>6} {'BLEU':>6} {'terms':>6} "
              f"{'acc':>7} {'forbid':>6}")
        for r in chrf:
            print(f"{r['set']:24} {r['lines']:5d} {r['glossary']:8} {r['chrF']:6.2f} "
                  f"{r['BLEU']:6.2f} "
                  f"{r['term_occurrences']:6d} {r['term_accuracy'] * 100:6.1f}% "
                  f"{r['forbidden']:6d}")
    if args.json:
        args.json.write_text(json.dumps({"terms": terms, "chrf": chrf}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
