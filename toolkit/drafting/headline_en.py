"""English headlines in title case, brought to sentence case before the engine reads them.

IOM's English releases capitalise every word of the title ("IOM Scales Up Response as
Floods Displace Thousands in Northern Mozambique"); Apertium reads a capitalised word as a
name and copies it ("L'OIM Scales Up Response aussi bien que Floods Displace…"). French
and Spanish titles are in sentence case, so the draft should be too. A word keeps its
capital when the English dictionary reads it as a proper noun (Mozambique, Amy) or does not
know it (a name it has never seen), or when it is an acronym; the others go to lower case.
The dictionary is the installed Apertium English analyser, asked once per batch; without it
the text is left as it is. The layer sits outside span protection, which would otherwise
keep the capitalised words as names.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from ..engines.base import Translation, Wrapper
from ..langs import Lang

_DATA_DIRS = ("/usr/share/apertium", "/usr/local/share/apertium")
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z'’]*(?:-[A-Za-z][a-z'’]*)*(?![\w'’-])")
# Words a title-case headline leaves in lower case (or may): they do not count.
_MINOR = frozenset("a an the of in on at to for from by with and or but as nor vs via into "
                   "over after amid".split())
_CACHE: dict[str, bool] = {}  # word → keeps its capital


def is_title_case(text: str) -> bool:
    """Whether ``text`` reads as a headline with every main word capitalised."""
    if text.rstrip().endswith((".", "?", "!", ":", ";")) and not text.rstrip().endswith("..."):
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR]
    if len(words) < 4:
        return False
    capitals = sum(w[0].isupper() for w in words)
    return capitals >= 0.8 * len(words) and capitals >= 4


@cache
def _analyser() -> str | None:
    if shutil.which("lt-proc") is None:
        return None
    for d in _DATA_DIRS:
        files = sorted(Path(d).glob("*/eng-*.automorf.bin"))
        if files:
            return str(files[0])
    return None


def _keep(words: Iterable[str]) -> None:
    """Fills the cache for ``words``: a proper noun or an unknown word keeps its capital."""
    todo = sorted({w for w in words if w not in _CACHE})
    key = _analyser()
    if not todo or key is None:
        return
    proc = subprocess.run(["lt-proc", key], input="\n".join(todo).encode("utf-8") + b"\n",
                          capture_output=True, check=False)
    if proc.returncode:
        return
    for m in re.finditer(r"\^([^/$]+)/([^$]*)\$", proc.stdout.decode("utf-8", "replace")):
        readings = m.group(2)
        _CACHE[m.group(1)] = readings.startswith("*") or "<np>" in readings


def sentence_case(texts: list[str]) -> list[str]:
    """Each title-case headline of ``texts`` in sentence case; other texts as they are."""
    heads = [i for i, t in enumerate(texts) if is_title_case(t)]
    if not heads or _analyser() is None:
        return texts
    candidates = [w for i in heads for w in _WORD.findall(texts[i])
                  if w[0].isupper() and not w.isupper()]
    _keep(candidates)
    out = list(texts)
    for i in heads:
        first = re.search(r"\w", texts[i])
        out[i] = _WORD.sub(lambda m, start=first.start() if first else 0: _lower(m, start),
                           texts[i])
    return out


def _lower(m: re.Match[str], start: int) -> str:
    w = m.group(0)
    if m.start() == start or w.isupper() or not w[0].isupper() or _CACHE.get(w, True):
        return w
    return w.lower()


class Headlines(Wrapper):
    """Feeds ``inner`` English title-case headlines in sentence case."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code == "en":
            texts = sentence_case(list(texts))
        return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
