"""Gettext PO catalogues, through polib.

One entry per unit: ``msgid`` the source, ``msgstr`` the target, ``#:`` the
reference followed by the unit id as ``toolkit-unit=<id>`` (percent-encoded),
``#|`` the previous source. The id is not the ``msgctxt``: Poedit shows the context as a
label in front of every source text, and a 40-character id crowds the list.
A ``msgctxt`` is written only where gettext needs one, when two units have
the same source text (the short position, ``b3s0``), and for ids with spaces
and obsolete entries (the whole id). Catalogues whose ``msgctxt`` is the id,
as older versions wrote them, read unchanged.

State mapping (the full table is in :mod:`toolkit.formats.states` and the
README, "Review states"): untranslated → empty ``msgstr``; draft →
``#, fuzzy``; translated → no flag; reviewed and final → no flag plus a
``#.`` sentence, since PO has no review levels. The origin is written only
when it differs from what the state implies (machine for drafts, human for
the rest), so a unit confirmed in Poedit (which just drops ``#, fuzzy``)
reads back as human.

The other toolkit fields (what each inline code stands for, the block kind,
the reviewer's previous translation, memory matches, the engine's unknown
words) are ``#.`` lines worded for translators, in :mod:`po_notes`. Notes and
translator comments that contain newlines are escaped onto one line; QA
findings are ``#. qa: …``; toolkit notes are written as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import datetime
from typing import BinaryIO
from urllib.parse import quote, unquote

import polib

from ..errors import ParseError
from ..langs import Lang
from ..model import Alternative, Catalogue, Note, NoteOrigin, Segment, State
from ..xmlutil import read_bounded
from . import Format, po_notes, register
from .po_chunks import pieces
from .states import (
    BASE_HEADER,
    base_key,
    default_origin,
    escape_line,
    fingerprint,
    position,
    unescape_line,
)

# The unit id rides on the "#:" line (Poedit shows references only on request);
# msgctxt, which Poedit shows before every source text, is only written when
# two units share a source text (then the short position) or for an id with
# spaces. Files whose msgctxt is the id (older versions, other tools) still read.
# The id is percent-encoded: Poedit reads "name:04013078" as a file and a line
# number and writes it back as "name:4013078", so no colon may remain.
_ID_REF = "toolkit-unit="
_SAFE_ID = re.compile(r"^\S+$")


def id_token(uid: str) -> str:
    """The ``#:`` reference that carries unit id ``uid`` (OmegaT's project sources use it too)."""
    return _ID_REF + quote(uid, safe="")


def _stamp(now: datetime) -> str:
    # gettext wants a numeric zone; naive clocks are taken as UTC.
    return now.strftime("%Y-%m-%d %H:%M") + (now.strftime("%z") or "+0000")


def _note_line(note: Note) -> str:
    line = escape_line(note.text)
    if note.origin == NoteOrigin.QA:
        return po_notes.QA + line
    # A note that looks like one of our fields gets a leading backslash,
    # which unescaping removes again.
    return "\\" + line if po_notes.reserved(line) else line


def _occurrence(ref: str) -> tuple[list[tuple[str, str]], str]:
    """``#:`` occurrences for ``ref``, or a fallback comment line when it has spaces."""
    if not ref:
        return [], ""
    if any(c.isspace() for c in ref):
        return [], ref
    file_, _, line = ref.rpartition(":")
    if file_ and line.isdigit():
        return [(file_, line)], ""
    return [(ref, "")], ""


def _entry(seg: Segment, obsolete: bool = False, context: str | None = None) -> str:
    """One entry as PO text; ``context`` is the msgctxt (None: none needed).

    Comments are written here rather than by polib, which wraps long comment
    lines (splitting one note into two) and drops ``#.``/``#:`` on obsolete
    entries, where gettext keeps them.
    """
    occurrences, odd_ref = _occurrence(seg.ref)
    origin = seg.origin if seg.origin != default_origin(_read_state(seg), seg.target) else None
    fields = po_notes.field_lines(
        tags=seg.tags, unknown=seg.unknown, state=seg.state, origin=origin, kind=seg.kind,
        previous_target=seg.previous_target,
        # polib does not read "#~| msgid", so an obsolete entry keeps it here.
        previous_source=seg.previous_source if obsolete else "",
        alternatives=seg.alternatives, ref=odd_ref)
    notes = fields["tags"] + [_note_line(n) for n in seg.notes if n.origin != NoteOrigin.QA]
    notes += fields["unknown"] + [_note_line(n) for n in seg.notes if n.origin == NoteOrigin.QA]
    for name in ("state", "origin", "kind", "previous_target", "previous_source", "match", "ref"):
        notes += fields[name]
    flags = list(seg.flags)
    if seg.state == State.DRAFT and seg.target:
        flags.insert(0, "fuzzy")
    lines = [f"# {escape_line(c)}" for c in seg.comments]
    lines += [f"#. {n}" for n in notes]
    refs = [f"{f}:{n}" if n else f for f, n in occurrences]
    if context != seg.id:
        refs.append(id_token(seg.id))
    if refs:
        lines.append("#: " + " ".join(refs))
    if flags:
        lines.append("#, " + ", ".join(flags))
    entry = polib.POEntry(msgctxt=context, msgid=seg.source, msgstr=seg.target,
                          obsolete=obsolete)
    if seg.previous_source and not obsolete:
        entry.previous_msgid = seg.previous_source
    lines.append(entry.__unicode__(wrapwidth=78))
    return "\n".join(lines).rstrip("\n")


