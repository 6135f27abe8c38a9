"""Bad input gets a one-line error naming the file, a non-zero exit, and nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest
from conftest import ROOT, SEEDS, needs_apertium
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.errors import InputError
from toolkit.ingest import load
from toolkit.ingest.decode import MAX_RELEASE_BYTES, decode_bytes
from toolkit.streamrun import STREAM_CHARS
from toolkit.xmlutil import MAX_BYTES

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
    assert result.exit_code == 4  # the README's code for an unknown or unavailable pair


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


def test_damaged_utf8_is_refused_with_byte_offsets(tmp_path: Path) -> None:
    good = (ROOT / "examples" / "communique-retour-volontaire.txt").read_bytes()
    at = good.index(b"Le programme")
    bad = tmp_path / "abime.txt"
    bad.write_bytes(good[:at] + b"\xff" + good[at:at + 40] + b"\xc3(" + good[at + 40:])
    result = _run([str(bad), "--to", "es"], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "abime.txt", "damaged UTF-8",
                         f"byte {at} (line", f"byte {at + 41} (line")
    assert result.exit_code == 3
    # the same bytes with no UTF-8 sequence at all are a legacy file: read, with a warning
    legacy = good.decode("utf-8").encode("cp1252", errors="replace")
    assert decode_bytes(legacy).encoding == "windows-1252"


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")  # and this would fill the memory
    for path in (fifo, link):
        result = _run([str(path), "--to", "es"], tmp_path / "o")
        _assert_failed_clean(result, tmp_path / "o", path.name, "not a regular file")


def test_a_release_over_the_size_limit_is_refused_before_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "archive.txt"
    line = "Le programme prévoit une aide de 1 500 euros par personne.\n".encode()
    big.write_bytes(line * (MAX_RELEASE_BYTES // len(line) + 2))
    result = _run([str(big), "--to", "es"], tmp_path / "o")
    _assert_failed_clean(result, tmp_path / "o", "archive.txt", "larger than 64 MiB")


def test_catalogues_of_a_release_at_the_limit_stay_readable(tmp_path: Path) -> None:
    """What the toolkit writes it can read again: the catalogues of the largest release
    accepted stay under the XML reader's bound, measured on catalogues written here."""
    release = tmp_path / "grand.txt"
    seeds = "\n\n".join(p.read_text("utf-8") for p in SEEDS)
    release.write_text("\n\n".join(seeds.replace(".", f" ({i}).") for i in range(2)), "utf-8")
    result = runner.invoke(app, ["translate", str(release), "--to", "en", "--engine", "pseudo",
                                 "--out", str(tmp_path / "o"), "--format", "po", "--format",
                                 "xliff", "--format", "xliff2", "--quiet"])
    assert result.exit_code == 0, result.output
    written = {p.suffix: p.stat().st_size / release.stat().st_size
               for p in (tmp_path / "o" / "en").iterdir()}
    assert len(written) == 3
    # PO and XLIFF 1.2 are written for releases up to the limit; XLIFF 2.1 (the largest) only
    # for releases the whole-release path takes, of at most STREAM_CHARS characters.
    ratio = max(written[".po"], written[".xlf"])
    assert 3 < ratio and MAX_RELEASE_BYTES * ratio * 1.5 < MAX_BYTES, written
    assert STREAM_CHARS * 4 * written[".xliff"] * 1.5 < MAX_BYTES, written


def test_one_file_named_twice_is_one_release(tmp_path: Path) -> None:
    release = tmp_path / "communique.txt"
    release.write_bytes(SEEDS[0].read_bytes())
    once = runner.invoke(app, ["translate", str(release), "--to", "es", "--engine", "pseudo",
                               "--out", str(tmp_path / "a"), "--quiet"])
    assert once.exit_code == 0, once.output
    spellings = [str(release), str(tmp_path / "." / "communique.txt"),
                 os.path.relpath(release)]
    twice = runner.invoke(app, ["translate", *spellings, "--to", "es", "--engine", "pseudo",
                                "--out", str(tmp_path / "b"), "--quiet"])
    assert twice.exit_code == 0, twice.output
    a = (tmp_path / "a" / "es" / "communique.po").read_text("utf-8")
    b = (tmp_path / "b" / "es" / "communique.po").read_text("utf-8")
    assert a.count("msgid ") == b.count("msgid ") > 10
    assert "#~" not in b  # nothing made obsolete by a second copy of the same file


def test_decomposed_release_has_the_same_units_as_composed(tmp_path: Path) -> None:
    import unicodedata

    text = SEEDS[0].read_text("utf-8")
    outs = []
    for form in ("NFC", "NFD"):
        release = tmp_path / form / "communique.txt"
        release.parent.mkdir()
        release.write_text(unicodedata.normalize(form, text), encoding="utf-8")
        result = runner.invoke(app, ["translate", str(release), "--to", "es", "--engine",
                                     "pseudo", "--out", str(tmp_path / form / "o"), "--quiet"])
        assert result.exit_code == 0, result.output
        outs.append(load(release))
    assert [b.text for b in outs[0].blocks] == [b.text for b in outs[1].blocks]
    assert "é" in outs[1].blocks[0].text or any("é" in b.text for b in outs[1].blocks)


def test_control_characters_are_dropped_once_so_every_format_agrees(tmp_path: Path) -> None:
    """A BEL or a NUL past the binary sniff used to stay in PO and vanish from XLIFF, and
    the unchanged PO then failed to import ("source text differs")."""
    body = b"\n\n".join([p.read_bytes() for p in SEEDS] * 2)
    release = tmp_path / "communique.txt"
    at = body.index(b"\n", 8300)  # past the 8 KB the binary sniff reads
    release.write_bytes(body[:at] + b" Fin\x07 de\x00 ligne\x0b." + body[at:])
    out = tmp_path / "o"
    result = runner.invoke(app, ["translate", str(release), "--to", "es", "--engine", "pseudo",
                                 "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    po = out / "es" / "communique.po"
    assert any("Fin de ligne." in e.msgid for e in polib.pofile(str(po)))
    assert "\x07" not in po.read_text("utf-8") and "\x00" not in po.read_text("utf-8")
    copy = tmp_path / "relu.po"
    copy.write_bytes(po.read_bytes())
    result = runner.invoke(app, ["import", str(copy), "--out", str(out), "--no-memory"])
    assert result.exit_code == 0, result.output
