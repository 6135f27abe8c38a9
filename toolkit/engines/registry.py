"""The engine registry: names to factories.

The built-in engines are listed here by module and class and imported on
first use, so that the engine modules never import the registry back (no
import cycle) and importing the registry costs nothing. Plugins add
themselves with :func:`register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..errors import EngineError
from .base import Engine

_BUILTIN = {
    "apertium": "toolkit.engines.apertium:ApertiumEngine",
    "argos": "toolkit.engines.argos:ArgosEngine",
    "pseudo": "toolkit.engines.identity:PseudoEngine",
    "identity": "toolkit.engines.identity:IdentityEngine",
}
_REGISTRY: dict[str, Callable[..., Engine]] = {}


def register(name: str) -> Callable[[Callable[..., Engine]], Callable[..., Engine]]:
    """Class decorator adding an engine factory (a plugin) under ``name``."""

    def deco(factory: Callable[..., Engine]) -> Callable[..., Engine]:
        _REGISTRY[name] = factory
        return factory

    return deco


def names() -> list[str]:
    """Every registered engine name, built-in and plugins."""
    return sorted(set(_BUILTIN) | set(_REGISTRY))


def factory(name: str) -> Callable[..., Engine]:
    """The factory registered as ``name``; an unknown name lists the known ones."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name not in _BUILTIN:
        raise EngineError(f"unknown engine {name!r}", engine=name,
                          hint="available: " + ", ".join(names()))
    module, _, cls = _BUILTIN[name].partition(":")
    return getattr(importlib.import_module(module), cls)


def create(name: str, **options: object) -> Engine:
    """Build the engine registered as ``name``."""
    return factory(name)(**options)
