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


# --- Codes as catalogues carry them -------------------------------------------------------
#
# A catalogue does not hold the original markup (publishing takes it from the
# source release), but a translator must see what each code stands for, and
# XLIFF tools need the codes as elements. A :class:`Tag` is that much: the
# code's number and kind, a role (bold, link, line break…) and one detail (the
# link target, the text kept as is). Every format writes it in its own way and
# reads it back unchanged: XLIFF 1.2 ``ctype`` and ``equiv-text``, XLIFF 2.1
# ``subType`` and ``disp``/``equiv``, PO one ``#.`` sentence.


@dataclass(frozen=True, slots=True)
class Tag:
    """One inline code of a unit: ``<g{n}>…</g{n}>`` or ``<x{n}/>``, and what it stands for."""

    n: int
    kind: str  # "g" (paired) or "x" (standalone)
    role: str  # a key of ROLES
    detail: str = ""

    @property
    def token(self) -> str:
        """How the code shows in the text: ``<g1>…</g1>`` or ``<x2/>``."""
        return f"<g{self.n}>…</g{self.n}>" if self.kind == "g" else f"<x{self.n}/>"

    @property
    def what(self) -> str:
        """What the code stands for, in words: ``'link to https://x.org'``."""
        plain_, with_detail = ROLES.get(self.role, ROLES["markup"])
        return with_detail.format(self.detail) if self.detail else plain_

    @property
    def equiv(self) -> str:
        """The code as plain text (kept text, image text), for XLIFF 2 ``equiv``."""
        return self.detail if self.role in ("fixed", "code", "image") else ""


# role: (words without a detail, words with one). The XLIFF 1.2 ctype and the
# XLIFF 2.1 type of each role are in the format modules.
ROLES: dict[str, tuple[str, str]] = {
    "bold": ("bold text", "bold text {}"),
    "italic": ("italic text", "italic text {}"),
    "underline": ("underlined text", "underlined text {}"),
    "strike": ("struck-through text", "struck-through text {}"),
    "sup": ("superscript", "superscript {}"),
    "sub": ("subscript", "subscript {}"),
    "link": ("link", "link to {}"),
    "image": ("image", "image “{}”"),
    "break": ("line break", "line break {}"),
    "code": ("code, kept as is", "code “{}”, kept as is"),
    "fixed": ("text kept as is", "“{}”, kept as is"),
    "markup": ("markup", "markup {}"),
}
_DETAIL_MAX = 70
_ROLE_OF_TAG = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "u": "underline",
                "ins": "underline", "s": "strike", "del": "strike", "strike": "strike",
                "sup": "sup", "sub": "sub", "a": "link", "img": "image", "br": "break",
                "wbr": "break", "code": "code", "kbd": "code", "samp": "code", "var": "code"}
_MD_EMPHASIS = {"**": "bold", "__": "bold", "***": "bold", "___": "bold", "*": "italic",
                "_": "italic", "~~": "strike"}
_MD_DEST = re.compile(r"^\]\(\s*<?([^\s>)]*)")
_MD_REF = re.compile(r"^\]\[([^\]]*)\]$")
_MD_BREAK = re.compile(r"^(?: {2,}|\\)\n$")
_AUTOLINK = re.compile(r"^<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>$")
_LONE_TAG = re.compile(r"^</?([A-Za-z][\w-]*)[^<>]*>$")


