"""Write a ready OmegaT project from the catalogues of one target language.

Layout (OmegaT's defaults, so ``omegat.project`` says ``__DEFAULT__``)::

    PROJECT/omegat.project            languages, tokenizers, sentence segmentation off
    PROJECT/omegat/filters.xml        PO filter: the header is not a segment
    PROJECT/omegat/project_save.tmx   human translations: the project's own memory
    PROJECT/source/<release>.po       French sources, empty msgstr, unit ids in "#:"
    PROJECT/tm/auto/<release>.tmx     machine and memory drafts: inserted where empty
    PROJECT/tm/<release>-suggestions.tmx  other suggestions: shown as fuzzy matches
    PROJECT/glossary/glossary.txt     source<TAB>target<TAB>comment
    PROJECT/target/, dictionary/      empty; OmegaT writes target/

OmegaT 3.6 has no ``tm/mt/`` folder (4.x shows it as machine translation);
``tm/auto/`` is the one that fills segments, which is what a reviewer
editing drafts wants. Units stay units: our segments are already sentences,
so OmegaT's own segmentation is off.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import polib
from lxml import etree

from ..errors import InputError
from ..fileio import write_bytes_atomic
from ..formats import tmx
from ..formats.po import id_token
from ..formats.states import BASE_HEADER, base_key, fingerprint
from ..langs import Lang
from ..locales import check_name, current_catalogue, inside, is_catalogue
from ..model import Catalogue, Origin, Segment, State

TREE_HEADER = "X-Toolkit-Tree"  # the locales tree, relative to the project
_HUMAN = (State.TRANSLATED, State.REVIEWED, State.FINAL)
# OmegaT's Lucene tokenizers by ISO 639-1 code; others get the default tokenizer.
_TOKENIZERS = {"fr": "French", "en": "English", "es": "Spanish", "pt": "Portuguese",
               "it": "Italian", "de": "German", "ca": "Catalan", "gl": "Galician",
               "nl": "Dutch", "ar": "Arabic", "ru": "Russian"}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What :func:`export_project` wrote."""

    project: Path
    src: str
    tgt: str
    releases: tuple[str, ...]
    written: tuple[Path, ...]
    drafts: int  # units offered from tm/auto
    human: int  # units in the project memory
    untranslated: int
    terms: int  # glossary lines


def _tokenizer(lang: Lang) -> str:
    name = _TOKENIZERS.get(lang.iso639_1)
    return f"org.omegat.tokenizer.Lucene{name}Tokenizer" if name else \
        "org.omegat.tokenizer.DefaultTokenizer"


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def project_file(src: Lang, tgt: Lang) -> bytes:
    """``omegat.project`` for ``src`` → ``tgt`` with the default folders."""
    root = etree.Element("omegat")
    proj = etree.SubElement(root, "project", version="1.0")
    for tag in ("source_dir", "target_dir", "tm_dir", "glossary_dir", "glossary_file",
                "dictionary_dir"):
        etree.SubElement(proj, tag).text = "__DEFAULT__"
    fields = (("source_lang", src.bcp47), ("target_lang", tgt.bcp47),
              ("source_tok", _tokenizer(src)), ("target_tok", _tokenizer(tgt)),
              ("sentence_seg", "false"), ("support_default_translations", "true"),
              ("remove_tags", "false"))
    for tag, text in fields:
        etree.SubElement(proj, tag).text = text
    return _xml(root)


def filters_file() -> bytes:
    """``omegat/filters.xml``: OmegaT adds every filter not named here with its defaults."""
    root = etree.Element("filters", removeTags="false", removeSpacesNonseg="false",
                         preserveSpaces="true", ignoreFileContext="false")
    flt = etree.SubElement(root, "filter", className="org.omegat.filters2.po.PoFilter",
                           enabled="true")
    etree.SubElement(flt, "files", sourceFilenameMask="*.po", targetFilenamePattern="${filename}",
                     sourceEncoding="UTF-8", targetEncoding="UTF-8")
    # The header carries the toolkit's fields; as a segment it would be 80 words to translate.
    for name, value in (("skipHeader", "true"), ("allowBlank", "false"),
                        ("allowEditingBlankSegment", "false"), ("formatMonolingual", "false")):
        etree.SubElement(flt, "option", name=name, value=value)
    return _xml(root)


def _exported(seg: Segment) -> tuple[str, State]:
    """What the project offers for ``seg`` (target, state): the base of the later import."""
    return seg.target, seg.state


