"""XLIFF 1.2, the default review format (OmegaT, Poedit, Lokalize, Okapi).

State mapping: untranslated → no ``<target>``; draft → ``state=
"needs-review-translation"`` with ``state-qualifier`` telling where it came
from (``leveraged-mt``, ``exact-match``, ``fuzzy-match``); translated →
``translated``; reviewed → ``signed-off``; final → ``final`` and
``approved="yes"``. Output validates against the strict 1.2 schema.
"""

from __future__ import annotations

from datetime import datetime
from typing import BinaryIO

from lxml import etree

from ..errors import ParseError
from ..langs import Lang
from ..model import Catalogue, Origin, Segment, State
from ..xmlutil import clean, parse
from . import Format, register

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_Q = f"{{{NS}}}"
_QUALIFIER = {Origin.MT: "leveraged-mt", Origin.TM_EXACT: "exact-match",
              Origin.TM_FUZZY: "fuzzy-match"}
_STATE = {State.DRAFT: "needs-review-translation", State.TRANSLATED: "translated",
          State.REVIEWED: "signed-off", State.FINAL: "final"}
_FROM_STATE = {
    "new": State.UNTRANSLATED, "needs-translation": State.UNTRANSLATED,
    "needs-adaptation": State.DRAFT, "needs-l10n": State.DRAFT,
    "needs-review-adaptation": State.DRAFT, "needs-review-l10n": State.DRAFT,
    "needs-review-translation": State.DRAFT, "translated": State.TRANSLATED,
    "signed-off": State.REVIEWED, "final": State.FINAL,
}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def _unit(body: etree._Element, seg: Segment) -> None:
    tu = _sub(body, "trans-unit", id=seg.id)
    tu.set(f"{{{XML_NS}}}space", "preserve")
    if seg.state == State.FINAL:
        tu.set("approved", "yes")
    _sub(tu, "source", seg.source)
    if seg.target or seg.state != State.UNTRANSLATED:
        attrs = {"state": _STATE.get(seg.state, "new")}
        if seg.state == State.DRAFT and seg.origin in _QUALIFIER:
            attrs["state_qualifier"] = _QUALIFIER[seg.origin]
        _sub(tu, "target", seg.target, **attrs)
    file_, _, line = seg.ref.rpartition(":")
    if seg.ref:
        group = _sub(tu, "context-group", purpose="location")
        _sub(group, "context", file_ if line.isdigit() else seg.ref, context_type="sourcefile")
        if line.isdigit():
            _sub(group, "context", line, context_type="linenumber")
    for note in seg.notes:
        _sub(tu, "note", note, **{"from": "toolkit"})
    if seg.origin not in (Origin.NONE, Origin.MT):
        _sub(tu, "note", f"origin: {seg.origin.value}", **{"from": "toolkit"})
    for comment in seg.comments:
        _sub(tu, "note", comment, **{"from": "translator"})
    if seg.previous_source:
        alt = _sub(tu, "alt-trans", alttranstype="previous-version")
        _sub(alt, "source", seg.previous_source)
        _sub(alt, "target", seg.previous_target)


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str) -> None:
    """Write ``cat`` as XLIFF 1.2; deterministic for a given clock and tool."""
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
    body = _sub(file_el, "body")
    for seg in cat.segments:
        _unit(body, seg)
    if cat.obsolete:
        group = _sub(body, "group", id="obsolete", resname="obsolete", translate="no")
        for seg in cat.obsolete:
            _unit(group, seg)
    fp.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _text(el: etree._Element | None) -> str:
    return "" if el is None else "".join(el.itertext())


def _read_unit(tu: etree._Element, src: str, tgt: str) -> Segment:
    target = tu.find(_Q + "target")
    notes, comments, origin = [], [], None
    for note in tu.findall(_Q + "note"):
        text = _text(note)
        if note.get("from") == "toolkit":
            if text.startswith("origin: "):
                origin = text[8:]
            else:
                notes.append(text)
        else:
            comments.append(text)
    state_attr = target.get("state") if target is not None else None
    text = _text(target)
    if tu.get("approved") == "yes" and text:
        state = State.FINAL
    elif not text:
        state = State.UNTRANSLATED
    else:
        state = _FROM_STATE.get(state_attr or "", State.TRANSLATED)
    qualifier = target.get("state-qualifier") if target is not None else None
    if origin in Origin._value2member_map_:
        org = Origin(origin)  # type: ignore[arg-type]
    elif state == State.DRAFT:
        org = {v: k for k, v in _QUALIFIER.items()}.get(qualifier or "", Origin.MT)
    else:
        org = Origin.HUMAN if text else Origin.NONE
    ref = ""
    ctx = {c.get("context-type"): _text(c) for c in tu.iter(_Q + "context")}
    if "sourcefile" in ctx:
        ref = ctx["sourcefile"] + (f":{ctx['linenumber']}" if ctx.get("linenumber") else "")
    prev_src = prev_tgt = ""
    for alt in tu.findall(_Q + "alt-trans"):
        if alt.get("alttranstype") == "previous-version":
            prev_src, prev_tgt = _text(alt.find(_Q + "source")), _text(alt.find(_Q + "target"))
    return Segment(
        id=tu.get("id", ""), source=_text(tu.find(_Q + "source")), src=src, tgt=tgt,
        target=text, origin=org, state=state, ref=ref, notes=tuple(notes),
        comments=tuple(comments), previous_source=prev_src, previous_target=prev_tgt,
    )


def read(fp: BinaryIO, *, path: str = "<xliff>") -> Catalogue:
    """Read XLIFF 1.2 (first ``<file>``); malformed input raises ParseError with the line."""
    root = parse(fp, path).getroot()
    if root.tag != _Q + "xliff":
        raise ParseError(f"not an XLIFF 1.2 document (root is {root.tag})", path=path,
                         line=root.sourceline)
    file_el = root.find(_Q + "file")
    if file_el is None:
        raise ParseError("XLIFF has no <file> element", path=path, line=root.sourceline)
    try:
        src = Lang.parse(file_el.get("source-language", "")).bcp47
        tgt = Lang.parse(file_el.get("target-language", "")).bcp47
    except Exception as exc:
        raise ParseError("XLIFF <file> has no usable source/target language", path=path,
                         line=file_el.sourceline) from exc
    segs, obsolete, seen = [], [], set()
    for tu in file_el.iter(_Q + "trans-unit"):
        uid = tu.get("id")
        if not uid:
            raise ParseError("trans-unit without id", path=path, line=tu.sourceline)
        if uid in seen:
            raise ParseError(f"duplicate trans-unit id {uid!r}", path=path, line=tu.sourceline)
        seen.add(uid)
        parent = tu.getparent()
        bucket = obsolete if parent is not None and parent.get("id") == "obsolete" else segs
        bucket.append(_read_unit(tu, src, tgt))
    return Catalogue(
        name=file_el.get("product-name", ""), src=src, tgt=tgt, segments=tuple(segs),
        source_path=file_el.get("original", ""), obsolete=tuple(obsolete),
        fmt=file_el.get("category", "text"),
    )


register(Format("xliff", ".xlf", read, write, "XLIFF 1.2"))
