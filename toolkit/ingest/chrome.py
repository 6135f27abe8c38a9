"""Recognising website chrome (menus, teasers) at the top of a copied release.

A release pasted from a web page starts with the site's navigation. We only
ever look at the lines before the first body paragraph, and a line is dropped
only on positive evidence: it is in the known-profile list, it is shared by
other releases of the same run, it repeats the line next to it, it glues a
teaser onto the menu label before it, or it is a short menu bullet. The run
must open the file, and lines between two such signals go too (a menu label
the list does not know yet).
Everything from the title on is kept, so body text is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

_LONG = 160  # a line this long without being a signal is body text
_BULLET = re.compile(r"^[-•*·]\s*(.{0,60})$")


def _norm(line: str) -> str:
    text = line.strip()
    if text[:1] in "-•*·":
        text = text[1:].strip()
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1)
def known_lines() -> frozenset[str]:
    data = resources.files("toolkit.ingest").joinpath("data/chrome.txt").read_text("utf-8")
    return frozenset(
        _norm(line) for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


def shared_lines(texts: Iterable[str], head: int = 80) -> frozenset[str]:
    """Lines found in the first ``head`` lines of at least two of ``texts`` that are not
    versions of one release.

    Two copies or two versions of one release share their title and body, not
    just a site's menu: counted as evidence, they would make each other's whole
    text chrome. Releases sharing most of their sentences count as one.
    """
    texts = list(texts)
    owner = _versions(texts)
    seen: dict[str, set[int]] = {}
    for k, text in enumerate(texts):
        for line in {_norm(x) for x in text.split("\n")[:head] if x.strip()}:
            seen.setdefault(line, set()).add(owner[k])
    return frozenset(line for line, who in seen.items() if len(who) >= 2)


def _versions(texts: Sequence[str], overlap: float = 0.5) -> list[int]:
    """For each text, the first text it is a version of (itself if none): the two share at
    least ``overlap`` of the smaller one's sentences."""
    owner = list(range(len(texts)))

    def root(k: int) -> int:
        while owner[k] != k:
            owner[k] = owner[owner[k]]
            k = owner[k]
        return k

    sentences = [{_norm(x) for x in t.split("\n") if _sentence(x)} for t in texts]
    holders: dict[str, list[int]] = {}  # sentence -> texts holding it: no pairwise scan
    for k, sents in enumerate(sentences):
        for line in sents:
            holders.setdefault(line, []).append(k)
    for k, sents in enumerate(sentences):
        common: dict[int, int] = {}
        for line in sents:
            for j in holders[line]:
                if j < k:
                    common[j] = common.get(j, 0) + 1
        for j, n in common.items():
            if n >= overlap * min(len(sents), len(sentences[j])):
                owner[root(k)] = root(j)
    return [root(k) for k in range(len(texts))]


def _signal(lines: Sequence[str], i: int, known: frozenset[str], shared: frozenset[str]) -> bool:
    raw = lines[i].strip()
    if not raw:
        return False
    if raw in ("-", "|", "•"):
        return True
    norm = _norm(raw)
    if norm in known or norm in shared:
        return True
    prev = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    nxt = next((lines[j].strip() for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    if prev and (raw == prev or raw == nxt) and len(raw) < 80:
        return True  # a menu label printed twice (link + heading)
    if prev and len(prev) < 60 and raw.startswith(prev) and raw[len(prev) : len(prev) + 1].isupper():
        return True  # "Notre travailEn tant que…": a label glued to its teaser
    return bool(_BULLET.match(raw)) and not raw.rstrip().endswith((".", "!", "?", ":"))


def _sentence(line: str) -> bool:
    """A line of running text (ends like a sentence and has several words)."""
    text = line.strip()
    return len(text.split()) >= 6 and text.endswith((".", "!", "?", "»", ".)", "…"))


def chrome_end(lines: Sequence[str], shared: frozenset[str] = frozenset()) -> int:
    """Index of the first line after the chrome (0 when there is none)."""
    known = known_lines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _signal(lines, first, known, shared):
        return 0  # chrome sits at the very top; a release that opens with text has none
    last = -1
    for i, line in enumerate(lines):
        if _signal(lines, i, known, shared):
            last = i
        elif len(line.strip()) >= _LONG or _sentence(line):
            break  # first body paragraph: chrome cannot lie beyond it
    return last + 1
