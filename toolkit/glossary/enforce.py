"""Glossary enforcement as an engine wrapper: any engine in, the same Protocol out.

Two strategies, measured in ``benchmarks/bench_glossary.py``:

``protect`` (default)
    Each French term found is replaced by a number-like placeholder (``90417``)
    before the inner engine runs: rule-based and neural engines copy numbers
    through untouched and keep the sentence's grammar around them, whereas
    unknown letter tokens come back marked ``*`` by Apertium. The target term
    is put back in the source's number, with the article around it adjusted
    ("l'OIM" → "the 90417" → "IOM"; Spanish "el/la" agreement). A text whose
    placeholder the engine lost is translated again unprotected and repaired.
``repair``
    The text is translated as is; concepts whose approved rendering is
    missing get a deprecated rendering replaced in the output; texts still
    missing a term fall back to ``protect``.

With an n-best engine, the hypothesis that keeps every placeholder (protect)
or renders the most terms (repair) is chosen before restoring.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..engines.base import Engine, Hypothesis, Translation, Wrapper
from ..errors import EngineError
from ..langs import Lang
from ..masking import find_numeric, numeric_tokens
from .hints_en import bare_plural, hint, pivot_residue
from .inflect import en_number, es_article, es_gender, es_number, fr_elides, fr_gender, fr_number
from .match import Match, Matcher
from .model import Glossary, Term
from .slots import Plan, Slot
from .verify import Verifier

STRATEGIES = ("protect", "repair")
_BASE = 90417
_PLURAL_DET = re.compile(r"(?:\b(?:les|des|aux|ces|leurs|nos|vos|plusieurs|[0-9]+)\s+)$", re.I)
# "one" is what the engine makes of French "un"/"une" before a placeholder it reads
# as a number ("one psychosocial support"): an article, to agree like a/an.
_EN_ART = re.compile(r"(?:\b(the|The|THE|a|an|A|An|one|One)\s+)$")
# "lo" is what Apertium makes of French "le"/"l'" before a placeholder it cannot read.
_ES_ART = re.compile(r"(?:\b(el|la|lo|los|las|un|una|uno|unos|unas|del|al|de la|a la|El|La|Lo|"
                     r"Los|Las|Un|Una|Uno|Unos|Unas|Del|Al|De la|A la)\s+)$")
_ALL_CAPS = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ0-9&-]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\n«“\"(]\s*)$")


def note(source: str, target: str) -> str:
    """The provenance line recorded in ``Translation.notes`` for one applied term."""
    return f"glossary: {source} → {target}"


def _target_for(match: Match, tgt: str, source: str) -> tuple[Term, str, bool] | None:
    concept = match.concept
    # A source term written in capitals is an acronym whatever its entry says
    # (OIPC-INTERPOL): it maps to the target's acronym, never to a second long form.
    kind = "acronym" if _ALL_CAPS.match(match.term.text) else match.term.type
    term = concept.preferred(tgt, kind)
    if term is None:
        return None
    text, plural = term.text, match.number == "pl"
    if term.type in ("acronym", "abbreviation") or kind == "acronym":
        plural = bool(_PLURAL_DET.search(source[: match.span.start]))
        if plural:
            # An acronym has a plural when the glossary lists one (NGO → NGOs).
            pl = [t for t in concept.approved(tgt) if t.text == term.text + "s"]
            text = pl[0].text if pl else text
    elif concept.article != "none" and match.number:
        text = {"en": en_number, "es": es_number, "fr": fr_number}.get(
            tgt, lambda t, n: t)(text, match.number)
    return term, text, plural


class GlossaryEngine(Wrapper):
    """Wraps ``inner`` so that glossary terms come out as the glossary says.

    >>> from toolkit.glossary import load_default
    >>> engine = GlossaryEngine(inner_engine, load_default())  # doctest: +SKIP
    """

    resolve = True  # a span several concepts claim equally is left alone

    def __init__(self, inner: Engine, glossary: Glossary, *, strategy: str = "protect") -> None:
        if strategy not in STRATEGIES:
            raise EngineError(f"unknown glossary strategy {strategy!r}",
                              hint="one of " + ", ".join(STRATEGIES))
        super().__init__(inner)
        self.glossary = glossary
        self.strategy = strategy
        self.name = f"{inner.name}+glossary"
        self._matchers: dict[str, Matcher] = {}
        self._verifiers: dict[tuple[str, str], Verifier] = {}

    def route(self, src: Lang, tgt: Lang) -> list[str]:
        return self.inner.route(src, tgt) + ["glossary"]

    def matcher(self, lang: str) -> Matcher:
        if lang not in self._matchers:
            self._matchers[lang] = Matcher(self.glossary, lang, deprecated=False,
                                           resolve=self.resolve)
        return self._matchers[lang]

    def verifier(self, src: str, tgt: str) -> Verifier:
        if (src, tgt) not in self._verifiers:
            self._verifiers[(src, tgt)] = Verifier(self.glossary, src, tgt)
        return self._verifiers[(src, tgt)]

    def plan(self, text: str, src: str, tgt: str) -> Plan:
        """The placeholder version of ``text`` and what each placeholder stands for."""
        pieces, slots, pos = [], [], 0
        tokens = numeric_tokens(text, _BASE)
        for m in self.matcher(src).find(text):
            chosen = _target_for(m, tgt, text)
            if chosen is None:
                continue
            token = next(tokens)
            pieces += [text[pos:m.span.start], token]
            pos = m.span.end
            nxt = re.match(r"\W*?(\w+)", text[m.span.end:])
            slots.append(Slot(token, m, chosen[0], chosen[1], chosen[2],
                              nxt.group(1) if nxt else ""))
        pieces.append(text[pos:])
        return Plan(text, "".join(pieces), tuple(slots))

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        s, t = src.iso639_1, tgt.iso639_1
        if not self.matcher(s).terms or not any(c.approved(t) for c in self.glossary):
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        plans = [self.plan(x, s, t) for x in texts]
        if s == "en" and "apertium" in self.inner.name:
            # Apertium's tagger reads a word after a number as a noun; other engines need no hint.
            plans = [hint(p) for p in plans]
        if self.strategy == "protect":
            return self._protect_all(plans, src, tgt, n_best)
        return self._repair_all(plans, src, tgt, n_best)

    def _protect_all(self, plans: list[Plan], src: Lang, tgt: Lang,
                     n_best: int) -> list[Translation]:
        # One engine batch for the texts with terms (masked) and those without (as they are):
        # each batch costs a pipeline start, which is most of the time of a small release.
        # The masked texts go first, in the order two separate batches had, because a
        # rule-based engine's output for a line can depend on the line before it.
        todo = [i for i, p in enumerate(plans) if p.slots]
        plain = [i for i, p in enumerate(plans) if not p.slots]
        out: list[Translation | None] = [None] * len(plans)
        raw = self.inner.translate_batch([plans[i].masked for i in todo]
                                         + [plans[i].source for i in plain], src, tgt,
                                         n_best=n_best)
        lost = []
        for i, tr in zip(todo, raw[:len(todo)], strict=True):
            restored = self._restore_best(tr, plans[i], tgt.iso639_1)
            if restored is None:
                lost.append(i)
            else:
                out[i] = restored
        for i, tr in zip(plain, raw[len(todo):], strict=True):
            out[i] = self._repair(tr, plans[i], src.iso639_1, tgt.iso639_1)
        if lost:  # rare: a placeholder the engine dropped; translated again unprotected
            fresh = self.inner.translate_batch([plans[i].source for i in lost], src, tgt,
                                               n_best=n_best)
            for i, tr in zip(lost, fresh, strict=True):
                out[i] = self._repair(tr, plans[i], src.iso639_1, tgt.iso639_1)
        return [o for o in out if o is not None]

    def _repair_all(self, plans: list[Plan], src: Lang, tgt: Lang,
                    n_best: int) -> list[Translation]:
        s, t = src.iso639_1, tgt.iso639_1
        raw = self.inner.translate_batch([p.source for p in plans], src, tgt, n_best=n_best)
        out = [self._repair(tr, p, s, t) for tr, p in zip(raw, plans, strict=True)]
        todo = [i for i, (o, p) in enumerate(zip(out, plans, strict=True))
                if self._missing(p, o.text, s, t)]
        if todo:
            prot = self._protect_all([plans[i] for i in todo], src, tgt, n_best)
            for i, tr in zip(todo, prot, strict=True):
                if self._missing(plans[i], tr.text, s, t) < self._missing(plans[i], out[i].text,
                                                                            s, t):
                    out[i] = tr
        return out

    def _missing(self, plan: Plan, target: str, src: str, tgt: str) -> int:
        checks = self.verifier(src, tgt).check(plan.source, target, [x.match for x in plan.slots])
        return sum(c.missing + len(c.forbidden) for c in checks)

    def _restore_best(self, tr: Translation, plan: Plan, tgt: str) -> Translation | None:
        candidates = [tr.text] + [h.text for h in tr.hypotheses]
        best = next((c for c in candidates if all(s.token in c for s in plan.slots)), None)
        if best is None:
            return None
        text = restore(best, plan.slots, tgt)
        hyps = tuple(Hypothesis(restore(h.text, plan.slots, tgt), h.score)
                     for h in tr.hypotheses if all(s.token in h.text for s in plan.slots))
        notes = tuple(note(s.match.span.text, s.target) for s in plan.slots)
        return dataclasses.replace(tr, text=text, hypotheses=hyps, notes=tr.notes + notes)

    def _repair(self, tr: Translation, plan: Plan, src: str, tgt: str) -> Translation:
        """Targeted post-editing: swap deprecated renderings for the glossary term."""
        candidates = [tr.text] + [h.text for h in tr.hypotheses]
        text = min(candidates, key=lambda c: self._missing(plan, c, src, tgt))
        notes = []
        verifier = self.verifier(src, tgt)
        for slot in plan.slots:
            checks = verifier.check(plan.source, text, [slot.match])
            if not checks:
                continue
            check = checks[0]
            if check.missing and check.forbidden:
                bad = check.forbidden[0]
                new = slot.target
                if text[bad.start:bad.start + 1].isupper():
                    new = new[0].upper() + new[1:]
                text = text[:bad.start] + new + text[bad.end:]
                check = verifier.check(plan.source, text, [slot.match])[0]
            if not check.missing:
                notes.append(note(slot.match.span.text, slot.target))
        return dataclasses.replace(tr, text=text, notes=tr.notes + tuple(notes))


def restore(text: str, slots: Sequence[Slot], tgt: str) -> str:
    """Put each slot's target term where its placeholder is, fixing the article before it."""
    for slot in slots:
        m = find_numeric(text, slot.token)
        if not m:
            continue
        before, after = text[: m.start()], text[m.end():]
        new = slot.target
        if tgt == "en":
            before, new = _english_article(before, new, slot)
        elif tgt in ("es", "fr"):
            start = _SENTENCE_START.search(before)
            fix = _spanish_article if tgt == "es" else _french_article
            before = fix(_with_article(before, slot, tgt), new, slot)
            if slot.match.term.lang == "en":
                after = pivot_residue(after, slot)
                before = bare_plural(before, slot, tgt)
                if start and len(before) > start.end():  # an article went in at the start
                    before = before[: start.end()] + before[start.end()].upper() + \
                        before[start.end() + 1:]
                    text = before + new + after
                    continue
        if _SENTENCE_START.search(before):
            new = new[0].upper() + new[1:]
        text = before + new + after
    return text


