"""The summary chart: one 100 % bar per release, split by review state, as inline SVG.

The numbers are in the summary table beside it; each bar part also has a
``<title>`` (shown on hover, read by screen readers) with its count.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml.html import builder as E

from .model import LABELS, Category, Release

COLOURS = {
    Category.UNTRANSLATED: "#8a8a8a",
    Category.MACHINE: "#e69f00",
    Category.MEMORY: "#cc79a7",
    Category.HUMAN: "#56b4e9",
    Category.REVIEWED: "#0072b2",
    Category.FINAL: "#009e73",
}
WIDTH, LABEL, BAR, GAP, TOP = 960, 300, 24, 10, 34


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def chart(releases: Sequence[Release]) -> etree._Element:
    """A figure with the chart and its caption."""
    span = WIDTH - LABEL - 60
    height = TOP + len(releases) * (BAR + GAP) + 4
    svg = E.E.svg({"class": "chart", "role": "img", "aria-labelledby": "chart-title chart-desc",
                   "viewBox": f"0 0 {WIDTH} {height}", "width": str(WIDTH), "height": str(height),
                   "xmlns": "http://www.w3.org/2000/svg"},
                  E.E.title("Review states across releases", id="chart-title"),
                  E.E.desc("Share of each release's units in each review state; "
                           "the same counts are in the table below.", id="chart-desc"))
    x = LABEL
    legend = E.E.g({"class": "chart-legend"})
    for cat in Category:  # the key, in text, above the bars
        legend.append(E.E.rect(x=str(x), y="6", width="12", height="12", fill=COLOURS[cat]))
        legend.append(E.E.text(LABELS[cat], x=str(x + 16), y="16", **{"font-size": "12"}))
        x += 34 + 8 * len(LABELS[cat])
    svg.append(legend)
    for n, release in enumerate(releases):
        y = TOP + n * (BAR + GAP)
        total = len(release.units)
        name = f"{release.catalogue.name} ({release.catalogue.tgt})"
        row = E.E.g({"class": "bar", "data-release": release.catalogue.name,
                     "data-lang": release.catalogue.tgt})
        row.append(E.E.text(_short(name), x=str(LABEL - 8), y=str(y + BAR * 0.68),
                            **{"text-anchor": "end", "font-size": "13"}))
        at = float(LABEL)
        for cat, count in release.counts.items():
            if not count:
                continue
            w = span * count / total
            part = E.E.rect({"data-state": cat.value, "data-count": str(count)},
                            x=f"{at:.1f}", y=str(y), width=f"{w:.1f}", height=str(BAR),
                            fill=COLOURS[cat], stroke="#fff")
            part.append(E.E.title(f"{name}: {count} {LABELS[cat]} of {total} units"))
            row.append(part)
            at += w
        row.append(E.E.text(f"{total} units", x=str(LABEL + span + 6), y=str(y + BAR * 0.68),
                            **{"font-size": "12"}))
        svg.append(row)
    return E.E.figure(svg, E.E.figcaption(
        "Review states across releases: each bar is one catalogue, split by the share of "
        "its units in each state."))
