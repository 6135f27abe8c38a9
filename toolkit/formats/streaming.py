"""Catalogues written unit by unit, for releases too big to hold as one catalogue.

A streamed catalogue is the same bytes :func:`toolkit.formats.render` gives for
the whole catalogue (tested): PO entries are the PO writer's own, XLIFF 1.2
units are serialized by lxml inside the same document skeleton and cut out of
it. Each file is filled under a temporary name next to its place
(:func:`toolkit.fileio.open_staged`); the caller renames them all at the end,
so a run still writes every catalogue whole or not at all.

Only live units are written (a first translation has no obsolete units), in
PO and XLIFF 1.2; XLIFF 2.1 numbers its units over the whole file and is not
streamed.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from lxml import etree

from ..errors import storage_error
from ..fileio import discard_staged, finish_staged, open_staged
from ..model import Catalogue, Segment
from . import po, xliff12

STREAMED = ("po", "xliff")


class _Stream:
    """One catalogue being written: :meth:`add` units, then :meth:`finish` (or :meth:`discard`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fp, self.tmp = open_staged(path)

    def write(self, segs: Iterable[Segment]) -> None:
        """Append ``segs``; an operating-system failure is reported as a storage error."""
        try:
            self.add(segs)
        except OSError as exc:
            raise storage_error(exc, self.path) from exc

    def add(self, segs: Iterable[Segment]) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        pass

    def finish(self) -> str:
        """The temporary file, complete and on disk, ready to be renamed to :attr:`path`."""
        try:
            self._close()
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):  # a full disk: the user's error, not a traceback
                raise storage_error(exc, self.path) from exc
            raise
        return finish_staged(self.fp, self.tmp, self.path)

    def discard(self) -> None:
        discard_staged(self.fp, self.tmp)


class PoStream(_Stream):
    """A PO catalogue: entries go to a scratch file, the header (which lists every unit's
    base) is written in front of them at the end."""

    def __init__(self, path: Path, cat: Catalogue, *, now: datetime, tool: str,
                 repeated: Callable[[str], bool]) -> None:
        super().__init__(path)
        self._cat, self._now, self._tool, self._repeated = cat, now, tool, repeated
        self._base = io.StringIO()  # one string, not an object per unit
        self._body = tempfile.TemporaryFile(dir=path.parent, prefix=f".{path.name}.")

    def add(self, segs: Iterable[Segment]) -> None:
        parts = []
        for seg in segs:
            self._base.write(po.base_token(seg) + " ")
            parts.append("\n\n" + po.entry(seg, self._repeated(seg.source)))
        self._body.write("".join(parts).encode("utf-8"))

    def _close(self) -> None:
        head = po.header(self._cat, self._base.getvalue()[:-1], now=self._now, tool=self._tool)
        self._base = io.StringIO()
        self.fp.write(head.encode("utf-8"))
        self._body.seek(0)
        shutil.copyfileobj(self._body, self.fp, 1 << 20)
        self._body.close()
        self.fp.write(b"\n")

    def discard(self) -> None:
        self._body.close()
        super().discard()


_MARK = "x-toolkit-cut"


class XliffStream(_Stream):
    """An XLIFF 1.2 catalogue: the skeleton's head, each batch of units as lxml prints them
    inside that skeleton, then the skeleton's tail."""

    def __init__(self, path: Path, cat: Catalogue, *, now: datetime, tool: str) -> None:
        super().__init__(path)
        self._root, self._body = xliff12.skeleton(cat, now=now, tool=tool)
        self._empty = self._print()  # what a catalogue without units is
        etree.SubElement(self._body, f"{{{xliff12.NS}}}trans-unit", id=_MARK)
        doc = self._print()
        del self._body[:]
        at = doc.index(b"<trans-unit")
        self._head = doc[:doc.rindex(b"\n", 0, at) + 1]  # up to the unit's indentation
        self._tail = doc[doc.index(b"/>", at) + 3:]  # after the unit's line
        self._units = 0

    def _print(self) -> bytes:
        return etree.tostring(self._root, xml_declaration=True, encoding="UTF-8",
                              pretty_print=True)

    def add(self, segs: Iterable[Segment]) -> None:
        for seg in segs:
            xliff12.add_unit(self._body, seg)
        if not len(self._body):
            return
        doc = self._print()
        if not self._units:
            self.fp.write(self._head)
        self._units += len(self._body)
        del self._body[:]
        if not (doc.startswith(self._head) and doc.endswith(self._tail)):
            raise AssertionError("XLIFF units printed outside their skeleton")  # lxml changed
        self.fp.write(doc[len(self._head):len(doc) - len(self._tail)])

    def _close(self) -> None:
        self.fp.write(self._tail if self._units else self._empty)


def open_stream(fmt: str, path: Path, cat: Catalogue, *, now: datetime, tool: str,
                repeated: Callable[[str], bool]) -> _Stream:
    """A streamed catalogue of format ``fmt`` (one of :data:`STREAMED`) headed by ``cat``."""
    if fmt == "po":
        return PoStream(path, cat, now=now, tool=tool, repeated=repeated)
    if fmt == "xliff":
        return XliffStream(path, cat, now=now, tool=tool)
    raise ValueError(f"format {fmt!r} is not written unit by unit")
