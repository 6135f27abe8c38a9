"""Named QA checks with a category, as Translate Toolkit's pofilter groups its filters.

critical: the text is wrong or broken (numbers, spans, terms, placeholders);
functional: the text probably reads wrong (leaked words, whitespace, labels);
cosmetic: style and typography. Adding a check is one ``register`` line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Segment
from .issue import Issue

CATEGORIES = ("critical", "functional", "cosmetic")


@dataclass(frozen=True, slots=True)
class Registered:
    name: str
    category: str
    check: Callable[[Segment], list[Issue]]
    codes: tuple[str, ...] = ()  # issue codes it emits, so qa-ignore may name either

    @property
    def title(self) -> str:
        return (self.check.__doc__ or self.name).strip().splitlines()[0]


REGISTRY: dict[str, Registered] = {}


def register(name: str, category: str, check: Callable[[Segment], list[Issue]],
             *codes: str) -> None:
    if category not in CATEGORIES:
        raise ValueError(f"unknown QA category {category!r}")
    REGISTRY[name] = Registered(name, category, check, codes or (name,))
