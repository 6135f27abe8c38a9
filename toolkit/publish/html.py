"""HTML releases: the page as the site would publish it, only the content blocks translated.

The tree (head, scripts, menus, footer) is kept; inline markup is put back,
``<html lang>`` set to the target and the untranslated chrome marked
``lang="<source>"`` so browsers and screen readers pronounce it right.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import lxml.html

from ..ingest.html import extract
from ..inline import html_nodes, plain
from ..langs import Lang
from ..model import Catalogue, Document
from .core import Rendered, block_texts
from .guard import banner


def render_html(text: str, path: Path, cat: Catalogue, allow_drafts: bool,
                notice: str | None = None) -> Rendered:
    ex = extract(text, path.stem, str(path))
    rep = Rendered("", path.suffix)
    targets = block_texts(ex.doc, cat, allow_drafts=allow_drafts, report=rep)
    for slot, block, target in zip(ex.slots, ex.doc.blocks, targets):
        if slot is not None and target is not None:
            _replace(slot, target, block.codes)
    src, tgt = Lang.parse(cat.src), Lang.parse(cat.tgt)
    root = ex.root
    root.set("lang", tgt.bcp47)
    if tgt.profile.rtl:
        root.set("dir", "rtl")
    for el in ex.chrome:
        if el.getparent() is not None and el.get("lang") is None and plain(el.text_content()):
            el.set("lang", src.bcp47)
    _retitle(root, ex.doc, targets)
    body = root.find("body")
    if notice and rep.drafts and body is not None:
        body.insert(0, banner(notice, tgt.bcp47))
    for meta in root.iter("meta"):
        if meta.get("charset"):
            meta.set("charset", "utf-8")
        elif (meta.get("http-equiv") or "").lower() == "content-type":
            meta.set("content", "text/html; charset=utf-8")
    doctype = root.getroottree().docinfo.doctype
    out = lxml.html.tostring(root, encoding="unicode", doctype=doctype or None)
    rep.text = out + ("\n" if text.endswith("\n") and not out.endswith("\n") else "")
    return rep


def _replace(slot, target: str, codes: Sequence) -> None:  # noqa: ANN001 - ingest.html.Slot
    """Swap the nodes of a slot for the translation, keeping the whitespace around it."""
    lead, nodes = html_nodes(target, codes)
    raw = getattr(slot.holder, slot.attr) or ""
    before = raw[: len(raw) - len(raw.lstrip())]
    last = (slot.nodes[-1].tail if slot.nodes else raw) or ""
    after = last[len(last.rstrip()) :]
    parent = slot.holder if slot.attr == "text" else slot.holder.getparent()
    if slot.nodes:
        index = parent.index(slot.nodes[0])
    else:
        index = 0 if slot.attr == "text" else parent.index(slot.holder) + 1
    for node in slot.nodes:
        parent.remove(node)
    for k, node in enumerate(nodes):
        parent.insert(index + k, node)
    if nodes:
        setattr(slot.holder, slot.attr, before + lead)
        nodes[-1].tail = (nodes[-1].tail or "") + after
    else:
        setattr(slot.holder, slot.attr, before + lead + after)


def _retitle(root, doc: Document, targets: list[str | None]) -> None:  # noqa: ANN001
    title = root.find("head/title")
    for block, target in zip(doc.blocks, targets):
        if block.kind.value == "title" and target is not None and title is not None:
            words = plain(block.text)
            if title.text and words and words in title.text:
                title.text = title.text.replace(words, plain(target))
            return
