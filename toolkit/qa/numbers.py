"""Numbers compared by value across the conventions of every language the toolkit knows.

``1,5 million`` and ``1.5 million`` are the same quantity, as are ``1 200``
and ``1,200``, ``14/03`` and ``14 March``, ``30 €`` and ``€30``, ``19 h 30``
and ``7:30 p.m.``. Each text is read into :class:`Quantity` values (with
alternatives where the writing is ambiguous: ``14/03`` may be a date or two
numbers), and the two multisets are compared. Month names, currency names
and decimal marks come from each language's CLDR profile
(:mod:`toolkit.profiles`); the press-release spellings CLDR does not list
("dollars américains", "F CFA", "pour cent") are kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..langs import supported
from ..model import Segment, Span
from ..profiles import profile
from ..protect import find_protected
from .issue import Issue

_PROFILES = [profile(code) for code in supported()]
_NUM = (r"(?<![\w.,/])(?:\d{1,3}(?:(?:[\u00a0\u202f ]\d{3})+|(?:,\d{3})+|(?:\.\d{3})+)"
        r"(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])")
_SCALES = {
    "mil millones": 9, "millier": 3, "milliers": 3, "mille": 3, "thousand": 3, "mil": 3,
    "million": 6, "millions": 6, "millón": 6, "millones": 6, "milliard": 9, "milliards": 9,
    "billion": 9, "billions": 9, "billón": 12, "billones": 12, "trillion": 12,
    "bn": 9, "m": 6, "k": 3,
}
_SCALE = r"(?:\s+(?P<scale>mil millones|milliers?|mille|thousand|mil|millions?|millón|millones" \
         r"|milliards?|billions?|billón|billones|trillion)|(?P<abbr>bn|m|k))?(?!\w)"
_CURRENCY = {
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "dólares": "USD",
    "£": "GBP", "gbp": "GBP", "chf": "CHF", "fcfa": "XOF", "f cfa": "XOF", "xof": "XOF",
    "xaf": "XOF", "francs cfa": "XOF", "cfa francs": "XOF", "franc cfa": "XOF",
    "francos cfa": "XOF",
}
# CLDR's currency names and symbols in every known language ("dollars des États-Unis",
# "dólares estadounidenses", "$US"). Both CFA francs are one key, as in _CURRENCY: a
# release's "francs CFA" rarely says which of the two zones it means.
_CLDR_CURRENCY = {name: ("XOF" if iso == "XAF" else iso)
                  for p in _PROFILES for name, iso in p.currencies}
_CLDR_NAMES = "|".join(re.escape(n) for n in sorted(_CLDR_CURRENCY, key=len, reverse=True))
_CUR_AFTER = (r"(?:\s*(?:d[e'’]\s*)?)(?P<cur>" + _CLDR_NAMES + r"|€|\$|£|euros?"
              r"|(?:(?:american|us|u\.s\.)\s+)?dollars?(?:\s+(?:américains|us))?"
              r"|dólares(?:\s+estadounidenses)?|usd|eur|chf|f\s?cfa|xof|xaf|francs?\s+cfa"
              r"|francos\s+cfa|cfa\s+francs)(?!\w)")
_CUR_BEFORE = r"(?P<pre>us\$|€|\$|£|usd|eur|chf|fcfa|xof|xaf)\s?"
_PERCENT = r"\s*(?:%|pour\s*cent|per\s*cent|percent|por\s*ciento)"
_MONTHS = {name: i for p in _PROFILES for i, names in enumerate(p.months, 1) for name in names}
_MONTH = "(?P<month>" + "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True)) + ")"
_ORD = r"(?:er|re|e|ème|eme|è|st|nd|rd|th|º|ª|o|a)?"
_WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
          "quinze seize dix-sept dix-huit dix-neuf vingt",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
          "quince dieciséis diecisiete dieciocho diecinueve veinte",
}
_EXTRA_WORDS = {"fr": {"une": 1, "première": 1, "premier": 1}, "en": {"a": 1, "first": 1},
                "es": {"una": 1, "primera": 1, "primero": 1}}

_F = re.IGNORECASE
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("time", re.compile(r"(?<![\w:])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s?"
                        r"(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?!\w)", _F)),
    ("time", re.compile(r"(?<![\w:])(?P<h>\d{1,2})\s?(?:h|heures?|horas?)(?:\s?(?P<m>\d{2}))?"
                        r"(?![\w])", _F)),
    ("time", re.compile(r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])")),
    # "14. März" (German, Scandinavian): the day's ordinal dot
    ("date", re.compile(rf"(?<![\w])(?P<d>\d{{1,2}})(?:\.|{_ORD})\s+(?:de\s+)?{_MONTH}"
                        r"(?:,?\s+(?:de\s+)?(?P<y>\d{4}))?(?!\w)", _F)),
    ("date", re.compile(rf"(?<![\w]){_MONTH}\s+(?P<d>\d{{1,2}}){_ORD}(?:,?\s+(?P<y>\d{{4}}))?"
                        r"(?!\w)", _F)),
    ("date", re.compile(r"(?<![\w/.,])(?P<d>\d{1,2})/(?P<mo>\d{1,2})(?:/(?P<y>\d{2,4}))?"
                        r"(?![\w/])")),
    ("date", re.compile(r"(?<![\w/.,])(?P<d>\d{1,2})\.(?P<mo>\d{1,2})\.(?P<y>\d{4})(?![\w.])")),
    ("money", re.compile(_CUR_BEFORE + f"(?P<n>{_NUM}){_SCALE}", _F)),
    ("money", re.compile(f"(?P<n>{_NUM}){_SCALE}{_CUR_AFTER}", _F)),
    ("percent", re.compile(f"(?P<n>{_NUM}){_PERCENT}(?!\\w)", _F)),
    ("number", re.compile(f"(?P<n>{_NUM}){_SCALE}", _F)),
    ("number", re.compile(r"(?<![\w])(?P<n>\d+)" + _ORD + r"(?!\w)")),
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value found in a text; ``keys`` are the readings it may stand for."""

    kind: str
    keys: tuple[tuple, ...]
    span: Span