def _contexts(segs: tuple[Segment, ...]) -> list[str | None]:
    """The msgctxt of each live entry: none, unless the source text repeats or the id has spaces."""
    count = Counter(s.source for s in segs)
    return [context(seg, count[seg.source] > 1) for seg in segs]


def context(seg: Segment, repeated: bool) -> str | None:
    """The msgctxt of live entry ``seg``; ``repeated``: its source text is another unit's too."""
    if not _SAFE_ID.match(seg.id):
        return seg.id
    if repeated:
        block, index = position(seg.id)
        short = f"b{block}s{index}" if (block, index) != (0, 0) or ":b0s0:" in seg.id else ""
        return short or seg.id
    return None


def _read_state(seg: Segment) -> State:
    """The state a reader will see for ``seg``: PO cannot mark an empty draft."""
    if not seg.target:
        return State.UNTRANSLATED if seg.state == State.DRAFT else seg.state
    return seg.state


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str) -> None:
    """Write ``cat`` as a PO file; same catalogue, clock and tool give the same bytes."""
    base = " ".join(base_token(s) for s in cat.segments)
    blocks = [header(cat, base, now=now, tool=tool)]
    blocks += [_entry(seg, context=ctx) for seg, ctx in zip(cat.segments, _contexts(cat.segments))]
    # polib and Poedit drop "#:" of obsolete entries: they keep the id as msgctxt.
    blocks += [_entry(seg, obsolete=True, context=seg.id) for seg in cat.obsolete]
    fp.write(("\n\n".join(blocks) + "\n").encode("utf-8"))


def base_token(seg: Segment) -> str:
    """What the PO header's base field records for live entry ``seg``."""
    return f"{base_key(seg.id)}={fingerprint(seg.target, _read_state(seg))}"


def header(cat: Catalogue, base: str, *, now: datetime, tool: str) -> str:
    """The header entry of ``cat`` (its units are not looked at), ``base`` its base field."""
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
        # The base of a later three-way merge, one token per unit. A header
        # field, not a "#." line per entry: Poedit shows those to translators.
        BASE_HEADER: base,
    }
    return str(po).rstrip("\n")


def entry(seg: Segment, repeated: bool) -> str:
    """Live entry ``seg`` as PO text, as :func:`write` puts it (see :func:`context`)."""
    return _entry(seg, context=context(seg, repeated))


def unit_id(entry: polib.POEntry) -> str:
    """The toolkit unit id of ``entry``: its ``toolkit-unit=`` reference, else its msgctxt."""
    for f, line in entry.occurrences:
        token = f"{f}:{line}" if line else f
        if token.startswith(_ID_REF):
            return unquote(token[len(_ID_REF):])
    return entry.msgctxt or ""


def _segment(entry: polib.POEntry, src: str, tgt: str) -> Segment:
    notes: list[Note] = []
    values: dict[str, object] = {}
    alternatives: list[Alternative] = []
    for line in entry.comment.splitlines() if entry.comment else []:
        field = po_notes.parse(line)
        if field is None:
            notes.append(Note(unescape_line(line)))
        elif field[0] == "match":
            alternatives.append(field[1])  # type: ignore[arg-type]
        elif field[0] == "qa":
            notes.append(Note(str(field[1]), NoteOrigin.QA))
        else:
            values[field[0]] = field[1]
    state = values.get("state")
    origin = values.get("origin")
    ref = str(values.get("ref", ""))
    if not entry.msgstr:
        st = State.UNTRANSLATED
    elif "fuzzy" in entry.flags:
        st = State.DRAFT
    else:
        st = state or State.TRANSLATED
    places = [(f, n) for f, n in entry.occurrences if not f"{f}:{n}".startswith(_ID_REF)]
    if places and not ref:
        f, line_no = places[0]
        ref = f"{f}:{line_no}" if line_no else f
    uid = unit_id(entry)
    block, index = position(uid)
    return Segment(
        id=uid,
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
        unknown=values.get("unknown", ()),  # type: ignore[arg-type]
        previous_source=entry.previous_msgid or str(values.get("previous_source", "")),
        previous_target=str(values.get("previous_target", "")),
        kind=str(values.get("kind", "")),
        flags=tuple(f for f in entry.flags if f != "fuzzy"),
        alternatives=tuple(alternatives),
        tags=values.get("tags", ()),  # type: ignore[arg-type]
    )


