"""English term placeholders rewritten so that Apertium reads the words around them right.

Two rewrites of the masked text, for English sources only:

**Compounds.** A term that modifies the noun after it (*IOM press office*, *child protection
services*, *reintegration grant*) comes out in English order, the number read as a quantity:
"l'OIM bureau de presse", "protection de l'enfance services". The noun goes first with
*of* (``press office of 90417``), which the engine renders "bureau de presse de l'OIM";
a title before a name takes the name after a comma (*IOM Director General Amy Pope* →
"Director General of 90417, Amy Pope").

**Subjects.**

A protected term reaches the engine as a number (``IOM helps`` → ``90417 helps``), and
Apertium's English tagger reads a word after a number as a noun in the plural: "90417
ayudas", "90417 obras con" (works with), "90417 llamadas" (calls on). It also makes the
verb after a number singular, so a plural subject loses agreement: "Les victimes de la
traite reçoit", "Los traficantes cargo". A pronoun between the placeholder and the verb
(``90417 it helps``, ``90417 they receive``) settles both: Spanish drops it ("90417
ayuda", "90417 reciben") and the French pivot's *ils* is taken away when the term is put
back (:func:`pivot_residue`).

The pronoun goes in only where the placeholder is the subject of that verb:

* singular term, then a verb in *-s* that is also a noun (the list below; a verb that is
  not a noun is read right already), not followed by what shows a noun ("IOM funds are");
* plural term, or two terms joined by *and*, at the start of a clause, then a finite verb
  (an auxiliary, a modal, a past, or a bare word that is not a function word).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..masking import find_numeric
from .slots import Plan, Slot

# English verbs whose third person singular is also a plural noun, as met in releases.
# Nouns that usually follow an organisation's name as a compound (IOM partners, IOM
# teams, IOM staff) are left out on purpose.
_S_VERBS = frozenset("""
aims answers appeals assists benefits calls cares changes charges claims counts delivers
demands drives estimates faces fears focuses funds helps hopes hosts increases lacks launches
leads looks matches means monitors needs notes offers plans promises records registers
remains reports requests responds returns runs seeks shares shows stands starts states
supports targets tracks trains urges uses visits warns welcomes works
""".split())
# What comes after a plural noun rather than after a verb in -s ("IOM funds are used").
_NOUN_NEXT = frozenset("""
are were have had will would can could should must may might show showed indicate suggest
said say and or of ' 's
""".split())
_ADVERB = r"(?:(?:also|now|still|often|already|currently|jointly|recently|regularly|usually|" \
          r"increasingly|together|today|continue to|regularly) )?"
# A finite verb after a plural subject: auxiliaries and modals, and any bare word that is
# not one of these (a preposition, an article, a relative, a participle in -ing).
_PLURAL_AUX = frozenset("are were have had will would can could should must may might do did "
                        "need".split())
_NOT_VERB = frozenset("""
and or but nor of in at on from for with to by into onto across under over through between
among within without during after before against about around who which that whose whom as
such including like the a an this these those its their our your his her than not per
themselves alone only both each all more most less many some who's living
""".split())
# A participle in -ed after a plural noun is a reduced relative when a preposition follows
# ("migrants stranded in Libya", "people displaced by the floods"): not the verb.
_RELATIVE_NEXT = frozenset("by in at on from during after across along near inside outside "
                           "within".split())
_CLAUSE_START = re.compile(
    r"(?:^|[.!?:;]\s+|,\s+|[–—-]\s+|\bthat\s+|[«“\"(]\s*)"
    r"(?:(?:the|The|All|all|Many|many|Most|most|Some|some|These|these|Both|both)\s+)?"
    r"(?:(?:[Mm]ore|[Ff]ewer|[Ll]ess) than\s+|(?:[Oo]ver|[Nn]early|[Aa]lmost|[Aa]round|[Aa]bout"
    r"|[Ss]ome|[Uu]p to)\s+)?(?:(?:\d[\d,.]*|ZXQ\d+QZ)\s+)?$")
_WORD = re.compile(r"\s+([a-z]+)\b(?:\s+([a-z']+))?")


# Nouns that head a compound after a term, as met in releases: the term is their modifier.
_HEADS = frozenset("""
activities agenda assessment assessments budget campaign campaigns camps capacity cards
center centers centre centres committee data department efforts experts facilities figures
flights framework funding grant grants initiative initiatives kit kits law laws mechanism
mechanisms mission missions needs network networks office offices officials operation
operations personnel plan plans points policies policy posts procedures programme programmes
program programs project projects report reports response routes sector services sessions
sites staff standards statistics strategy system systems teams unit units workers workshop
workshops
""".split())
# Nouns that come between the term and the head (IOM press office, IOM field staff).
_MODIFIERS = frozenset("""
border coordination country data displacement emergency field health management media
national press protection reception regional registration reintegration response return
shelter support transit
""".split())
_TITLE = (r"(?:Deputy |Assistant |Regional |Special |Executive )?(?:Director General|Director|"
          r"Chief of Mission|Head of Office|Head of Mission|Representative|Envoy|Coordinator|"
          r"Spokesperson|spokesperson|Programme Manager|Project Manager)")
_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"


_DETERMINER = re.compile(r"(?i)\b(?:the|a|an|its|our|their|his|her|this|these|each|every|"
                         r"all|any|no|some|many|most|several)\s+$")
_ALL_CAPS = re.compile(r"^[A-Z][A-Z0-9&-]+$")


def compounds(plan: Plan) -> Plan:
    """``plan`` with each term that modifies the next noun put after it with *of*."""
    masked = plan.masked
    by_token = {s.token: s for s in plan.slots}
    for slot in plan.slots:
        m = find_numeric(masked, slot.token)
        if m is None:
            continue
        after = masked[m.end():]
        title = re.match(rf" ({_TITLE}|\d+)(?: ({_NAME}))?(?=[.,;:)]|$| [a-z])", after)
        if title and title.group(1).isdigit():  # a title the glossary protects too
            other = by_token.get(title.group(1))
            if other is None or not re.fullmatch(_TITLE, other.match.span.text):
                title = None
        if title:
            name = f", {title.group(2)}" if title.group(2) else ""
            before = masked[:m.start()]
            if not _DETERMINER.search(before):
                before += "the "  # French and Spanish put an article before the title
            masked = before + f"{title.group(1)} of {slot.token}{name}" + after[title.end():]
            continue
        head = re.match(r" ([a-z]+)(?: ([a-z]+))?\b", after)
        if not head:
            continue
        first, second = head.group(1), head.group(2) or ""
        if first in _HEADS:
            words = first + (f" {second}" if second in _HEADS else "")
        elif first in _MODIFIERS and second in _HEADS:
            words = f"{first} {second}"
        else:
            continue
        before, rest = masked[:m.start()], after[1 + len(words):]
        if not _DETERMINER.search(before) and not re.search(r"\b[A-Z]\w*\s+$", before) \
                and (_ALL_CAPS.match(slot.match.span.text) or _CLAUSE_START.search(before)):
            before += "the "  # the organisation's teams: les équipes de l'OIM
        last = words.split()[-1]
        found = _pronoun(before, rest, last.endswith("s") and last != "needs")
        pronoun = f" {found[0]}" if found and found[1] == 0 else ""
        masked = before + f"{words} of {slot.token}{pronoun}" + rest
    return replace(plan, masked=masked)


def hint(plan: Plan) -> Plan:
    """``plan`` with its compounds turned round and a pronoun after each placeholder that is
    the subject of the next verb."""
    plan = compounds(plan)
    masked = plan.masked
    by_token = {s.token: s for s in plan.slots}
    inserts: list[tuple[int, str]] = []
    for slot in plan.slots:
        m = find_numeric(masked, slot.token)
        if m is None:
            continue
        first, plural = _group_start(masked, m.start(), by_token)
        after = masked[m.end():]
        if _continues(after, by_token):  # the next term of "X and Y" takes the pronoun
            continue
        plural = plural or slot.plural or slot.match.number == "pl" or _plural_phrase(slot)
        found = _pronoun(masked[:first], after, plural)
        if found:
            inserts.append((m.end() + found[1], " " + found[0]))
    for pos, text in sorted(inserts, reverse=True):
        masked = masked[:pos] + text + masked[pos:]
    return replace(plan, masked=masked) if inserts else plan


def _plural_phrase(slot: Slot) -> bool:
    """A phrase rule's match carries no number: its last word tells (border officials)."""
    if slot.match.number or not slot.match.concept.id.startswith("phrase-"):
        return False
    last = slot.match.span.text.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _group_start(masked: str, start: int, by_token: dict[str, Slot]) -> tuple[int, bool]:
    """Where the coordination ending at ``start`` begins (IOM and its partners), and whether
    there is one (two terms make a plural subject)."""
    rx = re.compile(r"(\d+)\s+and\s+(?:its\s+|their\s+|the\s+)?$")
    m = rx.search(masked[:start])
    if m and m.group(1) in by_token:
        return m.start(1), True
    return start, False


