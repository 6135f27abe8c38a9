"""Wrappers that combine engines and still implement the Engine Protocol.

The pipeline only ever sees one engine; pivoting, falling back, caching and
span protection are layers around it, never branches in the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..langs import Lang
from ..protect import PLACEHOLDER, mask, unmask
from ..typography import localise
from .base import Engine, Translation, Wrapper


class Protected(Wrapper):
    """Masks e-mails, URLs, phones, handles and numbers around an inner engine.

    An engine may drop a placeholder (a weak neural model often does). The span is never lost:
    another hypothesis that keeps every span is taken, else the text between the spans is
    translated piece by piece and the spans are put back between the pieces, as CAT tools
    do around tags they cannot place.
    """

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        masked = [mask(t) for t in texts]
        raw = self.inner.translate_batch([m.text for m in masked], src, tgt, n_best=n_best)
        out = []
        around: list[int] = []
        for i, (m, tr) in enumerate(zip(masked, raw)):
            text, lost = unmask(tr.text, m.spans)
            notes = tr.notes
            if lost:
                whole = next((h for h in tr.hypotheses if not unmask(h.text, m.spans)[1]), None)
                if whole is not None:
                    text = unmask(whole.text, m.spans)[0]
                    notes += (f"protected span kept by another hypothesis: "
                              f"{', '.join(s.text for s in lost)}",)
                else:
                    around.append(i)
            hyps = tuple(replace(h, text=unmask(h.text, m.spans)[0]) for h in tr.hypotheses)
            if tgt.code not in _NOUN_CAPITALS:
                text = _lower_after_names(text, texts[i], m.spans)
                hyps = tuple(replace(h, text=_lower_after_names(h.text, texts[i], m.spans))
                             for h in hyps)
            unknown = tuple(u for u in tr.unknown if not PLACEHOLDER.match(u))
            out.append(replace(tr, text=text, hypotheses=hyps, notes=notes, unknown=unknown))
        if around:
            self._translate_around(around, masked, out, src, tgt)
        return out

    def _translate_around(self, which: list[int], masked: list, out: list[Translation],
                          src: Lang, tgt: Lang) -> None:
        # Pieces with a letter go to the engine in one batch; spaces, punctuation and the
        # placeholders themselves stay as they are.
        plans: list[list[str | int]] = []
        todo: list[str] = []
        for i in which:
            plan: list[str | int] = []
            for piece in _pieces(masked[i].text):
                if PLACEHOLDER.fullmatch(piece) or not any(c.isalpha() for c in piece):
                    plan.append(piece)
                else:
                    plan.append(len(todo))
                    todo.append(piece)
            plans.append(plan)
        done = self.inner.translate_batch(todo, src, tgt) if todo else []
        for i, plan in zip(which, plans):
            parts = []
            for step in plan:
                if isinstance(step, str):
                    parts.append(step)
                    continue
                piece, text = todo[step], done[step].text.strip()
                lead = piece[: len(piece) - len(piece.lstrip())]
                trail = piece[len(piece.rstrip()):]
                parts.append(lead + text + trail)
            text, lost = unmask("".join(parts), masked[i].spans)
            kept = [s.text for s in masked[i].spans if s not in lost]
            note = f"protected spans kept by translating around them: {', '.join(kept)}"
            notes = out[i].notes + (note,)
            notes += tuple(f"protected span lost: {s.text}" for s in lost)
            out[i] = replace(out[i], text=text, notes=notes)


# Languages that capitalise nouns: a capital after a name may be right there.
_NOUN_CAPITALS = frozenset({"de", "lb"})
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _lower_after_names(text: str, source: str, spans: Sequence) -> str:
    """Undo the capital an engine puts on the word after a name it read as unknown.

    Apertium's two-hop routes write "Ana Diallo Est arrivé" for "Ana Diallo arrived": the
    placeholder looks like the end of a sentence to the second hop. When the source goes on in
    lower case after the name, the word after it in the target is lowered again (a name that
    went on would have been inside the span).
    """
    for span in spans:
        if span.kind.rstrip("<>") != "name":
            continue
        nxt = _NEXT_WORD.match(source, span.end)
        if not nxt or not nxt.group(1)[:1].islower():
            continue
        pos = text.find(span.text)
        after = _NEXT_WORD.match(text, pos + len(span.text)) if pos >= 0 else None
        word = after.group(1) if after else ""
        # An acronym keeps its capitals; a one-letter word is a conjunction or a preposition
        # (Spanish Y, E, O, U; French À), never an acronym.
        if word[:1].isupper() and (not word.isupper() or (len(word) == 1 and word != "I")):
            a = after.start(1)
            text = text[:a] + word[0].lower() + text[a + 1:]
    return text


def _pieces(text: str) -> list[str]:
    """``text`` cut before and after every placeholder, the placeholders kept as pieces."""
    out, pos = [], 0
    for m in PLACEHOLDER.finditer(text):
        out += [text[pos:m.start()], m.group()]
        pos = m.end()
    out.append(text[pos:])
    return [p for p in out if p]


class Localised(Wrapper):
    """Applies the target language's punctuation and quotes to engine output."""

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        out = self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        code = tgt.code
        return [
            replace(tr, text=localise(tr.text, code),
                    hypotheses=tuple(replace(h, text=localise(h.text, code)) for h in tr.hypotheses))
            for tr in out
        ]


class Cached(Wrapper):
    """Remembers translations for the life of the object (repeated boilerplate)."""

    def __init__(self, inner: Engine) -> None:
        super().__init__(inner)
        self._cache: dict[tuple[str, str, str, int], Translation] = {}

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        keys = [(t, src.code, tgt.code, n_best) for t in texts]
        todo = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if todo:
            fresh = self.inner.translate_batch([k[0] for k in todo], src, tgt, n_best=n_best)
            self._cache.update(zip(todo, fresh))
        return [self._cache[k] for k in keys]
