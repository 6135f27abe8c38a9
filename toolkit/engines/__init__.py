"""Translation engines behind one Protocol, and the stack the pipeline uses."""

from __future__ import annotations

import os
from typing import Any

from .base import Engine, Hypothesis, Translation, create, names, register

DEFAULT_ENGINE = "apertium"

__all__ = ["Engine", "Hypothesis", "Translation", "build", "create", "names", "register",
           "DEFAULT_ENGINE"]


def build(
    name: str | None = None,
    *,
    glossary: str | os.PathLike | bool | None = None,
    protect: bool = True,
    **options: Any,
) -> Engine:
    """The engine stack of a run: cache → typography → span protection → glossary → engine.

    Protection sits outside the glossary so that terms are never matched
    inside an e-mail address, a URL or a handle (``@OIM_Niger``).

    ``glossary`` is a path, ``None`` for the shipped glossaries, or ``False``
    to translate without one.
    """
    from .compose import Cached, Localised, Protected

    engine: Engine = create(name or DEFAULT_ENGINE, **options)
    if glossary is not False:
        engine = _with_glossary(engine, glossary)
    if protect:
        engine = Protected(engine)
    return Cached(Localised(engine))


def _with_glossary(engine: Engine, glossary: str | os.PathLike | bool | None) -> Engine:
    from ..glossary import GlossaryEngine, load, load_default

    gloss = load_default() if glossary in (None, True) else load(glossary)  # type: ignore[arg-type]
    return GlossaryEngine(engine, gloss)
