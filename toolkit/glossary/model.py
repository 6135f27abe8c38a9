"""Terminology values: terms, concepts and a glossary that holds them.

A concept groups the terms of every language that name one thing. Each term
has a status (preferred, admitted, deprecated) and a type (full form, acronym,
...), the same data categories TBX-Basic carries, so TBX round-trips without
loss and CSV is a flat view of the same values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..errors import GlossaryError

PREFERRED = "preferred"
ADMITTED = "admitted"
DEPRECATED = "deprecated"
STATUSES = (PREFERRED, ADMITTED, DEPRECATED)
TERM_TYPES = ("fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase")

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*[a-z]?$")  # IOM, UNHCR, IDPs, G5
_ID = re.compile(r"^[A-Za-z_][\w.-]*$")


def guess_type(text: str) -> str:
    """``acronym`` for a term written in capitals (``OIM``, ``IDPs``), else ``fullForm``."""
    short = len(text) >= 2 and _ACRONYM.match(text) and text[:2].isupper()
    return "acronym" if short else "fullForm"


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str
    status: str = PREFERRED
    type: str = "fullForm"
    pos: str = "noun"
    gender: str = ""  # masculine | feminine, when a restore needs agreement
    note: str = ""

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise GlossaryError(f"empty {self.lang} term")
        if self.status not in STATUSES:
            raise GlossaryError(f"unknown term status {self.status!r}", term=self.text)
        if self.type not in TERM_TYPES:
            raise GlossaryError(f"unknown term type {self.type!r}", term=self.text)


@dataclass(frozen=True, slots=True)
class Concept:
    """A concept: its id, subject field, terms in every language and a note.

    ``article`` says whether the English term takes the definite article when
    the French one has it (``"none"`` for "IOM", "human trafficking").
    """

    id: str
    terms: tuple[Term, ...]
    domain: str = ""
    note: str = ""
    definition: str = ""
    article: str = ""  # "" (keep what the engine produced) | "none"

    def __post_init__(self) -> None:
        if not _ID.match(self.id or ""):
            raise GlossaryError(f"invalid concept id {self.id!r}")

    def in_lang(self, lang: str) -> list[Term]:
        return [t for t in self.terms if t.lang == lang]

    def approved(self, lang: str) -> list[Term]:
        """Preferred and admitted terms of ``lang`` (what a translation may use)."""
        return [t for t in self.terms if t.lang == lang and t.status != DEPRECATED]

    def forbidden(self, lang: str) -> list[Term]:
        """Deprecated terms of ``lang``: renderings a translation must not use."""
        return [t for t in self.terms if t.lang == lang and t.status == DEPRECATED]

    def preferred(self, lang: str, type: str = "fullForm") -> Term | None:
        """The term to use in ``lang`` for a source term of type ``type``.

        An acronym maps to the target acronym when there is one, otherwise to
        the full form; the first preferred term wins, then the first admitted.
        """
        pool = self.approved(lang)
        if not pool:
            return None
        short = type in ("acronym", "abbreviation")
        same = [t for t in pool if (t.type in ("acronym", "abbreviation")) == short]
        for group in (same, pool):
            for status in (PREFERRED, ADMITTED):
                for t in group:
                    if t.status == status:
                        return t
        return pool[0]


@dataclass(frozen=True)
class Glossary:
    """An ordered, id-unique collection of concepts.

    >>> g = Glossary.of([Concept("oim", (Term("OIM", "fr", type="acronym"),))])
    >>> g.get("oim").terms[0].text
    'OIM'
    """

    concepts: tuple[Concept, ...] = ()
    name: str = ""
    _index: dict[str, Concept] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Concept] = {}
        for c in self.concepts:
            if c.id in index:
                raise GlossaryError(f"duplicate concept id {c.id!r}")
            index[c.id] = c
        object.__setattr__(self, "_index", index)

    @classmethod
    def of(cls, concepts: Iterable[Concept], name: str = "") -> Glossary:
        return cls(tuple(concepts), name)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._index

    def get(self, concept_id: str) -> Concept:
        try:
            return self._index[concept_id]
        except KeyError:
            raise GlossaryError(f"no concept {concept_id!r}", term=concept_id) from None

    def add(self, concept: Concept) -> Glossary:
        """A new glossary with ``concept`` appended; its id must be new."""
        if concept.id in self._index:
            raise GlossaryError(f"concept {concept.id!r} already exists", term=concept.id)
        return replace(self, concepts=self.concepts + (concept,))

    def remove(self, concept_id: str) -> Glossary:
        self.get(concept_id)
        return replace(self, concepts=tuple(c for c in self.concepts if c.id != concept_id))

    def merge(self, other: Glossary) -> Glossary:
        """Concepts of ``other`` replace same-id concepts here; new ones are appended."""
        incoming = {c.id: c for c in other}
        kept = tuple(incoming.pop(c.id, c) for c in self.concepts)
        return replace(self, concepts=kept + tuple(c for c in other if c.id in incoming))

    def languages(self) -> list[str]:
        return sorted({t.lang for c in self for t in c.terms})

    def search(self, word: str) -> list[Concept]:
        """Concepts whose id, any term or note contains ``word`` (case-insensitive)."""
        w = word.casefold()
        return [
            c for c in self
            if w in c.id.casefold() or w in c.note.casefold()
            or any(w in t.text.casefold() for t in c.terms)
        ]
