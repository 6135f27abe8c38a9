"""Import reviewed catalogues: a reviewer's PO or XLIFF back into the output tree.

Reviewers work in their own tools: Poedit removes ``#, fuzzy`` when a unit is
confirmed, OmegaT and Lokalize change the XLIFF ``state`` (or not). The
toolkit does not trust a file's own origin markers for what a person did; it
merges each unit three ways (:mod:`toolkit.threeway`): the base recorded in
the reviewed file (what the toolkit wrote), the current catalogue in the
tree (all copies of the release merged, the reviewed file itself left out)
and the reviewed unit. A unit the reviewer did not change never reverts
newer work; a unit both sides changed differently is a conflict (nothing is
written) unless ``prefer`` picks a side. A unit taken from the reviewer is:

- target changed → *edited*: origin ``human``, state as the reviewer left it
  (``translated`` when a tool left the machine-draft state on an edit);
- same target, state raised (e.g. draft → translated) → *confirmed*: origin
  ``human``;
- same target, state lowered → *reopened*; target emptied → *cleared*;
- anything else is unchanged (translator comments are still taken).

A PO file from the ``target/`` folder of a project ``toolkit export omegat``
wrote is read by :func:`toolkit.omegat.read_target`, which gives each unit
the state of what the project offered when OmegaT kept its text.

The merged catalogue is written back as PO and XLIFF 1.2 (and XLIFF 2.1 when
a ``.xliff`` copy exists), each atomically, only after every file of the
run has been read and checked. :class:`ImportResult` lists the approved units
(human, translated or better) for the translation memory, and ``hooks`` are
called with each result once everything is written.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .errors import ConflictError
from .formats.states import fingerprint
from .langs import Lang
from .locales import DEFAULT_FORMATS, catalogue_path, check_name, current_catalogue, existing_catalogues
from .model import Catalogue, Origin, Segment, State
from .qa.codes import check_codes
from .threeway import Conflict, Outcome, Prefer, conflict_error, decide, settle, target_changed, value

_RANK = {s: n for n, s in enumerate(State)}
APPROVED_STATES = (State.TRANSLATED, State.REVIEWED, State.FINAL)
_WRITE = DEFAULT_FORMATS


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one reviewed file did."""

    path: Path  # the reviewed file
    catalogue: Catalogue  # the merged catalogue, as written
    compared: tuple[Path, ...]  # the copies of the current catalogue it was merged with
    out: Path = Path("locales")  # the output tree
    written: tuple[Path, ...] = ()
    edited: tuple[str, ...] = ()
    confirmed: tuple[str, ...] = ()
    reopened: tuple[str, ...] = ()
    cleared: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # units absent from the reviewed file, kept as they were
    stale: tuple[str, ...] = ()  # units the file has as the toolkit once wrote them: kept newer
    preferred: tuple[str, ...] = ()  # conflicts settled by ``prefer``
    prefer: Prefer | None = None
    approved: tuple[Segment, ...] = field(default=())  # for memory.add(...)
    warnings: tuple[str, ...] = ()  # reviewed units whose inline codes are lost or broken

    @property
    def draft(self) -> int:
        return sum(1 for s in self.catalogue.segments if s.state == State.DRAFT)

    @property
    def untranslated(self) -> int:
        return sum(1 for s in self.catalogue.segments if s.state == State.UNTRANSLATED)

    def to_dict(self) -> dict:
        """What the import did, as plain data (``--json``): paths, unit ids per outcome, counts."""
        cat = self.catalogue
        return {
            "file": str(self.path), "release": cat.name, "from": cat.src, "to": cat.tgt,
            "compared": [str(p) for p in self.compared], "written": [str(p) for p in self.written],
            "edited": list(self.edited), "confirmed": list(self.confirmed),
            "reopened": list(self.reopened), "cleared": list(self.cleared),
            "missing": list(self.missing), "stale": list(self.stale),
            "preferred": list(self.preferred),
            "prefer": self.prefer.value if self.prefer is not None else None,
            "draft": self.draft, "untranslated": self.untranslated,
            "approved": len(self.approved), "warnings": list(self.warnings),
        }

    def summary(self) -> str:
        text = (f"{len(self.edited)} edited, {len(self.confirmed)} confirmed, "
                f"{self.draft} still draft, {self.untranslated} untranslated")
        if self.reopened:
            text += f", {len(self.reopened)} reopened"
        if self.cleared:
            text += f", {len(self.cleared)} cleared"
        if self.stale:
            text += f", {len(self.stale)} older than the catalogue (kept the newer work)"
        if self.preferred and self.prefer is not None:
            text += f", {len(self.preferred)} conflict(s) settled for the {self.prefer.value} side"
        return text


