"""XLIFF 2.1 (core, metadata ``mda:`` and matches ``mtc:`` modules).

XLIFF 2.1 keeps the 2.0 core namespace ``urn:oasis:names:tc:xliff:document:2.0``
and says ``version="2.1"``. The translate command writes it as
``<release>.xliff`` so that it can sit next to the XLIFF 1.2 ``.xlf``; OmegaT,
Okapi, Lokalize and memoQ open both suffixes and tell the versions apart by
the ``version`` attribute, as :func:`toolkit.formats.for_path` does.

One ``<unit>`` with one ``<segment>`` per toolkit unit. XLIFF 2 ids are
NMTOKENs, so the toolkit id goes in ``unit/@name`` and ``unit/@id`` repeats
it when it is a valid token (``u<n>`` otherwise).

State mapping (full table in :mod:`toolkit.formats.states` and the README,
"Review states"): untranslated → ``state="initial"`` without ``<target>``;
draft → ``initial`` with ``subState="toolkit:draft"``; translated,
reviewed, final → the same-named 2.x states. Per-unit metadata in
``<mda:metadata><mda:metaGroup category="toolkit">``: ``origin``, ``kind``
(block kind), ``ref`` (source file and line), ``flag`` (repeated). The
previous source and translation of a changed sentence are an
``<mtc:match type="other" subType="toolkit:previous-version">``. Notes are
``<note category="toolkit">``, QA findings ``<note category="qa"
appliesTo="target">``, translator comments any other ``<note>``; the
engine's unknown words are ``unknown`` metadata (repeated).
Removed units sit in ``<group id="toolkit-obsolete" type="toolkit:obsolete"
translate="no">``. Inline codes are ``<pc>``/``<ph/>`` (``<sc/>``/``<ec/>`` for
a split pair) whose ``disp``/``dispStart`` says what they stand for.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import BinaryIO

from lxml import etree

from ..errors import ParseError
from ..langs import Lang
from ..model import Alternative, Catalogue, Note, NoteOrigin, Origin, Segment, State
from ..xmlutil import clean, parse
from . import Format, register
from .states import (
    BASE_NS,
    SUBSTATE_PREFIX,
    XLIFF2_READ,
    XLIFF2_STATE,
    default_origin,
    fingerprint,
    parse_origin,
    position,
    split_legacy_notes,
)
from .xliff2_codes import NS, read_codes, read_tags, write_codes

MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_Q, _MDA, _MTC = f"{{{NS}}}", f"{{{MDA}}}", f"{{{MTC}}}"
_NSMAP = {None: NS, "mda": MDA, "mtc": MTC, "tk": BASE_NS}
_BASE = f"{{{BASE_NS}}}base"
_OBSOLETE = "toolkit-obsolete"
_PREVIOUS = "toolkit:previous-version"
_NMTOKEN = re.compile(r"^[\w.\-:]+$")


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = clean(text)
    return el


def _metadata(parent: etree._Element, pairs: list[tuple[str, str]]) -> None:
    if not pairs:
        return
    group = _el(_el(parent, _MDA + "metadata"), _MDA + "metaGroup", category="toolkit")
    for kind, value in pairs:
        _el(group, _MDA + "meta", value, type=kind)


def _unit(parent: etree._Element, seg: Segment, uid: str, obsolete: bool = False) -> None:
    unit = _el(parent, _Q + "unit", id=uid, name=seg.id)
    if not obsolete:
        # The base of a later three-way merge; <unit> allows other namespaces' attributes.
        unit.set(_BASE, fingerprint(seg.target, seg.state))
    tags = {t.n: t for t in seg.tags}
    if seg.previous_source or seg.previous_target:
        match = _el(_el(unit, _MTC + "matches"), _MTC + "match", ref="#s1", type="other",
                    subType=_PREVIOUS, origin="previous version")
        write_codes(_el(match, _Q + "source"), seg.previous_source, tags)
        write_codes(_el(match, _Q + "target"), seg.previous_target, tags)
    if seg.alternatives:
        matches = unit.find(_MTC + "matches")
        if matches is None:
            matches = _el(unit, _MTC + "matches")
        for cand in seg.alternatives:
            attrs = {"ref": "#s1", "type": "mt" if cand.origin == "mt" else "tm",
                     "origin": cand.origin}
            if cand.score is not None:
                attrs["matchQuality"] = f"{cand.score:g}"
            match = _el(matches, _MTC + "match", **attrs)
            write_codes(_el(match, _Q + "source"), cand.source, tags)
            write_codes(_el(match, _Q + "target"), cand.target, tags)
    meta = []
    if seg.origin != Origin.NONE:
        meta.append(("origin", seg.origin.value))
    if seg.kind:
        meta.append(("kind", seg.kind))
    if seg.ref:
        meta.append(("ref", seg.ref))
    meta.extend(("flag", f) for f in seg.flags)
    meta.extend(("unknown", w) for w in seg.unknown)
    _metadata(unit, meta)
    if seg.notes or seg.comments:
        notes = _el(unit, _Q + "notes")
        for note in seg.notes:
            # A QA finding is about the translation, so it applies to the target.
            attrs = {"appliesTo": "target"} if note.origin == NoteOrigin.QA else {}
            _el(notes, _Q + "note", note.text, category=note.origin.value, **attrs)
        for comment in seg.comments:
            _el(notes, _Q + "note", comment, category="translator")
    attrs = {"id": "s1", "state": XLIFF2_STATE[seg.state]}
    if seg.state == State.DRAFT:
        attrs["subState"] = SUBSTATE_PREFIX + "draft"
    segment = _el(unit, _Q + "segment", **attrs)
    write_codes(_el(segment, _Q + "source"), seg.source, tags)
    if seg.target or seg.state != State.UNTRANSLATED:
        write_codes(_el(segment, _Q + "target"), seg.target, tags)


def _unit_ids(segs: tuple[Segment, ...]) -> list[str]:
    ids: list[str] = []
    taken: set[str] = set()
    for n, seg in enumerate(segs, 1):
        uid = seg.id if _NMTOKEN.match(seg.id) and seg.id not in taken else f"u{n}"
        while uid in taken:
            uid += "_"
        taken.add(uid)
        ids.append(uid)
    return ids


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str) -> None:
    """Write ``cat`` as XLIFF 2.1; deterministic for a given clock and tool."""
    root = etree.Element(_Q + "xliff", nsmap=_NSMAP, version="2.1",
                         srcLang=Lang.parse(cat.src).bcp47, trgLang=Lang.parse(cat.tgt).bcp47)
    root.set(f"{{{XML_NS}}}space", "preserve")
    file_el = _el(root, _Q + "file", id="f1", original=cat.source_path or cat.name)
    _metadata(file_el, [
        ("release", cat.name), ("source-path", cat.source_path), ("format", cat.fmt),
        ("tool", tool), ("date", now.strftime("%Y-%m-%dT%H:%M:%SZ")),
    ])
    every = cat.segments + cat.obsolete
    ids = _unit_ids(every)
    for seg, uid in zip(cat.segments, ids):
        _unit(file_el, seg, uid)
    if cat.obsolete:
        group = _el(file_el, _Q + "group", id=_OBSOLETE, name="obsolete",
                    type="toolkit:obsolete", translate="no")
        for seg, uid in zip(cat.obsolete, ids[len(cat.segments):]):
            _unit(group, seg, uid, obsolete=True)
    if not every:
        # A file needs at least one unit; an empty release gets an empty group.
        _el(file_el, _Q + "group", id="empty")
    fp.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _text(el: etree._Element | None) -> str:
    return "" if el is None else "".join(el.itertext())


def _meta(parent: etree._Element) -> list[tuple[str, str]]:
    out = []
    for md in parent.iterchildren(_MDA + "metadata"):
        for meta in md.iter(_MDA + "meta"):
            out.append((meta.get("type", ""), _text(meta)))
    return out


def _read_unit(unit: etree._Element, src: str, tgt: str) -> Segment:
    meta = _meta(unit)
    values = dict(meta)
    segments = [s for s in unit if s.tag in (_Q + "segment", _Q + "ignorable")]
    ids: dict[str, int] = {}  # other tools' non-numeric code ids, the same across the unit
    sources = [s.find(_Q + "source") for s in segments]
    source = "".join(read_codes(s, ids) for s in sources)
    targets = [s.find(_Q + "target") for s in segments]
    target = "".join(read_codes(t, ids) for t in targets)
    states = [s.get("state", "initial") for s in segments if s.tag == _Q + "segment"]
    if not target:
        state = State.UNTRANSLATED
    elif any(s not in XLIFF2_READ for s in states):
        state = State.DRAFT  # initial with a target: nobody confirmed it yet
    else:
        state = min((XLIFF2_READ[s] for s in states), key=list(State).index,
                    default=State.TRANSLATED)
    notes: list[Note] = []
    comments: list[str] = []
    for group in unit.iterchildren(_Q + "notes"):
        for n in group.iterchildren(_Q + "note"):
            category = n.get("category")
            if category in NoteOrigin._value2member_map_:
                notes.append(Note(_text(n), NoteOrigin(category)))
            else:
                comments.append(_text(n))
    prev_src = prev_tgt = ""
    alternatives = []
    for match in unit.iter(_MTC + "match"):
        m_src, m_tgt = read_codes(match.find(_Q + "source"), ids), read_codes(match.find(_Q + "target"), ids)
        if match.get("subType") == _PREVIOUS:
            prev_src, prev_tgt = m_src, m_tgt
        else:
            quality = match.get("matchQuality")
            alternatives.append(Alternative(m_src, m_tgt, match.get("origin", match.get("type", "")),
                                            float(quality) if quality else None))
    uid = unit.get("name") or unit.get("id", "")
    block, index = position(uid)
    kept, legacy_unknown = split_legacy_notes(notes)
    return Segment(
        id=uid, source=source, src=src, tgt=tgt, target=target,
        origin=parse_origin(values.get("origin")) or default_origin(state, target),
        state=state, block=block, index=index, ref=values.get("ref", ""),
        notes=kept, comments=tuple(comments),
        unknown=tuple(v for k, v in meta if k == "unknown") or legacy_unknown,
        previous_source=prev_src, previous_target=prev_tgt, kind=values.get("kind", ""),
        flags=tuple(v for k, v in meta if k == "flag"),
        alternatives=tuple(alternatives), tags=read_tags([s for s in sources if s is not None], ids),
        base=unit.get(_BASE, ""),
    )


def _obsolete(unit: etree._Element) -> bool:
    return any(g.tag == _Q + "group" and g.get("type") == "toolkit:obsolete"
               for g in unit.iterancestors())


def read(fp: BinaryIO, *, path: str = "<xliff2>") -> Catalogue:
    """Read XLIFF 2.0/2.1 with one ``<file>``; malformed input raises ParseError with the line."""
    root = parse(fp, path).getroot()
    if root.tag != _Q + "xliff" or not root.get("version", "").startswith("2."):
        raise ParseError(f"not an XLIFF 2 document (root is {root.tag})", path=path,
                         line=root.sourceline)
    try:
        src = Lang.parse(root.get("srcLang", "")).bcp47
        tgt = Lang.parse(root.get("trgLang", "")).bcp47
    except Exception as exc:
        raise ParseError("XLIFF has no usable srcLang/trgLang", path=path,
                         line=root.sourceline) from exc
    files = root.findall(_Q + "file")
    if len(files) != 1:
        raise ParseError("XLIFF must hold exactly one <file> (one release)", path=path,
                         line=files[1].sourceline if files else root.sourceline)
    file_el = files[0]
    info = dict(_meta(file_el))
    segs: list[Segment] = []
    obsolete: list[Segment] = []
    seen: set[str] = set()
    for unit in file_el.iter(_Q + "unit"):
        uid = unit.get("name") or unit.get("id")
        if not uid:
            raise ParseError("unit without id", path=path, line=unit.sourceline)
        if uid in seen:
            raise ParseError(f"duplicate unit id {uid!r}", path=path, line=unit.sourceline)
        seen.add(uid)
        (obsolete if _obsolete(unit) else segs).append(_read_unit(unit, src, tgt))
    original = file_el.get("original", "")
    return Catalogue(
        name=info.get("release", original), src=src, tgt=tgt, segments=tuple(segs),
        source_path=info.get("source-path", original), obsolete=tuple(obsolete),
        fmt=info.get("format", "text"),
    )


def unit_lines(data: bytes) -> dict[str, int]:
    """Line of each unit (by toolkit id) in ``data``, for error messages about units."""
    import io

    try:
        root = parse(io.BytesIO(data)).getroot()
    except ParseError:
        return {}
    return {(u.get("name") or u.get("id")): u.sourceline for u in root.iter(_Q + "unit")}


# The <xliff> element's own version (not the XML declaration's) tells 1.2 from 2.x.
_XLIFF_VERSION = re.compile(rb"<xliff\b[^>]*?\sversion=[\"']2\.")
register(Format("xliff2", (".xliff", ".xlf"), read, write, "XLIFF 2.1 (core, metadata, matches)",
                sniff=lambda head: _XLIFF_VERSION.search(head) is not None))
