"""Find glossary terms in running text, through inflection, elision and spelling variants.

Both the text and every term are cut into word tokens, each with a key
(:mod:`.wordkeys`: case, apostrophes, elision, articles and inflection folded
away). A term matches where the keys
of consecutive text tokens equal its keys, with only spaces, hyphens or
apostrophes between them. Acronyms match case-sensitively (OIM, not "oim").
Offsets always point into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Span
from .model import DEPRECATED, PREFERRED, Concept, Glossary, Term
from .wordkeys import _APOS, KEYS, Token, _fold, en_key, es_key, fr_key, tokenize  # noqa: F401  (their old home)

# Between two words of one term only blanks, hyphens and apostrophes may occur.
_GLUE = re.compile(r"^[\s\-‐‑‒–" + _APOS + r"]*$")
_GLUE_COMMA = re.compile(r"^[\s,\-‐‑‒–" + _APOS + r"]*$")  # for terms written with a comma
_EXACT = "\x00"  # key prefix of case-sensitive (acronym) tokens

# Context words that make "traite" a noun (la traite, contre la traite, de traite)
# or a verb (il traite, qui la traite, le médecin traite).
_FR_NOUN_CUES = {"la", "une", "cette", "de", "d'", "contre", "sa", "leur", "notre", "votre",
                 "des", "les", "aux", "ses", "leurs", "nos", "vos", "l'", "anti", "et", "ou",
                 "en", "par", "sur", "toute", "dans", "pour", "son", "avec", "sans", "à", "au",
                 "entre", "chaque", "mon", "ton", "même", "nouvelle"}
_FR_SUBJECTS = {"il", "elle", "on", "qui", "je", "j'", "tu", "ils", "elles", "ne", "n'", "ce",
                "cela", "ça", "nous", "vous"}
_FR_CLITICS = {"le", "la", "les", "l'", "me", "m'", "te", "t'", "se", "s'", "nous", "vous",
               "lui", "leur", "y", "en", "ne", "n'"}
# Nouns that are also forms of a verb: traiter, lutter, aider, contrôler.
_AMBIGUOUS_VERB = {"traite", "traites", "lutte", "luttent", "aide", "aident", "contrôle",
                   "contrôlent"}
_FR_OBJECT_START = {"le", "la", "les", "l'", "un", "une", "ses", "son", "sa", "leur", "leurs",
                    "ce", "cette", "ces"}


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a glossary term in a text.

    ``number`` is ``"pl"`` or ``"sg"`` when the text's form differs in number
    from the glossary entry (trafics illicites for trafic illicite), else ``""``.
    ``article`` is the definite article just before the term, if any.
    """

    concept: Concept
    term: Term
    span: Span
    number: str = ""
    article: Span | None = None


def _term_keys(term: Term) -> tuple[str, ...]:
    if term.type in ("acronym", "abbreviation"):
        return tuple(_EXACT + t.text for t in tokenize(term.text, term.lang))
    return tuple(t.key for t in tokenize(term.text, term.lang) if t.key is not None)


def _is_plural(word: str) -> bool:
    w = _fold(word)
    # English plurals without an s (displaced people → personnes déplacées)
    return (len(w) > 3 and w[-1] in "sx") or w in ("people", "children", "women", "men")


