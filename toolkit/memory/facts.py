"""Carry changed facts into a reused translation (auto-correction by value).

A fuzzy memory match is the translation of a *similar* sentence; when the
two sources differ in a number, a date, an amount, an e-mail address or a
name, the match's target still says the old one (``68,5 %`` revised to
``71,2 %`` gives back the reviewer's "68.5%"). CAT tools correct such spans
on insertion (memoQ and Trados call it auto-correction of numbers and
placeables); :func:`carry_facts` does the same:

- facts are read by value (:func:`toolkit.qa.numbers.quantities`: numbers,
  percentages, amounts, dates, times) and verbatim spans
  (:func:`toolkit.protect.find_protected`: e-mails, URLs, handles, phones,
  names);
- old and new source facts are paired in order, kind by kind; for each pair
  that differs, the old value is found in the old target (by value, so
  ``68,5 %`` finds ``68.5%``) and rewritten with the new value in the
  target's own writing (decimal mark, digit grouping, month names);
- when that is not possible — a fact added or removed, the old value not
  found (or found twice) in the target, a changed scale word or currency —
  it returns None, and the caller keeps the fresh machine draft with the old
  translation as a suggestion.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ..langs import supported
from ..profiles import profile
from ..protect import find_protected
from ..qa.numbers import _MONTHS, _NUM, Quantity, parse_number, quantities

_VERBATIM = ("email", "url", "handle", "phone", "name")
_NUM_RE = re.compile(_NUM)
_DIGITS = re.compile(r"\d+")
_MONTH_RE = re.compile("|".join(sorted(_MONTHS, key=len, reverse=True)), re.IGNORECASE)


def _by_kind(items: list, kind_of) -> dict[str, list]:
    out: dict[str, list] = {}
    for item in items:
        out.setdefault(kind_of(item), []).append(item)
    return out


def _render_number(value: Decimal, like: str, lang: str) -> str:
    """``value`` written the way ``like`` (the old number in the target) is written.

    >>> _render_number(Decimal("71.2"), "68.5", "en"), _render_number(Decimal("1250"), "1 200", "fr")
    ('71.2', '1 250')
    """
    comma = profile(lang).decimal == ","
    dec, group = ("," if comma else "."), ""
    for sep, digits in re.findall(r"\d([^\d])(\d+)", like):
        if len(digits) == 3 and sep != dec:
            group = sep  # "1,200" in English, "1 200" in French: digit grouping
        elif len(digits) != 3:
            dec = sep  # a decimal part, whatever mark the translator used
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", group)
    return whole + (dec + frac if frac else "")


def _number_edit(old_q: Quantity, new_q: Quantity, tgt_q: Quantity, src: str, tgt: str
                 ) -> str | None:
    """The target span of ``tgt_q`` rewritten with ``new_q``'s number."""
    old_n, new_n = _NUM_RE.search(old_q.span.text), _NUM_RE.search(new_q.span.text)
    in_tgt = _NUM_RE.search(tgt_q.span.text)
    if not (old_n and new_n and in_tgt):
        return None
    # Only the digits may change: a scale word or a currency that differs cannot be carried.
    if (old_q.span.text[:old_n.start()], old_q.span.text[old_n.end():]) != (
            new_q.span.text[:new_n.start()], new_q.span.text[new_n.end():]):
        return None
    value = parse_number(new_n.group(0), src)
    if value is None:
        return None
    text = tgt_q.span.text
    return text[:in_tgt.start()] + _render_number(value, in_tgt.group(0), tgt) + text[in_tgt.end():]


def _month_of(word: str) -> int | None:
    return _MONTHS.get(word.lower())


