"""A small static multilingual site from a locales tree.

``build_site("locales", "site")`` reads every ``locales/<lang>/<release>.po``
(or ``.xlf``), finds each release's source (recorded in the catalogue, or by
name in a sources folder) and writes::

    site/index.html                 languages
    site/<lang>/index.html          the releases in that language
    site/<lang>/<release>.html      one page per release and language

Every page is UTF-8 HTML5 with relative links, ``<link rel="alternate"
hreflang>`` for each language the page exists in (plus ``x-default``, the
source language) and a language switcher. Pages are rebuilt from the release's
blocks, whatever its format, with inline markup turned into HTML.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml.html import builder as E

from ..errors import ConflictError, InputError
from ..fileio import write_bytes_atomic
from ..inline import Code, fill, plain
from ..langs import Lang
from ..locales import check_name, inside, is_catalogue, read_current
from ..model import Block, BlockKind, Catalogue, Document
from ..provenance import check_current
from .core import Rendered, Warn, block_texts, find_source, pending
from .guard import banner, describe, fact_errors, refuse_facts
from .guard import notice as notice_for

_STYLE = ("body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
          "line-height:1.5}nav.languages ul{list-style:none;padding:0;display:flex;gap:1rem}"
          "nav.languages [aria-current]{font-weight:bold}.contact{border-top:1px solid #ccc}")


@dataclass(frozen=True, slots=True)
class Version:
    """One release in one language: its blocks and their (translated) texts."""

    release: str
    lang: str  # BCP 47
    blocks: tuple[Block, ...]
    texts: tuple[str, ...]  # text with codes, one per block
    codes: tuple[tuple[Code, ...], ...]  # HTML codes, one tuple per block
    drafts: int = 0  # machine drafts among the published sentences

    @property
    def title(self) -> str:
        for block, text in zip(self.blocks, self.texts):
            if block.kind == BlockKind.TITLE:
                return plain(text)
        return self.release


def _catalogues(locales: Path) -> list[tuple[Path, Catalogue]]:
    """One catalogue per language folder and release, its copies merged by the one rule
    for the current catalogue (:func:`toolkit.locales.read_current`), so an edit saved
    in place in any copy is published whichever file is newest."""
    if not locales.is_dir():
        raise InputError("not a locales folder", path=locales)
    copies: dict[tuple[str, str], list[Path]] = {}
    for lang_dir in sorted(p for p in locales.iterdir() if p.is_dir()):
        for f in sorted(lang_dir.iterdir()):
            if is_catalogue(f) and f.is_file():
                copies.setdefault((lang_dir.name, f.stem), []).append(f)
    if not copies:
        raise InputError("no .po or .xlf catalogues under <lang>/ folders", path=locales)
    return [(copies[k][0], read_current(copies[k])) for k in sorted(copies)]


def _html_codes(doc: Document, refs: dict) -> tuple[tuple[Code, ...], ...]:
    if doc.fmt != "markdown":
        return tuple(b.codes for b in doc.blocks)
    from ..ingest.mdinline import to_html_code

    return tuple(tuple(to_html_code(c, refs) for c in b.codes) for b in doc.blocks)


def _load_source(path: Path) -> tuple[Document, dict]:
    from ..ingest import load

    if path.suffix.lower() in (".md", ".markdown"):
        from ..ingest.decode import read_text
        from ..ingest.markdown import extract

        ex = extract(read_text(path).text, path.stem, str(path))
        return ex.doc, ex.refs
    return load(path), {}


def collect(locales: str | os.PathLike, *, sources: str | os.PathLike | None = None,
            allow_drafts: bool = False, force: bool = False,
            warn: Warn | None = None) -> dict[str, list[Version]]:
    """Every release in every language found under ``locales``, source language first.

    Refuses (ConflictError) drafts unless ``allow_drafts``, a source that is not the
    catalogue's release, and fact errors in published units unless ``force``.
    """
    found = _catalogues(Path(locales))
    drafts = [(p, pending(c)) for p, c in found if pending(c)]
    if drafts and not allow_drafts:
        total = sum(n for _, n in drafts)
        listing = ", ".join(f"{p.parent.name}/{p.name} ({n})" for p, n in drafts)
        raise ConflictError(f"{total} unit(s) are still drafts: {listing}", path=locales,
                            hint="review them, or build anyway with --allow-drafts")
    site: dict[str, list[Version]] = {}
    docs: dict[str, tuple[Document, tuple]] = {}
    facts: list[tuple[Path, Catalogue, list]] = []
    for path, cat in found:
        name = check_name(cat.name or path.stem, path=path)
        check_name(cat.tgt, what="language", path=path)
        if name not in docs:
            doc, refs = _load_source(find_source(cat, path, sources))
            codes = _html_codes(doc, refs)
            docs[name] = (doc, codes)
            texts = tuple(b.text for b in doc.blocks)
            site[name] = [Version(name, cat.src, doc.blocks, texts, codes)]
        doc, codes = docs[name]
        if any(v.lang == cat.tgt for v in site[name]):
            continue
        check_current(doc, cat, path)
        report = Rendered("", "")
        translated = block_texts(doc, cat, allow_drafts=allow_drafts, report=report)
        if errors := fact_errors(report.used):
            facts.append((path, cat, errors))
        for message in report.warnings if warn is not None else ():
            warn(f"{path.parent.name}/{path.name}: {message}")
        texts = tuple(t if t is not None else b.text for b, t in zip(doc.blocks, translated))
        site[name].append(Version(name, cat.tgt, doc.blocks, texts, codes, report.drafts))
    if facts and not force:
        path, cat, _ = facts[0]
        refuse_facts([i for *_, errors in facts for i in errors], path, cat.tgt)
    for path, _, errors in facts if warn is not None else ():
        for issue in errors:
            warn(f"{path.parent.name}/{path.name}: published anyway (--force): {describe(issue)}")
    return site


def _name(lang: str) -> str:
    """The language's name for itself (CLDR), as a language menu shows it."""
    return Lang.parse(lang).profile.endonym


