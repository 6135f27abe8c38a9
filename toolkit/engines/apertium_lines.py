"""How the lines of a batch are framed for one Apertium pipeline.

Lines go through Apertium with a blank line between them: its tagger, lexical selection and
transfer treat a blank line as a boundary but a single newline as a space, so a line ending
without punctuation (a heading) changed the next one ("Douala" came out "DUALA" after
"... Opération Liberterra II"; "composite" made the next retried word singular). Transfer
still carries a little state across it (the gender a determiner takes from the last noun:
"des trois derniers mois" after "Communiqué de presse" came out "las tres"), which neither
a stop nor Apertium's null flush resets; that is why chunks keep context lines.
"""

from __future__ import annotations

from collections.abc import Sequence

SEP = "\n\n"


def pieces(text: str) -> list[str]:
    """``text`` cut at its blank lines: its other lines run on as one flow (a line break
    inside a sentence is a space to Apertium), blank lines stay as they are."""
    out: list[str] = []
    run: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            run.append(line)
            continue
        if run:
            out.append("\n".join(run))
            run = []
        out.append(line)
    if run or not out:
        out.append("\n".join(run))
    return out


def join(lines: Sequence[str]) -> str:
    """One pipeline's input for ``lines`` (none of which holds a blank line)."""
    return SEP.join(lines) + "\n"


def split(out: str) -> list[str]:
    """The lines of a pipeline's output for :func:`join`'s input."""
    if out.endswith("\n"):
        out = out[:-1]
    return out.split(SEP)


# A plain singular feminine noun per source language: said just before a word looked up alone,
# it sets the state transfer carries (measured: "secours", "cas", "prix", "pays" came out
# singular or plural depending on the words before them; after this line, always the same).
_FRAMES = {"fr": "table", "en": "table", "es": "mesa", "ca": "taula", "pt": "mesa",
           "gl": "mesa", "it": "tavola", "oc": "taula", "eo": "tablo"}
_FRAMES |= {"fra": "table", "eng": "table", "spa": "mesa", "cat": "taula", "por": "mesa",
            "glg": "mesa", "ita": "tavola", "oci": "taula", "epo": "tablo"}


def frame(lang: str) -> str:
    """The line to put before each word of a word-by-word lookup in ``lang`` (an ISO 639-1
    or -3 code, as in mode names: ``spa`` of ``spa-eng``)."""
    return _FRAMES.get(lang.split("-")[0].lower(), "table")
