"""Exchange formats, one module each, registered once with name and suffixes.

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
    """One exchange format: its name, the suffixes it is known by, reader and writer.

    ``suffixes[0]`` is the suffix the toolkit writes; the others are accepted
    on read (other tools' habits). ``sniff`` tells from a file's first bytes
    whether it is this format, for a suffix two formats share.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    write: Writer
    description: str = ""
    sniff: Callable[[bytes], bool] | None = None

    @property
    def suffix(self) -> str:
        """The suffix files of this format get when the toolkit names them."""
        return self.suffixes[0]


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    _FORMATS[fmt.name] = fmt
    return fmt


def _load() -> None:
    from . import po, tmx, xliff2, xliff12  # noqa: F401


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


def suffixes() -> tuple[str, ...]:
    """Every suffix a registered format is known by (``.po``, ``.xlf``, ``.xliff``, ``.tmx``)."""
    return tuple(dict.fromkeys(s for f in all_formats() for s in f.suffixes))


def for_path(path: str | os.PathLike) -> Format:
    """The format of ``path``: by suffix, and by content when formats share the suffix.

    ``.xlf`` and ``.xliff`` are both used for XLIFF 1.2 and 2.x by other tools
    (and the toolkit once wrote 2.1 as ``.xlf``), so an existing file is
    sniffed for its version; a new file gets the format whose own suffix it has:
    XLIFF 1.2 for ``.xlf``, XLIFF 2.1 for ``.xliff``.
    """
    _load()
    suffix = Path(path).suffix.lower()
    matches = [f for f in _FORMATS.values() if suffix in f.suffixes]
    if not matches:
        raise ParseError(f"unknown catalogue type {suffix or '(no suffix)'}", path=path,
                         hint="known: " + ", ".join(suffixes()))
    if len(matches) > 1:
        p = Path(path)
        head = b""
        if p.is_file():  # the head only: a catalogue can be a gigabyte
            with p.open("rb") as fp:
                head = fp.read(2048)
        sniffed = [f for f in matches if head and f.sniff and f.sniff(head)]
        if len(sniffed) == 1:
            return sniffed[0]
        return next((f for f in matches if f.suffix == suffix), matches[0])
    return matches[0]


def read_file(path: str | os.PathLike) -> Catalogue:
    fmt = for_path(path)
    p = Path(path)
    if not p.is_file():
        raise ParseError("no such file", path=p)
    with p.open("rb") as fp:
        return fmt.read(fp, path=str(p))


def render(cat: Catalogue, fmt: str, *, now: datetime, tool: str) -> bytes:
    """The bytes of ``cat`` in format ``fmt``, for callers that check or batch writes."""
    import io

    buf = io.BytesIO()
    get(fmt).write(cat, buf, now=now, tool=tool)
    return buf.getvalue()


def write_file(cat: Catalogue, path: str | os.PathLike, *, now: datetime, tool: str,
               fmt: str | None = None) -> None:
    from ..fileio import write_atomic

    f = get(fmt) if fmt else for_path(path)
    write_atomic(path, lambda fp: f.write(cat, fp, now=now, tool=tool))
