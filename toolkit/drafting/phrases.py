"""Phrase rules: institutional French that a rule-based engine renders word by word.

The rules are data, one file per language pair
(``toolkit/drafting/data/phrases-fr-en.tsv``, ``phrases-fr-es.tsv``), one rule
a line::

    # family: reporting verbs
    a déclaré<TAB>said
    le Dr<TAB>Dr<TAB>noart

Columns: French expression, target rendering, optional flags separated by
commas: ``noart`` (drop the target article the engine puts before it, as for
a title), ``exact`` (match case-sensitively, for abbreviations such as
``S.E.``), ``fem``/``masc`` (gender of a Spanish rendering, for the article
before it), ``verb`` (the reading of a word that is also a noun, used where no
determiner comes before it and an object follows: *l'OIM équipe trois postes*),
``adj`` (an adjective French puts after its noun and English before it, in one
form: *vols prioritaires* → priority flights, *législation centrafricaine* →
Central African legislation; the rule gives the adjective alone and the
rendering goes before the noun the engine translates).
Matching goes through the glossary's French matcher (inflection,
elision, apostrophe variants), and rules are applied with the glossary's own
protect-and-restore machinery: each expression becomes a number-like
placeholder the engine copies through, and the rendering is put back
afterwards. The layer sits below the domain glossary, so a glossary term
always wins over a phrase rule.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..engines.base import Engine, Translation, Wrapper
from ..glossary.enforce import _BASE, GlossaryEngine, Plan, Slot, _target_for
from ..glossary.match import Match, _fold
from ..glossary.model import Glossary
from ..langs import Lang
from ..masking import WORD, numeric_tokens
from ..model import Span
from .phrase_rules import Rule, as_glossary, default_file, load, parse  # noqa: F401  (their old home)


class _PhraseEngine(GlossaryEngine):
    """The glossary machinery, plus what a phrase needs that a term does not.

    Abbreviations written with full stops (``S.E.``, ``M.``) are found by
    exact pattern, since the word matcher treats a full stop as the end of a
    term; a rule ending in *de*/*à* that matched *du*/*au*/*aux* gets the
    article the contraction held (compte tenu du → given the).
    """

    resolve = False  # several renderings of one expression: _words chooses

    def __init__(self, inner: Engine, glossary: Glossary) -> None:
        super().__init__(inner, glossary)
        self._dotted = [
            (re.compile(r"(?<![\w.])" + re.escape(t.text) + r"(?!\w)"), c, t)
            for c in glossary for t in c.in_lang("fr") if "." in t.text]

    def _find(self, text: str, src: str) -> list[Match]:
        found = [Match(c, t, Span(m.start(), m.end(), m.group(), c.id))
                 for rx, c, t in self._dotted for m in rx.finditer(text)]
        taken = [(m.span.start, m.span.end) for m in found]
        # An inline code inside an expression (<g1>86 agents</g1> de police) comes as a
        # placeholder between its words: the words are matched without it.
        # Matches that hold no placeholder are taken from the text itself (the context
        # checks of _words read it as it is).
        words = [m for m in self._words(text, src)
                 if all(m.span.end <= x or m.span.start >= y for x, y in taken)]
        bare, where = _without_placeholders(text)
        if bare != text:
            for m in self._words(bare, src):
                a, b = where[m.span.start], where[m.span.end - 1] + 1
                if b - a != m.span.end - m.span.start and \
                        all(b <= x or a >= y for x, y in taken):
                    words = [w for w in words if w.span.end <= a or w.span.start >= b]
                    words.append(replace(m, span=Span(a, b, text[a:b], m.span.kind)))
        return sorted(found + words, key=lambda m: m.span.start)

    def _words(self, text: str, src: str) -> list[Match]:
        """Word matches; among rules matching one span, the one written as the text is.

        Matching keys fold gender and number (nigérien, nigériennes), the
        renderings do not (nigerino, nigerinas).
        """
        chosen = {(m.span.start, m.span.end): m for m in self.matcher(src).find(text)}
        every: dict[tuple[int, int], list[Match]] = {}
        for m in self.matcher(src).find(text, overlapping=True):
            key = (m.span.start, m.span.end)
            every.setdefault(key, []).append(m)
            if key in chosen and _fold(m.term.text) == _fold(m.span.text):
                chosen[key] = m
        for key in list(chosen):
            # A word that is a noun or a verb (équipe: team / equips): the verb rule
            # where the context reads as a verb, the other rule elsewhere.
            verbs = [m for m in every[key] if m.concept.id.endswith("-verb")]
            if not verbs:
                continue
            if _verb_context(text, *key):
                chosen[key] = verbs[0]
            else:
                others = [m for m in every[key] if not m.concept.id.endswith("-verb")]
                if others:
                    chosen[key] = others[0]
                else:
                    del chosen[key]
        return list(chosen.values())

    def plan(self, text: str, src: str, tgt: str) -> Plan:
        pieces, slots, pos = [], [], 0
        tokens = numeric_tokens(text, _BASE)
        cut: list[tuple[int, int]] = []  # partitive articles the engine must not see

        def piece(a: int, b: int) -> str:
            out, at = [], a
            for x, y in cut:
                if a <= x < b:
                    out.append(text[at:x])
                    at = y
            return "".join(out) + text[at:b]

        for m in self._find(text, src):
            if m.span.start < pos:
                continue
            chosen = _target_for(m, tgt, text)
            if chosen is None:
                continue
            term, target, plural = chosen
            noun = None
            if m.concept.id.endswith("-adj"):
                # The rendering goes before the noun it follows, in one form: the engine
                # reads the placeholder as a numeral there (des 90417 vols → the 90417 flights).
                noun = _NOUN_BEFORE.search(text, pos, m.span.start)
                word = noun.group(1).casefold() if noun else ""
                if word in _COPULAS:
                    # The attribute of être (ces vols sont prioritaires): the rendering
                    # stays where it is; the pivot would leak its Spanish (prioritarios).
                    noun = None
                elif noun is None or word in _NOT_NOUNS:
                    continue
            if noun is not None:
                token = next(tokens)
                pieces += [piece(pos, noun.start(1)), token + " ", piece(noun.start(1), noun.end(1))]
                pos = m.span.end
                slots.append(Slot(token, m, term, term.text, False))
                continue
            target = _contraction(m, target, tgt, text[m.span.end:])
            # An indefinite article before a placeholder reads as the numeral ("one
            # training programme", "uno apoyo"): it goes into the rendering.
            article = _INDEFINITE.search(text[pos:m.span.start])
            if article and tgt in ("en", "es") and not _HAS_ARTICLE.match(target):
                start = pos + article.start(1)
                m = replace(m, span=Span(start, m.span.end, text[start:m.span.end], m.span.kind))
                target = _indefinite(article.group(1), target, term.gender, tgt)
            # The partitive "des" after a verb reads as "of the" once the verb is a
            # placeholder ("handed over this Thursday of the control equipment"), and
            # as "the" before one ("suffered the violence"): English and Spanish say neither.
            before = _DES_AFTER_PARTICIPLE.search(text[pos:m.span.start])
            if before and before.group(2).casefold() not in _DE_VERBS:
                cut.append((pos + before.start(3), pos + before.end(3)))
            if m.concept.domain in _VERB_FAMILIES:
                after = _DES_AFTER_RULE.match(text, m.span.end)
                if after:
                    cut.append(after.span(1))
            if tgt == "en" and _INFINITIVE.search(m.term.text.split(" ")[0]):
                # "pour/de renforcer" → "to strengthen": the placeholder hides the
                # infinitive the engine would have turned into "to".
                to = _TO_PREP.search(text[pos:m.span.start])
                if to:
                    start = pos + to.start()
                    m = replace(m, span=Span(start, m.span.end, text[start:m.span.end],
                                             m.span.kind))
                    target = "to " + target
            token = next(tokens)
            # An elided end (d', l') was glued to the next word: keep them apart.
            glue = " " if m.span.text[-1:] in "'’" else ""
            before, after = _codes_inside(m.span.text, text[m.span.end:])
            pieces += [piece(pos, m.span.start), before + token + after + glue]
            pos = m.span.end
            slots.append(Slot(token, m, term, target, plural))
        pieces.append(piece(pos, len(text)))
        return Plan(text, "".join(pieces), tuple(slots))


def _without_placeholders(text: str) -> tuple[str, list[int]]:
    """``text`` without the placeholders that stand between two words, and for each of its
    characters the offset in ``text``."""
    out, where, pos = [], [], 0
    for m in _BETWEEN.finditer(text):
        if _TAKES_NUMBER.search(text, max(0, m.start() - 12), m.start()):
            continue
        out.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(out), where


def _codes_inside(matched: str, rest: str) -> tuple[str, str]:
    """The placeholders inside a matched expression, to go before and after its rendering.

    A code inside an expression is one end of a pair: an opening one, whose pair closes
    right after the expression (agents <g1>de police</g1>), goes before the rendering, so
    the pair wraps it; any other (a closing one: <g1>86 agents</g1> de police) goes after,
    so the pair still holds the words before it and now the whole expression too.
    """
    inside = WORD.findall(matched)
    if not inside:
        return "", ""
    follow = re.match(r"\s*ZXQ(\d+)QZ", rest)
    before = [n for n in inside if follow and int(follow.group(1)) == int(n) + 1]
    after = [n for n in inside if n not in before]
    return ("".join(f"ZXQ{n}QZ " for n in before), "".join(f" ZXQ{n}QZ" for n in after))


# A placeholder with the space after it, between two words.
_BETWEEN = re.compile(r"(?<=\w )ZXQ\d+QZ (?=\w)")
# Words that take a number after them (des 15 dernières années, plus de 20): a placeholder
# there is a number, not an inline code, and stays a break between words.
_TAKES_NUMBER = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|de|au|aux|à|ce|ces|cet|cette|son|sa|ses|leur|leurs|nos|"
    r"notre|vos|votre|plus|moins|et|ou|par|pour|sur|dans|en|avec|sans|entre|vers|environ|"
    r"près|chaque|quelques|dont|soit|sont|est|ont|a)|['’]) $", re.IGNORECASE)


_NOT_BEFORE_VERB = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|de|ce|cet|cette|ces|son|sa|ses|leur|leurs|notre|nos|votre|"
    r"vos|mon|ma|mes|chaque|toute|tout|quelle|quel|avec|pour|par|sans|en|dans|sur)|[ld]['’])\s*$",
    re.IGNORECASE)
_BEFORE_OBJECT = re.compile(
    r"\s+(?:le|la|les|l['’]|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs|plus|près|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d|" + WORD.pattern + ")", re.IGNORECASE)


def _verb_context(text: str, start: int, end: int) -> bool:
    """A word reads as a verb: no determiner or preposition before it, an object after it."""
    return not _NOT_BEFORE_VERB.search(text[:start]) and bool(_BEFORE_OBJECT.match(text, end))


# The noun an "adj" rule follows: the word right before it (not a determiner or a verb form
# the adjective would be the attribute of: est prioritaire).
_NOUN_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+$")
_NOT_NOUNS = {"le", "la", "les", "un", "une", "des", "du", "de", "est", "sont", "était", "étaient",
              "sera", "seront", "soit", "être", "devient", "deviennent", "reste", "restent",
              "très", "plus", "moins", "si", "aussi", "et", "ou", "comme", "jugé", "jugée", "jugés",
              "jugées", "considéré", "considérée", "considérés", "considérées"}
_COPULAS = {"est", "sont", "était", "étaient", "sera", "seront", "soit", "soient", "être",
            "devient", "deviennent", "reste", "restent", "demeure", "demeurent"}
_VERB_FAMILIES = {"reporting verbs", "verb phrases", "verbs of reports and surveys"}
_INDEFINITE = re.compile(r"(?:^|(?<=\s))([Uu]ne?) $")
_HAS_ARTICLE = re.compile(r"(?:a|an|the|un|una|el|la|los|las)\b", re.IGNORECASE)
_DES_AFTER_RULE = re.compile(r"\s+(?:(?:ce|cette|cet)\s+\w+\s+)?(des )(?=\w)")
_DES_AFTER_PARTICIPLE = re.compile(
    r"\b(a|ont|avait|avaient|aura|auront)\s+(\w+(?:é|és|ée|ées|i|is|u|us|it|its|ert|erts))"
    r"\s+(des )$")
# Participles whose verb takes "de": their "des" is "de les" (parler des violences).
_DE_VERBS = {"parlé", "traité", "discuté", "débattu", "témoigné", "bénéficié", "profité",
             "souffert", "chargé", "occupé", "sorti", "sortis", "parti", "partis", "venu",
             "venus", "revenu", "revenus", "rentré", "rentrés", "fui", "tenu", "tenus", "hérité",
             "dépendu", "disposé", "abusé", "douté", "rêvé", "joui", "tiré", "pris", "retiré"}
# Countries named without an article in English (du Mali → from Mali); those IOM
# writes with one (the Niger, the Sudan, the Gambia, the Congo) keep it.
_THE_COUNTRIES = {"Niger", "Soudan", "Gambie", "Congo", "Philippines", "Comores", "Bahamas",
                  "Maldives", "Seychelles", "Émirats", "Pays-Bas"}


def _indefinite(article: str, target: str, gender: str, tgt: str) -> str:
    if tgt == "en":
        word = "an" if target[:1].casefold() in "aeiou" else "a"
    else:
        from ..glossary.inflect import es_gender

        word = "una" if (gender or es_gender(target)) == "feminine" else "un"
    return (word.capitalize() if article[0].isupper() else word) + " " + target


@cache
def _countries() -> frozenset[str]:
    """French names of countries that are one word (Mali, Sénégal), from CLDR."""
    from babel import Locale

    return frozenset(n for n in Locale("fr").territories.values()
                     if " " not in n and n not in _THE_COUNTRIES)


_INFINITIVE = re.compile(r"^(?!.*(?:ier|aire)$)\w+(?:er|ir|re)$")
_TO_PREP = re.compile(r"(?<!\w)(?:pour|de|d['’]|à)\s*$", re.IGNORECASE)
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _contraction(m: Match, target: str, tgt: str, rest: str = "") -> str:
    last = _LAST_WORD.search(m.span.text)
    word = last.group(1).casefold() if last else ""
    rule = m.term.text.rsplit(" ", 1)[-1].casefold()
    if rule not in ("de", "à", "d'") or word not in ("du", "au", "aux"):
        return target
    if tgt == "en":
        name = re.match(r"\s*([\w-]+)", rest)
        if name and name.group(1) in _countries():
            return target
        return target + " the"
    if tgt == "es":
        if target.endswith(" de") and word == "du":
            return target[:-3] + " del"
        if target.endswith(" a") and word == "au":
            return target[:-2] + " al"
    return target


class Phrases(Wrapper):
    """Applies the phrase rules of the target language around ``inner``, for sources in
    ``source`` (the English-source layer is a subclass)."""

    source = "fr"
    machinery: type[GlossaryEngine] = _PhraseEngine

    def __init__(self, inner: Engine, paths: dict[str, str | os.PathLike] | None = None) -> None:
        super().__init__(inner)
        self._paths = dict(paths or {})
        self._engines: dict[str, Engine] = {}

    def _for(self, tgt: str) -> Engine:
        if tgt not in self._engines:
            rules = load(tgt, self._paths.get(tgt), self.source)
            self._engines[tgt] = self.machinery(self.inner, rules) if len(rules) else self.inner
        return self._engines[tgt]

    def finish(self, text: str, tgt: str) -> str:
        """What the target needs after the rules are restored (nothing, for French sources)."""
        return text

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code != self.source:
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        out = self._for(tgt.code).translate_batch(texts, src, tgt, n_best=n_best)
        # Below the domain glossary every "glossary:" note is a phrase rule's:
        # noise for a reviewer, and not a term QA should look for.
        return [replace(tr, text=self.finish(tr.text, tgt.code),
                        notes=tuple(n for n in tr.notes if not n.startswith("glossary: ")))
                for tr in out]