class Matcher:
    """Finds the terms of one language of a glossary in texts of that language.

    >>> from .model import Concept, Term
    >>> g = Glossary.of([Concept("t", (Term("retour volontaire", "fr"),))])
    >>> [m.span.text for m in Matcher(g, "fr").find("Des retours volontaires ont eu lieu.")]
    ['retours volontaires']
    """

    def __init__(self, glossary: Glossary | Iterable[Concept], lang: str, *,
                 deprecated: bool = True, resolve: bool = False) -> None:
        self.lang = lang
        # resolve: one concept per span (see _one_concept_per_span); phrase rules, which
        # list several renderings of one expression, choose among them themselves.
        self.resolve = resolve
        self._index: dict[str, list[tuple[tuple[str, ...], Concept, Term]]] = {}
        self.terms = 0
        self._last: tuple[str, tuple[Match, ...]] | None = None
        for concept in glossary:
            for term in concept.in_lang(lang):
                if term.status == DEPRECATED and not deprecated:
                    continue
                keys = _term_keys(term)
                if keys:
                    self.terms += 1
                    self._index.setdefault(keys[0], []).append((keys, concept, term))
        for bucket in self._index.values():
            bucket.sort(key=lambda item: -len(item[0]))

    def find(self, text: str, *, overlapping: bool = False) -> list[Match]:
        """Term occurrences in ``text``, left to right.

        By default the longest match wins and matches do not overlap
        (``aide au retour volontaire et à la réintégration`` hides the
        ``retour volontaire`` inside it); ``overlapping=True`` lists nested
        and overlapping occurrences too.
        """
        if self._last is not None and self._last[0] == text:
            # The phrase rules ask for both readings of one sentence in a row.
            found = list(self._last[1])
        else:
            found = self._all(text)
            self._last = (text, tuple(found))
        if overlapping:
            return found
        return _longest_first(_one_concept_per_span(found) if self.resolve else found)

    def _all(self, text: str) -> list[Match]:
        """Every occurrence, nested and overlapping ones too, by start then longest."""
        tokens = tokenize(text, self.lang)
        content = [i for i, t in enumerate(tokens) if t.key is not None]
        ckeys = [tokens[i].key for i in content]
        found: list[Match] = []
        for ci, ti in enumerate(content):
            tok = tokens[ti]
            cands = self._index.get(tok.key, [])  # sorted longest first
            exact = self._index.get(_EXACT + tok.text)
            if exact:
                cands = sorted(cands + exact, key=lambda c: -len(c[0]))
            for keys, concept, term in cands:
                # Most candidates fail on their keys: compared at once before the glue.
                if not keys[0].startswith(_EXACT) and \
                        tuple(ckeys[ci:ci + len(keys)]) != keys:
                    continue
                end_ci = self._extend(text, tokens, content, ci, keys, "," in term.text)
                if end_ci is None:
                    continue
                last = tokens[content[end_ci]]
                if self.lang == "fr" and _fold(tok.text) in _AMBIGUOUS_VERB \
                        and _verb_context(tokens, ti, text):
                    continue
                found.append(self._match(text, tokens, ti, last, concept, term))
        found.sort(key=lambda m: (m.span.start, -(m.span.end - m.span.start)))
        return found

    def _extend(self, text: str, tokens: list[Token], content: list[int], ci: int,
                keys: tuple[str, ...], comma: bool = False) -> int | None:
        if ci + len(keys) > len(content):
            return None
        for k, key in enumerate(keys):
            tok = tokens[content[ci + k]]
            ok = tok.text == key[1:] if key.startswith(_EXACT) else tok.key == key
            if not ok:
                return None
        # Words of one term sit together: no punctuation between them (skipped articles ok).
        glue = _GLUE_COMMA if comma else _GLUE
        for j in range(content[ci], content[ci + len(keys) - 1]):
            if not glue.match(text[tokens[j].end:tokens[j + 1].start]):
                return None
        return ci + len(keys) - 1

    def _match(self, text: str, tokens: list[Token], ti: int, last: Token, concept: Concept,
               term: Term) -> Match:
        first = tokens[ti]
        span = Span(first.start, last.end, text[first.start:last.end], concept.id)
        number = ""
        if term.type not in ("acronym", "abbreviation"):
            words = [t.text for t in tokenize(term.text, term.lang) if t.key is not None]
            k = _head_index(words, term.lang)
            seen = [t.text for t in tokens[ti:] if t.start <= last.start and t.key is not None]
            head_text, here = words[k], seen[min(k, len(seen) - 1)]
            if _fold(head_text) != _fold(here) and _is_plural(here) != _is_plural(head_text):
                number = "pl" if _is_plural(here) else "sg"
        article = None
        if ti > 0 and tokens[ti - 1].key is None:
            prev = tokens[ti - 1]
            if _GLUE.match(text[prev.end:first.start]):
                article = Span(prev.start, prev.end, prev.text, "article")
        return Match(concept, term, span, number, article)


