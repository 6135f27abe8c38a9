"""Spans that must come out of translation byte-identical.

E-mail addresses, URLs and domain names, @handles, phone numbers and numbers
are replaced by placeholders before the engine sees the text and put back
afterwards. The placeholders (``ZXQ<n>QZ``) are single unknown words for
Apertium and are copied through verbatim, which keeps sentence structure
intact better than deleting the span would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .masking import WORD, word_token
from .model import Span

_TLD = r"(?:int|org|com|net|edu|gov|info|fr|be|ch|ca|sn|cm|sl|cf|ht|ma|tn|uk|us|eu|io|africa)"
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("code", r"</?g\d+>|<x\d+/>"),  # inline markup codes (see toolkit.inline)
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("url", r"(?:https?://|www\.)[^\s<>«»\"]+"),
    ("url", rf"\b[\w-]+(?:\.[\w-]+)*\.{_TLD}\b(?:/[^\s<>«»\"]*)?"),
    ("handle", r"(?<![\w@])@\w{2,}"),
    # Contact labels: "Tel" is also the adjective "tel" (such) to an engine.
    ("label", r"\b(?:Tel|TEL|Tél|TÉL|Fax|FAX)\.?(?=\s*[:+])"),
    ("phone", r"(?<![\w+])\+\d{1,3}(?:[ \u00a0.\-]?\(?\d{1,4}\)?){2,6}"),
    ("phone", r"(?<![\w.,])\d{8,12}(?![\w])"),
    ("number", r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\w])"),
    ("number", r"(?<![\w.,])\d+(?:[.,/:h]\d+)*(?![\w])"),
)
# Person names: runs of capitalised words, cut at institutional vocabulary
# ("Nations Unies", "Son Excellence" must still be translated) and at titles.
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?|[A-ZÀ-ÖØ-Þ]{2,}(?![a-z])|[A-Z]\.)"
_NAME_PATTERNS = (("name", rf"(?<![\w’'-]){_CAP}(?:[ \u00a0]{_CAP}){{0,5}}"),)
_PATTERNS = _PATTERNS + _NAME_PATTERNS
_SCAN = re.compile("|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(_PATTERNS)))
_KINDS = [k for k, _ in _PATTERNS]
_TRAILING = ".,;:!?)»"
PLACEHOLDER = WORD  # the word-like tokens of toolkit.masking


def find_protected(text: str) -> list[Span]:
    """Spans of ``text`` that must not be translated, leftmost-longest, not overlapping.

    >>> [s.text for s in find_protected("Écrire à a.b@iom.int ou au +32 2 287 78 10.")]
    ['a.b@iom.int', '+32 2 287 78 10']
    """
    return list(_protected(text))


# A run scans each source twice (the numbers layer, then span protection).
@lru_cache(maxsize=4096)
def _protected(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for m in _SCAN.finditer(text):
        kind = _KINDS[int(m.lastgroup[1:])]  # type: ignore[index]
        start, end = m.span()
        if kind == "name":
            spans.extend(_names_in_run(text, start, end))
            continue
        if kind == "url":
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
        if end > start:
            spans.append(Span(start, end, text[start:end], kind))
    return tuple(spans)


_NOT_NAMES = frozenset("""
nations unies unie organisation organisations internationale international internationales
république son sa excellence union européenne états état unis uni programme bureau fonds
objectifs objectif développement durable réseau ministre ministère président présidente
directeur directrice général générale régional régionale commission conseil agence haut
haute commissariat communauté économique afrique amérique europe asie ouest est nord sud
centre centrale central police justice sécurité secrétariat secrétaire cour tribunal
assemblée banque mondiale santé travail migration migrations migrants réfugiés pour les
des de du la le et opération plan action initiative projet journée mondiale nouvelle
nouveau côte golfe mer océan méditerranée sahel corne lac pacifique caraïbes caribéen
oim cedeao hcr onudc ue odd oit onu ong unicef acp cmc rca interpol oipc tel email
courriel fax site twitter facebook
organization director deputy chief mission head office member states secretary
general united nations government ministry minister programme program iom unhcr
""".split())


# Words that open a sentence before a name ("Selon Moussa Sow, …", "According to Ana Diallo,
# …"): capitalised only because they come first, never part of the name.
_OPENERS = frozenset("""
selon pour avec après avant dans depuis par sur lors comme contre sans chez vers entre ainsi
enfin aussi ensuite puis mais donc cependant toutefois d'après d’après grâce outre quant
according with for after before in on since by from as when while thanks through under
según con para tras desde durante sin también además gracias
""".split())
_TITLES = frozenset({"m.", "mm.", "mme", "mmes", "mlle", "dr", "dr.", "pr", "pr.", "me", "s.e.",
                     "mr", "mr.", "mrs", "mrs.", "ms", "ms."})
_WORD = re.compile(r"\S+")


def _names_in_run(text: str, start: int, end: int) -> list[Span]:
    """Person names inside a run of capitalised words.

    The run is cut at titles and institutional words; a piece counts as a
    name when it has two words or more, or follows a title ("M. Gascon").
    A piece opening a sentence must be followed by a comma (contact lines,
    "Jean Dupont, OIM Niger"), since any sentence starts with a capital.
    """
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    out: list[Span] = []
    piece: list[tuple[int, int]] = []
    titled = _after_title(text, start)

    def flush() -> None:
        nonlocal titled
        if piece and text[piece[0][0]:piece[0][1]].casefold() in _OPENERS:
            del piece[0]  # "Selon" of "Selon Moussa Sow": the name starts after it
        if piece and (len(piece) >= 2 or titled):
            a, b = piece[0][0], piece[-1][1]
            at_sentence_start = not text[:a].strip() or text[:a].rstrip()[-1] in ".!?«:–—-"
            if not at_sentence_start or titled or text[b : b + 1] == ",":
                out.append(Span(a, b, text[a:b], "name"))
        piece.clear()

    for a, b in words:
        word = text[a:b].casefold()
        if word in _TITLES:
            flush()
            titled = True
        elif word.strip(".") in _NOT_NAMES:
            flush()
            titled = False
        else:
            piece.append((a, b))
    flush()
    return out


def _after_title(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and (before[-1].casefold() in _TITLES
                             or (len(before) > 1 and before[-1] == "le" and before[-2].casefold() in _TITLES))


@dataclass(frozen=True, slots=True)
class Masked:
    text: str
    spans: tuple[Span, ...]


def mask(text: str) -> Masked:
    """Replace every protected span with a numbered placeholder.

    An inline code glued to a word (``<g1>texte``) gets a space on that side
    so the engine still sees the word; :func:`unmask` takes the space away.
    """
    spans = find_protected(text)
    if not spans:
        return Masked(text, ())
    out, pos = [], 0
    kept = []
    for i, s in enumerate(spans):
        out.append(text[pos : s.start])
        left = s.kind == "code" and s.start > 0 and text[s.start - 1].isalnum()
        right = s.kind == "code" and s.end < len(text) and text[s.end].isalnum()
        out.append((" " if left else "") + word_token(i) + (" " if right else ""))
        kind = s.kind + ("<" if left else "") + (">" if right else "")
        kept.append(Span(s.start, s.end, s.text, kind))
        pos = s.end
    out.append(text[pos:])
    return Masked("".join(out), tuple(kept))


def unmask(text: str, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
    """Put the spans back; returns the text and the spans the engine lost.

    Only the padding spaces :func:`mask` added around glued inline codes are
    taken away, so two neighbouring placeholders never steal each other's space.
    """
    if not spans:
        return text, ()
    seen: set[int] = set()
    out: list[str] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        i = int(m.group(1))
        if i >= len(spans) or m.start() < pos:
            continue
        span = spans[i]
        seen.add(i)
        chunk = text[pos : m.start()]
        if "<" in span.kind and chunk.endswith(" "):
            chunk = chunk[:-1]
        out.append(chunk)
        out.append(span.text)
        pos = m.end()
        if ">" in span.kind and text[pos : pos + 1] == " ":
            pos += 1
    out.append(text[pos:])
    lost = tuple(s for i, s in enumerate(spans) if i not in seen)
    return "".join(out), lost
