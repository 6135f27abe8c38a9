"""Markdown releases: a small line-based parser that remembers where text came from.

Why not a library: markdown-it-py gives block line ranges but renders to HTML
and has no Markdown writer, so rebuilding the release would lose its bullets,
emphasis style, reference links, front matter and spacing. Publishing needs
the opposite: every byte that is not translated written back unchanged. This
parser records, for every block, the lines it spans and the prefixes around
its text (``"## "``, ``"- "``, ``"> "``), and turns inline markup into codes
(``**gras**`` → ``<g1>gras</g1>``, `` `code` `` → ``<x2/>``, not translated).

Kept verbatim and never translated: front matter (``---``/``+++``), fenced
and indented code, HTML blocks, tables, link reference definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..inline import plain
from ..model import Block, BlockKind, Document
from .kinds import KindTracker
from .mdinline import encode_markdown

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3}(#{1,6})(?:[ \t]+|$))(.*?)((?:[ \t]+#+)?[ \t]*)$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))")
_QUOTE = re.compile(r"^( {0,3}>[ \t]?)")
_HTML = re.compile(r"^ {0,3}<(?:!--|/?[A-Za-z][\w-]*(?:[\s/>]|$))")
_REFDEF = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*(\S+)")
_TABLE_DELIM = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CODE_INDENT = re.compile(r"^(?: {4}|\t)")


@dataclass(frozen=True, slots=True)
class MdSlot:
    """Lines ``first..last`` (0-based, inclusive) hold the block's text."""

    first: int
    last: int
    lead: str  # written before the first line of text
    cont: str  # written before every further line
    suffix: str = ""  # written after the text (closing ``#``s of a heading)


@dataclass(frozen=True, slots=True)
class MdExtracted:
    lines: tuple[str, ...]  # the source split on "\n" ("\r" kept)
    doc: Document
    slots: tuple[MdSlot | None, ...]
    refs: dict  # link reference definitions, label (lowercase) → URL


def parse_markdown(text: str, name: str, path: str = "", encoding: str = "utf-8") -> Document:
    """Read a Markdown release into a Document (``fmt="markdown"``)."""
    return extract(text, name, path, encoding).doc


def _starts_block(line: str) -> bool:
    return bool(_FENCE.match(line) or _ATX.match(line) or _HR.match(line)
                or _ITEM.match(line) or _QUOTE.match(line) or _HTML.match(line))


