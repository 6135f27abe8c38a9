"""Bad input gets a one-line error naming the file, a non-zero exit, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, needs_apertium
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import InputError
from toolkit.ingest import load
from toolkit.ingest.decode import decode_bytes

CASES = ROOT / "tests" / "cases" / "input"
runner = CliRunner()


def _run(args: list[str], out: Path):
    result = runner.invoke(app, ["translate", *args, "--out", str(out), "--no-glossary"])
    return result


def _assert_failed_clean(result, out: Path, *needles: str) -> None:
    assert result.exit_code not in (0, None), result.output
    assert not out.exists() or not any(out.rglob("*.*")), "something was written"
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    _assert_failed_clean(_run([str(missing)], tmp_path / "o"), tmp_path / "o", "nope.txt",
                         "no such file")


def test_directory(tmp_path: Path) -> None:
    _assert_failed_clean(_run([str(tmp_path)], tmp_path / "o"), tmp_path / "o", "directory")


@pytest.mark.parametrize("name,needle", [("bad.binary.txt", "binary"), ("bad.empty.txt", "empty")])
def test_binary_and_empty(tmp_path: Path, name: str, needle: str) -> None:
    _assert_failed_clean(_run([str(CASES / name)], tmp_path / "o"), tmp_path / "o", name, needle)


@needs_apertium
def test_one_bad_file_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    result = _run([str(SEEDS[0]), str(CASES / "bad.empty.txt")], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "bad.empty.txt")


def test_unknown_language_lists_supported(tmp_path: Path) -> None:
    result = _run([str(SEEDS[0]), "--to", "xx"], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "'xx'", "supported:", "en")


@needs_apertium
def test_unavailable_pair_lists_available(tmp_path: Path) -> None:
    result = _run([str(SEEDS[0]), "--to", "de"], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "fr→de", "available pairs", "fr→en")


def test_apertium_not_installed_prints_apt_command(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = _run([str(SEEDS[0])], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "apt-get install apertium")


@needs_apertium
def test_latin1_file_is_decoded_with_a_warning(tmp_path: Path) -> None:
    result = _run([str(CASES / "latin1-release.txt"), "--to", "es"], tmp_path / "o")
    assert result.exit_code == 0, result.output
    assert "windows-1252" in result.output and "latin1-release.txt" in result.output
    po = (tmp_path / "o" / "es" / "latin1-release.po").read_text("utf-8")
    assert "L’OIM a aidé 120 migrants." in po


def test_decoder_names_encodings() -> None:
    assert decode_bytes("é".encode()).encoding == "utf-8"
    assert decode_bytes("\ufeffé".encode()).text == "é"
    assert decode_bytes("élan".encode("cp1252")).encoding == "windows-1252"
    assert decode_bytes("Ça".encode("utf-16")).text == "Ça"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02abc")


def test_load_errors_carry_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load(tmp_path / "absent.txt")
    assert info.value.path and info.value.path.endswith("absent.txt")


def test_two_releases_with_one_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "rel.txt").write_text("Titre\nUne phrase du corps.\n", "utf-8")
    result = _run([str(tmp_path / "a" / "rel.txt"), str(tmp_path / "b" / "rel.txt"),
                   "--engine", "pseudo"], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "two releases named 'rel'")
