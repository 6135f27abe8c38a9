"""XLIFF 2.1 inline codes: ``<pc>``/``<ph/>``/``<sc/>``/``<ec/>`` ↔ the toolkit's ``<gN>``/``<xN/>``."""

from __future__ import annotations

import re

from lxml import etree

from ..tags import Tag, parse_what, pieces
from .xliff_codes import append_text, code_number

NS = "urn:oasis:names:tc:xliff:document:2.0"
_Q = f"{{{NS}}}"


# Inline codes are real elements: <pc> for a pair, <ph/> for a standalone,
# <sc/>/<ec/> for half a pair (split or crossed by a translator). ``type`` and
# ``subType`` carry the role (``xlf:b``, ``xlf:lb``… or ``toolkit:<role>``),
# ``disp``/``dispStart`` what the code stands for in words (what CAT tools show
# on the tag), ``equiv`` its plain text. The markup itself stays in the release.
_ROLE_TYPE = {"bold": ("fmt", "xlf:b"), "italic": ("fmt", "xlf:i"),
              "underline": ("fmt", "xlf:u"), "break": ("fmt", "xlf:lb"),
              "strike": ("fmt", "toolkit:strike"), "sup": ("fmt", "toolkit:sup"),
              "sub": ("fmt", "toolkit:sub"), "link": ("link", "toolkit:link"),
              "image": ("image", "toolkit:image"), "code": ("ui", "toolkit:code")}
_SUBTYPE_ROLE = {sub: role for role, (_, sub) in _ROLE_TYPE.items()}


def _code_attrs(tag: Tag | None, disp: str) -> dict[str, str]:
    if tag is None:
        return {}
    kind, sub = _ROLE_TYPE.get(tag.role, ("other", "toolkit:" + tag.role))
    attrs = {"type": kind, "subType": sub, disp: tag.what}
    if tag.equiv and disp == "disp":
        attrs["equiv"] = tag.equiv
    return attrs


def write_codes(el: etree._Element, text: str, tags: dict[int, Tag]) -> etree._Element:
    """Fill ``el`` with ``text``, its codes as inline elements (ids unique in the text)."""
    stack = [el]
    used: dict[str, int] = {}

    def ident(n: int) -> str:
        # XLIFF 2 wants each inline id once; a translator's duplicate gets a suffix.
        used[str(n)] = used.get(str(n), 0) + 1
        return str(n) if used[str(n)] == 1 else f"{n}-{used[str(n)]}"

    begun: dict[int, str] = {}
    for kind, n, s in pieces(text):
        if kind == "text":
            append_text(stack[-1], s)
        elif kind == "open":
            stack.append(etree.SubElement(stack[-1], _Q + "pc", id=ident(n),
                                          **_code_attrs(tags.get(n), "dispStart")))
        elif kind == "close":
            stack.pop()
        elif kind == "x":
            etree.SubElement(stack[-1], _Q + "ph", id=ident(n), **_code_attrs(tags.get(n), "disp"))
        elif kind == "begin":
            attrs = _code_attrs(tags.get(n), "disp")
            if s != "paired":
                attrs["isolated"] = "yes"
            begun[n] = ident(n)
            etree.SubElement(stack[-1], _Q + "sc", id=begun[n], **attrs)
        elif s == "paired" and n in begun:
            etree.SubElement(stack[-1], _Q + "ec", startRef=begun.pop(n))
        else:
            etree.SubElement(stack[-1], _Q + "ec", id=ident(n), isolated="yes")
    return el


def read_codes(el: etree._Element | None, numbers: dict[str, int]) -> str:
    """The text of ``el`` with inline elements turned back into ``<gN>``/``<xN/>`` codes.

    ``<mrk>``/``<sm/>``/``<em/>`` annotations give their text; ``<cp>`` its character.
    """
    if el is None:
        return ""
    out = [el.text or ""]
    starts: dict[str, int] = {}
    for child in el:
        name = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if name == "pc":
            n = code_number(child.get("id", ""), numbers)
            out.append(f"<g{n}>{read_codes(child, numbers)}</g{n}>")
        elif name == "ph":
            out.append(f"<x{code_number(child.get('id', ''), numbers)}/>")
        elif name == "sc":
            n = code_number(child.get("id", ""), numbers)
            starts[child.get("id", "")] = n
            out.append(f"<g{n}>")
        elif name == "ec":
            ref = child.get("startRef") or child.get("id", "")
            out.append(f"</g{starts.get(ref) or code_number(ref, numbers)}>")
        elif name == "mrk":
            out.append(read_codes(child, numbers))
        elif name == "cp":
            hexa = child.get("hex", "")
            out.append(chr(int(hexa, 16)) if re.fullmatch(r"[0-9A-Fa-f]{1,6}", hexa) else "")
        out.append(child.tail or "")
    return "".join(out)


def read_tags(sources: list[etree._Element], numbers: dict[str, int]) -> tuple[Tag, ...]:
    """The tags the toolkit wrote on the codes of the unit's sources (``subType``, ``disp``)."""
    found: dict[int, Tag] = {}
    for source in sources:
        for el in source.iter(_Q + "pc", _Q + "ph", _Q + "sc"):
            n = code_number(el.get("id", ""), numbers)
            words = el.get("dispStart") if el.tag == _Q + "pc" else el.get("disp")
            if n in found or words is None:
                continue
            role, detail = parse_what(words)
            sub = el.get("subType", "")
            if role == "markup" and sub:
                role = _SUBTYPE_ROLE.get(sub, sub.removeprefix("toolkit:"))
            found[n] = Tag(n, "x" if el.tag == _Q + "ph" else "g", role, detail)
    return tuple(found.values())
