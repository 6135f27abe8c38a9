"""Running the registered checks over segments; the registry is filled here.

Each check is one ``register(name, category, function, *codes)`` line; a new
module (e.g. ``codes.py`` for inline codes) adds one line below.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from ..model import Segment
from .acronyms import check_acronyms
from .codes import check_codes
from .issue import Issue
from .leaks import check_contact_labels, check_foreign_format, check_leaked_words
from .numbers import check_numbers
from .registry import REGISTRY, Registered, register
from .spans import blank_verbatim as _hidden
from .spans import check_markers, check_spans
from .text import (
    check_empty,
    check_end_punctuation,
    check_length,
    check_repetition,
    check_untranslated,
)
from .typography import check_french_typography, check_spanish_marks
from .whitespace import check_whitespace

Check = Callable[[Segment], list[Issue]]

register("empty", "critical", check_empty, "empty-target")
register("untranslated", "functional", check_untranslated)
register("numbers", "critical", check_numbers, "number-missing", "number-added",
         "currency-mismatch")
register("spans", "critical", check_spans, "span-missing", "span-added")
register("markers", "critical", check_markers, "engine-marker", "placeholder-left")
register("repetition", "functional", check_repetition)
register("length", "functional", check_length, "length-ratio")
register("end-punctuation", "cosmetic", check_end_punctuation)
register("whitespace", "functional", check_whitespace, "double-space", "leading-space",
         "trailing-space")
register("leaked-words", "functional", check_leaked_words, "leaked-word")
register("contact-labels", "functional", check_contact_labels, "contact-label")
register("foreign-format", "cosmetic", check_foreign_format, "foreign-typography",
         "number-format")
register("fr-typography", "cosmetic", check_french_typography)
register("es-typography", "cosmetic", check_spanish_marks)
register("codes", "critical", check_codes, "code-missing", "code-extra", "code-duplicated",
         "code-broken")
# Glossary-aware checks: bound to a glossary at run time.
GLOSSARY_CHECKS = {"acronyms": ("functional", ("acronym-missing", "acronym-untranslated")),
                   "terms": ("critical", ("term-missing", "term-forbidden"))}

_IGNORE = re.compile(r"qa-ignore:\s*([\w ,-]+)")


def title(check: Callable[..., object]) -> str:
    """A check's title: the first line of its docstring."""
    return (check.__doc__ or check.__name__).strip().splitlines()[0]


def listing() -> list[tuple[str, str, str]]:
    """(name, category, title) of every check, for ``toolkit qa --list``."""
    rows = [(r.name, r.category, r.title) for r in REGISTRY.values()]
    rows.append(("acronyms", "functional", title(check_acronyms)))
    rows.append(("terms", "critical", "Glossary terms not rendered as the glossary requires"))
    return rows


def names() -> set[str]:
    return set(REGISTRY) | set(GLOSSARY_CHECKS)


def _terms(glossary: object) -> Check | None:
    try:
        from .terms import check_terms
    except ImportError:  # glossary support not in this tree
        return None

    def check_glossary(seg: Segment) -> list[Issue]:
        """Glossary terms not rendered as the glossary requires."""
        # Handles, e-mails and URLs are copied verbatim, never terms: @OIM_Niger is not OIM.
        return check_terms(_hidden(seg.source), _hidden(seg.target), glossary,  # type: ignore[arg-type]
                           seg.src.split("-")[0], seg.tgt.split("-")[0], segment_id=seg.id)

    return check_glossary


def checks_for(glossary: object | None = None, *, only: Iterable[str] = (),
               skip: Iterable[str] = ()) -> list[Check]:
    """The checks to run: all, or ``only`` those named, minus ``skip``."""
    return [c for _, c in _selected(glossary, only, skip)]


def _selected(glossary: object | None, only: Iterable[str], skip: Iterable[str]
              ) -> list[tuple[Registered, Check]]:
    only, skip = set(only), set(skip)
    unknown = (only | skip) - names()
    if unknown:
        raise ValueError(f"unknown QA check {sorted(unknown)[0]!r}; see toolkit qa --list")
    out: list[tuple[Registered, Check]] = [(r, r.check) for r in REGISTRY.values()]
    terms = _terms(glossary) if glossary is not None else None
    acr = functools.partial(check_acronyms, glossary=glossary, skip_glossary_terms=terms is not None)
    cat, codes = GLOSSARY_CHECKS["acronyms"]
    out.append((Registered("acronyms", cat, check_acronyms, codes), acr))
    if terms:
        cat, codes = GLOSSARY_CHECKS["terms"]
        out.append((Registered("terms", cat, terms, codes), terms))
    return [(r, c) for r, c in out if (not only or r.name in only) and r.name not in skip]


def ignored(seg: Segment) -> set[str]:
    """Check names or issue codes a reviewer silenced on this unit (``qa-ignore: a, b``)."""
    out: set[str] = set()
    for text in (*seg.comments, *(n.text for n in seg.notes)):
        for m in _IGNORE.finditer(text):
            out |= {w.strip() for w in m.group(1).replace(",", " ").split() if w.strip()}
    return out


def run_checks(segments: Iterable[Segment], glossary: object | None = None, *,
               only: Iterable[str] = (), skip: Iterable[str] = ()) -> list[Issue]:
    """All issues of all segments, in segment order then check order.

    A check that fails on odd input yields a ``qa-internal`` warning instead
    of stopping the run: QA reports, it never raises. Checks a unit's
    ``qa-ignore:`` comment names (by check or issue code) are not reported.
    """
    checks = _selected(glossary, only, skip)
    issues: list[Issue] = []
    for seg in segments:
        silent = ignored(seg)
        for reg, check in checks:
            if reg.name in silent:
                continue
            try:
                issues.extend(i for i in check(seg) if i.code not in silent)
            except Exception as exc:  # noqa: BLE001 - a QA run must not die on one unit
                issues.append(Issue("qa-internal", "warning",
                                    f"{reg.name} failed: {type(exc).__name__}: {exc}", seg.id))
    return issues
