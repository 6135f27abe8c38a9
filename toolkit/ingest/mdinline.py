"""Markdown inline markup to codes and back (emphasis, links, code spans, breaks).

A deliberately small scanner: it recognises the constructs press releases use
(``**gras**``, ``*italique*``, ``_italique_``, ``~~barré~~``, ``[lien](url)``,
``[lien][ref]``, ``![image](src)``, `` `code` ``, autolinks, inline HTML tags,
hard line breaks) and leaves anything it is unsure of as literal text, which
is always safe: literal text is translated and written back unchanged.

>>> encode_markdown("Voir **le [site](https://x.org)** et `cfg.yml`.")
('Voir <g1>le <g2>site</g2></g1> et <x3/>.', (Code(kind='g', open='**', close='**'), \
Code(kind='g', open='[', close='](https://x.org)'), Code(kind='x', open='`cfg.yml`', close='')))
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Iterator

from ..inline import Code

_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[^<>]*)?/?>|<!--.*?-->")
_BREAK = re.compile(r"(?: {2,}|\\)\n")
_LINK_DEST = re.compile(
    r"\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"  # destination, balanced parens
    r"(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"  # optional title
)
_REF = re.compile(r"\[([^\]]*)\]")


def encode_markdown(s: str) -> tuple[str, tuple[Code, ...]]:
    """Text with inline codes, and the Markdown each code stands for."""
    codes: list[Code] = []
    return _scan(s, codes).strip(), tuple(codes)


def _closing_bracket(s: str, i: int) -> int:
    """Index of the ``]`` matching the ``[`` at ``i``, or -1.

    Looked up in one pass over the whole text (:func:`_bracket_pairs`): scanning
    forward from every ``[`` was quadratic, and 20,000 unclosed ``[`` took 89 s.
    """
    pairs, opened = _bracket_pairs(s)
    if i in pairs:
        return pairs[i]
    if i in opened:
        return -1
    return _scan_bracket(s, i)  # a "[" the pass skipped (inside a code span it paired)


def _brackets(s: str, j: int = 0) -> Iterator[tuple[int, str]]:
    """Each ``[`` and ``]`` from ``j`` on, past backslash escapes and code spans."""
    n = len(s)
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            end = s.find("`", j + 1)
            j = end + 1 if end > 0 else j + 1
            continue
        if c in "[]":
            yield j, c
        j += 1


@functools.lru_cache(maxsize=32)
def _bracket_pairs(s: str) -> tuple[dict[int, int], frozenset[int]]:
    """Every ``[`` the walk from the start reaches, with its ``]``: a scan from any of
    them (:func:`_scan_bracket`) walks the same positions, so it ends where its entry
    is popped."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    seen: list[int] = []
    for j, c in _brackets(s):
        if c == "[":
            opened.append(j)
            seen.append(j)
        elif opened:
            pairs[opened.pop()] = j
    return pairs, frozenset(seen)


def _scan_bracket(s: str, i: int) -> int:
    depth = 0
    for j, c in _brackets(s, i):
        depth += 1 if c == "[" else -1
        if depth == 0:
            return j
    return -1


def _run(s: str, i: int) -> int:
    """Length of the run of ``s[i]`` starting at ``i`` (slicing the rest was quadratic)."""
    j = i
    while j < len(s) and s[j] == s[i]:
        j += 1
    return j - i


def _closer(s: str, start: int, delim: str) -> int:
    """Index of the delimiter run closing an emphasis opened before ``start``, or -1."""
    valid = _closers(s, delim)
    k = bisect.bisect_right(valid, start)
    return valid[k] if k < len(valid) else -1


@functools.lru_cache(maxsize=64)
def _closers(s: str, delim: str) -> tuple[int, ...]:
    """Every position where ``delim`` can close an emphasis, in order.

    Whether a run closes depends only on its neighbours, not on where the emphasis
    opened, so one pass serves every opener: searching forward from each opener was
    quadratic (20,000 unclosed ``*`` did not finish in a minute).
    """
    n, ch = len(delim), delim[0]
    found: list[int] = []
    j = s.find(delim)
    while j >= 0:
        before = s[j - 1] if j > 0 else " "
        after = s[j + n] if j + n < len(s) else " "
        ok = not before.isspace() and before != ch and after != ch
        if ok and ch == "_" and after.isalnum():
            ok = False  # snake_case words are not emphasis
        if ok:
            found.append(j)
        j = s.find(delim, j + 1)
    return tuple(found)


def _scan(s: str, codes: list[Code]) -> str:
    out: list[str] = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] != "\n":
            out.append(s[i : i + 2])
            i += 2
            continue
        m = _BREAK.match(s, i)
        if m:
            codes.append(Code("x", m.group(0)))
            out.append(f"<x{len(codes)}/>")
            i = m.end()
            continue
        if c == "`":
            run = _run(s, i)
            end = s.find("`" * run, i + run)
            while end > 0 and end + run < n and s[end + run] == "`":
                end = s.find("`" * run, end + run + 1)
            if end > 0:
                codes.append(Code("x", s[i : end + run]))
                out.append(f"<x{len(codes)}/>")
                i = end + run
                continue
            out.append("`" * run)
            i += run
            continue
        if c == "!" and s.startswith("[", i + 1):
            close = _closing_bracket(s, i + 1)
            dest = _LINK_DEST.match(s, close + 1) if close > 0 else None
            if dest:
                codes.append(Code("x", s[i : dest.end()]))
                out.append(f"<x{len(codes)}/>")
                i = dest.end()
                continue
        if c == "[":
            close = _closing_bracket(s, i)
            tail = None
            if close > 0:
                tail = _LINK_DEST.match(s, close + 1) or _REF.match(s, close + 1)
            if tail:
                codes.append(Code("g", "[", "]" + tail.group(0)))
                k = len(codes)
                inner = _scan(s[i + 1 : close], codes)
                out.append(f"<g{k}>{inner}</g{k}>")
                i = tail.end()
                continue
        if c == "<":
            m = _AUTOLINK.match(s, i) or _TAG.match(s, i)
            if m:
                codes.append(Code("x", m.group(0)))
                out.append(f"<x{len(codes)}/>")
                i = m.end()
                continue
        if c in "*_~":
            run = _run(s, i)
            if c == "~" and run != 2:
                out.append(c * run)
                i += run
                continue
            delim = c * min(run, 3)
            before = s[i - 1] if i > 0 else " "
            after = s[i + run] if i + run < n else " "
            opener = run <= 3 and not after.isspace() and not (c == "_" and before.isalnum())
            end = _closer(s, i + run, delim) if opener else -1
            if end > 0:
                codes.append(Code("g", delim, delim))
                k = len(codes)
                inner = _scan(s[i + run : end], codes)
                out.append(f"<g{k}>{inner}</g{k}>")
                i = end + run
                continue
            out.append(c * run)
            i += run
            continue
        out.append(c)
        i += 1
    return "".join(out)


def to_html_code(code: Code, refs: dict[str, str] | None = None) -> Code:
    """The HTML equivalent of a Markdown code (for rendering a release as a web page)."""
    esc = html.escape
    if code.kind == "g":
        if code.open in ("**", "__"):
            return Code("g", "<strong>", "</strong>")
        if code.open in ("*", "_"):
            return Code("g", "<em>", "</em>")
        if code.open in ("***", "___"):
            return Code("g", "<strong>", "</strong>")
        if code.open == "~~":
            return Code("g", "<del>", "</del>")
        dest = _LINK_DEST.match(code.close, 1)
        if dest:
            href = dest.group(1).strip("<>")
            return Code("g", f'<a href="{esc(href)}">', "</a>")
        ref = _REF.match(code.close, 1)
        key = (ref.group(1) if ref else "").strip().lower()
        href = (refs or {}).get(key)
        return Code("g", f'<a href="{esc(href)}">' if href else "<span>",
                    "</a>" if href else "</span>")
    text = code.open
    if text.startswith("`"):
        return Code("x", f"<code>{esc(text.strip('`').strip())}</code>")
    if text.startswith("!["):
        close = _closing_bracket(text, 1)
        dest = _LINK_DEST.match(text, close + 1)
        src = dest.group(1).strip("<>") if dest else ""
        return Code("x", f'<img src="{esc(src)}" alt="{esc(text[2:close])}">')
    if _BREAK.fullmatch(text):
        return Code("x", "<br>")
    if _AUTOLINK.fullmatch(text):
        target = text[1:-1]
        href = target if ":" in target else f"mailto:{target}"
        return Code("x", f'<a href="{esc(href)}">{esc(target)}</a>')
    return Code("x", text)  # inline HTML is already HTML
