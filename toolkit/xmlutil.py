"""XML helpers: one parser policy for untrusted files, one policy for control characters."""

from __future__ import annotations

import os
import re
import unicodedata
from typing import BinaryIO

from lxml import etree

from .errors import ParseError

# XML 1.0 forbids most C0 controls; lxml refuses them. We drop them from text
# we write (they carry no meaning in a press release) instead of failing.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Catalogues of the largest release (toolkit.ingest.decode.MAX_RELEASE_BYTES) stay below it.
MAX_BYTES = 1536 * 1024 * 1024


def clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def safe_parser() -> etree.XMLParser:
    """A parser that never expands entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def read_bounded(fp: BinaryIO, path: str | os.PathLike = "<input>") -> bytes:
    """All of ``fp``, refused when over :data:`MAX_BYTES` (a file's size is asked first:
    reading 1.5 GiB only to refuse it would take seconds and the memory)."""
    try:
        size = os.fstat(fp.fileno()).st_size
    except (AttributeError, OSError, ValueError):  # not a file: a buffer, a pipe
        size = 0
    data = b"" if size > MAX_BYTES else fp.read(MAX_BYTES + 1)
    if size > MAX_BYTES or len(data) > MAX_BYTES:
        raise ParseError(f"file larger than {MAX_BYTES // 2**20} MiB", path=path)
    return data


def read_checked(fp: BinaryIO, path: str | os.PathLike = "<input>") -> bytes:
    """The bytes of an untrusted XML file, within bounds and without entity declarations."""
    data = read_bounded(fp, path)
    if not data.strip():
        raise ParseError("empty file", path=path)
    if b"<!ENTITY" in data or b"<!entity" in data:
        line = data[: data.find(b"<!ENTITY")].count(b"\n") + 1
        raise ParseError("entity declarations are not allowed", path=path, line=line)
    return data


def parse(fp: BinaryIO, path: str | os.PathLike = "<input>") -> etree._ElementTree:
    """Parse untrusted XML; entity declarations are refused outright."""
    data = read_checked(fp, path)
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as exc:
        raise malformed(exc, path) from exc
    check_dtd(tree, path)
    _nfc(tree.getroot())
    return tree


def malformed(exc: etree.XMLSyntaxError, path: str | os.PathLike) -> ParseError:
    return ParseError(f"malformed XML: {exc.msg}", path=path, line=exc.lineno or None)


def check_dtd(tree: etree._ElementTree, path: str | os.PathLike) -> None:
    """Refuse entity declarations the byte search of :func:`read_checked` missed (UTF-16 and
    other encodings), asking the parsed document."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseError("entity declarations are not allowed", path=path, line=1)


def iterparse(data: bytes, **kw: object) -> etree.iterparse:
    """Events over untrusted XML ``data`` with :func:`safe_parser`'s policy: a big file is
    read element by element and each one dropped once used, not held as one tree."""
    import io

    return etree.iterparse(io.BytesIO(data), resolve_entities=False, no_network=True,
                           load_dtd=False, dtd_validation=False, huge_tree=False,
                           remove_comments=False, **kw)


def nfc(el: etree._Element) -> None:
    """``el`` and its descendants in NFC (see :func:`parse`)."""
    _nfc(el)


def _nfc(root: etree._Element) -> None:
    """Text and attributes in NFC, as releases are ingested: a review file saved with
    decomposed accents is the same text, not an edited source."""
    for el in root.iter():
        if el.text and not unicodedata.is_normalized("NFC", el.text):
            el.text = unicodedata.normalize("NFC", el.text)
        if el.tail and not unicodedata.is_normalized("NFC", el.tail):
            el.tail = unicodedata.normalize("NFC", el.tail)
        if isinstance(el.tag, str):
            for key, value in el.attrib.items():
                if not unicodedata.is_normalized("NFC", value):
                    el.set(key, unicodedata.normalize("NFC", value))
