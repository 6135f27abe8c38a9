"""Model archives within bounds: zip bombs, lying zip directories, bad metadata, garbage models."""

from __future__ import annotations

import json
import struct
import time
import zipfile
from pathlib import Path

import pytest
from test_argos_packages import installed_entries, rezip
from tinymodel import model_env, tiny_archives  # noqa: F401

from toolkit.engines import archive, packages
from toolkit.errors import ModelError

TOP = "translate-fr_en-0_1"


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _bomb(good: Path, dst: Path, megabytes: int = 64) -> Path:
    """The tiny package plus a member of zeros that deflates about 1000 to 1."""
    rezip(good, dst)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(f"{TOP}/model/padding.bin", "w", force_zip64=True) as fp:
            block = bytes(2**20)
            for _ in range(megabytes):
                fp.write(block)
    return dst


def test_zip_bomb_refused_fast_with_bounded_disk(model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    bomb = _bomb(tiny_archives["fr-en"], tmp_path / "bomb.argosmodel")
    assert bomb.stat().st_size < 2 * 2**20
    target = model_env["models"]
    start = time.perf_counter()
    with pytest.raises(ModelError, match="zip bomb"):
        packages.install_archive(bomb, target)
    assert time.perf_counter() - start < 1.0
    assert installed_entries(target) == [] and _du(target) == 0


def test_total_size_bound(model_env, tiny_archives, tmp_path, monkeypatch) -> None:  # noqa: F811
    # A bound well below the tiny package stands for a 10 GB archive of honest members.
    monkeypatch.setattr(archive, "MAX_UNPACKED", 1000)
    with pytest.raises(ModelError, match="would unpack to"):
        packages.install_archive(tiny_archives["fr-en"], model_env["models"])


def test_file_count_bound(model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    many = {f"{TOP}/junk/{i}.txt": b"" for i in range(packages.MAX_MEMBERS + 1)}
    bad = rezip(tiny_archives["fr-en"], tmp_path / "many.argosmodel", extra=many)
    with pytest.raises(ModelError, match="files"):
        packages.install_archive(bad, model_env["models"])
    assert installed_entries(model_env["models"]) == []


def _lie_about_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size of ``member`` in its local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_lying_zip_directory_is_caught(model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    dst = tmp_path / "liar.argosmodel"
    rezip(tiny_archives["fr-en"], dst)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{TOP}/model/padding.bin", bytes(16 * 2**20))
    _lie_about_size(dst, f"{TOP}/model/padding.bin", 1000)
    start = time.perf_counter()
    with pytest.raises(ModelError):
        packages.install_archive(dst, model_env["models"])
    assert time.perf_counter() - start < 2.0
    assert installed_entries(model_env["models"]) == [] and _du(model_env["models"]) < 2**20


@pytest.mark.parametrize(("meta", "message"), [
    ({"from_code": "../../x", "to_code": "en"}, "not a language code"),
    ({"from_code": ["fr"], "to_code": "en"}, "not a language code"),
    ({"from_code": "fr", "to_code": "en", "package_version": {"x": 1}}, "short line"),
    ({"from_code": "fr", "to_code": "en", "name": "a\nb"}, "short line"),
    ({"from_code": "fr", "to_code": "en", "type": "exploit"}, "package type"),
])
def test_invalid_metadata_refused(meta, message, model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    bad = rezip(tiny_archives["fr-en"], tmp_path / "meta.argosmodel",
                replace={f"{TOP}/metadata.json": json.dumps(meta).encode()})
    with pytest.raises(ModelError, match=message):
        packages.install_archive(bad, model_env["models"])
    assert installed_entries(model_env["models"]) == []


def test_garbage_model_refused_before_install(model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    pytest.importorskip("ctranslate2")
    bad = rezip(tiny_archives["fr-en"], tmp_path / "garbage.argosmodel",
                replace={f"{TOP}/model/model.bin": b"not a model at all" * 100})
    with pytest.raises(ModelError, match="cannot be loaded"):
        packages.install_archive(bad, model_env["models"])
    assert installed_entries(model_env["models"]) == []


def test_good_package_still_installs(model_env, tiny_archives) -> None:  # noqa: F811
    pkg = packages.install_archive(tiny_archives["fr-en"], model_env["models"])
    assert pkg.pair == "fr-en"
