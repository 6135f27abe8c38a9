"""One review-state model, mapped to each exchange format.

The toolkit knows five states (:class:`toolkit.model.State`) and five
origins (:class:`toolkit.model.Origin`). Each format keeps both without loss:

=============  ==================  ===============================  ===============================
state          PO                  XLIFF 1.2 ``<target state>``     XLIFF 2.1 ``<segment state>``
=============  ==================  ===============================  ===============================
untranslated   empty ``msgstr``    no ``<target>``                  ``initial``, no ``<target>``
draft          ``#, fuzzy``        ``needs-review-translation``     ``initial`` +
                                                                    ``subState="toolkit:draft"``
translated     no flag             ``translated`` +                 ``translated``
                                   ``approved="yes"``
reviewed       ``#.`` sentence     ``signed-off`` +                 ``reviewed``
               (po_notes)          ``approved="yes"``
final          ``#.`` sentence     ``final`` + ``approved="yes"``   ``final``
=============  ==================  ===============================  ===============================

=========  ===========================  ===============================  =======================
origin     PO                           XLIFF 1.2                        XLIFF 2.1
=========  ===========================  ===============================  =======================
mt         default for drafts, else a   ``state-qualifier=``             ``<mda:meta type=``
           ``#.`` sentence (po_notes)   ``"leveraged-mt"``               ``"origin">mt</...>``
tm-exact   ``#.`` sentence              ``"exact-match"``                same, ``tm-exact``
tm-fuzzy   ``#.`` sentence              ``"fuzzy-match"``                same, ``tm-fuzzy``
human      default for translated and   no qualifier (a toolkit note     same, ``human``
           up, else a ``#.`` sentence   ``origin: human`` on drafts)
=========  ===========================  ===============================  =======================

PO has no review levels, so ``reviewed`` and ``final`` ride on an extracted
comment (``#.``): msgfmt ignores it, Poedit shows it as a note for
translators and keeps it on save, Weblate shows it as an explanation. A
custom ``#,`` flag was rejected because Weblate reads ``#,`` flags as its own
check flags. Reading any format falls back to the defaults above when a
foreign tool drops our markers (Poedit removes ``#, fuzzy`` on confirmation,
OmegaT and Lokalize rewrite XLIFF ``state``).

Every unit also carries a *base*, the :func:`fingerprint` of the target and
state the toolkit wrote (PO header ``X-Toolkit-Base``, XLIFF 1.2
``extradata``, XLIFF 2.1 ``tk:base``), for three-way merges
(:mod:`toolkit.threeway`). A target that differs from its base while the
state still says draft was typed by a person in a tool that leaves the
state alone (OmegaT): it reads on as ``human``/``translated``.
"""

from __future__ import annotations

import hashlib
import re

from ..model import Note, NoteOrigin, Origin, State

# XLIFF 1.2 target/@state for each toolkit state, and the reverse for every
# value of the 1.2 enumeration (other tools write the whole range).
XLIFF12_STATE = {
    State.UNTRANSLATED: "needs-translation",
    State.DRAFT: "needs-review-translation",
    State.TRANSLATED: "translated",
    State.REVIEWED: "signed-off",
    State.FINAL: "final",
}
XLIFF12_READ = {
    "new": State.UNTRANSLATED, "needs-translation": State.UNTRANSLATED,
    "needs-adaptation": State.DRAFT, "needs-l10n": State.DRAFT,
    "needs-review-adaptation": State.DRAFT, "needs-review-l10n": State.DRAFT,
    "needs-review-translation": State.DRAFT, "translated": State.TRANSLATED,
    "signed-off": State.REVIEWED, "final": State.FINAL,
}
XLIFF12_QUALIFIER = {
    Origin.MT: "leveraged-mt", Origin.TM_EXACT: "exact-match", Origin.TM_FUZZY: "fuzzy-match",
}
XLIFF12_QUALIFIER_READ = {
    "leveraged-mt": Origin.MT, "mt-suggestion": Origin.MT,
    "exact-match": Origin.TM_EXACT, "id-match": Origin.TM_EXACT,
    "fuzzy-match": Origin.TM_FUZZY, "leveraged-tm": Origin.TM_FUZZY,
    "tm-suggestion": Origin.TM_FUZZY,
}

