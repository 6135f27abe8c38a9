"""Export the segmentation rules as SRX 2.0, for CAT tools (OmegaT, Okapi, ...).

The exported file has one ``languagerule`` per language with a data file
(``fr``, ``en``) plus ``generic``, mapped by ``maprules`` (``fr.*``, ``en.*``,
``.*``). Rules are ordered as SRX requires: at each position the first rule
whose ``beforebreak`` ends there and whose ``afterbreak`` starts there decides.
Break positions are after the whitespace that follows a sentence, as in
:func:`toolkit.segment.segment`, so an SRX engine returns the same spans.

Patterns use Java regex syntax only (``\\p{Lu}``, ``\\uXXXX``, bounded
lookbehind), with explicit Unicode classes where Java's ``\\s`` and ``\\d``
are ASCII-only.

What SRX cannot express (the exported rules then follow ordinary prose):

* **Transcript casing.** :func:`segment` looks at the whole text: when plain
  periods are mostly followed by lowercase words (a transcript), an ellipsis,
  an ``[any]`` abbreviation or an initial before a lowercase word also ends a
  sentence. SRX rules see one position at a time, so the export never cuts
  there.
* **Straight-quote parity.** ``fin. " Suite`` -- whether a spaced ``"`` closes
  the quotation (cut after it) depends on how many quotes came before; the
  export always treats such a quote as opening the next sentence.
* **Transcript casing, again.** In a transcript :func:`segment` does not cut
  before an ``[openers]`` word that follows unpunctuated text; the export
  always does.
* Python's ``str.isupper``/``islower`` are approximated by ``\\p{Lu}``/``\\p{Ll}``,
  and ``[closed]`` words are matched with ``(?i)`` plus their capitalised
  form (Java folds ASCII only).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from ..fileio import write_bytes_atomic
from .core import _CONTINUERS, _LEAD_STRIP, ELISION, OPENERS
from .rules import Rules, rules_for

NS = "http://www.lisa.org/srx20"
LANGS = ("fr", "en")

# Java's \s and \d are ASCII-only; these classes match what Python's do.
WS = r"[\s\x1c-\x1f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
NOT_WS = WS.replace("[", "[^", 1)
TERM = r"[.!?\u2026\u203c\u2047\u2048\u2049]"
CLOSERS = r"(?:[ \u00a0\u202f]?[\u00bb\u201d]|[\"'\u2019)\]}])*"
WORD_CHAR = r"[\p{L}\p{N}_'\u2019-]"


def _cls(chars: str) -> str:
    """A Java character class of literal characters."""
    return "[" + "".join(f"\\u{ord(c):04x}" for c in chars) + "]"


def _alt(words: list[str]) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("\\ ", " ") for w in ordered)


def _starters(words: list[str]) -> str:
    """Alternation matching a starter word at the start of the after-break text."""
    elided = [w for w in words if w.endswith(("'", "\u2019"))]
    whole = [w for w in words if w not in elided]
    parts = []
    if whole:
        parts.append(f"(?:{_alt(whole)})(?!{WORD_CHAR})")
    if elided:
        parts.append(f"(?:{_alt(elided)})")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _opener_rules(rules: Rules) -> list[tuple[bool, str, str]]:
    """An [openers] word after unpunctuated text, unless a [closed] word precedes."""
    openers = rules.entries("openers")
    if not openers:
        return []
    whole = [w for w in openers if not w.endswith(("'", "\u2019"))]
    elided = [w for w in openers if w not in whole]
    parts = []
    if whole:
        parts.append(rf"(?:{_alt(whole)})[ \t\u00a0]+\p{{Ll}}")
    if elided:
        parts.append(rf"(?:{_alt(elided)})\p{{Ll}}")
    after = "(?:" + "|".join(parts) + ")"
    gap = r"[ \t\u00a0]+"
    out = []
    closed = rules.entries("closed")
    if closed:
        words = sorted(set(closed) | {w[:1].upper() + w[1:] for w in closed})
        out.append((False, rf"(?:^|(?<={WS}))(?i:{_alt(words)}){gap}", after))
    out.append((True, rf"(?:[\p{{L}}\p{{N}}]|\)){gap}", after))
    return out


def language_rules(rules: Rules) -> list[tuple[bool, str, str]]:
    """The ordered SRX rules ``(break, beforebreak, afterbreak)`` for one language."""
    plain = rf"(?:^|(?<={WS}))[{re.escape(_LEAD_STRIP)}]*"
    # Java's (?i) folds ASCII only, which is all the elision prefixes need.
    elided = rf"{plain}(?i:{ELISION})"
    tok = rf"{plain}(?:(?i:{ELISION}))?"
    end = rf"{WS}+"
    upper_or_opener = rf"(?:\p{{Lu}}|{_cls(OPENERS)})"
    starters = _starters(rules.entries("starters"))
    names = {"Le", "La", "Les", "L'", "L\u2019", "De", "Du", "Des", "Van", "Von"}
    starters_not_names = _starters([w for w in rules.entries("starters") if w not in names])
    out: list[tuple[bool, str, str]] = [
        # A blank line always ends a sentence.
        (True, rf"\n[^\S\n]*\n{WS}*", NOT_WS),
        # Punctuation or a closing mark after the space: the sentence goes on.
        (False, rf"{TERM}+{CLOSERS}{end}", _cls(_CONTINUERS)),
        # A capitalised opener after a semicolon starts a sentence.
        (True, rf";{end}", rf"(?=\p{{Lu}}){starters}"),
    ]
    if rules.colon:
        # A capitalised subject pronoun after a colon starts a sentence.
        out.append((True, rf":{CLOSERS}{end}", rf"(?:{_alt(sorted(rules.colon))})(?!{WORD_CHAR})"))
    out += _opener_rules(rules)
    exact = lambda words: "(?:" + _alt(words) + ")"  # noqa: E731
    caseless = lambda words: "(?i:" + _alt(words) + ")"  # noqa: E731
    prefix = [exact(sorted(rules.prefix))] if rules.prefix else []
    prefix += [caseless(sorted(rules.prefix_ci))] if rules.prefix_ci else []
    anyw = [exact(sorted(rules.any))] if rules.any else []
    anyw += [caseless(sorted(rules.any_ci))] if rules.any_ci else []
    for pat in prefix:
        out.append((False, rf"{plain}{pat}\.{end}", ""))
    for pat in prefix:
        # After an elision (de l'art.) it behaves like [any].
        out.append((False, rf"{elided}{pat}\.{CLOSERS}{end}", rf"(?!{upper_or_opener})"))
        out.append((True, rf"{elided}{pat}\.{CLOSERS}{end}", ""))
        # Closed by a bracket or quote (par ex.) it behaves like [any].
        closed = r"(?:[ \u00a0\u202f]?[\u00bb\u201d]|[\"'\u2019)\]}])"
        out.append((False, rf"{tok}{pat}\.{closed}{CLOSERS}{end}",
                    rf"(?!{upper_or_opener})"))
        out.append((True, rf"{tok}{pat}\.{CLOSERS}{end}", ""))
    for pat in anyw:
        out.append((False, rf"{tok}{pat}\.{CLOSERS}{end}", rf"(?!{upper_or_opener})"))
        out.append((True, rf"{tok}{pat}\.{CLOSERS}{end}", ""))
    # A period with no word before it.
    out.append((False, rf"{tok}(?<!{TERM})\.{CLOSERS}{end}", r"\p{Ll}"))
    # Initials: Omar A. Touray, articles L. 642-3, but Dagobert I. Ils ...
    initial = rf"{tok}\p{{Lu}}\.{CLOSERS}{end}"
    out.append((False, initial, rf"(?:\p{{Ll}}|\p{{Nd}}|(?!{starters_not_names})\p{{Lu}})"))
    # Hyphenated initials (J.-M.) never end a sentence; other dotted
    # acronyms (O.N.U.) only before a sentence opener.
    acronym = r"(?:\p{L}\.-?)+\p{L}"
    hyphened = r"(?:\p{L}\.-?)*\p{L}\.-(?:\p{L}\.-?)*\p{L}"
    out.append((False, rf"{tok}{hyphened}\.{CLOSERS}{end}", ""))
    out.append((False, rf"{tok}{acronym}\.{CLOSERS}{end}", rf"(?!{starters})"))
    # "1. Introduction" numbering a list at the start of the text.
    out.append((False, rf"^{WS}*\p{{Nd}}{{1,3}}\.{CLOSERS}{end}", ""))
    # Ellipsis: "(…)" inside a quotation, or before a lowercase word.
    ellipsis = r"(?:\.*\u2026[.\u2026]*|\.\.[.\u2026]*)"
    out.append((False, rf"(?<=[(\[]){ellipsis}{CLOSERS}{end}", ""))
    out.append((False, rf"(?<!{TERM}){ellipsis}{CLOSERS}{end}", r"\p{Ll}"))
    # "?"/"!" then a closing quote and a lowercase word: an incise.
    bang = r"[!?\u203c\u2047\u2048\u2049]"
    qrun = rf"{TERM}*{bang}{TERM}*"
    out.append((False, rf"(?<!{TERM}){qrun}(?:[ \u00a0\u202f]?[\u00bb\u201d]|[\"'\u2019)\]}}])"
                       rf"{CLOSERS}{end}", r"\p{Ll}"))
    # Everything else that ends in terminal punctuation and a space.
    out.append((True, rf"{TERM}+{CLOSERS}{end}", NOT_WS))
    return out


def build_srx(langs: tuple[str, ...] = LANGS) -> bytes:
    """The SRX 2.0 document for ``langs`` plus the generic fallback, as UTF-8 bytes."""
    root = etree.Element(f"{{{NS}}}srx", nsmap={None: NS}, version="2.0")
    header = etree.SubElement(root, f"{{{NS}}}header", segmentsubflows="yes", cascade="no")
    for kind, include in (("start", "no"), ("end", "yes"), ("isolated", "yes")):
        etree.SubElement(header, f"{{{NS}}}formathandle", type=kind, include=include)
    body = etree.SubElement(root, f"{{{NS}}}body")
    lrules = etree.SubElement(body, f"{{{NS}}}languagerules")
    names = [*langs, "generic"]
    for name in names:
        rules = rules_for(name) if name != "generic" else Rules(lang="")
        lrule = etree.SubElement(lrules, f"{{{NS}}}languagerule", languagerulename=name)
        for brk, before, after in language_rules(rules):
            flag = {"break": "yes" if brk else "no"}
            rule = etree.SubElement(lrule, f"{{{NS}}}rule", attrib=flag)
            etree.SubElement(rule, f"{{{NS}}}beforebreak").text = before
            etree.SubElement(rule, f"{{{NS}}}afterbreak").text = after
    maps = etree.SubElement(body, f"{{{NS}}}maprules")
    for name in names:
        pattern = ".*" if name == "generic" else f"{name}.*"
        etree.SubElement(maps, f"{{{NS}}}languagemap", languagepattern=pattern,
                         languagerulename=name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_srx(path: str | os.PathLike) -> Path:
    """Write the rules as SRX 2.0 to ``path`` atomically; return the path."""
    target = Path(path)
    write_bytes_atomic(target, build_srx())
    return target
