"""Loading and saving glossary files and directories, by suffix."""

from __future__ import annotations

import io
import os
from importlib import resources
from pathlib import Path

from ..errors import GlossaryError, InputError
from ..fileio import write_bytes_atomic
from ..userdirs import toolkit_data_dir
from . import csvio, tbx
from .model import Glossary

SUFFIXES = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv"}


def default_dir() -> Path:
    """The shipped glossaries: package data (``toolkit/data/glossaries``), so a wheel has them."""
    return Path(str(resources.files("toolkit") / "data" / "glossaries"))


def default_file() -> Path:
    """The canonical shipped glossary file (read-only: edits go to :func:`editable_file`)."""
    return default_dir() / "iom-fr-en-es.tbx"


def user_dir() -> Path:
    """A user's own glossaries, for every project: ``$TOOLKIT_DATA_DIR/glossaries``."""
    return toolkit_data_dir() / "glossaries"


def project_dir(root: str | os.PathLike | None = None) -> Path:
    """A project's glossaries: ``glossaries/`` in the project folder (the working directory)."""
    return Path(root if root is not None else Path.cwd()) / "glossaries"


EDIT_FILE = "glossary.tbx"


def editable_file(scope: str | None = None, root: str | os.PathLike | None = None) -> Path:
    """Where ``glossary add/edit/remove/import`` write: never into the install.

    ``scope`` is ``project`` or ``user``; by default the project's file when the project has a
    ``glossaries/`` folder, else the user's.
    """
    if scope not in (None, "project", "user"):
        raise GlossaryError(f"unknown glossary scope {scope!r}", hint="project or user")
    project = project_dir(root)
    if scope == "project" or (scope is None and project.is_dir()):
        return project / EDIT_FILE
    return user_dir() / EDIT_FILE


def layers(extra: str | os.PathLike | None = None, *, replace: bool = False,
           root: str | os.PathLike | None = None) -> list[Path]:
    """The glossary sources of a run, lowest priority first.

    shipped < user data dir < project ``glossaries/`` < ``extra`` (``--glossary``); with
    ``replace`` only ``extra``. Folders that do not exist are left out.
    """
    if replace:
        if extra is None:
            raise GlossaryError("replacing the glossaries needs a glossary file",
                                hint="--replace-glossary needs --glossary FILE")
        return [Path(extra)]
    found = [default_dir()] + [d for d in (user_dir(), project_dir(root)) if d.is_dir()]
    resolved = {p.resolve() for p in found}
    if extra is not None and Path(extra).resolve() not in resolved:
        found.append(Path(extra))
    return found


def load_layered(extra: str | os.PathLike | None = None, *, replace: bool = False,
                 root: str | os.PathLike | None = None) -> Glossary:
    """Every layer of :func:`layers` merged; a concept in a later layer replaces the same id."""
    merged: Glossary | None = None
    for path in layers(extra, replace=replace, root=root):
        part = load(path)
        merged = part if merged is None else merged.merge(part)
    assert merged is not None
    return merged


def _format(path: Path, fmt: str | None) -> str:
    if fmt:
        return fmt
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise GlossaryError(f"unknown glossary file type {path.suffix!r}", path=path,
                            hint="use .tbx, .csv or .tsv") from None


def load(path: str | os.PathLike, fmt: str | None = None) -> Glossary:
    """Load a TBX, CSV or TSV file, or every such file of a directory (merged, sorted by name)."""
    p = Path(path)
    if p.is_dir():
        merged = Glossary(name=p.name)
        seen: dict[str, Path] = {}
        for child in sorted(p.iterdir()):
            if child.suffix.lower() not in SUFFIXES:
                continue
            part = load(child)
            for c in part:
                if c.id in seen:
                    raise GlossaryError(f"concept {c.id!r} is also defined in {seen[c.id]}",
                                        path=child, term=c.id)
                seen[c.id] = child
            merged = merged.merge(part)
        return merged
    kind = _format(p, fmt)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read glossary: {exc.strerror}", path=p) from exc
    if kind == "tbx":
        return tbx.read(data, path=p)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("glossary is not UTF-8", path=p) from exc
    return csvio.read(io.StringIO(text, newline=""), path=p,
                      delimiter="\t" if kind == "tsv" else ",")


def load_default() -> Glossary:
    """The shipped IOM French–English–Spanish glossary."""
    return load(default_dir())


def load_option(path: str | os.PathLike | None, *, off: bool = False,
                replace: bool = False) -> Glossary | None:
    """The glossary a command asked for: none, or every layer with ``path`` on top."""
    if off:
        return None
    return load_layered(path, replace=replace)


def dumps(glossary: Glossary, fmt: str) -> bytes:
    """``glossary`` serialised as ``tbx``, ``csv`` or ``tsv``."""
    if fmt == "tbx":
        buf = io.BytesIO()
        tbx.write(glossary, buf, title="IOM migration terminology (fr-en-es)")
        return buf.getvalue()
    if fmt in ("csv", "tsv"):
        out = io.StringIO(newline="")
        csvio.write(glossary, out, delimiter="\t" if fmt == "tsv" else ",")
        return out.getvalue().encode("utf-8")
    raise GlossaryError(f"unknown glossary format {fmt!r}", hint="tbx, csv or tsv")


def save(glossary: Glossary, path: str | os.PathLike, fmt: str | None = None) -> None:
    """Write ``glossary`` to ``path`` atomically (temporary file, then rename)."""
    p = Path(path)
    write_bytes_atomic(p, dumps(glossary, _format(p, fmt)))
