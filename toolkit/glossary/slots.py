"""What a protected text is made of: each term's placeholder and what goes back in its place.

Shared by the enforcement (:mod:`.enforce`) and the English placeholder hints
(:mod:`.hints_en`), which rewrite a plan before the engine reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .match import Match
from .model import Term


@dataclass(frozen=True, slots=True)
class Slot:
    """One protected term: its placeholder, where it came from and what goes back."""

    token: str
    match: Match
    term: Term
    target: str
    plural: bool
    follows: str = ""  # the source word after the term, for repairs around the placeholder


@dataclass(frozen=True, slots=True)
class Plan:
    source: str
    masked: str
    slots: tuple[Slot, ...]