def _head(title: str, lang: str, alternates: Sequence[tuple[str, str]], default: str):  # noqa: ANN202
    links = [E.LINK(rel="alternate", hreflang=code, href=href) for code, href in alternates]
    links.append(E.LINK(rel="alternate", hreflang="x-default", href=default))
    return E.HEAD(E.META(charset="utf-8"),
                  E.META(name="viewport", content="width=device-width, initial-scale=1"),
                  E.TITLE(title), *links, E.STYLE(_STYLE))


def _switcher(current: str, alternates: Sequence[tuple[str, str]]):  # noqa: ANN202
    items = []
    for code, href in alternates:
        if code == current:
            items.append(E.LI(E.SPAN(_name(code), {"aria-current": "page", "lang": code})))
        else:
            items.append(E.LI(E.A(_name(code), href=href, hreflang=code, lang=code)))
    return E.NAV(E.UL(*items), {"class": "languages", "aria-label": "Languages"})


def _page(lang: str, title: str, alternates: Sequence[tuple[str, str]], default: str,
          body: list) -> bytes:
    attrs = {"lang": lang}
    if Lang.parse(lang).profile.rtl:
        attrs["dir"] = "rtl"
    html = E.HTML(_head(title, lang, alternates, default),
                  E.BODY(_switcher(lang, alternates), *body), attrs)
    return lxml.html.tostring(html, doctype="<!DOCTYPE html>", encoding="utf-8", pretty_print=True)


_TAGS = {BlockKind.TITLE: "h1", BlockKind.HEADING: "h2", BlockKind.PARAGRAPH: "p",
         BlockKind.CONTACT: "p", BlockKind.LIST_ITEM: "li"}


def _article(version: Version, notice: bool = True) -> list:
    """Block elements for one version; consecutive list items share one list."""
    main, contact = E.ARTICLE(), None
    if notice and version.drafts:
        main.append(banner(notice_for(version.lang), version.lang))
    current_list = None
    for block, text, codes in zip(version.blocks, version.texts, version.codes):
        target = main if contact is None else contact
        if block.kind == BlockKind.SEPARATOR:
            target.append(E.HR())
            current_list = None
            continue
        if block.kind == BlockKind.CONTACT and contact is None:
            contact = E.SECTION({"class": "contact"})
            main.append(contact)
            target, current_list = contact, None
        bullet = block.prefix.strip()
        listed = block.kind == BlockKind.LIST_ITEM or (block.kind == BlockKind.CONTACT and bullet)
        if listed:
            tag = "ol" if bullet[:1].isdigit() else "ul"
            fresh = current_list is None or current_list.tag != tag
            if fresh or current_list.getparent() is not target:
                current_list = lxml.html.Element(tag)
                target.append(current_list)
            el = lxml.html.Element("li")
            current_list.append(el)
        else:
            current_list = None
            el = lxml.html.Element(_TAGS.get(block.kind, "p"))
            target.append(el)
        fill(el, text, codes)
        if not block.translate:
            el.set("translate", "no")
    return [E.MAIN(main)]


def build_site(locales: str | os.PathLike, out: str | os.PathLike = "site", *,
               sources: str | os.PathLike | None = None, allow_drafts: bool = False,
               force: bool = False, draft_notice: bool = True,
               warn: Warn | None = None) -> list[Path]:
    """Write the static site for every catalogue under ``locales``; returns the pages written.

    Pages made from machine drafts carry a notice unless ``draft_notice`` is false.
    """
    site = collect(locales, sources=sources, allow_drafts=allow_drafts, force=force, warn=warn)
    root = Path(out)
    langs: list[str] = []
    for versions in site.values():
        for v in versions:
            if v.lang not in langs:
                langs.append(v.lang)
    source_lang = next(iter(site.values()))[0].lang
    written: list[Path] = []

    def emit(path: Path, data: bytes) -> None:
        write_bytes_atomic(inside(root, path), data)
        written.append(path)

    for name, versions in sorted(site.items()):
        alternates = [(v.lang, f"../{v.lang}/{name}.html") for v in versions]
        default = f"../{versions[0].lang}/{name}.html"
        for v in versions:
            back = E.P(E.A("↩ " + _name(v.lang), href="index.html"))
            emit(root / v.lang / f"{name}.html",
                 _page(v.lang, v.title, alternates, default, [*_article(v, draft_notice), E.FOOTER(back)]))
    index_alts = [(lang, f"../{lang}/index.html") for lang in langs]
    for lang in langs:
        items = [E.LI(E.A(v.title, href=f"{name}.html"))
                 for name, versions in sorted(site.items()) for v in versions if v.lang == lang]
        body = [E.MAIN(E.H1(_name(lang)), E.UL(*items)),
                E.FOOTER(E.P(E.A("🌐", href="../index.html")))]
        emit(root / lang / "index.html",
             _page(lang, _name(lang), index_alts, f"../{source_lang}/index.html", body))
    top_alts = [(lang, f"{lang}/index.html") for lang in langs]
    body = [E.MAIN(E.H1("Communiqués · Releases"),
                   E.UL(*[E.LI(E.A(_name(lang), href=f"{lang}/index.html", hreflang=lang,
                                   lang=lang)) for lang in langs]))]
    emit(root / "index.html",
         _page(source_lang, "Communiqués · Releases", top_alts, f"{source_lang}/index.html", body))
    return written
