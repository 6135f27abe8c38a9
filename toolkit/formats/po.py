"""Gettext PO catalogues, through polib.

One entry per unit: ``msgctxt`` is the unit id, ``msgid`` the source,
``msgstr`` the target, ``#:`` the reference, ``#|`` the previous source.

State mapping (the full table is in :mod:`toolkit.formats.states` and the
README, "Review states"): untranslated → empty ``msgstr``; draft →
``#, fuzzy``; translated → no flag; reviewed and final → no flag plus a
``#. state: reviewed`` / ``#. state: final`` line, since PO has no review
levels. The origin is written as ``#. origin: …`` only when it differs from
what the state implies (machine for drafts, human for the rest), so a unit
confirmed in Poedit (which just drops ``#, fuzzy``) reads back as human.

Other toolkit fields ride on extracted comments too: ``#. kind: paragraph``
(the block kind) and ``#. previous translation: …`` (the reviewer's old
translation of a changed sentence, which PO has no field for). Notes and
translator comments that contain newlines are escaped onto one line. A
note's author rides on its line too: QA findings are ``#. qa: …``, the
engine's unknown words (:attr:`Segment.unknown`) one ``#. unknown words: …``
line; toolkit notes are written as they are.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import BinaryIO

import polib

from ..errors import ParseError
from ..inline import Tag, parse_what
from ..langs import Lang
from ..model import Alternative, Catalogue, Note, NoteOrigin, Segment, State
from . import Format, register
from .states import (
    default_origin,
    escape_line,
    parse_origin,
    parse_state,
    position,
    unescape_line,
)

_STATE, _ORIGIN, _KIND, _PREV, _PREV_SRC, _REF, _MATCH, _QA, _UNKNOWN, _CODES = (
    "state: ", "origin: ", "kind: ", "previous translation: ", "previous source: ", "reference: ",
    "match: ", "qa: ", "unknown words: ", "Inline codes: ")
_RESERVED = (_STATE, _ORIGIN, _KIND, _PREV, _PREV_SRC, _REF, _MATCH, _QA, _UNKNOWN, _CODES)
_CODE_ITEM = re.compile(r"(?:^|; )(<g(\d+)>…</g\d+>|<x(\d+)/>) = ")


def _codes_line(tags: tuple[Tag, ...]) -> str:
    """``Inline codes: <g1>…</g1> = bold text; <x2/> = link to https://…`` (a sentence)."""
    return _CODES + "; ".join(f"{t.token} = {t.what}" for t in tags) + "."


def _parse_codes(text: str) -> tuple[Tag, ...]:
    body = text.removesuffix(".")
    items = list(_CODE_ITEM.finditer(body))
    tags = []
    for m, nxt in zip(items, items[1:] + [None]):
        words = body[m.end() : nxt.start() if nxt else len(body)]
        kind, n = ("g", m.group(2)) if m.group(2) else ("x", m.group(3))
        tags.append(Tag(int(n), kind, *parse_what(words)))
    return tuple(tags)


def _match_line(cand: Alternative) -> str:
    # One JSON object per candidate: PO comments are single lines, and JSON
    # escapes whatever the sentence holds.
    data = {"origin": cand.origin, "score": cand.score, "source": cand.source,
            "target": cand.target}
    return _MATCH + json.dumps(data, ensure_ascii=False)


def _parse_match(text: str) -> Alternative | None:
    try:
        data = json.loads(text)
        score = data.get("score")
        return Alternative(str(data["source"]), str(data["target"]), str(data.get("origin", "")),
                           float(score) if score is not None else None)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _stamp(now: datetime) -> str:
    # gettext wants a numeric zone; naive clocks are taken as UTC.
    return now.strftime("%Y-%m-%d %H:%M") + (now.strftime("%z") or "+0000")


def _note_line(note: Note) -> str:
    line = escape_line(note.text)
    if note.origin == NoteOrigin.QA:
        return _QA + line
    # A note that looks like one of our markers gets a leading backslash,
    # which unescaping removes again.
    return "\\" + line if line.startswith(_RESERVED) else line


def _occurrence(ref: str) -> tuple[list[tuple[str, str]], str]:
    """``#:`` occurrences for ``ref``, or a fallback comment line when it has spaces."""
    if not ref:
        return [], ""
    if any(c.isspace() for c in ref):
        return [], _REF + escape_line(ref)
    file_, _, line = ref.rpartition(":")
    if file_ and line.isdigit():
        return [(file_, line)], ""
    return [(ref, "")], ""