XLIFF2_STATE = {
    State.UNTRANSLATED: "initial",
    State.DRAFT: "initial",
    State.TRANSLATED: "translated",
    State.REVIEWED: "reviewed",
    State.FINAL: "final",
}
XLIFF2_READ = {"translated": State.TRANSLATED, "reviewed": State.REVIEWED, "final": State.FINAL}
SUBSTATE_PREFIX = "toolkit:"

# Where each format records the base (see :func:`fingerprint`).
BASE_HEADER = "X-Toolkit-Base"  # PO header field: "<id key>=<fingerprint> ..."
BASE_EXTRADATA = "toolkit-base:"  # XLIFF 1.2 trans-unit/@extradata prefix
BASE_NS = "urn:x-toolkit:base:1"  # XLIFF 2.1 unit/@tk:base

_ID_POS = re.compile(r":b(\d+)s(\d+):[0-9a-f]{8}$")


def default_origin(state: State, target: str) -> Origin:
    """The origin a unit has when its file says nothing more.

    Foreign tools do not write our origin markers, so this is what a
    confirmed unit from Poedit or OmegaT reads as.

    >>> default_origin(State.DRAFT, "Hello").value
    'mt'
    """
    if not target:
        return Origin.NONE
    return Origin.MT if state == State.DRAFT else Origin.HUMAN


def parse_state(value: str | None) -> State | None:
    """A :class:`State` from its value, or None when ``value`` is not one."""
    return State(value) if value in State._value2member_map_ else None


def parse_origin(value: str | None) -> Origin | None:
    """An :class:`Origin` from its value, or None when ``value`` is not one."""
    return Origin(value) if value in Origin._value2member_map_ else None


def position(unit_id: str) -> tuple[int, int]:
    """Block and sentence index encoded in a toolkit unit id (0, 0 for foreign ids).

    >>> position("rel:b3s1:3151b5e8")
    (3, 1)
    """
    m = _ID_POS.search(unit_id)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def escape_line(text: str) -> str:
    r"""Fold ``text`` onto one comment line: backslash and newline are escaped.

    >>> escape_line("a\nb\\c")
    'a\\nb\\\\c'
    """
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def unescape_line(text: str) -> str:
    r"""Undo :func:`escape_line`.

    >>> unescape_line(r"a\nb\\c")
    'a\nb\\c'
    """
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def split_legacy_notes(notes: list[Note]) -> tuple[tuple[Note, ...], tuple[str, ...]]:
    """Notes read from a catalogue, with what earlier versions wrote as text turned into values.

    Catalogues written before notes had an origin carried the engine's
    unknown words as a toolkit note ``unknown words: a, b`` and QA findings
    as ``qa: …`` notes; they still import.

    >>> split_legacy_notes([Note("engine: apertium"), Note("unknown words: aide")])
    ((Note(text='engine: apertium', origin=<NoteOrigin.TOOLKIT: 'toolkit'>),), ('aide',))
    """
    kept: list[Note] = []
    unknown: tuple[str, ...] = ()
    for note in notes:
        if note.origin == NoteOrigin.TOOLKIT and note.text.startswith(_LEGACY_UNKNOWN):
            unknown = tuple(w for w in note.text[len(_LEGACY_UNKNOWN):].split(", ") if w)
        elif note.origin == NoteOrigin.TOOLKIT and note.text.startswith(_LEGACY_QA):
            kept.append(Note(note.text[len(_LEGACY_QA):], NoteOrigin.QA))
        else:
            kept.append(note)
    return tuple(kept), unknown


_LEGACY_UNKNOWN, _LEGACY_QA = "unknown words: ", "qa: "


def fingerprint(target: str, state: State) -> str:
    """Short hash of what a unit says: its target and review state.

    Writers record it per unit as the *base* of a later three-way merge; a
    unit read back whose fingerprint equals its recorded base is untouched.
    An empty target reads back as untranslated in every format, so it hashes
    as such.

    >>> fingerprint("Hello.", State.DRAFT) == fingerprint("Hello.", State.TRANSLATED)
    False
    """
    st = state if target else State.UNTRANSLATED
    return hashlib.sha1(f"{st.value}\n{target}".encode()).hexdigest()[:10]


def base_key(unit_id: str) -> str:
    """Short key of a unit id for the PO base header (ids can be long)."""
    return hashlib.sha1(unit_id.encode()).hexdigest()[:8]
