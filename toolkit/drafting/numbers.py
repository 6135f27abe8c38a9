"""Numbers, dates, amounts and contact labels in the target's conventions, by value.

French writes ``1 250``, ``68,5 %``, ``14 mars 2025``, ``215 000 dollars
américains``; copied through byte-identical they stay French in an English
draft. This layer reads each such expression in the source into a value (a
:class:`~decimal.Decimal`, a :class:`~datetime.date`, an ISO 4217 code),
hands the engine a number-like placeholder it copies through, and writes the
value back with CLDR's conventions for the target (Babel): ``1,250`` /
``1.250``, ``68.5%`` / ``68,5 %``, ``14 March 2025`` / ``14 de marzo de 2025``,
``US$215,000`` / ``215.000 dólares estadounidenses``. E-mails, URLs and phone
numbers are left to span protection and stay byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from ..engines.base import Translation, Wrapper
from ..langs import Lang
from ..masking import find_numeric, numeric_tokens
from ..protect import find_protected
from .quantities import collect

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")
_MONTH = "(?:" + "|".join(_MONTHS + ("fevrier", "aout", "decembre")) + ")"
_DAY = r"(?:1er|[0-3]?\d)"
_SP = r"[ \u00a0\u202f]"
# Digits right after more digits and a space are a phone number's, not an amount's.
_NUM = rf"(?<!\d{_SP})(?:\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?|\d+,\d+|\d+)(?!{_SP}?\d)"
_SCALE = r"(?:{sp}(?P<scale>millions?|milliards?)(?:{sp}de{sp}|{sp}d['’]|(?!\w)))?".format(
    sp=_SP + "+")
# Plain "dollars" may be Canadian or Australian: only the number is localised then.
_CURRENCIES = (
    (r"dollars?{sp}(?:américains|des{sp}États-Unis|US)|USD|\$", "USD"),
    (r"EUR|€", "EUR"),
    (r"euros?(?!{sp}(?:canadiens|australiens))", "euro"),
    (r"dollars?(?!{sp}(?:canadiens|australiens|néo-zélandais))", "dollar"),
    (r"francs?{sp}CFA{sp}(?:BCEAO|\(XOF\))|XOF", "XOF"),
    (r"francs?{sp}CFA{sp}(?:BEAC|\(XAF\))|XAF", "XAF"),
    (r"francs?{sp}CFA|FCFA", "XOF"),
)
_CUR = "|".join(f"(?P<c{i}>{p.format(sp=_SP + '+')})" for i, (p, _) in enumerate(_CURRENCIES))
_DATE = rf"(?P<d>{_DAY}){_SP}+(?P<m>{_MONTH})(?:{_SP}+(?P<y>\d{{4}}))?"
_PATTERNS = {
    "range": re.compile(rf"\b(?P<du>[Dd]u){_SP}+(?P<d1>{_DAY})(?:{_SP}+(?P<m1>{_MONTH}))?"
                        rf"{_SP}+au{_SP}+{_DATE}\b"),
    "date": re.compile(rf"(?:\b(?P<prep>[Ll]e|[Jj]usqu['’]au|[Dd]epuis{_SP}+le|[Aa]u){_SP}+)?"
                       rf"\b{_DATE}\b"),
    "month": re.compile(rf"\b(?P<m>{_MONTH}){_SP}+(?P<y>\d{{4}})\b"),
    "money": re.compile(rf"(?<![\w,.])(?P<n>{_NUM}){_SCALE}{_SP}*(?:{_CUR})(?![\w])"),
    "percent": re.compile(rf"(?<![\w,.])(?P<n>{_NUM}){_SP}*%"),
    "size": re.compile(rf"(?<![\w,.])(?P<n>{_NUM}){_SP}*(?P<unit>[KkMGT]o)\b"),
    "number": re.compile(rf"(?<![\w,.+])(?<!\d{_SP})(?P<n>\d{{1,3}}(?:{_SP}\d{{3}})+(?:,\d+)?"
                         rf"|\d+,\d+)(?![\w,]|\.\d|{_SP}?\d){_SCALE}"),
}
_LABEL = re.compile(r"\b(?:Tél|TÉL|tél|Tel|TEL|tel)\b\.?(?=[ \u00a0]*[:+\d])")
_AFTER_LABEL = re.compile(r"\bTel\.[ \u00a0]*:?[ \u00a0]*[+\d][\d \u00a0().-]*")
_BLOCKING = {"email", "url", "phone", "handle", "code"}
_LOCALE = {"en": "en_GB", "es": "es"}
_BASE = 73001


def value(text: str) -> Decimal:
    """The value of a French-written number: ``"1 250,5"`` → ``Decimal("1250.5")``."""
    try:
        return Decimal(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))
    except InvalidOperation as exc:  # the patterns only pass digits; keep the cause visible
        raise ValueError(f"not a number: {text!r}") from exc


def _scaled(n: Decimal, scale: str | None, lang: str) -> tuple[str, str]:
    """(number, scale word) for the target: 2,5 millions → ("2.5", "million")."""
    from babel.numbers import format_decimal

    loc = _LOCALE[lang]
    num = format_decimal(n, locale=loc, decimal_quantization=False)
    if not scale:
        return num, ""
    big = scale.startswith("milliard")
    plural = n != 1
    if lang == "en":
        return num, "billion" if big else "million"
    return num, ("mil millones" if big else "millones" if plural else "millón")


def _money(m: re.Match[str], lang: str) -> str:
    from babel.numbers import format_currency, get_currency_name, get_currency_symbol

    code = next(c for i, (_, c) in enumerate(_CURRENCIES) if m.group(f"c{i}"))
    n = value(m.group("n"))
    loc = _LOCALE[lang]
    num, scale = _scaled(n, m.group("scale"), lang)
    if lang == "en" and code in ("USD", "EUR"):
        if scale:
            return f"{get_currency_symbol(code, locale=loc)}{num} {scale}"
        return format_currency(n, code, locale=loc, format="¤#,##0.###", currency_digits=False)
    count = 2 if (scale or n != 1) else 1
    if code in ("euro", "dollar"):  # as the author wrote it: a word, not a code
        word = {("en", "euro"): "euro", ("es", "euro"): "euro", ("en", "dollar"): "dollar",
                ("es", "dollar"): "dólar"}[(lang, code)]
        name = word + ("s" if count == 2 and lang == "en" else
                       "es" if count == 2 and word == "dólar" else "s" if count == 2 else "")
    else:
        name = get_currency_name(code, count, locale=loc)
    if code in ("XOF", "XAF"):
        name = "CFA francs" if lang == "en" else "francos CFA"
    if scale:
        return f"{num} {scale} de {name}" if lang == "es" else f"{num} {scale} {name}"
    return f"{num} {name}"


def _percent(m: re.Match[str], lang: str) -> str:
    from babel.numbers import format_percent

    return format_percent(value(m.group("n")) / 100, locale=_LOCALE[lang],
                          decimal_quantization=False)


# French writes octets where English and Spanish write bytes: 2,4 Mo → 2.4 MB / 2,4 MB.
_BYTES = {"ko": "kB", "Ko": "KB", "Mo": "MB", "Go": "GB", "To": "TB"}


def _size(m: re.Match[str], lang: str) -> str:
    return f"{_scaled(value(m.group('n')), None, lang)[0]} {_BYTES[m.group('unit')]}"


def _number(m: re.Match[str], lang: str) -> str:
    num, scale = _scaled(value(m.group("n")), m.group("scale"), lang)
    if not scale:
        return num
    has_de = bool(re.search(r"(?:\bde[ \u00a0\u202f]*|d['’])$", m.group()))
    return f"{num} {scale}" + (" de" if lang == "es" and has_de else "")


def _day(d: str) -> int:
    return 1 if d == "1er" else int(d)


def _month(m: str) -> int:
    m = {"fevrier": "février", "aout": "août", "decembre": "décembre"}.get(m, m)
    return _MONTHS.index(m) + 1


def _fmt_date(day: int, month: int, year: str | None, lang: str) -> str:
    from babel.dates import format_date

    loc = _LOCALE[lang]
    when = date(int(year) if year else 2000, month, day)
    if lang == "en":
        return format_date(when, "d MMMM y" if year else "d MMMM", locale=loc)
    return format_date(when, "d 'de' MMMM 'de' y" if year else "d 'de' MMMM", locale=loc)


_EN_PREP = {"le": "on", "jusqu'au": "until", "jusqu’au": "until", "depuis le": "since",
            "au": "to"}
_ES_PREP = {"le": "el", "jusqu'au": "hasta el", "jusqu’au": "hasta el", "depuis le": "desde el",
            "au": "al"}


def _date(m: re.Match[str], lang: str) -> str:
    text = _fmt_date(_day(m.group("d")), _month(m.group("m")), m.group("y"), lang)
    prep = m.group("prep")
    if prep:
        key = re.sub(r"[ \u00a0\u202f]+", " ", prep.casefold())
        text = (_EN_PREP if lang == "en" else _ES_PREP)[key] + " " + text
    return text


def _range(m: re.Match[str], lang: str) -> str:
    month2, year = _month(m.group("m")), m.group("y")
    month1 = _month(m.group("m1")) if m.group("m1") else month2
    end = _fmt_date(_day(m.group("d")), month2, year, lang)
    if month1 == month2:
        start = str(_day(m.group("d1")))
    else:
        start = _fmt_date(_day(m.group("d1")), month1, None, lang)
    return f"from {start} to {end}" if lang == "en" else f"del {start} al {end}"


def _month_year(m: re.Match[str], lang: str) -> str:
    from babel.dates import format_date

    when = date(int(m.group("y")), _month(m.group("m")), 1)
    pattern = "MMMM y" if lang == "en" else "MMMM 'de' y"
    return format_date(when, pattern, locale=_LOCALE[lang])


_FORMAT: dict[str, Callable[[re.Match[str], str], str]] = {
    "range": _range, "date": _date, "month": _month_year, "money": _money, "percent": _percent,
    "size": _size, "number": _number}


@dataclass(frozen=True, slots=True)
class Localised:
    masked: str
    values: tuple[tuple[str, str], ...]  # (token, target text)


def localise_source(text: str, lang: str) -> Localised:
    """``text`` with each number, date or amount replaced by a token, and what each becomes.

    >>> loc = localise_source("Du 3 au 5 juin 2024, 68,5 % des 1 250 migrants", "en")
    >>> [v for _, v in loc.values]
    ['from 3 to 5 June 2024', '68.5%', '1,250']
    """
    text = _LABEL.sub("Tel.", text)
    if lang not in _LOCALE:
        return Localised(text, ())
    blocked = [(s.start, s.end) for s in find_protected(text) if s.kind in _BLOCKING]
    blocked += [m.span() for m in _AFTER_LABEL.finditer(text)]
    found = collect(text, _PATTERNS, _FORMAT, blocked, lang)
    out, values, pos = [], [], 0
    tokens = numeric_tokens(text, _BASE)
    for a, b, new in found:
        token = next(tokens)
        # A span ending in "de " or "d'" keeps the next word apart from the token.
        out += [text[pos:a], token + (" " if text[b - 1] in " \u00a0'’" else "")]
        values.append((token, new))
        pos = b
    out.append(text[pos:])
    return Localised("".join(out), tuple(values))


_START = re.compile(r"(?:^|[.!?:]\s+|[\n«“\"(]\s*)$")


def restore(text: str, values: Sequence[tuple[str, str]]) -> str:
    for token, new in values:
        m = find_numeric(text, token)
        if not m:
            continue
        if _START.search(text[: m.start()]) and new[:1].islower():
            new = new[0].upper() + new[1:]
        text = text[: m.start()] + new + text[m.end():]
    return text


def _fix_for(src: Lang, tgt: Lang, values: Sequence[tuple[str, str]]) -> Callable[[str], str]:
    if src.code != "en":
        return lambda text: text
    from .numbers_en import uncapitalise_after

    return lambda text: uncapitalise_after(text, tuple(values), tgt.code)


class Numbers(Wrapper):
    """Numbers, dates, amounts and contact labels of the source in the target's conventions."""

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code == "en" and tgt.code in ("fr", "es"):
            from .numbers_en import localise_english

            locs = [Localised(*localise_english(t, tgt.code)) for t in texts]
        elif src.code != "fr":
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        else:
            locs = [localise_source(t, tgt.code) for t in texts]
        out = self.inner.translate_batch([x.masked for x in locs], src, tgt, n_best=n_best)
        results = []
        for loc, tr in zip(locs, out):
            lost = [v for tok, v in loc.values if tok not in tr.text]
            if lost:  # the engine dropped a token: translate as written instead
                results.append(self.inner.translate_batch(
                    [texts[len(results)]], src, tgt, n_best=n_best)[0])
                continue
            fix = _fix_for(src, tgt, loc.values)
            results.append(replace(
                tr, text=fix(restore(tr.text, loc.values)),
                hypotheses=tuple(replace(h, text=fix(restore(h.text, loc.values)))
                                 for h in tr.hypotheses)))
        return results