def _english_article(before: str, new: str, slot: Slot) -> tuple[str, str]:
    art = _EN_ART.search(before)
    if not art:
        return before, new
    word = art.group(1)
    concept = slot.match.concept
    short = slot.term.type in ("acronym", "abbreviation")
    if word.lower() == "the":
        if concept.article == "none" or (concept.article == "short" and short):
            cut = before[: art.start()]
            return cut, (new[0].upper() + new[1:]) if word[0] == "T" and \
                _SENTENCE_START.search(cut) else new
        return before, new
    if word.lower() == "one" and slot.plural:
        return before, new
    # a/an must agree with the sound of what now follows
    vowel = new[:1].lower() in "aeiou" or (short and new[:1] in "AEFHILMNORSX")
    fixed = ("an" if vowel else "a")
    fixed = fixed.capitalize() if word[0].isupper() else fixed
    return before[: art.start()] + fixed + before[art.start() + len(word):], new


def _spanish_article(before: str, new: str, slot: Slot) -> str:
    art = _ES_ART.search(before)
    if not art:
        return before
    gender = slot.term.gender or es_gender(
        (slot.match.concept.preferred("es") or slot.term).text)
    word = art.group(1)
    plural = slot.plural or word.lower() in ("los", "las", "unos", "unas")
    fixed = es_article(word, gender, plural)
    return before[: art.start()] + fixed + before[art.start() + len(word):]


