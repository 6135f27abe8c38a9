"""Terminology check: glossary terms of the source rendered as the glossary says."""

from __future__ import annotations

from ..glossary.model import Glossary
from ..glossary.verify import Verifier
from .issue import Issue
from .spans import blank_verbatim

_VERIFIERS: dict[tuple[int, str, str], Verifier] = {}


def _verifier(glossary: Glossary, src: str, tgt: str) -> Verifier:
    # Building the matchers costs more than checking a sentence; reuse them per glossary.
    key = (id(glossary), src, tgt)
    cached = _VERIFIERS.get(key)
    if cached is None or cached.glossary is not glossary:
        cached = _VERIFIERS[key] = Verifier(glossary, src, tgt)
    return cached


def check_terms(source: str, target: str, glossary: Glossary, src: str = "fr", tgt: str = "en",
                *, segment_id: str = "") -> list[Issue]:
    """Required term missing, or a forbidden rendering used.

    ``term-missing`` (error) when a concept occurs more often in the source
    than its approved renderings in the target; ``term-forbidden`` for each
    deprecated rendering present: an error when it stands in for a missing
    term, a warning when the approved term is there as well. Empty targets
    are not checked (an untranslated unit is another check's business).

    >>> from toolkit.glossary import load_default
    >>> [i.code for i in check_terms("Les passeurs", "The passers", load_default())]
    ['term-missing', 'term-forbidden']
    """
    if not target.strip():
        return []
    # Handles, e-mails and URLs are copied verbatim: @OIM_Niger is not the term OIM.
    source, target = blank_verbatim(source), blank_verbatim(target)
    issues: list[Issue] = []
    for check in _verifier(glossary, src, tgt).check(source, target):
        concept = check.concept
        wanted = concept.preferred(tgt, check.sources[0].term.type)
        wanted_text = wanted.text if wanted else "?"
        first = check.sources[0].span
        if check.missing:
            issues.append(Issue(
                "term-missing", "error",
                f"«{first.text}» should be rendered as «{wanted_text}» "
                f"({check.found} of {check.needed} found; concept {concept.id})",
                segment_id, first))
        for bad in check.forbidden:
            issues.append(Issue(
                "term-forbidden", "error" if check.missing else "warning",
                f"«{bad.text}» is a forbidden rendering of «{first.text}»; use «{wanted_text}» "
                f"(concept {concept.id})",
                segment_id, bad))
    return issues
