"""TMX 1.4b, the exchange format for translation memories.

A TMX file holds translation units (``<tu>``) with one variant (``<tuv>``)
per language. Reading gives a :class:`Catalogue` for the header's source
language and the first other language found; writing produces a file that
validates against ``tmx14.dtd``. Toolkit-specific facts travel as ``<prop>``
elements with ``x-`` types (``x-state``, ``x-origin``, ``x-file``,
``x-kind``; older files' ``x-context`` reads as ``x-kind``), which other
tools keep and ignore. Inline codes (``<bpt>``, ``<ept>``, ``<ph>``,
``<it>``, ``<ut>``) hold native markup and are dropped from the plain text;
``<hi>`` keeps its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import BinaryIO

from lxml import etree

from .. import __version__
from ..errors import ParseError
from ..langs import Lang
from ..model import Catalogue, Origin, Segment, State
from ..xmlutil import clean, parse
from . import Format, register

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = {"bpt", "ept", "ph", "it", "ut"}
_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def _date(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _sub(parent: etree._Element, tag: str, text: str | None = None,
         **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = clean(text)
    return el


def _header(root: etree._Element, srclang: str, tool: str, now: datetime) -> None:
    name, _, version = tool.partition(" ")
    etree.SubElement(root, "header", {
        "creationtool": name or "toolkit", "creationtoolversion": version or __version__,
        "segtype": "sentence", "o-tmf": "toolkit", "adminlang": "en",
        "srclang": srclang, "datatype": "plaintext", "creationdate": _date(now),
    })


def _tu(body: etree._Element, *, tuid: str, src: str, tgt: str, source: str, target: str,
        props: Iterable[tuple[str, str]], notes: Iterable[str] = (),
        date: str = "") -> None:
    attrs = {"tuid": tuid} if tuid else {}
    if date:
        attrs["creationdate"] = date
    tu = etree.SubElement(body, "tu", attrs)
    for note in notes:  # DTD order: notes and props before the variants
        _sub(tu, "note", note)
    for kind, value in props:
        if value:
            _sub(tu, "prop", value, type=kind)
    for lang, text in ((src, source), (tgt, target)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        _sub(tuv, "seg", text)


def _serialize(root: etree._Element, fp: BinaryIO) -> None:
    body = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    fp.write(b'<?xml version="1.0" encoding="UTF-8"?>\n' + _DOCTYPE.encode() + b"\n" + body)


def write(cat: Catalogue, fp: BinaryIO, *, now: datetime, tool: str,
          context: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> None:
    """Write the translated units of ``cat`` (untranslated ones have nothing to exchange).

    ``context`` maps unit ids to extra ``<prop>`` pairs written before the
    toolkit's own (OmegaT keys a translation to one occurrence by them).
    """
    root = etree.Element("tmx", version="1.4")
    _header(root, cat.src, tool, now)
    body = etree.SubElement(root, "body")
    for seg in cat.segments:
        if not seg.target:
            continue
        file_ = seg.ref.rsplit(":", 1)[0] if seg.ref else cat.source_path
        _tu(body, tuid=seg.id, src=cat.src, tgt=cat.tgt, source=seg.source, target=seg.target,
            notes=seg.comments,
            props=(*(context or {}).get(seg.id, ()),
                   ("x-origin", seg.origin.value), ("x-state", seg.state.value),
                   ("x-file", file_), ("x-kind", seg.kind)))
    _serialize(root, fp)


def write_units(units: Iterable[object], fp: BinaryIO, *, now: datetime, tool: str,
                srclang: str = "fr") -> None:
    """Write memory units (any objects with source, target, src, tgt, origin, state,
    file, note, created) as one TMX file; the memory's export uses this."""
    root = etree.Element("tmx", version="1.4")
    _header(root, Lang.parse(srclang).bcp47, tool, now)
    body = etree.SubElement(root, "body")
    for u in units:
        _tu(body, tuid="", src=Lang.parse(u.src).bcp47, tgt=Lang.parse(u.tgt).bcp47,  # type: ignore[attr-defined]
            source=u.source, target=u.target, date=u.created,  # type: ignore[attr-defined]
            notes=(u.note,) if u.note else (),  # type: ignore[attr-defined]
            props=(("x-origin", u.origin), ("x-state", u.state),  # type: ignore[attr-defined]
                   ("x-file", u.file)))  # type: ignore[attr-defined]
    _serialize(root, fp)


def _seg_text(el: etree._Element) -> str:
    parts = [el.text or ""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "hi":
            parts.append(_seg_text(child))
        elif tag not in _CODES and tag:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _lang_of(tuv: etree._Element) -> str:
    return tuv.get(XML_LANG) or tuv.get("lang") or ""


def read_pairs(fp: BinaryIO, *, path: str = "<tmx>") -> list[tuple[str, str, Segment]]:
    """Every (source language, target language) pairing of every ``<tu>``.

    A unit with variants in three languages gives two pairs from the source
    language. Languages are BCP 47 tags as written in the file.
    """
    tree = parse(fp, path)
    root = tree.getroot()
    if root.tag != "tmx":
        raise ParseError(f"not a TMX file (root element <{root.tag}>)", path=path,
                         line=root.sourceline)
    header = root.find("header")
    body = root.find("body")
    if header is None or body is None:
        raise ParseError("TMX file needs <header> and <body>", path=path, line=root.sourceline)
    srclang = header.get("srclang", "")
    out = []
    for n, tu in enumerate(body.iter("tu")):
        variants: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            lang, seg = _lang_of(tuv), tuv.find("seg")
            if not lang or seg is None:
                raise ParseError("<tuv> needs xml:lang and <seg>", path=path, line=tuv.sourceline)
            variants.setdefault(lang, _seg_text(seg))
        if not variants:
            continue
        props = {p.get("type", ""): (p.text or "") for p in tu.findall("prop")}
        notes = tuple(x.text or "" for x in tu.findall("note"))
        first = next(iter(variants))
        src = next((x for x in variants if x.lower() == srclang.lower()), None)
        if src is None:
            base = srclang.split("-")[0].lower()
            src = next((x for x in variants if x.split("-")[0].lower() == base), first)
        for tgt, target in variants.items():
            if tgt == src:
                continue
            state = props.get("x-state", "translated")
            origin = props.get("x-origin", "human")
            ref = props.get("x-file", "")
            seg = Segment(
                id=tu.get("tuid") or f"tmx:{n}",
                source=variants[src], src=src, tgt=tgt, target=target,
                origin=Origin(origin) if origin in Origin._value2member_map_ else Origin.HUMAN,
                state=State(state) if state in State._value2member_map_ else State.TRANSLATED,
                ref=f"{ref}:{tu.sourceline}" if ref else f"{path}:{tu.sourceline}",
                comments=notes, kind=props.get("x-kind", props.get("x-context", "")),
            )
            out.append((src, tgt, seg))
    return out


def read(fp: BinaryIO, *, path: str = "<tmx>") -> Catalogue:
    """Read a TMX file as one catalogue (source language → first other language)."""
    pairs = read_pairs(fp, path=path)
    if not pairs:
        raise ParseError("TMX file has no translation units with two languages", path=path)
    src, tgt = pairs[0][0], pairs[0][1]
    segs = tuple(s for a, b, s in pairs if a == src and b == tgt)
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Catalogue(name=name, src=src, tgt=tgt, segments=segs, source_path="", fmt="tmx")


register(Format("tmx", (".tmx",), read, write, "TMX 1.4b translation memory"))
