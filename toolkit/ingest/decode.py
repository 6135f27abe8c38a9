"""Reading release files: bytes to text with a clear verdict on bad input."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..xmlutil import clean

_SNIFF = 8192
# A press release is a few dozen kilobytes, a report or an archive page a few megabytes; a
# release above 1M characters is translated chunk by chunk (toolkit.streamrun) in bounded
# memory. This bound keeps every catalogue the toolkit writes from it (PO and XLIFF 1.2,
# at most 8 times the release) under the XML reader's own bound (toolkit.xmlutil.MAX_BYTES),
# so what the toolkit wrote it can always read again.
MAX_RELEASE_BYTES = 64 * 2**20
# Well-formed multi-byte UTF-8 sequences: a file full of them with a few bad bytes is
# UTF-8 that was damaged, not a legacy file, and re-reading it all as windows-1252 would
# garble every accent. French windows-1252 text ("é" = E9 then a letter) never has them.
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" unless the file needed a legacy codec

    @property
    def warning(self) -> str | None:
        if self.encoding in ("utf-8", "utf-8-sig"):
            return None
        return f"not UTF-8; read as {self.encoding}"


def read_text(path: str | os.PathLike) -> Decoded:
    """Read a release file as text.

    UTF-8 is expected. Files saved by older French word processors are often
    windows-1252 or latin-1: those are decoded and the encoding is reported so
    the caller can warn. Binary, empty and unreadable files raise InputError.
    """
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise InputError("no such file", path=p) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=p) from exc
    if stat.S_ISDIR(mode):
        raise InputError("is a directory, not a release file", path=p)
    if not stat.S_ISREG(mode):  # a FIFO would hang the run, /dev/zero fill the memory
        raise InputError("not a regular file (a pipe, device or socket)", path=p,
                         hint="copy it into a file, or pipe it to `toolkit segment -`")
    try:
        with p.open("rb") as fp:
            data = fp.read(MAX_RELEASE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=p) from exc
    if len(data) > MAX_RELEASE_BYTES:
        raise InputError(f"larger than {MAX_RELEASE_BYTES // 2**20} MiB: not a release",
                         path=p, hint="split it into releases")
    return decode_bytes(data, p)


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> Decoded:
    if not data.strip():
        raise InputError("empty file: nothing to translate", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check(data.decode("utf-16"), "utf-16", path)
        except UnicodeDecodeError as exc:
            raise InputError("invalid UTF-16 text", path=path) from exc
    head = data[:_SNIFF]
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise InputError("binary file, not text", path=path)
    try:
        return _check(data.decode("utf-8-sig"), "utf-8", path)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        utf8_error = exc
        bad_line = line
    if _UTF8_MULTI.search(data):
        raise InputError(f"damaged UTF-8: {_bad_bytes(data)}", path=path, line=bad_line,
                         hint="re-save the file as UTF-8 (iconv -c drops the bad bytes)"
                         ) from utf8_error
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # cp1252 and latin-1 decode anything; accept only if it reads like text.
        if _control_ratio(text.encode("utf-8")) <= 0.01:
            return _check(text, "windows-1252" if codec == "cp1252" else "latin-1", path)
    raise InputError(
        f"not valid UTF-8 (first bad byte on line {bad_line})", path=path, line=bad_line
    ) from utf8_error


def _check(text: str, encoding: str, path: str | os.PathLike) -> Decoded:
    if not text.strip():
        raise InputError("empty file: nothing to translate", path=path)
    # NFC, as catalogues are read: a release saved with decomposed accents (macOS) is the
    # same text, its units the same ids, and review files match it.
    text = unicodedata.normalize("NFC", text)
    # Control characters XML cannot carry (a stray BEL or NUL from a pasted document) are
    # dropped here, once: every catalogue format then holds the same text, and a PO
    # imported back matches its release instead of differing by an invisible byte.
    text = clean(text)
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def _bad_bytes(data: bytes, limit: int = 5) -> str:
    """Where UTF-8 decoding fails: byte offsets and lines, the first few."""
    found, pos = [], 0
    while len(found) <= limit:
        try:
            data[pos:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            at = pos + exc.start
            line = data[:at].count(b"\n") + 1
            found.append(f"byte {at} (line {line})")
            pos = pos + max(exc.end, exc.start + 1)
    more = " and more" if len(found) > limit else ""
    return f"invalid byte(s) at {', '.join(found[:limit])}{more}"
