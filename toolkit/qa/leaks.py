"""Words and conventions of another language left in the target.

Leaked source-language (French) or pivot-language (Spanish, English) function
words, contact labels in the wrong language, and French typography or number
format in an English or Spanish target. Protected spans (e-mails, URLs,
handles) are blanked first, so ``@OIM_Niger`` or ``info@oim.int`` never count.
"""

from __future__ import annotations

import re

from ..model import Segment, Span
from .issue import Issue
from .spans import blank_verbatim as _hidden

# Function words that are not words of the target language (and rarely names).
_FOREIGN = {
    "en": {"fr": "les des du et est sont dans pour avec aux une sur leur été cette ces".split(),
           "es": "los las del con para una está según también sus desde".split()},
    "es": {"fr": "les des du et est sont dans avec aux leur été cette ces".split(),
           "en": "the and with from which have been this those".split()},
    # English-source releases reach French through Spanish: both can leak ("con", "sus" and
    # "para" are left out, they are French words too).
    "fr": {"es": "los las del una está según también desde".split(),
           "en": "the and with from which have been this those".split()},
}
# Targets reached from French (direct or through Spanish) and from English (through Spanish):
# each list leaves out what is also a word of the target (Italian "del", "una" and "est";
# Catalan "les", "des", "et" and "est"; Galician "desde", "está" and "pero"; Portuguese
# "desde" and "está"; Esperanto "du" and "sur"; German "des" and "du"). A word after a hyphen
# is a clitic of the target (Portuguese "vê-los", Galician "facelo-las"), not a leak.
_ES_COMMON = "los las del una está según también desde muy pero sus cuando hay".split()
_FR_COMMON = "les des du et est sont dans pour avec aux une sur leur été cette ces".split()
_EN_COMMON = "the and with from which have been this those".split()


def _without(words: list[str], *drop: str) -> list[str]:
    return [w for w in words if w not in drop]


_FOREIGN |= {
    "pt": {"es": _without(_ES_COMMON, "desde", "está"), "fr": _FR_COMMON, "en": _EN_COMMON},
    "it": {"es": _without(_ES_COMMON, "del", "una"), "fr": _without(_FR_COMMON, "est"),
           "en": _EN_COMMON},
    "gl": {"es": _without(_ES_COMMON, "desde", "está", "pero"), "fr": _FR_COMMON,
           "en": _EN_COMMON},
    "ca": {"fr": _without(_FR_COMMON, "les", "des", "et", "est")},  # fra→cat is direct
    "oc": {"fr": _without(_FR_COMMON, "les", "des", "sur")},
    "eo": {"fr": _without(_FR_COMMON, "du", "sur"), "en": _EN_COMMON},
    "de": {"fr": _without(_FR_COMMON, "des", "du"), "en": _EN_COMMON},
    # other scripts: any Latin function word of the source is a leak
    **{t: {"fr": _FR_COMMON, "en": _EN_COMMON} for t in ("ar", "ru", "zh")},
}
_LABELS = {  # contact labels by their language
    "fr": ["tél.", "tél :", "courriel", "portable"],
    "es": ["tfno.", "teléfono", "correo electrónico", "móvil"],
    "en": ["phone:", "mobile:", "e-mail:", "email:"],
}
_WORD = re.compile(r"[^\W\d_]+")
_LANG = {"fr": "French", "es": "Spanish", "en": "English", "pt": "Portuguese", "it": "Italian",
         "gl": "Galician", "ca": "Catalan", "oc": "Occitan", "eo": "Esperanto", "de": "German",
         "ar": "Arabic", "ru": "Russian", "zh": "Chinese"}
# French habits that are wrong in an English or Spanish target.
_FR_SPACE = re.compile(r"(?<=\w)[ \u00a0\u202f][;:!?]|«|»")
_DEC_COMMA = re.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,])")
_SPACE_GROUP = re.compile(r"(?<![\d])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])")
_SPACE_PCT = re.compile(r"\d[ \u00a0\u202f]%")
_COMMA_GROUP = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])")
_DOT_PCT = re.compile(r"(?<![\d.])\d+\.\d+[ \u00a0\u202f]?%")


def check_leaked_words(seg: Segment) -> list[Issue]:
    """Function words of the source or pivot language left in the target."""
    tgt = seg.tgt.split("-")[0].lower()
    table = _FOREIGN.get(tgt)
    if not table or not seg.target.strip() or seg.target.strip() == seg.source.strip():
        return []  # a copied source is the untranslated check's finding
    text = _hidden(seg.target)
    issues = []
    for m in _WORD.finditer(text):
        if text[m.start() - 1: m.start()] == "-":
            continue
        w = m.group(0).lower()
        for lang, words in table.items():
            if w in words:
                issues.append(Issue("leaked-word", "warning",
                                    f"«{m.group(0)}» looks {_LANG[lang]}, not {_LANG[tgt]}",
                                    seg.id, Span(m.start(), m.end(), m.group(0), "leak")))
    return issues


def check_contact_labels(seg: Segment) -> list[Issue]:
    """Contact labels (Tél., tfno., courriel) in another language than the target's."""
    tgt = seg.tgt.split("-")[0].lower()
    if tgt not in _LABELS or not seg.target.strip():
        return []
    low = _hidden(seg.target).lower()
    issues = []
    for lang, labels in _LABELS.items():
        if lang == tgt:
            continue
        for label in labels:
            if label.replace(" ", "") in seg.source.lower().replace(" ", ""):
                continue  # the source used it too (French releases write "Email :")
            for m in re.finditer(r"(?<!\w)" + re.escape(label), low):
                issues.append(Issue("contact-label", "warning",
                                    f"{_LANG[lang]} contact label «{seg.target[m.start():m.end()]}»"
                                    f" in a {_LANG[tgt]} target", seg.id,
                                    Span(m.start(), m.end(), seg.target[m.start():m.end()], "label")))
    return issues


def check_foreign_format(seg: Segment) -> list[Issue]:
    """Another language's typography or number format: French in en/es, English in fr targets.

    « », a space before ? or %, 68,5 % and 1 250 in an English or Spanish target;
    1,250 and 68.5% in a French one.
    """
    tgt = seg.tgt.split("-")[0].lower()
    if tgt not in ("en", "es", "fr") or not seg.target.strip():
        return []
    text = _hidden(seg.target)
    issues = []
    if tgt == "fr":  # English number format in a French target: 1,250 · 68.5%
        return _number_formats(seg, text, ((_COMMA_GROUP, "comma as thousands separator"),
                                           (_DOT_PCT, "decimal point")), "French")
    for m in _FR_SPACE.finditer(text):
        if tgt == "es" and m.group(0) in "«»":
            continue  # comillas angulares are Spanish too
        issues.append(Issue("foreign-typography", "warning",
                            f"French typography «{m.group(0).strip() or m.group(0)}» in the target",
                            seg.id, Span(m.start(), m.end(), seg.target[m.start():m.end()], "typo")))
    if tgt == "en":
        issues += _number_formats(seg, text, ((_DEC_COMMA, "decimal comma"),
                                              (_SPACE_GROUP, "space as thousands separator"),
                                              (_SPACE_PCT, "space before %")), "English")
    return issues


def _number_formats(seg: Segment, text: str, rules: tuple[tuple[re.Pattern[str], str], ...],
                    lang: str) -> list[Issue]:
    return [Issue("number-format", "warning", f"«{m.group(0)}»: {what}, not {lang} format",
                  seg.id, Span(m.start(), m.end(), seg.target[m.start():m.end()], "number"))
            for rx, what in rules for m in rx.finditer(text)]
