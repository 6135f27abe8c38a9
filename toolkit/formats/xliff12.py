"""XLIFF 1.2, the default review format (OmegaT, Poedit, Lokalize, Okapi, memoQ).

One ``<trans-unit>`` per unit, its ``id`` the toolkit's unit id. State
mapping (full table in :mod:`toolkit.formats.states` and the README, "Review
states"): untranslated → no ``<target>``; draft → ``state=
"needs-review-translation"``; translated → ``translated``; reviewed →
``signed-off``; final → ``final``. Translated, reviewed and final units also
carry ``approved="yes"``, which is what Translate Toolkit (``xliff2po``),
Virtaal and Pootle read as "not fuzzy"; ``approved="no"`` reads as draft. The origin is the
``state-qualifier`` (``leveraged-mt``, ``exact-match``, ``fuzzy-match``;
none for human work); when that cannot say it, a ``<note from=
"toolkit-meta">origin: …</note>`` does.

Other fields: the reference is a ``location`` context group, the block kind
is ``restype="x-<kind>"``, notes are ``<note from="toolkit">`` (QA findings
``from="qa"``), the engine's unknown words a ``<note from="toolkit-meta">``,
translator comments any other ``<note>``, the previous source and translation of a
changed sentence an ``<alt-trans alttranstype="previous-version">``, and
removed units sit in ``<group id="obsolete" translate="no">``. Inline
codes are ``<g>``/``<x/>`` elements (``<bx/>``/``<ex/>`` for a split pair)
whose ``equiv-text`` says what they stand for. Output validates against the
strict 1.2 schema.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import BinaryIO

from lxml import etree

from ..errors import ParseError
from ..langs import Lang
from ..model import Alternative, Catalogue, Note, NoteOrigin, Origin, Segment, State
from ..xmlutil import check_dtd, clean, iterparse, malformed, nfc, parse, read_checked
from . import Format, register
from .states import (
    BASE_EXTRADATA,
    XLIFF12_QUALIFIER,
    XLIFF12_QUALIFIER_READ,
    XLIFF12_READ,
    XLIFF12_STATE,
    default_origin,
    fingerprint,
    parse_origin,
    position,
    split_legacy_notes,
)
from .xliff12_codes import NS, read_codes, read_tags, write_codes

XML_NS = "http://www.w3.org/XML/1998/namespace"
_Q = f"{{{NS}}}"
_META = "toolkit-meta"
_NMTOKENISH = re.compile(r"^\S+$")
# Translate Toolkit, Virtaal and Pootle read a unit without approved="yes"
# as fuzzy, so every confirmed state carries it.
_APPROVED = (State.TRANSLATED, State.REVIEWED, State.FINAL)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def _unit(body: etree._Element, seg: Segment, obsolete: bool = False) -> None:
    tu = _sub(body, "trans-unit", id=seg.id)
    tu.set(f"{{{XML_NS}}}space", "preserve")
    if not obsolete:
        # The base of a later three-way merge. extradata is 1.2's slot for a
        # tool's own data; an attribute in our own namespace would fail the
        # strict schema (its ##other wildcard is processContents="strict").
        tu.set("extradata", BASE_EXTRADATA + fingerprint(seg.target, seg.state))
    if seg.state in _APPROVED:
        tu.set("approved", "yes")
    kind_in_restype = bool(seg.kind) and _NMTOKENISH.match(seg.kind) is not None
    if kind_in_restype:
        tu.set("restype", "x-" + seg.kind)
    tags = {t.n: t for t in seg.tags}
    write_codes(_sub(tu, "source"), seg.source, tags)
    derived = default_origin(seg.state, seg.target)
    if seg.target or seg.state != State.UNTRANSLATED or seg.origin != Origin.NONE:
        attrs = {"state": XLIFF12_STATE[seg.state]}
        if seg.origin in XLIFF12_QUALIFIER:
            attrs["state_qualifier"] = XLIFF12_QUALIFIER[seg.origin]
            derived = seg.origin
        write_codes(_sub(tu, "target", **attrs), seg.target, tags)
    if seg.ref:
        file_, _, line = seg.ref.rpartition(":")
        group = _sub(tu, "context-group", purpose="location")
        _sub(group, "context", file_ if file_ and line.isdigit() else seg.ref,
             context_type="sourcefile")
        if file_ and line.isdigit():
            _sub(group, "context", line, context_type="linenumber")
    # QA findings get their own author so OmegaT/Okapi users can filter them.
    for note in seg.notes:
        if note.origin != NoteOrigin.QA:
            _sub(tu, "note", note.text, **{"from": note.origin.value})
    if seg.unknown:
        _sub(tu, "note", "unknown words: " + ", ".join(seg.unknown), **{"from": _META})
    for note in seg.notes:
        if note.origin == NoteOrigin.QA:
            _sub(tu, "note", note.text, **{"from": note.origin.value})
    # A state change in a foreign tool can leave a stale qualifier; the note
    # is only for what neither the qualifier nor the state implies.
    if seg.origin != derived:
        _sub(tu, "note", f"origin: {seg.origin.value}", **{"from": _META})
    if seg.kind and not kind_in_restype:
        _sub(tu, "note", f"kind: {seg.kind}", **{"from": _META})
    if seg.flags:
        _sub(tu, "note", "flags: " + ", ".join(seg.flags), **{"from": _META})
    for comment in seg.comments:
        _sub(tu, "note", comment, **{"from": "translator"})
    if seg.previous_source or seg.previous_target:
        alt = _sub(tu, "alt-trans", alttranstype="previous-version")
        write_codes(_sub(alt, "source"), seg.previous_source, tags)
        write_codes(_sub(alt, "target"), seg.previous_target, tags)
    for cand in seg.alternatives:
        attrs = {"alttranstype": "proposal", "origin": cand.origin}
        if cand.score is not None:
            attrs["match_quality"] = f"{cand.score:g}"
        alt = _sub(tu, "alt-trans", **attrs)
        write_codes(_sub(alt, "source"), cand.source, tags)
        write_codes(_sub(alt, "target"), cand.target, tags)


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str) -> None:
    """Write ``cat`` as XLIFF 1.2; deterministic for a given clock and tool."""
    root, body = skeleton(cat, now=now, tool=tool)
    for seg in cat.segments:
        _unit(body, seg)
    if cat.obsolete:
        group = _sub(body, "group", id="obsolete", resname="obsolete", translate="no")
        for seg in cat.obsolete:
            _unit(group, seg, obsolete=True)
    fp.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def skeleton(cat: Catalogue, *, now: datetime, tool: str) -> tuple[etree._Element, etree._Element]:
    """The document of ``cat`` without its units: the root and the empty ``<body>``."""
    name, _, version = tool.partition(" ")
    root = etree.Element(_Q + "xliff", nsmap={None: NS}, version="1.2")
    file_el = _sub(
        root, "file",
        original=cat.source_path or cat.name,
        source_language=Lang.parse(cat.src).bcp47,
        target_language=Lang.parse(cat.tgt).bcp47,
        datatype="plaintext",
        date=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        tool_id=name or "toolkit",
        product_name=cat.name,
        category=cat.fmt,
    )
    header = _sub(file_el, "header")
    _sub(header, "tool", tool_id=name or "toolkit", tool_name=name or "toolkit",
         tool_version=version or "0")
    return root, _sub(file_el, "body")


def add_unit(body: etree._Element, seg: Segment) -> None:
    """Live unit ``seg`` appended to ``body``, as :func:`write` writes it."""
    _unit(body, seg)


def _text(el: etree._Element | None) -> str:
    return "" if el is None else "".join(el.itertext())


def _state(text: str, attr: str | None, approved: str | None) -> State:
    """The toolkit state of a unit from its target, ``state`` and ``approved``."""
    if not text:
        return State.UNTRANSLATED
    mapped = XLIFF12_READ.get(attr or "")
    if approved == "yes":
        return mapped if mapped in _APPROVED else State.TRANSLATED
    if approved == "no":
        return State.DRAFT  # Translate Toolkit's way of marking a unit fuzzy
    if mapped is None:
        return State.TRANSLATED
    return State.DRAFT if mapped == State.UNTRANSLATED else mapped


def _read_unit(tu: etree._Element, src: str, tgt: str) -> Segment:
    target = tu.find(_Q + "target")
    ids: dict[str, int] = {}  # other tools' non-numeric code ids, the same across the unit
    notes: list[Note] = []
    comments: list[str] = []
    flags: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    origin: Origin | None = None
    kind = tu.get("restype", "")[2:] if tu.get("restype", "").startswith("x-") else ""
    for note in tu.findall(_Q + "note"):
        text, who = _text(note), note.get("from")
        if who == _META and text.startswith("origin: "):
            origin = parse_origin(text[8:].strip())
        elif who == _META and text.startswith("kind: "):
            kind = text[6:]
        elif who == _META and text.startswith("unknown words: "):
            unknown = tuple(w for w in text[15:].split(", ") if w)
        elif who == _META and text.startswith("flags: "):
            flags = tuple(f for f in text[7:].split(", ") if f)
        elif who == NoteOrigin.TOOLKIT:
            notes.append(Note(text))
        elif who == NoteOrigin.QA:
            notes.append(Note(text.removeprefix("qa: "), NoteOrigin.QA))  # older runs kept it
        else:
            comments.append(text)
    text = read_codes(target, ids)
    state = _state(text, target.get("state") if target is not None else None,
                   tu.get("approved"))
    qualifier = target.get("state-qualifier") if target is not None else None
    if origin is None:
        origin = XLIFF12_QUALIFIER_READ.get(qualifier or "") or default_origin(state, text)
    ref = ""
    ctx = {c.get("context-type"): _text(c) for g in tu.iterchildren(_Q + "context-group")
           for c in g.iterchildren(_Q + "context")}
    if "sourcefile" in ctx:
        ref = ctx["sourcefile"] + (f":{ctx['linenumber']}" if ctx.get("linenumber") else "")
    prev_src = prev_tgt = ""
    alternatives = []
    for alt in tu.findall(_Q + "alt-trans"):
        alt_src, alt_tgt = read_codes(alt.find(_Q + "source"), ids), read_codes(alt.find(_Q + "target"), ids)
        if alt.get("alttranstype") == "previous-version":
            prev_src, prev_tgt = alt_src, alt_tgt
        elif alt.get("alttranstype", "proposal") == "proposal":
            alternatives.append(Alternative(alt_src or read_codes(tu.find(_Q + "source"), ids), alt_tgt,
                                            alt.get("origin", ""), _quality(alt.get("match-quality"))))
    uid = tu.get("id", "")
    block, index = position(uid)
    notes, legacy_unknown = split_legacy_notes(notes)
    extra = tu.get("extradata", "")
    return Segment(
        id=uid, source=read_codes(tu.find(_Q + "source"), ids), src=src, tgt=tgt,
        target=text, origin=origin, state=state, block=block, index=index, ref=ref,
        notes=notes, comments=tuple(comments), unknown=unknown or legacy_unknown,
        previous_source=prev_src, previous_target=prev_tgt, kind=kind, flags=flags,
        alternatives=tuple(alternatives), tags=read_tags(tu.find(_Q + "source"), ids),
        base=extra[len(BASE_EXTRADATA):] if extra.startswith(BASE_EXTRADATA) else "",
    )


def _quality(value: str | None) -> float | None:
    """``match-quality`` is free text in XLIFF 1.2; tools write ``87`` or ``87%``."""
    try:
        return float((value or "").strip().rstrip("%"))
    except ValueError:
        return None


def read(fp: BinaryIO, *, path: str = "<xliff>") -> Catalogue:
    """Read XLIFF 1.2 with one ``<file>``; malformed input raises ParseError with the line.

    Units are read one by one and dropped from the parsed document as they are
    turned into segments, so the catalogue of a big release is not also held as
    an lxml tree (about nine times the file's size).
    """
    data = read_checked(fp, path)
    segs: list[Segment] = []
    obsolete: list[Segment] = []
    seen: set[str] = set()
    root = file_el = None
    src = tgt = ""
    try:
        for event, el in iterparse(data, events=("start", "end")):
            if root is None:
                root = el
                check_dtd(el.getroottree(), path)
                if el.tag != _Q + "xliff":
                    raise ParseError(f"not an XLIFF 1.2 document (root is {el.tag})",
                                     path=path, line=el.sourceline)
            if event == "start":
                if el.tag == _Q + "file":
                    if file_el is not None:
                        raise ParseError("XLIFF holds more than one <file>; a catalogue is "
                                         "one release", path=path, line=el.sourceline)
                    file_el = el
                    src, tgt = _langs(el, path)
                continue
            if el.tag != _Q + "trans-unit" or file_el is None:
                continue
            uid = el.get("id")
            if not uid:
                raise ParseError("trans-unit without id", path=path, line=el.sourceline)
            if uid in seen:
                raise ParseError(f"duplicate trans-unit id {uid!r}", path=path,
                                 line=el.sourceline)
            seen.add(uid)
            parent = el.getparent()
            bucket = obsolete if parent is not None and parent.get("id") == "obsolete" else segs
            nfc(el)
            bucket.append(_read_unit(el, src, tgt))
            el.clear(keep_tail=True)
            while el.getprevious() is not None:  # units already read: their memory back
                del parent[0]
    except etree.XMLSyntaxError as exc:
        raise malformed(exc, path) from exc
    if file_el is None:
        raise ParseError("XLIFF has no <file> element", path=path,
                         line=root.sourceline if root is not None else None)
    nfc(file_el)
    name = file_el.get("product-name", "")
    original = file_el.get("original", "")
    return Catalogue(
        name=name or original, src=src, tgt=tgt, segments=tuple(segs),
        source_path="" if original == name else original, obsolete=tuple(obsolete),
        fmt=file_el.get("category", "text"),
    )


def _langs(file_el: etree._Element, path: str) -> tuple[str, str]:
    try:
        return (Lang.parse(file_el.get("source-language", "")).bcp47,
                Lang.parse(file_el.get("target-language", "")).bcp47)
    except Exception as exc:
        raise ParseError("XLIFF <file> has no usable source/target language", path=path,
                         line=file_el.sourceline) from exc


def unit_lines(data: bytes) -> dict[str, int]:
    """Line of each ``trans-unit`` id in ``data``, for error messages about units."""
    import io

    try:
        root = parse(io.BytesIO(data)).getroot()
    except ParseError:
        return {}
    return {tu.get("id"): tu.sourceline for tu in root.iter(_Q + "trans-unit") if tu.get("id")}


# The <xliff> element's own version (not the XML declaration's) tells 1.2 from 2.x.
_XLIFF_VERSION = re.compile(rb"<xliff\b[^>]*?\sversion=[\"']1\.")
register(Format("xliff", (".xlf", ".xliff"), read, write, "XLIFF 1.2",
                sniff=lambda head: _XLIFF_VERSION.search(head) is not None))
