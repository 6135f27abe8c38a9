"""What a ``.argosmodel`` archive must hold, and the bounds it must keep.

Everything here reads the zip directory and ``metadata.json`` only, before
anything is decompressed to disk: unsafe names, more than one top folder,
bombs (too many members, too large, too compressed) and metadata of the
wrong shape are refused with the archive named. :func:`extract_capped` then
guards the extraction itself against a directory that lies about sizes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import ModelError

SPM_NAMES = ("sentencepiece.model", "source.spm")
# Archive bounds, checked on the zip directory before anything is decompressed.
# The largest Argos packages hold about 1 GB; a model.bin barely compresses
# (ratio ~1.1), so a member that claims more than 100x is a bomb.
MAX_UNPACKED = 4 * 2**30
MAX_MEMBERS = 2000
MAX_RATIO = 100
MAX_METADATA = 2**20
_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}")
_TEXT_FIELDS = ("package_version", "argos_version", "from_name", "to_name", "name", "type")


def check_metadata(meta: object, where: Path) -> None:
    """The fields of Argos's ``metadata.json`` we rely on, with the types Argos gives them."""
    if not isinstance(meta, dict):
        raise ModelError("metadata.json is not a JSON object", path=where)
    missing = [k for k in ("from_code", "to_code") if not meta.get(k)]
    if missing:
        raise ModelError("metadata.json lacks " + ", ".join(missing), path=where)
    for key in ("from_code", "to_code"):
        if not isinstance(meta[key], str) or not _CODE.fullmatch(meta[key]):
            raise ModelError(f"metadata.json: {key} {str(meta[key])[:40]!r} is not a "
                             "language code", path=where)
    for key in _TEXT_FIELDS:
        value = meta.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > 200
                                  or any(ord(c) < 32 for c in value)):
            raise ModelError(f"metadata.json: {key} must be a short line of text", path=where)
    if meta.get("type", "translate") not in ("translate", "sbd"):
        raise ModelError(f"metadata.json: unknown package type {meta.get('type')!r}", path=where)


@dataclass(frozen=True)
class ArchiveInfo:
    """What :func:`verify_archive` learnt about a ``.argosmodel`` file."""

    path: Path
    top: str
    metadata: Mapping[str, object]


def verify_archive(path: str | os.PathLike) -> ArchiveInfo:
    """Check a ``.argosmodel`` archive without extracting it; raise ModelError if unusable."""
    path = Path(path)
    if not path.is_file():
        raise ModelError("no such model archive", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
            for n in names:
                p = PurePosixPath(n)
                if p.is_absolute() or ".." in p.parts or "\\" in n:
                    raise ModelError(f"unsafe member name {n!r} in archive", path=path)
            if len(tops) != 1 or not any(n.startswith(f"{next(iter(tops))}/") for n in names):
                raise ModelError(
                    "archive must hold exactly one top-level directory, found "
                    + (", ".join(sorted(tops)) or "nothing"),
                    path=path,
                )
            top = tops.pop()
            _check_bounds(zf.infolist(), path)
            if not top or top.startswith(".") or len(top) > 200:
                raise ModelError(f"unsafe package folder name {top[:80]!r}", path=path)
            try:
                raw = zf.read(f"{top}/metadata.json")
            except KeyError:
                raise ModelError(f"archive lacks {top}/metadata.json", path=path) from None
            try:
                meta = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ModelError(
                    f"{top}/metadata.json is not valid JSON: {exc}", path=path
                ) from exc
            check_metadata(meta, path)
            if f"{top}/model/model.bin" not in names:
                raise ModelError(f"archive lacks {top}/model/model.bin", path=path)
            spms = [f"{top}/{d}{n}" for d in ("", "model/") for n in SPM_NAMES]
            if not any(s in names for s in spms):
                raise ModelError(f"archive lacks {top}/sentencepiece.model", path=path)
            bad = zf.testzip()  # reads every member: catches truncation and corruption
            if bad is not None:
                raise ModelError(f"corrupt member {bad} in archive", path=path)
    except zipfile.BadZipFile as exc:
        raise ModelError(f"not a valid .argosmodel (zip) archive: {exc}", path=path) from exc
    except (zlib.error, EOFError) as exc:
        raise ModelError(f"corrupt compressed data in archive: {exc}", path=path) from exc
    except (OSError, zipfile.LargeZipFile) as exc:
        raise ModelError(f"cannot read archive: {exc}", path=path) from exc
    return ArchiveInfo(path=path, top=top, metadata=meta)


def _check_bounds(members: list[zipfile.ZipInfo], path: Path) -> None:
    """Refuse bombs from the zip directory alone: count, declared sizes, ratios."""
    if len(members) > MAX_MEMBERS:
        raise ModelError(f"archive holds {len(members)} files (more than {MAX_MEMBERS})",
                         path=path)
    total = 0
    for m in members:
        total += m.file_size
        if m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ModelError(f"member {m.filename} expands {m.file_size // max(m.compress_size, 1)}"
                             f"x (more than {MAX_RATIO}x): refusing a zip bomb", path=path)
        if m.filename.endswith("/metadata.json") and m.file_size > MAX_METADATA:
            raise ModelError("metadata.json is larger than 1 MiB", path=path)
    if total > MAX_UNPACKED:
        raise ModelError(f"archive would unpack to {total / 2**30:.1f} GiB "
                         f"(more than {MAX_UNPACKED // 2**30} GiB)", path=path)


def extract_capped(zf: zipfile.ZipFile, dest: Path, path: Path) -> None:
    """Extract member by member, never writing more than each member declared.

    ``verify_archive`` checked the declared sizes; this guards against a zip
    directory that lies about them, and checks free space first.
    """
    members = zf.infolist()
    need = sum(m.file_size for m in members)
    free = shutil.disk_usage(dest).free
    if need + 2**20 > free:
        raise ModelError(f"not enough disk space: the model needs {need / 2**20:.0f} MiB, "
                         f"{free / 2**20:.0f} MiB free", path=dest)
    for m in members:
        out = dest / m.filename
        if m.is_dir():
            out.mkdir(parents=True, exist_ok=True)
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with zf.open(m) as src, open(out, "wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                written += len(chunk)
                if written > m.file_size:
                    raise ModelError(f"member {m.filename} is larger than declared", path=path)
                dst.write(chunk)
