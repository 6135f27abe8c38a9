"""Consistency across releases: how each concept and recurring phrase was rendered.

For every glossary concept found in the sources, and every source phrase
(2–4 words) seen in at least two units, list each target rendering with its
count and where it was used (``file:unit``). Glossary renderings come from
the glossary's target terms found in the target. Phrase renderings are
guessed statistically: in each unit, the target phrase most associated with
the source phrase over the whole corpus (Dice coefficient) — good enough to
spot "migrants" here and "migrant workers" there, not a word aligner.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Segment
from .spans import blank_verbatim

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_STOP = set(
    "le la les l un une des de du d et ou à au aux en dans par pour sur avec sans que qui "
    "ce cette ces son sa ses leur leurs est sont a ont été être il elle ils elles on se s "
    "ne pas plus the a an of and or to in on at by for with from that which is are was "
    "were be been it its this these their as el los las un una unos de del y o en por para "
    "con que es son su sus al lo".split()
)
MISSING = "(not found)"
UNALIGNED = "(not aligned)"  # no target phrase reliably aligned: not a rendering
MIN_DICE = 0.5


@dataclass(frozen=True, slots=True)
class Rendering:
    text: str
    count: int
    where: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept or phrase and every rendering it received."""

    kind: str  # "concept" | "phrase"
    key: str
    renderings: tuple[Rendering, ...]

    @property
    def consistent(self) -> bool:
        return len([r for r in self.renderings if r.text != UNALIGNED]) <= 1


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})


def _words(text: str) -> list[str]:
    """Words of ``text``, normalised: NFC, one apostrophe, case folded (spaces are split away)."""
    return [w.casefold() for w in _WORD.findall(unicodedata.normalize("NFC", text).translate(_QUOTES))]


def _content(gram: str) -> int:
    return sum(1 for w in gram.split() if w not in _STOP)


def _ngrams(words: list[str], low: int, high: int) -> set[str]:
    out = set()
    for n in range(low, high + 1):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if gram[0] in _STOP or gram[-1] in _STOP or any(w.isdigit() for w in gram):
                continue
            out.add(" ".join(gram))
    return out


def _entries(kind: str, uses: dict[str, list[tuple[str, str]]]) -> list[Entry]:
    out = []
    for key, pairs in uses.items():
        # "Migrant smuggling" at a sentence start is the rendering "migrant smuggling"
        forms = Counter(text for text, _ in pairs)
        shown = {}
        for text, _ in sorted(forms.items(), key=lambda x: -x[1]):
            shown.setdefault(text.casefold(), text)
        pairs = [(shown[text.casefold()], loc) for text, loc in pairs]
        counts = Counter(text for text, _ in pairs)
        where: dict[str, list[str]] = defaultdict(list)
        for text, loc in pairs:
            where[text].append(loc)
        rend = tuple(Rendering(t, c, tuple(where[t])) for t, c in
                     sorted(counts.items(), key=lambda x: (-x[1], x[0])))
        out.append(Entry(kind, key, rend))
    return out


def _concepts(units: Sequence[tuple[str, Segment]], glossary: object) -> list[Entry]:
    from ..glossary import Matcher

    uses: dict[str, list[tuple[str, str]]] = defaultdict(list)
    matchers: dict[str, Matcher] = {}
    for loc, seg in units:
        src, tgt = seg.src.split("-")[0], seg.tgt.split("-")[0]
        for lang in (src, tgt):
            if lang not in matchers:
                matchers[lang] = Matcher(glossary, lang)  # type: ignore[arg-type]
        found = defaultdict(list)
        for m in matchers[tgt].find(seg.target):
            found[m.concept.id].append(m.span.text)
        for m in matchers[src].find(seg.source):
            cid = m.concept.id
            text = found[cid].pop(0) if found.get(cid) else MISSING
            uses[f"{cid} ({m.span.text.lower()})"].append((text, loc))
    return _entries("concept", uses)


def _rendering(where: set[int], size: int, grams: set[str],
               tgt_units: dict[str, set[int]]) -> str:
    """The target phrase of one unit most likely to render a source phrase.

    The anchor is the unit's target word most associated with the source
    phrase (Dice over units); the rendering is the phrase around it with a
    similar number of words and at least half the anchor's association.
    """
    def dice(t: str) -> float:
        tu = tgt_units[t]
        return 2 * len(where & tu) / (len(where) + len(tu))

    # a rendering must recur in at least two units of the phrase: with few units
    # every co-occurring word has a perfect Dice, and one unit proves nothing
    words = [g for g in grams if " " not in g and len(where & tgt_units[g]) >= 2]
    if not words:
        return UNALIGNED
    anchor = max(words, key=lambda w: (dice(w), len(where & tgt_units[w]), len(w), w))
    best = dice(anchor)
    if best < MIN_DICE:
        return UNALIGNED
    cands = [g for g in grams if anchor in g.split() and dice(g) >= MIN_DICE]
    # closest in content words (articles and prepositions differ between languages)
    return min(cands, key=lambda g: (abs(_content(g) - size), -dice(g), len(g), g))


def _phrases(units: Sequence[tuple[str, Segment]], min_count: int) -> list[Entry]:
    # e-mails, URLs and handles are copied, not phrases to render
    src_grams = [_ngrams(_words(blank_verbatim(s.source)), 2, 4) for _, s in units]
    tgt_grams = [_ngrams(_words(blank_verbatim(s.target)), 1, 4) for _, s in units]
    src_units: dict[str, set[int]] = defaultdict(set)
    tgt_units: dict[str, set[int]] = defaultdict(set)
    for i, grams in enumerate(src_grams):
        for g in grams:
            src_units[g].add(i)
    for i, grams in enumerate(tgt_grams):
        for g in grams:
            tgt_units[g].add(i)
    uses: dict[str, list[tuple[str, str]]] = {}
    for gram, where in src_units.items():
        if len(where) < min_count:
            continue
        size = _content(gram)
        pairs = []
        for i in sorted(where):
            pairs.append((_rendering(where, size, tgt_grams[i], tgt_units), units[i][0]))
        uses[gram] = pairs
    # a sub-phrase used exactly where a longer one is adds nothing
    # (linear: each phrase marks its own sub-phrases, instead of testing every pair)
    covered: set[str] = set()
    for h in uses:
        hw = h.split()
        for n in range(2, len(hw)):
            for i in range(len(hw) - n + 1):
                g = " ".join(hw[i:i + n])
                if g in uses and len(src_units[h]) == len(src_units[g]):
                    covered.add(g)
    keep = {g: p for g, p in uses.items() if g not in covered}
    return _entries("phrase", keep)


def consistency(units: Iterable[tuple[str, Segment]], glossary: object | None = None, *,
                min_count: int = 2) -> list[Entry]:
    """Renderings of glossary concepts and recurring phrases across ``units``.

    ``units`` are ``(location, segment)`` pairs, location like ``rel.po:rel:b3s0``;
    only units with a target are considered. Inconsistent entries come first.
    """
    done = [(loc, s) for loc, s in units if s.target.strip()]
    entries = _concepts(done, glossary) if glossary is not None else []
    entries += _phrases(done, min_count)
    entries.sort(key=lambda e: (e.consistent, e.kind, e.key))
    return entries
