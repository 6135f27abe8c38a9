"""Neural translation with Argos packages, run through CTranslate2 directly.

We take sentences the toolkit has already segmented, so argostranslate's
own sentence splitter (stanza, spaCy or MiniSBD, some of which download
models) is never used: each text is tokenised with the package's
SentencePiece model and the whole batch goes to one
``ctranslate2.Translator.translate_batch`` call per model.

ctranslate2 and sentencepiece are imported inside functions, so importing
this module is instant and never pulls in torch.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import EngineError, ModelError
from ..langs import Lang
from .base import Hypothesis, Translation
from .packages import ArgosPackage, discover, read_model_dir, search_dirs

INSTALL_HINT = (
    "install one with `toolkit models install FILE.argosmodel`; see `toolkit models list`"
)

# Loaded models, shared by every engine instance of the process: a Translator
# holds the whole model in memory and takes a while to build.
_TRANSLATORS: dict[tuple[str, str, int, str, int], Any] = {}
_TOKENIZERS: dict[str, Any] = {}
# Keyed by the model file: an id() would be reused once a processor is freed (tests clear
# _TOKENIZERS), and a new model would then get the vocabulary of an old one.
_VOCABS: dict[str, frozenset[str]] = {}
_LOCK = threading.Lock()


def load_translator(
    model_dir: Path,
    device: str = "cpu",
    threads: int = 1,
    compute_type: str = "auto",
    intra_threads: int = 1,
) -> Any:
    """The process-wide ``ctranslate2.Translator`` for ``model_dir`` (built on first use).

    ``threads`` batches run in parallel, each on ``intra_threads`` threads.
    """
    key = (str(Path(model_dir).resolve()), device, threads, compute_type, intra_threads)
    with _LOCK:
        if key not in _TRANSLATORS:
            try:
                import ctranslate2
            except ImportError as exc:
                raise EngineError("ctranslate2 is not installed", engine="argos") from exc
            try:
                _TRANSLATORS[key] = ctranslate2.Translator(
                    key[0],
                    device=device,
                    inter_threads=max(1, threads),
                    intra_threads=intra_threads,
                    compute_type=compute_type,
                )
            except (RuntimeError, ValueError) as exc:
                raise ModelError(f"cannot load CTranslate2 model: {exc}", path=model_dir) from exc
        return _TRANSLATORS[key]


def load_spm(path: Path) -> Any:
    """The process-wide SentencePiece processor for ``path``."""
    key = str(Path(path).resolve())
    with _LOCK:
        if key not in _TOKENIZERS:
            try:
                import sentencepiece
            except ImportError as exc:
                raise EngineError("sentencepiece is not installed", engine="argos") from exc
            try:
                _TOKENIZERS[key] = sentencepiece.SentencePieceProcessor(model_file=key)
            except (OSError, RuntimeError) as exc:
                raise ModelError(f"invalid SentencePiece model: {exc}", path=path) from exc
        return _TOKENIZERS[key]


def _known_pieces(path: Path, sp: Any) -> frozenset[str]:
    """Every piece of ``sp`` except the unknown one, built once per model.

    A set look-up per token is much cheaper than a ``piece_to_id`` call into
    SentencePiece, and gives the same answer: a piece outside the vocabulary
    is exactly one that maps to the unknown id.
    """
    key = str(Path(path).resolve())
    with _LOCK:
        if key not in _VOCABS:
            unk = sp.unk_id()
            _VOCABS[key] = frozenset(
                sp.id_to_piece(i) for i in range(sp.get_piece_size()) if i != unk
            )
        return _VOCABS[key]


def _default_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


class ArgosEngine:
    """Argos Translate packages (or one CTranslate2 model directory) as an engine.

    >>> engine = ArgosEngine()                       # doctest: +SKIP
    >>> engine.translate_batch(["Bonjour."], Lang.parse("fr"), Lang.parse("en"))[0].text
    """

    name = "argos"

    def __init__(
        self,
        packages_dir: str | os.PathLike | None = None,
        model: str | os.PathLike | None = None,
        beam_size: int = 4,
        batch_size: int = 16,
        batch_type: str = "examples",
        device: str = "cpu",
        threads: int | None = None,
        length_penalty: float = 0.2,
        compute_type: str = "auto",
        intra_threads: int = 1,
    ) -> None:
        self.packages_dir = Path(packages_dir) if packages_dir is not None else None
        self.model = Path(model) if model is not None else None
        self.beam_size = beam_size
        # CTranslate2 sorts a call's sentences by length and cuts them into
        # batches of ``batch_size``. Press releases mix one-word menu lines
        # with 100-token paragraphs: 16 sentences (64 beam rows) pad less than
        # 32 and give parallel workers several batches of a release to share,
        # and measured fastest on an Argos-shaped model at 1 and 2 threads.
        self.batch_size = batch_size
        self.batch_type = batch_type
        self.device = device
        # Cores go to batches in parallel (CTranslate2 inter_threads, model
        # weights shared), not to splitting each matrix product
        # (intra_threads): on CPU-sized batches intra-op threads mostly
        # synchronise. On two cores, two workers were 1.7x faster than one;
        # two intra-op threads were no faster than one (and 2-3x slower on
        # smaller models). See benchmarks/bench_argos.py.
        self.threads = threads if threads is not None else _default_threads()
        self.intra_threads = intra_threads
        # argostranslate decodes with length_penalty=0.2 and compute_type="auto"
        # (int8 where the CPU supports it); the same values keep our output
        # identical to its output for the same sentence.
        self.length_penalty = length_penalty
        self.compute_type = compute_type
        self._packages: list[ArgosPackage] | None = None

    # -- discovery -----------------------------------------------------------

    def packages(self) -> list[ArgosPackage]:
        """The packages this engine translates with (read from disk once)."""
        if self._packages is None:
            if self.model is not None:
                self._packages = [read_model_dir(self.model)]
            else:
                self._packages = discover(search_dirs(self.packages_dir))
        return self._packages

    def unavailable(self) -> str | None:
        try:
            import ctranslate2  # noqa: F401
            import sentencepiece  # noqa: F401
        except ImportError as exc:
            return (f"{exc.name} is not installed; install the Argos extra: "
                    "pip install 'toolkit[argos]'")
        try:
            if not self.packages():
                where = ", ".join(str(d) for d in search_dirs(self.packages_dir))
                return f"no Argos packages installed (looked in {where}); {INSTALL_HINT}"
        except ModelError as exc:
            return str(exc)
        return None

    def pairs(self) -> list[tuple[str, str]]:
        direct = {(p.from_code, p.to_code) for p in self.packages() if p.from_code}
        langs = {code for pair in direct for code in pair}
        return sorted(
            (a, b) for a in langs for b in langs if a != b and self._path(a, b) is not None
        )

    def _path(self, src: str, tgt: str) -> list[ArgosPackage] | None:
        """Shortest chain of packages from ``src`` to ``tgt`` (breadth-first search)."""
        pkgs = self.packages()
        if len(pkgs) == 1 and not pkgs[0].from_code:
            return [pkgs[0]]  # a bare model directory: the user chose it for this pair
        edges: dict[str, list[ArgosPackage]] = {}
        for p in pkgs:
            edges.setdefault(p.from_code, []).append(p)  # discovery order = preference
        queue: deque[tuple[str, list[ArgosPackage]]] = deque([(src, [])])
        seen = {src}
        while queue:
            code, chain = queue.popleft()
            for p in edges.get(code, []):
                if p.to_code == tgt:
                    return [*chain, p]
                if p.to_code not in seen:
                    seen.add(p.to_code)
                    queue.append((p.to_code, [*chain, p]))
        return None

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return [p.pair if p.from_code else p.name for p in self._chain(src, tgt)]

    def _chain(self, src: Lang, tgt: Lang) -> list[ArgosPackage]:
        if (reason := self.unavailable()) is not None:
            raise EngineError(reason, engine=self.name, lang=f"{src}-{tgt}", hint=INSTALL_HINT)
        chain = self._path(src.iso639_1, tgt.iso639_1)
        if chain is None:
            have = ", ".join(f"{a}→{b}" for a, b in self.pairs()) or "none"
            raise EngineError(
                f"no Argos model for {src}→{tgt} (installed pairs: {have})",
                engine=self.name,
                lang=f"{src}-{tgt}",
                hint=INSTALL_HINT,
            )
        return chain

    # -- translation ---------------------------------------------------------

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        """Translate pre-segmented sentences; one Translation (with n-best) per input."""
        chain = self._chain(src, tgt)
        texts = list(texts)
        # Outer whitespace is layout, not content: keep it out of the model and put it back.
        cores = [t.strip() for t in texts]
        # Releases repeat boilerplate lines; the model is deterministic, so each
        # distinct sentence is translated once.
        unique = list(dict.fromkeys(c for c in cores if c))
        current, offsets = unique, [0.0] * len(unique)
        unknown: list[set[str]] = [set() for _ in unique]
        done: dict[str, list[Hypothesis]] = {"": [Hypothesis("", 0.0)]}
        for step, pkg in enumerate(chain):
            last = step == len(chain) - 1
            outs = self._run(pkg, current, n_best if last else 1, unknown if step == 0 else None)
            if last:
                for core, off, hyps in zip(unique, offsets, outs, strict=True):
                    done[core] = [Hypothesis(h.text, (h.score or 0.0) + off) for h in hyps]
            else:
                current = [o[0].text for o in outs]
                offsets = [off + (o[0].score or 0.0) for off, o in zip(offsets, outs, strict=True)]
        unknown_of = dict(zip(unique, unknown, strict=True))
        results = [done[c] for c in cores]
        unknown = [unknown_of.get(c, set()) for c in cores]
        route = " → ".join(p.pair if p.from_code else p.name for p in chain)
        notes = ["engine: argos", *(f"model: {p.provenance()}" for p in chain)]
        if len(chain) > 1:
            notes.append(f"route: {route}")
        out = []
        for text, hyps, unk in zip(texts, results, unknown, strict=True):
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):]
            hyps = [Hypothesis(lead + h.text + trail, h.score) for h in hyps]
            out.append(
                Translation(
                    text=hyps[0].text,
                    hypotheses=tuple(hyps),
                    unknown=tuple(sorted(unk)),
                    notes=tuple(notes),
                    score=hyps[0].score,
                )
            )
        return out

    def _run(
        self,
        pkg: ArgosPackage,
        texts: list[str],
        n_best: int,
        unknown: list[set[str]] | None,
    ) -> list[list[Hypothesis]]:
        if not texts:
            return []
        translator = load_translator(
            pkg.model_dir, self.device, self.threads, self.compute_type, self.intra_threads
        )
        sp_src = load_spm(pkg.source_spm)
        sp_tgt = load_spm(pkg.target_spm)
        tokens = sp_src.encode(texts, out_type=str)
        if unknown is not None:
            known = _known_pieces(pkg.source_spm, sp_src)
            for found, toks in zip(unknown, tokens, strict=True):
                found.update(p.lstrip("\u2581") for p in toks if p not in known)
        prefix = [[pkg.target_prefix] for _ in tokens] if pkg.target_prefix else None
        try:
            results = translator.translate_batch(
                tokens,
                target_prefix=prefix,
                beam_size=max(self.beam_size, n_best),
                num_hypotheses=n_best,
                return_scores=True,
                replace_unknowns=True,
                length_penalty=self.length_penalty,
                max_batch_size=self.batch_size,
                batch_type=self.batch_type,
            )
        except (RuntimeError, ValueError) as exc:
            raise EngineError(
                f"CTranslate2 failed: {exc}", engine=self.name, path=pkg.path
            ) from exc
        strip = pkg.target_prefix if prefix else None
        flat = [
            toks[1:] if strip and toks and toks[0] == strip else toks
            for res in results
            for toks in res.hypotheses
        ]
        texts_out = iter(sp_tgt.decode(flat)) if flat else iter(())  # one call for all
        return [
            [Hypothesis(next(texts_out).strip(), float(score)) for score in res.scores]
            for res in results
        ]
