"""Exchange formats, one module each, registered once with name and suffix.

Every format offers ``read(fp, *, path) -> Catalogue`` and
``write(cat, fp, *, now, tool) -> None`` on binary file objects.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import ParseError
from ..model import Catalogue

Reader = Callable[..., Catalogue]
Writer = Callable[..., None]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    suffix: str
    read: Reader
    write: Writer
    description: str = ""


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    _FORMATS[fmt.name] = fmt
    return fmt


def _load() -> None:
    from . import po, xliff12  # noqa: F401

    for optional in ("xliff2", "tmx"):
        try:
            __import__(f"{__name__}.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{optional}":
                raise


def get(name: str) -> Format:
    _load()
    try:
        return _FORMATS[name]
    except KeyError:
        raise ParseError(
            f"unknown format {name!r}", hint="available: " + ", ".join(sorted(_FORMATS))
        ) from None


def all_formats() -> list[Format]:
    _load()
    return [_FORMATS[k] for k in sorted(_FORMATS)]


def for_path(path: str | os.PathLike) -> Format:
    """The format whose suffix matches ``path`` (``.po``, ``.xlf``, ``.xliff``, ``.tmx``)."""
    _load()
    suffix = Path(path).suffix.lower()
    if suffix == ".xliff":
        suffix = ".xlf"
    matches = [f for f in _FORMATS.values() if f.suffix == suffix]
    if not matches:
        raise ParseError(f"unknown catalogue type {suffix or '(no suffix)'}", path=path)
    if len(matches) > 1 and suffix == ".xlf":
        return _sniff_xliff(path, matches)
    return matches[0]


def _sniff_xliff(path: str | os.PathLike, matches: list[Format]) -> Format:
    p = Path(path)
    head = p.read_bytes()[:2048] if p.is_file() else b""  # a new file: XLIFF 1.2
    want = "xliff2" if b'version="2.' in head or b"version='2." in head else "xliff"
    return next(f for f in matches if f.name == want)


def read_file(path: str | os.PathLike) -> Catalogue:
    fmt = for_path(path)
    p = Path(path)
    if not p.is_file():
        raise ParseError("no such file", path=p)
    with p.open("rb") as fp:
        return fmt.read(fp, path=str(p))


def write_file(cat: Catalogue, path: str | os.PathLike, *, now: datetime, tool: str,
               fmt: str | None = None) -> None:
    from ..fileio import write_atomic

    f = get(fmt) if fmt else for_path(path)
    write_atomic(path, lambda fp: f.write(cat, fp, now=now, tool=tool))