def _short(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= _DETAIL_MAX else text[: _DETAIL_MAX - 1].rstrip() + "…"


def describe(code: Code) -> tuple[str, str]:
    """Role and detail of an HTML or Markdown code, for :class:`Tag`.

    >>> describe(Code("g", '<a href="https://x.org">', "</a>"))
    ('link', 'https://x.org')
    >>> describe(Code("x", '<span translate="no">Frontex</span>'))
    ('fixed', 'Frontex')
    >>> describe(Code("g", "[", "](https://x.org)"))
    ('link', 'https://x.org')
    """
    if code.kind == "g" and code.open in _MD_EMPHASIS:
        return _MD_EMPHASIS[code.open], ""
    if code.kind == "g" and code.open == "[":
        dest, ref = _MD_DEST.match(code.close), _MD_REF.match(code.close)
        return "link", _short(dest.group(1) if dest else f"[{ref.group(1)}]" if ref else "")
    markup = code.open
    if code.kind == "x" and not markup.startswith("<"):
        if markup.startswith("`"):
            return "code", _short(markup.strip("`"))
        if markup.startswith("!["):
            return "image", _short(markup[2 : markup.find("]")])
        if _MD_BREAK.match(markup):
            return "break", ""
        return "markup", _short(markup)
    if markup.startswith("<!--"):
        return "markup", "comment"
    if _AUTOLINK.match(markup):
        return "link", _short(markup[1:-1])  # Markdown autolink
    lone = _LONE_TAG.match(markup)
    if lone and (markup.startswith("</") or code.kind == "x" and f"</{lone.group(1)}" not in markup
                 and lone.group(1).lower() not in OPAQUE):
        # Markdown's inline HTML: a start or end tag alone (``<span class="x">``)
        return "markup", f"<{'/' if markup.startswith('</') else ''}{lone.group(1).lower()}>"
    try:
        el = lxml.html.fragment_fromstring(markup + code.close, create_parent=False)
    except (etree.ParserError, ValueError):
        return "markup", _short(markup)
    return _describe_element(el)


def _describe_element(el: etree._Element) -> tuple[str, str]:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    text = el.text_content() if isinstance(el.tag, str) else ""
    if no_translate(el):
        return "fixed", _short(text)
    role = _ROLE_OF_TAG.get(tag)
    if role == "link":
        return role, _short(el.get("href", ""))
    if role == "image":
        return role, _short(el.get("alt", ""))
    if role == "code":
        return role, _short(text)
    if role:
        return role, ""
    return "markup", f"<{tag}>" if tag else "comment"


def tags_of(text: str, codes: Sequence[Code]) -> tuple[Tag, ...]:
    """The :class:`Tag` of every code ``text`` uses, in order of first appearance."""
    seen: dict[int, Tag] = {}
    for m in CODE.finditer(text):
        n, kind = int(m.group(3)), m.group(2)
        if n in seen or not 1 <= n <= len(codes) or codes[n - 1].kind != kind:
            continue
        seen[n] = Tag(n, kind, *describe(codes[n - 1]))
    return tuple(seen.values())


def parse_what(words: str) -> tuple[str, str]:
    """Undo :attr:`Tag.what`: ``'link to https://x.org'`` → ``('link', 'https://x.org')``.

    Words no role produces come back as ``('markup', words)``.
    """
    for role, (plain_, _with) in ROLES.items():
        if words == plain_:
            return role, ""
    for role, (_plain, with_detail) in ROLES.items():
        head, _, tail = with_detail.partition("{}")
        if words.startswith(head) and words.endswith(tail) and len(words) > len(head) + len(tail):
            return role, words[len(head) : len(words) - len(tail)]
    return "markup", words


# --- Codes as structure, for XLIFF elements -----------------------------------------------

_STRICT = re.compile(r"<g(\d+)>|</g(\d+)>|<x(\d+)/>")


def pieces(text: str) -> list[tuple[str, int, str]]:
    """``text`` as writers of inline elements need it, nothing dropped or reordered.

    Tokens are ``("text", 0, s)``, ``("x", n, "")``, ``("open", n, "")`` and
    ``("close", n, "")`` for a pair that nests properly, and ``("begin", n,
    "")``/``("end", n, "")`` for half of a pair that does not (split,
    overlapping or alone: XLIFF 1.2 ``<bx/>``/``<ex/>``, 2.1 ``<sc/>``/``<ec/>``).
    The third field of ``begin``/``end`` is ``"paired"`` when the other half
    is in the same text. Anything that only looks like a code is text.
    """
    raw: list[list] = []
    pos = 0
    for m in _STRICT.finditer(text):
        if m.start() > pos:
            raw.append(["text", 0, text[pos : m.start()]])
        pos = m.end()
        if m.group(1):
            raw.append(["open", int(m.group(1)), ""])
        elif m.group(2):
            raw.append(["close", int(m.group(2)), ""])
        else:
            raw.append(["x", int(m.group(3)), ""])
    if pos < len(text):
        raw.append(["text", 0, text[pos:]])
    # Pair each opening with the next closing of its number, then keep as
    # elements only the pairs that nest; the rest become begin/end halves.
    pairs: dict[int, int] = {}
    waiting: dict[int, int] = {}
    for i, (kind, n, _) in enumerate(raw):
        if kind == "open":
            waiting[n] = i  # a second opening before a closing leaves the first alone
        elif kind == "close" and n in waiting:
            pairs[waiting.pop(n)] = i
    stack: list[int] = []
    nested: set[int] = set()
    closes = {j: i for i, j in pairs.items()}
    for i in range(len(raw)):
        if i in pairs:
            stack.append(i)
        elif i in closes:
            start = closes[i]
            if stack and stack[-1] == start:
                nested.add(start)
                stack.pop()
            elif start in stack:
                stack.remove(start)
    out: list[tuple[str, int, str]] = []
    for i, (kind, n, s) in enumerate(raw):
        if kind == "open":
            out.append(("open", n, "") if i in nested else
                       ("begin", n, "paired" if i in pairs else ""))
        elif kind == "close":
            start = closes.get(i)
            out.append(("close", n, "") if start in nested else
                       ("end", n, "paired" if start is not None else ""))
        else:
            out.append((kind, n, s))
    return out
