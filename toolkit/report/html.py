"""The report page: built as an element tree (lxml), so every text is escaped by construction.

One page, nothing outside it: the style sheet is inlined, the chart is
inline SVG, there is no script. Colour is never the only cue: every state
has its text label, every highlight a ``title`` and a line in the unit's
findings, and the chart's numbers are in the table next to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

from lxml import etree
from lxml.html import builder as E
from lxml.html import tostring

from ..langs import Lang, as_lang
from ..model import Segment
from .chart import chart
from .marks import Mark
from .model import LABELS, Category, Release, Unit, shown

MARK_LABELS = {
    "term": "glossary term",
    "qa-error": "QA error",
    "qa-warning": "QA warning",
    "unknown": "word the engine did not know",
    "retried": "unknown word translated by another route",
    "code": "inline code (markup of the release)",
}


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _style() -> str:
    return resources.files(__package__).joinpath("data/style.css").read_text("utf-8")


def _lang_name(code: str) -> str:
    try:
        return Lang.parse(code).name
    except Exception:  # noqa: BLE001 - a label only: an odd code is shown as written
        return code


def pair(release: Release) -> str:
    cat = release.catalogue
    return f"{_lang_name(cat.src)} → {_lang_name(cat.tgt)}"


def _append(el: etree._Element, part: str | etree._Element) -> None:
    """Append text or an element at the end of ``el``'s content."""
    if isinstance(part, str):
        if len(el):
            el[-1].tail = (el[-1].tail or "") + part
        else:
            el.text = (el.text or "") + part
    else:
        el.append(part)