def _token_edit(old_q: Quantity, new_q: Quantity, tgt_q: Quantity) -> str | None:
    """Dates and times: digits and month names mapped from the old source to the new."""
    old_d, new_d = _DIGITS.findall(old_q.span.text), _DIGITS.findall(new_q.span.text)
    old_m, new_m = _MONTH_RE.findall(old_q.span.text), _MONTH_RE.findall(new_q.span.text)
    if len(old_d) != len(new_d) or len(old_m) != len(new_m):
        return None
    digits: dict[int, str] = {}
    for a, b in zip(old_d, new_d):
        if int(a) in digits and digits[int(a)] != b:
            return None  # one old value became two different ones: ambiguous
        digits[int(a)] = b
    months = {_month_of(a): _month_of(b) for a, b in zip(old_m, new_m)}

    def digit(m: re.Match[str]) -> str:
        new = digits.get(int(m.group(0)))
        return m.group(0) if new is None else new.zfill(len(m.group(0)))

    def month(m: re.Match[str]) -> str:
        word = m.group(0)
        new = months.get(_month_of(word))
        if new is None:
            return word
        # the new month in the language the old one is written in (CLDR names)
        names = next((p.months for p in map(profile, supported())
                      if any(word.lower() in n for n in p.months)), profile("en").months)
        name = names[new - 1][0]
        return name.capitalize() if word[:1].isupper() else name.lower()

    out = _MONTH_RE.sub(month, _DIGITS.sub(digit, tgt_q.span.text))
    return out


def carry_facts(old_source: str, old_target: str, new_source: str, src: str, tgt: str
                ) -> str | None:
    """``old_target`` with the facts that changed from ``old_source`` to ``new_source``.

    Returns ``old_target`` itself when no fact changed, and None when a
    changed fact cannot be carried over (see the module docstring).

    >>> carry_facts("Le taux atteint 68,5 %.", "The rate reaches 68.5%.",
    ...             "Le taux atteint 71,2 %.", "fr", "en")
    'The rate reaches 71.2%.'
    >>> carry_facts("Écrire à a@iom.int.", "Write to a@iom.int.", "Écrire à b@iom.int.",
    ...             "fr", "en")
    'Write to b@iom.int.'
    >>> carry_facts("Le 3 mars, 20 migrants.", "On 3 March, 20 migrants.",
    ...             "Le 3 mars, 20 et 30 migrants.", "fr", "en") is None
    True
    """
    edits: list[tuple[int, int, str]] = []
    old_qs, new_qs = quantities(old_source, src), quantities(new_source, src)
    tgt_qs = quantities(old_target, tgt)
    old_k, new_k = _by_kind(old_qs, lambda q: q.kind), _by_kind(new_qs, lambda q: q.kind)
    if {k: len(v) for k, v in old_k.items()} != {k: len(v) for k, v in new_k.items()}:
        return None
    done: set[tuple[int, int]] = set()
    # Dates first: a date's year is also read as a number over the same span.
    for kind in sorted(old_k, key=lambda k: k not in ("date", "time")):
        for old_q, new_q in zip(old_k[kind], new_k[kind]):
            if set(old_q.keys) & set(new_q.keys):
                continue
            hits = [t for t in tgt_qs if set(t.keys) & set(old_q.keys)]
            if len(hits) != 1:
                return None
            (hit,) = hits
            if (hit.span.start, hit.span.end) in done:
                continue
            done.add((hit.span.start, hit.span.end))
            if kind in ("date", "time"):
                new_text = _token_edit(old_q, new_q, hit)
            else:
                new_text = _number_edit(old_q, new_q, hit, src, tgt)
            if new_text is None:
                return None
            edits.append((hit.span.start, hit.span.end, new_text))
    spans = lambda text: [s for s in find_protected(text) if s.kind in _VERBATIM]  # noqa: E731
    old_v, new_v = _by_kind(spans(old_source), lambda s: s.kind), \
        _by_kind(spans(new_source), lambda s: s.kind)
    for kind in set(old_v) | set(new_v):
        olds, news = old_v.get(kind, []), new_v.get(kind, [])
        if Counter(s.text for s in olds) == Counter(s.text for s in news):
            continue
        if len(olds) != len(news):
            return None
        for old_s, new_s in zip(olds, news):
            if old_s.text == new_s.text:
                continue
            at = [m.start() for m in re.finditer(re.escape(old_s.text), old_target)]
            if len(at) != 1:
                return None
            edits.append((at[0], at[0] + len(old_s.text), new_s.text))
    if not edits:
        return old_target
    edits.sort()
    if any(a[1] > b[0] for a, b in zip(edits, edits[1:])):
        return None
    out = old_target
    for start, end, text in reversed(edits):
        out = out[:start] + text + out[end:]
    return out
