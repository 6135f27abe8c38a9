"""Reviewed catalogues back into the release's own format (text, HTML, Markdown).

Publishing re-ingests the source release, so the layout comes from the source
and only the text comes from the catalogue: units are matched to sentences by
segment id (release, block, sentence, source hash), falling back to the source
text when the release moved. A sentence with no usable translation keeps its
source text and produces a warning.

Choices for each format:

* plain text — every block at its line, bullets, separators and blank lines
  kept; the website chrome dropped at ingest stays dropped.
* HTML — the page as the site would publish it: the same tree (head, scripts,
  menus, footer) with only the content blocks translated, inline markup put
  back, ``<html lang>`` set to the target, and the untranslated chrome marked
  ``lang="<source>"`` so browsers and screen readers pronounce it right. The
  ``<title>`` is translated when it repeats the release title.
* Markdown — every line outside the blocks byte for byte (front matter, code,
  tables, reference definitions); a block's lines are replaced by its
  translation with the same prefixes (``## ``, ``- ``, ``> ``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConflictError, InputError
from .fileio import write_bytes_atomic
from .formats import read_file
from .inline import check, decode, html_nodes, plain, tidy
from .langs import Lang
from .locales import check_name, inside
from .model import Catalogue, Document, Segment, State, segment_id
from .pipeline import block_sentences
from .provenance import check_source

Warn = Callable[[str], None]
HTML_SUFFIXES = (".html", ".htm")
MD_SUFFIXES = (".md", ".markdown")
SOURCE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt", ".text")


@dataclass
class Rendered:
    """A translated release in memory, with what happened on the way."""

    text: str
    suffix: str
    translated: int = 0  # sentences taken from the catalogue
    kept: int = 0  # sentences left in the source language
    warnings: list[str] = field(default_factory=list)


def pending(cat: Catalogue) -> int:
    """Number of units nobody has confirmed (machine drafts and untranslated)."""
    return sum(1 for s in cat.segments if s.state in (State.DRAFT, State.UNTRANSLATED))


def refuse_drafts(cat: Catalogue, path: str | os.PathLike) -> None:
    """Raise ConflictError while the catalogue still holds unreviewed units."""
    n = pending(cat)
    if n:
        raise ConflictError(
            f"{n} of {len(cat.segments)} unit(s) are still machine drafts or untranslated",
            path=path, lang=cat.tgt, hint="review them, or publish anyway with --allow-drafts",
        )


def find_source(cat: Catalogue, catalogue_path: str | os.PathLike,
                sources: str | os.PathLike | None = None) -> Path:
    """The source release of ``cat``: its recorded path, or a file of that name in ``sources``.

    The recorded path (``X-Toolkit-Source`` in PO, ``original`` in XLIFF) is
    tried as given, then relative to the catalogue's folder and its parents,
    since catalogues usually sit in ``locales/<lang>/`` under the project.
    """
    here = Path(catalogue_path).resolve().parent
    recorded = Path(cat.source_path) if cat.source_path else None
    tried: list[Path] = []
    if recorded is not None:
        tried.append(recorded)
        if not recorded.is_absolute():
            tried += [base / recorded for base in (here, *here.parents[:3])]
    if sources is not None:
        folder = Path(sources)
        if recorded is not None:
            tried.append(folder / recorded.name)
        name = check_name(cat.name, path=catalogue_path) if cat.name else ""
        tried += [folder / f"{name}{s}" for s in SOURCE_SUFFIXES if name]
    for p in tried:
        if p.is_file():
            return check_source(p, cat, catalogue_path)  # a header is data, not a licence
    raise InputError(
        f"cannot find the source release {cat.source_path or cat.name!r}",
        path=catalogue_path, hint="pass --source FILE (or --sources DIR)",
    )


def block_texts(doc: Document, cat: Catalogue, *, allow_drafts: bool = False,
                report: Rendered | None = None) -> list[str | None]:
    """The translated text (with inline codes) of every block; ``None`` if not translated.

    Ids are recomputed with the catalogue's release name, so a renamed source
    file still matches; a unit whose id is unknown is looked up by source text.
    """
    src = Lang.parse(cat.src)
    by_id = {s.id: s for s in cat.segments}
    by_source: dict[str, Segment] = {}
    for s in (*cat.obsolete, *cat.segments):  # live units win over obsolete ones
        by_source[s.source.strip()] = s
    rep = report if report is not None else Rendered("", "")
    name = cat.name or doc.name
    out: list[str | None] = []
    for b, block in enumerate(doc.blocks):
        if not block.translate or not block.text.strip():
            out.append(None)
            continue
        parts, pos = [], 0
        for i, (start, end, text) in enumerate(block_sentences(block, src)):
            seg = by_id.get(segment_id(name, b, i, text)) or by_source.get(text)
            parts.append(block.text[pos:start])
            parts.append(_target(seg, text, allow_drafts, rep, f"{doc.path}:{block.line}"))
            pos = end
        parts.append(block.text[pos:])
        out.append("".join(parts))
    return out


def _target(seg: Segment | None, text: str, allow_drafts: bool, rep: Rendered, where: str) -> str:
    usable = seg is not None and seg.target.strip() and (
        allow_drafts or seg.state not in (State.DRAFT, State.UNTRANSLATED))
    if not usable:
        rep.kept += 1
        why = "no unit in the catalogue" if seg is None else f"unit {seg.id} is {seg.state.value}"
        rep.warnings.append(f"{where}: kept the source sentence ({why}): {plain(text)[:60]}")
        return text
    assert seg is not None
    rep.translated += 1
    rep.warnings.extend(f"{where}: unit {seg.id}: {p}" for p in check(seg.source, seg.target))
    return tidy(seg.target.strip())


def render(source: str | os.PathLike, cat: Catalogue, *, allow_drafts: bool = False) -> Rendered:
    """The translated release as text, in the format of ``source`` (chosen by suffix)."""
    from .ingest.decode import read_text

    path = Path(source)
    text = read_text(path).text
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _render_html(text, path, cat, allow_drafts)
    if suffix in MD_SUFFIXES:
        return _render_markdown(text, path, cat, allow_drafts)
    return _render_text(text, path, cat, allow_drafts)


def _render_text(text: str, path: Path, cat: Catalogue, allow_drafts: bool) -> Rendered:
    from .ingest.text import parse_text

    doc = parse_text(text, path.stem, str(path))
    rep = Rendered("", path.suffix)
    targets = block_texts(doc, cat, allow_drafts=allow_drafts, report=rep)
    lines = text.split("\n")
    by_line = {b.line: (b, t) for b, t in zip(doc.blocks, targets) if t is not None}
    start = doc.blocks[0].line - 1 if doc.blocks else len(lines)
    out = []
    for i in range(start, len(lines)):
        hit = by_line.get(i + 1)
        if hit is None:
            out.append(lines[i])
            continue
        block, target = hit
        out.append(block.prefix + target + ("\r" if lines[i].endswith("\r") else ""))
    rep.text = "\n".join(out)
    return rep


def _render_markdown(text: str, path: Path, cat: Catalogue, allow_drafts: bool) -> Rendered:
    from .ingest.markdown import extract

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
    rep.text = "\n".join(lines)
    return rep


def _render_html(text: str, path: Path, cat: Catalogue, allow_drafts: bool) -> Rendered:
    import lxml.html

    from .ingest.html import extract

    ex = extract(text, path.stem, str(path))
    rep = Rendered("", path.suffix)
    targets = block_texts(ex.doc, cat, allow_drafts=allow_drafts, report=rep)
    for slot, block, target in zip(ex.slots, ex.doc.blocks, targets):
        if slot is not None and target is not None:
            _replace(slot, target, block.codes)
    src, tgt = Lang.parse(cat.src), Lang.parse(cat.tgt)
    root = ex.root
    root.set("lang", tgt.bcp47)
    if tgt.code == "ar":
        root.set("dir", "rtl")
    for el in ex.chrome:
        if el.getparent() is not None and el.get("lang") is None and plain(el.text_content()):
            el.set("lang", src.bcp47)
    _retitle(root, ex.doc, targets)
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


def default_out(catalogue_path: str | os.PathLike, cat: Catalogue, source: Path) -> Path:
    """``<catalogue folder>/<release>.<lang><suffix>``, e.g. ``locales/en/rel.en.html``."""
    name = check_name(cat.name or source.stem, path=catalogue_path)
    lang = check_name(cat.tgt, what="language", path=catalogue_path)
    folder = Path(catalogue_path).parent
    return inside(folder, folder / f"{name}.{lang}{source.suffix}")


def publish(catalogue_path: str | os.PathLike, source_path: str | os.PathLike | None = None,
            out_path: str | os.PathLike | None = None, *, allow_drafts: bool = False,
            warn: Warn | None = None) -> Path:
    """Write the translated release of a reviewed catalogue; returns the path written.

    Raises ConflictError while units are still drafts (unless ``allow_drafts``);
    ``source_path`` defaults to the release recorded in the catalogue. Every
    sentence kept in the source language is reported through ``warn``.
    """
    cat = read_file(catalogue_path)
    if not allow_drafts:
        refuse_drafts(cat, catalogue_path)
    source = Path(source_path) if source_path else find_source(cat, catalogue_path)
    result = render(source, cat, allow_drafts=allow_drafts)
    out = Path(out_path) if out_path else default_out(catalogue_path, cat, source)
    if out.resolve() == source.resolve():
        raise ConflictError("refusing to overwrite the source release", path=out)
    write_bytes_atomic(out, result.text.encode("utf-8"))
    for message in result.warnings:
        if warn is not None:
            warn(message)
    return out
