"""What publishing refuses even with --allow-drafts, and how a draft page says what it is.

A wrong number, a lost e-mail address or a dropped inline code in a published
release is a fact error, not a style problem: the QA checks that guard facts
(numbers and dates by value, protected spans, inline codes) run on every unit
that is about to be published, and their errors stop the run unless forced.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..errors import ConflictError
from ..model import Segment
from ..qa.issue import Issue
from ..qa.run import run_checks

FACT_CHECKS = ("numbers", "spans", "codes")

# Shown on pages published from machine drafts. English for languages not listed.
NOTICE = {
    "en": "Machine translation, not yet reviewed by a translator.",
    "fr": "Traduction automatique, pas encore relue par un traducteur.",
    "es": "Traducción automática, aún no revisada por un traductor.",
    "pt": "Tradução automática, ainda não revista por um tradutor.",
    "it": "Traduzione automatica, non ancora rivista da un traduttore.",
    "de": "Maschinelle Übersetzung, noch nicht von einem Übersetzer geprüft.",
    "ca": "Traducció automàtica, encara no revisada per un traductor.",
}


def notice(lang: str) -> str:
    return NOTICE.get(lang.split("-")[0].lower(), NOTICE["en"])


def fact_errors(units: Iterable[Segment]) -> list[Issue]:
    """Errors of the fact-guarding checks on ``units`` (a reviewer's qa-ignore is honoured)."""
    unique = {s.id: s for s in units}.values()
    return [i for i in run_checks(unique, only=FACT_CHECKS) if i.severity == "error"]


def describe(issue: Issue) -> str:
    return f"unit {issue.segment_id}: {issue.code}: {issue.message}"


def refuse_facts(issues: list[Issue], catalogue: str | os.PathLike, lang: str,
                 *, limit: int = 20) -> None:
    """ConflictError (exit 6) listing the fact errors that stop publishing."""
    lines = [describe(i) for i in issues[:limit]]
    if len(issues) > limit:
        lines.append(f"… and {len(issues) - limit} more")
    raise ConflictError(
        f"{len(issues)} unit(s) would publish wrong facts:\n  " + "\n  ".join(lines),
        path=catalogue, lang=lang,
        hint="correct them (toolkit qa shows them all), or publish anyway with --force")


def banner(text: str, lang: str):  # noqa: ANN201 - an lxml element
    """The notice at the top of an HTML page; styled inline so it shows without the site's CSS."""
    from lxml.html import builder as E

    return E.DIV(text, {"role": "note", "class": "toolkit-draft-notice", "lang": lang,
                        "style": "border:1px solid #c60;background:#fff4e5;color:#000;"
                                 "padding:.5em 1em;margin:0 0 1em"})
