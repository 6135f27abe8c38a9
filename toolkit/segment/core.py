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

from ..model import Span
from .extra_cuts import (
    _ADDRESS_THEN,
    _LIST_START,
    _RULE_LINE,
    _STAMP_THEN,
    _WORD,
    _aside_cuts,
    _caps_heading_cuts,
    _comma_cuts,
    _glued_cuts,
    _glued_periods,
    _letter_cuts,
    _list_items,
    _title_cut,
    _url_cuts,
)
from .period import _LEAD_STRIP, CUT, ELISION, LOWER, OPENERS, _period, _starts_starter
from .rules import Rules

__all__ = ["ELISION", "OPENERS", "spans_from_cuts", "split_offsets"]

# Closing quotes that French typography separates by a (no-break) space, and
# closers that must touch the punctuation. Straight quotes are only taken when
# they touch it, otherwise they may open the next sentence.
# The leading lookahead is a single character set, which lets the regex
# engine skip quickly to the next possible start (3x faster than without).
_CANDIDATE = re.compile(
    r"(?=[.!?…‼⁇⁈⁉;:=\n])(?:"
    r"(?:(?P<emo>(?<!\S)[:;=][-']?[()DPp/|\]\[]+)"
    r"|(?P<p>[.!?…‼⁇⁈⁉]+|[;:])"
    r"(?P<c>(?:[ \u00a0\u202f]?[»”]|[\"'’)\]}]|\[\d{1,3}\]|</g\d+>|<x\d+/>)*))"
    r"(?P<ws>\s+)"
    r"|(?P<blank>\n[^\S\n]*\n\s*))"
)
_QUOTES_AND_BRACKETS = frozenset("»”\"'’)]}")
# Inline codes (toolkit.inline) opening the next sentence: look past them.
_CODES = re.compile(r"(?:<g\d+>|<x\d+/>)+")
_AFTER_QUOTE = re.compile(r"\s*")
# A word further on, past closing marks and punctuation: a sentence follows.
_WORD_AHEAD = re.compile(r"[\s»\"”’)\]}.,;:!?…]*\w")
# Characters after which a candidate cannot be a boundary: the sentence goes on.
_CONTINUERS = ",;:)]}»”%/…?!."


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
    opened = gcounted = 0  # quotations in guillemets open before gcounted
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
        if m.group("emo") is not None:
            # An emoticon closes what it comments on, whatever the case after it.
            cuts.append(end)
            continue
        p = m.group("p")
        c = m.group("c")
        at = end
        orphan = False
        if (nxt == "»" or "»" in c) and p not in (";", ":"):
            k = end if nxt == "»" else m.start("c") + c.index("»")
            opened = max(0, opened + text.count("«", gcounted, k) - text.count("»", gcounted, k))
            # A closing guillemet that closes nothing opened in the block: the
            # quotation began in an earlier paragraph (or treebank sentence),
            # and the guillemet goes with the next sentence, as the French
            # treebanks split it ("… de pilotes." / "» Déjà, au mois …").
            orphan = opened == 0 and _WORD_AHEAD.match(text, k + 1) is not None
            if orphan:
                at = k
            gcounted = k + 1 if orphan else k  # an orphan closes nothing later either
        if nxt in _CONTINUERS and not orphan:
            continue
        start = m.start()
        if p == ":":
            # A capitalised subject pronoun after a colon (see [colon] in
            # rules.py): the label or announcement ended, a sentence starts.
            word = _WORD.match(text, end)
            if word and word.group() in rules.colon:
                cuts.append(end)
            continue
        if p == ";":
            if _after_semicolon(text, end, nxt, rules):
                cuts.append(end)
            continue
        if nxt == "(" and _trailing_reference(text, end):
            continue
        closed = bool(c)
        if closed and nxt.islower() and p.strip(".…") == "" and _QUOTES_AND_BRACKETS.intersection(c):
            # A quotation or a bracket closed by a period, then a lowercase word:
            # the sentence that holds it goes on ("This is great." she said).
            continue
        if nxt == '"':
            # Count quotes incrementally so long texts stay linear.
            quotes += text.count('"', counted, end)
            counted = end
        if nxt == '"' and (quotes % 2 and not text[end + 1 : end + 2].isalnum()
                           or _last_spaced_quote(text, end)):
            # A spaced straight quote that closes an open quotation, or the
            # last quote of the block with a space after it (its quotation
            # opened before the block, since nothing follows to close it):
            # cut after it. A quote touching the next word opens a quotation,
            # whatever the count says (one was left open before it).
            m2 = _AFTER_QUOTE.match(text, end + 1)
            at = end = m2.end()
            if end >= n:
                break
            nxt = text[end]
            closed = True
        if p == ".":
            verdict = _period(text, start, nxt, end, rules, closed)
            if verdict == CUT:
                cuts.append(at)
                if nxt.islower():
                    lower += 1
                elif nxt.isupper():
                    upper += 1
            elif verdict == LOWER:
                deferred.append(at)
            continue
        if not p.strip(".…"):
            # Ellipsis: "(…)" and "[…]" mark a cut inside a quotation.
            if start and text[start - 1] in "([":
                continue
            if p in ("...", "…") and rules.continuers:
                word = _WORD.match(text, end)
                if word and word.group().split("'")[0].split("’")[0] in rules.continuers:
                    continue
            if nxt.islower():
                deferred.append(at)
            else:
                cuts.append(at)
            continue
        # "?" / "!": a lowercase word after a closing quote is an incise
        # (« Qui ? » demanda-t-il).
        if nxt.islower() and closed:
            continue
        if nxt.islower() and rules.names and _word_before(text, start) in rules.names:
            continue  # Yahoo! in the accounting department
        cuts.append(at)
    transcript = lower > upper
    if deferred and transcript:
        cuts = sorted(cuts + deferred)
    extra = _glued_periods(text) + _aside_cuts(text)
    if "://" in text or "www." in text:
        extra += _url_cuts(text)
    if "/" in text:
        extra += [m.end() for m in _STAMP_THEN.finditer(text)]
    if "@" in text:
        extra += [m.end() for m in _ADDRESS_THEN.finditer(text)]
    for m in _RULE_LINE.finditer(text):
        # A rule line (=====, _____) between two texts stands alone.
        if m.start() > 0 and not text[: m.start()].isspace():
            extra.append(m.start())
        extra.append(m.end())
    if not transcript and rules.starters:
        extra += _title_cut(text, rules)
        extra += _caps_heading_cuts(text, rules)
    if rules.signoffs or rules.greetings:
        extra += _letter_cuts(text, rules)
    if rules.colon and "," in text:
        extra += _comma_cuts(text, rules)
    if extra:
        cuts = sorted(set(cuts).union(extra))
    if _LIST_START.match(text):
        cuts = _list_items(text, cuts)
    # A transcript starts its sentences in lowercase: there a capitalised
    # article or pronoun is a name or a title, never a missing period.
    if rules.openers and not transcript:
        glued = _glued_cuts(text, rules)
        if glued:
            cuts = sorted(set(cuts).union(glued))
    return cuts