Hook = Callable[[ImportResult], None]


def _unit_line(path: Path, unit_id: str) -> int | None:
    from .formats import for_path, po, xliff12

    data = path.read_bytes()
    name = for_path(path).name
    module = {"po": po, "xliff": xliff12}.get(name)
    if module is None:
        from .formats import xliff2 as module  # type: ignore[no-redef]
    return module.unit_lines(data).get(unit_id)


def _no_catalogue(path: Path, cat: Catalogue, out_dir: Path) -> ConflictError:
    tgt = Lang.parse(cat.tgt)
    langs = sorted({p.parent.name for p in out_dir.glob(f"*/{cat.name}.*") if p.is_file()})
    return ConflictError(
        f"no catalogue of release {cat.name!r} in {tgt.bcp47} under {out_dir}",
        path=path, lang=cat.tgt,
        hint=(f"the release was translated into {', '.join(langs)}" if langs
              else "run `toolkit translate` first, or pass the right --out"),
    )


def default_out(path: str | os.PathLike, cat: Catalogue) -> Path:
    """The output tree of a reviewed file: its grandparent when it sits in ``<out>/<lang>/``."""
    p = Path(path).resolve()
    if p.parent.name == Lang.parse(cat.tgt).posix:
        return p.parent.parent
    return Path("locales")


def _omegat_target(path: Path) -> bool:
    from .omegat.readback import is_target

    return is_target(path)


def _merge_unit(base: Segment, rev: Segment) -> tuple[Segment, str]:
    """The merged unit and what the reviewer did to it."""
    if rev.target == base.target and rev.state == base.state:
        return replace(base, comments=rev.comments), "unchanged"
    if not rev.target:
        return replace(base, target="", state=State.UNTRANSLATED, origin=Origin.NONE,
                       comments=rev.comments), "cleared"
    merged = replace(base, target=rev.target, state=rev.state, comments=rev.comments)
    if rev.state in APPROVED_STATES:
        # The reviewer has dealt with the change (Poedit drops "#|" on confirmation).
        merged = replace(merged, previous_source="", previous_target="")
    if rev.target != base.target:
        return replace(merged, origin=Origin.HUMAN), "edited"
    if _RANK[rev.state] > _RANK[base.state]:
        return replace(merged, origin=Origin.HUMAN), "confirmed"
    return merged, "reopened"


def _own_change(rev: Segment) -> str:
    """What was done to a unit of the only catalogue there is, judged by its base."""
    if not rev.base or value(rev) == rev.base:
        return "unchanged"
    if not rev.target:
        return "cleared"
    if target_changed(rev):
        return "edited"
    lower = any(fingerprint(rev.target, s) == rev.base and _RANK[s] > _RANK[rev.state]
                for s in State)
    return "reopened" if lower else "confirmed"


def _read_reviewed(p: Path, out_dir: str | os.PathLike | None) -> tuple[Catalogue, Path]:
    """A reviewed file and the tree it goes back into."""
    from .formats import read_file

    tree = None
    if _omegat_target(p):  # OmegaT's target/ file: states from what the project offered
        from .omegat import read_target

        reviewed, tree = read_target(p, out_dir)
    else:
        reviewed = read_file(p)
    check_name(reviewed.name, path=p)  # the name comes from the file: data, not a path
    return reviewed, Path(out_dir) if out_dir is not None else tree or default_out(p, reviewed)