def _entry(seg: Segment, obsolete: bool = False) -> str:
    """One entry as PO text.

    Comments are written here rather than by polib, which wraps long comment
    lines (splitting one note into two) and drops ``#.``/``#:`` on obsolete
    entries, where gettext keeps them.
    """
    occurrences, ref_line = _occurrence(seg.ref)
    notes = [_note_line(n) for n in seg.notes if n.origin != NoteOrigin.QA]
    if seg.tags:
        notes.insert(0, escape_line(_codes_line(seg.tags)))
    if seg.unknown:
        notes.append(_UNKNOWN + escape_line(", ".join(seg.unknown)))
    notes += [_note_line(n) for n in seg.notes if n.origin == NoteOrigin.QA]
    if seg.state in (State.REVIEWED, State.FINAL):
        notes.append(_STATE + seg.state.value)
    if seg.origin != default_origin(_read_state(seg), seg.target):
        notes.append(_ORIGIN + seg.origin.value)
    if seg.kind:
        notes.append(_KIND + escape_line(seg.kind))
    if seg.previous_target:
        notes.append(_PREV + escape_line(seg.previous_target))
    if obsolete and seg.previous_source:
        # polib does not read "#~| msgid", so an obsolete entry keeps it here.
        notes.append(_PREV_SRC + escape_line(seg.previous_source))
    notes.extend(_match_line(c) for c in seg.alternatives)
    if ref_line:
        notes.append(ref_line)
    flags = list(seg.flags)
    if seg.state == State.DRAFT and seg.target:
        flags.insert(0, "fuzzy")
    lines = [f"# {escape_line(c)}" for c in seg.comments]
    lines += [f"#. {n}" for n in notes]
    lines += [f"#: {f}:{n}" if n else f"#: {f}" for f, n in occurrences]
    if flags:
        lines.append("#, " + ", ".join(flags))
    entry = polib.POEntry(msgctxt=seg.id, msgid=seg.source, msgstr=seg.target,
                          obsolete=obsolete)
    if seg.previous_source and not obsolete:
        entry.previous_msgid = seg.previous_source
    lines.append(entry.__unicode__(wrapwidth=78))
    return "\n".join(lines).rstrip("\n")


