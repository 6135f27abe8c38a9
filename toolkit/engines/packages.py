"""Argos model packages: find, read, verify, install and remove them.

An Argos package is a directory holding ``metadata.json``, a CTranslate2
model in ``model/`` and a SentencePiece model; a ``.argosmodel`` file is the
same directory zipped. We read packages ourselves instead of going through
argostranslate, whose import creates directories and pulls in stanza and
torch. Only :func:`install_from_index` touches argostranslate, and it is the
one function here that may open a network connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelError
from ..userdirs import data_home
from .archive import (  # noqa: F401  (the archive checks stay importable from here)
    MAX_MEMBERS,
    MAX_METADATA,
    MAX_RATIO,
    MAX_UNPACKED,
    SPM_NAMES,
    ArchiveInfo,
    check_metadata,
    extract_capped,
    verify_archive,
)

_HASHES: dict[tuple[str, int, int], str] = {}


def argos_packages_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where argostranslate keeps installed packages (same rules as its settings)."""
    env = os.environ if env is None else env
    if env.get("ARGOS_PACKAGES_DIR"):
        return Path(env["ARGOS_PACKAGES_DIR"])
    return _data_home(env) / "argos-translate" / "packages"


def toolkit_models_dir(env: Mapping[str, str] | None = None) -> Path:
    """The toolkit's own models directory: ``$TOOLKIT_MODELS_DIR`` or under XDG data."""
    env = os.environ if env is None else env
    if env.get("TOOLKIT_MODELS_DIR"):
        return Path(env["TOOLKIT_MODELS_DIR"])
    return _data_home(env) / "toolkit" / "models"


def _data_home(env: Mapping[str, str]) -> Path:
    return data_home(env)


def search_dirs(extra: str | os.PathLike | None = None) -> list[Path]:
    """Directories searched for packages, most specific first, without duplicates."""
    dirs = [Path(extra)] if extra is not None else []
    dirs += [toolkit_models_dir(), argos_packages_dir()]
    seen: list[Path] = []
    for d in dirs:
        if d not in seen:
            seen.append(d)
    return seen


@dataclass(frozen=True)
class ArgosPackage:
    """An installed package (or plain CTranslate2 model directory), as found on disk.

    ``from_code``/``to_code`` are empty for a plain model directory whose
    languages are unknown; such a model is used for whatever pair it is asked.
    """

    path: Path
    name: str
    from_code: str
    to_code: str
    version: str = ""
    argos_version: str = ""
    target_prefix: str = ""
    source_spm: Path = field(default=Path())
    target_spm: Path = field(default=Path())
    metadata: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def model_dir(self) -> Path:
        return self.path / "model" if (self.path / "model" / "model.bin").is_file() else self.path

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    def sha256(self) -> str:
        """SHA-256 of ``model.bin`` (computed once per file version, then cached)."""
        return file_sha256(self.model_dir / "model.bin")

    def size(self) -> int:
        """Bytes used by the package directory."""
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())

    def provenance(self) -> str:
        """One line naming the model and its hash, e.g. ``translate-fr_en 1.9 sha256:ab…``."""
        label = f"{self.name} {self.version}".strip()
        return f"{label} sha256:{self.sha256()[:16]}"


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, cached by path, size and modification time."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ModelError(f"cannot read model file: {exc.strerror}", path=path) from exc
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _HASHES:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        _HASHES[key] = digest.hexdigest()
    return _HASHES[key]


def read_package(path: str | os.PathLike) -> ArgosPackage:
    """Read an installed package directory, checking it has what translation needs."""
    path = Path(path)
    meta_path = path / "metadata.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError("package has no metadata.json", path=path) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"unreadable metadata.json: {exc}", path=meta_path) from exc
    check_metadata(meta, meta_path)
    model = path / "model"
    if not (model / "model.bin").is_file():
        raise ModelError("package has no model/model.bin", path=path)
    spm = next((path / n for n in SPM_NAMES if (path / n).is_file()), None)
    spm = spm or next((model / n for n in SPM_NAMES if (model / n).is_file()), None)
    if spm is None:
        raise ModelError("package has no sentencepiece.model", path=path)
    target = spm.parent / "target.spm" if spm.name == "source.spm" else spm
    return ArgosPackage(
        path=path,
        name=f"translate-{meta['from_code']}_{meta['to_code']}",
        from_code=str(meta["from_code"]),
        to_code=str(meta["to_code"]),
        version=str(meta.get("package_version", "")),
        argos_version=str(meta.get("argos_version", "")),
        target_prefix=str(meta.get("target_prefix", "") or ""),
        source_spm=spm,
        target_spm=target if target.is_file() else spm,
        metadata=meta,
    )


def read_model_dir(path: str | os.PathLike) -> ArgosPackage:
    """Read a plain CTranslate2 model directory (``--model DIR``) or a package directory."""
    path = Path(path)
    if (path / "metadata.json").is_file():
        return read_package(path)
    if not (path / "model.bin").is_file():
        raise ModelError("not a CTranslate2 model directory (no model.bin)", path=path)
    spm = next((path / n for n in SPM_NAMES if (path / n).is_file()), None)
    if spm is None:
        raise ModelError("model directory has no sentencepiece.model or source.spm", path=path)
    target = path / "target.spm"
    return ArgosPackage(
        path=path,
        name=path.resolve().name,
        from_code="",
        to_code="",
        source_spm=spm,
        target_spm=target if spm.name == "source.spm" and target.is_file() else spm,
    )


