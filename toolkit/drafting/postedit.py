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
from functools import cache

from ..engines.base import Translation, Wrapper
from ..langs import Lang
from .articles import generic_articles
from .past import simple_past
from .possessive import their
from .relatives import relatives
from .superlatives import superlatives
from .tense import etre_past

_ADVERB = r"(?:already|now|often|also|always|still|never|usually|generally|rarely|recently)"
_AUX = r"(?:has|have|had|is|are|was|were|be|been|being)"
# An English past participle: regular -ed or one of the irregular forms releases use.
_PARTICIPLE = (r"(?:\w+ed|been|done|seen|given|taken|made|held|sent|built|brought|met|paid|"
               r"spent|lost|left|found|known|shown|grown|drawn|written|chosen|spoken|run|put|set|"
               r"kept|led|taught|fought|caught|begun|become|gone|come|cut|hit|read)")
_RULES_EN = (
    # The pivot's words for également and alors que/tandis que (igualmente, mientras que):
    # English says "also" and "while"; "equally" stays before an adjective (equally important).
    (re.compile(r"\bequally\b(?! (?:important|\w+(?:ive|ble|ous|ant|ent|al|ful|ary|ic|ed)\b))"),
     "also"),
    (re.compile(r"\bEqually\b(?! (?:important|\w+(?:ive|ble|ous|ant|ent|al|ful|ary|ic|ed)\b))"),
     "Also"),
    (re.compile(r"\bwhereas\b"), "while"),
    (re.compile(r"\bWhereas\b"), "While"),
    # After a colon or an opening quote the es→en hop puts the subject it adds in lowercase
    # and leaves the capital on the verb (: « Nous sommes prêts » → : « we Are ready »).
    (re.compile(r"([:«“\"]\s*)(we|you|they|he|she|it|i) ([A-Z])([a-z]+)\b"),
     lambda m: f"{m.group(1)}{m.group(2).capitalize()} {m.group(3).lower()}{m.group(4)}"),
    # ensuite/puis through the pivot (después): English narrates with "then".
    (re.compile(r"\bafterwards\b"), "then"),
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


# Spanish speaks of a titled person with the article (declaró la Sra. Diallo, del Sr. Ba);
# the engine and the glossary give the bare title, as French has none.
_ES_TITLE = r"(?:Sr|Sra|Sres|Sras|Srta|Dr|Dra|Dres|Dras)\.(?= \w)"
_ES_TITLE_ARTICLE = {"Sr": "el", "Sra": "la", "Sres": "los", "Sras": "las", "Srta": "la",
                     "Dr": "el", "Dra": "la", "Dres": "los", "Dras": "las"}
# Words after which the title already has what it needs: a determiner, a contracted article,
# or a vocative opener (estimado Sr.).
_ES_TITLE_CONTEXT = re.compile(
    rf"(?<![\w.])(?:(el|la|los|las|del|al|su|sus|este|esta|estos|estas|dicho|dicha|querido|"
    rf"querida|estimado|estimada)\s+|(de|a)\s+|)({_ES_TITLE})", re.IGNORECASE)


def _es_title(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(0)
    title = m.group(3)
    article = _ES_TITLE_ARTICLE[title[:-1].capitalize()]
    prep = m.group(2)
    if prep:
        merged = {("de", "el"): "del", ("a", "el"): "al"}.get((prep.lower(), article))
        word = merged or f"{prep.lower()} {article}"
        word = word[0].upper() + word[1:] if prep[0].isupper() else word
        return f"{word} {title}"
    before = m.string[:m.start()]
    # after S.E. the full stop ends an abbreviation, not a sentence
    at_start = not re.search(r"\bS\.\s?E\.\s*$", before) and \
        bool(re.search(r"(?:[.!?«\"“(]\s*|^\s*)$", before))
    if at_start:
        return f"{article.capitalize()} {title}"
    return f"{article} {title}"


# Names whose Spanish article does not follow the word before them: the engine agrees "des
# États-Unis" with the noun it hangs on ("Embajadora de la Estados Unidos"). A plural name takes
# the plural article; África takes none (IOM writes "para África Occidental"), where the engine
# copies the French l'.
_ES_PLURAL_NAMES = r"(?:Estados Unidos|Países Bajos|Emiratos Árabes Unidos)"
_ES_NAME_ARTICLE = re.compile(
    rf"(?<![\w])(?:(el|la|los|las)|(del|al|de la|a la))\s+({_ES_PLURAL_NAMES}\b)"
    rf"|(?<![\w])(?:(la)\s+|(de|a) la\s+)(África\b)", re.IGNORECASE)


def _es_name_article(m: re.Match[str]) -> str:
    if m.group(3):
        word = m.group(1) or m.group(2)
        fixed = "los" if m.group(1) else ("de los" if word.lower().startswith("d") else "a los")
        fixed = fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed
        return f"{fixed} {m.group(3)}"
    if m.group(5):  # de la África → de África
        return f"{m.group(5)} {m.group(6)}"
    return m.group(6)


# Spanish marks a person or an organisation that is the object of these verbs with "a"
# (felicitar a la CEDEAO, agradecer al Gobierno); French has no such mark and the engine
# leaves it out. Only before a capitalised name or acronym, where the object is surely one.
_ES_PERSONAL_A = re.compile(
    r"(?<![\w])((?:felicit|agradec|exhort|invit|alent|anim)[a-záéíóú]*|"
    r"inst(?:ar|a|an|ó|aron|amos|ando|e|en))\s+"
    r"(el|la|los|las)\s+(?=[A-ZÁÉÍÓÚÑ])")


def _es_personal_a(m: re.Match[str]) -> str:
    article = m.group(2)
    return f"{m.group(1)} {'al' if article == 'el' else 'a ' + article} "


# Nouns English counts as a mass ("psychosocial support", "medical assistance") where French
# counts one (un soutien psychosocial): the engine's "a" before them goes. Only when the noun
# ends its phrase, so "a support group" and "an information session" keep theirs.
_MASS = (r"(?:support|assistance|advice|information|equipment|funding|guidance|aid|"
         r"protection|healthcare|legislation|knowledge|expertise|evidence|progress|"
         r"feedback|research|leadership|awareness)")
_MASS_ARTICLE = re.compile(
    rf"\b(a|an|A|An) ((?:(?!(?:lot|great|good|deal|number|kind|type|form|piece|bit|source|"
    rf"means|way|lack|part|level)\b)[a-z][\w-]* ){{0,2}}{_MASS})"
    rf"(?=\s*(?:[.,;:!?)\]»”]|$)|\s+(?:to|for|in|on|of|and|or|from|with|at|by|that|which|"
    rf"who|is|was|are|were|will|has|have|through|during|since|until|under|among|within)\b)")


# English mass nouns the engine puts in the plural as French does (des progrès → "progresses",
# des informations → "informations"). Those that are also a verb in -es ("it progresses") only
# where a verb cannot be: after a determiner, an adjective of degree or a verb of making.
_MASS_PLURAL = re.compile(r"\b(information|equipment|advice|evidence|feedback|knowledge|"
                          r"expertise|leadership)s\b", re.IGNORECASE)
_MASS_VERB_PLURAL = re.compile(
    r"(?i:\b(the|of|some|any|no|much|more|less|real|great|good|tangible|significant|"
    r"considerable|major|notable|remarkable|substantial|such|further|make|made|making|"
    r"makes|achieve|achieved|achieving|record|recorded) )(progress|research)es\b")


# French puts a comparative after its noun (des contrôles plus rapides et plus sûrs) and the
# engine keeps the order: "Controls faster and safer". Only where no verb can come before the
# noun (start of a sentence or title, after of/with/for), so "make controls faster" stays.
_COMPARATIVE = (r"(?:faster|safer|better|stronger|greater|quicker|easier|cheaper|simpler|"
                r"larger|smaller|wider|closer|fairer|healthier|more [a-z]+|less [a-z]+)")
_POSTPOSED = re.compile(
    rf"(^|(?<=[.!?:«“\"(] )|(?<=\bof )|(?<=\bwith )|(?<=\bfor ))"
    rf"(?i:(?!(?:others|this|thus|yes|was|has|is|its|his|hers|ours|theirs|yours|perhaps|"
    rf"always|sometimes|less|unless|nevertheless)\b))([A-Za-z][a-z]{{2,}}s) "
    rf"({_COMPARATIVE}(?:,? and {_COMPARATIVE})?)"
    rf"(?=\s*(?:[.,;:!?)»”]|$)|\s+(?:for|in|at|on|across|along|within|between)\b)")


def _prepose(m: re.Match[str]) -> str:
    noun, adjectives = m.group(2), m.group(3)
    if noun[0].isupper():
        adjectives = adjectives[0].upper() + adjectives[1:]
        noun = noun[0].lower() + noun[1:]
    return f"{m.group(1)}{adjectives} {noun}"


# French repeats the preposition and article before each name of a list (de Guinée, du Mali et
# de la Côte d'Ivoire) and the engine copies them: "of Guinea, of Mali and of the Côte
# d'Ivoire". English says the preposition once; "the" stays only where the name takes it.
_NAME = r"[A-Z][\w'’-]*(?:\s(?:d['’])?[A-Z][\w'’-]*)*"
# The engine may render each "de" of the list as "of" or "from" (from Guinea, of Mali and of
# Côte d'Ivoire): both stand for the one French preposition, so either may follow the first.
_NAME_LIST = re.compile(
    rf"\b(of|from) ((?:the )?{_NAME})((?:, (?:of|from) (?:the )?{_NAME})*),? "
    rf"(and|or) (?:of|from) ((?:the )?{_NAME})")
_THE_NAMES = {"Niger", "Sudan", "Gambia", "Congo", "Philippines", "Comoros", "Bahamas",
              "Maldives", "Seychelles", "United", "Netherlands", "Central", "Democratic",
              "Republic", "European", "International", "Ministry", "Government", "Office",
              "Caribbean", "Sahel", "Americas", "Horn", "Gulf", "Lake", "Middle", "Pacific",
              "Mediterranean", "Maghreb", "Levant", "Balkans", "Organization", "Union"}


def _name(item: str) -> str:
    bare = item[4:] if item.startswith("the ") else item
    first = bare.split(" ")[0]
    # the EU, the ACP: an acronym that had its article keeps it
    return item if first in _THE_NAMES or (len(first) > 1 and first.isupper()) else bare


def _list_once(m: re.Match[str]) -> str:
    prep = m.group(1)
    middle = [x.split(" ", 1)[1] for x in m.group(3).split(", ")[1:]]
    items = [m.group(2), *middle]
    head = ", ".join(_name(x) for x in items)
    return f"{prep} {head} {m.group(4)} {_name(m.group(5))}"


# "les centres de transit de l'OIM" comes out "the transit centres of IOM"; English puts an
# organisation's acronym first (IOM's transit centres). Not after "of", where the phrase is
# itself a complement ("the head of the office of IOM").
_OF_ACRONYM = re.compile(
    r"(?<!\bof )\b(the|The) ((?:(?!of\b|and\b|or\b)[\w-]+ ){0,2}(?!of\b)[\w-]+) of "
    r"(?!(?:COVID|HIV|AIDS|SIDA|ID|PDF|SMS|US|UK)\b)([A-Z]{2,8})\b(?![\w'’-])")


# "l'atelier de Dakar", "le poste de Makalondi" come out "the workshop of Dakar", "the post of
# Makalondi"; English names an office, a post or a meeting by its town first (the Dakar
# workshop). Only these nouns, and only before a one-word town: a country keeps "of" (the
# office of Niger reads better than "the Niger office"), and so does "the city of Bangui".
_SITE_NOUN = (r"(?:(?:regional|national|country|sub-regional|field|liaison|main|border|transit|"
              r"reception|training) )?(?:office|offices|sub-office|post|posts|workshop|"
              r"workshops|centre|centres|center|centers|camp|camps|conference|meeting|seminar|"
              r"forum|declaration|summit|process|hub)")
_SITE_OF = re.compile(
    rf"(?<![\w-])(?:(the|The) )?({_SITE_NOUN}) of ([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)"
    r"(?![\w'’-]| [A-Z])")


@cache
def _countries_en() -> frozenset[str]:
    from babel import Locale

    return frozenset(Locale("en").territories.values())


def _site_first(m: re.Match[str]) -> str:
    article, noun, town = m.group(1), m.group(2), m.group(3)
    if town in _countries_en() or town in _THE_NAMES:
        return m.group(0)
    if article:
        return f"{article} {town} {noun}"
    return f"{town} {noun}"


def _acronym_first(m: re.Match[str]) -> str:
    return f"{m.group(3)}'s {m.group(2)}"


def _drop_mass_article(m: re.Match[str]) -> str:
    rest = m.group(2)
    return rest[0].upper() + rest[1:] if m.group(1)[0] == "A" else rest


def postedit(text: str, lang: str) -> str:
    """``text`` with target word order and number agreement put right.

    >>> postedit("It has touched already 86 agents in more than 20 country.", "en")
    'It has already touched 86 agents in more than 20 countries.'
    """
    if lang == "en":
        for rx, repl in _RULES_EN:
            text = rx.sub(repl, text)
        text = superlatives(text)
        text = _MASS_PLURAL.sub(r"\1", text)
        text = _MASS_VERB_PLURAL.sub(r"\1 \2", text)
        text = _MASS_ARTICLE.sub(_drop_mass_article, text)
        text = generic_articles(text)
        text = _POSTPOSED.sub(_prepose, text)
        text = _NAME_LIST.sub(_list_once, text)
        text = _OF_ACRONYM.sub(_acronym_first, text)
        text = _SITE_OF.sub(_site_first, text)
    if lang == "es":
        text = _ES_TITLE_CONTEXT.sub(_es_title, text)
        text = _ES_NAME_ARTICLE.sub(_es_name_article, text)
        text = _ES_PERSONAL_A.sub(_es_personal_a, text)
    if lang in _PLURAL:
        text = _PLURAL[lang].sub(lambda m: _pluralise(m, lang), text)
    return text


class PostEdited(Wrapper):
    """Applies :func:`postedit` to the text and hypotheses of each translation."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        out = self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        code = tgt.code
        results = []
        for source, tr in zip(texts, out):
            text = postedit(tr.text, code)
            if src.code == "fr":
                text = etre_past(text, source, code)
                if code == "en":
                    text = relatives(their(simple_past(text, source), source), source)
            # A word a rule put right ("progresses" → progress) no longer leaks.
            unknown = tuple(u for u in tr.unknown
                            if text == tr.text or re.search(rf"(?<!\w){re.escape(u)}(?!\w)", text))
            results.append(replace(tr, text=text, unknown=unknown,
                                   hypotheses=tuple(replace(h, text=postedit(h.text, code))
                                                    for h in tr.hypotheses)))
        return results
