"""Noun compounds: French "noun de noun" read as one English compound.

French builds a compound with *de* and a bare noun (services de santé,
agents de police, lecteurs de passeports); Apertium renders it word for word
("services of health", "agents of police"). English puts the second noun
first, in the singular: health services, police agents, passport readers.

The source says which pairs are compounds: the French analyser (the
``fr-*.automorf.bin`` of an installed Apertium pair) must read both words as
nouns, the second one bare (no article: *la protection des migrants* is not a
compound) and neither an infinitive nor followed by an adjective or a
complement of its own (*fonds de soutien à la mobilité*). Each word is then
translated alone, and where the draft holds "first of second" the two are
swapped. A pair the draft renders otherwise is left alone, so the rule
never rewrites what it cannot find. Lexicalised phrases English keeps with
"of" (countries of origin, head of state) and quantities (tonnes de riz,
millions de personnes, ans d'expérience) are listed below and left alone.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..engines.apertium_lines import frame
from ..engines.base import Engine, Translation, Wrapper
from ..langs import Lang
from ..masking import WORD

_DATA = ("/usr/share/apertium", "/usr/local/share/apertium")
# noun, optional inline-code placeholders (a bold tag after the noun), de/d', bare noun,
# and a second bare noun coordinated with it (agents de police et de douane)
_PAIR = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w-]*)((?: ZXQ\d+QZ)*) (de |d['’])([^\W\d_][\w-]*)"
    r"(?: (et|ou) (?:de |d['’])([^\W\d_][\w-]*))?(?![\w'’-])")
_NEXT = re.compile(r"\s*([^\W\d_][\w'’-]*)")
_LAST = re.compile(r"([\w'’]+)\s*$")
# Words before a noun that make it part of a fixed locution (en cas de, au cours de,
# en matière de, à titre de) or a quantity (plus de, beaucoup de).
_LOCUTION = {"en", "à", "par", "sans", "sous", "sur", "hors", "faute", "lors",
             "afin", "près", "auprès", "plus", "moins", "beaucoup", "peu", "trop", "assez",
             "autant", "tant", "combien", "face", "grâce", "quant", "point"}
_DETERMINERS = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet", "cette",
                "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
                "mon", "ma", "mes", "chaque", "plusieurs", "quelques", "aucun", "aucune",
                "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "premier", "première"}
# First nouns of quantities, measures, times and phrases English says with "of".
_NOT_HEAD = {
    "nombre", "millier", "milliers", "million", "millions", "milliard", "milliards", "centaine",
    "centaines", "dizaine", "dizaines", "douzaine", "plupart", "partie", "parties", "majorité",
    "minorité", "ensemble", "totalité", "moitié", "tiers", "quart", "reste", "type", "types",
    "sorte", "sortes", "genre", "genres", "forme", "formes", "façon", "manière", "moyen",
    "moyens", "manque", "absence", "besoin", "cas", "fois", "an", "ans", "année", "années",
    "mois", "jour", "jours", "semaine", "semaines", "heure", "heures", "minute", "minutes",
    "tonne", "tonnes", "kilo", "kilos", "kilomètre", "kilomètres", "litre", "litres", "mètre",
    "mètres", "dollar", "dollars", "euro", "euros", "franc", "francs", "pourcentage", "taux",
    "niveau", "quantité", "quantités", "série", "groupe", "groupes", "liste", "pays", "chef",
    "cheffe", "chefs", "état", "états", "lieu", "point", "question", "questions", "objet",
    "suite", "mise", "prise", "nom", "titre", "raison", "cause", "fin", "début", "milieu",
    "droit", "droits", "liberté", "libertés", "ministre", "ministère", "directeur",
    "directrice", "président", "présidente", "secrétaire", "membre", "membres", "formation",
    "coup", "coups", "mode", "plein", "face", "vue", "sein", "cadre", "terme", "part",
    "ordre", "tour", "personne", "personnes", "victime", "victimes", "signe", "preuve",
    "source", "sources", "verre", "tasse", "bouteille", "sac", "sacs", "paquet", "kit", "kits",
    "équipe", "équipes", "corps", "temps", "accès", "occasion", "possibilité", "capacité",
    "capacités", "envie", "peur", "honte", "défaut", "mesure", "lutte", "prévention", "cours",
    "dépens", "profit", "détriment", "bord", "sujet", "moment", "regard", "égard",
    # negation (pas de recette miracle) and units (27 km de circonférence)
    "pas", "rien", "guère", "km", "kg", "cm", "mm", "ha", "m", "t", "l", "mg", "g"}
# Second nouns that stay after "of" in English (countries of origin, freedom of movement).
_NOT_MODIFIER = {"origine", "mouvement", "expression", "association", "asile", "vie", "guerre",
                 "fait", "façon", "manière", "part", "plus", "moins", "temps", "nouveau", "suite",
                 "personnes", "gens", "migrants", "enfants", "femmes", "hommes", "réfugiés",
                 "victimes", "familles", "jeunes", "mission", "urgence"}
_PLAIN = re.compile(r"[^\W\d_][\w-]*(?: [^\W\d_][\w-]*)?")  # one or two words
_ARTICLE_AFTER = {"à", "au", "aux", "contre", "de", "d'", "d’", "des", "du", "pour", "en"}


@dataclass(frozen=True, slots=True)
class Pair:
    head: str  # the first noun as written
    modifier: str  # the second noun as written
    lemma: str  # the second noun's singular
    also: str = ""  # a noun coordinated with the second one, as written
    also_lemma: str = ""


class Analyser:
    """The French readings of words, from an installed Apertium analyser (cached)."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self._file: str | None | bool = False
        self._readings: dict[str, tuple[str, ...]] = {}

    def _path(self) -> str | None:
        if self._file is False:
            found = None
            if shutil.which("lt-proc"):
                for root in _DATA:
                    files = sorted(Path(root).glob(f"*/{self.lang}-*.automorf.bin"))
                    if files:
                        found = str(files[0])
                        break
            self._file = found
        return self._file  # type: ignore[return-value]

    def readings(self, words: set[str]) -> dict[str, tuple[str, ...]]:
        """Each word's readings (``lemma<n><m><pl>`` …); no reading for an unknown word."""
        todo = sorted(w for w in words if w not in self._readings)
        path = self._path()
        if todo and path:
            proc = subprocess.run(["lt-proc", path], input="\n".join(todo).encode() + b"\n",
                                  capture_output=True, check=False)
            out = proc.stdout.decode("utf-8", "replace") if proc.returncode == 0 else ""
            units = re.findall(r"\^([^$]*)\$", out)
            for unit in units:
                surface, *rest = unit.split("/")
                if surface in todo:
                    self._readings[surface] = tuple(r for r in rest if not r.startswith("*"))
        for w in todo:
            self._readings.setdefault(w, ())
        return {w: self._readings.get(w, ()) for w in words}


