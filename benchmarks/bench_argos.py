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
import shutil
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
    parser.add_argument("--dim", type=int, default=32, help="model width (real Argos: 512)")
    # One thread by default: on a small shared machine, CTranslate2's
    # intra-op threads fight over cores and the tiny model gains nothing.
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-argos-"))
    try:
        run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, tmp: Path) -> None:
    """Build the model in ``tmp``, point every data directory there, and time the paths."""
    for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("ARGOS_PACKAGES_DIR", "argos"),
                     ("TOOLKIT_MODELS_DIR", "models")):
        os.environ[var] = str(tmp / sub)
        (tmp / sub).mkdir()
    os.environ["ARGOS_CHUNK_TYPE"] = "SPACY"
    os.environ["ARGOS_INTRA_THREADS"] = str(args.threads)
    (tmp / "cache" / "argos-translate" / "spacy" / "senter" / "model").mkdir(parents=True)

    import tinymodel

    archive = tinymodel.build_package(tmp, "fr", "en", d=args.dim)
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
    distinct = list(dict.fromkeys(s for doc in docs for s in doc))
    distinct_tok = sp.encode(distinct, out_type=str)

    def raw(batches) -> None:
        for toks in batches:
            translator.translate_batch(
                toks, beam_size=engine.beam_size, num_hypotheses=1, return_scores=True,
                replace_unknowns=True, length_penalty=engine.length_penalty,
                max_batch_size=engine.batch_size,
            )

    t_toolkit, t_raw, t_toolkit_u, t_raw_u = best_of(
        args.repeat,
        run_toolkit,
        lambda: raw(tokenized),
        lambda: engine.translate_batch(distinct, fr, en),
        lambda: raw([distinct_tok]),
    )

    import spacy
    from argostranslate import package as argos_package
    from argostranslate import translate as argos_translate

    argos_package.install_from_path(archive)
    installed = Path(os.environ["ARGOS_PACKAGES_DIR"]) / "translate-fr_en-0_1"
    spacy.blank("fr").to_disk(installed / "spacy")
    warm = argos_translate.translate("Échauffement. Deux phrases.", "fr", "en")
    assert warm.strip(), "argostranslate returned nothing"

    def run_argos(clear: bool) -> None:
        for text in texts:
            if clear:
                # argostranslate remembers the paragraphs of the previous call;
                # the seed releases share menu lines, so that cache would time
                # look-ups instead of translation.
                for item in argos_translate.installed_translates:
                    item.cached_translation.cache = {}
            argos_translate.translate(text, "fr", "en")

    t_argos, t_argos_cached = best_of(
        args.repeat, lambda: run_argos(True), lambda: run_argos(False)
    )

    # Same model, same decoding options: single sentences should come out the same.
    sample = distinct[:30]
    ours = [t.text for t in engine.translate_batch(sample, fr, en)]
    theirs = [argos_translate.translate(s, "fr", "en") for s in sample]
    same = sum(a == b for a, b in zip(ours, theirs, strict=True))

    u = len(distinct)
    print(f"seed releases: {len(texts)}, sentences: {n} ({u} distinct), model width: "
          f"{args.dim}, threads: {args.threads}, beam: {engine.beam_size}, best of {args.repeat}")
    rows = (
        ("toolkit ArgosEngine", t_toolkit, n),
        ("argostranslate.translate", t_argos, n),
        ("argostranslate.translate (own cache)", t_argos_cached, n),
        ("raw ctranslate2 (pre-tokenised)", t_raw, n),
        ("toolkit, distinct sentences only", t_toolkit_u, u),
        ("raw ctranslate2, distinct only", t_raw_u, u),
    )
    for label, t, count in rows:
        print(f"  {label:38s} {t * 1000:8.1f} ms  {count / t:8.1f} sentences/s")
    print(f"toolkit vs argostranslate: {t_argos / t_toolkit:.2f}x faster "
          f"({t_argos_cached / t_toolkit:.2f}x against its paragraph cache; target >= 3x)")
    print(f"toolkit vs raw ctranslate2, same sentences: {(t_toolkit / t_raw - 1) * 100:+.1f} % "
          f"(a release's repeated lines are translated once)")
    print(f"toolkit overhead over raw ctranslate2, distinct sentences: "
          f"{(t_toolkit_u / t_raw_u - 1) * 100:+.1f} % (target <= 10 %)")
    print(f"identical output to argostranslate on single sentences: {same}/{len(sample)}")

if __name__ == "__main__":
    main()
