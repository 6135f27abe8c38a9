"""Argos engine speed: toolkit's CTranslate2 path against two baselines.

Run: ``.venv/bin/python benchmarks/bench_argos.py [--repeat N] [--seeds DIR]``

Everything runs offline on the tiny random fr→en model built by
``tests/tinymodel.py`` (a real CTranslate2 Transformer: 2 layers, d=32). With
so little compute per sentence, fixed per-call costs weigh more than on a
real model, so the overhead figures here are an upper bound.

* **toolkit**: ``ArgosEngine.translate_batch`` on the sentences of each seed
  release (lines split by ``toolkit.segment.segment``), one call per release.
* **argostranslate**: ``argostranslate.translate.translate(text, "fr", "en")``
  on each whole release, the package installed with
  ``argostranslate.package.install_from_path`` into a temporary
  ``ARGOS_PACKAGES_DIR``. Its default sentence splitter (MiniSBD) downloads
  a model, so the benchmark sets ``ARGOS_CHUNK_TYPE=SPACY``, puts a blank
  spaCy French pipeline in the package's ``spacy/`` folder (argostranslate
  loads it and adds spaCy's rule-based sentencizer), and pre-creates
  ``$XDG_CACHE_HOME/argos-translate/spacy/senter/model`` so that
  ``argostranslate.sbd``'s import-time ``cache_spacy()`` does not try to
  download ``xx_sent_ud_sm``.
* **raw CTranslate2**: ``Translator.translate_batch`` on input tokenised
  beforehand, with the engine's decoding options: the floor for any wrapper.

Sockets are disabled for the whole run, so any download attempt fails loudly.
Figures are sentences per second (toolkit's sentence count for every path),
best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"


def block_network() -> None:
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during the benchmark")

    socket.socket = refuse  # type: ignore[misc]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


def sentences_of(text: str) -> list[str]:
    from toolkit.segment import segment

    out = []
    for line in text.splitlines():
        out += [s.text.strip() for s in segment(line, "fr") if s.text.strip()]
    return out


def best_of(repeat: int, *fns) -> list[float]:
    """Best wall time of each function; runs are interleaved so load changes hit all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, bucket in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - start)
    return [min(b) for b in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-argos-"))
    for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("ARGOS_PACKAGES_DIR", "argos"),
                     ("TOOLKIT_MODELS_DIR", "models")):
        os.environ[var] = str(tmp / sub)
        (tmp / sub).mkdir()
    os.environ["ARGOS_CHUNK_TYPE"] = "SPACY"
    os.environ["ARGOS_INTRA_THREADS"] = str(args.threads)
    (tmp / "cache" / "argos-translate" / "spacy" / "senter" / "model").mkdir(parents=True)

    import tinymodel

    archive = tinymodel.build_package(tmp, "fr", "en")
    block_network()

    from toolkit.engines import argos, packages
    from toolkit.langs import Lang

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))]
    docs = [sentences_of(t) for t in texts]
    n = sum(map(len, docs))
    fr, en = Lang.parse("fr"), Lang.parse("en")

    pkg = packages.install_archive(archive, tmp / "models")
    engine = argos.ArgosEngine(threads=args.threads)
    engine.translate_batch(["Échauffement."], fr, en)  # load the model outside the timing

    def run_toolkit() -> None:
        for doc in docs:
            engine.translate_batch(doc, fr, en)

    translator = argos.load_translator(pkg.model_dir, "cpu", args.threads, engine.compute_type)
    sp = argos.load_spm(pkg.source_spm)
    tokenized = [sp.encode(doc, out_type=str) for doc in docs]

    def run_raw() -> None:
        for toks in tokenized:
            translator.translate_batch(
                toks, beam_size=engine.beam_size, num_hypotheses=1, return_scores=True,
                replace_unknowns=True, length_penalty=engine.length_penalty,
                max_batch_size=engine.batch_size,
            )

    t_toolkit, t_raw = best_of(args.repeat, run_toolkit, run_raw)

    import spacy
    from argostranslate import package as argos_package
    from argostranslate import translate as argos_translate

    argos_package.install_from_path(archive)
    installed = Path(os.environ["ARGOS_PACKAGES_DIR"]) / "translate-fr_en-0_1"
    spacy.blank("fr").to_disk(installed / "spacy")
    warm = argos_translate.translate("Échauffement. Deux phrases.", "fr", "en")
    assert warm.strip(), "argostranslate returned nothing"

    def run_argos() -> None:
        for text in texts:
            argos_translate.translate(text, "fr", "en")

    (t_argos,) = best_of(args.repeat, run_argos)

    # Same model, same decoding options: single sentences should come out the same.
    sample = [s for doc in docs for s in doc][:30]
    ours = [t.text for t in engine.translate_batch(sample, fr, en)]
    theirs = [argos_translate.translate(s, "fr", "en") for s in sample]
    same = sum(a == b for a, b in zip(ours, theirs, strict=True))
    if os.environ.get("BENCH_DEBUG"):
        whole = [argos_translate.translate(t, "fr", "en") for t in texts]
        print("argos output chars", sum(map(len, whole)), "lines", sum(w.count("\n") for w in whole))
        mine = [t.text for d in docs for t in engine.translate_batch(d, fr, en)]
        print("toolkit output chars", sum(map(len, mine)), "sentences", len(mine))
        print(repr(whole[0][:300]))
        alone = [engine.translate_batch([s], fr, en)[0].text for s in sample]
        for s, a, b, c in zip(sample, ours, theirs, alone, strict=True):
            print(a == b, c == b, repr(s[:40]), repr(a[:40]), repr(b[:40]))

    print(f"seed releases: {len(texts)}, sentences: {n}, threads: {args.threads}, "
          f"beam: {engine.beam_size}, best of {args.repeat}")
    for label, t in (("toolkit ArgosEngine", t_toolkit), ("argostranslate.translate", t_argos),
                     ("raw ctranslate2 (pre-tokenised)", t_raw)):
        print(f"  {label:34s} {t * 1000:8.1f} ms  {n / t:8.1f} sentences/s")
    print(f"toolkit vs argostranslate: {t_argos / t_toolkit:.2f}x faster (target >= 3x)")
    print(f"identical output to argostranslate on single sentences: {same}/{len(sample)}")
    print(f"toolkit overhead over raw ctranslate2: {(t_toolkit / t_raw - 1) * 100:+.1f} % "
          f"(target <= 10 %)")


if __name__ == "__main__":
    main()
