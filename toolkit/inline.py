"""Inline markup as numbered codes: ``<gN>…</gN>`` for pairs, ``<xN/>`` for standalones.

A block's text carries its inline markup (links, emphasis, line breaks, images,
untranslatable spans) as codes numbered from 1 in order of opening, so that the
engines see one sentence and the exchange formats can turn the codes into
XLIFF ``<g>``/``<x>`` (``<pc>``/``<ph>`` in 2.x). The original markup of code N
lives in ``Block.codes[N-1]`` as a :class:`Code`; it is never written to the
catalogue: publishing re-ingests the source release and maps the codes back.

>>> import lxml.html
>>> p = lxml.html.fragment_fromstring('<p>Voir <a href="/x">le site</a>.<br>Fin</p>')
>>> text, codes = encode(p.text, list(p))
>>> text
'Voir <g1>le site</g1>.<x2/>Fin'
>>> decode("See <g1>the site</g1>.<x2/>End", codes)
'See <a href="/x">the site</a>.<br>End'
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import lxml.html
from lxml import etree

CODE = re.compile(r"<(/?)([gx])(\d+)(/?)>")
_SPACE = re.compile(r"\s+")

# Elements whose content is never translated: carried whole as one ``<xN/>``.
OPAQUE = frozenset({"code", "kbd", "samp", "var", "script", "style", "svg", "math", "img",
                    "br", "wbr", "input", "button", "select", "textarea", "iframe", "object",
                    "video", "audio", "canvas", "noscript", "template"})


@dataclass(frozen=True, slots=True)
class Code:
    """The original markup behind one inline code.

    ``kind`` is ``"g"`` (paired: ``open`` + content + ``close``) or ``"x"``
    (standalone: ``open`` is the whole markup). For HTML the strings are HTML
    (``'<a href="/x">'``, ``'</a>'``); for Markdown they are Markdown
    (``'['``, ``'](https://…)'``).
    """

    kind: str
    open: str
    close: str = ""


def no_translate(el: etree._Element) -> bool:
    """True for an element marked ``translate="no"`` or with class ``notranslate``."""
    if not isinstance(el.tag, str):
        return False
    if (el.get("translate") or "").strip().lower() == "no":
        return True
    return "notranslate" in (el.get("class") or "").split()


def _start_tag(el: etree._Element) -> str:
    attrs = "".join(
        f' {k}="{html.escape(v, quote=True)}"' for k, v in el.attrib.items()
    )
    return f"<{el.tag}{attrs}>"


def _outer(el: etree._Element) -> str:
    return lxml.html.tostring(el, encoding="unicode", with_tail=False)


def encode(lead: str | None, nodes: Sequence[etree._Element],
           opaque: Callable[[etree._Element], bool] | None = None) -> tuple[str, tuple[Code, ...]]:
    """Text and codes of an HTML run: ``lead`` text, then ``nodes`` with their tails.

    Inline elements with text become paired codes (their content stays
    translatable); empty ones, opaque ones (``<br>``, ``<img>``, ``<code>``)
    ``translate="no"`` spans and elements ``opaque`` accepts (an inline
    share button) become standalone codes. Whitespace is
    collapsed and the result stripped, as a browser would show it.
    """
    codes: list[Code] = []
    out = [lead or ""]
    for node in nodes:
        _encode_node(node, out, codes, opaque)
        out.append(node.tail or "")
    return _SPACE.sub(" ", "".join(out)).strip(), tuple(codes)


def _encode_node(node: etree._Element, out: list[str], codes: list[Code],
                 opaque: Callable[[etree._Element], bool] | None) -> None:
    if not isinstance(node.tag, str):  # comment or processing instruction
        codes.append(Code("x", _outer(node)))
        out.append(f"<x{len(codes)}/>")
        return
    tag = node.tag.lower()
    has_text = bool("".join(node.itertext()).strip())
    if tag in OPAQUE or no_translate(node) or not has_text or (opaque and opaque(node)):
        codes.append(Code("x", _outer(node)))
        out.append(f"<x{len(codes)}/>")
        return
    codes.append(Code("g", _start_tag(node), f"</{node.tag}>"))
    n = len(codes)
    out.append(f"<g{n}>")
    out.append(node.text or "")
    for child in node:
        _encode_node(child, out, codes, opaque)
        out.append(child.tail or "")
    out.append(f"</g{n}>")


def tokens(text: str, codes: Sequence[Code]) -> list[tuple[str, int, str]]:
    """Split ``text`` into ``("text", 0, s)``, ``("open"|"close"|"x", n, "")`` tokens.

    Codes are balanced on the way: an unknown number, a second opening, a
    closing without its opening are dropped; codes left open are closed at
    the end in reverse order. A translator who moved codes around still gets
    well-formed output.
    """
    out: list[tuple[str, int, str]] = []
    stack: list[int] = []
    used: set[int] = set()
    pos = 0
    for m in CODE.finditer(text):
        if m.start() > pos:
            out.append(("text", 0, text[pos : m.start()]))
        pos = m.end()
        closing, kind, n = m.group(1) == "/", m.group(2), int(m.group(3))
        if not 1 <= n <= len(codes) or codes[n - 1].kind != kind:
            continue
        if kind == "x":
            if not closing:
                out.append(("x", n, ""))
        elif not closing and n not in used:
            used.add(n)
            stack.append(n)
            out.append(("open", n, ""))
        elif closing and n in stack:
            while stack:  # close whatever was opened inside, then n itself
                top = stack.pop()
                out.append(("close", top, ""))
                if top == n:
                    break
    if pos < len(text):
        out.append(("text", 0, text[pos:]))
    out.extend(("close", n, "") for n in reversed(stack))
    return out


def decode(text: str, codes: Sequence[Code], *, escape: bool = False) -> str:
    """Put the original markup back in place of the codes of ``text``.

    ``escape=True`` HTML-escapes the text between codes (for HTML output).
    """
    parts = []
    for kind, n, s in tokens(text, codes):
        if kind == "text":
            parts.append(html.escape(s, quote=False) if escape else s)
        elif kind == "close":
            parts.append(codes[n - 1].close)
        else:
            parts.append(codes[n - 1].open)
    return "".join(parts)


def html_nodes(text: str, codes: Sequence[Code]) -> tuple[str, list[etree._Element]]:
    """Lxml nodes for ``text``: the leading text and the top-level elements (tails set)."""
    root = lxml.html.Element("div")
    stack = [root]
    for kind, n, s in tokens(text, codes):
        cur = stack[-1]
        if kind == "text":
            if len(cur):
                cur[-1].tail = (cur[-1].tail or "") + s
            else:
                cur.text = (cur.text or "") + s
        elif kind == "open":
            el = _materialize(codes[n - 1].open + codes[n - 1].close)
            el.text, el.tail = None, None
            for child in list(el):
                el.remove(child)
            cur.append(el)
            stack.append(el)
        elif kind == "close":
            stack.pop()
        else:
            el = _materialize(codes[n - 1].open)
            el.tail = None
            cur.append(el)
    return root.text or "", list(root)


def _materialize(markup: str) -> etree._Element:
    frags = lxml.html.fragments_fromstring(markup)
    for frag in frags:
        if not isinstance(frag, str):
            return copy.deepcopy(frag)
    return etree.Comment(markup)  # unreachable for markup we produced ourselves


def fill(el: etree._Element, text: str, codes: Sequence[Code]) -> None:
    """Replace the content of ``el`` with ``text``, its codes turned back into elements."""
    lead, nodes = html_nodes(text, codes)
    for child in list(el):
        el.remove(child)
    el.text = lead
    for node in nodes:
        el.append(node)


def numbers(text: str) -> list[str]:
    """The code tokens of ``text`` in order, e.g. ``['<g1>', '</g1>', '<x2/>']``."""
    return [m.group(0) for m in CODE.finditer(text)]


def check(source: str, target: str) -> list[str]:
    """Problems with the codes of a translation: codes lost or added, as messages."""
    src, tgt = numbers(source), numbers(target)
    problems = []
    lost = [c for c in dict.fromkeys(src) if src.count(c) > tgt.count(c)]
    extra = [c for c in dict.fromkeys(tgt) if tgt.count(c) > src.count(c)]
    if lost:
        problems.append("inline codes lost: " + " ".join(lost))
    if extra:
        problems.append("inline codes added: " + " ".join(extra))
    return problems


_INNER_OPEN = re.compile(r"(<g\d+>)([ \u00a0]+)")
_INNER_CLOSE = re.compile(r"([ \u00a0]+)(</g\d+>)")


def tidy(text: str) -> str:
    """Move spaces just inside paired codes outside them.

    Engines and placeholders sometimes leave ``<g1>mot </g1>``; in Markdown
    ``**mot **`` is no longer emphasis, and in HTML the space belongs outside
    the link anyway.

    >>> tidy("<g1>Niamey </g1>– Texte")
    '<g1>Niamey</g1> – Texte'
    """
    text = _INNER_CLOSE.sub(lambda m: m.group(2) + m.group(1), text)
    text = _INNER_OPEN.sub(lambda m: m.group(2) + m.group(1), text)
    text = re.sub(r"(</g\d+>) {2,}", r"\1 ", text)
    return re.sub(r" {2,}(<g\d+>)", r" \1", text)


def plain(text: str) -> str:
    """``text`` without its codes (for titles, search snippets)."""
    return _SPACE.sub(" ", CODE.sub("", text)).strip()