_FR_ART = re.compile(r"(?:(?<![\w'’])(le|la|les|l['’]|du|de la|de l['’]|des|au|à la|à l['’]|aux|un|une|"
                     r"de|d['’])(\s*))$", re.IGNORECASE)
_DETERMINED = re.compile(r"(?<![\w'’])(?:le|la|les|l['’]|du|des|au|aux|un|une|ce|cet|cette|ces|son|sa|"
                         r"ses|leur|leurs|notre|nos|votre|vos|el|los|las|del|al|su|sus|lo|este|esta|"
                         r"nuestra|nuestro)\s*$", re.IGNORECASE)
_FR_FORMS = {
    # (article, feminine, elided, plural) → form; "de"/"d'" stay a bare preposition
    "le": ("le", "la", "l'", "les"), "la": ("le", "la", "l'", "les"), "l'": ("le", "la", "l'", "les"),
    "du": ("du", "de la", "de l'", "des"), "de la": ("du", "de la", "de l'", "des"),
    "de l'": ("du", "de la", "de l'", "des"),
    "au": ("au", "à la", "à l'", "aux"), "à la": ("au", "à la", "à l'", "aux"),
    "à l'": ("au", "à la", "à l'", "aux"),
    "un": ("un", "une", None, None), "une": ("un", "une", None, None),
    "de": ("de", "de", "d'", "de"), "d'": ("de", "de", "d'", "de"),
}


