"""Translation engines behind one Protocol, and their registry.

The stack a run uses (glossary, drafting layers, protection, memory) is
assembled above the engines, in :mod:`toolkit.stack`.
"""

from __future__ import annotations

from .base import Engine, Hypothesis, Translation
from .registry import create, names, register

DEFAULT_ENGINE = "apertium"

__all__ = ["Engine", "Hypothesis", "Translation", "create", "names", "register", "DEFAULT_ENGINE"]
