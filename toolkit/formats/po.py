"""Gettext PO catalogues, through polib.

State mapping (see README, "Review states"):
untranslated → empty msgstr; draft (machine or memory) → ``#, fuzzy``;
translated → no flag; reviewed/final → no flag plus a ``#. state:`` line,
since PO has no native review levels.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import BinaryIO

import polib

from ..errors import ParseError
from ..langs import Lang
from ..model import Catalogue, Origin, Segment, State
from . import Format, register

_META_NOTE = ("origin: ", "state: ")


def _stamp(now: datetime) -> str:
    return now.strftime("%Y-%m-%d %H:%M%z") or now.strftime("%Y-%m-%d %H:%M+0000")


def _entry(seg: Segment, obsolete: bool = False) -> polib.POEntry:
    notes = list(seg.notes)
    if seg.origin not in (Origin.NONE, Origin.MT):
        notes.append(f"origin: {seg.origin.value}")
    if seg.state in (State.REVIEWED, State.FINAL):
        notes.append(f"state: {seg.state.value}")
    file_, _, line = seg.ref.rpartition(":")
    occurrences = [(file_, line)] if file_ and line.isdigit() else ([(seg.ref, "")] if seg.ref else [])
    entry = polib.POEntry(
        msgctxt=seg.id,
        msgid=seg.source,
        msgstr=seg.target,
        occurrences=occurrences,
        comment="\n".join(notes),
        tcomment="\n".join(seg.comments),
        flags=["fuzzy"] if seg.state == State.DRAFT and seg.target else [],
        obsolete=obsolete,
    )
    if seg.previous_source:
        entry.previous_msgctxt = seg.id
        entry.previous_msgid = seg.previous_source
    return entry


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str) -> None:
    """Write ``cat`` as a PO file; same catalogue and clock give the same bytes."""
    tgt = Lang.parse(cat.tgt)
    po = polib.POFile(wrapwidth=78, check_for_duplicates=False)
    po.header = f"Translation of {cat.name} ({cat.src} → {cat.tgt}), produced by {tool}."
    po.metadata = {
        "Project-Id-Version": cat.name,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": _stamp(now),
        "PO-Revision-Date": _stamp(now),
        "Last-Translator": "",
        "Language-Team": f"{tgt.name} <>",
        "Language": tgt.posix,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": tgt.plural_forms,
        "X-Generator": tool,
        "X-Source-Language": Lang.parse(cat.src).posix,
        "X-Toolkit-Release": cat.name,
        "X-Toolkit-Source": cat.source_path,
        "X-Toolkit-Format": cat.fmt,
    }
    for seg in cat.segments:
        po.append(_entry(seg))
    for seg in cat.obsolete:
        po.append(_entry(seg, obsolete=True))
    fp.write(str(po).encode("utf-8"))
    if not str(po).endswith("\n"):
        fp.write(b"\n")


def _segment(entry: polib.POEntry, src: str, tgt: str) -> Segment:
    notes, state, origin = [], None, None
    for line in entry.comment.splitlines() if entry.comment else []:
        if line.startswith("state: "):
            state = line[7:].strip()
        elif line.startswith("origin: "):
            origin = line[8:].strip()
        else:
            notes.append(line)
    fuzzy = "fuzzy" in entry.flags
    if not entry.msgstr:
        st = State.UNTRANSLATED
    elif fuzzy:
        st = State.DRAFT
    elif state in State._value2member_map_:
        st = State(state)
    else:
        st = State.TRANSLATED
    if origin in Origin._value2member_map_:
        org = Origin(origin)
    elif st == State.DRAFT:
        org = Origin.MT
    elif st == State.UNTRANSLATED:
        org = Origin.NONE
    else:
        org = Origin.HUMAN
    ref = ""
    if entry.occurrences:
        f, line = entry.occurrences[0]
        ref = f"{f}:{line}" if line else f
    return Segment(
        id=entry.msgctxt or "",
        source=entry.msgid,
        src=src,
        tgt=tgt,
        target=entry.msgstr,
        origin=org,
        state=st,
        ref=ref,
        notes=tuple(notes),
        comments=tuple(entry.tcomment.splitlines()) if entry.tcomment else (),
        previous_source=entry.previous_msgid or "",
        flags=tuple(f for f in entry.flags if f != "fuzzy"),
    )


def read(fp: BinaryIO, *, path: str = "<po>") -> Catalogue:
    """Read a PO file; syntax errors become ParseError with file and line."""
    data = fp.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError("PO file is not UTF-8", path=path, line=line) from exc
    if not text.strip():
        raise ParseError("empty PO file", path=path)
    try:
        po = polib.pofile(io.StringIO(text).read(), encoding="utf-8", check_for_duplicates=True,
                          wrapwidth=78)
    except (OSError, ValueError) as exc:
        msg = str(exc)
        line = None
        if "line" in msg:
            tail = msg.rsplit("line", 1)[1].strip(" .:)")
            line = int(tail) if tail.isdigit() else None
        raise ParseError(f"malformed PO file: {msg}", path=path, line=line) from exc
    meta = po.metadata
    tgt = meta.get("Language", "")
    src = meta.get("X-Source-Language", "fr")
    try:
        tgt_tag, src_tag = Lang.parse(tgt).bcp47, Lang.parse(src).bcp47
    except Exception as exc:
        raise ParseError(f"PO header has no usable Language ({tgt!r})", path=path) from exc
    segs = tuple(_segment(e, src_tag, tgt_tag) for e in po if not e.obsolete)
    obsolete = tuple(_segment(e, src_tag, tgt_tag) for e in po if e.obsolete)
    return Catalogue(
        name=meta.get("X-Toolkit-Release", meta.get("Project-Id-Version", "")),
        src=src_tag, tgt=tgt_tag, segments=segs, source_path=meta.get("X-Toolkit-Source", ""),
        obsolete=obsolete, fmt=meta.get("X-Toolkit-Format", "text"),
    )


register(Format("po", ".po", read, write, "GNU gettext PO"))