def plan_import(path: str | os.PathLike, out_dir: str | os.PathLike | None = None, *,
                prefer: Prefer | str | None = None,
                current: Catalogue | None = None) -> ImportResult:
    """Read and check one reviewed file and merge it three ways; nothing is written.

    ``out_dir`` defaults to the tree the file sits in (``<out>/<lang>/``),
    else ``locales``. ``current`` overrides the catalogue read from the tree
    (for a second file of the same release in one run). Raises ParseError for
    a malformed file and ConflictError for a file that does not belong to a
    release in ``out_dir`` (unknown release, other language pair, units or
    source texts the release does not have) and for units the reviewer and
    the current catalogue changed differently, unless ``prefer`` names the
    side that wins.
    """

    p = Path(path)
    reviewed, out = _read_reviewed(p, out_dir)
    tgt = Lang.parse(reviewed.tgt)
    copies = existing_catalogues(out, tgt, reviewed.name)
    others = [c for c in copies.values() if c.resolve() != p.resolve()]
    if current is None and others:
        current = current_catalogue(out, tgt, reviewed.name, exclude=p)
    if current is None and not copies:
        raise _no_catalogue(p, reviewed, out)
    base = current if current is not None else reviewed
    if Lang.parse(base.src) != Lang.parse(reviewed.src):
        raise ConflictError(f"source language is {reviewed.src}, the release is {base.src}",
                            path=p, lang=reviewed.src)
    by_id = {s.id: s for s in base.segments}
    for seg in reviewed.segments:
        known = by_id.get(seg.id)
        if known is None:
            raise ConflictError(f"unit {seg.id!r} does not belong to release {base.name!r}",
                                path=p, line=_unit_line(p, seg.id))
        if known.source != seg.source:
            raise ConflictError(f"source text of unit {seg.id!r} differs from the release",
                                path=p, line=_unit_line(p, seg.id),
                                hint="sources are not edited in review; change the release "
                                     "and run `toolkit update`")
    side = Prefer(prefer) if prefer else None
    seen = {s.id: s for s in reviewed.segments}
    acts: dict[str, list[str]] = {k: [] for k in ("edited", "confirmed", "reopened", "cleared")}
    merged, missing, conflicts, kept, preferred = [], [], [], [], []
    for seg in base.segments:
        rev = seen.get(seg.id)
        if rev is None:
            merged.append(seg)
            missing.append(seg.id)
            continue
        if current is None:  # the reviewed file is the only catalogue: its bases tell
            what = _own_change(rev)
            unit = settle(rev)
            if what in ("edited", "confirmed") or (not rev.base and unit.state in APPROVED_STATES):
                unit = replace(unit, origin=Origin.HUMAN) if unit.target else unit
            merged.append(unit)
            if what in acts:
                acts[what].append(seg.id)
            continue
        rev = settle(rev)
        outcome = decide(seg, rev)
        if outcome == Outcome.CONFLICT:
            if side is None:
                conflicts.append(Conflict(seg.id, seg.target, rev.target))
                continue
            outcome = Outcome.TAKE if side == Prefer.REVIEWED else Outcome.KEEP
            preferred.append(seg.id)
        if outcome == Outcome.KEEP:
            merged.append(seg)
            if value(seg) != value(rev) and seg.id not in preferred:
                kept.append(seg.id)
            continue
        unit, what = _merge_unit(seg, rev)
        merged.append(unit)
        if what in acts:
            acts[what].append(seg.id)
    if conflicts:
        raise conflict_error(conflicts, p, current="current catalogue", incoming=p.name,
                             hint="`toolkit import --prefer reviewed|current` picks a side")
    cat = replace(base, segments=tuple(merged))
    touched = set(acts["edited"] + acts["confirmed"])
    warnings = tuple(f"{p}:{_unit_line(p, s.id) or '?'}: unit {s.id}: {i.message}"
                     for s in cat.segments if s.id in touched for i in check_codes(s))
    approved = tuple(s for s in cat.segments
                     if s.state in APPROVED_STATES and s.origin == Origin.HUMAN and s.target)
    return ImportResult(
        path=p, catalogue=cat, compared=tuple(others), out=out,
        missing=tuple(missing), approved=approved, stale=tuple(kept),
        preferred=tuple(preferred), prefer=side, warnings=warnings,
        **{k: tuple(v) for k, v in acts.items()},
    )


