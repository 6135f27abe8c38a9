"""A PO file's text cut between entries, so a big catalogue is parsed a piece at a time.

polib holds one object per entry for the whole file; read in pieces of about
:data:`PIECE_LINES` lines, a catalogue's entries are turned into units and
dropped piece by piece. A piece ends at a blank line followed by the start of
an entry (a comment, ``msgctxt`` or ``msgid``), so no entry is cut in two.
"""

from __future__ import annotations

from collections.abc import Iterator

PIECE_LINES = 20_000
_ENTRY_START = ("#", "msgctxt", "msgid")


def pieces(text: str, lines: int | None = None) -> Iterator[tuple[int, str]]:
    """``(lines before the piece, piece)`` for each piece of ``text``, in order."""
    lines = PIECE_LINES if lines is None else lines
    start = pos = 0
    count = before = 0
    blank = False
    while True:
        end = text.find("\n", pos)
        if end < 0:
            break
        line = text[pos:end]
        if count >= lines and blank and line.startswith(_ENTRY_START):
            yield before, text[start:pos]
            start, before, count = pos, before + count, 0
        blank = not line.strip()
        count += 1
        pos = end + 1
    yield before, text[start:]
