"""The output tree: ``<out>/<lang>/<release>.<suffix>`` and ``<out>/.toolkit/``.

One owner for where catalogues live. Suffixes come from the format registry
(each format names the suffix it writes first); callers ask for paths here
instead of keeping their own suffix lists.
"""

from __future__ import annotations

import os
from pathlib import Path

from .langs import Lang

# Formats written for a release by default, in the order they are written.
DEFAULT_FORMATS = ("po", "xliff")
# Catalogue formats of the tree (TMX is a memory exchange file, not a catalogue).
CATALOGUE_FORMATS = ("po", "xliff", "xliff2")


def suffix_of(fmt: str) -> str:
    """The suffix the toolkit gives files of format ``fmt`` (``xliff2`` → ``.xliff``)."""
    from .formats import get

    return get(fmt).suffix


def catalogue_suffixes() -> tuple[str, ...]:
    """Every suffix a catalogue in the tree may have: ``.po``, ``.xlf``, ``.xliff``."""
    from .formats import get

    return tuple(dict.fromkeys(s for f in CATALOGUE_FORMATS for s in get(f).suffixes))


def is_catalogue(path: str | os.PathLike) -> bool:
    p = Path(path)
    return p.suffix.lower() in catalogue_suffixes() and not p.name.startswith(".")


def lang_dir(out: str | os.PathLike, tgt: Lang) -> Path:
    """``<out>/<lang>``, named with the POSIX form of the language (``pt_BR``)."""
    return Path(out) / tgt.posix


def catalogue_path(out: str | os.PathLike, tgt: Lang, release: str, fmt: str) -> Path:
    """Where the ``fmt`` catalogue of ``release`` in ``tgt`` lives."""
    return lang_dir(out, tgt) / f"{release}{suffix_of(fmt)}"


def existing_catalogues(out: str | os.PathLike, tgt: Lang, release: str) -> dict[str, Path]:
    """The catalogue files of one release that exist, by format name."""
    found = {}
    for fmt in CATALOGUE_FORMATS:
        path = catalogue_path(out, tgt, release, fmt)
        if path.is_file():
            found[fmt] = path
    return found


def memory_path(out: str | os.PathLike) -> Path:
    """The project's translation memory: ``<out>/.toolkit/memory.sqlite``."""
    return Path(out) / ".toolkit" / "memory.sqlite"
