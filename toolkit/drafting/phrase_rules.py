"""Phrase rule files: reading ``data/phrases-<src>-<tgt>.tsv`` into a glossary the phrase
layer (:mod:`.phrases`, where the columns and flags are described) matches with."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import GlossaryError
from ..glossary.model import Concept, Glossary, Term

_FLAGS = {"noart", "exact", "fem", "masc", "verb", "adj"}


@dataclass(frozen=True, slots=True)
class Rule:
    source: str
    target: str
    family: str
    flags: frozenset[str]
    line: int


def parse(text: str, path: str = "<phrases>") -> list[Rule]:
    """Rules of one phrase file; a malformed line raises an error naming file and line."""
    rules, family = [], ""
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line[1:].strip().startswith("family:"):
                family = line.split(":", 1)[1].strip()
            continue
        cols = [c.strip() for c in raw.split("\t")]
        if len(cols) < 2 or not cols[0] or not cols[1]:
            raise GlossaryError(f"{path}:{n}: expected 'French<TAB>rendering[<TAB>flags]'",
                                path=path, line=n)
        flags = frozenset(f.strip() for f in cols[2].split(",") if f.strip()) \
            if len(cols) > 2 else frozenset()
        if flags - _FLAGS:
            raise GlossaryError(f"{path}:{n}: unknown flag(s) {', '.join(sorted(flags - _FLAGS))}"
                                f" (known: {', '.join(sorted(_FLAGS))})", path=path, line=n)
        rules.append(Rule(cols[0], cols[1], family, flags, n))
    return rules


def as_glossary(rules: Sequence[Rule], tgt: str, src: str = "fr") -> Glossary:
    concepts = []
    prefix = "phrase-" if src == "fr" else f"phrase-{src}-"
    for i, r in enumerate(rules):
        kind = "abbreviation" if "exact" in r.flags else "phrase"
        concepts.append(Concept(
            f"{prefix}{tgt}-{i}" + ("-verb" if "verb" in r.flags else "")
            + ("-adj" if "adj" in r.flags else ""),
            (Term(r.source, src, type=kind),
             Term(r.target, tgt, type=kind, gender=_gender(r.flags))),
            domain=r.family, article="none" if "noart" in r.flags else ""))
    return Glossary.of(concepts, name=f"phrases-{src}-{tgt}")


def _gender(flags: frozenset[str]) -> str:
    return "feminine" if "fem" in flags else "masculine" if "masc" in flags else ""


def default_file(tgt: str, src: str = "fr") -> Path | None:
    res = resources.files(__package__).joinpath(f"data/phrases-{src}-{tgt}.tsv")
    return Path(str(res)) if res.is_file() else None


@cache
def load(tgt: str, path: str | os.PathLike | None = None, src: str = "fr") -> Glossary:
    """The phrase rules for ``src``→``tgt`` (shipped file unless ``path`` is given)."""
    file = Path(path) if path is not None else default_file(tgt, src)
    if file is None:
        return Glossary()
    return as_glossary(parse(file.read_text("utf-8"), str(file)), tgt, src)