def _acronym_needs_article(slot: Slot) -> bool:
    """An organisation's acronym goes without *the* in English and with an article in French
    and Spanish (IOM helps → L'OIM aide, La OIM ayuda)."""
    return slot.match.term.lang == "en" and slot.match.concept.article == "short" and \
        slot.term.type in ("acronym", "abbreviation")


def _with_article(before: str, slot: Slot, tgt: str) -> str:
    if slot.match.term.lang == "en" and slot.match.number == "pl" \
            and _SENTENCE_START.search(before) and not before.rstrip().endswith("("):
        # A plural English subject goes without an article, a French or Spanish one takes
        # it: "Victims of trafficking receive" → "Les victimes de la traite", "Las víctimas".
        if tgt == "fr":
            return before + "les "
        gender = slot.term.gender or es_gender(slot.term.text)
        return before + ("las " if gender == "feminine" else "los ")
    if not _acronym_needs_article(slot) or _DETERMINED.search(before) or \
            before.rstrip().endswith("("):
        return before
    full = slot.match.concept.preferred(tgt) or slot.term
    if tgt == "fr":
        feminine = (full.gender or fr_gender(full.text)) == "feminine"
        bare = re.search(r"(?<![\w'’])(de|d['’]|à)\s*$", before, re.IGNORECASE)
        if bare:  # de OIM → de l'OIM, à HCR → au HCR
            word = bare.group(1).lower().replace("’", "'")
            art = {"d'": "de l'", "de": "de l'", "à": "à l'"}[word]
            return before[: bare.start(1)] + _case_like(art, bare.group(1)) + \
                ("" if art.endswith("'") else " ")
        return before + ("la " if feminine else "le ")
    gender = full.gender or es_gender(full.text)
    return before + ("la " if gender == "feminine" else "el ")


def _french_article(before: str, new: str, slot: Slot) -> str:
    """The article before a French term agreeing with it: elision (l'OIM, d'asile), gender
    (la traite, le trafic) and number (les migrants bloqués)."""
    art = _FR_ART.search(before)
    if not art:
        return before
    word = art.group(1)
    key = word.lower().replace("’", "'")
    forms = _FR_FORMS.get(key)
    if forms is None:
        return before
    concept = slot.match.concept
    full = concept.preferred("fr") if slot.term.type in ("acronym", "abbreviation") else slot.term
    feminine = ((full or slot.term).gender or fr_gender((full or slot.term).text)) == "feminine"
    plural = slot.plural or (slot.term.type not in ("acronym", "abbreviation")
                             and slot.match.number == "pl")
    if plural and forms[3] and key not in ("de", "d'"):
        fixed = forms[3]
    elif fr_elides(new) and forms[2]:
        fixed = forms[2]
    elif key in ("de", "d'"):
        fixed = "de"
    elif key in ("les", "des", "aux") or (key in ("le", "la", "l'", "du", "de la", "de l'", "au",
                                                   "à la", "à l'") and plural):
        return before
    else:
        fixed = forms[1] if feminine else forms[0]
    space = "" if fixed.endswith("'") else (art.group(2) or " ")
    return before[: art.start(1)] + _case_like(fixed, word) + space


def _case_like(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new
