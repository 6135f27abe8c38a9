"""The engine stack of a run, assembled above the engines.

Engines (:mod:`toolkit.engines`) know nothing of the glossary, the drafting
layers or the memory; this module stacks them around an engine, so every
arrow points down: cli → pipeline → stack → glossary, drafting, memory →
engines.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .engines import DEFAULT_ENGINE, Engine, create

__all__ = ["build", "with_memory", "DEFAULT_ENGINE"]


def build(
    name: str | None = None,
    *,
    glossary: str | os.PathLike | bool | None = None,
    protect: bool = True,
    replace_glossary: bool = False,
    layers: Iterable[str] | None = None,
    **options: Any,
) -> Engine:
    """The engine stack of a run, outermost first: cache → forked copies (a big batch
    shared over the cores) → clean-up → typography →
    numbers → span protection → pre-editing → glossary → phrase rules →
    unknown-word fallback → engine.

    ``layers`` names the drafting layers to use (:mod:`toolkit.drafting`;
    ``None`` for the ones shipped switched on, ``()`` for none).

    Protection sits outside the glossary so that terms are never matched
    inside an e-mail address, a URL or a handle (``@OIM_Niger``).

    ``glossary`` is a path, ``None`` for the shipped glossaries, or ``False``
    to translate without one.
    """
    from .drafting import DEFAULT, wrap_inner, wrap_outer, wrap_protected
    from .engines.compose import Cached, Localised, Protected
    from .engines.forked import Forked

    chosen = tuple(DEFAULT if layers is None else layers)
    engine: Engine = wrap_inner(create(name or DEFAULT_ENGINE, **options), chosen)
    if glossary is not False:
        engine = _with_glossary(engine, glossary, replace_glossary)
    engine = wrap_protected(engine, chosen)
    if protect:
        engine = Protected(engine)
    engine = Localised(wrap_outer(engine, chosen, before_typography=True))
    return Cached(Forked(wrap_outer(engine, chosen, before_typography=False)))


def _with_glossary(engine: Engine, glossary: str | os.PathLike | bool | None,
                   replace: bool = False) -> Engine:
    from .glossary import GlossaryEngine, load_layered

    # A user's glossary adds to the shipped one (its concepts win on the same id); dropping the
    # shipped terms silently would bring back "treats" for *traite*.
    extra = None if glossary in (None, True) else glossary
    gloss = load_layered(extra, replace=replace)  # type: ignore[arg-type]
    return GlossaryEngine(engine, gloss)


def with_memory(engine: Engine, memory: str | os.PathLike) -> Engine:
    """``engine`` behind the translation memory: reviewed sentences are reused before MT."""
    from .memory import Memory, MemoryFirst

    return MemoryFirst(engine, Memory(Path(memory)))
