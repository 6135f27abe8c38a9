"""Reading release files: bytes to text with a clear verdict on bad input."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

_SNIFF = 8192


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
    if not p.exists():
        raise InputError("no such file", path=p)
    if p.is_dir():
        raise InputError("is a directory, not a release file", path=p)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=p) from exc
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
    return Decoded(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)
