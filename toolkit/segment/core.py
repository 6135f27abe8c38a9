"""Offset-based sentence segmentation: one regex scan, then cheap checks.

The scan finds every *candidate* boundary: a run of terminal punctuation
(``.``, ``!``, ``?``, ``…``), optional closing quotes or brackets, then
whitespace. Each candidate is then accepted or rejected by looking at the word
before the punctuation and the first character after the whitespace. Nothing
is ever substituted into the text: spans are slices of the input, so they
join back to it exactly.

A second, cheaper scan finds sentences that start with no punctuation before
them (a heading run into its text once flattened): see :func:`_glued_cuts`.

Whitespace between two sentences belongs to the preceding span (the sentence
keeps its trailing spaces); whitespace before the first sentence belongs to
the first span. A blank line always ends a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Span
from .rules import Rules

# Closing quotes that French typography separates by a (no-break) space, and
# closers that must touch the punctuation. Straight quotes are only taken when
# they touch it, otherwise they may open the next sentence.
# The leading lookahead is a single character set, which lets the regex
# engine skip quickly to the next possible start (3x faster than without).
_CANDIDATE = re.compile(
    r"(?=[.!?…‼⁇⁈⁉;:\n])(?:"
    r"(?P<p>[.!?…‼⁇⁈⁉]+|[;:])"
    r"(?P<c>(?:[ \u00a0\u202f]?[»”]|[\"'’)\]}]|</g\d+>|<x\d+/>)*)"
    r"(?P<ws>\s+)"
    r"|(?P<blank>\n[^\S\n]*\n\s*))"
)
_NON_SPACE = re.compile(r"\S")
# Inline codes (toolkit.inline) opening the next sentence: look past them.
_CODES = re.compile(r"(?:<g\d+>|<x\d+/>)+")
_AFTER_QUOTE = re.compile(r"\s*")
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)+[^\W\d_]")
# Elided articles and conjunctions glued to the next word (French, Italian...).
ELISION = r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]"
_ELISION = re.compile(ELISION, re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")

OPENERS = "«“‘\"'([{¿¡-–—•"
# Characters after which a candidate cannot be a boundary: the sentence goes on.
_CONTINUERS = ",;:)]}»”%/…?!"
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
# Name particles that follow an initial inside a name (A. de Musset).
_NAME_WORDS = frozenset({"Le", "La", "Les", "L'", "L’", "De", "Du", "Des", "Van", "Von"})
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
        return NO if nxt.islower() else CUT
    elided = _ELISION.match(tok)
    if elided and elided.end() < len(tok):
        # l'art. 5, d'A. de Musset: judge the word after the elided article.
        tok = tok[elided.end() :]
        closed = True
    low = tok.lower()
    prefix = tok in rules.prefix or low in rules.prefix_ci
    if prefix and not closed:
        return NO
    if prefix or tok in rules.any or low in rules.any_ci:
        # After a closing bracket (par ex.) or an elision (de l'art.) a
        # prefix abbreviation may end the sentence, like the [any] ones.
        if nxt.isupper() or nxt in OPENERS:
            return CUT
        return LOWER if nxt.islower() else NO
    if len(tok) == 1 and tok.isupper():
        # An initial (Omar A. Touray, A. de Musset), unless a sentence follows
        # (Dagobert I. Ils) or a number (articles L. 642-3).
        if nxt.isupper():
            word = _WORD.match(text, after)
            if word and word.group() in rules.starters and word.group() not in _NAME_WORDS:
                return CUT
            return NO
        if nxt.islower():
            word = _WORD.match(text, after)
            if word and word.group().split("'")[0].split("’")[0] in _PARTICLES:
                return NO
            return LOWER
        return NO if nxt.isdigit() else CUT
    if "." in tok and _INITIALS.fullmatch(tok):
        if ".-" in tok:  # hyphenated initials: J.-M. Dupont
            return NO
        return CUT if _starts_starter(text, after, rules) else NO
    if tok.isdigit() and len(tok) <= 3:
        # "1. Introduction" numbering a list at the start of the block.
        first = _NON_SPACE.search(text)
        if first is not None and first.start() == start - len(tok):
            return NO
    return CUT


def split_offsets(text: str, rules: Rules) -> list[int]:
    """Offsets where sentences start, after the first one (sorted, unique).

    Some cuts depend on the casing convention of the whole text: in a
    transcript whose sentences start with a lowercase letter, an ellipsis or
    an abbreviation followed by a lowercase word ends a sentence, while in
    ordinary prose it does not. The text counts as such a transcript when
    plain periods are followed by lowercase words more often than by capitals.
    Such a transcript also gets no cuts before [openers] words (its capitals
    are names and titles).
    """
    cuts: list[int] = []
    deferred: list[int] = []
    lower = upper = 0
    quotes = counted = 0
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        if end >= n:
            break
        if m.group("blank") is not None:
            cuts.append(end)
            continue
        ws = m.group("ws")
        if "\n" in ws and ws.count("\n") >= 2:
            cuts.append(end)
            continue
        nxt = text[end]
        if nxt == "<":
            mc = _CODES.match(text, end)
            if mc and mc.end() < n:
                nxt = text[mc.end()]
        if nxt in _CONTINUERS:
            continue
        p = m.group("p")
        start = m.start()
        if p == ":":
            # A capitalised subject pronoun after a colon (see [colon] in
            # rules.py): the label or announcement ended, a sentence starts.
            word = _WORD.match(text, end)
            if word and word.group() in rules.colon:
                cuts.append(end)
            continue
        if p == ";":
            # French and English put a lowercase word after a semicolon; a
            # capitalised sentence opener there starts a new sentence.
            if nxt.isupper() and _starts_starter(text, end, rules):
                cuts.append(end)
            continue
        closed = bool(m.group("c"))
        if nxt == '"':
            # Count quotes incrementally so long texts stay linear.
            quotes += text.count('"', counted, end)
            counted = end
        if nxt == '"' and quotes % 2:
            # A spaced straight quote that closes an open quotation: cut after it.
            m2 = _AFTER_QUOTE.match(text, end + 1)
            end = m2.end()
            if end >= n:
                break
            nxt = text[end]
            closed = True
        if p == ".":
            verdict = _period(text, start, nxt, end, rules, closed)
            if verdict == CUT:
                cuts.append(end)
                if nxt.islower():
                    lower += 1
                elif nxt.isupper():
                    upper += 1
            elif verdict == LOWER:
                deferred.append(end)
            continue
        if not p.strip(".…"):
            # Ellipsis: "(…)" and "[…]" mark a cut inside a quotation.
            if start and text[start - 1] in "([":
                continue
            if nxt.islower():
                deferred.append(end)
            else:
                cuts.append(end)
            continue
        # "?" / "!": a lowercase word after a closing quote is an incise
        # (« Qui ? » demanda-t-il).
        if nxt.islower() and closed:
            continue
        cuts.append(end)
    transcript = lower > upper
    if deferred and transcript:
        cuts = sorted(cuts + deferred)
    # A transcript starts its sentences in lowercase: there a capitalised
    # article or pronoun is a name or a title, never a missing period.
    if rules.openers and not transcript:
        glued = _glued_cuts(text, rules)
        if glued:
            cuts = sorted(set(cuts).union(glued))
    return cuts


_GAP = " \t\u00a0"


@lru_cache(maxsize=32)
def _opener_pattern(rules: Rules) -> re.Pattern[str]:
    """An [openers] word after a space, followed by a word (or a letter, if elided)."""
    whole = sorted((w for w in rules.openers if w[-1] not in "'’"), key=len, reverse=True)
    elided = sorted((w for w in rules.openers if w[-1] in "'’"), key=len, reverse=True)
    alts = []
    if whole:
        alts.append("(?:" + "|".join(map(re.escape, whole)) + r")[ \t\u00a0]+\w")
    if elided:
        alts.append("(?:" + "|".join(map(re.escape, elided)) + r")\w")
    # The leading one-character lookahead lets the engine skip to likely
    # starts; it makes the scan about 4x faster than starting at the spaces.
    first = re.escape("".join(sorted({w[0] for w in rules.openers})))
    return re.compile(rf"(?=[{first}])(?<=[ \t\u00a0])(?:" + "|".join(alts) + ")")


def _glued_cuts(text: str, rules: Rules) -> list[int]:
    """Sentence starts that have no punctuation before them.

    Headings, titles and lines that lost their period run straight into the
    next sentence once flattened ("Formula Nippon Il était membre"). Inside a
    sentence, a capitalised subject pronoun, article or sentence adverb only
    begins a name or a title, and a title's second word is capitalised
    (La Haye, Le Monde) or follows a word a sentence cannot end with (parmi
    lesquelles La cerámica). So the word must be preceded by a letter, digit
    or ")" ending a word outside [closed], and followed by a lowercase word.
    """
    out: list[int] = []
    for m in _opener_pattern(rules).finditer(text):
        end = m.start()
        gap = end - 1
        while gap > 0 and text[gap - 1] in _GAP:
            gap -= 1
        if gap == 0 or not (text[gap - 1].isalnum() or text[gap - 1] == ")"):
            continue
        word = _WORD.match(text, end)
        if word is None:
            continue
        w = word.group()
        k = min((i for i in (w.find("'"), w.find("’")) if i > 0), default=0)
        if k and w[: k + 1] in rules.openers:
            following = w[k + 1 : k + 2]
        else:
            nxt = _NON_SPACE.search(text, word.end())
            following = nxt.group() if nxt else ""
        if not following.islower():
            continue
        lo = gap - 40 if gap > 40 else 0
        prev = text[lo:gap].split()
        if prev and prev[-1].lower() in rules.closed:
            continue
        out.append(end)
    return out


def spans_from_cuts(text: str, cuts: list[int], base: int = 0) -> list[Span]:
    """Turn cut offsets into spans covering ``text``; ``base`` shifts the offsets."""
    spans: list[Span] = []
    prev = 0
    for cut in cuts:
        if cut > prev:
            spans.append(Span(base + prev, base + cut, text[prev:cut]))
            prev = cut
    if prev < len(text):
        spans.append(Span(base + prev, base + len(text), text[prev:]))
    return spans
