"""Apertium, the rule-based engine that works offline on a fresh machine.

Routes are found by shortest path over the installed modes, so a new
``apertium-xx-yy`` package adds pairs without code changes. A batch goes
through one ``apertium`` process per hop, the hops piped together so they run
concurrently, exactly like ``apertium fr-es | apertium spa-eng``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from ..errors import EngineError, LanguageError
from ..langs import Lang
from .base import Translation, unsupported_pair

APT_HINT = (
    "apt-get install apertium apertium-fr-es apertium-eng-spa apertium-fra-cat "
    "apertium-eo-fr apertium-eo-en apertium-oci-fra apertium-es-pt apertium-es-gl apertium-spa-ita"
)
_MODE_DIRS = ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes")
_MODE = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
# Preferred pivots, best-quality pairs first; ties in path length break on this.
_PIVOT_RANK = {"es": 0, "ca": 1, "fr": 2, "en": 3, "oc": 4, "eo": 5}
# Unknown (*), generation-error (#) and ambiguous (@) marks glued to a word.
_MARK = re.compile(r"(?<![\w*#@])([*#@]+)(\w[\w'’-]*)")
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


def find_modes(dirs: Sequence[str | os.PathLike] | None = None) -> dict[tuple[str, str], str]:
    """Installed plain modes as ``{(src, tgt): mode_name}`` in ISO 639-1 codes.

    Variant modes (``-bytecode``, ``_US``, ``eco-``) are skipped: each pair
    keeps its standard mode.
    """
    env_dir = os.environ.get("APERTIUM_MODES_DIR")
    search = list(dirs) if dirs is not None else ([env_dir] if env_dir else list(_MODE_DIRS))
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


def strip_marks(text: str, source: str = "") -> tuple[str, tuple[str, ...]]:
    """Remove Apertium's word marks, returning the clean text and the marked words.

    A mark that was already in the source (say a ``#hashtag``) is kept.
    """
    unknown: list[str] = []

    def repl(m: re.Match[str]) -> str:
        if m.group(0) in source:
            return m.group(0)
        unknown.append(m.group(2))
        return m.group(2)

    return _MARK.sub(repl, text), tuple(dict.fromkeys(unknown))


class ApertiumEngine:
    """Rule-based translation through the ``apertium`` command."""

    name = "apertium"

    def __init__(self, binary: str = "apertium", mode_dirs: Sequence[str] | None = None) -> None:
        self.binary = binary
        self._mode_dirs = mode_dirs
        self._modes: dict[tuple[str, str], str] | None = None

    @property
    def modes(self) -> dict[tuple[str, str], str]:
        if self._modes is None:
            self._modes = find_modes(self._mode_dirs)
        return self._modes

    def unavailable(self) -> str | None:
        if shutil.which(self.binary) is None:
            return f"the apertium command is not installed; run: {APT_HINT}"
        if not self.modes:
            return f"no Apertium language pair is installed; run: {APT_HINT}"
        return None

    def pairs(self) -> list[tuple[str, str]]:
        langs = sorted({c for pair in self.modes for c in pair})
        return [
            (a, b)
            for a in langs
            for b in langs
            if a != b and shortest_route(self.modes, a, b) is not None
        ]

    def _modes_for(self, src: Lang, tgt: Lang) -> list[str]:
        reason = self.unavailable()
        if reason:
            raise EngineError(reason, engine=self.name)
        route = shortest_route(self.modes, src.code, tgt.code)
        if route is None:
            err = unsupported_pair(self, src, tgt)
            pkg = _PACKAGES.get((src.code, tgt.code))
            if pkg:
                err.hint = f"install it with: apt-get install {pkg}; {err.hint}"
            raise err
        return route

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return self._modes_for(src, tgt)

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        route = self._modes_for(src, tgt)
        if not texts:
            return []
        lines: list[str] = []
        counts: list[int] = []
        for text in texts:
            parts = text.split("\n")
            counts.append(len(parts))
            lines.extend(parts)
        out = self._run(route, "\n".join(lines) + "\n")
        out_lines = out.split("\n")
        if out_lines and out_lines[-1] == "":
            out_lines.pop()
        if len(out_lines) != len(lines):
            # A line merged or split inside Apertium: translate one by one
            # rather than misalign units.
            out_lines = [self._run(route, line + "\n").rstrip("\n") for line in lines]
        note = ("engine: apertium", "route: " + " → ".join(route))
        results: list[Translation] = []
        pos = 0
        for text, n in zip(texts, counts):
            raw = "\n".join(
                o if i.strip() else i for i, o in zip(lines[pos : pos + n], out_lines[pos : pos + n])
            )
            pos += n
            clean, unknown = strip_marks(raw, text)
            results.append(Translation(text=clean, unknown=unknown, notes=note))
        return results

    def _run(self, route: list[str], data: str) -> str:
        """Pipe ``data`` through one process per hop, all running at once."""
        procs: list[subprocess.Popen[bytes]] = []
        stdin = subprocess.PIPE
        try:
            for mode in route:
                proc = subprocess.Popen(
                    [self.binary, mode],
                    stdin=stdin,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                )
                if procs and procs[-1].stdout is not None:
                    procs[-1].stdout.close()  # the next hop owns the pipe now
                procs.append(proc)
                stdin = proc.stdout  # type: ignore[assignment]
        except OSError as exc:
            for p in procs:
                p.kill()
            raise EngineError(f"cannot start apertium: {exc}", engine=self.name, hint=APT_HINT) from exc
        first, last = procs[0], procs[-1]
        # Feed the first hop from the last hop's communicate() thread-free:
        # write all input, then read; the pipes between hops keep flowing
        # because each hop reads while it writes.
        if len(procs) == 1:
            out, err = first.communicate(data.encode("utf-8"))
        else:
            import threading

            def feed() -> None:
                assert first.stdin is not None
                try:
                    first.stdin.write(data.encode("utf-8"))
                finally:
                    first.stdin.close()

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            out, err = last.communicate()
            writer.join()
        errors = []
        for mode, p in zip(route, procs):
            p.wait()
            if p.returncode:
                msg = p.stderr.read().decode("utf-8", "replace") if p.stderr and p is not last else ""
                errors.append(f"{mode} exited with {p.returncode} {msg.strip()}")
        if errors:
            raise EngineError("apertium failed: " + "; ".join(errors), engine=self.name)
        return out.decode("utf-8", "replace")
