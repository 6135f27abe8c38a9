"""Update: carry reviewed work from a previous catalogue onto a revised release.

Unit ids hold the position and a hash of the source, so they cannot be the
merge key on their own: a sentence added near the top shifts every position
below it. :func:`update` aligns the two releases sentence by sentence:

1. sentences whose source text is unchanged keep everything (target, state,
   origin, comments), whatever their new position, including sentences that
   come back from the obsolete list;
2. a sentence that sits where a different sentence used to be (between the
   same unchanged neighbours) is a *changed* sentence: it goes back to the
   engine, and keeps the old source and old translation as
   ``previous_source`` / ``previous_target`` (PO ``#| msgid``, XLIFF 1.2
   ``alt-trans``, XLIFF 2.1 ``mtc:match``) so the reviewer sees what changed;
3. what is left in the new release is new; what is left in the old one
   becomes obsolete (PO ``#~``, an obsolete group in XLIFF) if it had a
   translation.

Only untranslated units (new or changed) go to the engine, so a machine
draft never overwrites a human translation.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from .errors import ConflictError
from .langs import Lang
from .locales import current_catalogue, existing_catalogues
from .model import Alternative, Catalogue, Origin, Segment, State

# A changed sentence shares a gap with its old version; when a gap holds
# several sentences, pairs need at least this much in common.
_MIN_SIMILARITY = 0.3
# Gaps up to this many (new, old) pairs are scored exhaustively; beyond, each
# new sentence is compared with the _PER_SENTENCE most alike old ones within
# _BAND positions of where it sits (changed stretches keep their order).
_EXHAUSTIVE = 2500
_BAND = 200
_PER_SENTENCE = 6


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """The merged units of a revised release, and what happened to them."""

    segments: tuple[Segment, ...]
    obsolete: tuple[Segment, ...]
    kept: tuple[str, ...] = ()  # ids whose previous translation was carried over
    changed: tuple[str, ...] = ()  # ids of changed sentences (fresh draft, previous kept)
    added: tuple[str, ...] = ()  # ids of new sentences
    removed: tuple[str, ...] = ()  # ids (old) of sentences that left the release

    def to_dict(self) -> dict:
        return {"kept": list(self.kept), "changed": list(self.changed),
                "added": list(self.added), "removed": list(self.removed),
                "obsolete": [s.id for s in self.obsolete]}

    def summary(self) -> str:
        return (f"{len(self.kept)} kept, {len(self.changed)} changed, "
                f"{len(self.added)} added, {len(self.removed)} removed")


def _carry(cur: Segment, old: Segment) -> Segment:
    """``cur`` (new position) with the translation and review work of ``old``."""
    return replace(
        cur, target=old.target, origin=old.origin, state=old.state, notes=old.notes,
        comments=old.comments, unknown=old.unknown, flags=old.flags,
        previous_source=old.previous_source, previous_target=old.previous_target,
    )


def _changed(cur: Segment, old: Segment) -> Segment:
    """``cur`` as a changed sentence: untranslated, with ``old`` as the suggestion."""
    prev_src, prev_tgt = old.source, old.target
    # An unreviewed machine draft of an earlier change is worth less than the
    # human translation that change displaced: keep offering that one.
    if old.state == State.DRAFT and old.origin != Origin.HUMAN and old.previous_target:
        prev_src, prev_tgt = old.previous_source, old.previous_target
    return replace(
        cur, target="", origin=Origin.NONE, state=State.UNTRANSLATED, comments=old.comments,
        previous_source=prev_src, previous_target=prev_tgt,
    )


def _pair_gap(cur: list[int], old: list[int], cur_segs: Sequence[Segment],
              old_segs: Sequence[Segment]) -> list[tuple[int, int]]:
    """Pair the changed sentences of one gap, most similar pairs first.

    Small gaps score every pair with ``SequenceMatcher``. In a big gap (a
    rewritten stretch of hundreds of sentences) that is quadratic in
    ``SequenceMatcher`` calls, so each new sentence only gets its best few old
    candidates near the same relative position, found with rapidfuzz's
    ``ratio`` (an LCS ratio, never below ``SequenceMatcher``'s, so a cut-off on
    it loses no pair above the threshold).
    """
    if len(cur) == 1 and len(old) == 1:
        return [(cur[0], old[0])]
    if not cur or not old:
        return []
    if len(cur) * len(old) <= _EXHAUSTIVE:
        candidates = ((c, o) for c in cur for o in old)
    else:
        candidates = _near_candidates(cur, old, cur_segs, old_segs)
    scored = sorted(
        ((SequenceMatcher(None, cur_segs[c].source, old_segs[o].source).ratio(), c, o)
         for c, o in candidates),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    pairs, used_c, used_o = [], set(), set()
    for score, c, o in scored:
        if score < _MIN_SIMILARITY:
            break
        if c not in used_c and o not in used_o:
            pairs.append((c, o))
            used_c.add(c)
            used_o.add(o)
    return pairs


def _near_candidates(cur: list[int], old: list[int], cur_segs: Sequence[Segment],
                     old_segs: Sequence[Segment]) -> list[tuple[int, int]]:
    from rapidfuzz import fuzz, process

    texts = [old_segs[o].source for o in old]
    out = []
    for k, c in enumerate(cur):
        mid = k * len(old) // len(cur)
        lo, hi = max(0, mid - _BAND), min(len(old), mid + _BAND + 1)
        best = process.extract(cur_segs[c].source, texts[lo:hi], scorer=fuzz.ratio,
                               limit=_PER_SENTENCE, score_cutoff=_MIN_SIMILARITY * 100)
        out += [(c, old[lo + j]) for _, _, j in best]
    return out


def update(previous: Catalogue, current: Sequence[Segment]) -> UpdateResult:
    """Merge the work in ``previous`` into the fresh, untranslated units ``current``.

    Returns every current unit (translated where the previous catalogue had
    the same sentence; untranslated with ``previous_source`` set where the
    sentence changed; untranslated where it is new) and the obsolete units.
    """
    old = list(previous.segments)
    out: list[Segment | None] = [None] * len(current)
    used: set[int] = set()
    kept, changed, added = [], [], []
    gaps: list[tuple[list[int], list[int]]] = []
    matcher = SequenceMatcher(None, [s.source.strip() for s in old],
                              [s.source.strip() for s in current], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                out[j] = _carry(current[j], old[i])
                used.add(i)
        else:
            gaps.append((list(range(j1, j2)), list(range(i1, i2))))
    # A sentence that moved, or came back after being removed, keeps its work.
    pool = {s.source.strip(): ("old", i) for i, s in reversed(list(enumerate(old)))
            if i not in used}
    revived: set[str] = set()
    for k, s in enumerate(previous.obsolete):
        pool.setdefault(s.source.strip(), ("obsolete", k))
    for j, seg in enumerate(current):
        hit = pool.get(seg.source.strip()) if out[j] is None else None
        if hit is None:
            continue
        del pool[seg.source.strip()]
        where, k = hit
        if where == "old":
            used.add(k)
            out[j] = _carry(seg, old[k])
        else:
            revived.add(previous.obsolete[k].id)
            out[j] = _carry(seg, previous.obsolete[k])
    for cur_ids, old_ids in gaps:
        cur_free = [j for j in cur_ids if out[j] is None]
        old_free = [i for i in old_ids if i not in used]
        for j, i in _pair_gap(cur_free, old_free, current, old):
            out[j] = _changed(current[j], old[i])
            used.add(i)
            changed.append(current[j].id)
    for j, seg in enumerate(current):
        if out[j] is None:
            out[j] = seg
            added.append(seg.id)
        elif out[j].target and seg.id not in changed:  # type: ignore[union-attr]
            kept.append(seg.id)
    removed = [old[i] for i in range(len(old)) if i not in used]
    obsolete = [s for s in removed if s.target or s.comments]
    obsolete += [s for s in previous.obsolete if s.id not in revived
                 and s.id not in {o.id for o in obsolete}]
    return UpdateResult(
        segments=tuple(out),  # type: ignore[arg-type]
        obsolete=tuple(obsolete),
        kept=tuple(kept), changed=tuple(changed), added=tuple(added),
        removed=tuple(s.id for s in removed),
    )


def load_previous(out_dir: str | os.PathLike, src: Lang, tgt: Lang, name: str
                  ) -> Catalogue | None:
    """The catalogue previous runs (and reviewers editing in place) left for ``name``, or None.

    Every copy (``.po``, ``.xlf``, ``.xliff``) counts: they are merged unit by
    unit (:func:`toolkit.locales.current_catalogue`), so a reviewer's in-place
    PO edit survives a newer XLIFF. Raises ParseError when a copy is
    malformed and ConflictError when copies disagree on a unit or belong to
    another release or language pair.
    """
    paths = list(existing_catalogues(out_dir, tgt, name).values())
    if not paths:
        return None
    cat = current_catalogue(out_dir, tgt, name)
    assert cat is not None
    if cat.name != name:
        raise ConflictError(f"catalogue belongs to release {cat.name!r}, not {name!r}",
                            path=paths[0])
    if Lang.parse(cat.src) != src or Lang.parse(cat.tgt) != tgt:
        raise ConflictError(
            f"catalogue is {cat.src} → {cat.tgt}, the run is {src.bcp47} → {tgt.bcp47}",
            path=paths[0], lang=cat.tgt)
    return cat


def with_carried_previous(seg: Segment) -> Segment:
    """A changed unit plus the previous translation with the new source's facts, as a suggestion.

    The previous translation itself stays as it was (it translates the old
    source); when its numbers, dates or names can be brought up to date
    (:func:`toolkit.memory.facts.carry_facts`) the corrected text is offered
    next to the machine draft, unless a memory match already offers it.
    """
    from .memory.facts import carry_facts

    if not seg.previous_target or not seg.previous_source:
        return seg
    text = carry_facts(seg.previous_source, seg.previous_target, seg.source, seg.src, seg.tgt)
    if text is None or text == seg.previous_target or text == seg.target or \
            any(a.target == text for a in seg.alternatives):
        return seg
    return replace(seg, alternatives=seg.alternatives + (
        Alternative(seg.source, text, "previous-version"),))
