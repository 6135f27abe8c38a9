"""One profile per language: the facts checks and writers need, read from CLDR through Babel.

Month and day names, decimal and group symbols, currency names, the endonym
and the writing direction come from Babel's CLDR data, so every language the
toolkit knows gets them, not only the three we write releases in. Two facts
stay elsewhere on purpose: gettext Plural-Forms (:mod:`toolkit.langs`: CLDR 42+
adds a "many" form for millions that msgfmt, Poedit and Weblate's French and
Spanish defaults do not have) and number words (CLDR's spell-out rules are not
in Babel; :mod:`toolkit.qa.numbers` keeps 0-20 for the languages it reads).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The currencies IOM releases quote; names in every language come from CLDR.
CURRENCIES = ("EUR", "USD", "GBP", "CHF", "XOF", "XAF", "CAD", "JPY")


@dataclass(frozen=True, slots=True)
class Profile:
    """What a language writes: names, symbols and direction (CLDR, via Babel)."""

    code: str
    endonym: str  # the language's name for itself, capitalised for a menu: "Français"
    direction: str  # "ltr" or "rtl"
    decimal: str  # decimal mark: "," in French, "." in English
    group: str  # digit group separator: narrow no-break space in French, "," in English
    months: tuple[tuple[str, ...], ...]  # month 1..12 → its names, lowercase (wide forms)
    days: tuple[tuple[str, ...], ...]  # Monday..Sunday → names, lowercase
    currencies: tuple[tuple[str, str], ...]  # (name or symbol, lowercase; ISO code)
    known: bool = True  # False when CLDR has no data: the fields are English defaults

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    def month(self, word: str) -> int | None:
        """1-12 for a month name of this language (any case, with or without accents)."""
        key = _fold(word)
        for i, names in enumerate(self.months, 1):
            if key in (_fold(n) for n in names):
                return i
        return None


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


def _names(table: object) -> list[str]:
    """The names of a Babel month/day table, lowercase; Catalan's "de gener" also as "gener"."""
    out: list[str] = []
    for name in table:  # type: ignore[attr-defined]
        name = name.lower().rstrip(".")
        out.append(name)
        for article in ("de ", "d’", "d'"):
            if name.startswith(article):
                out.append(name[len(article):])
    return list(dict.fromkeys(out))


@lru_cache(maxsize=64)
def profile(code: str) -> Profile:
    """The profile of ``code`` (an ISO 639-1 code or a BCP 47 tag; the region is ignored)."""
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_currency_name, get_decimal_symbol, get_group_symbol

    base = code.replace("_", "-").split("-")[0].lower()
    try:
        loc = Locale.parse(base)
        known = True
    except (UnknownLocaleError, ValueError):
        loc, known = Locale.parse("en"), False
    months = tuple(
        tuple(_names([loc.months[ctx]["wide"][i] for ctx in ("format", "stand-alone")]))
        for i in range(1, 13))
    days = tuple(
        tuple(_names([loc.days[ctx]["wide"][i] for ctx in ("format", "stand-alone")]))
        for i in range(7))
    currencies: list[tuple[str, str]] = []
    for iso in CURRENCIES:
        names = {get_currency_name(iso, n, locale=loc) for n in (1, 2)}
        names.add(loc.currency_symbols.get(iso, iso))
        currencies += [(n.lower(), iso) for n in sorted(names) if n and n != iso]
    name = loc.get_display_name(loc) or base
    return Profile(
        code=base,
        endonym=name[:1].upper() + name[1:] if known else base,
        direction="rtl" if loc.character_order == "right-to-left" else "ltr",
        decimal=get_decimal_symbol(loc),
        group=get_group_symbol(loc),
        months=months,
        days=days,
        currencies=tuple(currencies),
        known=known,
    )