def import_many(paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike | None = None,
                *, now: datetime | None = None, tool: str | None = None,
                hooks: Sequence[Hook] = (), prefer: Prefer | str | None = None,
                wait: float | None = None, notify: Callable[[str], None] | None = None,
                before_write: Hook | None = None) -> list[ImportResult]:
    """Import several reviewed files: all are checked before any is written.

    ``before_write`` gets each planned result before the first file is written
    (e.g. to check that the memory the hooks will feed is usable); an error it
    raises leaves every file as it was.

    Several files of one release are merged one after the other, each
    three ways against the result of the ones before it. Every tree written
    is locked (:mod:`toolkit.treelock`) from reading its catalogues to the last
    write, so a translate or another import cannot slip in between.
    """
    from .fileio import unique_paths
    from .treelock import lock_trees

    paths = unique_paths(paths)
    trees = {_read_reviewed(Path(p), out_dir)[1] for p in paths}
    with lock_trees((t for t in trees if t.is_dir()), wait=wait, what="toolkit import",
                    notify=notify):
        return _import_locked(paths, out_dir, now=now, tool=tool, hooks=hooks, prefer=prefer,
                              before_write=before_write)


def _import_locked(paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike | None, *,
                   now: datetime | None, tool: str | None, hooks: Sequence[Hook],
                   prefer: Prefer | str | None, before_write: Hook | None = None
                   ) -> list[ImportResult]:
    from . import __version__
    from .fileio import write_all
    from .formats import get

    now = now or datetime.now(UTC).replace(microsecond=0)
    tool = tool or f"toolkit {__version__}"
    plans: list[ImportResult] = []
    last: dict[tuple[Path, str, str], int] = {}  # release → its last file's plan
    for p in paths:
        res = plan_import(p, out_dir, prefer=prefer)
        key = (res.out.resolve(), res.catalogue.name, res.catalogue.tgt)
        if key in last:  # another file of the same release: merge it into the result so far
            res = plan_import(p, res.out, prefer=prefer, current=plans[last[key]].catalogue)
        last[key] = len(plans)
        plans.append(res)
    # Render everything first so a failure cannot leave half a tree behind.
    rendered: dict[int, list[tuple[Path, bytes]]] = {}
    for i in last.values():
        res = plans[i]
        tgt = Lang.parse(res.catalogue.tgt)
        todo = list(_WRITE)
        if "xliff2" in existing_catalogues(res.out, tgt, res.catalogue.name):
            todo.append("xliff2")
        files = []
        for fmt in todo:
            buf = io.BytesIO()
            get(fmt).write(res.catalogue, buf, now=now, tool=tool)
            files.append((catalogue_path(res.out, tgt, res.catalogue.name, fmt), buf.getvalue()))
        rendered[i] = files
    if before_write is not None:
        for res in plans:
            before_write(res)
    write_all([f for files in rendered.values() for f in files])
    results = [replace(res, written=tuple(t for t, _ in rendered.get(i, ())))
               for i, res in enumerate(plans)]
    for res in results:
        for hook in hooks:
            hook(res)
    return results


def import_reviewed(path: str | os.PathLike, out_dir: str | os.PathLike | None = None, *,
                    now: datetime | None = None, tool: str | None = None,
                    hooks: Sequence[Hook] = (), prefer: Prefer | str | None = None
                    ) -> ImportResult:
    """Merge one reviewed PO/XLIFF file into ``out_dir`` and return what changed.

    ``result.approved`` holds the human-approved units, ready for the
    translation memory (``memory.add``); ``hooks`` get the result after the
    catalogues are written.
    """
    return import_many([path], out_dir, now=now, tool=tool, hooks=hooks, prefer=prefer)[0]