def _continues(after: str, by_token: dict[str, Slot]) -> bool:
    m = re.match(r"\s+and\s+(?:its\s+|their\s+|the\s+)?(\d+)(?!\d)", after)
    return bool(m and m.group(1) in by_token)


def _pronoun(before: str, after: str, plural: bool) -> tuple[str, int] | None:
    """The pronoun the verb in ``after`` needs, and where it goes in ``after``."""
    w = _WORD.match(after)
    if not w:
        return None
    word, nxt = w.group(1), w.group(2) or ""
    if not plural:
        if word in _S_VERBS and nxt not in _NOUN_NEXT and not nxt.endswith("ed"):
            return "it", 0
        return None
    if not _CLAUSE_START.search(before):
        return None
    at = 0
    adv = re.match(r"\s+" + _ADVERB + r"(?=[a-z])", after)
    if adv and adv.group(0).strip():
        # after the adverb: "they also benefit" leaves the verb a noun ("también beneficio")
        at = len(adv.group(0).rstrip())
        w = _WORD.match(after, at)
        if not w:
            return None
        word, nxt = w.group(1), w.group(2) or ""
    if word in _PLURAL_AUX:
        return "they", at
    if word in _NOT_VERB or word.endswith(("ing", "ly")) or word in _S_VERBS \
            or (word.endswith("s") and not word.endswith("ss")):
        return None
    if word.endswith("ed") and nxt in _RELATIVE_NEXT:
        return None
    return "they", at