def source_po(cat: Catalogue, tree: str, repeated: set[str] | None = None) -> bytes:
    """The French sources of ``cat`` as a PO file with every ``msgstr`` empty.

    The unit id rides on the ``#:`` line as in the toolkit's own PO files, and
    the header records the release, the languages, the tree and, per unit,
    the fingerprint of what the project offers (see :func:`_exported`).
    A sentence in ``repeated`` (default: those repeated within ``cat``) gets
    its unit id as ``msgctxt``, which OmegaT takes as the occurrence's key.
    """
    # No wrapping: OmegaT keys an occurrence by the first msgctxt line only.
    po = polib.POFile(wrapwidth=0)
    po.header = f"Sources of {cat.name} for OmegaT: translate in OmegaT, not here."
    po.metadata = {
        "Project-Id-Version": cat.name,
        "Language": Lang.parse(cat.tgt).posix,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": Lang.parse(cat.src).bcp47,
        "X-Toolkit-Release": cat.name,
        TREE_HEADER: tree,
        BASE_HEADER: " ".join(f"{base_key(s.id)}={fingerprint(*_exported(s))}"
                              for s in cat.segments),
    }
    if repeated is None:
        repeated = _repeated([cat])
    for seg in cat.segments:
        refs = [tuple(seg.ref.rsplit(":", 1))] if ":" in seg.ref else []
        refs.append((id_token(seg.id), ""))
        entry = polib.POEntry(msgid=seg.source, msgstr="", occurrences=refs,
                              comment="\n".join(n.text for n in seg.notes))
        if seg.source in repeated:  # gettext needs a context for a repeated msgid
            entry.msgctxt = seg.id
        po.append(entry)
    return str(po).encode("utf-8")


def _tmx(cat: Catalogue, segs: list[Segment], now: datetime, tool: str,
         context: dict[str, tuple[tuple[str, str], ...]] | None = None) -> bytes:
    buf = io.BytesIO()
    tmx.write(replace(cat, segments=tuple(segs)), buf, now=now, tool=tool, context=context)
    return buf.getvalue()


def _repeated(cats: list[Catalogue]) -> set[str]:
    counts = Counter(s.source for c in cats for s in c.segments)
    return {text for text, n in counts.items() if n > 1}


def project_memory(cats: list[Catalogue], repeated: set[str]
                   ) -> tuple[list[Segment], dict[str, tuple[tuple[str, str], ...]]]:
    """The units of ``omegat/project_save.tmx`` and OmegaT's key for those bound to one place.

    OmegaT gives every occurrence of a sentence its one *default* translation
    unless an *alternative* is keyed to the occurrence (file and, for PO,
    the msgctxt it calls "path"). A human translation is the default only
    when it is the sentence's only occurrence or every occurrence has that
    same human text; otherwise each human occurrence gets its alternative,
    so two different translations stay two, and a repeat still in draft is
    filled from ``tm/auto`` rather than silently taking the human text.
    """
    by_source: dict[str, list[tuple[Catalogue, Segment]]] = {}
    for cat in cats:
        for seg in cat.segments:
            by_source.setdefault(seg.source, []).append((cat, seg))
    units: list[Segment] = []
    context: dict[str, tuple[tuple[str, str], ...]] = {}
    for text, places in by_source.items():
        human = [(c, s) for c, s in places if s.target and s.state in _HUMAN]
        if not human:
            continue
        if text not in repeated or (len(human) == len(places)
                                    and len({s.target for _, s in human}) == 1):
            units.append(human[0][1])
            continue
        for cat, seg in human:
            units.append(seg)
            context[seg.id] = (("file", f"{cat.name}.po"), ("path", polib.escape(seg.id)))
    return units, context


def _suggestions(cat: Catalogue) -> list[Segment]:
    """Memory matches and the previous translation of a changed sentence, as units of their own.

    Under ``tm/`` OmegaT shows them as fuzzy matches of the new sentence, with their own source.
    """
    out = []
    for seg in cat.segments:
        pairs = [(a.source or seg.source, a.target) for a in seg.alternatives]
        if seg.previous_target:
            pairs.append((seg.previous_source or seg.source, seg.previous_target))
        for n, (source, target) in enumerate(dict.fromkeys(pairs)):
            if target and target != seg.target:
                out.append(Segment(id=f"{seg.id}#alt{n}", source=source, src=cat.src,
                                   tgt=cat.tgt, target=target, origin=Origin.TM_FUZZY,
                                   state=State.DRAFT, ref=seg.ref))
    return out


