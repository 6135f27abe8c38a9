"""Orchestration: releases → segments → engine → catalogues, and the translate/update run."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .engines.base import Engine
from .errors import InputError
from .fileio import unique_paths
from .langs import Lang
from .merge import UpdateResult, update, with_carried_previous
from .model import Catalogue, Document, Origin, Segment, State
from .streamrun import split_streamed, translate_streamed
from .units import block_sentences, segments_of, translate_segments

__all__ = ["block_sentences", "segments_of", "translate_segments"]  # their old home

def translate_document(doc: Document, engine: Engine, src: Lang, tgt: Lang) -> Catalogue:
    segs = translate_segments(segments_of(doc, src, tgt), engine, src, tgt)
    return Catalogue(
        name=doc.name, src=src.bcp47, tgt=tgt.bcp47, segments=tuple(segs),
        source_path=doc.path, fmt=doc.fmt,
    )


def translate_update(doc: Document, engine: Engine, src: Lang, tgt: Lang,
                     previous: Catalogue | None) -> tuple[Catalogue, UpdateResult | None]:
    """Translate ``doc``, reusing ``previous`` work; only new and changed units hit the engine."""
    plan = _plan(doc, src, tgt, previous)
    return _finish(plan, translate_segments(plan.segments, engine, src, tgt))


@dataclass(frozen=True, slots=True)
class _Planned:
    """One release in one target before the engine runs: its units and what was kept."""

    doc: Document
    src: Lang
    tgt: Lang
    segments: list[Segment]
    update: UpdateResult | None


def _plan(doc: Document, src: Lang, tgt: Lang, previous: Catalogue | None,
          retranslate: bool = False) -> _Planned:
    fresh = segments_of(doc, src, tgt)
    if previous is None:
        return _Planned(doc, src, tgt, fresh, None)
    result = update(previous, fresh)
    segs = list(result.segments)
    if retranslate:
        segs = [redo(s) for s in segs]
    return _Planned(doc, src, tgt, segs, result)


def redo(seg: Segment) -> Segment:
    """A machine draft made ready for the engine again (``--retranslate drafts``); every
    other unit — human, memory match, reviewed, final — is returned as it is."""
    if seg.state != State.DRAFT or seg.origin != Origin.MT:
        return seg
    return replace(seg, target="", state=State.UNTRANSLATED, origin=Origin.NONE, notes=(),
                   unknown=(), alternatives=())


def _finish(plan: _Planned, done: Sequence[Segment]) -> tuple[Catalogue, UpdateResult | None]:
    doc, res = plan.doc, plan.update
    if res is not None:  # the reviewer's old translation, its facts brought up to date
        changed = set(res.changed)
        done = [with_carried_previous(s) if s.id in changed else s for s in done]
    cat = Catalogue(
        name=doc.name, src=plan.src.bcp47, tgt=plan.tgt.bcp47,
        segments=tuple(done), source_path=doc.path, fmt=doc.fmt,
        obsolete=res.obsolete if res else (),
    )
    return cat, res


@dataclass
class RunResult:
    """What a translate or update run did: per release and target, and every file written."""

    releases: int = 0
    targets: tuple[Lang, ...] = ()
    units: int = 0
    written: list[Path] = field(default_factory=list)
    updates: list[tuple[str, Lang, UpdateResult]] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The run as plain data (``--json``): counts, paths, and per updated release the ids."""
        return {
            "releases": self.releases,
            "targets": [t.code for t in self.targets],
            "units": self.units,
            "written": [str(p) for p in self.written],
            "updates": [{"release": name, "lang": lang.code, **merged.to_dict()}
                        for name, lang, merged in self.updates],
        }


