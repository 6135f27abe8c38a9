"""Segmentation accuracy on the UD dev sets stays above what was reached.

Scored as tests/data/eval/README.md says and as benchmarks/bench_segment.py prints:
boundaries inside a document, whitespace ignored, micro-averaged F1.
"""

from __future__ import annotations

import json

import pytest
from conftest import EVAL

from toolkit.segment import segment

# Floors a little under the measured dev figures (fr 0.988, en 0.895, es 0.990):
# a change that loses more than that is a regression, not noise.
FLOORS = {"fr": 0.985, "en": 0.885, "es": 0.985}


def _boundaries(pieces: list[str]) -> set[int]:
    out, count = set(), 0
    for piece in pieces:
        count += len("".join(piece.split()))
        out.add(count)
    out.discard(count)
    return out


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_dev_set_f1(lang):
    name = f"seg_dev_{lang}.jsonl"
    tp = fp = fn = 0
    for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        spans = segment(doc["doc"], lang)
        assert "".join(s.text for s in spans) == doc["doc"]
        gold, pred = _boundaries(doc["sentences"]), _boundaries([s.text for s in spans])
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= FLOORS[lang], f"{lang}: F1 {f1:.3f} < {FLOORS[lang]}"
