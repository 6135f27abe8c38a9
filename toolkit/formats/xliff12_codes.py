"""XLIFF 1.2 inline codes: ``<g>``/``<x/>``/``<bx/>``/``<ex/>`` ↔ the toolkit's ``<gN>``/``<xN/>``."""

from __future__ import annotations

from lxml import etree

from ..tags import Tag, parse_what, pieces
from .xliff_codes import append_text, code_number

NS = "urn:oasis:names:tc:xliff:document:1.2"
_Q = f"{{{NS}}}"


# Inline codes are real elements: <g id> for a pair, <x id/> for a standalone,
# <bx/>/<ex/> for half a pair (a translator split or crossed it). ``ctype``
# carries the role (bold, link, lb… or x-<role>) and ``equiv-text`` what the
# code stands for in words, which is what the toolkit reads back.
_CTYPE_G = {"bold": "bold", "italic": "italic", "underline": "underlined", "link": "link"}
_CTYPE_X = {"image": "image", "break": "lb"}
_ROLE = {v: k for k, v in (_CTYPE_G | _CTYPE_X).items()}


def _code_attrs(tag: Tag | None, kind: str) -> dict[str, str]:
    if tag is None:
        return {}
    table = _CTYPE_G if kind == "g" else _CTYPE_X
    return {"ctype": table.get(tag.role, "x-" + tag.role), "equiv-text": tag.what}


def write_codes(el: etree._Element, text: str, tags: dict[int, Tag]) -> etree._Element:
    """Fill ``el`` with ``text``, its codes as inline elements."""
    stack = [el]
    # The strict schema wants each <bx> rid once in a text and every <ex> rid
    # to name a <bx>: a repeated half gets "n-2", a lone <ex> no rid at all.
    rids: dict[int, list[str]] = {}
    count: dict[int, int] = {}
    for kind, n, s in pieces(text):
        if kind == "text":
            append_text(stack[-1], s)
        elif kind == "open":
            stack.append(etree.SubElement(stack[-1], _Q + "g", id=str(n),
                                          **_code_attrs(tags.get(n), "g")))
        elif kind == "close":
            stack.pop()
        elif kind == "x":
            etree.SubElement(stack[-1], _Q + "x", id=str(n), **_code_attrs(tags.get(n), "x"))
        elif kind == "begin":
            count[n] = count.get(n, 0) + 1
            rid = str(n) if count[n] == 1 else f"{n}-{count[n]}"
            rids.setdefault(n, []).append(rid)
            etree.SubElement(stack[-1], _Q + "bx", id=str(n), rid=rid,
                             **_code_attrs(tags.get(n), "g"))
        elif s == "paired" and rids.get(n):
            etree.SubElement(stack[-1], _Q + "ex", id=str(n), rid=rids[n].pop())
        else:
            etree.SubElement(stack[-1], _Q + "ex", id=str(n))
    return el


def _number(el: etree._Element, numbers: dict[str, int]) -> int:
    """The code number of an inline element: its id's digits, or one by order for other ids."""
    return code_number(el.get("rid") or el.get("id") or "", numbers)


def read_codes(el: etree._Element | None, numbers: dict[str, int] | None = None) -> str:
    """The text of ``el`` with inline elements turned back into ``<gN>``/``<xN/>`` codes.

    Other tools' elements are read too: ``<ph>``/``<it>`` as standalone
    codes, ``<bpt>``/``<ept>`` as the halves of a pair, ``<mrk>`` as its text.
    """
    if el is None:
        return ""
    numbers = {} if numbers is None else numbers
    out = [el.text or ""]
    for child in el:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "g":
            n = _number(child, numbers)
            out.append(f"<g{n}>{read_codes(child, numbers)}</g{n}>")
        elif name in ("x", "ph", "it"):
            out.append(f"<x{_number(child, numbers)}/>")
        elif name in ("bx", "bpt"):
            out.append(f"<g{_number(child, numbers)}>")
        elif name in ("ex", "ept"):
            out.append(f"</g{_number(child, numbers)}>")
        elif name == "mrk":
            out.append(read_codes(child, numbers))
        out.append(child.tail or "")
    return "".join(out)


def read_tags(source: etree._Element | None, numbers: dict[str, int]) -> tuple[Tag, ...]:
    """The tags the toolkit wrote on the codes of ``source`` (``ctype``, ``equiv-text``)."""
    found: dict[int, Tag] = {}
    if source is None:
        return ()
    for el in source.iter(_Q + "g", _Q + "x", _Q + "bx"):
        n = _number(el, numbers)
        words, ctype = el.get("equiv-text"), el.get("ctype", "")
        if n in found or words is None:
            continue
        role, detail = parse_what(words)
        if role == "markup" and ctype:
            role = _ROLE.get(ctype, ctype.removeprefix("x-"))
        found[n] = Tag(n, "x" if el.tag == _Q + "x" else "g", role, detail)
    return tuple(found.values())
