"""A subject pronoun after an English term placeholder, so the engine reads the verb as a verb.

A protected term reaches the engine as a number (``IOM helps`` → ``90417 helps``), and
Apertium's English tagger reads a word after a number as a noun in the plural: "90417
ayudas", "90417 obras con" (works with), "90417 llamadas" (calls on). It also makes the
verb after a number singular, so a plural subject loses agreement: "Les victimes de la
traite reçoit", "Los traficantes cargo". A pronoun between the placeholder and the verb
(``90417 it helps``, ``90417 they receive``) settles both: Spanish drops it ("90417
ayuda", "90417 reciben") and the French pivot's *ils* is taken away when the term is put
back (:func:`toolkit.glossary.enforce._pivot_residue`).

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
from .enforce import Plan, Slot

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
    r"|[Ss]ome|[Uu]p to)\s+)?(?:\d[\d,.]*\s+)?$")
_WORD = re.compile(r"\s+([a-z]+)\b(?:\s+([a-z']+))?")


def hint(plan: Plan) -> Plan:
    """``plan`` with a pronoun after each placeholder that is the subject of the next verb."""
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
        plural = plural or slot.plural or slot.match.number == "pl"
        found = _pronoun(masked[:first], after, plural)
        if found:
            inserts.append((m.end() + found[1], " " + found[0]))
    for pos, text in sorted(inserts, reverse=True):
        masked = masked[:pos] + text + masked[pos:]
    return replace(plan, masked=masked) if inserts else plan


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
