"""Draft quality layer by layer: BLEU/chrF, IOM terms, forbidden renderings, leaks.

    .venv/bin/python benchmarks/bench_quality.py [--lines 300] [--json out.json]

Rows switch the drafting layers (:mod:`toolkit.drafting`) on in turn over raw
Apertium, then add what ``stack.build`` adds (span protection, glossary,
typography); "today" is ``build(layers=())``, the pipeline before these
layers, and "full - X" leaves one layer out of the shipped stack. Measured on
the first N lines of newstest2013 and FLORES dev (fr→en, ``../shared/eval``),
and on the press-release set in ``benchmarks/data/press`` (fr→en and fr→es,
references written for this benchmark). Terms: the shipped glossary's
concepts on the press set and the IOM dev list (iom_terms_dev.tsv) on
``benchmarks/data/terms_fr.txt``. Leaks: on the seeds (``../shared/seeds``),
English units carrying unknown words, and unknown words that are not in the
source (the Spanish pivot's leftovers).
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

from bench_glossary import dev_glossary, term_scores  # noqa: E402

from toolkit import drafting  # noqa: E402
from toolkit.engines import create  # noqa: E402
from toolkit.glossary import Verifier, load_default  # noqa: E402
from toolkit.langs import Lang  # noqa: E402
from toolkit.stack import build  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SEEDS = ROOT.parent / "shared" / "seeds"
PRESS = ROOT / "benchmarks" / "data" / "press"
TERMS = ROOT / "benchmarks" / "data" / "terms_fr.txt"
FR, EN, ES = Lang.parse("fr"), Lang.parse("en"), Lang.parse("es")


def stacks() -> list[tuple[str, object]]:
    """(label, engine) rows: raw, each layer added in turn, full, today, full minus one."""
    rows: list[tuple[str, object]] = [("raw apertium", create("apertium"))]
    on: list[str] = []
    for layer in drafting.LAYERS:
        on.append(layer)
        eng = drafting.wrap_inner(create("apertium"), on)
        eng = drafting.wrap_outer(drafting.wrap_protected(eng, on), on)
        rows.append(("+ " + layer, eng))
    rows.append(("+ protect/glossary/typography (full)", build(layers=drafting.LAYERS)))
    rows.append(("today: build(layers=())", build(layers=())))
    for layer in drafting.LAYERS:
        rows.append((f"full - {layer}", build(layers=[x for x in drafting.LAYERS if x != layer])))
    return rows


def _lines(path: Path, n: int | None = None) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    return lines[:n] if n else lines


def seed_units() -> list[str]:
    from toolkit.ingest import load_many
    from toolkit.pipeline import segments_of

    docs = load_many(sorted(SEEDS.glob("*.txt")))
    return [s.source for d in docs for s in segments_of(d, FR, EN)]


def leaks(engine, units: list[str]) -> dict:
    out = engine.translate_batch(units, FR, EN)
    with_unknown = sum(1 for o in out if o.unknown)
    foreign = 0
    for src, o in zip(units, out):
        low = src.casefold()
        foreign += sum(1 for w in o.unknown if w.casefold() not in low)
    return {"units": len(units), "units_with_unknown": with_unknown, "pivot_leaks": foreign}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=300, help="lines of each news set")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    import sacrebleu

    sets = []
    for stem in ("newstest2013", "flores_dev"):
        if (EVAL / f"{stem}.fr").is_file():
            sets.append((stem, _lines(EVAL / f"{stem}.fr", args.lines),
                         {"en": _lines(EVAL / f"{stem}.en", args.lines)}))
    sets.append(("press", _lines(PRESS / "press.fr"),
                 {"en": _lines(PRESS / "press.en"), "es": _lines(PRESS / "press.es")}))
    glossary = load_default()
    verifiers = {t: Verifier(glossary, "fr", t) for t in ("en", "es")}
    dev = Verifier(dev_glossary(), "fr", "en") if (EVAL / "iom_terms_dev.tsv").is_file() else None
    term_src = [x for x in _lines(TERMS) if x.strip()]
    units = seed_units() if SEEDS.is_dir() else []
    results = []
    for label, engine in stacks():
        row: dict = {"stack": label}
        t0 = time.perf_counter()
        for name, src, refs in sets:
            for tgt, ref in refs.items():
                hyp = [o.text for o in engine.translate_batch(src, FR, Lang.parse(tgt))]
                key = f"{name}.{tgt}"
                row[key + ".chrF"] = round(sacrebleu.corpus_chrf(hyp, [ref]).score, 2)
                row[key + ".BLEU"] = round(sacrebleu.corpus_bleu(hyp, [ref]).score, 2)
                if name == "press":
                    s = term_scores(src, hyp, verifiers[tgt])
                    row[key + ".terms"] = round(s["term_accuracy"], 4)
                    row[key + ".forbidden"] = s["forbidden"]
        if dev is not None:
            hyp = [o.text for o in engine.translate_batch(term_src, FR, EN)]
            row["iom_dev_terms"] = round(term_scores(term_src, hyp, dev)["term_accuracy"], 4)
            row["glossary_terms.en"] = round(
                term_scores(term_src, hyp, verifiers["en"])["term_accuracy"], 4)
            row["forbidden.en"] = term_scores(term_src, hyp, verifiers["en"])["forbidden"]
        if units:
            row |= {"seeds." + k: v for k, v in leaks(engine, units).items()}
        row["seconds"] = round(time.perf_counter() - t0, 1)
        results.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    print(f"\nlines per news set: {args.lines}; press set: {len(sets[-1][1])} sentences")
    _table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    return 0


def _table(rows: list[dict]) -> None:
    cols = [c for c in rows[0] if c != "stack"]
    short = [c.replace("newstest2013", "news").replace("flores_dev", "flores") for c in cols]
    print("| stack | " + " | ".join(short) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for r in rows:
        print(f"| {r['stack']} | " + " | ".join(str(r.get(c, "")) for c in cols) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