def parse_number(text: str, lang: str) -> Decimal | None:
    """Value of a written number under ``lang``'s separators.

    >>> str(parse_number("1 200,5", "fr")), str(parse_number("1,200.5", "en"))
    ('1200.5', '1200.5')
    >>> str(parse_number("1,5", "fr")), str(parse_number("1,200", "en"))
    ('1.5', '1200')
    """
    s = re.sub(r"[\u00a0\u202f ]", "", text)
    dec, group = (",", ".") if profile(lang).decimal == "," else (".", ",")
    if re.fullmatch(rf"\d{{1,3}}(?:\{group}\d{{3}})+(?:\{dec}\d+)?", s):
        s = s.replace(group, "")
    elif group in s and dec not in s and not re.search(rf"\{group}\d{{3}}$", s):
        s = s.replace(group, dec)  # "1.5" in a French text: a decimal point after all
    s = s.replace(dec, ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _key(value: Decimal) -> str:
    norm = value.normalize()
    return format(norm, "f")


def _time(h: int, m: int, ampm: str | None) -> int | None:
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    return h * 60 + m if h < 24 and m < 60 else None


def quantities(text: str, lang: str) -> list[Quantity]:
    """Every number-like value in ``text`` with its readings, left to right."""
    # E-mails, URLs, phones and handles are checked verbatim elsewhere; hide them here.
    chars = list(text)
    for sp in find_protected(text):
        if sp.kind not in ("number", "code"):
            chars[sp.start:sp.end] = " " * (sp.end - sp.start)
    work = "".join(chars)
    found: list[Quantity] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(work):
            q = _read(kind, m, lang)
            if q is None:
                continue
            found.extend(q)
            work = work[:m.start()] + " " * (m.end() - m.start()) + work[m.end():]
    found.sort(key=lambda q: q.span.start)
    return found


def _read(kind: str, m: re.Match[str], lang: str) -> list[Quantity] | None:
    g = m.groupdict()
    span = Span(m.start(), m.end(), m.group(0), kind)
    if kind == "time":
        t = _time(int(g["h"]), int(g["m"] or 0), g.get("ampm"))
        if t is None:
            return None
        keys: tuple[tuple, ...] = (("time", t),)
        if not g["m"] and not g.get("ampm"):
            keys += (("number", g["h"]),)  # "2 h" may be a duration: two hours
        return [Quantity(kind, keys, span)]
    if kind == "date":
        day = int(g["d"])
        if g.get("month"):
            month = _MONTHS[g["month"].lower()]
            keys = (("date", month, day),)
        else:
            a, b = day, int(g["mo"])
            keys = tuple(("date", mo, d) for d, mo in ((a, b), (b, a)) if 1 <= mo <= 12
                         and 1 <= d <= 31)
            if not keys:
                return None
        out = [Quantity(kind, keys, span)]
        if g.get("y"):
            y = g["y"] if len(g["y"]) == 4 else "20" + g["y"]
            out.append(Quantity("number", (("number", y),), span))
        return out
    value = parse_number(g["n"], lang)
    if value is None:
        return None
    scale = (g.get("scale") or g.get("abbr") or "").lower()
    if scale:
        value = value.scaleb(_SCALES[" ".join(scale.split())])
    if kind == "money":
        cur = " ".join((g.get("pre") or g.get("cur") or "").lower().split())
        if cur in _CLDR_CURRENCY:
            return [Quantity(kind, (("money", _CLDR_CURRENCY[cur], _key(value)),), span)]
        cur = " ".join(cur.replace("américains", "").replace("estadounidenses", "")
                       .replace("american ", "").replace("u.s. ", "").replace("us dollar", "dollar")
                       .replace(" us", "").split())
        code = _CURRENCY.get(cur, cur.upper())
        return [Quantity(kind, (("money", code, _key(value)),), span)]
    return [Quantity(kind, ((kind, _key(value)),), span)]


def _number_word(n: str, text: str, lang: str) -> bool:
    base = lang.split("-")[0]
    words = _WORDS.get(base, "").split()
    table = {w: str(i) for i, w in enumerate(words)}
    table.update({w: str(v) for w, v in _EXTRA_WORDS.get(base, {}).items()})
    return any(table.get(w) == n for w in re.findall(r"[\w-]+", text.lower()))


def _unmatched(a: list[Quantity], b: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    left, right = list(a), list(b)
    for q in list(left):
        for r in right:
            if set(q.keys) & set(r.keys):
                left.remove(q)
                right.remove(r)
                break
    return left, right


def check_numbers(seg: Segment) -> list[Issue]:
    """Numbers, amounts, percentages, dates and times differ between source and target.

    Compared by value: separators, scale words, currency position and the
    12/24-hour clock may change; the value and the currency may not.
    """
    if not seg.target.strip():
        return []
    src = quantities(seg.source, seg.src)
    tgt = quantities(seg.target, seg.tgt)
    missing, extra = _unmatched(src, tgt)
    issues: list[Issue] = []
    for q in list(missing):
        if q.kind != "money":
            continue
        twin = next((r for r in extra if r.kind == "money" and r.keys[0][2] == q.keys[0][2]), None)
        if twin is not None:
            issues.append(Issue("currency-mismatch", "error",
                                f"«{q.span.text}» became «{twin.span.text}»: currency changed",
                                seg.id, twin.span))
            missing.remove(q)
            extra.remove(twin)
    for q in missing:
        n = q.keys[0][1] if q.keys[0][0] == "number" else None
        if n is not None and _number_word(n, seg.target, seg.tgt):
            continue
        issues.append(Issue("number-missing", "error",
                            f"«{q.span.text}» ({q.kind}) has no equal value in the target",
                            seg.id, q.span))
    for r in extra:
        n = r.keys[0][1] if r.keys[0][0] == "number" else None
        if n is not None and _number_word(n, seg.source, seg.src):
            continue
        issues.append(Issue("number-added", "warning",
                            f"«{r.span.text}» ({r.kind}) in the target is not in the source",
                            seg.id, r.span))
    return issues
