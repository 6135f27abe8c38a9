"""What every renderer shares: matching catalogue units to the source's sentences.

Publishing re-ingests the source release, so the layout comes from the source
and only the text comes from the catalogue: units are matched to sentences by
segment id (release, block, sentence, source hash), falling back to the source
text when the release moved. A sentence with no usable translation keeps its
source text and produces a warning.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConflictError, InputError
from ..inline import check, plain, tidy
from ..langs import Lang
from ..locales import check_name, inside
from ..model import Catalogue, Document, Segment, State, segment_id
from ..pipeline import block_sentences
from ..provenance import check_source

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
    used: list[Segment] = field(default_factory=list)  # the units whose targets were published
    doc: Document | None = None  # the source as the renderer read it

    @property
    def drafts(self) -> int:
        """Published units nobody has confirmed: the page must say it is machine output."""
        return sum(1 for s in self.used if s.state in (State.DRAFT, State.UNTRANSLATED))


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
    """The source release of ``cat``: a file of that name in ``sources``, else its recorded path.

    The recorded path (``X-Toolkit-Source`` in PO, ``original`` in XLIFF) is
    relative to the catalogue's folder (see :func:`toolkit.provenance.recorded_path`);
    catalogues written before that recorded it relative to the working folder,
    which is tried next. Parent folders are never searched: an older copy of the
    release there is exactly what must not be published.
    """
    here = Path(catalogue_path).resolve().parent
    recorded = Path(cat.source_path) if cat.source_path else None
    tried: list[Path] = []
    if sources is not None:  # a folder the user names comes before what the file recorded
        folder = Path(sources)
        if recorded is not None:
            tried.append(folder / recorded.name)
        name = check_name(cat.name, path=catalogue_path) if cat.name else ""
        tried += [folder / f"{name}{s}" for s in SOURCE_SUFFIXES if name]
    if recorded is not None:
        tried += [recorded] if recorded.is_absolute() else [here / recorded, recorded]
    for p in tried:
        if p.is_file():
            return check_source(p, cat, catalogue_path)  # a header is data, not a licence
    raise InputError(
        f"cannot find the source release {cat.source_path or cat.name!r}",
        path=catalogue_path, hint="pass --source with the release file, or the folder holding it",
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
    rep.doc = doc
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
    rep.used.append(seg)
    rep.warnings.extend(f"{where}: unit {seg.id}: {p}" for p in check(seg.source, seg.target))
    return tidy(seg.target.strip())


def default_out(catalogue_path: str | os.PathLike, cat: Catalogue, source: Path) -> Path:
    """``<catalogue folder>/<release>.<lang><suffix>``, e.g. ``locales/en/rel.en.html``."""
    name = check_name(cat.name or source.stem, path=catalogue_path)
    lang = check_name(cat.tgt, what="language", path=catalogue_path)
    folder = Path(catalogue_path).parent
    return inside(folder, folder / f"{name}.{lang}{source.suffix}")
