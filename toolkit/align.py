"""Sentence alignment of a past release with its translation, to seed the memory.

Gale & Church (1993) length-based alignment: a dynamic programme over
beads (1-1, 1-0, 0-1, 2-1, 1-2) whose cost is ``-log P(bead) - log P(length
match)``, the length match being a normal model of the character-length
ratio (mean estimated from the two documents, variance 6.8 per character).
Anchors shift the costs: equal numbers (by value, across conventions),
identical e-mails/URLs/phones/handles, shared proper names and mapped
acronyms (OIM ↔ IOM), and glossary concepts when a glossary is given. A bead
that merges sentences of different paragraphs costs extra.

Each bead gets a confidence in [0, 1] mixing the length probability and the
share of its anchors that agree; 1-0 and 0-1 beads have confidence 0.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .ingest import load
from .langs import Lang
from .pipeline import block_sentences
from .protect import find_protected
from .qa.acronyms import BUILTIN
from .qa.numbers import quantities

VARIANCE = 6.8
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
          (1, 2): 0.089 / 2}
W_MATCH, W_MISS, W_PARAGRAPH = 1.5, 1.0, 5.0
DEFAULT_THRESHOLD = 0.5
_CAP = re.compile(r"(?<=[\w,;:)»\"'’] )[A-ZÀ-Ý][\w’'-]{2,}|\b[A-Z]{2,}\b")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    block: int
    ref: str


@dataclass(frozen=True, slots=True)
class Pair:
    """One bead: source and target sentence indices, joined texts, and confidence."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    source: str
    target: str
    confidence: float
    src_ref: str = ""
    tgt_ref: str = ""


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


def anchors(text: str, lang: str, glossary: object | None = None) -> tuple[set[str], set[str]]:
    """``(strong, weak)`` anchors of a sentence.

    Strong anchors (numbers by value, verbatim spans) should appear on both
    sides of a correct bead, so a missing one costs; weak ones (names,
    acronyms, glossary concepts) only earn a bonus when shared.
    """
    strong = {f"{q.keys[0]}" for q in quantities(text, lang)}
    strong |= {s.text for s in find_protected(text) if s.kind in ("email", "url", "handle",
                                                                   "phone")}
    weak = set()
    code = lang.split("-")[0]
    for m in _CAP.finditer(text):
        word = m.group(0)
        if code == "fr" and word in BUILTIN:
            word = BUILTIN[word][0]
        weak.add(_fold(word))
    if glossary is not None:
        from .glossary import Matcher

        weak |= {f"concept:{m.concept.id}" for m in Matcher(glossary, code).find(text)}  # type: ignore[arg-type]
    return strong, weak


def _phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


def length_probability(l1: int, l2: int, ratio: float) -> float:
    """Gale–Church probability that lengths ``l1`` and ``l2`` are translations."""
    mean = (l1 + l2 / ratio) / 2.0
    if mean <= 0:
        return 1.0
    delta = (l2 - l1 * ratio) / math.sqrt(mean * VARIANCE)
    return 2.0 * (1.0 - _phi(abs(delta)))


