"""HTML releases: content blocks of the page, website chrome dropped.

The page is parsed with ``lxml.html`` (lenient, no network). Chrome — menus,
banners, footers, scripts, forms, cookie and share widgets — is skipped, and
``<main>`` (or a single ``<article>``) is preferred to the whole body. Each
heading, paragraph, list item or quotation becomes a block; text lying loose in
a container (``<div>Texte</div>``, ``<li>Texte<ul>…``) becomes a block too, so
nothing visible is silently left untranslated. Inline markup is carried as
codes (see :mod:`toolkit.inline`). ``translate="no"`` is honoured on blocks
(kept as is) and on inline spans (one untranslatable code).

:func:`extract` also returns, for every block, the nodes it came from, which
is what :mod:`toolkit.publish.html` uses to put translations back in the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from ..errors import InputError
from ..inline import encode, no_translate, plain
from ..model import Block, BlockKind, Document
from .kinds import KindTracker

CHROME_TAGS = frozenset({"nav", "aside", "script", "style", "noscript", "form", "template",
                         "iframe", "dialog", "button", "select", "textarea", "svg"})
# <header>/<footer> are page chrome only outside sectioning content (ARIA banner/contentinfo).
PAGE_ONLY = frozenset({"header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar",
                          "dialog", "alertdialog"})
CHROME_NAMES = re.compile(
    r"(?:^|[-_])(?:menu|menus|nav|navbar|navigation|breadcrumbs?|cookies?|cookie-banner|"
    r"share|sharing|social|skip-link|skiplink|skip|sidebar)(?:$|[-_])",
    re.IGNORECASE,
)
BLOCK_TAGS = {"h1": BlockKind.TITLE, "h2": BlockKind.HEADING, "h3": BlockKind.HEADING,
              "h4": BlockKind.HEADING, "h5": BlockKind.HEADING, "h6": BlockKind.HEADING,
              "p": BlockKind.PARAGRAPH, "li": BlockKind.LIST_ITEM,
              "blockquote": BlockKind.PARAGRAPH, "dt": BlockKind.PARAGRAPH,
              "dd": BlockKind.PARAGRAPH, "figcaption": BlockKind.PARAGRAPH,
              "caption": BlockKind.PARAGRAPH, "td": BlockKind.PARAGRAPH,
              "th": BlockKind.PARAGRAPH, "address": BlockKind.CONTACT,
              "summary": BlockKind.HEADING}
# Elements that break the flow: their content is never part of a surrounding run.
FLOW_TAGS = frozenset(BLOCK_TAGS) | {
    "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "dl",
    "table", "thead", "tbody", "tfoot", "tr", "figure", "pre", "hr", "form", "fieldset",
    "details", "body", "html", "head", "hgroup", "menu", "center", "noscript", "script",
    "style", "template", "dialog", "search",
}
SECTIONING = frozenset({"article", "main", "section", "aside", "nav"})

# An HTML page is parsed into one lxml tree (several times its size) and published back from
# it; pages above this are refused rather than streamed (text and Markdown are streamed).
MAX_HTML_CHARS = 4 * 2**20


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a block's text lives: ``holder.text`` (or ``.tail``) followed by ``nodes``."""

    holder: etree._Element
    attr: str  # "text" or "tail"
    nodes: tuple[etree._Element, ...]

    def raw(self) -> str:
        lead = getattr(self.holder, self.attr) or ""
        return lead + "".join(lxml.html.tostring(n, encoding="unicode") for n in self.nodes)


@dataclass(frozen=True, slots=True)
class Extracted:
    root: etree._Element  # the <html> element of the parsed page
    doc: Document
    slots: tuple[Slot | None, ...]  # one per block; None for separators
    content: etree._Element  # the element the blocks were taken from
    chrome: tuple[etree._Element, ...]  # chrome elements, left in the tree


def parse_html(text: str, name: str, path: str = "", encoding: str = "utf-8") -> Document:
    """Read an HTML release into a Document (``fmt="html"``).

    Raises :class:`InputError` when the page has no text outside its chrome.
    """
    return extract(text, name, path, encoding).doc


_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


