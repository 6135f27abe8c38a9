"""French superlatives (le plus grand, le lieu le plus sacré) in English form.

The fr→es hop leaves *plus* in the superlative ("el plus sagrado") and the
es→en hop puts it after the adjective: "the holy plus", "the big plus
telescopes", "sections the plus sharp". English says "the most sacred", "the
biggest": a short adjective takes -est (from the table below, so no
spelling is guessed), any other one "most".
"""

from __future__ import annotations

import re

_EST = {
    "big": "biggest", "high": "highest", "low": "lowest", "strong": "strongest",
    "rich": "richest", "near": "closest", "close": "closest", "hard": "hardest",
    "fast": "fastest", "cold": "coldest", "hot": "hottest", "early": "earliest",
    "wide": "widest", "clear": "clearest", "bad": "worst", "good": "best", "long": "longest",
    "old": "oldest", "young": "youngest", "small": "smallest", "large": "largest",
    "great": "greatest", "new": "newest", "easy": "easiest", "simple": "simplest",
    "strict": "strictest", "safe": "safest", "poor": "poorest", "deep": "deepest",
    "tall": "tallest", "short": "shortest", "late": "latest", "heavy": "heaviest",
    "busy": "busiest", "warm": "warmest", "dry": "driest", "bright": "brightest",
    "dark": "darkest", "cheap": "cheapest", "feeble": "weakest", "weak": "weakest",
    "fat": "fattest", "sharp": "sharpest", "quick": "quickest", "slow": "slowest", "hard-hit": "hardest-hit",
}
_DET = r"(the|his|her|its|their|our|my|your|The|His|Her|Its|Their|Our|My|Your)"
_NOT_ADJ = {"a", "an", "the", "of", "and", "or", "to", "in", "one", "ones", "number", "much",
            "many", "more", "less", "same", "other", "others", "first", "last"}
# the holy plus → the most holy; the big plus → the biggest
_AFTER = re.compile(rf"\b{_DET} ([a-z][a-z-]+) plus\b")
# sections the plus sharp → sections the sharpest
_BEFORE = re.compile(rf"\b{_DET} plus ([a-z][a-z-]+)\b")
_AS_POSSIBLE = re.compile(r"\bthe possible plus\b")


def _superlative(det: str, adj: str) -> str | None:
    if adj in _NOT_ADJ:
        return None
    return f"{det} {_EST.get(adj) or 'most ' + adj}"


def superlatives(text: str) -> str:
    """``text`` with the pivot's "the ADJ plus" made an English superlative.

    >>> superlatives("The place the holy plus and the big plus telescopes.")
    'The place the most holy and the biggest telescopes.'
    """
    if "plus" not in text:
        return text
    text = _AS_POSSIBLE.sub("as much as possible", text)
    text = _AFTER.sub(lambda m: _superlative(m.group(1), m.group(2)) or m.group(0), text)
    return _BEFORE.sub(lambda m: _superlative(m.group(1), m.group(2)) or m.group(0), text)
