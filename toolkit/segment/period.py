"""Judging a single period: abbreviations, initials, numbers.

:func:`toolkit.segment.core.split_offsets` finds each run of terminal
punctuation; for a lone period it asks :func:`_period` whether the word before
it is an abbreviation (``[prefix]``, ``[any]``, one written with a space such as
``a. m.``), an initial, a dotted acronym or a list number, and what the next
character makes of it. Also here: the character classes both modules share.
"""

from __future__ import annotations

import re

from .extra_cuts import _NAME_WORDS, _NON_SPACE, _WORD, _cached
from .rules import Rules

# Roman numerals of two letters or more, or one before a comma or period.
_ROMAN = re.compile(r"(?:[IVX]{2,}|[IVX](?=[,.]))(?![\w'’])")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+[^\W\d_]")
# Elided articles and conjunctions glued to the next word (French, Italian...).
ELISION = r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]"
_ELISION = re.compile(ELISION, re.IGNORECASE)

# Characters that open a sentence as a capital does: quotes, brackets, marks, dashes.
OPENERS = "«“‘\"'([{¿¡-–—•"
# Opening marks stripped from the word before a period.
_LEAD_STRIP = "([{«“‘\"'"


def _starts_starter(text: str, i: int, rules: Rules) -> bool:
    m = _WORD.match(text, i)
    if not m:
        return False
    word = m.group()
    if word in rules.starters:
        return True
    # Elided starters (L'accord, C'est) are listed with their apostrophe.
    for sep in ("'", "’"):
        k = word.find(sep)
        if k > 0 and word[: k + 1] in rules.starters:
            return True
    return False


# Verdicts on a candidate: no cut, cut, or cut only in a lowercase transcript.
NO, CUT, LOWER = 0, 1, 2
_PARTICLES = frozenset({"de", "d", "du", "des", "la", "le", "van", "von", "da", "di", "del", "el"})


def _period(text: str, start: int, nxt: str, after: int, rules: Rules, closed: bool) -> int:
    """Judge a single period at ``start`` followed (after spaces) by ``nxt``.

    ``closed`` tells that a closing quote or bracket follows the period.
    """
    if start == 0 or text[start - 1].isspace():
        tok = ""
    else:
        lo = start - 48 if start > 48 else 0
        tok = text[lo:start].split()[-1].lstrip(_LEAD_STRIP)
    if not tok:
        if rules.continuers and text.endswith(". .", 0, start + 1):
            # A spaced ellipsis (. . .) before "I" goes on, as "..." does.
            word = _WORD.match(text, after)
            if word and word.group().split("'")[0].split("’")[0] in rules.continuers:
                return NO
        return NO if nxt.islower() else CUT
    if rules.spaced:
        spaced = _spaced(text, start, tok, rules)
        if spaced is not None:
            if spaced == "inside" or (spaced == "prefix" and not closed):
                return NO
            if nxt.isupper() or nxt in OPENERS:
                return CUT
            return LOWER if nxt.islower() else NO
    elided = _ELISION.match(tok)
    if elided and elided.end() < len(tok):
        # l'art. 5, d'A. de Musset: judge the word after the elided article.
        # A title keeps its name (l'Avv. Verdi); another abbreviation after an
        # article may end the sentence (conformément à l'art.).
        tok = tok[elided.end() :]
        closed = closed or tok not in rules.prefix
    # Lowercase entries match any case but all capitals: "RTE" is an acronym,
    # not the abbreviation "rte" (route).
    low = tok.lower() if len(tok) < 2 or not tok.isupper() or not tok.isalpha() else ""
    prefix = tok in rules.prefix or low in rules.prefix_ci
    if prefix and not closed:
        return NO
    if prefix or tok in rules.any or low in rules.any_ci:
        # After a closing bracket (par ex.) or an elision (de l'art.) a
        # prefix abbreviation may end the sentence, like the [any] ones.
        if nxt in "IVX" and _ROMAN.match(text, after):
            return NO  # a number in Roman numerals: vol. III, t. II
        if nxt.isupper() or nxt in OPENERS:
            return CUT
        return LOWER if nxt.islower() else NO
    if len(tok) == 1 and tok.isupper() and text[start - 3 : start - 1] in ("° ", "°\u00a0"):
        # A temperature unit (entre -3 ° et + 1° C.), no initial: like [any].
        return CUT if nxt.isupper() or nxt in OPENERS else NO
    if len(tok) == 1 and tok.isupper():
        # An initial (Omar A. Touray, A. de Musset), unless a sentence follows
        # (Dagobert I. Ils) or a number (articles L. 642-3).
        if nxt.isupper():
            word = _WORD.match(text, after)
            if word and len(word.group()) == 1 and text.startswith(".", word.end()):
                return NO  # spaced initials: U. A. E.
            if word and word.group() in rules.starters:
                if word.group() not in _NAME_WORDS:
                    return CUT
                # A particle opens a name on a capital (A. La Fontaine), an
                # article a sentence on a lowercase noun (dans A. La longueur).
                if text.startswith(" ", word.end()) and text[word.end() + 1 : word.end() + 2].islower():
                    return CUT
            return NO
        if nxt.islower():
            word = _WORD.match(text, after)
            if word and word.group().split("'")[0].split("’")[0] in _PARTICLES:
                return NO
            return LOWER
        return NO if nxt.isdigit() else CUT
    if len(tok) == 1 and tok.islower() and nxt.islower():
        return LOWER  # a one-letter abbreviation (le XIXe s. qui), unless a transcript
    if "." in tok and _INITIALS.fullmatch(tok):
        if ".-" in tok:  # hyphenated initials: J.-M. Dupont
            return NO
        return CUT if _starts_starter(text, after, rules) else NO
    if tok.isdigit() and len(tok) <= 3:
        # "1. Introduction" numbering a list at the start of the block.
        first = _NON_SPACE.search(text)
        if first is not None and first.start() == start - len(tok):
            return NO
        # German ordinals (am 3. Oktober): only a sentence opener ends the sentence.
        if rules.ordinals and not _starts_starter(text, after, rules):
            return NO
    return CUT


def _spaced(text: str, start: int, tok: str, rules: Rules) -> str | None:
    """Where the period at ``start`` falls in an abbreviation written with a space.

    ``"prefix"`` or ``"any"`` when it ends one (a. m.), ``"inside"`` when it
    is one of its inner periods (the first one of a. m.), else None.
    """
    by_last, by_first = _cached(rules, _spaced_index)
    for entry, is_prefix in by_last.get(tok, ()):
        if text.endswith(entry, 0, start):
            lo = start - len(entry)
            if lo == 0 or not text[lo - 1].isalnum():
                return "prefix" if is_prefix else "any"
    for entry in by_first.get(tok, ()):
        if text.startswith(entry, start - len(tok)):
            lo = start - len(tok)
            if (lo == 0 or not text[lo - 1].isalnum()) and text.startswith(".", lo + len(entry)):
                return "inside"
    return None


def _spaced_index(rules: Rules) -> tuple[dict, dict]:
    """Spaced abbreviations by their last word (a. m -> m) and by their first (-> a)."""
    by_last: dict[str, list] = {}
    by_first: dict[str, list] = {}
    for entry, is_prefix in rules.spaced:
        by_last.setdefault(entry.rsplit(" ", 1)[-1], []).append((entry, is_prefix))
        if "." in entry:
            by_first.setdefault(entry[: entry.index(".")], []).append(entry)
    return by_last, by_first
