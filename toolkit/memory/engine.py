"""Memory-first translation: reuse reviewed translations before asking an engine.

Policy (what a reviewer expects):

* exact match → the memory's target, ``origin="tm-exact"``, score 100;
* fuzzy match at or above the threshold (default 75) → the memory's target as
  the draft, ``origin="tm-fuzzy"`` with its score. This is how Trados and
  memoQ pre-translate (a minimum match value, default around 75 %); OmegaT
  only inserts fuzzy matches when asked to, because a fuzzy target is wrong
  somewhere by definition. We insert it, but the unit stays a *draft* flagged
  ``fuzzy-match`` (PO ``#, fuzzy``), and the notes carry the memory's source
  sentence and the machine translation, so the reviewer sees what differs
  and has the alternative at hand. Numbers, dates, amounts, e-mails and names
  that differ between the memory's source and the new one are carried into
  the match by value (:mod:`toolkit.memory.facts`); when that is impossible
  the machine translation is the draft and the match only an alternative;
* below the threshold → the inner engine's translation, unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..engines.base import Engine, Hypothesis, Translation, Wrapper
from ..langs import Lang
from ..model import Alternative
from .facts import carry_facts
from .store import DEFAULT_THRESHOLD, Match, Memory


def _where(m: Match) -> str:
    return m.unit.file or "memory"


class MemoryFirst(Wrapper):
    """Engine wrapper answering from a :class:`Memory` before calling ``inner``."""

    def __init__(self, inner: Engine, memory: Memory,
                 threshold: float = DEFAULT_THRESHOLD) -> None:
        super().__init__(inner)
        self.memory = memory
        self.threshold = threshold

    def translate_batch(
        self, texts: Sequence[str], src: Lang, tgt: Lang, *, n_best: int = 1
    ) -> list[Translation]:
        out: list[Translation | None] = [None] * len(texts)
        fuzzy: dict[int, Match] = {}
        todo: list[int] = []
        for i, text in enumerate(texts):
            found = self.memory.lookup(text, src, tgt, threshold=self.threshold, limit=1)
            if found and found[0].exact:
                m = found[0]
                out[i] = Translation(
                    text=m.unit.target, origin="tm-exact", score=100.0,
                    notes=(f"memory: tm-exact 100% from {_where(m)}",),
                    matches=(Alternative(m.unit.source, m.unit.target, "tm-exact", 100.0),),
                )
                continue
            if found:
                fuzzy[i] = found[0]
            todo.append(i)
        if todo:
            machine = self.inner.translate_batch([texts[i] for i in todo], src, tgt,
                                                 n_best=n_best)
            for i, tr in zip(todo, machine, strict=True):
                m = fuzzy.get(i)
                if m is None:
                    out[i] = tr
                    continue
                # A match for a sentence with other numbers, dates or names must not
                # bring the old ones back (toolkit.memory.facts).
                text = carry_facts(m.unit.source, m.unit.target, texts[i], src.bcp47, tgt.bcp47)
                if text is None:
                    out[i] = replace(tr, notes=tr.notes + (
                        f"memory: tm-fuzzy {m.score:.0f}% from {_where(m)} not used: its "
                        "numbers, dates or names differ and could not be carried over",),
                        matches=tr.matches + (Alternative(m.unit.source, m.unit.target,
                                                          "tm-fuzzy", round(m.score, 1)),))
                    continue
                carried = (("memory: numbers, dates and names updated from the new source",)
                           if text != m.unit.target else ())
                out[i] = Translation(
                    text=text,
                    hypotheses=(Hypothesis(text, m.score), Hypothesis(tr.text, tr.score))
                    + tr.hypotheses[1:],
                    notes=(f"memory: tm-fuzzy {m.score:.0f}% from {_where(m)}",
                           f"memory source: {m.unit.source}",
                           f"machine translation: {tr.text}") + carried,
                    origin="tm-fuzzy",
                    score=m.score,
                    matches=(Alternative(m.unit.source, m.unit.target, "tm-fuzzy",
                                         round(m.score, 1)),
                             Alternative(texts[i], tr.text, "mt")),
                )
        return [t for t in out if t is not None]