def _chosen(marks: Sequence[Mark], length: int) -> list[Mark]:
    """Marks that fit, without overlaps: earlier kinds (QA, unknown) win over terms."""
    taken: list[Mark] = []
    for m in marks:
        if 0 <= m.start < m.end <= length and all(m.end <= t.start or m.start >= t.end
                                                  for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


def marked(tag: str, text: str, marks: Sequence[Mark], **attrs: str) -> etree._Element:
    """An element holding ``text`` with each mark as a ``<mark>`` around its range."""
    el = E.E(tag, **attrs)
    at = 0
    for m in _chosen(marks, len(text)):
        _append(el, text[at:m.start])
        _append(el, E.MARK(text[m.start:m.end], {"class": f"m-{m.kind}", "title": m.title}))
        at = m.end
    _append(el, text[at:])
    return el


def _badge(cat: Category) -> etree._Element:
    return E.SPAN(LABELS[cat], {"class": f"badge state-{cat.value}"})


_FINDING_HEADS = (("term", "Terms"), ("unknown", "Unknown words"),
                  ("retried", "Unknown words translated by another route"),
                  ("code", "Inline codes"))


def _findings(unit: Unit) -> etree._Element:
    """The unit's findings in words: QA issues, then terms and unknown words in one line each."""
    items = [E.LI(E.SPAN(i.severity, {"class": f"sev-{i.severity}"}), f" {i.code}: {i.message}")
             for i in unit.issues]
    seg = unit.segment
    labels: dict[str, list[str]] = {kind: [] for kind, _ in _FINDING_HEADS}
    for m in unit.source_marks:
        if m.label and m.kind in labels and m.label not in labels[m.kind]:
            labels[m.kind].append(m.label)
    labels["unknown"] += [w for w in seg.unknown if w not in labels["unknown"]]
    for kind, head in _FINDING_HEADS:
        if labels[kind]:
            items.append(E.LI({"class": f"f-{kind}"}, E.SPAN(head, {"class": "f-head"}),
                              ": " + "; ".join(labels[kind])))
    items += [E.LI({"class": "f-comment"}, E.SPAN("Translator", {"class": "f-head"}), f": {c}")
              for c in seg.comments]
    return E.TD({"class": "findings"}, E.UL(*items)) if items else E.TD({"class": "findings"})


def _unit_row(rid: str, n: int, unit: Unit) -> etree._Element:
    seg: Segment = unit.segment
    cat = unit.category
    target = marked("td", seg.target, unit.target_marks, lang=seg.tgt, **{"class": "text target"})
    if as_lang(seg.tgt).profile.rtl:
        target.set("dir", "rtl")  # an Arabic target reads right to left inside the LTR page
    if not seg.target:
        target.text = "(no translation)"
        target.set("class", "text target empty")
    return E.TR(
        {"class": f"unit state-{cat.value}", "id": f"{rid}-u{n}", "data-state": cat.value,
         "data-unit": seg.id},
        E.TH(str(n), scope="row", title=seg.ref or seg.id),
        E.TD(_badge(cat), {"class": "state"}),
        marked("td", seg.source, unit.source_marks, lang=seg.src, **{"class": "text source"}),
        target,
        _findings(unit),
    )


def _release_counts(release: Release) -> etree._Element:
    counts, words = release.counts, release.words
    head = E.TR(E.TH("", scope="col"),
                *(E.TH(LABELS[c], scope="col") for c in Category), E.TH("total", scope="col"))
    units = E.TR(E.TH("units", scope="row"), *(E.TD(str(counts[c]), {"data-state": c.value})
                                               for c in Category),
                 E.TD(str(len(release.units)), {"class": "total-units"}))
    word_row = E.TR(E.TH("source words", scope="row"), *(E.TD(str(words[c])) for c in Category),
                    E.TD(str(sum(words.values())), {"class": "total-words"}))
    return E.TABLE({"class": "counts release-counts"},
                   E.CAPTION(f"Units and words by state ({release.catalogue.name}, {pair(release)})"),
                   E.THEAD(head), E.TBODY(units, word_row))


def _release(rid: str, release: Release) -> etree._Element:
    cat = release.catalogue
    f = release.findings
    rows = [_unit_row(rid, n, u) for n, u in enumerate(release.units, 1)]
    table = E.TABLE(
        {"class": "units"},
        E.CAPTION(f"Units of {cat.name}: {_lang_name(cat.src)} source, {_lang_name(cat.tgt)} target"),
        E.THEAD(E.TR(E.TH("#", scope="col"), E.TH("State", scope="col"),
                     E.TH(f"Source ({cat.src})", scope="col"),
                     E.TH(f"Target ({cat.tgt})", scope="col"),
                     E.TH("Findings", scope="col"))),
        E.TBODY(*rows))
    return E.E.section(
        {"class": "release", "id": rid, "aria-labelledby": f"{rid}-h",
         "data-release": cat.name, "data-lang": cat.tgt},
        E.H2(f"{cat.name} — {pair(release)}", id=f"{rid}-h"),
        E.P({"class": "file"}, f"File: {shown(str(release.path))}"),
        E.P({"class": "meta"}, f"{len(release.units)} units, {sum(release.words.values())} "
                                f"source words; QA: {f['error']} errors, {f['warning']} warnings."),
        _release_counts(release),
        E.H3("Units", id=f"{rid}-units"),
        table,
    )


def _summary_table(releases: Sequence[Release], ids: Sequence[str]) -> etree._Element:
    head = E.TR(E.TH("Release", scope="col"), E.TH("Languages", scope="col"),
                E.TH("Units", scope="col"), E.TH("Words", scope="col"),
                *(E.TH(LABELS[c], scope="col") for c in Category),
                E.TH("QA errors", scope="col"), E.TH("QA warnings", scope="col"))
    body = []
    for rid, r in zip(ids, releases):
        counts, f = r.counts, r.findings
        body.append(E.TR(
            {"data-release": r.catalogue.name, "data-lang": r.catalogue.tgt},
            E.TH(E.A(r.catalogue.name, href=f"#{rid}"), scope="row"),
            E.TD(pair(r), {"class": "pair"}),
            E.TD(str(len(r.units))), E.TD(str(sum(r.words.values()))),
            *(E.TD(str(counts[c]), {"data-state": c.value}) for c in Category),
            E.TD(str(f["error"])), E.TD(str(f["warning"]))))
    total = E.TR(E.TH("All releases", scope="row", colspan="2"),
                 E.TD(str(sum(len(r.units) for r in releases))),
                 E.TD(str(sum(sum(r.words.values()) for r in releases))),
                 *(E.TD(str(sum(r.counts[c] for r in releases)), {"data-state": c.value})
                   for c in Category),
                 E.TD(str(sum(r.findings["error"] for r in releases))),
                 E.TD(str(sum(r.findings["warning"] for r in releases))))
    return E.TABLE({"class": "counts summary"}, E.CAPTION("Units by state, per release"),
                   E.THEAD(head), E.TBODY(*body), E.TFOOT(total))


def _legend() -> etree._Element:
    states = E.UL({"class": "legend states"},
                  *(E.LI(_badge(c)) for c in Category))
    marks = E.UL({"class": "legend marks"},
                 *(E.LI(E.MARK(label, {"class": f"m-{kind}"})) for kind, label in MARK_LABELS.items()))
    return E.DIV({"class": "legends"}, E.H3("Key"), E.P("States:"), states,
                 E.P("Highlights (hover for details; each is also listed under Findings):"),
                 marks)


def render(releases: Sequence[Release], *, tool: str = "toolkit") -> bytes:
    """The report page for ``releases`` as UTF-8 HTML bytes (same input, same bytes)."""
    ids = [f"r{n}" for n in range(1, len(releases) + 1)]
    units = sum(len(r.units) for r in releases)
    words = sum(sum(r.words.values()) for r in releases)
    title = f"Review report: {_n(len(releases), 'catalogue')}"
    nav = E.E.nav({"aria-label": "Releases"}, E.H2("Contents"), E.OL(
        E.LI(E.A("Summary", href="#summary")),
        *(E.LI(E.A(f"{r.catalogue.name} — {pair(r)}", href=f"#{rid}"))
          for rid, r in zip(ids, releases))))
    summary = E.E.section(
        {"id": "summary", "aria-labelledby": "summary-h"},
        E.H2("Summary", id="summary-h"),
        chart(releases),
        _summary_table(releases, ids),
        _legend())
    page = E.HTML(
        {"lang": "en"},
        E.HEAD(E.META(charset="utf-8"),
               E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.META(name="generator", content=tool),
               E.TITLE(title),
               E.STYLE(_style())),
        E.BODY(
            E.E.header(E.H1("Review report"),
                       E.P({"class": "meta"}, f"{_n(len(releases), 'catalogue')}, "
                                               f"{_n(units, 'unit')}, {_n(words, 'source word')}.")),
            nav,
            E.E.main(summary, *(_release(rid, r) for rid, r in zip(ids, releases)))))
    return tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")
