"""Phrase rules for English sources: institutional English into French and Spanish.

The English counterpart of :mod:`toolkit.drafting.phrases`, as data:
``data/phrases-en-fr.tsv`` and ``data/phrases-en-es.tsv``, same format
(English expression, rendering, optional flags ``noart``/``exact``/``fem``/
``masc``). The rules ride on the glossary's protect-and-restore machinery,
which already handles English inflection (the glossary works in reverse), and
the layer sits below the domain glossary, so an approved term always wins.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path

from ..engines.base import Engine, Translation, Wrapper
from ..glossary.enforce import GlossaryEngine
from ..glossary.model import Concept, Glossary, Term
from ..langs import Lang
from .phrases import Rule, _gender, parse


def as_glossary(rules: Sequence[Rule], tgt: str) -> Glossary:
    concepts = []
    for i, r in enumerate(rules):
        kind = "abbreviation" if "exact" in r.flags else "phrase"
        concepts.append(Concept(
            f"phrase-en-{tgt}-{i}",
            (Term(r.source, "en", type=kind),
             Term(r.target, tgt, type=kind, gender=_gender(r.flags))),
            domain=r.family, article="none" if "noart" in r.flags else ""))
    return Glossary.of(concepts, name=f"phrases-en-{tgt}")


def default_file(tgt: str) -> Path | None:
    res = resources.files(__package__).joinpath(f"data/phrases-en-{tgt}.tsv")
    return Path(str(res)) if res.is_file() else None


@cache
def load(tgt: str, path: str | os.PathLike | None = None) -> Glossary:
    """The phrase rules for en→``tgt`` (shipped file unless ``path`` is given)."""
    file = Path(path) if path is not None else default_file(tgt)
    if file is None:
        return Glossary()
    return as_glossary(parse(file.read_text("utf-8"), str(file)), tgt)


class _EnPhraseEngine(GlossaryEngine):
    resolve = False  # overlapping rules: the longest wins in the matcher


class PhrasesEn(Wrapper):
    """Applies the English-source phrase rules of the target language around ``inner``."""

    def __init__(self, inner: Engine, paths: dict[str, str | os.PathLike] | None = None) -> None:
        super().__init__(inner)
        self._paths = dict(paths or {})
        self._engines: dict[str, Engine] = {}

    def _for(self, tgt: str) -> Engine:
        if tgt not in self._engines:
            rules = load(tgt, self._paths.get(tgt))
            self._engines[tgt] = _EnPhraseEngine(self.inner, rules) if len(rules) else self.inner
        return self._engines[tgt]

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        if src.code != "en":
            return self.inner.translate_batch(texts, src, tgt, n_best=n_best)
        out = self._for(tgt.code).translate_batch(texts, src, tgt, n_best=n_best)
        # A phrase rule is not a glossary term: its note would only mislead review and QA.
        return [replace(tr, notes=tuple(n for n in tr.notes if not n.startswith("glossary: ")))
                for tr in out]