def discover(dirs: list[Path] | None = None) -> list[ArgosPackage]:
    """Installed translation packages found in ``dirs`` (default: :func:`search_dirs`).

    Directories that are not readable packages (partial installs, sbd
    packages, stray folders) are skipped, so one bad folder does not hide
    the others; ``models list`` shows what was found.
    """
    found: list[ArgosPackage] = []
    for base in dirs if dirs is not None else search_dirs():
        if not base.is_dir():
            continue
        for child in sorted(base.iterdir()):
            if child.name.startswith(".") or not child.is_dir():
                continue
            try:
                pkg = read_package(child)
            except ModelError:
                continue
            if pkg.metadata.get("type", "translate") == "translate":
                found.append(pkg)
    return found


def install_archive(path: str | os.PathLike, target_dir: str | os.PathLike) -> ArgosPackage:
    """Verify then install a ``.argosmodel`` archive into ``target_dir``; return the package.

    The archive is extracted into a temporary directory inside
    ``target_dir`` and moved into place with :func:`os.replace`, so readers
    never see a half-installed package. An installed package of the same
    name is replaced.
    """
    info = verify_archive(path)
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    final = target / info.top
    tmp = Path(tempfile.mkdtemp(prefix=".install-", dir=target))
    old: Path | None = None
    try:
        with zipfile.ZipFile(info.path) as zf:
            extract_capped(zf, tmp, info.path)
        staged = tmp / info.top
        pkg = read_package(staged)
        _check_spm(pkg.source_spm)
        _check_loads(pkg)
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=".old-", dir=target)) / info.top
            os.replace(final, old)
        os.replace(staged, final)
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        if old is not None and not final.exists():
            os.replace(old, final)
        raise ModelError(f"installation failed: {exc}", path=path) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old.parent, ignore_errors=True)
    return read_package(final)


def _check_loads(pkg: ArgosPackage) -> None:
    """Load the CTranslate2 model once: a garbage model.bin is refused, not installed."""
    try:
        import ctranslate2
    except ImportError:  # argos extra not installed: the SentencePiece check is all we can do
        return
    try:
        ctranslate2.Translator(str(pkg.model_dir), device="cpu", inter_threads=1,
                               intra_threads=1)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelError(f"the model cannot be loaded: {str(exc)[:200]}",
                         path=pkg.model_dir) from exc


def _check_spm(path: Path) -> None:
    import sentencepiece

    try:
        sentencepiece.SentencePieceProcessor(model_file=str(path))
    except (OSError, RuntimeError) as exc:
        raise ModelError(f"invalid SentencePiece model: {exc}", path=path) from exc


def remove(name: str, dirs: list[Path] | None = None) -> Path:
    """Remove an installed package by directory name, package name or pair (``fr-en``).

    Returns the removed directory. Raises ModelError when nothing or more
    than one package matches.
    """
    pkgs = discover(dirs)
    wanted = name.replace("_", "-")
    hits = [
        p for p in pkgs
        if name in (p.path.name, p.name) or wanted in (p.pair, p.name.replace("_", "-"))
    ]
    if not hits:
        have = ", ".join(p.path.name for p in pkgs) or "none"
        raise ModelError(f"no installed package named {name!r}", hint=f"installed: {have}")
    if len(hits) > 1:
        where = ", ".join(str(p.path) for p in hits)
        raise ModelError(
            f"{name!r} matches several packages: {where}", hint="give the directory name"
        )
    path = hits[0].path
    # Rename first so a crash mid-delete leaves a hidden folder, not a broken package.
    trash = path.with_name(f".remove-{path.name}")
    shutil.rmtree(trash, ignore_errors=True)
    os.replace(path, trash)
    shutil.rmtree(trash)
    return path


def install_from_index(
    src: str, tgt: str, target_dir: str | os.PathLike, *, announce: Callable[[str], None]
) -> ArgosPackage:
    """Download the ``src→tgt`` package from the Argos index and install it.

    This is the only function in the toolkit that reaches the network;
    ``announce`` is called before any connection is attempted.
    """
    announce("contacting the Argos package index (network access)")
    try:
        from argostranslate import package as argos_package
        from argostranslate import settings as argos_settings
    except ImportError as exc:
        raise ModelError(
            "argostranslate is not installed", hint="pip install argostranslate"
        ) from exc
    try:
        # argostranslate prints its own exception repr on failure; ours is the one message.
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            argos_package.update_package_index()
        if not Path(argos_settings.local_package_index).is_file():
            raise ModelError("could not download the Argos package index (no network?)")
        available = argos_package.get_available_packages()
        match = [p for p in available if p.from_code == src and p.to_code == tgt]
        if not match:
            raise ModelError(f"the Argos index has no {src}→{tgt} package", lang=f"{src}-{tgt}")
        archive = Path(match[0].download())
    except ModelError:
        raise
    except Exception as exc:  # argostranslate raises bare Exception on download failure
        raise ModelError(
            f"could not fetch the {src}→{tgt} package: {exc}",
            lang=f"{src}-{tgt}",
            hint="download the .argosmodel elsewhere and run `toolkit models install FILE`",
        ) from exc
    return install_archive(archive, target_dir)