def _noun_lemma(readings: Sequence[str]) -> str | None:
    for r in readings:
        if "<n>" in r and "<np>" not in r:
            return r.split("<", 1)[0]
    return None


def _has(readings: Sequence[str], *tags: str) -> bool:
    return any(all(t in r for t in tags) for r in readings)


def candidates(text: str) -> list[tuple[re.Match[str], str | None]]:
    """Shapes "noun de noun" of ``text`` and the word after each (checked by the analyser)."""
    out = []
    for m in _PAIR.finditer(text):
        head, modifier = m.group(1), m.group(4)
        if m.group(6) and (not m.group(6).islower() or m.group(6) in _NOT_MODIFIER):
            continue
        before = _LAST.search(text[:m.start()])
        prev = before.group(1).casefold() if before else ""
        if (prev in _LOCUTION or head.casefold() in _NOT_HEAD or not modifier.islower()
                or modifier in _NOT_MODIFIER or (head[0].isupper() and m.start() > 0
                                                and not re.search(r"[.!?:«“\"]\s*$", text[:m.start()]))):
            continue
        if re.match(r",\s*(?:de |d['’])", text[m.end():]):
            continue  # a list of complements (actions de surveillance, d'inspection et de…)
        nxt = _NEXT.match(text, m.end())
        word = nxt.group(1) if nxt else None
        if word and word.casefold() in _ARTICLE_AFTER:
            continue
        out.append((m, word))
    return out


