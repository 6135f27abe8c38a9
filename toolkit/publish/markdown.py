"""Markdown releases: every line outside the blocks byte for byte (front matter, code,
tables, reference definitions); a block's lines replaced with the same prefixes."""

from __future__ import annotations

import re
from pathlib import Path

from ..ingest.markdown import extract
from ..inline import decode, plain
from ..langs import Lang
from ..model import Catalogue, Document
from .core import Rendered, block_texts

# YAML (``key: value``) and TOML (``key = value``) front matter lines a release carries.
_FIELD = re.compile(r"^(?P<key>lang|language|locale|title)(?P<sep>\s*[:=]\s*)(?P<value>.*?)(?P<cr>\r?)$")


def render_markdown(text: str, path: Path, cat: Catalogue, allow_drafts: bool,
                    notice: str | None = None) -> Rendered:
    ex = extract(text, path.stem, str(path))
    rep = Rendered("", path.suffix)
    targets = block_texts(ex.doc, cat, allow_drafts=allow_drafts, report=rep)
    lines = list(ex.lines)
    todo = [(s, b, t) for s, b, t in zip(ex.slots, ex.doc.blocks, targets) if s and t is not None]
    for slot, block, target in reversed(todo):  # bottom up, so line numbers stay valid
        cr = "\r" if lines[slot.first].endswith("\r") else ""
        body = decode(target, block.codes).split("\n")
        new = [slot.lead + body[0]] + [slot.cont + part.lstrip() for part in body[1:]]
        new[-1] += slot.suffix
        lines[slot.first : slot.last + 1] = [line + cr for line in new]
    _front_matter(lines, ex.doc, targets, Lang.parse(cat.tgt).bcp47)
    if notice and rep.drafts:
        _mark_draft(lines, notice)
    rep.text = "\n".join(lines)
    return rep


def _front_matter(lines: list[str], doc: Document, targets: list[str | None], lang: str) -> None:
    """Front matter says the page's language and title: both become the target's.

    The title is replaced only when it is the release's title sentence (the usual
    case); any other value is the site's business and stays as written.
    """
    if not lines or lines[0].rstrip("\r") not in ("---", "+++"):
        return
    mark = lines[0].rstrip("\r")
    title = next(((plain(b.text), plain(t)) for b, t in zip(doc.blocks, targets)
                  if b.kind.value == "title" and t is not None), None)
    for k in range(1, len(lines)):
        if lines[k].rstrip("\r") in (mark, "..."):
            return
        m = _FIELD.match(lines[k])
        if not m:
            continue
        value, quote = m["value"], ""
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            quote, value = value[0], value[1:-1]
        if m["key"] == "title":
            if title is None or plain(value) != title[0]:
                continue
            new = title[1].replace(quote, "\\" + quote) if quote == '"' else title[1]
            if quote == "'":
                new = title[1].replace("'", "''")
            elif not quote and (":" in new or new[:1] in "[{#&*!|>%@`"):
                quote, new = '"', new.replace('"', '\\"')
        else:
            new = lang
        lines[k] = f"{m['key']}{m['sep']}{quote}{new}{quote}{m['cr']}"


def _mark_draft(lines: list[str], notice: str) -> None:
    """``machine_translation: true`` in the front matter, for the site's templates to show;
    a release without front matter gets the notice as a quote above its first line,
    since adding front matter would print as text where Markdown has none."""
    cr = "\r" if lines and lines[0].endswith("\r") else ""
    mark = lines[0].rstrip("\r") if lines else ""
    if mark in ("---", "+++"):
        end = next((k for k in range(1, len(lines)) if lines[k].rstrip("\r") in (mark, "...")),
                   None)
        if end is not None:
            sep = " = " if mark == "+++" else ": "
            lines.insert(end, f"machine_translation{sep}true{cr}")
            return
    lines[:0] = [f"> *{notice}*{cr}", cr]
