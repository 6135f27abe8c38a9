"""Value types that travel through every stage of the pipeline.

Everything here is immutable: stages build new values with
``dataclasses.replace`` instead of mutating what they receive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

from .langs import Lang, as_lang


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of some text, with the text itself."""

    start: int
    end: int
    text: str
    kind: str = ""


class Origin(StrEnum):
    """Where a segment's target came from."""

    NONE = "none"
    MT = "mt"
    TM_EXACT = "tm-exact"
    TM_FUZZY = "tm-fuzzy"
    HUMAN = "human"


class State(StrEnum):
    """Review state of a unit, from nothing to publishable.

    The mapping to PO flags and XLIFF states lives in the format modules.
    """

    UNTRANSLATED = "untranslated"
    DRAFT = "draft"  # machine or memory output nobody has checked
    TRANSLATED = "translated"  # a person wrote or confirmed it
    REVIEWED = "reviewed"  # a second person checked it
    FINAL = "final"  # signed off for publication


class BlockKind(StrEnum):
    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    CONTACT = "contact"
    SEPARATOR = "separator"


@dataclass(frozen=True, slots=True)
class Block:
    """One layout unit of a release: a title, a paragraph, a list item...

    ``prefix`` holds layout characters that are not translated (a list
    bullet such as ``"- "``); ``text`` is what gets segmented.
    """

    kind: BlockKind
    text: str
    prefix: str = ""
    line: int = 0  # 1-based line in the source file, for references
    translate: bool = True
    # Inline markup of ``text``: code N (``<gN>``/``<xN/>``) is ``codes[N-1]``,
    # a ``toolkit.inline.Code``. Empty for plain text.
    codes: tuple = ()


@dataclass(frozen=True, slots=True)
class Document:
    """A release after ingest: its blocks plus what is needed to rebuild it."""

    name: str  # release identifier, usually the file stem
    blocks: tuple[Block, ...]
    fmt: str = "text"
    path: str = ""
    removed: tuple[str, ...] = ()  # chrome lines dropped by ingest, for reporting
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another candidate translation shown to the reviewer: a memory match or MT output.

    Written as XLIFF 1.2 ``<alt-trans>``, XLIFF 2.1 ``<mtc:match>`` and a PO
    ``#.`` sentence (``Fuzzy memory match, 87%: “…” → “…”``).
    """

    source: str
    target: str
    origin: str  # "tm-exact", "tm-fuzzy", "mt"
    score: float | None = None  # match quality in percent


class NoteOrigin(StrEnum):
    """Who wrote a note: the toolkit's run (engine, memory, glossary) or a QA check."""

    TOOLKIT = "toolkit"
    QA = "qa"


@dataclass(frozen=True, slots=True)
class Note:
    """A note for translators with its author, so formats can file it where it belongs.

    Written as a PO ``#.`` line, an XLIFF 1.2 ``<note from="…">`` and an
    XLIFF 2.1 ``<note category="…">``.
    """

    text: str
    origin: NoteOrigin = NoteOrigin.TOOLKIT


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit (a sentence) with everything known about it."""

    id: str
    source: str
    src: Lang  # a plain code given here becomes a Lang
    tgt: Lang
    target: str = ""
    origin: Origin = Origin.NONE
    state: State = State.UNTRANSLATED
    block: int = 0  # index of the block in its document
    index: int = 0  # position of the sentence within its block
    ref: str = ""  # human-readable reference, e.g. "release.txt:12"
    notes: tuple[Note, ...] = ()  # notes for translators (engine, route, terms, QA)
    comments: tuple[str, ...] = ()  # notes written by translators
    unknown: tuple[str, ...] = ()  # words the engine did not know
    previous_source: str = ""
    previous_target: str = ""
    kind: str = ""  # the block kind (title, paragraph, list-item...)
    flags: tuple[str, ...] = field(default=())
    alternatives: tuple[Alternative, ...] = ()
    # Fingerprint of what the toolkit last wrote for this unit, as recorded in
    # the file it was read from ("" when the file records none): the base of
    # a three-way merge (toolkit.threeway). Writers record a fresh one, so it
    # says where a value was read from, not what the unit is: not compared.
    base: str = field(default="", compare=False)
    # What each inline code of the source stands for (``toolkit.tags.Tag``),
    # so catalogues can show it; the markup itself stays in the release.
    tags: tuple = ()

    def __post_init__(self) -> None:
        _langs(self)
        # Callers may hand plain strings (engine provenance lines): they are toolkit notes.
        if any(isinstance(n, str) for n in self.notes):
            object.__setattr__(self, "notes", tuple(
                Note(n) if isinstance(n, str) else n for n in self.notes))


def _langs(obj: Segment | Catalogue) -> None:
    """Plain codes become :class:`Lang` (codes no table knows are kept as written)."""
    if not isinstance(obj.src, Lang):
        object.__setattr__(obj, "src", as_lang(obj.src))
    if not isinstance(obj.tgt, Lang):
        object.__setattr__(obj, "tgt", as_lang(obj.tgt))


def segment_id(doc: str, block: int, index: int, source: str) -> str:
    """Stable unit id: the release, the position, and a short hash of the source.

    The position lets a reviewer find the unit; the hash lets an update tell
    whether the sentence at that position changed.

    >>> segment_id("rel", 3, 0, "Bonjour.")
    'rel:b3s0:3151b5e8'
    """
    digest = hashlib.sha1(source.strip().encode("utf-8")).hexdigest()[:8]
    return f"{doc}:b{block}s{index}:{digest}"


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The translatable units of one release in one target language.

    This is what format modules read and write (PO, XLIFF, TMX).
    ``obsolete`` holds units whose source disappeared from the release but
    whose translation is kept, like gettext's ``#~`` entries.
    """

    name: str  # release identifier
    src: Lang  # BCP 47 source language (a plain code given here becomes a Lang)
    tgt: Lang  # BCP 47 target language
    segments: tuple[Segment, ...]
    source_path: str = ""  # the release file the units came from
    obsolete: tuple[Segment, ...] = ()
    fmt: str = "text"  # format of the original release

    def __post_init__(self) -> None:
        _langs(self)
