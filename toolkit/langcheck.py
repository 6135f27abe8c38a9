"""Checking that a release is written in the language it is translated from.

A French file run with ``--from en`` (or the English LICENSE under the
default ``--from fr``) would otherwise go through the engine and come out as
confident-looking garbage. The identifier is py3langid (a maintained fork of
langid.py): its naive Bayes model over byte n-grams ships inside the wheel,
so nothing is downloaded, and it scores a paragraph in well under a
millisecond once loaded.

Releases mix languages on purpose: an English quotation inside a French
release, an English contact block, a Spanish name of an institution. So the
release is not classified as one string. Each block gets its own vote,
weighted by its letters, and the run stops only when the declared language
holds less than a third of the letters that could be judged. A French release
with a whole English paragraph passes; a file that is mostly another language
does not.
"""

from __future__ import annotations

import os
import re
import threading

from .errors import LanguageError
from .langs import Lang
from .model import BlockKind, Document

# Below this many letters a paragraph says little (a dateline, a name), and a
# whole release this short cannot be judged at all: better no check than a
# false alarm.
_MIN_BLOCK_LETTERS = 20
_MIN_DOC_LETTERS = 60
# The declared language must hold at least this share of the judged letters.
_MIN_SHARE = 1 / 3

# What is not prose: inline codes (<g1>, </g1>, <x2/>), URLs, e-mail
# addresses and @handles carry no evidence of a language and skew short blocks.
_NOISE = re.compile(r"</?[gx]\d+/?>|https?://\S+|www\.\S+|\S+@\S+|@\w+")


_loaded: list = []  # the identifier, once loaded
_loading = threading.Lock()
_preloading: list[threading.Thread] = []


def _identifier():  # noqa: ANN202 - py3langid has no type hints
    """The py3langid model, loaded on first use and kept (:mod:`toolkit.langmodel`)."""
    with _loading:  # a preload in progress is waited for, never repeated
        if not _loaded:
            from .langmodel import load_identifier

            _loaded.append(load_identifier())
        return _loaded[0]


def preload() -> None:
    """Start loading the model in the background (once per process).

    Loading is mostly LZMA decompression and file reads, which release the
    GIL, so a run that reads its releases and builds its engine stack in the
    meantime gets the check for a fraction of its half second.
    """
    with _loading:
        if _loaded or _preloading:
            return
        thread = threading.Thread(target=_quiet_load, name="langid-preload", daemon=True)
        _preloading.append(thread)
    thread.start()


def _quiet_load() -> None:
    try:
        _identifier()
    except Exception:  # noqa: BLE001 - the check itself loads again and reports the error
        pass


def detect(text: str) -> str:
    """ISO 639-1 code of the language ``text`` is most likely written in.

    >>> detect("L'OIM aide les migrants bloqués à rentrer chez eux.")
    'fr'
    """
    return _identifier().classify(_NOISE.sub(" ", text))[0]


def _judged(doc: Document) -> list[tuple[str, int]]:
    """The blocks that can be judged, with their letter counts."""
    blocks = []
    for block in doc.blocks:
        if not block.translate or block.kind is BlockKind.CONTACT:
            continue
        text = _NOISE.sub(" ", block.text)
        letters = sum(map(str.isalpha, text))
        if letters >= _MIN_BLOCK_LETTERS:
            blocks.append((text, letters))
    return blocks


def language_shares(doc: Document) -> dict[str, float]:
    """Share of the judged letters of ``doc`` per detected language, largest first.

    Contact blocks and untranslated blocks are left out (names, numbers and
    addresses), and so are blocks too short to judge. Empty when nothing
    could be judged.
    """
    blocks = _judged(doc)
    weights: dict[str, int] = {}
    for text, letters in blocks:
        lang = _identifier().classify(text)[0]
        weights[lang] = weights.get(lang, 0) + letters
    return _shares(weights)


def _shares(weights: dict[str, int]) -> dict[str, float]:
    total = sum(weights.values())
    if total < _MIN_DOC_LETTERS:
        return {}
    return {k: v / total for k, v in sorted(weights.items(), key=lambda kv: -kv[1])}


def check_language(doc: Document, lang: Lang | str, *, path: str | os.PathLike | None = None) -> None:
    """Raise :class:`LanguageError` when ``doc`` is not mostly written in ``lang``.

    The error names the detected language and its share of the text, and the
    way out (the right ``--from``, or ``--no-language-check``).
    """
    want = lang if isinstance(lang, Lang) else Lang.parse(lang)
    blocks = _judged(doc)
    total = sum(n for _, n in blocks)
    if total < _MIN_DOC_LETTERS:
        return
    # The verdict is known as soon as the declared language holds its share of all the
    # judged letters (the rest cannot take it back): most releases stop after a third.
    weights: dict[str, int] = {}
    for text, letters in blocks:
        found = _identifier().classify(text)[0]
        weights[found] = weights.get(found, 0) + letters
        if weights.get(want.iso639_1, 0) >= _MIN_SHARE * total:
            return
    shares = _shares(weights)
    found = next(iter(shares))
    raise LanguageError(
        f"written in {_name(found)} ({shares[found]:.0%} of the text), not {want.name} "
        f"(--from {want.code})",
        path=path if path is not None else (doc.path or None),
        lang=found,
        hint=_hint(found),
    )


def _name(code: str) -> str:
    """English name of a language code, also for languages the toolkit does not translate."""
    from babel import Locale

    return Locale("en").languages.get(code, code)


def _hint(code: str) -> str:
    try:
        return f"use --from {Lang.parse(code).code}, or --no-language-check if the file is right"
    except LanguageError:
        return "use --no-language-check if the file is right"
