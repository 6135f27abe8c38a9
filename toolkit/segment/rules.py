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
    after a colon by style, so its list is empty.

Entries containing a capital letter match exactly; all-lowercase entries match
case-insensitively (``etc`` also matches ``Etc``). ``#`` starts a comment line.
A language that parses but has no data file gets the generic rules (empty lists).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import InputError
from ..langs import Lang

SECTIONS = ("prefix", "any", "starters", "openers", "closed", "colon")


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

    def entries(self, section: str) -> list[str]:
        """All entries of one section as written in the data file, sorted."""
        if section == "prefix":
            return sorted(self.prefix | self.prefix_ci)
        if section == "any":
            return sorted(self.any | self.any_ci)
        if section in ("starters", "openers", "closed", "colon"):
            return sorted(getattr(self, section))
        raise ValueError(f"unknown section {section!r}")


def parse_rules(text: str, lang: str, source: str = "<rules>") -> Rules:
    """Parse the content of a rules data file.

    >>> parse_rules("[prefix]\\nM\\netc\\n", "fr").prefix_ci
    frozenset({'etc'})
    """
    found: dict[str, set[str]] = {name: set() for name in SECTIONS}
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
        found[section].add(line)
    prefix, anyw = found["prefix"], found["any"]
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
    )


@lru_cache(maxsize=32)
def _load(code: str) -> Rules:
    res = resources.files(__package__).joinpath("data", f"{code}.txt")
    if not res.is_file():
        return Rules(lang=code)
    return parse_rules(res.read_text(encoding="utf-8"), code, source=f"segment/data/{code}.txt")


def rules_for(lang: str | Lang) -> Rules:
    """Rules for a language code such as ``fr``, ``fr-FR`` or ``eng``.

    Raises :class:`toolkit.errors.LanguageError` for a code that does not parse.
    """
    parsed = lang if isinstance(lang, Lang) else Lang.parse(lang)
    return _load(parsed.iso639_1)