def translate_releases(
    files: Sequence[str | os.PathLike],
    src: Lang | str = "fr",
    targets: Sequence[Lang | str] = ("en",),
    *,
    engine: str | Engine | None = None,
    out: str | os.PathLike = "locales",
    formats: Sequence[str] | None = None,
    glossary: str | os.PathLike | bool | None = None,
    replace_glossary: bool = False,
    memory: str | os.PathLike | None = None,
    require_previous: bool = False,
    language_check: bool = True,
    retranslate: bool = False,
    wait: float | None = None,
    jobs: int | None = None,
    cluster: str | None = None,
    what: str = "toolkit translate",
    warn: Callable[[str], None] | None = None,
    progress: Callable[[str], None] | None = None,
) -> RunResult:
    """Translate (or update) releases into ``out/<lang>/<release>.<suffix>`` catalogues.

    Everything is checked before anything is written: the inputs are read,
    release names must not clash, the engine must be ready for every pair and
    the catalogues of an earlier run are read. Then the releases go to the
    engine in one batch per target (a process start per hop per target, not
    per file), and the catalogues of every target are written atomically, each
    file whole and all of them only once each one has room. An archive goes in
    groups of about :data:`GROUP_CHARS` characters, each group translated and
    written before the next, so memory follows the group, not the archive.

    ``formats`` defaults to PO and XLIFF 1.2 plus any other copy already in
    the tree; ``memory`` defaults to ``out/.toolkit/memory.sqlite`` when it
    exists; ``require_previous`` refuses releases never translated (``update``);
    ``language_check`` stops on a release that reads as another language than ``src``;
    ``retranslate`` sends the machine drafts of earlier runs to the engine again
    (a better engine or model installed since), never a human or reviewed unit.
    From reading the earlier catalogues to the last write, the run holds the
    tree's lock (:mod:`toolkit.treelock`), waiting up to ``wait`` seconds for it.

    ``jobs`` is how many cores the run may use (default: all, :mod:`toolkit.cpus`);
    ``cluster`` is a Dask scheduler's address: the Apertium pipelines then run on
    its workers, and this process still writes every file. Neither changes a byte
    of the output.
    """

    from .cpus import engine_options, limited
    from .errors import ConflictError, EngineError
    from .ingest import load_many
    from .locales import (
        CATALOGUE_FORMATS,
        existing_catalogues,
    )
    from .locales import memory_path as default_memory
    from .stack import DEFAULT_ENGINE, build, with_memory
    from .treelock import tree_lock

    source = src if isinstance(src, Lang) else Lang.parse(src)
    tgts = list(dict.fromkeys(t if isinstance(t, Lang) else Lang.parse(t) for t in targets))
    fmts = list(dict.fromkeys(formats or ()))
    for f in fmts:
        if f not in CATALOGUE_FORMATS:
            raise InputError(f"unknown format {f!r}; use {', '.join(CATALOGUE_FORMATS)}")
    if language_check:
        from .langcheck import check_language, preload

        preload()  # loads while the releases are read and the engine stack is built
    docs = load_many(unique_paths(files))
    _refuse_name_clash(docs)
    # An engine object is used as given (a caller's own stack); a name gets the full stack.
    name = engine if isinstance(engine, str) else None if engine is not None else DEFAULT_ENGINE
    options: dict[str, object] = dict(engine_options(name or "", jobs))
    if cluster:
        if name != "apertium":
            raise InputError(f"--cluster runs Apertium pipelines; it cannot run the "
                             f"{name or 'given'} engine",
                             hint="use --engine apertium, or leave out --cluster")
        options["cluster"] = cluster
    eng = engine if name is None else build(name, glossary=glossary,
                                            replace_glossary=replace_glossary, **options)
    if language_check:
        for doc in docs:
            check_language(doc, source)
    tm_path = Path(memory) if memory is not None else default_memory(out)
    if memory is not None or tm_path.is_file():
        eng = with_memory(eng, tm_path)
    if require_previous:
        for doc in docs:
            for t in tgts:
                if not existing_catalogues(out, t, doc.name):
                    raise ConflictError(
                        f"no previous catalogue of {doc.name!r} in {Path(out) / t.posix}",
                        path=doc.path or None, lang=t.bcp47,
                        hint="use `toolkit translate` for a first translation")
    reason = eng.unavailable()
    if reason:
        raise EngineError(reason, engine=name or eng.name)
    for t in tgts:
        eng.route(source, t)
    try:
        with tree_lock(out, wait=wait, what=what, notify=warn), limited(jobs):
            return _run(docs, tgts, source, eng, out, fmts, retranslate=retranslate,
                        warn=warn, progress=progress)
    finally:
        if name is not None:  # a stack built here: its cluster connection goes with it
            _close(eng)


def _close(engine: Engine) -> None:
    while engine is not None:
        close = getattr(type(engine), "close", None)
        if close is not None:
            close(engine)
        engine = getattr(engine, "inner", None)


