"""A plain-text release of a given size, for the big-release benchmark and test.

Paragraphs of five sentences from the seeds and the news sentences of
/work/shared/eval (:func:`bench_pipeline.corpus`); at each pass over the
corpus the numbers in the sentences change, so repeated sentences are not all
the same units.
"""

from __future__ import annotations

import re
from pathlib import Path

_DIGITS = re.compile(r"\d+")


def make_release(path: Path, size: int, sents: list[str]) -> Path:
    """Write a release of about ``size`` bytes (at least) made of ``sents`` to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with path.open("w", encoding="utf-8") as fp:
        fp.write("Rapport d'activité de l'organisation\n\n")
        k = 0
        while written < size:
            turn, i = divmod(k, len(sents))
            para = []
            for j in range(5):
                s = sents[(i + j) % len(sents)]
                if turn:
                    s = _DIGITS.sub(lambda m, t=turn: str(int(m.group()) + t), s)
                para.append(s)
            k += 5
            text = "\n".join(para) + "\n\n"
            fp.write(text)
            written += len(text.encode("utf-8"))
    return path