def align(src: Sequence[Sentence], tgt: Sequence[Sentence], *, src_lang: str = "fr",
          tgt_lang: str = "en", glossary: object | None = None) -> list[Pair]:
    """Align two sentence lists; returns beads in document order.

    >>> s = [Sentence("Bonjour.", 0, ""), Sentence("Il y a 3 chats.", 1, "")]
    >>> t = [Sentence("Hello.", 0, ""), Sentence("There are 3 cats.", 1, "")]
    >>> [(p.src, p.tgt) for p in align(s, t)]
    [((0,), (0,)), ((1,), (1,))]
    """
    n, m = len(src), len(tgt)
    total_s = sum(len(s.text) for s in src) or 1
    ratio = (sum(len(t.text) for t in tgt) or 1) / total_s
    sa = [anchors(s.text, src_lang, glossary) for s in src]
    ta = [anchors(t.text, tgt_lang, glossary) for t in tgt]
    band = max(25, (max(n, m) // 5))
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if i == 0 and j == 0:
                continue
            best, move = inf, None
            for di, dj in PRIORS:
                if i - di < 0 or j - dj < 0 or cost[i - di][j - dj] == inf:
                    continue
                c = cost[i - di][j - dj] + _bead_cost(src, tgt, sa, ta, i - di, i, j - dj, j,
                                                      ratio)[0]
                if c < best:
                    best, move = c, (di, dj)
            cost[i][j], back[i][j] = best, move
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        move = back[i][j]
        if move is None:  # outside the band: cannot happen when n and m are both reachable
            raise ValueError("alignment band too narrow")
        di, dj = move
        beads.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    beads.reverse()
    out = []
    for a, b, c, d in beads:
        _, conf = _bead_cost(src, tgt, sa, ta, a, b, c, d, ratio)
        out.append(Pair(tuple(range(a, b)), tuple(range(c, d)),
                        " ".join(s.text for s in src[a:b]), " ".join(t.text for t in tgt[c:d]),
                        round(conf, 3), src[a].ref if b > a else "", tgt[c].ref if d > c else ""))
    return out


def _bead_cost(src: Sequence[Sentence], tgt: Sequence[Sentence], sa: list, ta: list,
               a: int, b: int, c: int, d: int, ratio: float) -> tuple[float, float]:
    l1 = sum(len(s.text) for s in src[a:b])
    l2 = sum(len(t.text) for t in tgt[c:d])
    p = length_probability(l1, l2, ratio)
    cost = -math.log(PRIORS[(b - a, d - c)]) - math.log(max(p, 1e-12))
    strong_s = set().union(*(x[0] for x in sa[a:b])) if b > a else set()
    strong_t = set().union(*(x[0] for x in ta[c:d])) if d > c else set()
    weak_s = set().union(*(x[1] for x in sa[a:b])) if b > a else set()
    weak_t = set().union(*(x[1] for x in ta[c:d])) if d > c else set()
    matched = len(strong_s & strong_t) + len(weak_s & weak_t)
    missed = len(strong_s ^ strong_t)
    cost += W_MISS * missed - W_MATCH * matched
    if len({s.block for s in src[a:b]}) > 1 or len({t.block for t in tgt[c:d]}) > 1:
        cost += W_PARAGRAPH
    if b == a or d == c:
        return cost, 0.0
    shown = len(strong_s | strong_t) + len(weak_s | weak_t)
    conf = p if shown == 0 else 0.5 * p + 0.5 * (matched / shown)
    if (b - a, d - c) != (1, 1):
        conf *= 0.9
    return cost, conf


def sentences(path: str | os.PathLike, lang: str | Lang) -> list[Sentence]:
    """A release's sentences after ingest (chrome removed), with ``file:line`` refs."""
    doc = load(path)
    code = Lang.parse(lang) if isinstance(lang, str) else lang
    name = Path(path).name
    out = []
    for b, block in enumerate(doc.blocks):
        if not block.translate or not block.text.strip():
            continue
        for _, _, text in block_sentences(block, code):
            out.append(Sentence(text, b, f"{name}:{block.line}" if block.line else name))
    return out


def align_files(src_path: str | os.PathLike, tgt_path: str | os.PathLike, *,
                src: str = "fr", tgt: str = "en", glossary: object | None = None) -> list[Pair]:
    """Align two release files (any format :func:`toolkit.ingest.load` reads)."""
    return align(sentences(src_path, src), sentences(tgt_path, tgt),
                 src_lang=src, tgt_lang=tgt, glossary=glossary)


def read_gold(path: str | os.PathLike) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """A hand alignment: lines ``1,2<TAB>3`` (``#`` comments; an empty side = none)."""
    beads = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, right = line.partition("\t")
        beads.append((tuple(int(x) for x in left.split(",") if x.strip()),
                      tuple(int(x) for x in right.split(",") if x.strip())))
    return beads


def accuracy(pairs: Sequence[Pair], gold: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
             threshold: float = DEFAULT_THRESHOLD) -> dict[str, float]:
    """How well ``pairs`` reproduce ``gold``.

    ``beads``: share of gold beads found exactly; ``precision``/``recall``:
    of the sentence pairs that would enter the memory (confidence at or above
    ``threshold``), how many are gold pairs, and how many gold pairs they cover.
    """
    want = {g for g in gold if g[0] and g[1]}
    found = {(p.src, p.tgt) for p in pairs}
    kept = {(p.src, p.tgt) for p in pairs if p.src and p.tgt and p.confidence >= threshold}
    good = len(kept & want)
    return {
        "beads": len(found & set(gold)) / len(gold) if gold else 1.0,
        "precision": good / len(kept) if kept else 1.0,
        "recall": good / len(want) if want else 1.0,
    }