class _Parser:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.slots: list[MdSlot | None] = []
        self.refs: dict[str, str] = {}
        self.kinds = KindTracker()

    def add(self, kind: BlockKind, first: int, last: int, lead: str, cont: str,
            content: list[str], suffix: str = "") -> None:
        text, codes = encode_markdown(_join(content))
        if not plain(text):
            return
        kind = self.kinds.resolve(kind, plain(text))
        self.blocks.append(Block(kind, text, prefix=lead, line=first + 1, codes=codes))
        self.slots.append(MdSlot(first, last, lead, cont, suffix))

    def run(self) -> None:
        lines, i, n = self.lines, _front_matter(self.lines), len(self.lines)
        prev_blank, prev_item = True, False
        while i < n:
            line = lines[i]
            if not line.strip():
                i, prev_blank = i + 1, True
                continue
            fence = _FENCE.match(line)
            if fence:
                mark = fence.group(1)
                i += 1
                while i < n and not lines[i].lstrip().startswith(mark[0] * len(mark)):
                    i += 1
                i, prev_blank, prev_item = i + 1, False, False
                continue
            if (_CODE_INDENT.match(line) and prev_blank and not prev_item) or _HTML.match(line):
                while i < n and lines[i].strip():
                    i += 1
                continue
            ref = _REFDEF.match(line)
            if ref:
                self.refs[ref.group(1).strip().lower()] = ref.group(2).strip("<>")
                i, prev_blank = i + 1, False
                continue
            table = i + 1 < n and "-" in lines[i + 1] and _TABLE_DELIM.match(lines[i + 1])
            if "|" in line and table:
                while i < n and lines[i].strip():
                    i += 1
                continue
            if _HR.match(line):  # before list items: "* * *" is a break, not a bullet
                self.blocks.append(Block(BlockKind.SEPARATOR, "", prefix=line, line=i + 1,
                                         translate=False))
                self.slots.append(None)
                i, prev_blank, prev_item = i + 1, False, False
                continue
            atx = _ATX.match(line)
            if atx:
                kind = BlockKind.TITLE if len(atx.group(2)) == 1 else BlockKind.HEADING
                self.add(kind, i, i, atx.group(1), "", [atx.group(3)], atx.group(4))
                i, prev_blank, prev_item = i + 1, False, False
                continue
            item = _ITEM.match(line) or _QUOTE.match(line)
            if item:
                i = self.container(i, item.group(1), _QUOTE.match(line) is not None)
                prev_blank, prev_item = False, not _QUOTE.match(line)
                continue
            i = self.paragraph(i)
            prev_blank, prev_item = False, False

    def paragraph(self, i: int) -> int:
        lines, first, content = self.lines, i, [self.lines[i]]
        i += 1
        while i < len(lines) and lines[i].strip():
            if _SETEXT.match(lines[i]):
                level = 1 if lines[i].strip()[0] == "=" else 2
                kind = BlockKind.TITLE if level == 1 else BlockKind.HEADING
                self.add(kind, first, i - 1, _lead(lines[first]), "", _strip(content))
                return i + 1
            if _starts_block(lines[i]):
                break
            content.append(lines[i])
            i += 1
        self.add(BlockKind.PARAGRAPH, first, i - 1, _lead(lines[first]), "", _strip(content))
        return i

    def container(self, i: int, lead: str, quote: bool) -> int:
        """A list item or a quoted paragraph, with its continuation lines."""
        lines, first = self.lines, i
        content = [lines[i][len(lead):]]
        cont = lead if quote else " " * len(lead)
        i += 1
        while i < len(lines) and lines[i].strip():
            line = lines[i]
            if quote:
                q = _QUOTE.match(line)
                body = line[len(q.group(1)):] if q else line
                if not body.strip() or _starts_block(body if q else line):
                    break
                content.append(body)
            else:
                if _starts_block(line):
                    break
                content.append(line.strip())
            i += 1
        kind = BlockKind.PARAGRAPH if quote else BlockKind.LIST_ITEM
        self.add(kind, first, i - 1, lead, cont, content)
        if quote and i < len(lines) and _QUOTE.match(lines[i]):
            # an empty "> " line between quoted paragraphs
            if not lines[i][len(_QUOTE.match(lines[i]).group(1)):].strip():
                return i + 1
        return i


def _front_matter(lines: list[str]) -> int:
    if lines and lines[0].rstrip("\r") in ("---", "+++"):
        mark = lines[0].rstrip("\r")
        for j in range(1, len(lines)):
            if lines[j].rstrip("\r") in (mark, "..."):
                return j + 1
    return 0


def _lead(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _strip(content: list[str]) -> list[str]:
    return [c.strip() if not c.rstrip("\r").endswith(("  ", "\\")) else c.lstrip()
            for c in content]


def _join(content: list[str]) -> str:
    """Join a block's lines: a hard break stays a newline, a soft break becomes a space."""
    parts = []
    for k, c in enumerate(content):
        c = c.rstrip("\r")
        last = k == len(content) - 1
        if not last and (c.endswith("  ") or c.endswith("\\")):
            parts.append(c.rstrip(" ") + ("  " if c.endswith("  ") else "") + "\n")
        else:
            parts.append(c.strip() + ("" if last else " "))
    return "".join(parts)


def extract(text: str, name: str, path: str = "", encoding: str = "utf-8") -> MdExtracted:
    """Parse Markdown into blocks plus the line ranges needed to write it back."""
    lines = text.split("\n")
    parser = _Parser(lines)
    parser.run()
    if not any(b.text for b in parser.blocks):
        raise InputError("Markdown file has no text to translate", path=path or None)
    doc = Document(name=name, blocks=tuple(parser.blocks), fmt="markdown", path=path,
                   encoding=encoding)
    return MdExtracted(tuple(lines), doc, tuple(parser.slots), parser.refs)
