"""What each inline code stands for, as catalogues carry it, and codes as XLIFF structure.

A catalogue does not hold the original markup (publishing takes it from the
source release), but a translator must see what each code stands for, and
XLIFF tools need the codes as elements. A :class:`Tag` is that much: the
code's number and kind, a role (bold, link, line break…) and one detail (the
link target, the text kept as is). Every format writes it in its own way and
reads it back unchanged: XLIFF 1.2 ``ctype`` and ``equiv-text``, XLIFF 2.1
``subType`` and ``disp``/``equiv``, PO one ``#.`` sentence.

>>> Tag(2, "g", *describe(Code("g", '<a href="https://x.org">', "</a>"))).what
'link to https://x.org'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .inline import CODE, OPAQUE, Code, no_translate

_SPACE = re.compile(r"\s+")


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
