"""Apertium's installed modes and the routes through them: which pairs a machine has, and
the shortest chain of modes from one language to another (fr→en through Spanish)."""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from ..errors import LanguageError
from ..langs import Lang

APT_HINT = (
    "apt-get install apertium apertium-fr-es apertium-eng-spa apertium-fra-cat "
    "apertium-eo-fr apertium-eo-en apertium-oci-fra apertium-es-pt apertium-es-gl apertium-spa-ita"
)
_MODE_DIRS = ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes")
_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
# Preferred pivots, best-quality pairs first; ties in path length break on this.
_PIVOT_RANK = {"es": 0, "ca": 1, "fr": 2, "en": 3, "oc": 4, "eo": 5}
# Debian package providing each directed mode, for error messages.
_PACKAGES = {
    ("fr", "es"): "apertium-fr-es", ("es", "fr"): "apertium-fr-es",
    ("es", "en"): "apertium-eng-spa", ("en", "es"): "apertium-eng-spa",
    ("fr", "ca"): "apertium-fra-cat", ("ca", "fr"): "apertium-fra-cat",
    ("fr", "eo"): "apertium-eo-fr", ("eo", "en"): "apertium-eo-en",
    ("en", "eo"): "apertium-eo-en", ("fr", "oc"): "apertium-oci-fra",
    ("oc", "fr"): "apertium-oci-fra", ("es", "pt"): "apertium-es-pt",
    ("pt", "es"): "apertium-es-pt", ("es", "gl"): "apertium-es-gl",
    ("gl", "es"): "apertium-es-gl", ("es", "it"): "apertium-spa-ita",
    ("it", "es"): "apertium-spa-ita",
}


def mode_dirs() -> list[str]:
    """Where installed modes are looked for: ``APERTIUM_MODES_DIR`` alone when set."""
    env_dir = os.environ.get("APERTIUM_MODES_DIR")
    return [env_dir] if env_dir else list(_MODE_DIRS)


def find_modes(dirs: Sequence[str | os.PathLike] | None = None) -> dict[tuple[str, str], str]:
    """Installed plain modes as ``{(src, tgt): mode_name}`` in ISO 639-1 codes.

    Variant modes (``-bytecode``, ``_US``, ``eco-``) are skipped: each pair
    keeps its standard mode.
    """
    search = list(dirs) if dirs is not None else mode_dirs()
    found: dict[tuple[str, str], str] = {}
    for d in search:
        path = Path(d)
        if not path.is_dir():
            continue
        for mode in sorted(path.glob("*.mode")):
            m = _MODE.match(mode.stem)
            if not m:
                continue
            try:
                a, b = Lang.parse(m.group(1)).code, Lang.parse(m.group(2)).code
            except LanguageError:
                continue
            found.setdefault((a, b), mode.stem)
    return found


def shortest_route(modes: dict[tuple[str, str], str], src: str, tgt: str) -> list[str] | None:
    """Breadth-first search over installed modes; returns the mode names in order."""
    if src == tgt:
        return None
    graph: dict[str, list[str]] = {}
    for a, b in modes:
        graph.setdefault(a, []).append(b)
    for nbrs in graph.values():
        nbrs.sort(key=lambda c: (_PIVOT_RANK.get(c, 9), c))
    prev: dict[str, str] = {src: ""}
    queue = deque([src])
    while queue:
        node = queue.popleft()
        if node == tgt:
            break
        for nxt in graph.get(node, []):
            if nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    if tgt not in prev:
        return None
    path = [tgt]
    while path[-1] != src:
        path.append(prev[path[-1]])
    path.reverse()
    return [modes[(a, b)] for a, b in zip(path, path[1:])]
