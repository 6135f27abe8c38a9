"""The toolkit's fields as PO extracted comments (``#.``), worded for the translator.

Poedit, Lokalize and Weblate show every ``#.`` line as a note for
translators, so each field is a short sentence there, not a key and a JSON
value::

    #. Inline codes: <g1>…</g1> = bold text; <x2/> = link to https://example.org.
    #. Fuzzy memory match, 87.5%: “Trois pays voisins.” → “Three neighbouring countries.”
    #. Kind of text: title.
    #. Checked by a second person (reviewed).

Every sentence reads back into the same value. The markers older versions
wrote (``state: reviewed``, ``match: {json}``, ``kind: title``…) are still
read, so their catalogues import unchanged.
"""

from __future__ import annotations

import json
import re

from ..model import Alternative, Origin, State
from ..tags import Tag, parse_what
from .states import escape_line, parse_origin, parse_state, unescape_line

CODES, KIND, PREV, PREV_SRC, REF, UNKNOWN, QA = (
    "Inline codes: ", "Kind of text: ", "Previous translation: ", "Previous source: ",
    "Reference: ", "Words the engine did not know: ", "qa: ")
STATE_WORDS = {State.REVIEWED: "Checked by a second person (reviewed).",
               State.FINAL: "Signed off for publication (final)."}
ORIGIN_WORDS = {Origin.MT: "The translation is machine output.",
                Origin.TM_EXACT: "The translation is an exact memory match.",
                Origin.TM_FUZZY: "The translation is a fuzzy memory match.",
                Origin.HUMAN: "A person wrote the translation.",
                Origin.NONE: "Nobody has translated this yet."}
_MATCH_WORDS = {"tm-exact": "Exact memory match", "tm-fuzzy": "Fuzzy memory match",
                "mt": "Machine translation"}
_SUGGESTION = "Suggestion"
# What earlier versions wrote; still read.
_LEGACY = ("state: ", "origin: ", "kind: ", "previous translation: ", "previous source: ",
           "reference: ", "match: ", "unknown words: ")
_PREFIXES = (CODES, KIND, PREV, PREV_SRC, REF, UNKNOWN, QA, *_LEGACY, *_MATCH_WORDS.values(),
             _SUGGESTION, *STATE_WORDS.values(), *ORIGIN_WORDS.values())
_CODE_ITEM = re.compile(r"(?:^|; )(<g(\d+)>…</g\d+>|<x(\d+)/>) = ")
_QUOTED = r"“((?:[^”\\]|\\.)*)”"
_MATCH = re.compile(rf"^(.+?)(?:, ([\d.]+)%)?: {_QUOTED} → {_QUOTED}$")


def reserved(line: str) -> bool:
    """True when a note's line would read back as one of these fields (it gets escaped)."""
    return line.startswith(_PREFIXES)


def codes_line(tags: tuple[Tag, ...]) -> str:
    """``Inline codes: <g1>…</g1> = bold text; <x2/> = link to https://….``"""
    return escape_line(CODES + "; ".join(f"{t.token} = {t.what}" for t in tags) + ".")


def _parse_codes(body: str) -> tuple[Tag, ...]:
    body = body.removesuffix(".")
    items = list(_CODE_ITEM.finditer(body))
    tags = []
    for m, nxt in zip(items, [*items[1:], None]):
        words = body[m.end() : nxt.start() if nxt else len(body)]
        kind, n = ("g", m.group(2)) if m.group(2) else ("x", m.group(3))
        tags.append(Tag(int(n), kind, *parse_what(words)))
    return tuple(tags)


def _quote(text: str) -> str:
    return "“" + escape_line(text).replace("”", "\\”") + "”"


def match_line(cand: Alternative) -> str:
    """``Fuzzy memory match, 87.5%: “source” → “target”``."""
    label = _MATCH_WORDS.get(cand.origin) or (
        f"{_SUGGESTION} from {escape_line(cand.origin)}" if cand.origin else _SUGGESTION)
    score = f", {cand.score:g}%" if cand.score is not None else ""
    return f"{label}{score}: {_quote(cand.source)} → {_quote(cand.target)}"


def _parse_match(line: str) -> Alternative | None:
    m = _MATCH.match(line)
    if m is None:
        return None
    label = m.group(1)
    origin = next((k for k, v in _MATCH_WORDS.items() if v == label), None)
    if origin is None:
        if label == _SUGGESTION:
            origin = ""
        elif label.startswith(_SUGGESTION + " from "):
            origin = unescape_line(label[len(_SUGGESTION) + 6:])
        else:
            return None
    score = float(m.group(2)) if m.group(2) else None
    return Alternative(unescape_line(m.group(3)), unescape_line(m.group(4)), origin, score)


def _parse_legacy_match(text: str) -> Alternative | None:
    try:
        data = json.loads(text)
        score = data.get("score")
        return Alternative(str(data["source"]), str(data["target"]), str(data.get("origin", "")),
                           float(score) if score is not None else None)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def parse(line: str) -> tuple[str, object] | None:
    """The field a ``#.`` line holds, as ``(name, value)``; None for a plain note.

    Names: ``tags``, ``match``, ``state``, ``origin``, ``kind``,
    ``previous_target``, ``previous_source``, ``ref``, ``unknown``, ``qa``.
    """
    for state, words in STATE_WORDS.items():
        if line == words:
            return "state", state
    for origin, words in ORIGIN_WORDS.items():
        if line == words:
            return "origin", origin
    simple = {CODES: "tags", KIND: "kind", PREV: "previous_target", PREV_SRC: "previous_source",
              REF: "ref", UNKNOWN: "unknown", QA: "qa", "kind: ": "kind",
              "previous translation: ": "previous_target", "previous source: ": "previous_source",
              "reference: ": "ref", "unknown words: ": "unknown"}
    for prefix, name in simple.items():
        if line.startswith(prefix):
            value = unescape_line(line[len(prefix):])
            if name == "tags":
                return name, _parse_codes(value)
            if name == "kind" and prefix == KIND:
                return name, value.removesuffix(".")
            if name == "unknown":
                return name, tuple(w for w in value.removesuffix(".").split(", ") if w) \
                    if prefix == UNKNOWN else tuple(w for w in value.split(", ") if w)
            return name, value
    if line.startswith("state: "):
        state = parse_state(line[7:].strip())
        return ("state", state) if state else None
    if line.startswith("origin: "):
        origin = parse_origin(line[8:].strip())
        return ("origin", origin) if origin else None
    cand = _parse_legacy_match(line[7:]) if line.startswith("match: ") else _parse_match(line)
    return ("match", cand) if cand is not None else None


def field_lines(*, tags: tuple[Tag, ...], unknown: tuple[str, ...], state: State | None,
                origin: Origin | None, kind: str, previous_target: str, previous_source: str,
                alternatives: tuple[Alternative, ...], ref: str) -> dict[str, list[str]]:
    """The lines of each field, escaped; ``None``/empty values write nothing."""
    return {
        "tags": [codes_line(tags)] if tags else [],
        "unknown": [UNKNOWN + escape_line(", ".join(unknown)) + "."] if unknown else [],
        "state": [STATE_WORDS[state]] if state in STATE_WORDS else [],
        "origin": [ORIGIN_WORDS[origin]] if origin is not None else [],
        "kind": [KIND + escape_line(kind) + "."] if kind else [],
        "previous_target": [PREV + escape_line(previous_target)] if previous_target else [],
        "previous_source": [PREV_SRC + escape_line(previous_source)] if previous_source else [],
        "match": [match_line(c) for c in alternatives],
        "ref": [REF + escape_line(ref)] if ref else [],
    }
