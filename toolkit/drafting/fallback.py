"""Unknown words: retried through another installed Apertium route before they leak.

A pivot route (fr→es→en, en→es→fr) leaks words of two languages: French words the
first hop does not know (*ciblés*) and Spanish words the second hop does not
know (*movilizado*, from *mobilisé*). Each such word is traced back to its
French source word (a Spanish leak by translating the sentence's words one
by one through the first hop) and that word is translated alone through
another installed route to the target (fr→eo→en). A French word with a
regular English cognate ending (-ité → -ity, -ique → -ic) is written that
way as a last resort, with a note. Capitalised words of the source (names:
Bangui, Freetown) are kept as written. Whatever is still unknown stays in
``Translation.unknown``, which the pipeline records per unit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..engines.apertium import ApertiumEngine, find_modes, shortest_route
from ..engines.apertium_lines import SEP, frame
from ..engines.apertium_lookup import forms, hop_files
from ..engines.base import Engine, Translation, Wrapper
from ..errors import EngineError
from ..langs import Lang
from ..markers import MARK, unmark

_TAG = 91000  # line numbers of word-by-word runs
# Below this many texts a batch is a sentence or two (translate_text in a loop): a retry is
# rarer there and often answered by the hop cache, so pipelines started ahead would be wasted.
_AHEAD_MIN = 8
_DATA_DIRS = ("/usr/share/apertium/modes", "/usr/local/share/apertium/modes")
_WORD = re.compile(r"[^\W\d_][\w-]*")  # an apostrophe ends a word: d'|humaniser
# Regular French → English cognate endings, longest first.
_COGNATES = (("abilité", "ability"), ("ibilité", "ibility"), ("ité", "ity"), ("ités", "ities"),
             ("isme", "ism"), ("ismes", "isms"), ("tion", "tion"), ("tions", "tions"))


# Regular endings of English and Spanish words with a French cognate (vulnerability,
# vulnerabilidad → vulnérabilité), longest first; accents are tried against the analyser.
_COGNATES_FR = (("abilities", "abilités"), ("ability", "abilité"), ("ities", "ités"),
                ("ity", "ité"), ("idades", "ités"), ("idad", "ité"), ("dades", "tés"),
                ("dad", "té"), ("ciones", "tions"), ("ción", "tion"), ("tions", "tions"),
                ("tion", "tion"), ("isms", "ismes"), ("ism", "isme"), ("ismo", "isme"),
                ("ista", "iste"), ("ists", "istes"), ("ist", "iste"), ("ical", "ique"),
                ("ic", "ique"), ("ico", "ique"), ("ica", "ique"), ("ous", "eux"), ("oso", "eux"),
                ("osa", "euse"), ("ive", "if"), ("ivo", "if"), ("iva", "ive"), ("ment", "ment"),
                ("miento", "ment"))


def cognates_fr(word: str) -> list[str]:
    """French cognates of an English or Spanish word by its ending, with the accents French
    may put on an e (for the analyser to choose from).

    >>> "vulnérabilité" in cognates_fr("vulnerabilidad")
    True
    """
    low = _plain(word.casefold())
    for end, fr in sorted(_COGNATES_FR, key=lambda p: -len(p[0])):
        if low.endswith(end) and len(low) > len(end) + 2:
            base = low[: -len(end)] + fr
            es = [i for i, c in enumerate(base) if c == "e" and i < len(base) - len(fr) + 1]
            out = [base]
            for i in es:
                out += [v[:i] + "é" + v[i + 1:] for v in list(out)]
            return out[:32]
    return []


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def cognate(word: str) -> str | None:
    """An English cognate of a French word by its ending, or ``None``.

    >>> cognate("vulnérabilité"), cognate("transfrontalière")
    ('vulnerability', None)
    """
    low = word.casefold()
    for fr, en in sorted(_COGNATES, key=lambda p: -len(p[0])):
        if low.endswith(fr) and len(low) > len(fr) + 3:
            return _plain(low[: -len(fr)]) + en
    return None


class UnknownFallback(Wrapper):
    """Retries the words ``inner`` left unknown through another installed route."""

    def __init__(self, inner: Engine, binary: str = "apertium") -> None:
        super().__init__(inner)
        self.binary = binary
        self._modes: dict[tuple[str, str], str] | None = None
        # The retries go through the engine's own piping: the hops of a route run at once,
        # and a hop already run on the same words is not run again. Over Apertium itself
        # they share its engine, so on a cluster they run there too.
        base: object = inner
        while hasattr(base, "inner"):
            base = base.inner  # type: ignore[attr-defined]
        self._apertium = (base if isinstance(base, ApertiumEngine) and base.binary == binary
                          else ApertiumEngine(binary, jobs=1))
        # The analyser reads each word on its own (no context), so what it knows is kept
        # for the life of the layer: later batches look up only words not seen yet.
        self._lexicon: dict[tuple[str, str], bool] = {}
        self.starts = 0  # analyser processes started (the engine counts its own)

    def _run(self, modes: Sequence[str], words: list[str]) -> list[str | None]:
        """Each word translated alone through ``modes``; ``None`` where it got lost.

        Lines carry a number the engine copies through, so a line Apertium
        splits or merges cannot shift the words after it; a blank line between
        them keeps one word's rules from reaching the next ("composite" made
        "fléaux" singular), and the same frame line before each sets the state
        transfer carries, so a word's number does not hang on the words run with it.
        """
        first = frame(modes[0].split("-")[0]) if modes else "table"
        data = "".join(f"{first}{SEP}{_TAG + i} {w}{SEP}" for i, w in enumerate(words))
        try:
            data = self._apertium._run(list(modes), data)
        except EngineError:
            return [None] * len(words)
        out: list[str | None] = [None] * len(words)
        for line in data.split("\n"):
            m = re.match(r"^[*#@]*(\d+) (.+)$", line.strip())
            if m and 0 <= int(m.group(1)) - _TAG < len(words):
                out[int(m.group(1)) - _TAG] = m.group(2).strip()
        return out

    def _known(self, words: set[str], tgt: Lang) -> set[str]:
        """The words the target language's Apertium analyser knows (a dictionary lookup)."""
        if not words or shutil.which("lt-proc") is None:
            return set()
        dicts = sorted(Path(d).parent for d in _DATA_DIRS if Path(d).is_dir())
        files = [f for d in dicts for pat in (f"*/{tgt.iso639_3}-*.automorf.bin",
                                              f"*/{tgt.code}-*.automorf.bin")
                 for f in sorted(d.glob(pat))]
        if not files:
            return set()
        key = str(files[0])
        ordered = sorted(w for w in words if (key, w) not in self._lexicon)
        if ordered:
            self.starts += 1
            proc = subprocess.run(["lt-proc", key],
                                  input="\n".join(ordered).encode("utf-8") + b"\n",
                                  capture_output=True, check=False)
            if proc.returncode:
                return set()
            text = proc.stdout.decode("utf-8", "replace")
            found = {m.group(1) for m in re.finditer(r"\^([^/$]+)/(?!\*)[^$]*\$", text)}
            self._lexicon.update(((key, w), w in found) for w in ordered)
        return {w for w in words if self._lexicon.get((key, w))}

    def _alternative(self, src: Lang, tgt: Lang) -> list[str] | None:
        """Another route src→tgt than the inner engine's, avoiding its pivot."""
        if shutil.which(self.binary) is None:
            return None
        if self._modes is None:
            self._modes = find_modes()
        try:
            used = self.inner.route(src, tgt)
        except Exception:  # noqa: BLE001 - not an Apertium route: nothing to retry with
            return None
        if len(used) < 2:
            return None
        pivots = {m.split("-")[-1] for m in used[:-1]}
        modes = {k: v for k, v in self._modes.items()
                 if not (k[1] in {Lang.parse(p).code for p in _codes(pivots)} and k[0] == src.code)}
        route = shortest_route(modes, src.code, tgt.code)
        return route if route and route != used else None

    def translate_batch(self, texts: Sequence[str], src: Lang, tgt: Lang, *,
                        n_best: int = 1) -> list[Translation]:
        try:
            used = self.inner.route(src, tgt)
        except Exception:  # noqa: BLE001 - not an Apertium route: nothing to retry with
            used = []
        alt = self._alternative(src, tgt) if len(used) > 1 else None
        # On a pivot route the retries need the first hop alone (to trace a Spanish leak
        # back to its French word) and the other route: started now, their loading
        # overlaps the main batch (ApertiumEngine.prestart); stopped if no word needs them.
        ahead = [r for r in ([] if hop_files(used[0]) else [[used[0]]]) + [alt] if r] \
            if len(used) > 1 and len(texts) >= _AHEAD_MIN else []
        for route in ahead:
            self._apertium.prestart(route)
        try:
            out = self.inner.translate_batch(texts, src, tgt, n_best=n_best)
            if not used or not any(tr.unknown for tr in out):
                return out
            return self._retry(texts, out, tgt, used[0], alt)
        finally:
            for route in ahead:
                self._apertium.discard(route)

    def _trace(self, leaks: dict[int, dict[str, str]], unit_words: dict[int, list[str]],
               first: str) -> None:
        """Fill in, for each pivot-language leak, the word of its own unit it came from.

        The unit's words are looked up in the first hop's dictionaries
        (:mod:`..engines.apertium_lookup`), which gives every reading of each at
        once. Where those files cannot be read, the words go through the whole
        hop one by one instead. A word alone after
        the line's number reads as counted (91000 participants → participantes);
        after a colon it gets the hop's other choice (→ concursantes), which a
        sentence may have made: that second reading is asked only for the units
        whose leaks the first did not explain. A leak is traced to a word of its
        own unit only (a word of another sentence that happens to give the same
        pivot word is no source of it).
        """
        pending = {i: [u for u, fr in m.items() if not fr] for i, m in leaks.items()}
        pending = {i: us for i, us in pending.items() if us and unit_words.get(i)}
        files = hop_files(first) if pending else None
        looked = forms({w for i in pending for w in unit_words[i]}, files) if files else None
        if looked is not None:
            made = {w: {x.casefold() for f in fs for x in _WORD.findall(f)}
                    for w, fs in looked.items()}
            self._explain(pending, leaks, unit_words, made)
            return
        for prefix in ("", ": "):
            if not pending:
                return
            ordered = sorted({w for i in pending for w in unit_words[i]})
            outs = self._run([first], [prefix + w for w in ordered])
            made = {w: {x.casefold() for x in _WORD.findall(unmark(es or ""))}
                    for w, es in zip(ordered, outs)}
            self._explain(pending, leaks, unit_words, made)

    @staticmethod
    def _explain(pending: dict[int, list[str]], leaks: dict[int, dict[str, str]],
                 unit_words: dict[int, list[str]], made: dict[str, set[str]]) -> None:
        """Trace each pending leak to the first word of its unit that can give it."""
        for i in list(pending):
            for u in list(pending[i]):
                src = next((w for w in unit_words[i] if u.casefold() in made.get(w, ())), "")
                if src:
                    leaks[i][u] = src
                    pending[i].remove(u)
            if not pending[i]:
                del pending[i]

    def _retry(self, texts: Sequence[str], out: list[Translation], tgt: Lang, first: str,
               alt: list[str] | None) -> list[Translation]:
        # 1. Trace each unknown word back to a French source word.
        leaks: dict[int, dict[str, str]] = {}
        names: dict[int, set[str]] = {}
        unit_words: dict[int, list[str]] = {}  # a unit's words, for its untraced leaks
        for i, (text, tr) in enumerate(zip(texts, out)):
            words = {w.casefold(): w for w in _WORD.findall(text)}
            for u in tr.unknown:
                if u.casefold() in words:
                    if u[:1].isupper():  # a capitalised word is a name: kept, not a leak
                        names.setdefault(i, set()).add(u)
                    else:
                        leaks.setdefault(i, {})[u] = u
                else:
                    leaks.setdefault(i, {})[u] = ""
                    unit_words[i] = sorted(w for w in words.values() if len(w) > 3)
        results = [replace(tr, unknown=tuple(u for u in tr.unknown if u not in names[i]))
                   if i in names else tr for i, tr in enumerate(out)]
        if not leaks:
            return results
        self._trace(leaks, unit_words, first)
        # 2. Translate the French words alone through the other route.
        french = sorted({fr for m in leaks.values() for fr in m.values()} - {""})
        fixed: dict[str, tuple[str, str]] = {}
        routed = dict(zip(french, self._run(alt, french))) if alt and french else {}
        guesses = {fr: cognate(fr) for fr in french} if tgt.code == "en" else {}
        # Into French: cognates of the source word and of the pivot's leak (vulnerabilidad).
        french_guesses: dict[str, list[str]] = {}
        if tgt.code == "fr":
            for m in leaks.values():
                for u, fr in m.items():
                    if fr:
                        french_guesses.setdefault(fr, []).extend(
                            cognates_fr(fr) + (cognates_fr(u) if u != fr else []))
        candidates = {fr.casefold() for fr in french} | {
            w.casefold() for t in list(routed.values()) + list(guesses.values()) if t
            for w in _WORD.findall(t)} | {g for gs in french_guesses.values() for g in gs}
        known = self._known(candidates, tgt)
        for fr in french:
            new = routed.get(fr)
            if fr.casefold() in known:  # capsule, gyroscope: a target word as written
                fixed[fr] = (fr, "a word of the target as written")
            elif new and not MARK.search(new) and all(
                    w.casefold() in known for w in _WORD.findall(new)):
                fixed[fr] = (new, " → ".join(alt or ()))
            elif (guess := guesses.get(fr)) and guess in known:
                fixed[fr] = (guess, "cognate")
            elif found := [g for g in french_guesses.get(fr, ()) if g in known]:
                fixed[fr] = (found[0], "cognate")
        # 3. Put the replacements into each unit.
        for i, mapping in leaks.items():
            tr = results[i]
            text, unknown, notes = tr.text, list(tr.unknown), list(tr.notes)
            for u, fr in mapping.items():
                if fr not in fixed:
                    continue
                new, how = fixed[fr]
                pattern = re.compile(rf"(?<![\w]){re.escape(u)}(?![\w])")
                if not pattern.search(text):
                    continue
                text = pattern.sub(lambda m, n=new: _case_like(n, m.group()), text)
                unknown.remove(u)
                notes.append(f"unknown word {u} ({fr}) → {new} ({how})")
            results[i] = replace(tr, text=text, unknown=tuple(unknown), notes=tuple(notes))
        return results


def _codes(modes: set[str]) -> set[str]:
    out = set()
    for m in modes:
        try:
            out.add(Lang.parse(m).code)
        except Exception:  # noqa: BLE001 - an odd mode name: not a pivot we know
            continue
    return out


def _case_like(new: str, old: str) -> str:
    return new[0].upper() + new[1:] if old[:1].isupper() else new
