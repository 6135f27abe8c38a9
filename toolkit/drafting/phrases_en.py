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
import re
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


# A rendering ending in "de"/"à" (dans le cadre de) meets the article the engine
# put before the next noun: French and Spanish contract them.
_CONTRACT = {
    "fr": (re.compile(r"\b(de|à) (le|les) (?=\w)"),
           {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}),
    "es": (re.compile(r"\b(de|a) (el) (?=\w)"), {("de", "el"): "del", ("a", "el"): "al"}),
}
_ENDINGS = re.compile(r"(?:\bde|\bà|\ba)$")


@cache
def _after_rule(tgt: str) -> re.Pattern[str] | None:
    """The renderings of the shipped rules that end in a preposition, as one pattern."""
    ends = sorted({c.terms[1].text for c in load(tgt) if _ENDINGS.search(c.terms[1].text)},
                  key=len, reverse=True)
    if not ends or tgt not in _CONTRACT:
        return None
    rx, _ = _CONTRACT[tgt]
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(e[: e.rfind(" ")]) for e in ends)
                      + r") " + rx.pattern)


def contract(text: str, tgt: str) -> str:
    """Contracts preposition and article after a phrase rendering (dans le cadre du projet)."""
    after = _after_rule(tgt)
    if after is None:
        return text
    table = _CONTRACT[tgt][1]

    def fix(m: re.Match[str]) -> str:
        whole = m.group(0)
        head = whole[: m.start(1) - m.start(0)]
        return head + table[(m.group(1).lower(), m.group(2).lower())] + " "
    return after.sub(fix, text)


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
        out = [replace(tr, text=contract(tr.text, tgt.code)) for tr in out]
        # A phrase rule is not a glossary term: its note would only mislead review and QA.
        return [replace(tr, notes=tuple(n for n in tr.notes if not n.startswith("glossary: ")))
                for tr in out]
