"""Import reviewed catalogues: a reviewer's PO or XLIFF back into the output tree.

Reviewers work in their own tools: Poedit removes ``#, fuzzy`` when a unit is
confirmed, OmegaT and Lokalize change the XLIFF ``state``. The toolkit does not
trust a file's own origin markers for what a person did; it compares the
reviewed file with the catalogue it last wrote for the same release
(``<out>/<lang>/<release>.po``, ``.xlf`` or ``.xliff``, whichever is not the
reviewed file itself):

- target changed → *edited*: origin ``human``, state as the reviewer left it;
- same target, state raised (e.g. draft → translated) → *confirmed*: origin
  ``human``;
- same target, state lowered → *reopened*; target emptied → *cleared*;
- anything else is unchanged (translator comments are still taken).

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
from .langs import Lang
from .locales import DEFAULT_FORMATS, catalogue_path, check_name, existing_catalogues
from .model import Catalogue, Origin, Segment, State

_RANK = {s: n for n, s in enumerate(State)}
APPROVED_STATES = (State.TRANSLATED, State.REVIEWED, State.FINAL)
_WRITE = DEFAULT_FORMATS


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing one reviewed file did."""

    path: Path  # the reviewed file
    catalogue: Catalogue  # the merged catalogue, as written
    baseline: Path | None  # the catalogue it was compared with
    written: tuple[Path, ...] = ()
    edited: tuple[str, ...] = ()
    confirmed: tuple[str, ...] = ()
    reopened: tuple[str, ...] = ()
    cleared: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()  # units absent from the reviewed file, kept as they were
    approved: tuple[Segment, ...] = field(default=())  # for memory.add(...)

    @property
    def draft(self) -> int:
        return sum(1 for s in self.catalogue.segments if s.state == State.DRAFT)

    @property
    def untranslated(self) -> int:
        return sum(1 for s in self.catalogue.segments if s.state == State.UNTRANSLATED)

    def summary(self) -> str:
        text = (f"{len(self.edited)} edited, {len(self.confirmed)} confirmed, "
                f"{self.draft} still draft, {self.untranslated} untranslated")
        if self.reopened:
            text += f", {len(self.reopened)} reopened"
        if self.cleared:
            text += f", {len(self.cleared)} cleared"
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


def _baseline(path: Path, cat: Catalogue, out_dir: Path) -> Path | None:
    tgt = Lang.parse(cat.tgt)
    mine = path.resolve()
    candidates = [catalogue_path(out_dir, tgt, cat.name, f) for f in ("xliff", "po", "xliff2")]
    existing = [p for p in candidates if p.is_file()]
    others = [p for p in existing if p.resolve() != mine]
    if others:
        return others[0]
    if existing:
        return None  # the reviewed file is the only catalogue: it is its own baseline
    langs = sorted({p.parent.name for p in out_dir.glob(f"*/{cat.name}.*") if p.is_file()})
    raise ConflictError(
        f"no catalogue of release {cat.name!r} in {tgt.bcp47} under {out_dir}",
        path=path, lang=cat.tgt,
        hint=(f"the release was translated into {', '.join(langs)}" if langs
              else "run `toolkit translate` first, or pass the right --out"),
    )


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


def plan_import(path: str | os.PathLike, out_dir: str | os.PathLike) -> ImportResult:
    """Read and check one reviewed file and merge it; nothing is written.

    Raises ParseError for a malformed file and ConflictError for a file that
    does not belong to a release in ``out_dir`` (unknown release, other
    language pair, units or source texts the release does not have).
    """
    from .formats import read_file

    p, out = Path(path), Path(out_dir)
    reviewed = read_file(p)
    check_name(reviewed.name, path=p)  # the name comes from the file: data, not a path
    base_path = _baseline(p, reviewed, out)
    base = read_file(base_path) if base_path else reviewed
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
    seen = {s.id: s for s in reviewed.segments}
    acts: dict[str, list[str]] = {k: [] for k in ("edited", "confirmed", "reopened", "cleared")}
    merged, missing = [], []
    for seg in base.segments:
        rev = seen.get(seg.id)
        if rev is None:
            merged.append(seg)
            missing.append(seg.id)
            continue
        if base_path is None:  # no baseline: believe the file, confirmed work is human
            unit = replace(rev, origin=Origin.HUMAN) if rev.state in APPROVED_STATES else rev
            merged.append(unit)
            continue
        unit, what = _merge_unit(seg, rev)
        merged.append(unit)
        if what in acts:
            acts[what].append(seg.id)
    cat = replace(base, segments=tuple(merged))
    approved = tuple(s for s in cat.segments
                     if s.state in APPROVED_STATES and s.origin == Origin.HUMAN and s.target)
    return ImportResult(
        path=p, catalogue=cat, baseline=base_path, missing=tuple(missing), approved=approved,
        **{k: tuple(v) for k, v in acts.items()},
    )


def import_many(paths: Sequence[str | os.PathLike], out_dir: str | os.PathLike, *,
                now: datetime | None = None, tool: str | None = None,
                hooks: Sequence[Hook] = ()) -> list[ImportResult]:
    """Import several reviewed files: all are checked before any is written."""
    from . import __version__
    from .fileio import write_bytes_atomic
    from .formats import get

    now = now or datetime.now(UTC).replace(microsecond=0)
    tool = tool or f"toolkit {__version__}"
    plans = [plan_import(p, out_dir) for p in paths]
    names = [(r.catalogue.name, r.catalogue.tgt) for r in plans]
    for i, key in enumerate(names):
        if key in names[:i]:
            raise ConflictError(f"two reviewed files for release {key[0]!r} in {key[1]}",
                                path=plans[i].path)
    # Render everything first so a failure cannot leave half a tree behind.
    rendered: list[tuple[ImportResult, list[tuple[Path, bytes]]]] = []
    for res in plans:
        todo = list(_WRITE)
        if "xliff2" in existing_catalogues(out_dir, Lang.parse(res.catalogue.tgt), res.catalogue.name):
            todo.append("xliff2")
        files = []
        for fmt in todo:
            buf = io.BytesIO()
            get(fmt).write(res.catalogue, buf, now=now, tool=tool)
            path = catalogue_path(out_dir, Lang.parse(res.catalogue.tgt), res.catalogue.name, fmt)
            files.append((path, buf.getvalue()))
        rendered.append((res, files))
    results = []
    for res, files in rendered:
        for target, data in files:
            write_bytes_atomic(target, data)
        results.append(replace(res, written=tuple(t for t, _ in files)))
    for res in results:
        for hook in hooks:
            hook(res)
    return results


def import_reviewed(path: str | os.PathLike, out_dir: str | os.PathLike, *,
                    now: datetime | None = None, tool: str | None = None,
                    hooks: Sequence[Hook] = ()) -> ImportResult:
    """Merge one reviewed PO/XLIFF file into ``out_dir`` and return what changed.

    ``result.approved`` holds the human-approved units, ready for the
    translation memory (``memory.add``); ``hooks`` get the result after the
    catalogues are written.
    """
    return import_many([path], out_dir, now=now, tool=tool, hooks=hooks)[0]