# English puts the head noun last, before any complement (stranded *migrants*, *victims* of
# trafficking); French and Spanish put it first (*migrants* bloqués).
_EN_HEAD_BREAK = {"of", "in", "for", "against", "to", "on", "and", "at", "from", "with"}


def _head_index(words: list[str], lang: str) -> int:
    """Position of the head noun among the content words of a term."""
    if lang != "en":
        return 0
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _EN_HEAD_BREAK), len(words))
    return max(0, cut - 1)


def _one_concept_per_span(found: list[Match]) -> list[Match]:
    """Where one span names several concepts, the concept whose term there is preferred.

    In the reverse direction one English term may be the preferred term of one concept and
    an admitted one of others ("trafficking" for *traite*, and admitted under *traite des
    êtres humains*). A span still claimed by several concepts on equal terms is ambiguous:
    no concept is applied there, the engine's own rendering stays (never a guess).
    """
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in found:
        by_span.setdefault((m.span.start, m.span.end), []).append(m)
    out = []
    for group in by_span.values():
        if len({m.concept.id for m in group}) > 1:
            best = min(_rank(m) for m in group)
            group = [m for m in group if _rank(m) == best]
            if len({m.concept.id for m in group}) > 1:
                continue
        out.append(group[0])
    return out


def _rank(m: Match) -> int:
    return 0 if m.term.status == PREFERRED else 1


def ambiguous(glossary: Glossary, lang: str) -> list[tuple[str, list[str]]]:
    """Terms of ``lang`` that several concepts claim on equal terms: (term, concept ids).

    These are left to the engine when ``lang`` is the source language.
    """
    claims: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
    for concept in glossary:
        for term in concept.approved(lang):
            keys = _term_keys(term)
            if keys:
                claims.setdefault(keys, []).append(
                    (0 if term.status == PREFERRED else 1, concept.id, term.text))
    out = []
    for items in claims.values():
        best = min(r for r, _, _ in items)
        ids = sorted({cid for r, cid, _ in items if r == best})
        if len(ids) > 1:
            out.append((next(t for r, _, t in items if r == best), ids))
    return sorted(out)


def _longest_first(found: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(found, key=lambda m: (-(m.span.end - m.span.start), m.span.start)):
        if all(m.span.end <= s or m.span.start >= e for s, e in taken):
            chosen.append(m)
            taken.append((m.span.start, m.span.end))
    return sorted(chosen, key=lambda m: m.span.start)


def _verb_context(tokens: list[Token], i: int, text: str) -> bool:
    """Whether the word at token ``i`` (traite, lutte, aide) is a verb, judged from its neighbours.

    A noun follows a determiner or preposition (la traite, contre la traite,
    victimes de traite); a verb follows a subject or an object clitic after a
    subject (il traite, qui la traite) or a noun subject (le médecin traite).
    """
    prev = _fold(tokens[i - 1].text) if i > 0 else ""
    before = _fold(tokens[i - 2].text) if i > 1 else ""
    nxt = _fold(tokens[i + 1].text) if i + 1 < len(tokens) else ""
    if i > 0 and re.search(r"[.!?:;]\s*$", text[tokens[i - 1].end:tokens[i].start]):
        prev = before = ""  # a new sentence starts here
    if not prev:  # "Traite des êtres humains" (a title) but "Traite le dossier"
        return nxt in _FR_OBJECT_START
    if prev in _FR_SUBJECTS:
        return True
    if prev in _FR_CLITICS and before in _FR_SUBJECTS | _FR_CLITICS:
        return True
    return prev not in _FR_NOUN_CUES
