"""Package verification, atomic installation, listing and removal."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from tinymodel import block_network, model_env, tiny_archives  # noqa: F401

from toolkit.engines import packages
from toolkit.errors import ModelError


def rezip(src: Path, dst: Path, *, drop: str = "", rename: tuple[str, str] | None = None,
          replace: dict[str, bytes] | None = None, extra: dict[str, bytes] | None = None) -> Path:
    """Copy an archive member by member, dropping, renaming or replacing some."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            name = item.filename
            if drop and (name == drop or name.startswith(drop.rstrip("/") + "/")):
                continue
            data = zin.read(name)
            if replace and name in replace:
                data = replace[name]
            if rename and name.startswith(rename[0]):
                name = rename[1] + name[len(rename[0]):]
            zout.writestr(name, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def installed_entries(target: Path) -> list[str]:
    return sorted(p.name for p in target.iterdir()) if target.exists() else []


def test_default_dirs_follow_environment(model_env, monkeypatch) -> None:  # noqa: F811
    assert packages.argos_packages_dir() == model_env["argos"]
    assert packages.toolkit_models_dir() == model_env["models"]
    monkeypatch.delenv("ARGOS_PACKAGES_DIR")
    monkeypatch.delenv("TOOLKIT_MODELS_DIR")
    assert packages.argos_packages_dir() == model_env["data"] / "argos-translate" / "packages"
    assert packages.toolkit_models_dir() == model_env["data"] / "toolkit" / "models"
    monkeypatch.delenv("XDG_DATA_HOME")
    share = model_env["home"] / ".local" / "share"
    assert packages.argos_packages_dir() == share / "argos-translate" / "packages"
    assert packages.toolkit_models_dir() == share / "toolkit" / "models"


def test_verify_and_install(model_env, tiny_archives) -> None:  # noqa: F811
    info = packages.verify_archive(tiny_archives["fr-en"])
    assert info.top == "translate-fr_en-0_1"
    assert info.metadata["from_code"] == "fr"
    pkg = packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    assert pkg.path == model_env["models"] / "translate-fr_en-0_1"
    assert (pkg.from_code, pkg.to_code, pkg.version) == ("fr", "en", "0.1")
    assert installed_entries(model_env["models"]) == ["translate-fr_en-0_1"]
    digest = hashlib.sha256((pkg.path / "model" / "model.bin").read_bytes()).hexdigest()
    assert pkg.sha256() == digest
    assert pkg.size() > (pkg.path / "model" / "model.bin").stat().st_size


def test_reinstall_replaces(model_env, tiny_archives) -> None:  # noqa: F811
    first = packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    (first.path / "stale.txt").write_text("left from the old version")
    again = packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    assert not (again.path / "stale.txt").exists()
    assert installed_entries(model_env["models"]) == ["translate-fr_en-0_1"]


def test_discover_skips_broken_folders(model_env, tiny_archives) -> None:  # noqa: F811
    packages.install_archive(tiny_archives["fr-en"], model_env["argos"])
    packages.install_archive(tiny_archives["en-es"], model_env["models"])
    (model_env["models"] / "half-copied").mkdir()
    (model_env["models"] / "half-copied" / "metadata.json").write_text("{")
    found = packages.discover()
    assert [(p.from_code, p.to_code) for p in found] == [("en", "es"), ("fr", "en")]


BAD_CASES = {
    "not-a-zip": "not a valid",
    "truncated": "not a valid",
    "corrupt-member": "corrupt",
    "no-metadata": "metadata.json",
    "bad-metadata-json": "not valid JSON",
    "metadata-without-codes": "from_code",
    "no-model-dir": "model/model.bin",
    "no-sentencepiece": "sentencepiece",
    "two-top-dirs": "one top-level directory",
    "unsafe-name": "unsafe member",
    "empty-zip": "one top-level directory",
}


def make_bad(kind: str, good: Path, out: Path) -> Path:
    top = "translate-fr_en-0_1"
    dst = out / f"{kind}.argosmodel"
    if kind == "not-a-zip":
        dst.write_text("this is plain text, not an archive\n")
    elif kind == "truncated":
        data = good.read_bytes()
        dst.write_bytes(data[: len(data) // 2])
    elif kind == "corrupt-member":
        data = bytearray(good.read_bytes())
        with zipfile.ZipFile(good) as zf:
            info = zf.getinfo(f"{top}/model/model.bin")
        # Flip bytes inside the compressed data so only the CRC check notices.
        start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 100
        for i in range(start, start + 64):
            data[i] ^= 0xFF
        dst.write_bytes(bytes(data))
    elif kind == "no-metadata":
        rezip(good, dst, drop=f"{top}/metadata.json")
    elif kind == "bad-metadata-json":
        rezip(good, dst, replace={f"{top}/metadata.json": b"{not json"})
    elif kind == "metadata-without-codes":
        rezip(good, dst, replace={f"{top}/metadata.json": json.dumps({"to_code": "en"}).encode()})
    elif kind == "no-model-dir":
        rezip(good, dst, drop=f"{top}/model/")
    elif kind == "no-sentencepiece":
        rezip(good, dst, drop=f"{top}/sentencepiece.model")
    elif kind == "two-top-dirs":
        rezip(good, dst, extra={"other/README.md": b"x"})
    elif kind == "unsafe-name":
        rezip(good, dst, extra={f"{top}/../../escape.txt": b"x"})
    elif kind == "empty-zip":
        zipfile.ZipFile(dst, "w").close()
    return dst


@pytest.mark.parametrize("kind", sorted(BAD_CASES))
def test_bad_archives_install_nothing(kind, model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    bad = make_bad(kind, tiny_archives["fr-en"], tmp_path)
    target = model_env["models"]
    with pytest.raises(ModelError) as err:
        packages.install_archive(bad, target)
    assert err.value.path == str(bad)
    assert str(bad) in str(err.value)
    assert BAD_CASES[kind] in str(err.value)
    assert installed_entries(target) == []
    assert not (tmp_path / "escape.txt").exists()


def test_invalid_sentencepiece_caught_after_extraction(model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    top = "translate-fr_en-0_1"
    bad = rezip(tiny_archives["fr-en"], tmp_path / "badspm.argosmodel",
                replace={f"{top}/sentencepiece.model": b"garbage"})
    with pytest.raises(ModelError, match="SentencePiece"):
        packages.install_archive(bad, model_env["models"])
    # The temporary extraction directory is cleaned up; nothing is installed.
    assert installed_entries(model_env["models"]) == []


def test_missing_archive(model_env, tmp_path) -> None:  # noqa: F811
    with pytest.raises(ModelError, match="no such model archive"):
        packages.install_archive(tmp_path / "nope.argosmodel", model_env["models"])


def test_remove_by_name_and_pair(model_env, tiny_archives) -> None:  # noqa: F811
    packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    packages.install_archive(tiny_archives["en-es"], model_env["models"])
    assert packages.remove("translate-fr_en-0_1") == model_env["models"] / "translate-fr_en-0_1"
    assert packages.remove("en-es") == model_env["models"] / "translate-en_es-0_1"
    assert installed_entries(model_env["models"]) == []
    with pytest.raises(ModelError, match="no installed package"):
        packages.remove("fr-en")


def test_install_from_index_offline_is_clear(model_env, block_network) -> None:  # noqa: F811
    said = []
    with pytest.raises(ModelError) as err:
        packages.install_from_index("fr", "en", model_env["models"], announce=said.append)
    assert said and "network" in said[0]
    assert "index" in str(err.value) or "fetch" in str(err.value)
    assert installed_entries(model_env["models"]) == []