def _run(docs: Sequence[Document], tgts: Sequence[Lang], source: Lang, eng: Engine,
         out: str | os.PathLike, fmts: Sequence[str], *, retranslate: bool,
         warn: Callable[[str], None] | None,
         progress: Callable[[str], None] | None) -> RunResult:
    """The run itself, under the tree's lock: per group, one engine batch per target, then
    the writes."""
    from datetime import UTC, datetime

    from . import __version__
    from .fileio import write_all
    from .forks import fork_map
    from .formats import render
    from .locales import DEFAULT_FORMATS, catalogue_path, existing_catalogues, recorded_path
    from .merge import load_previous

    if warn is not None:
        for doc in docs:
            if doc.encoding != "utf-8":
                warn(f"{doc.path}: not UTF-8; read as {doc.encoding}")
            if not any(b.translate and b.text.strip() for b in doc.blocks):
                dropped = f"; {len(doc.removed)} line(s) read as website chrome" \
                    if doc.removed else ""
                warn(f"{doc.path}: no text to translate{dropped}")
    now = datetime.now(UTC).replace(microsecond=0)
    tool = f"toolkit {__version__}"
    run = RunResult(releases=len(docs), targets=tuple(tgts))
    big, docs = split_streamed(docs, out, tgts, fmts or DEFAULT_FORMATS)
    groups = _groups(docs)
    if len(groups) > 1 or big:  # every earlier catalogue is read before the first write
        for doc in docs:
            for t in tgts:
                load_previous(out, source, t, doc.name)
    for doc in big:  # too big to hold as one catalogue: written chunk by chunk
        units, written = translate_streamed(doc, tgts, source, eng, out,
                                            fmts or DEFAULT_FORMATS, now=now, tool=tool,
                                            progress=progress)
        run.units += units
        run.written += written
    for number, group in enumerate(groups, 1):
        todo: list[tuple[Path, Catalogue, str]] = []  # rendered first: room checked before writing
        for t in tgts:  # targets inside a group: a pivot hop they share is still cached
            plans = [_plan(doc, source, t, load_previous(out, source, t, doc.name), retranslate)
                     for doc in group]
            batch = [s for p in plans for s in p.segments]
            if progress is not None:
                part = f" (part {number} of {len(groups)})" if len(groups) > 1 else ""
                progress(f"{len(group)} release(s){part}, {len(batch)} unit(s) → {t.code}")
            done = translate_segments(batch, eng, source, t)
            pos = 0
            for plan in plans:
                n = len(plan.segments)
                cat, merged = _finish(plan, done[pos:pos + n])
                pos += n
                run.units += len(cat.segments)
                if merged is not None:
                    run.updates.append((plan.doc.name, t, merged))
                chosen = fmts or list(DEFAULT_FORMATS)
                extra = [] if fmts else [  # keep an existing XLIFF 2.1 copy in step
                    f for f in existing_catalogues(out, t, plan.doc.name) if f not in chosen]
                for f in chosen + extra:
                    path = catalogue_path(out, t, plan.doc.name, f)
                    cat = replace(cat, source_path=recorded_path(plan.doc.path, path.parent))
                    todo.append((path, cat, f))
        blobs = fork_map(lambda job: render(job[1], job[2], now=now, tool=tool), todo,
                         _render_parts(todo))
        files = [(path, data) for (path, _, _), data in zip(todo, blobs, strict=True)]
        write_all(files)  # every language of the group, or none
        run.written += [path for path, _ in files]
    return run


# A copy rendering catalogues needs about this many units to pay for its fork (rendering costs
# about 0.1 ms a unit and format; a fork of a run's process a few milliseconds).
RENDER_SHARE = 1_000


def _render_parts(todo: Sequence[tuple[Path, Catalogue, str]]) -> int:
    """How many processes render a group's catalogues: one per core the run may use, each
    with at least :data:`RENDER_SHARE` units (``--jobs 1`` renders here)."""
    from .cpus import available

    units = sum(len(cat.segments) for _, cat, _ in todo)
    return max(1, min(available(), units // RENDER_SHARE))


# Releases are translated and written in groups of about this many characters of text: memory
# follows the group, not the run, so an archive of thousands of releases translates in the memory
# of a few hundred. A group is still one engine batch per target (a few pipeline starts).
GROUP_CHARS = 1_000_000


def _groups(docs: Sequence[Document], limit: int | None = None) -> list[list[Document]]:
    """``docs`` in order, cut into groups of at most ``limit`` characters (a bigger release
    is a group of its own)."""
    limit = GROUP_CHARS if limit is None else limit
    groups: list[list[Document]] = []
    size = 0
    for doc in docs:
        n = sum(len(b.text) for b in doc.blocks)
        if not groups or size + n > limit:
            groups.append([])
            size = 0
        groups[-1].append(doc)
        size += n
    return groups


def _refuse_name_clash(docs: Sequence[Document]) -> None:
    """Two inputs with one release name would write the same catalogues."""
    from .errors import ConflictError

    seen: dict[str, str] = {}
    for doc in docs:
        if doc.name in seen and seen[doc.name] != doc.path:
            raise ConflictError(
                f"two releases named {doc.name!r} ({seen[doc.name]} and {doc.path}) would write "
                "the same catalogues", path=doc.path,
                hint="translate them in separate runs with different --out, or rename one")
        seen[doc.name] = doc.path
