"""English-source numbers, dates and amounts, written back in French or Spanish conventions.

The counterpart of :mod:`toolkit.drafting.numbers` for releases written in
English: through the eng→spa→fra route Apertium turns ``14 March 2025`` into
"14 Part 2025" (March → *marcha* → *part*), keeps ``1,250`` and ``68.5%`` in
English format and makes ``US$1,500`` "EE.UU.$1,500". Each expression is read
into a value here, hidden from the engine behind a numeric token, and written
with CLDR's conventions for the target (Babel): ``le 14 mars 2025`` /
``el 14 de marzo de 2025``, ``1 250`` / ``1.250``, ``68,5 %``, ``1 500 dollars
des États-Unis`` / ``1.500 dólares estadounidenses``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from ..masking import numeric_tokens
from ..protect import find_protected
from .quantities import collect

_LOCALE = {"fr": "fr", "es": "es"}
_BASE = 73001  # the numbers layer's base: one layer, one token series (toolkit.masking)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
# "May" alone is also the verb: a month only next to a day or a year.
_MONTH = "(?P<m>" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_NUM = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)(?![\d])"
_SCALE = r"(?:\s+(?P<scale>million|billion))?"
_PATTERNS: dict[str, re.Pattern[str]] = {
    "date": re.compile(rf"(?:\b(?P<prep>[Oo]n|[Uu]ntil|[Ss]ince|[Bb]y)\s+)?\b(?:"
                       rf"{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"
                       rf"|(?P<m2>{'|'.join(m.capitalize() for m in _MONTHS)})\s+"
                       rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*(?P<y2>(?:19|20)\d\d))?)\b"),
    "month": re.compile(rf"\b(?:[Ii]n\s+)?{_MONTH}\s+{_YEAR}\b"),
    "money": re.compile(rf"(?P<cur>US\$|\$|€|USD\s?|EUR\s?)(?P<n>{_NUM}){_SCALE}\b"
                        rf"|(?P<n2>{_NUM}){_SCALE.replace('scale', 'scale2')}"
                        r"\s+(?P<word>euros?|US\s+dollars|dollars)\b"),
    "percent": re.compile(rf"(?P<n>{_NUM})\s?(?:%|\s+per\s?cent\b)"),
    "number": re.compile(rf"(?<![\w$€])(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+\.\d+)"
                         rf"(?![\w.,]\d){_SCALE}"),
}
_BLOCKING = {"email", "url", "phone", "handle", "code"}
_PREP = {"fr": {"on": "le", "until": "jusqu'au", "since": "depuis le", "by": "d'ici au"},
         "es": {"on": "el", "until": "hasta el", "since": "desde el", "by": "para el"}}


def _value(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def _scaled(n: Decimal, scale: str | None, lang: str) -> tuple[str, str]:
    from babel.numbers import format_decimal

    places = max(0, -n.as_tuple().exponent)  # "2.0" stays "2,0": the digits as written
    num = format_decimal(n, format="#,##0" + ("." + "0" * places if places else ""),
                         locale=_LOCALE[lang])
    if not scale:
        return num, ""
    if lang == "fr":
        word = "milliard" if scale == "billion" else "million"
        return num, word + ("s" if n >= 2 else "") + " de"
    if scale == "billion":
        return num, "mil millones de"
    return num, ("millones" if n != 1 else "millón") + " de"


def _number(m: re.Match[str], lang: str) -> str:
    num, scale = _scaled(_value(m.group("n")), m.group("scale"), lang)
    return f"{num} {scale.removesuffix(' de')}" if scale else num


def _percent(m: re.Match[str], lang: str) -> str:
    from babel.numbers import format_percent

    return format_percent(_value(m.group("n")) / 100, locale=_LOCALE[lang],
                          decimal_quantization=False)


def _money(m: re.Match[str], lang: str) -> str:
    from babel.numbers import get_currency_name

    raw, word = m.group("n") or m.group("n2"), (m.group("word") or "").lower()
    cur = (m.group("cur") or "").strip()
    code = "EUR" if cur in ("€", "EUR") or word.startswith("euro") else "USD"
    n = _value(raw)
    num, scale = _scaled(n, m.group("scale") or m.group("scale2"), lang)
    if (code == "USD" and cur == "$") or word == "dollars":  # maybe not US dollars: a plain word
        name = "dollars" if lang == "fr" else "dólares"
    else:
        name = get_currency_name(code, 2 if (scale or n != 1) else 1, locale=_LOCALE[lang])
    text = f"{num} {scale} {name}" if scale else f"{num} {name}"
    return re.sub(r"\bde (?=[aeiouéèêh])", "d'", text) if lang == "fr" else text  # millions d'euros


def _fmt_date(day: int, month: int, year: str | None, lang: str) -> str:
    from babel.dates import format_date

    when = date(int(year) if year else 2000, month, day)
    if lang == "fr":
        text = format_date(when, "d MMMM y" if year else "d MMMM", locale="fr")
        return "1er" + text[1:] if day == 1 else text
    return format_date(when, "d 'de' MMMM 'de' y" if year else "d 'de' MMMM", locale="es")


def _date(m: re.Match[str], lang: str) -> str:
    month = m.group("m") or m.group("m2")
    day = m.group("d") or m.group("d2")
    text = _fmt_date(int(day), _MONTHS.index(month.lower()) + 1, m.group("y") or m.group("y2"),
                     lang)
    prep = m.group("prep")
    return f"{_PREP[lang][prep.lower()]} {text}" if prep else text


def _month_year(m: re.Match[str], lang: str) -> str:
    from babel.dates import format_date

    when = date(int(m.group("y")), _MONTHS.index(m.group("m").lower()) + 1, 1)
    text = format_date(when, "MMMM y" if lang == "fr" else "MMMM 'de' y", locale=_LOCALE[lang])
    return "en " + text if m.group(0)[:3].lower() == "in " else text  # en in both targets


_FORMAT: dict[str, Callable[[re.Match[str], str], str]] = {
    "date": _date, "month": _month_year, "money": _money, "percent": _percent,
    "number": _number}


# Words Apertium capitalises after a token that opens the sentence ("73001 Le fonds"): closed
# classes only (articles, pronouns, auxiliaries), so a name after a date keeps its capital.
_FUNCTION = {
    "fr": frozenset("le la les l un une des du il ils elle elles a ont est sont ce cette ces "
                    "son sa ses leur leurs on".split()),
    "es": frozenset("el la los las lo un una unos unas ha han es son su sus este esta estos "
                    "estas se".split()),
}


def uncapitalise_after(text: str, values: tuple[tuple[str, str], ...], lang: str) -> str:
    """Lower-case a function word the engine capitalised right after a restored value."""
    words = _FUNCTION.get(lang, frozenset())
    for _, new in values:
        # the value may have been capitalised at the start of the sentence
        pos = max(text.find(new), text.find(new[:1].upper() + new[1:]))
        if pos < 0:
            continue
        m = re.match(r"(,?\s+)([A-ZÀ-Ý][a-zà-ÿ]*)(?=[\s'’])", text[pos + len(new):])
        word = m.group(2) if m else ""
        # "A" (the verb a) is all capitals; other words must not be (acronyms stay)
        if word.lower() in words and (word == "A" or not word.isupper()):
            start = pos + len(new) + len(m.group(1))
            text = text[:start] + word.lower() + text[start + len(word):]
    return text


def localise_english(text: str, lang: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` with each English number, date or amount replaced by a token, and its rendering.

    >>> masked, values = localise_english("On 14 March 2025, 68.5% of 1,250 migrants", "fr")
    >>> [v for _, v in values]
    ['le 14 mars 2025', '68,5\\xa0%', '1\\u202f250']
    """
    if lang not in _LOCALE:
        return text, ()
    blocked = [(s.start, s.end) for s in find_protected(text) if s.kind in _BLOCKING]
    found = collect(text, _PATTERNS, _FORMAT, blocked, lang)
    out, values, pos = [], [], 0
    tokens = numeric_tokens(text, _BASE)
    for a, b, new in found:
        token = next(tokens)
        out += [text[pos:a], token]
        values.append((token, new))
        pos = b
    out.append(text[pos:])
    return "".join(out), tuple(values)
