"""toolkit: offline translation and multilingual publishing for press releases."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["translate_text", "__version__"]


def __getattr__(name: str) -> Any:
    # Keep `import toolkit` free of work: the API loads on first use.
    if name == "translate_text":
        from .api import translate_text

        return translate_text
    raise AttributeError(name)