def _trailing_reference(text: str, i: int) -> bool:
    """A lowercase parenthesis then a period ("." (cité par Le Monde).): the source of
    the sentence before, which it closes."""
    if not text[i + 1 : i + 2].islower():
        return False
    close = text.find(")", i, i + 120)
    return close != -1 and "(" not in text[i + 1 : close] and text.startswith((".", "!", "?"), close + 1)


def _last_spaced_quote(text: str, i: int) -> bool:
    return text.startswith((' ', '\u00a0'), i + 1) and text.find('"', i + 1) == -1


def _word_before(text: str, start: int) -> str:
    lo = start - 32 if start > 32 else 0
    parts = text[lo:start].split()
    return parts[-1].lstrip(_LEAD_STRIP) if parts and not text[start - 1].isspace() else ""


def _after_semicolon(text: str, end: int, nxt: str, rules: Rules) -> bool:
    """Whether a sentence starts after a semicolon.

    The text after a semicolon goes on in lowercase; a capitalised word there
    starts a sentence if it is a sentence opener, or if it is followed by a
    lowercase word or a comma (Naturellement, ...), unlike the names of a list
    (Lucien Carillon ; Anita Dachaud) whose second word is capitalised too.
    A quotation opening on a capital starts one as well, and so do a
    dashed list item and an inverted mark (; ¿Cómo ...).
    """
    if nxt in "¿¡":
        return True  # an inverted mark opens a question or an exclamation
    if nxt in "\"«“" and end + 2 < len(text):
        k = end + 1
        while k < len(text) and text[k] in " \u00a0\u202f":
            k += 1
        return k < len(text) and text[k].isupper()
    if nxt in "-–—" and text.startswith(" ", end + 1):
        # A dashed list item (; - Jules Roy, La bataille ...) starts after it.
        return text[end + 2 : end + 3].isupper()
    if not nxt.isupper():
        return False
    if _starts_starter(text, end, rules):
        return True
    word = _WORD.match(text, end)
    if word is None or (word.group().isupper() and len(word.group()) > 1):
        return False  # an acronym; a one-letter word (A principios) is not one
    rest = text[word.end() : word.end() + 2]
    if rest.startswith(","):
        return True
    return len(rest) == 2 and rest[0] == " " and rest[1].islower()


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
