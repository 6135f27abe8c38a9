"""Which catalogues a report covers: files as given, folders as the output tree sees them."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import InputError
from ..fileio import unique_paths
from ..formats import read_file
from ..locales import catalogue_groups, read_current
from ..model import Catalogue


def collect(paths: Iterable[str | os.PathLike]) -> list[tuple[Path, Catalogue]]:
    """``(path, catalogue)`` for every input, in the order given.

    A file is read on its own; a folder (a locales tree) gives the current
    catalogue of each release and language in it, its copies (``.po``,
    ``.xlf``, ``.xliff``) merged as ``translate`` and ``import`` see them.
    Every input is read before anything is rendered, so a bad one stops the
    run early (InputError or ParseError naming the file).
    """
    out: list[tuple[Path, Catalogue]] = []
    for raw in unique_paths(paths):
        path = Path(raw)
        if path.is_dir():
            groups = catalogue_groups(path)
            if not groups:
                raise InputError("no catalogues (.po, .xlf, .xliff) in this folder", path=path)
            out.extend((group[0], read_current(group)) for group in groups)
        elif path.exists():
            out.append((path, read_file(path)))
        else:
            raise InputError("no such file or folder", path=path)
    if not out:
        raise InputError("no catalogues given")
    return out
