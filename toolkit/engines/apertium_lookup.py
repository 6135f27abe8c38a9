"""Words looked up in one Apertium hop's dictionaries, without its tagger and transfer.

Tracing a leaked pivot word back to its source word only needs to know which
forms each source word *can* take on the other side. Running every word of a
sentence through the whole hop costs a pipeline of ten processes per batch
(a second of CPU on a run of 200 releases); three ``lt-proc`` passes over the
hop's own files (analyser, bilingual dictionary, generator) give every reading
at once for a fraction of that. lt-proc is the tool Apertium itself uses for
these steps; the three files are the ones named in the hop's ``.mode`` file.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice, product
from pathlib import Path
from typing import NamedTuple

from .apertium_routes import mode_dirs

_UNIT = re.compile(r"\^([^$]*)\$")
# Tags the transfer settles from context; the generator only knows the settled ones.
_OPEN = {"<GD>": ("<m>", "<f>", "<mf>"), "<ND>": ("<sg>", "<pl>", "<sp>"),
         "<mf>": ("<mf>", "<m>", "<f>"), "<m>": ("<m>", "<mf>"), "<f>": ("<f>", "<mf>")}
_TAG = re.compile(r"<[^>]+>")


class HopFiles(NamedTuple):
    analyser: str
    bilingual: str
    generator: str


def hop_files(mode: str) -> HopFiles | None:
    """The analyser, bilingual dictionary and generator a hop's mode file names, or None."""
    dirs = tuple(mode_dirs())
    return _hop_files(mode, dirs)


@lru_cache(maxsize=64)  # asked on every batch; a mode file changes only with a package
def _hop_files(mode: str, dirs: tuple[str, ...]) -> HopFiles | None:
    path = next((p for d in dirs if (p := Path(d) / f"{mode}.mode").is_file()), None)
    if path is None:
        return None
    try:
        stages = [shlex.split(s) for s in path.read_text("utf-8").split("|")]
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    procs = [s for s in stages if s and s[0] == "lt-proc"]
    if len(procs) < 3:
        return None
    analyser = procs[0][-1]
    bilingual = next((s[-1] for s in procs if "-b" in s), None)
    generator = next((s[-1] for s in procs[1:] if s[-1].endswith("autogen.bin")), None)
    files = (analyser, bilingual, generator)
    if None in files or not all(Path(f).is_file() for f in files):  # type: ignore[arg-type]
        return None
    return HopFiles(*files)  # type: ignore[arg-type]


def _lt(args: list[str], lines: list[str]) -> list[str] | None:
    """lt-proc over ``lines``, one output line per input line, or None if it went wrong."""
    if not lines:
        return []
    proc = subprocess.run(["lt-proc", *args], input=("\n".join(lines) + "\n").encode("utf-8"),
                          capture_output=True, check=False)
    if proc.returncode:
        return None
    out = proc.stdout.decode("utf-8", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    return out if len(out) == len(lines) else None


def _settled(target: str) -> list[str]:
    """A bilingual entry as generator input, the tags transfer would settle spelled out.

    A multiword entry (``linchar# a``) keeps its invariable queue after the tags, where
    the generator expects it.
    """
    cut = target.index("<") if "<" in target else len(target)
    lemma, tags = target[:cut], _TAG.findall(target[cut:])
    queue = ""
    if "#" in lemma:
        lemma, queue = lemma.split("#", 1)
        queue = "#" + queue
    choices = [_OPEN.get(t, (t,)) for t in tags]
    return ["^" + lemma + "".join(c) + queue + "$" for c in list(product(*choices))[:12]]


def forms(words: Iterable[str], files: HopFiles) -> dict[str, set[str]] | None:
    """Every surface form each word can take through the hop, by the word.

    A word the analyser reads as several units (extra-véhiculaire) gets the
    forms of its units joined as written; a unit nothing generates stays as
    written, as Apertium leaves an unknown word. None when lt-proc is missing
    or one of its passes went wrong: the caller falls back to running the
    words through the whole hop.
    """
    words = sorted(set(words))
    if not words:
        return {}
    if shutil.which("lt-proc") is None:
        return None
    analysed = _lt([files.analyser], [w.replace("\n", " ") for w in words])
    if analysed is None:
        return None
    # Each word as pieces: plain text between units, and units (surface, readings).
    pieces: list[list[str | tuple[str, list[str]]]] = []
    lex: list[tuple[int, int, str]] = []  # (word, piece, lemma<tags>) to look up
    for w, line in enumerate(analysed):
        parts: list[str | tuple[str, list[str]]] = []
        at = 0
        for m in _UNIT.finditer(line):
            if m.start() > at:
                parts.append(line[at:m.start()])
            surface, *readings = m.group(1).split("/")
            parts.append((surface, readings))
            for reading in readings:
                if not reading.startswith("*"):
                    lex += [(w, len(parts) - 1, x) for x in reading.split("+") if "<" in x]
            at = m.end()
        if at < len(line):
            parts.append(line[at:])
        pieces.append(parts)
    bil = _lt(["-b", files.bilingual], ["^" + x + "$" for _, _, x in lex])
    if bil is None:
        return None
    gen_in: list[tuple[int, int, str]] = []
    for (w, k, _), line in zip(lex, bil):
        for unit in _UNIT.findall(line):
            for target in unit.split("/")[1:]:
                if target and target[0] not in "@*#":
                    gen_in += [(w, k, s) for s in _settled(target)]
    generated = _lt(["-g", files.generator], [s for _, _, s in gen_in])
    if generated is None:
        return None
    made: dict[tuple[int, int], set[str]] = {}
    for (w, k, _), surface in zip(gen_in, generated):
        if surface and "#" not in surface and "<" not in surface:
            made.setdefault((w, k), set()).add(surface.strip())
    out: dict[str, set[str]] = {}
    for w, parts in enumerate(pieces):
        choices = [{p} if isinstance(p, str) else made.get((w, k)) or {p[0]}
                   for k, p in enumerate(parts)]
        out[words[w]] = {"".join(c) for c in islice(product(*map(sorted, choices)), 24)}
    return out