def _read_state(seg: Segment) -> State:
    """The state a reader will see for ``seg``: PO cannot mark an empty draft."""
    if not seg.target:
        return State.UNTRANSLATED if seg.state == State.DRAFT else seg.state
    return seg.state


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str) -> None:
    """Write ``cat`` as a PO file; same catalogue, clock and tool give the same bytes."""
    tgt = Lang.parse(cat.tgt)
    po = polib.POFile(wrapwidth=78, check_for_duplicates=False)
    po.header = f"Translation of {cat.name} ({cat.src} → {cat.tgt}), produced by {tool}."
    stamp = _stamp(now)
    po.metadata = {
        "Project-Id-Version": cat.name,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
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
    blocks = [str(po).rstrip("\n")]
    blocks += [_entry(seg) for seg in cat.segments]
    blocks += [_entry(seg, obsolete=True) for seg in cat.obsolete]
    fp.write(("\n\n".join(blocks) + "\n").encode("utf-8"))


def _segment(entry: polib.POEntry, src: str, tgt: str) -> Segment:
    notes: list[Note] = []
    unknown: tuple[str, ...] = ()
    tags: tuple[Tag, ...] = ()
    state = origin = None
    kind = previous_target = previous_source = ref = ""
    alternatives: list[Alternative] = []
    for line in entry.comment.splitlines() if entry.comment else []:
        cand = _parse_match(line[len(_MATCH):]) if line.startswith(_MATCH) else None
        if cand is not None:
            alternatives.append(cand)
            continue
        if line.startswith(_STATE):
            state = parse_state(line[len(_STATE):].strip())
        elif line.startswith(_ORIGIN):
            origin = parse_origin(line[len(_ORIGIN):].strip())
        elif line.startswith(_KIND):
            kind = unescape_line(line[len(_KIND):])
        elif line.startswith(_QA):
            notes.append(Note(unescape_line(line[len(_QA):]), NoteOrigin.QA))
        elif line.startswith(_CODES):
            tags = _parse_codes(unescape_line(line[len(_CODES):]))
        elif line.startswith(_UNKNOWN):
            unknown = tuple(w for w in unescape_line(line[len(_UNKNOWN):]).split(", ") if w)
        elif line.startswith(_PREV):
            previous_target = unescape_line(line[len(_PREV):])
        elif line.startswith(_REF):
            ref = unescape_line(line[len(_REF):])
        elif line.startswith(_PREV_SRC):
            previous_source = unescape_line(line[len(_PREV_SRC):])
        else:
            notes.append(Note(unescape_line(line)))
    if not entry.msgstr:
        st = State.UNTRANSLATED
    elif "fuzzy" in entry.flags:
        st = State.DRAFT
    else:
        st = state or State.TRANSLATED
    if entry.occurrences and not ref:
        f, line_no = entry.occurrences[0]
        ref = f"{f}:{line_no}" if line_no else f
    block, index = position(entry.msgctxt or "")
    return Segment(
        id=entry.msgctxt or "",
        source=entry.msgid,
        src=src,
        tgt=tgt,
        target=entry.msgstr,
        origin=origin or default_origin(st, entry.msgstr),
        state=st,
        block=block,
        index=index,
        ref=ref,
        notes=tuple(notes),
        comments=tuple(unescape_line(c) for c in entry.tcomment.splitlines())
        if entry.tcomment else (),
        unknown=unknown,
        previous_source=entry.previous_msgid or previous_source,
        previous_target=previous_target,
        kind=kind,
        flags=tuple(f for f in entry.flags if f != "fuzzy"),
        alternatives=tuple(alternatives),
        tags=tags,
    )


def _polib_line(message: str) -> int | None:
    if "line" not in message:
        return None
    tail = message.rsplit("line", 1)[1].strip(" .:)")
    digits = tail.split(")")[0].strip()
    return int(digits) if digits.isdigit() else None


_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(".*)$')
_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def _check_syntax(text: str, path: str) -> None:
    """Refuse what polib would silently repair (an unterminated string loses a letter)."""
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        for prefix in ("#~|", "#~", "#|"):
            if line.startswith(prefix):
                line = line[len(prefix):].strip()
                break
        if not line or line.startswith("#"):
            continue
        m = _KEYWORD.match(line)
        string = m.group(3) if m else line
        if not _STRING.match(string.rstrip()):
            what = "badly quoted string" if string.startswith('"') else "unexpected text"
            raise ParseError(f"malformed PO file: {what}", path=path, line=n)


def read(fp: BinaryIO, *, path: str = "<po>") -> Catalogue:
    """Read a PO file written by the toolkit or edited in Poedit, Lokalize, Weblate…

    Syntax errors, non-UTF-8 bytes, a missing ``Language`` header, entries
    without a unit id (``msgctxt``) and duplicate ids raise ParseError with
    the file and line.
    """
    data = fp.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError("PO file is not UTF-8", path=path, line=line) from exc
    if not text.strip():
        raise ParseError("empty PO file", path=path)
    _check_syntax(text, path)
    if "\n" not in text:
        text += "\n"  # polib treats a one-line string as a file name
    try:
        po = polib.pofile(text, encoding="utf-8", check_for_duplicates=False, wrapwidth=78)
    except (OSError, ValueError) as exc:
        msg = str(exc).replace(f" {text}", "")
        head, _, tail = msg.partition("(line")
        reason = tail.partition("):")[2].strip()
        detail = head.strip() + (f": {reason}" if reason else "")
        raise ParseError(f"malformed PO file: {detail}", path=path,
                         line=_polib_line(head + "(line" + tail.partition("):")[0])) from exc
    meta = po.metadata
    if not meta:
        raise ParseError("PO file has no header entry", path=path, line=1)
    tgt, src = meta.get("Language", ""), meta.get("X-Source-Language", "fr")
    try:
        tgt_tag, src_tag = Lang.parse(tgt).bcp47, Lang.parse(src).bcp47
    except Exception as exc:
        raise ParseError(f"PO header has no usable Language ({tgt!r})", path=path,
                         line=1) from exc
    segs: list[Segment] = []
    obsolete: list[Segment] = []
    seen: dict[str, int] = {}
    for entry in po:
        if not entry.msgctxt:
            raise ParseError("entry has no msgctxt (the toolkit's unit id)", path=path,
                             line=entry.linenum)
        key = ("~" if entry.obsolete else "") + entry.msgctxt
        if key in seen:
            raise ParseError(f"duplicate unit id {entry.msgctxt!r} (first at line "
                             f"{seen[key]})", path=path, line=entry.linenum)
        seen[key] = entry.linenum
        (obsolete if entry.obsolete else segs).append(_segment(entry, src_tag, tgt_tag))
    return Catalogue(
        name=meta.get("X-Toolkit-Release", meta.get("Project-Id-Version", "")),
        src=src_tag, tgt=tgt_tag, segments=tuple(segs),
        source_path=meta.get("X-Toolkit-Source", ""),
        obsolete=tuple(obsolete), fmt=meta.get("X-Toolkit-Format", "text"),
    )


def unit_lines(data: bytes) -> dict[str, int]:
    """Line of each unit id in PO ``data``, for error messages about units."""
    try:
        po = polib.pofile(data.decode("utf-8", "replace") + "\n", check_for_duplicates=False)
    except (OSError, ValueError):
        return {}
    return {e.msgctxt: e.linenum for e in po if e.msgctxt and not e.obsolete}


register(Format("po", (".po", ".pot"), read, write, "GNU gettext PO"))
