"""Per-language segmentation rules, read from the data files beside this module.

A data file (``data/<iso639-1>.txt``) lists abbreviations one per line, without
their final period, in three sections:

``[prefix]``
    abbreviations written before a name, a number or a noun (``M``, ``Dr``,
    ``art``, ``n°``): a period after them never ends a sentence.
``[any]``
    abbreviations that may also end a sentence (``etc``, ``janv``): the period
    ends a sentence before a capital letter or an opening quote, never before a
    digit or a lowercase word.
``[starters]``
    words that open sentences; after a dotted acronym that is in neither list
    (``O.N.U.``, ``U.S.``) the period ends a sentence only before one of these.
``[openers]``
    capitalised words that inside a sentence only begin a name or a title
    (``Il``, ``Cette``, ``Dans``): one of them after a word with no final
    punctuation and before a lowercase word starts a new sentence (a heading
    or a line that lost its period: ``Formula Nippon Il était``).
``[closed]``
    lowercase words a sentence cannot end with (prepositions, articles,
    conjunctions, relatives): an ``[openers]`` word after one of them is the
    start of a title (``parmi lesquelles La cerámica``), not a sentence.
``[colon]``
    capitalised words that start a sentence after a colon. French writes the
    text after a colon in lowercase and opens a quotation with quotes, so a
    capitalised subject pronoun there starts a sentence; English capitalises
    after a colon by style, so its list is empty. The same words start a
    sentence after a comma when a lowercase word outside ``[closed]`` follows
    them (a line that lost its end: ``ou "Ville", Il était membre``).
``[names]``
    names written with a final ``!`` or ``?`` (``Yahoo``, ``Jeopardy``): before
    a lowercase word that mark is part of the name, not the end of a sentence.
``[continuers]``
    capitalised words that go on with the sentence after an ellipsis (English
    ``I``: "I thought... I would go.").
``[signoffs]``
    the closing formulas of a letter (``Regards``, ``Cordialement``): followed
    by a comma and a capitalised name, the formula is a sentence of its own.
``[greetings]``
    words that open a salutation (``Dear``, ``Bonjour``): the salutation, up to
    its comma, is a sentence of its own when a capital follows.
``[options]``
    per-language switches, ``name = value``: ``ordinals = yes`` (German) says
    that a number of up to three digits followed by a period is an ordinal
    (``am 3. Oktober``) unless a sentence starter follows.

Entries containing a capital letter match exactly; all-lowercase entries match
case-insensitively (``etc`` also matches ``Etc``). ``#`` starts a comment line.
An abbreviation may contain spaces (Spanish ``a. m``, ``p. ej``).

A language without a data file borrows the rules of the first language of its
:data:`FALLBACK` chain that has one (Catalan reads Spanish, Galician reads
Portuguese); a language with neither gets the generic rules (empty lists).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import InputError, LanguageError
from ..langs import Lang

SECTIONS = ("prefix", "any", "starters", "openers", "closed", "colon", "names", "continuers",
            "signoffs", "greetings", "options")
OPTIONS = {"ordinals": ("yes", "no")}

# Languages without their own data, and whose rules they borrow, in order:
# the nearest language whose abbreviations and sentence openers they share.
FALLBACK: dict[str, tuple[str, ...]] = {
    "ca": ("es", "fr"),
    "oc": ("fr", "es"),
    "gl": ("pt", "es"),
    "pt": ("es",),
    "it": ("es",),
}


@dataclass(frozen=True, slots=True)
class Rules:
    """The abbreviation lists of one language, ready for set look-ups."""

    lang: str
    prefix: frozenset[str] = frozenset()
    prefix_ci: frozenset[str] = frozenset()
    any: frozenset[str] = frozenset()
    any_ci: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    closed: frozenset[str] = frozenset()
    colon: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    continuers: frozenset[str] = frozenset()
    signoffs: frozenset[str] = frozenset()
    greetings: frozenset[str] = frozenset()
    # Abbreviations written with a space (a. m): (entry, is_prefix), longest first.
    spaced: tuple[tuple[str, bool], ...] = ()
    ordinals: bool = False
    # Patterns compiled from the lists, filled by the segmenter on first use
    # (hashing the lists for every paragraph would cost more than the scan).
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def entries(self, section: str) -> list[str]:
        """All entries of one section as written in the data file, sorted."""
        if section == "prefix":
            return sorted(self.prefix | self.prefix_ci | {w for w, p in self.spaced if p})
        if section == "any":
            return sorted(self.any | self.any_ci | {w for w, p in self.spaced if not p})
        if section in SECTIONS[2:-1]:
            return sorted(getattr(self, section))
        raise ValueError(f"unknown section {section!r}")


def parse_rules(text: str, lang: str, source: str = "<rules>") -> Rules:
    """Parse the content of a rules data file.

    >>> parse_rules("[prefix]\\nM\\netc\\n", "fr").prefix_ci
    frozenset({'etc'})
    """
    found: dict[str, set[str]] = {name: set() for name in SECTIONS}
    options: dict[str, str] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in found:
                raise InputError(f"unknown section [{section}]", path=source, line=number)
            continue
        if not section:
            raise InputError("entry before any [section] header", path=source, line=number)
        if section == "options":
            name, _, value = (part.strip() for part in line.partition("="))
            if value not in OPTIONS.get(name, ()):
                raise InputError(f"unknown option {line!r}", path=source, line=number)
            options[name] = value
            continue
        found[section].add(" ".join(line.split()))
    spaced = {w: False for w in found["any"] if " " in w}
    spaced.update({w: True for w in found["prefix"] if " " in w})
    prefix = {w for w in found["prefix"] if " " not in w}
    anyw = {w for w in found["any"] if " " not in w}
    return Rules(
        lang=lang,
        prefix=frozenset(w for w in prefix if w != w.lower()),
        prefix_ci=frozenset(w for w in prefix if w == w.lower()),
        any=frozenset(w for w in anyw if w != w.lower()),
        any_ci=frozenset(w for w in anyw if w == w.lower()),
        starters=frozenset(found["starters"]),
        openers=frozenset(found["openers"]),
        closed=frozenset(w.lower() for w in found["closed"]),
        colon=frozenset(found["colon"]),
        names=frozenset(found["names"]),
        continuers=frozenset(found["continuers"]),
        signoffs=frozenset(found["signoffs"]),
        greetings=frozenset(found["greetings"]),
        spaced=tuple(sorted(spaced.items(), key=lambda kv: (-len(kv[0]), kv[0]))),
        ordinals=options.get("ordinals") == "yes",
    )


def _data(code: str):
    return resources.files(__package__).joinpath("data", f"{code}.txt")


def source_of(code: str) -> str | None:
    """The language whose data file serves ``code``: itself, a fallback, or None."""
    for cand in (code, *FALLBACK.get(code, ())):
        if _data(cand).is_file():
            return cand
    return None


@lru_cache(maxsize=32)
def _load(code: str) -> Rules:
    src = source_of(code)
    if src is None:
        return Rules(lang=code)
    text = _data(src).read_text(encoding="utf-8")
    return parse_rules(text, code, source=f"segment/data/{src}.txt")


def supported() -> list[str]:
    """Language codes with segmentation rules of their own or borrowed, sorted."""
    own = {p.name[:-4] for p in resources.files(__package__).joinpath("data").iterdir()
           if p.name.endswith(".txt")}
    return sorted(own | {c for c in FALLBACK if source_of(c)})


_BY_CODE: dict[str, Rules] = {}


def rules_for(lang: str | Lang, *, strict: bool = False) -> Rules:
    """Rules for a language code such as ``fr``, ``fr-FR`` or ``eng``.

    Raises :class:`toolkit.errors.LanguageError` for a code that does not parse
    and, with ``strict``, for a language that has no rules (no data file and no
    fallback): the message lists the supported languages.
    """
    if not strict and isinstance(lang, str) and lang in _BY_CODE:
        return _BY_CODE[lang]  # segment() is called once per paragraph: skip the parse
    parsed = lang if isinstance(lang, Lang) else Lang.parse(lang)
    code = parsed.iso639_1
    if isinstance(lang, str) and len(_BY_CODE) < 64:
        _BY_CODE[lang] = _load(code)
    if strict and source_of(code) is None:
        raise LanguageError(f"no segmentation rules for {parsed.name} ({code!r})", lang=code,
                            hint="supported: " + ", ".join(supported()))
    return _load(code)
