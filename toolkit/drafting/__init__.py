"""Layers that make rule-based drafts read like press-release prose.

Each layer is an engine wrapper (:class:`toolkit.engines.base.Wrapper`) in a
module of its own, switchable by name so ``benchmarks/bench_quality.py`` can
measure each one. :func:`stack` puts them around an engine in this order,
innermost first::

    engine → unknown (retry unknown words by another route)
           → compounds (French "noun de noun" in English order)
           → phrases (institutional multiword expressions, below the glossary)
           ... the glossary (stack.build) ...
           → preedit (source forms the engine knows; inside span protection)
           ... span protection (stack.build) ...
           → preedit, English headlines in sentence case (outside span protection)
           → numbers (numbers, dates, currency in the target's conventions)
           ... target typography (stack.build) ...
           → postedit (target word order: adverbs, well-managed, plurals after numbers)
           → cleanup (spaces, stray marks, reported-speech commas)

``DEFAULT`` lists the layers shipped switched on: a layer that lowered chrF
on the news sets in the benchmark stays off.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..engines.base import Engine

INNER = ("unknown", "compounds", "phrases")  # below the glossary
PROTECTED = ("preedit",)  # inside span protection, above the glossary
OUTER = ("numbers", "postedit", "cleanup")  # on the restored output
LAYERS = INNER + PROTECTED + OUTER
DEFAULT = LAYERS


def _check(layers: Iterable[str]) -> set[str]:
    chosen = set(layers)
    unknown = chosen - set(LAYERS)
    if unknown:
        from ..errors import EngineError

        raise EngineError(f"unknown drafting layer(s): {', '.join(sorted(unknown))}",
                          hint="available: " + ", ".join(LAYERS))
    return chosen


def wrap_inner(engine: Engine, layers: Iterable[str] = DEFAULT) -> Engine:
    """The layers that sit between the glossary and the engine."""
    chosen = _check(layers)
    if "unknown" in chosen:
        from .fallback import UnknownFallback

        engine = UnknownFallback(engine)
    if "compounds" in chosen:
        from .compounds import Compounds

        engine = Compounds(engine)
    if "phrases" in chosen:
        from .phrases import Phrases
        from .phrases_en import PhrasesEn

        engine = PhrasesEn(Phrases(engine))
    return engine


def wrap_protected(engine: Engine, layers: Iterable[str] = DEFAULT) -> Engine:
    """The layers that see masked source text, above the glossary."""
    if "preedit" in _check(layers):
        from .preedit import PreEdited
        from .preedit_en import PreEditedEn

        engine = PreEditedEn(PreEdited(engine))
    return engine


def wrap_outer(engine: Engine, layers: Iterable[str] = DEFAULT, *,
               before_typography: bool | None = None) -> Engine:
    """The layers that work on the restored target text.

    Numbers go below the typography layer, post-editing and clean-up above it;
    ``before_typography`` picks one side (``None``: both).
    """
    chosen = _check(layers)
    if "preedit" in chosen and before_typography is not False:
        from .headline_en import Headlines  # outside span protection, which keeps capitals

        engine = Headlines(engine)
    if "numbers" in chosen and before_typography is not False:
        from .numbers import Numbers

        engine = Numbers(engine)
    if "postedit" in chosen and before_typography is not True:
        from .postedit import PostEdited

        engine = PostEdited(engine)
    if "cleanup" in chosen and before_typography is not True:
        from .cleanup import Cleaned

        engine = Cleaned(engine)
    return engine