def parse_page(text: str, path: str = "") -> etree._Element:
    """Parse HTML text into its ``<html>`` element; an empty page raises InputError."""
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)
    # HTML has no internal DTD subset: one here declares entities (an expansion bomb for
    # XML parsers, and lxml's HTML parser would publish "]>" as the release's first line).
    subset = _SUBSET.search(text)
    if subset:
        raise InputError("HTML with a DOCTYPE that declares entities or elements ([...]) "
                         "is refused", path=path or None,
                         line=text[:subset.start()].count("\n") + 1,
                         hint="use a plain <!DOCTYPE html>")
    parser = lxml.html.HTMLParser(no_network=True, remove_blank_text=False, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot read HTML: {exc}", path=path or None) from exc
    # Past 256 nested elements libxml2 stops building the tree and drops the rest of the
    # page without failing: refuse rather than translate half a release.
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in err.message:
            raise InputError("HTML nested more than 255 elements deep: the text after that "
                             "point would be lost", path=path or None, line=err.line or None,
                             hint="flatten the page's markup, or paste the release as text")
    return root


def is_chrome(el: etree._Element) -> bool:
    """True for navigation, banners, footers, scripts, forms and menu-like widgets."""
    if not isinstance(el.tag, str):
        return False
    tag = el.tag.lower()
    if tag in CHROME_TAGS:
        return True
    if tag in PAGE_ONLY and not any(
        isinstance(a.tag, str) and a.tag.lower() in SECTIONING for a in el.iterancestors()
    ):
        return True
    if (el.get("role") or "").strip().lower() in CHROME_ROLES:
        return True
    if tag in ("main", "article", "body", "html"):
        return False
    names = (el.get("class") or "").split() + (el.get("id") or "").split()
    return any(CHROME_NAMES.search(n) for n in names) or el.get("hidden") is not None


def _content_root(body: etree._Element) -> etree._Element:
    for xpath in ("//main", "//*[@role='main']"):
        found = [e for e in body.xpath(xpath) if not _in_chrome(e)]
        if found:
            return found[0]
    articles = [e for e in body.xpath("//article") if not _in_chrome(e)]
    if len(articles) == 1:
        return articles[0]
    return body


def _in_chrome(el: etree._Element) -> bool:
    return any(is_chrome(a) for a in el.iterancestors())


def _is_flow(el: etree._Element) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag.lower() in FLOW_TAGS:
        return True
    return any(isinstance(d.tag, str) and d.tag.lower() in FLOW_TAGS for d in el.iterdescendants())


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.slots: list[Slot | None] = []
        self.chrome: list[etree._Element] = []
        self.removed: list[str] = []
        self.kinds = KindTracker()

    def drop(self, el: etree._Element) -> None:
        self.chrome.append(el)
        words = plain(" ".join(el.itertext()))
        if words and el.tag not in ("script", "style"):
            self.removed.append(words[:120])

    def walk(self, el: etree._Element, keep: bool) -> None:
        if is_chrome(el):
            self.drop(el)
            return
        tag = el.tag.lower()
        keep = keep and not no_translate(el)
        if tag == "pre":
            return  # preformatted text (code, tables in ASCII) is kept byte for byte
        if tag == "hr":
            self.blocks.append(Block(BlockKind.SEPARATOR, "", line=el.sourceline or 0,
                                     translate=False))
            self.slots.append(None)
            return
        if tag in BLOCK_TAGS and not any(_is_flow(c) for c in el):
            self.run(el, "text", list(el), el, keep)
            return
        holder, attr, pending = el, "text", []
        for child in el:
            if not isinstance(child.tag, str) or not _is_flow(child):
                pending.append(child)
                continue
            self.run(holder, attr, pending, el, keep)
            self.walk(child, keep)
            holder, attr, pending = child, "tail", []
        self.run(holder, attr, pending, el, keep)

    def run(self, holder: etree._Element, attr: str, nodes: list, owner: etree._Element,
            keep: bool) -> None:
        # Inline widgets (a skip link, a share button) become standalone codes, kept as is.
        for node in nodes:
            if isinstance(node.tag, str) and is_chrome(node):
                self.drop(node)
        text, codes = encode(getattr(holder, attr), nodes, opaque=is_chrome)
        if not plain(text):
            return
        tag = owner.tag.lower()
        kind = BLOCK_TAGS.get(tag, BlockKind.PARAGRAPH)
        kind = self.kinds.resolve(kind, plain(text))
        line = (nodes[0].sourceline if attr == "tail" and nodes else owner.sourceline) or 0
        self.blocks.append(Block(kind, text, line=line, translate=keep, codes=codes))
        self.slots.append(Slot(holder, attr, tuple(nodes)))


def extract(text: str, name: str, path: str = "", encoding: str = "utf-8") -> Extracted:
    """Parse a page and return its blocks with the tree nodes each came from."""
    root = parse_page(text, path)
    body = root.find("body")
    if body is None or not plain(" ".join(body.itertext())):
        raise InputError("HTML page has an empty body", path=path or None)
    content = _content_root(body)
    walker = _Walker()
    # Chrome outside the content root is reported as removed too.
    inside, above = set(content.iter()), set(content.iterancestors())
    for el in body.iter():
        if el not in inside and el not in above and is_chrome(el) and not _in_chrome(el):
            walker.drop(el)
    walker.walk(content, not any(no_translate(a) for a in content.iterancestors()))
    if not any(b.text for b in walker.blocks):
        raise InputError("HTML page has no text outside its navigation and chrome",
                         path=path or None)
    doc = Document(name=name, blocks=tuple(walker.blocks), fmt="html", path=path,
                   removed=tuple(dict.fromkeys(walker.removed)), encoding=encoding)
    return Extracted(root, doc, tuple(walker.slots), content, tuple(dict.fromkeys(walker.chrome)))
