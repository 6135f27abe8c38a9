"""The engine Protocol and the registry engines are selected from by name.

Every engine, and every wrapper around engines (pivot, fallback, cache,
memory, glossary), implements :class:`Engine`, so the pipeline never asks
which engine it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..errors import LanguageError
from ..langs import Lang
from ..model import Alternative


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One candidate translation with the engine's score (log-probability or similar)."""

    text: str
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Translation:
    """What an engine returns for one input text.

    ``text`` is the best translation. ``hypotheses`` holds the n-best list
    when the engine can produce one (best first). ``notes`` are provenance
    lines meant for reviewers (engine, route, model hash, applied terms).
    """

    text: str
    hypotheses: tuple[Hypothesis, ...] = ()
    unknown: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    origin: str = "mt"  # "mt", "tm-exact", "tm-fuzzy"
    score: float | None = None
    matches: tuple[Alternative, ...] = ()  # candidates shown to the reviewer


@runtime_checkable
class Engine(Protocol):
    """A translation engine or a wrapper around one."""

    name: str

    def unavailable(self) -> str | None:
        """Why the engine cannot run on this machine, or ``None`` if it can."""
        ...

    def pairs(self) -> list[tuple[str, str]]:
        """Language pairs (ISO 639-1) the engine can translate, routes included."""
        ...

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        """Human-readable route, e.g. ``["fr-es", "es-en"]``; raises if unsupported."""
        ...

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        """Translate many texts at once; one :class:`Translation` per input, in order."""
        ...


class Wrapper:
    """Base of engine wrappers: everything but ``translate_batch`` goes to ``inner``.

    Subclasses override :meth:`translate_batch` (and anything else they change).
    """

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.name = inner.name

    def unavailable(self) -> str | None:
        return self.inner.unavailable()

    def pairs(self) -> list[tuple[str, str]]:
        return self.inner.pairs()

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return self.inner.route(src, tgt)

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        return self.inner.translate_batch(texts, src, tgt, n_best=n_best)


def unsupported_pair(engine: Engine, src: Lang, tgt: Lang) -> LanguageError:
    """An engine that works but has no route for this pair: a language problem (exit 4)."""
    pairs = ", ".join(f"{a}→{b}" for a, b in sorted(engine.pairs())) or "none"
    return LanguageError(
        f"{engine.name} cannot translate {src}→{tgt}",
        engine=engine.name,
        lang=f"{src}-{tgt}",
        hint=f"available pairs: {pairs}",
    )
