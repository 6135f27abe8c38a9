"""Three-way merge of catalogue units, as git and msgmerge do it.

Every catalogue the toolkit writes records, per unit, a fingerprint of what
it wrote (:attr:`Segment.base`, see :func:`toolkit.formats.states.fingerprint`).
When two versions of a unit meet — the catalogue in the output tree
(*current*) and a reviewed file, or two copies (``.po``/``.xlf``/``.xliff``)
of one release — the base of the incoming version says who changed what:

- incoming = its base → it brings nothing new: keep current (never revert
  newer work with a stale copy);
- current = the incoming base → only the incoming side changed: take it;
- both equal → nothing to do;
- otherwise both changed differently → a conflict, unless the caller says
  which side wins (``--prefer``).

A file without recorded bases (written before bases existed, or saved by a
tool that dropped them) falls back to what the states say: a machine draft
or an empty unit in current gives way to the incoming text; an incoming
machine draft or empty unit gives way to current; two different human
texts are a conflict.

A person's edit that kept the machine-draft marker (OmegaT and several XLIFF
editors do not touch ``state``) is recognised by its base — the target
differs from the one the toolkit wrote — and :func:`settle` makes it a
human translation (state ``translated``), so it is never machine-translated
again and goes into the memory like any confirmed unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from .errors import ConflictError
from .formats.states import fingerprint
from .model import Catalogue, Origin, Segment, State


class Outcome(StrEnum):
    SAME = "same"  # both sides say the same
    KEEP = "keep"  # current stays
    TAKE = "take"  # the incoming side wins
    CONFLICT = "conflict"  # both changed differently


class Prefer(StrEnum):
    """Which side wins a conflict when the user says so."""

    REVIEWED = "reviewed"
    CURRENT = "current"


def value(seg: Segment) -> str:
    """The fingerprint of what ``seg`` says now (target and state)."""
    return fingerprint(seg.target, seg.state)


def target_changed(seg: Segment) -> bool:
    """True when ``seg``'s target is not the one its base recorded (False without a base).

    Tried against every state, so a unit whose only change is its state
    (confirmed, reopened) does not count.
    """
    return bool(seg.base) and all(fingerprint(seg.target, s) != seg.base for s in State)


def settle(seg: Segment) -> Segment:
    """``seg`` as a person's translation when it was edited but kept the draft marker."""
    if seg.state == State.DRAFT and seg.target and target_changed(seg):
        return replace(seg, origin=Origin.HUMAN, state=State.TRANSLATED)
    return seg


def _machine(seg: Segment) -> bool:
    return not seg.target or (seg.state == State.DRAFT and seg.origin != Origin.HUMAN)


def decide(current: Segment, incoming: Segment, *, incoming_newer: bool = False) -> Outcome:
    """What to do with ``incoming`` against ``current`` (see the module docstring).

    ``incoming_newer`` is for copies of one release in the tree: when both
    are exactly as the toolkit wrote them (from different runs), the newer
    file is the later write and wins.
    """
    cur, inc = value(current), value(incoming)
    if cur == inc:
        return Outcome.SAME
    if incoming.base:
        if inc == incoming.base:
            if incoming_newer and current.base and cur == current.base:
                return Outcome.TAKE
            return Outcome.KEEP
        return Outcome.TAKE if cur == incoming.base else Outcome.CONFLICT
    if not incoming.target:
        return Outcome.KEEP  # without a base an empty unit is not a deliberate clearing
    if _machine(current):
        return Outcome.TAKE
    if _machine(incoming):
        return Outcome.KEEP
    return Outcome.CONFLICT


@dataclass(frozen=True, slots=True)
class Conflict:
    """One unit both sides changed differently."""

    id: str
    current: str
    incoming: str


def conflict_error(conflicts: Sequence[Conflict], path: str | Path | None, *,
                   current: str = "current", incoming: str = "reviewed",
                   hint: str = "") -> ConflictError:
    """A ConflictError listing each unit with both texts."""
    lines = [f"{len(conflicts)} unit(s) changed differently in {current} and {incoming}; "
             "nothing written" + (f" ({hint})" if hint else "") + ":"]
    for c in conflicts:
        lines.append(f"  {c.id}\n    {current}: {c.current!r}\n    {incoming}: {c.incoming!r}")
    err = ConflictError("\n".join(lines), path=path)
    err.conflicts = tuple(conflicts)  # type: ignore[attr-defined]
    return err


def merge_copies(copies: Sequence[tuple[Path, Catalogue]]) -> Catalogue:
    """One catalogue from the copies of a release in the tree, oldest file first.

    Each copy is merged into the result unit by unit with :func:`decide`
    (the later file as the incoming side); a unit changed differently in two
    copies raises ConflictError naming the units and the files. Units only
    the newest copy gives the catalogue's units, order, header fields and
    obsolete units (a translated unit only an older copy has joins them).
    """
    if not copies:
        raise ValueError("no copies")
    path0, first = copies[0]
    merged = {s.id: settle(s) for s in first.segments}
    name0 = path0.name
    for path, cat in copies[1:]:
        conflicts = []
        for seg in cat.segments:
            seg = settle(seg)
            cur = merged.get(seg.id)
            if cur is None:
                merged[seg.id] = seg
                continue
            what = decide(cur, seg, incoming_newer=True)
            if what == Outcome.TAKE:
                merged[seg.id] = seg
            elif what == Outcome.CONFLICT:
                conflicts.append(Conflict(seg.id, cur.target, seg.target))
        if conflicts:
            raise conflict_error(conflicts, path, current=name0, incoming=path.name,
                                 hint="copies of one release disagree: make one win with "
                                      f"`toolkit import {path} --prefer reviewed`, or delete "
                                      "the other, and run again")
        name0 = f"{name0} + {path.name}"
    last = copies[-1][1]
    ids = {s.id for s in last.segments}
    known = {s.id for s in last.obsolete}
    extra = tuple(s for i, s in merged.items() if i not in ids and i not in known and s.target)
    return replace(last, segments=tuple(merged[s.id] for s in last.segments),
                   obsolete=last.obsolete + extra)
