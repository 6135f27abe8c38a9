"""Post-editing: word order and agreement a rule-based engine gets wrong in the target.

Apertium keeps the French place of an adverb ("has touched already", "will be
able to now record", "exceeded often four hours"), reads *bien* before a
participle as "very" ("a very managed border"), and leaves a noun singular
after a number when the French noun does not change in the plural (*pays*,
*mois*, *fois*, *cas*: "20 country", "tres mes"). These rules work on the
target text only, after the placeholders are restored, and each one matches a
shape that is wrong English or Spanish whatever the source said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..engines.base import Translation, Wrapper
from ..langs import Lang

_ADVERB = r"(?:already|now|often|also|always|still|never|usually|generally|rarely|recently)"
_AUX = r"(?:has|have|had|is|are|was|were|be|been|being)"
# An English past participle: regular -ed or one of the irregular forms releases use.
_PARTICIPLE = (r"(?:\w+ed|been|done|seen|given|taken|made|held|sent|built|brought|met|paid|"
               r"spent|lost|left|found|known|shown|grown|drawn|written|chosen|spoken|run|put|set|"
               r"kept|led|taught|fought|caught|begun|become|gone|come|cut|hit|read)")
_RULES_EN = (
    # has touched already → has already touched
    (re.compile(rf"\b({_AUX}) ({_PARTICIPLE}) ({_ADVERB})\b(?! (?:ago|before|since)\b)"),
     r"\1 \3 \2"),
    # will be able to now record → will now be able to record
    (re.compile(rf"\b(will|would|could|should|must|may|might) be able to ({_ADVERB}) "),
     r"\1 \2 be able to "),
    # exceeded often four hours → often exceeded four hours: an adverb between a verb and
    # its object; the lookahead keeps "used often." and "went often to" as they are.
    (re.compile(r"\b(?<!\bhas )(?<!\bhave )(?<!\bhad )(\w+ed) (often|always|usually|rarely|"
                r"generally|already) (?=(?:a|an|the|\d[\d,.]*|two|three|four|five|six|seven|"
                r"eight|nine|ten|several|many|some|more|less)\b)"),
     r"\2 \1 "),
    # a very managed border → a well-managed border
    (re.compile(r"\bvery (managed|organized|organised|designed|trained|equipped|prepared|"
                r"documented|established|protected|maintained|positioned|integrated|coordinated|"
                r"received|informed)\b"),
     r"well-\1"),
)

# Nouns whose French form is the same in the plural, so the engine left them
# singular after a number: English and Spanish plural of each.
_INVARIABLE = {
    "en": {"country": "countries", "month": "months", "time": "times", "case": "cases",
           "price": "prices", "choice": "choices", "process": "processes", "voice": "voices",
           "body": "bodies", "meal": "meals", "arm": "arms"},
    "es": {"país": "países", "mes": "meses", "vez": "veces", "caso": "casos",
           "precio": "precios", "proceso": "procesos", "voz": "voces", "cuerpo": "cuerpos",
           "comida": "comidas", "brazo": "brazos"},
}
_COUNT = {
    "en": r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
          r"forty|fifty|hundred|hundreds|thousand|thousands|million|several|many",
    "es": r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|"
          r"cuarenta|cincuenta|cien|cientos|mil|millones|varios|varias|muchos|muchas|unos|unas",
}


def _plural_rule(lang: str) -> re.Pattern[str]:
    nouns = "|".join(_INVARIABLE[lang])
    # a number other than 1 (1,250 and 2.5 included), or a count word
    number = r"(?:\d[\d,.\u00a0]*\d|[02-9])"
    return re.compile(rf"(?<![\w.,])({number}|(?:{_COUNT[lang]})) ({nouns})\b(?!-)",
                      re.IGNORECASE)


_PLURAL = {lang: _plural_rule(lang) for lang in _INVARIABLE}


def _pluralise(m: re.Match[str], lang: str) -> str:
    word = m.group(2)
    plural = _INVARIABLE[lang][word.casefold()]
    if word[:1].isupper():
        plural = plural[0].upper() + plural[1:]
    return f"{m.group(1)} {plural}"


def postedit(text: str, lang: str) -> str:
    """``text`` with target word order and number agreement put right.

    >>> postedit("It has touched already 86 agents in more than 20 country.", "en")
    'It has already touched 86 agents in more than 20 countries.'
    """
    if lang == "en":
        for rx, repl in _RULES_EN:
            text = rx.sub(repl, text)
    if lang in _PLURAL:
        text = _PLURAL[lang].sub(lambda m: _pluralise(m, lang), text)
    return text


class PostEdited(Wrapper):
    """Applies :func:`postedit` to the text and hypotheses of each translation."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        out = self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        code = tgt.code
        return [
            replace(tr, text=postedit(tr.text, code),
                    hypotheses=tuple(replace(h, text=postedit(h.text, code))
                                     for h in tr.hypotheses))
            for tr in out
        ]
