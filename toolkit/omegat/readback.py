"""A file OmegaT wrote into ``PROJECT/target/``, read as a reviewed catalogue.

OmegaT writes the source PO back with ``msgstr`` filled and keeps the
header and the ``#:`` lines, so units are found by the id on their ``#:``
line, else by their source text among the release's units. OmegaT has no
review states: a target equal to what the project offered (the fingerprint
recorded per unit in the header) is given back its state, so the three-way
import sees the unit as untouched (a draft stays a draft); any other target
is a person's translation. An empty ``msgstr``, or one that is the source
copied over (OmegaT's output for a segment nobody translated), is left out,
so the catalogue keeps what it had.
"""

from __future__ import annotations

import os
from pathlib import Path

import polib

from ..errors import ConflictError, ParseError
from ..formats.po import unit_id
from ..formats.states import BASE_HEADER, base_key, fingerprint
from ..langs import Lang
from ..model import Catalogue, Origin, Segment, State
from .export import TREE_HEADER


def is_target(path: str | os.PathLike) -> bool:
    """True for a PO file in the ``target/`` folder of an OmegaT project."""
    p = Path(path)
    return (p.suffix.lower() == ".po" and p.parent.name == "target"
            and (p.parent.parent / "omegat.project").is_file())


def _parse(path: Path) -> polib.POFile:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError("PO file is not UTF-8", path=path) from exc
    except OSError as exc:
        raise ParseError(f"cannot read: {exc.strerror}", path=path) from exc
    try:  # polib reads a one-line string as a file name
        return polib.pofile(text + "\n", encoding="utf-8", check_for_duplicates=False)
    except (OSError, ValueError) as exc:
        raise ParseError(f"malformed PO file: {exc}".split(" (line")[0], path=path) from exc


def _unmatched(path: Path, entry: polib.POEntry, why: str) -> ConflictError:
    return ConflictError(f"unit {entry.msgid[:60]!r} {why}", path=path, line=entry.linenum,
                         hint="import files of a project `toolkit export omegat` wrote")


def read_target(path: str | os.PathLike, out_dir: str | os.PathLike | None = None
                ) -> tuple[Catalogue, Path | None]:
    """The reviewed catalogue in OmegaT's target file, and the tree it belongs to.

    The tree is ``out_dir``, else the one the project was exported from (its
    header records it), else None. A unit whose ``#:`` line lost its id is
    found by source text among the units of the release in that tree.
    """
    p = Path(path)
    po = _parse(p)
    meta = po.metadata
    name, tgt = meta.get("X-Toolkit-Release", ""), meta.get("Language", "")
    if not name or not tgt:
        raise ParseError("not a file of a project `toolkit export omegat` wrote "
                         "(no X-Toolkit-Release or Language header)", path=p, line=1)
    try:
        src_tag = Lang.parse(meta.get("X-Source-Language", "fr")).bcp47
        tgt_tag = Lang.parse(tgt).bcp47
    except Exception as exc:
        raise ParseError(f"PO header has no usable Language ({tgt!r})", path=p, line=1) from exc
    bases = dict(tok.partition("=")[::2] for tok in meta.get(BASE_HEADER, "").split())
    tree = meta.get(TREE_HEADER, "")
    out = Path(out_dir) if out_dir is not None else None
    if out is None and tree:
        out = Path(os.path.normpath(p.parent.parent / tree))
    by_source: dict[str, list[str]] | None = None
    segs, seen = [], set()
    for entry in po:
        if entry.obsolete:
            continue
        uid = unit_id(entry)
        if not uid:
            if by_source is None:
                by_source = _sources(out, name, tgt_tag)
            ids = [i for i in by_source.get(entry.msgid, ()) if i not in seen]
            if not ids:
                raise _unmatched(p, entry, "has no unit id and no unit of the release has "
                                           "this source text")
            uid = ids[0]  # repeated sentences are taken in order
        if uid in seen:
            raise _unmatched(p, entry, f"repeats unit id {uid!r}")
        seen.add(uid)
        target = entry.msgstr
        if not target or (target == entry.msgid and not _offered(bases, uid, target)):
            continue  # nobody translated it in OmegaT
        base = bases.get(base_key(uid), "")
        state = next((s for s in State if base and fingerprint(target, s) == base), None)
        if state is None:  # not what the project offered: a person wrote it
            state, origin = State.TRANSLATED, Origin.HUMAN
        else:
            origin = Origin.HUMAN if state != State.DRAFT else Origin.MT
        segs.append(Segment(id=uid, source=entry.msgid, src=src_tag, tgt=tgt_tag,
                            target=target, state=state, origin=origin, base=base,
                            comments=tuple(x for x in entry.tcomment.splitlines() if x)))
    return Catalogue(name=name, src=src_tag, tgt=tgt_tag, segments=tuple(segs),
                     fmt="po"), out


def _sources(out: Path | None, name: str, tgt: str) -> dict[str, list[str]]:
    """Unit ids of the release's current catalogue by source text."""
    from ..locales import check_name, current_catalogue

    cat = current_catalogue(out, Lang.parse(tgt), check_name(name)) if out else None
    ids: dict[str, list[str]] = {}
    for seg in cat.segments if cat is not None else ():
        ids.setdefault(seg.source, []).append(seg.id)
    return ids


def _offered(bases: dict[str, str], uid: str, target: str) -> bool:
    """True when the project offered exactly ``target`` (a sentence kept as is, like a name)."""
    base = bases.get(base_key(uid), "")
    return bool(base) and any(fingerprint(target, s) == base for s in State)
