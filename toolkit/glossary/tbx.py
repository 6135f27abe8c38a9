"""TBX reading and writing: TBX-Basic v3 (ISO 30042:2019, DCA style) out, v3 and TBX 2008 in.

Concept-level policy that TBX-Basic has no data category for (whether the
English term takes an article) is kept in a ``<note>`` of the form
``article: none``, so the file stays valid against the TBX-Basic schemas.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from lxml import etree, isoschematron

from .. import xmlutil
from ..errors import GlossaryError, ParseError
from .model import ADMITTED, DEPRECATED, PREFERRED, TERM_TYPES, Concept, Glossary, Term

NS = "urn:iso:std:iso:30042:ed-2"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_OUT = {PREFERRED: "preferredTerm-admn-sts", ADMITTED: "admittedTerm-admn-sts",
               DEPRECATED: "deprecatedTerm-admn-sts"}
_STATUS_IN = {
    "preferredterm-admn-sts": PREFERRED, "admittedterm-admn-sts": ADMITTED,
    "deprecatedterm-admn-sts": DEPRECATED, "supersededterm-admn-sts": DEPRECATED,
    "preferredterm": PREFERRED, "admittedterm": ADMITTED, "deprecatedterm": DEPRECATED,
    "supersededterm": DEPRECATED, "preferred": PREFERRED, "admitted": ADMITTED,
    "deprecated": DEPRECATED, "forbidden": DEPRECATED,
}
_POS = {"noun", "verb", "adjective", "adverb", "other"}
_ARTICLE_NOTE = "article: "




def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if _local(c) in names]


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def read(fp: io.BufferedIOBase | bytes, *, path: str | os.PathLike = "<tbx>") -> Glossary:
    """Read a TBX v3 (``<tbx>``) or TBX 2008 (``<martif>``) document into a :class:`Glossary`."""
    # The one XML policy of the toolkit: size bound, no entity declarations, no DTD, no network.
    root = xmlutil.parse(io.BytesIO(fp) if isinstance(fp, bytes) else fp, path).getroot()
    for ent in root.iter(etree.Entity):
        # An undeclared reference is never expanded; refuse rather than drop its text.
        raise ParseError(f"entity reference {ent.text} is not allowed", path=path,
                         line=ent.sourceline)
    if _local(root) not in ("tbx", "martif"):
        raise ParseError(f"not a TBX document (root element <{_local(root)}>)", path=path,
                         line=root.sourceline)
    body = next((b for b in root.iter() if _local(b) == "body"), None)
    if body is None:
        raise ParseError("TBX document has no <text><body>", path=path, line=root.sourceline)
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    for entry in _kids(body, "conceptEntry", "termEntry"):
        cid = entry.get("id") or f"c{len(concepts) + 1}"
        if cid in seen:
            raise GlossaryError(f"duplicate concept id {cid!r} (first on line {seen[cid]})",
                                path=path, line=entry.sourceline, term=cid)
        seen[cid] = entry.sourceline or 0
        try:
            concepts.append(_concept(entry, cid))
        except GlossaryError as exc:
            raise GlossaryError(exc.message, path=path, line=exc.line or entry.sourceline,
                                term=exc.term or cid) from exc
    return Glossary.of(concepts, name=Path(os.fspath(path)).stem)


def _concept(entry: etree._Element, cid: str) -> Concept:
    domain = note = definition = article = ""
    for el in entry.iter(tag=etree.Element):
        name, kind = _local(el), el.get("type", "")
        if name == "langSec" or name == "langSet":
            continue
        parent = _local(el.getparent())
        if parent not in ("conceptEntry", "termEntry", "descripGrp"):
            continue
        if name == "descrip" and kind == "subjectField":
            domain = _text(el)
        elif name == "descrip" and kind == "definition":
            definition = _text(el)
        elif name == "note" and parent != "descripGrp":
            text = _text(el)
            if text.startswith(_ARTICLE_NOTE):
                article = text[len(_ARTICLE_NOTE):].strip()
            else:
                note = f"{note} {text}".strip()
    terms: list[Term] = []
    for lang_el in _kids(entry, "langSec", "langSet"):
        lang = (lang_el.get(_XML_LANG) or lang_el.get("lang") or "").split("-")[0].lower()
        if not lang:
            raise GlossaryError("language section without xml:lang", line=lang_el.sourceline)
        for sec in _kids(lang_el, "termSec", "tig", "ntig"):
            terms.append(_term(sec, lang))
    if not terms:
        raise GlossaryError(f"concept {cid!r} has no terms", line=entry.sourceline, term=cid)
    return Concept(cid, tuple(terms), domain=domain, note=note, definition=definition,
                   article=article)


def _term(sec: etree._Element, lang: str) -> Term:
    term_el = next((e for e in sec.iter() if _local(e) == "term"), None)
    text = _text(term_el) if term_el is not None else ""
    if not text:
        raise GlossaryError(f"empty {lang} term", line=sec.sourceline)
    status, ttype, pos, gender, note = PREFERRED, "fullForm", "noun", "", ""
    for tn in sec.iter(tag=etree.Element):
        name, kind, value = _local(tn), tn.get("type", ""), _text(tn)
        if name == "termNote" and kind in ("administrativeStatus", "normativeAuthorization"):
            status = _STATUS_IN.get(value.lower(), status)
        elif name == "termNote" and kind == "termType":
            ttype = value if value in TERM_TYPES else "variant"
        elif name == "termNote" and kind == "partOfSpeech":
            pos = value if value in _POS | {"properNoun"} else "other"
        elif name == "termNote" and kind == "grammaticalGender":
            gender = value
        elif name == "note":
            note = value
    try:
        return Term(text, lang, status, ttype, pos, gender, note)
    except GlossaryError as exc:
        raise GlossaryError(exc.message, line=sec.sourceline, term=text) from exc


def write(glossary: Glossary, fp: io.BufferedIOBase, *, title: str = "", source: str = "",
          src_lang: str = "fr") -> None:
    """Write ``glossary`` as TBX-Basic v3 (DCA). Same glossary, same bytes."""
    root = etree.Element(f"{{{NS}}}tbx", nsmap={None: NS})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(_XML_LANG, src_lang)

    def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
        el = etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    header = sub(root, "tbxHeader")
    fdesc = sub(header, "fileDesc")
    sub(sub(fdesc, "titleStmt"), "title", title or glossary.name or "glossary")
    sub(sub(fdesc, "sourceDesc"), "p", source or "written by toolkit")
    body = sub(sub(root, "text"), "body")
    for c in glossary:
        entry = sub(body, "conceptEntry", id=c.id)
        if c.domain:
            sub(entry, "descrip", c.domain, type="subjectField")
        if c.definition:
            sub(entry, "descrip", c.definition, type="definition")
        if c.note:
            sub(entry, "note", c.note)
        if c.article:
            sub(entry, "note", _ARTICLE_NOTE + c.article)
        langs = sorted({t.lang for t in c.terms}, key=lambda x: (x != src_lang, x))
        for lang in langs:
            lsec = sub(entry, "langSec")
            lsec.set(_XML_LANG, lang)
            for t in c.in_lang(lang):
                tsec = sub(lsec, "termSec")
                sub(tsec, "term", t.text)
                sub(tsec, "termNote", _STATUS_OUT[t.status], type="administrativeStatus")
                sub(tsec, "termNote", t.type, type="termType")
                pos = t.pos if t.pos in _POS else "noun" if t.pos == "properNoun" else "other"
                sub(tsec, "termNote", pos, type="partOfSpeech")
                if t.gender:
                    sub(tsec, "termNote", t.gender, type="grammaticalGender")
                if t.note:
                    sub(tsec, "note", t.note)
    fp.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _schematron_xslt1(sch: bytes) -> bytes:
    """The TBX-Basic Schematron declares XSLT 2 but needs only two XPath 2 idioms; lxml runs
    XSLT 1, so rewrite those idioms to XPath 1 equivalents."""
    text = sch.decode("utf-8-sig")
    text = text.replace('queryBinding="xslt2"', 'queryBinding="xslt"')
    text = text.replace("matches(@target,'https?://.+')",
                        "starts-with(@target,'http://') or starts-with(@target,'https://')")
    text = text.replace("./local-name()", "local-name()")
    return text.encode("utf-8")


def validate(data: bytes, schema_dir: str | os.PathLike) -> list[str]:
    """Errors of ``data`` against TBX core RNG and the TBX-Basic DCA Schematron ([] if valid)."""
    d = Path(schema_dir)
    doc = xmlutil.parse(io.BytesIO(data), "<tbx>")
    rng = etree.RelaxNG(etree.parse(str(d / "TBXcoreStructV03.rng"), xmlutil.safe_parser()))
    errors = []
    if not rng.validate(doc):
        errors += [f"rng:{e.line}: {e.message}" for e in rng.error_log]
    sch_doc = etree.fromstring(_schematron_xslt1((d / "TBX-Basic_DCA.sch").read_bytes()))
    sch = isoschematron.Schematron(sch_doc, store_report=True)
    if not sch.validate(doc):
        report = sch.validation_report
        for fail in report.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert"):
            errors.append(f"sch:{fail.get('location')}: {_text(fail)}")
    return errors
