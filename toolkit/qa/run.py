"""Running every check over segments; the registry of checks lives here."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from ..model import Segment
from .acronyms import check_acronyms
from .codes import check_codes
from .issue import Issue
from .numbers import check_numbers
from .spans import check_markers, check_spans
from .text import (
    check_empty,
    check_end_punctuation,
    check_length,
    check_repetition,
    check_untranslated,
)
from .typography import check_french_typography, check_spanish_marks

Check = Callable[[Segment], list[Issue]]

CHECKS: tuple[Check, ...] = (
    check_empty, check_untranslated, check_numbers, check_spans, check_markers,
    check_repetition, check_length, check_end_punctuation, check_french_typography,
    check_spanish_marks,
    check_codes,
)


def title(check: Callable[..., object]) -> str:
    """A check's title: the first line of its docstring."""
    return (check.__doc__ or check.__name__).strip().splitlines()[0]


def _terms(glossary: object) -> Check | None:
    try:
        from .terms import check_terms
    except ImportError:  # glossary support not in this tree
        return None

    def check_glossary(seg: Segment) -> list[Issue]:
        """Glossary terms not rendered as the glossary requires."""
        return check_terms(seg.source, seg.target, glossary, seg.src.split("-")[0],  # type: ignore[arg-type]
                           seg.tgt.split("-")[0], segment_id=seg.id)

    return check_glossary


def checks_for(glossary: object | None = None) -> list[Check]:
    """Every check to run, the glossary-aware ones bound to ``glossary``."""
    terms = _terms(glossary) if glossary is not None else None
    acronyms = functools.partial(check_acronyms, glossary=glossary,
                                 skip_glossary_terms=terms is not None)
    return list(CHECKS) + [acronyms] + ([terms] if terms else [])


def run_checks(segments: Iterable[Segment], glossary: object | None = None) -> list[Issue]:
    """All issues of all segments, in segment order then check order.

    A check that fails on odd input yields a ``qa-internal`` warning instead
    of stopping the run: QA reports, it never raises.
    """
    checks = checks_for(glossary)
    issues: list[Issue] = []
    for seg in segments:
        for check in checks:
            try:
                issues.extend(check(seg))
            except Exception as exc:  # noqa: BLE001 - a QA run must not die on one unit
                name = getattr(check, "__name__", None) or check.func.__name__  # type: ignore[attr-defined]
                issues.append(Issue("qa-internal", "warning",
                                    f"{name} failed: {type(exc).__name__}: {exc}", seg.id))
    return issues
