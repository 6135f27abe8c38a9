"""Export the segmentation rules as SRX 2.0, for CAT tools (OmegaT, Okapi, ...).

The exported file has one ``languagerule`` per language with a data file
(``fr``, ``en``, ``es``, ``pt``, ``it``, ``de``) plus ``generic``, mapped by
``maprules`` (``fr.*``, ..., the fallback languages such as ``ca.*`` to the
rules they borrow, then ``.*``). Rules are ordered as SRX requires: at each position the first rule
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
  export always treats such a quote as opening the next sentence, and never
  cuts before an ``[openers]`` word after one (``de luxe " Le vendeur``).
* **Transcript casing, again.** In a transcript :func:`segment` does not cut
  before an ``[openers]`` word that follows unpunctuated text; the export
  always does.
* **Lists.** A numbered or lettered list run into one line (``1.) First
  2.) Second``) is found by checking that the markers count up from the one
  that starts the block; SRX cannot count, so the export leaves such lists
  to the ordinary rules.
* **First title only.** :func:`segment` cuts a title run into its text at the
  first sentence starter among the first words of a block; the export cuts at
  each of them.
* **List dashes.** :func:`segment` does not count a leading list dash
  (``- Dans l'ombre``) as a title word; the export does.
* **Trailing references.** A lowercase parenthesis closed by a period
  after a sentence (``fin." (cité par Le Monde).``) stays with it; the export
  cuts before the parenthesis.
* **Headings in capitals** run into a sentence (``… RECEVOIR ACLASTA Avant
  de recevoir``) are cut by counting their letters; the export does not cut.
* **Orphan guillemets.** A closing ``»`` after a sentence end with no ``«``
  open before it in the block goes with the next sentence in :func:`segment`
  (counting guillemets); the export keeps it with the sentence it follows.
* **Dashed items after a semicolon** (``1953 ; - Jules Roy``) start a
  sentence in :func:`segment`, not in the export.
* Lookbehinds are bounded, as Java requires: a parenthesis between two
  sentences is recognised after at most 8 spaces, a title's words up to 40
  characters each.
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
from .core import _CONTINUERS
from .extra_cuts import _NAME_WORDS, _SELF, _TITLE_WORDS
from .period import _LEAD_STRIP, ELISION, OPENERS
from .rules import FALLBACK, Rules, rules_for, source_of

NS = "http://www.lisa.org/srx20"
# Languages with a data file of their own; FALLBACK languages map to their source.
LANGS = ("fr", "en", "es", "pt", "it", "de")

# Java's \s and \d are ASCII-only; these classes match what Python's do.
WS = r"[\s\x1c-\x1f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
NOT_WS = WS.replace("[", "[^", 1)
TERM = r"[.!?\u2026\u203c\u2047\u2048\u2049]"
CLOSER = r"(?:[ \u00a0\u202f]?[\u00bb\u201d]|[\"'\u2019)\]}]|\[\p{Nd}{1,3}\])"
CLOSERS = CLOSER + "*"
WORD_CHAR = r"[\p{L}\p{N}_'\u2019-]"
GAP = r"[ \t\u00a0]"
EMOTICON = r"[:;=][-']?[()DPp/|\]\[]+"


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
        titled = (rf"|[ \t\u00a0]+(?:{_alt(sorted(rules.prefix))})\.?[ \t\u00a0]+\p{{Lu}}"
                  if rules.prefix else "")
        parts.append(rf"(?:{_alt(whole)})(?:[ \t\u00a0]+\p{{Ll}}|,{titled})")
    if elided:
        parts.append(rf"(?:{_alt(elided)})\p{{Ll}}")
    after = "(?:" + "|".join(parts) + ")"
    gap = r"[ \t\u00a0]+"
    # "(...)" marks an omission inside a quotation, not the end of a heading.
    out = [(False, rf"(?:\(\.\.\.\)|\(\u2026\)|\[\.\.\.\]|\[\u2026\]){gap}", after)]
    closed = rules.entries("closed")
    if closed:
        words = sorted(set(closed) | {w[:1].upper() + w[1:] for w in closed})
        out.append((False, rf"(?:^|(?<={WS}))(?i:{_alt(words)}){gap}", after))
    # After a word, a ")" or a closing quote (a guillemet, or a straight quote touching a word).
    word_end = r"(?<=[\p{L}\p{N}])"
    closing = rf"(?<=[\p{{L}}\p{{N}}][ \u00a0\u202f]?)[\u00bb\u201d]|{word_end}\""
    out.append((True, rf"(?:[\p{{L}}\p{{N}}]|\)|{closing}){gap}", after))
    return out


def _caseless(words: list[str]) -> str:
    """Lowercase entries in any case but all capitals (RTE is not rte), as the segmenter reads them."""
    allcaps = r"(?!\p{Lu}{2,}\.)"
    return allcaps + "(?i:" + _alt(words) + ")"


def _not_titles(rules: Rules) -> str:
    """Negative lookahead: the next word is not a [prefix] title (Mr, Monsieur...)."""
    parts = []
    if rules.prefix:
        parts.append(f"(?!(?:{_alt(sorted(rules.prefix))})(?!{WORD_CHAR}))")
    if rules.prefix_ci:
        parts.append(f"(?!(?i:{_alt(sorted(rules.prefix_ci))})(?!{WORD_CHAR}))")
    return "".join(parts)


def _extra_rules(rules: Rules) -> list[tuple[bool, str, str]]:
    """Breaks the segmenter adds whatever the punctuation says (core.split_offsets, end)."""
    start = rf"(?:^|(?<={WS}))"
    out = [
        # An emoticon closes what it comments on.
        (True, rf"{start}{EMOTICON}{WS}+", NOT_WS),
        # A sentence glued to the next one: good.Today
        (True, r"(?:^|(?<=[\s\u00a0\u202f\"'(\u00ab\u201c]))\p{Ll}{2,}[.!?]",
         r"[A-Z][a-z]+(?:[\s,;:!?)]|$)"),
        # A parenthesis standing between two sentences: (New Scientist Space)
        # (the sentence end is looked behind: a break before the parenthesis
        # already ends the previous match, and SRX matches do not overlap it)
        (True, rf"(?<=[.!?][\"\u201d\u00bb]?{WS}{{1,8}})\((?![.\u2026 ]*\))[^()\n]{{1,60}}\){WS}+",
         r"(?:\p{Lu}|[\"\u201c\u00ab])"),
        # A web address on a line of its own.
        (True, rf"(?:https?://|www\.){NOT_WS}*[^\s\u00a0\u202f.!?,;:]{WS}+",
         r"(?:[A-Z\"\u201c\u00ab]|https?://|www\.)"),
    ]
    # An e-mail address in angle brackets ends a header line.
    inner = WS[1:-1]
    out.append((True, rf"<[^<>@{inner}]+@[^<>{inner}]+>{WS}+", r"[A-Z\"\u201c]"))
    # A line drawn with one repeated character stands alone.
    out.append((True, rf"(?<={NOT_WS}){WS}+", rf"([_=*~-])\1{{3,}}{WS}+{NOT_WS}"))
    out.append((True, rf"(?:^|(?<={WS}))([_=*~-])\1{{3,}}{WS}+", NOT_WS))
    # The date and time line of a forwarded e-mail.
    out.append((True, r"\b\p{Nd}{1,2}/\p{Nd}{1,2}/\p{Nd}{2,4},? \p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2})?"
                      rf"(?: ?(?:AM|PM|am|pm))?{WS}+", r"[A-Z\"\u201c](?![Mm](?![\p{L}\p{N}_]))"))
    starters = [w for w in rules.entries("starters")
                if not w.endswith(("'", "\u2019")) and w not in _SELF and w not in _NAME_WORDS]
    if starters:
        # A title run into its text at the start of the block.
        closed = rules.entries("closed")
        words = sorted(set(closed) | {w[:1].upper() + w[1:] for w in closed})
        last = f"(?!(?i:{_alt(words)}){GAP})" if closed else ""
        # The words before are looked behind (bounded, as Java requires):
        # a plain match from the start would be tried once, with all its words.
        before = (rf"(?<=^[^\p{{L}}\p{{N}}_'\u2019-]{{0,3}}(?:{WORD_CHAR}{{1,40}}{GAP}{{1,4}})"
                  rf"{{0,{_TITLE_WORDS - 2}}}){last}{WORD_CHAR}+{GAP}+")
        out.append((True, before, rf"(?:{_alt(starters)})(?!{WORD_CHAR}){WS}\p{{Ll}}"))
    titles = _not_titles(rules)
    if rules.signoffs:
        out.append((True, rf"{start}(?:{_alt(sorted(rules.signoffs))}),{WS}+",
                    rf"{titles}(?!{WORD_CHAR}+(?!{WORD_CHAR})[\s\S]\p{{Ll}})\p{{Lu}}"))
    if rules.greetings:
        names = rf"(?:{GAP}+\p{{L}}[\p{{L}}\p{{N}}_.'\u2019-]*){{0,3}}"
        out.append((True, rf"{start}(?:{_alt(sorted(rules.greetings))}){names},{WS}+",
                    rf"{titles}\p{{Lu}}"))
    return out


def _spaced_rules(rules: Rules, upper_or_opener: str) -> list[tuple[bool, str, str]]:
    """Abbreviations written with a space (a. m.): no break inside; at the end as [prefix]/[any]."""
    edge = r"(?:^|(?<![\p{L}\p{N}]))"
    out = []
    for entry, is_prefix in rules.spaced:
        first, _, rest = entry.partition(". ")
        if first and rest:
            out.append((False, rf"{edge}{re.escape(first)}\. ", rf"{re.escape(rest)}\."))
        end = rf"{edge}{re.escape(entry).replace(chr(92) + ' ', ' ')}\."
        if is_prefix:
            out.append((False, rf"{end}{WS}+", ""))
        out.append((False, rf"{end}{CLOSERS}{WS}+", rf"(?!{upper_or_opener})"))
        out.append((True, rf"{end}{CLOSERS}{WS}+", ""))
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
        *_extra_rules(rules),
        # Punctuation or a closing mark after the space: the sentence goes on.
        (False, rf"{TERM}+{CLOSERS}{end}", _cls(_CONTINUERS)),
        # After a semicolon: a capitalised opener, a capitalised word that is
        # not all capitals followed by a comma or a lowercase word, a
        # quotation opening on a capital or an inverted mark (core._after_semicolon).
        (True, rf";{end}",
         rf"(?:(?=\p{{Lu}}){starters}|[\"\u00ab\u201c][ \u00a0\u202f]*\p{{Lu}}|[\u00bf\u00a1]"
         rf"|(?![\p{{Lu}}\p{{N}}_'\u2019-]{{2,}}(?!{WORD_CHAR}))\p{{Lu}}{WORD_CHAR}*(?:,| \p{{Ll}}))"),
    ]
    if rules.colon:
        # A capitalised subject pronoun after a colon starts a sentence.
        out.append((True, rf":{CLOSERS}{end}", rf"(?:{_alt(sorted(rules.colon))})(?!{WORD_CHAR})"))
        # ... and after a comma, before a lowercase word outside [closed] (extra_cuts._comma_cuts).
        closed = rules.entries("closed")
        not_closed = rf"(?!(?i:{_alt(closed)})(?!{WORD_CHAR}))" if closed else ""
        out.append((True, rf"(?<=[\p{{L}}\p{{N}}_\"\u201d\u00bb)]),{GAP}+",
                    rf"(?:{_alt(sorted(rules.colon))}){GAP}+{not_closed}\p{{Ll}}"))
    # A quotation or bracket closed by a period, then a lowercase word: no break.
    out.append((False, rf"(?<!{TERM})[.\u2026]+{CLOSER}+{end}", r"\p{Ll}"))
    bang = r"[!?\u203c\u2047\u2048\u2049]"
    if rules.names:
        # Yahoo! in the accounting department
        out.append((False, rf"{plain}(?:{_alt(sorted(rules.names))}){TERM}*{bang}{TERM}*{CLOSERS}{end}",
                    r"\p{Ll}"))
    if rules.continuers:
        # I thought... I would go.  What I mean . . . I did not say that.
        cont = rf"(?:{_alt(sorted(rules.continuers))})(?![\p{{L}}\p{{N}}_-])"
        out.append((False, rf"(?<!{TERM})(?:\.\.\.|\u2026){CLOSERS}{end}", cont))
        out.append((False, rf"(?<=\. )\.{CLOSERS}{end}", cont))
    out += _opener_rules(rules)
    exact = lambda words: "(?:" + _alt(words) + ")"  # noqa: E731
    caseless = _caseless
    prefix = [exact(sorted(rules.prefix))] if rules.prefix else []
    prefix += [caseless(sorted(rules.prefix_ci))] if rules.prefix_ci else []
    anyw = [exact(sorted(rules.any))] if rules.any else []
    anyw += [caseless(sorted(rules.any_ci))] if rules.any_ci else []
    out += _spaced_rules(rules, upper_or_opener)
    # An abbreviation before a number in Roman numerals (vol. III) goes on.
    roman = r"(?:[IVX]{2,}|[IVX](?=[,.]))(?![\p{L}\p{N}_'\u2019])"
    for pat in prefix + anyw:
        out.append((False, rf"{tok}{pat}\.{CLOSERS}{end}", roman))
    for pat in prefix:
        out.append((False, rf"{plain}{pat}\.{end}", ""))
    if rules.prefix:
        # A title after an elision keeps its name (l'Avv. Verdi).
        out.append((False, rf"{elided}{exact(sorted(rules.prefix))}\.{end}", ""))
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
    # A one-letter lowercase abbreviation before a lowercase word (le XIXe s. qui).
    out.append((False, rf"{tok}\p{{Ll}}\.{CLOSERS}{end}", r"\p{Ll}"))
    # A period with no word before it.
    out.append((False, rf"{tok}(?<!{TERM})\.{CLOSERS}{end}", r"\p{Ll}"))
    # A temperature unit (1° C.) is no initial: it ends a sentence before a capital.
    unit = rf"(?<=°[ \u00a0])\p{{Lu}}\.{CLOSERS}{end}"
    out.append((True, unit, upper_or_opener))
    out.append((False, unit, ""))
    # Initials: Omar A. Touray, articles L. 642-3, but Dagobert I. Ils ...
    initial = rf"{tok}\p{{Lu}}\.{CLOSERS}{end}"
    # ... and an article that is also a name particle, before a lowercase noun (A. La longueur).
    articles = [w for w in rules.entries("starters") if w in names and not w.endswith(("'", "\u2019"))]
    article_noun = rf"(?!(?:{_alt(articles)}) \p{{Ll}})" if articles else ""
    out.append((False, initial,
                rf"(?:\p{{Ll}}|\p{{Nd}}|\p{{Lu}}\.|(?!{starters_not_names}){article_noun}\p{{Lu}})"))
    # Hyphenated initials (J.-M.) never end a sentence; other dotted
    # acronyms (O.N.U.) only before a sentence opener.
    acronym = r"(?:\p{L}\.-?)+\p{L}"
    hyphened = r"(?:\p{L}\.-?)*\p{L}\.-(?:\p{L}\.-?)*\p{L}"
    out.append((False, rf"{tok}{hyphened}\.{CLOSERS}{end}", ""))
    out.append((False, rf"{tok}{acronym}\.{CLOSERS}{end}", rf"(?!{starters})"))
    # "1. Introduction" numbering a list at the start of the text.
    out.append((False, rf"^{WS}*\p{{Nd}}{{1,3}}\.{CLOSERS}{end}", ""))
    if rules.ordinals:
        # German ordinals (am 3. Oktober): only a sentence opener follows a final period.
        out.append((False, rf"{tok}\p{{Nd}}{{1,3}}\.{CLOSERS}{end}", rf"(?!{starters})"))
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
    borrowed = [(code, source_of(code)) for code in FALLBACK]
    pairs = [(n, n) for n in langs] + [(c, src) for c, src in borrowed if src in langs]
    for code, name in pairs:
        etree.SubElement(maps, f"{{{NS}}}languagemap", languagepattern=f"{code}.*",
                         languagerulename=name)
    etree.SubElement(maps, f"{{{NS}}}languagemap", languagepattern=".*",
                     languagerulename="generic")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_srx(path: str | os.PathLike) -> Path:
    """Write the rules as SRX 2.0 to ``path`` atomically; return the path."""
    target = Path(path)
    write_bytes_atomic(target, build_srx())
    return target
