"""The output tree: ``<out>/<lang>/<release>.<suffix>`` and ``<out>/.toolkit/``.

One owner for where catalogues live. Suffixes come from the format registry
(each format names the suffix it writes first); callers ask for paths here
instead of keeping their own suffix lists.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import ConflictError
from .langs import Lang
from .model import Catalogue

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


def catalogue_groups(root: str | os.PathLike) -> list[list[Path]]:
    """Catalogues under ``root``, the copies of one release (same folder and name) together.

    Each group is what :func:`read_current` merges into the current catalogue.
    """
    found: dict[Path, list[Path]] = {}
    for path in sorted(Path(root).rglob("*")):
        if is_catalogue(path) and path.is_file():
            found.setdefault(path.with_suffix(""), []).append(path)
    return [found[k] for k in sorted(found)]


def lang_dir(out: str | os.PathLike, tgt: Lang) -> Path:
    """``<out>/<lang>``, named with the POSIX form of the language (``pt_BR``)."""
    return Path(out) / check_name(tgt.posix, what="language folder")


def catalogue_path(out: str | os.PathLike, tgt: Lang, release: str, fmt: str) -> Path:
    """Where the ``fmt`` catalogue of ``release`` in ``tgt`` lives (inside ``out``, checked)."""
    return inside(out, lang_dir(out, tgt) / f"{check_name(release)}{suffix_of(fmt)}")


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


def read_current(paths: Iterable[str | os.PathLike]) -> Catalogue:
    """The current catalogue of one release from its copies (``.po``, ``.xlf``, ``.xliff``).

    The one rule for "the current catalogue": every copy is read and they are
    merged unit by unit with the three-way rule (:mod:`toolkit.threeway`),
    so an edit saved in place in any copy counts, whichever file is newest.
    Copies of different releases or language pairs, or a unit edited
    differently in two copies, raise ConflictError; a malformed copy
    ParseError.
    """
    from .formats import read_file
    from .threeway import merge_copies

    files = sorted({Path(p) for p in paths}, key=lambda p: (p.stat().st_mtime_ns, p.suffix))
    if not files:
        raise ValueError("no catalogue files")
    copies = [(p, read_file(p)) for p in files]
    for path, cat in copies:  # a header's name is data: checked before it is compared
        if cat.name:
            check_name(cat.name, path=path)
    first_path, first = copies[0]
    for path, cat in copies[1:]:
        if (cat.name, Lang.parse(cat.src), Lang.parse(cat.tgt)) != (
                first.name, Lang.parse(first.src), Lang.parse(first.tgt)):
            raise ConflictError(
                f"copy of {first_path.name} is release {cat.name!r} {cat.src} → {cat.tgt}, "
                f"not {first.name!r} {first.src} → {first.tgt}", path=path)
    return merge_copies(copies)


def current_catalogue(out: str | os.PathLike, tgt: Lang, release: str, *,
                      exclude: str | os.PathLike | None = None) -> Catalogue | None:
    """The current catalogue of ``release`` in ``out`` (see :func:`read_current`), or None.

    ``exclude`` leaves one file out: a reviewed file saved in place is merged
    against the other copies, not against itself.
    """
    skip = Path(exclude).resolve() if exclude is not None else None
    paths = [p for p in existing_catalogues(out, tgt, release).values() if p.resolve() != skip]
    return read_current(paths) if paths else None


# Release names come from files, catalogue headers and unit ids: they are data,
# and become part of a path only after this check (a header saying
# ``../../OtherProject/x`` must not reach another project's catalogues).
MAX_NAME = 200


def check_name(name: str, *, what: str = "release name",
               path: str | os.PathLike | None = None) -> str:
    """``name`` if it is safe as one path component, else InputError naming the file."""
    from .errors import InputError

    bad = None
    if not name or not name.strip():
        bad = "is empty"
    elif len(name) > MAX_NAME:
        bad = f"is longer than {MAX_NAME} characters"
    elif "/" in name or "\\" in name or "\x00" in name:
        bad = "contains a path separator"
    elif name in (".", "..") or name.startswith(".."):
        bad = "is a relative path"
    elif name.startswith(".") or name.startswith("~") or (len(name) > 1 and name[1] == ":"):
        bad = "looks like a path"
    elif any(ord(c) < 32 for c in name):
        bad = "contains control characters"
    if bad:
        raise InputError(f"unsafe {what} {name[:80]!r}: {bad}", path=path,
                         hint="names are single file names, never paths")
    return name


def inside(root: str | os.PathLike, path: str | os.PathLike) -> Path:
    """``path`` if it lies inside ``root`` once symlinks are resolved, else InputError."""
    from .errors import InputError

    real_root = Path(root).resolve()
    real = Path(path).resolve()
    if real != real_root and real_root not in real.parents:
        raise InputError(f"refusing to write outside {root}", path=path,
                         hint="a name or a symbolic link points elsewhere")
    return Path(path)


def recorded_path(source: str | os.PathLike, folder: str | os.PathLike) -> str:
    """How a catalogue in ``folder`` names its source: relative to the catalogue, so the
    project can move and publish still finds it without searching; absolute when the
    two share nothing but the filesystem root."""
    if not Path(source).is_file():  # standard input, or a name that is not a path
        return str(source)
    src, base = Path(source).resolve(), Path(folder).resolve()
    try:
        common = Path(os.path.commonpath([src, base]))
    except ValueError:  # different drives
        return str(src)
    if common == Path(common.anchor):
        return str(src)
    return Path(os.path.relpath(src, base)).as_posix()


def tree_of(path: str | os.PathLike, lang: str) -> Path:
    """The output tree a catalogue belongs to: ``<tree>`` for ``<tree>/<lang>/<file>``,
    else the file's own folder (a catalogue kept anywhere is its own small tree)."""
    p = Path(path).resolve()
    if p.parent.name == Lang.parse(lang).posix:
        return p.parent.parent
    return p.parent