# What the eng→spa→fra pivot leaves after a placeholder it did not read as a noun phrase: a
# subject pronoun (90417 Il reçoit) and a capital on the next word (90417 A aidé). The
# pronoun is also the one hint() put in for the tagger ("they are" → "ellos están",
# "it" before a phrase rule → "él hace un llamamiento").
_PRONOUN = re.compile(r"^(\s+)(?:Il|il|Ils|ils|Elle|elle|Elles|elles|ellos|ellas|él|ella)"
                      r"\s+(?=[a-zà-ÿ])")
_CAPITAL = re.compile(r"^(\s+)([A-ZÀ-Þ])(?=[a-zà-ÿ]|\s)")  # "A aidé": one letter too


def pivot_residue(after: str, slot: Slot) -> str:
    after = _PRONOUN.sub(r"\1", after, count=1)
    if slot.follows[:1].islower():  # the English went on in lower case: no name starts here
        after = _CAPITAL.sub(lambda m: m.group(1) + m.group(2).lower(), after, count=1)
    return after


# English puts no article before a plural noun in general statements; French always does and
# Spanish does after "a" (personal object) and "la mayoría de": "à migrants" → "aux migrants",
# "pour migrants" → "pour les migrants", "la plupart de migrants" → "la plupart des migrants".
_FR_BARE = re.compile(r"(?<![\w'’])(à|pour|avec|entre|parmi|contre|envers|sur|chez|vers|de)\s+$",
                      re.IGNORECASE)
# "de" with no article is right after a quantity and a negation (plus de migrants).
_FR_QUANTITY = re.compile(r"(?i)\b(?:plus|moins|beaucoup|peu|milliers|centaines|millions|"
                          r"dizaines|nombre|pas|manque|trop|assez|besoin|tant|autant|\d+)\s+de\s+$")
# A bare plural object of a verb of care takes "les" in French, "a los/las" in Spanish (IOM
# helps stranded migrants → aide les migrants bloqués, ayuda a los migrantes varados).
_FR_CARE = re.compile(r"(?<![\w'’])(?:aide|aident|aider|soutient|soutiennent|soutenir|protège|"
                      r"protègent|protéger|accompagne|accompagnent|accompagner|assiste|assistent|"
                      r"assister|identifier|identifie|identifient|exhorte|exhortent)\s+$")
_ES_CARE = re.compile(r"(?<![\w'’])(?:ayuda|ayudan|ayudar|apoya|apoyan|apoyar|protege|protegen|"
                      r"proteger|acompaña|acompañan|acompañar|asiste|asisten|asistir|identificar|"
                      r"identifica|identifican|insta|instan)\s+$")
_ES_BARE = re.compile(r"(?<![\w'’])(?:(a)|(la mayoría de|la mayor parte de))\s+$", re.IGNORECASE)


def bare_plural(before: str, slot: Slot, tgt: str) -> str:
    """The article a plural English term without one takes in French or Spanish."""
    if not (slot.match.number == "pl" or slot.plural or _plural_phrase(slot)) \
            or slot.term.type in ("acronym", "abbreviation"):
        return before
    if tgt == "fr":
        if _FR_CARE.search(before):
            return before + "les "
        m = _FR_BARE.search(before)
        if not m or (m.group(1).lower() == "de" and _FR_QUANTITY.search(before)):
            return before
        word = m.group(1)
        new = {"à": "aux", "de": "des"}.get(word.lower(), word + " les")
        return before[: m.start(1)] + (new[0].upper() + new[1:] if word[0].isupper() else new) \
            + " "
    if tgt == "es":
        su = re.search(r"\b([Ss])u\s+$", before)
        if su:  # "their countries of origin": su países → sus países
            return before[: su.start()] + su.group(1) + "us "
        m = _ES_BARE.search(before)
        care = _ES_CARE.search(before)
        if not m and not care:
            return before
        gender = slot.term.gender or _es_gender(slot.term.text)
        art = "las" if gender == "feminine" else "los"
        if care:
            return before + f"a {art} "
        return before[: m.end(m.lastindex)] + f" {art} "
    return before


def _es_gender(text: str) -> str:
    from .inflect import es_gender

    return es_gender(text)