def pairs(texts: Sequence[str], analyser: Analyser) -> list[list[Pair]]:
    """The noun compounds of each text."""
    found = [candidates(t) for t in texts]
    words = {w for c in found for m, nxt in c
             for w in (m.group(1).casefold(), m.group(4), m.group(6), nxt) if w}
    reading = analyser.readings(words)
    out: list[list[Pair]] = []
    for text, cands in zip(texts, found):
        here = []
        for m, nxt in cands:
            first, second = reading[m.group(1).casefold()], reading[m.group(4)]
            lemma = _noun_lemma(second)
            if not _noun_lemma(first) or lemma is None or _has(second, "<vblex>", "<inf>"):
                continue
            if _has(first, "<vblex>") and not _after_determiner(text, m.start()):
                continue  # contrôle, équipe: a verb unless a determiner says noun
            if _has(second, "<adj>") or _has(second, "<det>") or _has(second, "<pr>"):
                continue
            if nxt and (_has(reading[nxt], "<adj>") or _has(reading[nxt], "<vblex>", "<pp>")):
                continue  # projets de développement local: the adjective's noun is unclear
            also = m.group(6) or ""
            also_lemma = _noun_lemma(reading[also]) if also else ""
            if also and (also_lemma is None or _has(reading[also], "<adj>")
                         or _has(reading[also], "<vblex>", "<inf>")):
                continue
            here.append(Pair(m.group(1), m.group(4), lemma, also, also_lemma or ""))
        out.append(here)
    return out


def _after_determiner(text: str, start: int) -> bool:
    before = _LAST.search(text[:start])
    word = before.group(1).casefold() if before else ""
    return word in _DETERMINERS or word.endswith(("l'", "l’")) or word.isdigit() \
        or bool(WORD.fullmatch(before.group(1) if before else ""))


def rewrite(text: str, head: str, modifier: str, lemma: str, also: str = "",
            also_lemma: str = "") -> str:
    """``text`` with "head of modifier" turned into "lemma head" (case kept at the front);
    with ``also``, "head of modifier and of also" into "lemma and also_lemma head"."""
    tail = (rf" (and|or) (?:of )?{re.escape(also)}" if also else "")
    rx = re.compile(rf"(?<![\w-])({re.escape(head)})((?: ZXQ\d+QZ)*) of {re.escape(modifier)}"
                    rf"{tail}(?![\w-])", re.IGNORECASE)

    def swap(m: re.Match[str]) -> str:
        first = m.group(1)
        word = f"{lemma} {m.group(3)} {also_lemma}" if also else lemma
        if first[:1].isupper():
            word = word[:1].upper() + word[1:]
            if not head[:1].isupper():
                first = first[:1].lower() + first[1:]
        # an inline code after the head stays after it: <g1>86 agents</g1> → 86 police agents</g1>
        return f"{word} {first}{m.group(2)}"

    return rx.sub(swap, text)


def _lower(word: str) -> str:
    """The word as it reads inside a phrase: an acronym (AIDS) keeps its capitals."""
    return word if word.isupper() and len(word) > 1 else word.casefold()


def _same_word(form: str, lemma: str) -> bool:
    a, b = form.casefold(), lemma.casefold()
    return a.startswith(b[:max(3, len(b) - 1)])


class Compounds(Wrapper):
    """Puts the nouns of French "noun de noun" compounds in English order."""

    def __init__(self, inner: Engine, analyser: Analyser | None = None) -> None:
        super().__init__(inner)
        self.analyser = analyser or Analyser()

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code != "fr" or tgt.code != "en":
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        found = pairs(texts, self.analyser)
        words = sorted({w for ps in found for p in ps for w in (p.head.casefold(), p.modifier,
                                                                   p.lemma, p.also, p.also_lemma)
                        if w})
        # The words ride at the end of the batch: one pipeline (and one unknown-word retry)
        # instead of two, and nothing after a text can change its translation. Each comes
        # after the same frame line, so the words before it cannot change its number.
        first = frame(src.code)
        framed = [x for w in words for x in (first, w)]
        both = self.inner.translate_batch([*texts, *framed], src, tgt, n_best=n_best)
        out = both[:len(texts)]
        if not words:
            return out
        alone = {w: tr.text.strip() for w, tr in zip(words, both[len(texts) + 1::2])}
        results = []
        for tr, ps in zip(out, found):
            text = tr.text
            for p in ps:
                got = [alone.get(w, "") for w in (p.head.casefold(), p.modifier, p.lemma,
                                                  p.also, p.also_lemma)]
                # The singular read alone must be the plural's word (passport, passports),
                # not another word of the same spelling (livre: book / delivers).
                if all(_PLAIN.fullmatch(w) for w in got[:3 + 2 * bool(p.also)]) and \
                        _same_word(got[1], got[2]) and (not p.also or _same_word(got[3], got[4])):
                    text = rewrite(text, got[0], got[1], _lower(got[2]), got[3], _lower(got[4]))
            results.append(tr if text == tr.text else replace(tr, text=text))
        return results