def _polib_line(message: str) -> int | None:
    if "line" not in message:
        return None
    tail = message.rsplit("line", 1)[1].strip(" .:)")
    digits = tail.split(")")[0].strip()
    return int(digits) if digits.isdigit() else None


_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(".*)$')
_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def _check_syntax(text: str, path: str, before: int = 0) -> None:
    """Refuse what polib would silently repair (an unterminated string loses a letter)."""
    for n, raw in enumerate(text.splitlines(), before + 1):
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
    the file and line. A file over the XML bound (:data:`toolkit.xmlutil.MAX_BYTES`,
    far above any catalogue the toolkit writes) is refused before it fills the memory.
    """
    data = read_bounded(fp, path)
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Notepad, some editors) is not text
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError("PO file is not UTF-8", path=path, line=line) from exc
    del data  # a big catalogue: its bytes need not stay beside its text
    text = unicodedata.normalize("NFC", text)  # an editor that saved decomposed accents
    if not text.strip():
        raise ParseError("empty PO file", path=path)
    if "\n" not in text:
        text += "\n"  # polib treats a one-line string as a file name
    parts = pieces(text)
    before, first = next(parts)
    po = _parse_piece(first, before, path)
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
    bases = dict(tok.partition("=")[::2] for tok in meta.get(BASE_HEADER, "").split())
    while po is not None:  # the entries of each piece, then the piece is let go
        for entry in po:
            entry.linenum += before
            _take(entry, path, src_tag, tgt_tag, bases, seen, segs, obsolete)
        piece = next(parts, None)
        po = None if piece is None else _parse_piece(piece[1], piece[0], path)
        before = piece[0] if piece is not None else before
    return Catalogue(
        name=meta.get("X-Toolkit-Release", meta.get("Project-Id-Version", "")),
        src=src_tag, tgt=tgt_tag, segments=tuple(segs),
        source_path=meta.get("X-Toolkit-Source", ""),
        obsolete=tuple(obsolete), fmt=meta.get("X-Toolkit-Format", "text"),
    )


def _take(entry: polib.POEntry, path: str, src_tag: str, tgt_tag: str, bases: dict[str, str],
          seen: dict[str, int], segs: list[Segment], obsolete: list[Segment]) -> None:
    """One entry read into ``segs`` or ``obsolete``, checked against those ``seen`` before."""
    if entry.msgid_plural and not entry.obsolete:
        # Release sentences have no plural forms: reading msgstr[n] as the target would
        # drop the translation (or keep only one form) without a word.
        raise ParseError("plural entry (msgid_plural): a release sentence has one "
                         "translation, msgstr[n] forms cannot be imported", path=path,
                         line=entry.linenum, hint="put the translation in msgstr and "
                                                  "remove msgid_plural")
    uid = unit_id(entry)
    if not uid:
        raise ParseError(f"entry has no unit id (msgctxt or #: {_ID_REF}…)", path=path,
                         line=entry.linenum)
    key = ("~" if entry.obsolete else "") + uid
    if key in seen:
        raise ParseError(f"duplicate unit id {uid!r} (first at line "
                         f"{seen[key]})", path=path, line=entry.linenum)
    seen[key] = entry.linenum
    seg = _segment(entry, src_tag, tgt_tag)
    if not entry.obsolete:
        seg = replace(seg, base=bases.get(base_key(seg.id), ""))
    (obsolete if entry.obsolete else segs).append(seg)


def _parse_piece(text: str, before: int, path: str) -> polib.POFile:
    """One piece of a PO file (see :mod:`po_chunks`), ``before`` lines into it, parsed."""
    _check_syntax(text, path, before)
    try:
        return polib.pofile(text, encoding="utf-8", check_for_duplicates=False, wrapwidth=78)
    except (OSError, ValueError) as exc:
        msg = str(exc).replace(f" {text}", "")
        head, _, tail = msg.partition("(line")
        reason = tail.partition("):")[2].strip()
        detail = head.strip() + (f": {reason}" if reason else "")
        line = _polib_line(head + "(line" + tail.partition("):")[0])
        raise ParseError(f"malformed PO file: {detail}", path=path,
                         line=None if line is None else line + before) from exc


def unit_lines(data: bytes) -> dict[str, int]:
    """Line of each unit id in PO ``data``, for error messages about units."""
    try:
        po = polib.pofile(data.decode("utf-8", "replace") + "\n", check_for_duplicates=False)
    except (OSError, ValueError):
        return {}
    return {unit_id(e): e.linenum for e in po if unit_id(e) and not e.obsolete}


register(Format("po", (".po", ".pot"), read, write, "GNU gettext PO"))