def glossary_lines(glossary, src: Lang, tgt: Lang) -> list[str]:
    """OmegaT glossary lines ``source<TAB>target<TAB>comment``, one per source term."""
    lines = []
    for concept in glossary:
        for term in concept.approved(src.iso639_1):
            target = concept.preferred(tgt.iso639_1, term.type)
            if target is None:
                continue
            comment = concept.note or term.note
            forbidden = [t.text for t in concept.forbidden(tgt.iso639_1)]
            if forbidden:
                sep = " " if comment.endswith((".", "!", "?")) else "; " if comment else ""
                comment += sep + "Not: " + ", ".join(forbidden)
            cells = [" ".join(x.split()) for x in (term.text, target.text, comment)]
            lines.append("\t".join(cells).rstrip("\t"))
    return sorted(dict.fromkeys(lines))


def _languages(locales: Path) -> list[str]:
    return sorted(d.name for d in locales.iterdir()
                  if d.is_dir() and not d.name.startswith(".")
                  and any(is_catalogue(f) for f in d.iterdir() if f.is_file()))


def _relative(target: Path, start: Path) -> str:
    try:
        return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
    except ValueError:  # another drive
        return str(target.resolve())


def export_project(locales: str | os.PathLike, project: str | os.PathLike, *,
                   tgt: str | None = None, glossary=None, now: datetime, tool: str
                   ) -> ExportResult:
    """Write an OmegaT project for the catalogues of ``locales/<tgt>/``.

    ``tgt`` may be left out when the tree holds one language. ``glossary``
    (a :class:`toolkit.glossary.Glossary`, or None) becomes the project's
    glossary. A folder that already holds an OmegaT project is refused: its
    project memory is the translator's work.
    """
    root, out = Path(locales), Path(project)
    if not root.is_dir():
        raise InputError("not a folder of catalogues", path=root,
                         hint="give the tree `toolkit translate --out` wrote")
    langs = _languages(root)
    if not langs:
        raise InputError("no catalogues under <lang>/ in this folder", path=root)
    if tgt is None:
        if len(langs) > 1:
            raise InputError(f"the tree holds {len(langs)} languages ({', '.join(langs)})",
                             path=root, hint="choose one with --to")
        tgt = langs[0]
    lang = Lang.parse(tgt)
    if lang.posix not in langs:
        raise InputError(f"no catalogues in {lang.bcp47} here", path=root, lang=lang.bcp47,
                         hint=f"the tree holds {', '.join(langs)}")
    if (out / "omegat.project").exists():
        raise InputError("an OmegaT project is already there", path=out,
                         hint="import its target files first, then export into a new folder")
    names = sorted({check_name(f.stem) for f in (root / lang.posix).iterdir()
                    if f.is_file() and is_catalogue(f)})
    cats = [current_catalogue(root, lang, name) for name in names]
    cats = [c for c in cats if c is not None]
    src = Lang.parse(cats[0].src)
    tree = _relative(root, out)
    files: list[tuple[Path, bytes]] = []
    repeated = _repeated(cats)
    human = drafts = untranslated = 0
    for cat in cats:
        files.append((out / "source" / f"{cat.name}.po", source_po(cat, tree, repeated)))
        draft = [s for s in cat.segments if s.target and s.state == State.DRAFT]
        human += sum(1 for s in cat.segments if s.target and s.state in _HUMAN)
        untranslated += sum(1 for s in cat.segments if not s.target)
        drafts += len(draft)
        if draft:
            files.append((out / "tm" / "auto" / f"{cat.name}.tmx", _tmx(cat, draft, now, tool)))
        alts = _suggestions(cat)
        if alts:
            files.append((out / "tm" / f"{cat.name}-suggestions.tmx",
                          _tmx(cat, alts, now, tool)))
    units, context = project_memory(cats, repeated)
    memory = replace(cats[0], name="project_save", segments=tuple(units))
    files.append((out / "omegat" / "project_save.tmx",
                  _tmx(memory, units, now, tool, context)))
    lines = glossary_lines(glossary, src, lang) if glossary is not None else []
    files.append((out / "glossary" / "glossary.txt",
                  "".join(line + "\n" for line in lines).encode("utf-8")))
    files.append((out / "omegat" / "filters.xml", filters_file()))
    files.append((out / "omegat.project", project_file(src, lang)))
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("target", "dictionary", "tm/auto"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for path, data in files:  # omegat.project last: a project is complete once it exists
        write_bytes_atomic(inside(out, path), data)
    return ExportResult(project=out, src=src.bcp47, tgt=lang.bcp47,
                        releases=tuple(c.name for c in cats),
                        written=tuple(p for p, _ in files), drafts=drafts,
                        human=human, untranslated=untranslated, terms=len(lines))
