"""`toolkit import`: reviewed PO/XLIFF files back into the output tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from conftest import SEEDS
from lxml import etree
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.errors import ConflictError, ParseError
from toolkit.formats.po import unit_id
from toolkit.model import Origin, State
from toolkit.review import import_many, import_reviewed

runner = CliRunner()
NS12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, str]:
    """A release translated with the pseudo engine into tmp_path/out/en."""
    release = tmp_path / "communique.txt"
    shutil.copy(SEEDS[0], release)
    out = tmp_path / "out"
    result = runner.invoke(app, ["translate", str(release), "--to", "en", "--engine", "pseudo",
                                 "--no-glossary", "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, "communique"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def review_po(path: Path, *, edit: int, confirm: int) -> tuple[str, str]:
    """Act like Poedit: change one msgstr, drop ``#, fuzzy`` on another; return their ids."""
    po = polib.pofile(str(path), wrapwidth=0)
    entries = [e for e in po if not e.obsolete]
    entries[edit].msgstr = "A human translation."
    entries[edit].flags.remove("fuzzy")
    entries[confirm].flags.remove("fuzzy")
    entries[confirm].previous_msgid = None
    po.save(str(path))
    return unit_id(entries[edit]), unit_id(entries[confirm])


def test_po_review_in_place(tree: tuple[Path, str]) -> None:
    out, name = tree
    po_path = out / "en" / f"{name}.po"
    total = len(formats.read_file(po_path).segments)
    edited, confirmed = review_po(po_path, edit=1, confirm=2)
    seen = []
    res = import_reviewed(po_path, out, hooks=[seen.append])
    assert res.compared == (out / "en" / f"{name}.xlf",)  # every other copy, not itself
    assert (res.edited, res.confirmed) == ((edited,), (confirmed,))
    assert res.draft == total - 2
    assert "1 edited, 1 confirmed" in res.summary()
    assert {s.id for s in res.approved} == {edited, confirmed}
    assert seen == [res]
    for path in (po_path, out / "en" / f"{name}.xlf"):
        units = {s.id: s for s in formats.read_file(path).segments}
        assert units[edited].target == "A human translation."
        assert (units[edited].origin, units[edited].state) == (Origin.HUMAN, State.TRANSLATED)
        assert (units[confirmed].origin, units[confirmed].state) == (Origin.HUMAN,
                                                                     State.TRANSLATED)
        assert units[confirmed].notes  # the toolkit's provenance notes survive
        drafts = [s for s in units.values() if s.id not in (edited, confirmed)]
        assert {(s.origin, s.state) for s in drafts} == {(Origin.MT, State.DRAFT)}


def test_xliff_review_copy_like_omegat(tree: tuple[Path, str], tmp_path: Path) -> None:
    out, name = tree
    copy = tmp_path / "from-reviewer.xlf"
    shutil.copy(out / "en" / f"{name}.xlf", copy)
    root = etree.parse(str(copy))
    units = root.findall(".//x:trans-unit", NS12)
    units[0].find("x:target", NS12).set("state", "signed-off")  # reviewed as is
    target = units[3].find("x:target", NS12)
    target.text, target.attrib["state"] = "Edited in OmegaT.", "translated"
    etree.SubElement(units[3], f"{{{NS12['x']}}}note").text = "reworded the title"
    root.write(str(copy), xml_declaration=True, encoding="UTF-8")
    res = import_reviewed(copy, out)
    assert res.compared == (out / "en" / f"{name}.po", out / "en" / f"{name}.xlf")
    assert res.confirmed == (units[0].get("id"),) and res.edited == (units[3].get("id"),)
    back = {s.id: s for s in formats.read_file(out / "en" / f"{name}.po").segments}
    assert back[units[0].get("id")].state == State.REVIEWED
    assert back[units[3].get("id")].comments == ("reworded the title",)
    assert back[units[3].get("id")].origin == Origin.HUMAN


def test_xliff2_copy_is_kept_in_step(tmp_path: Path) -> None:
    release = tmp_path / "r.txt"
    release.write_text("Bonjour le monde. Merci beaucoup.\n", encoding="utf-8")
    out = tmp_path / "out"
    runner.invoke(app, ["translate", str(release), "--to", "es", "--engine", "pseudo",
                        "--no-glossary", "--out", str(out), "--quiet", "--format", "po",
                        "--format", "xliff", "--format", "xliff2"])
    data = (out / "es" / "r.xliff").read_bytes().replace(
        b'state="initial" subState="toolkit:draft"', b'state="translated"', 1)
    reviewed = tmp_path / "r.xliff"
    reviewed.write_bytes(data)
    res = import_reviewed(reviewed, out)
    assert len(res.confirmed) == 1
    assert out / "es" / "r.xliff" in res.written
    assert formats.read_file(out / "es" / "r.xliff") == formats.read_file(out / "es" / "r.po")


def test_cli_import_prints_summary(tree: tuple[Path, str]) -> None:
    out, name = tree
    review_po(out / "en" / f"{name}.po", edit=0, confirm=4)
    result = runner.invoke(app, ["import", str(out / "en" / f"{name}.po"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 edited, 1 confirmed" in result.output and "still draft" in result.output


def test_cli_import_takes_catalogues_dir(tree: tuple[Path, str], tmp_path: Path) -> None:
    out, name = tree
    copy = tmp_path / f"{name}.po"  # a reviewed copy outside the tree: the tree is named
    copy.write_bytes((out / "en" / f"{name}.po").read_bytes())
    review_po(copy, edit=0, confirm=4)
    result = runner.invoke(app, ["import", str(copy), "--catalogues", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 edited, 1 confirmed" in result.output


def _bad_copy(tree: tuple[Path, str], tmp_path: Path, old: bytes, new: bytes,
              suffix: str = ".po") -> Path:
    out, name = tree
    data = (out / "en" / f"{name}{suffix}").read_bytes()
    assert old in data
    path = tmp_path / f"reviewed{suffix}"
    path.write_bytes(data.replace(old, new, 1))
    return path


def test_unit_from_another_release_is_refused(tree, tmp_path: Path) -> None:
    out, _ = tree
    bad = _bad_copy(tree, tmp_path, b"toolkit-unit=communique%3Ab", b"toolkit-unit=autre%3Ab")
    before = _snapshot(out)
    with pytest.raises(ConflictError) as err:
        import_reviewed(bad, out)
    assert err.value.path == str(bad) and err.value.line and "does not belong" in str(err.value)
    assert _snapshot(out) == before


def test_edited_source_is_refused(tree, tmp_path: Path) -> None:
    out, _ = tree
    bad = _bad_copy(tree, tmp_path, b"<source>", b"<source>Edited ", suffix=".xlf")
    with pytest.raises(ConflictError, match="source text") as err:
        import_reviewed(bad, out)
    assert err.value.line


def test_wrong_target_language_is_refused(tree, tmp_path: Path) -> None:
    out, _ = tree
    bad = _bad_copy(tree, tmp_path, b'"Language: en\\n"', b'"Language: es\\n"')
    with pytest.raises(ConflictError, match="no catalogue") as err:
        import_reviewed(bad, out)
    assert "en" in (err.value.hint or "")


def test_wrong_source_language_is_refused(tree, tmp_path: Path) -> None:
    out, _ = tree
    bad = _bad_copy(tree, tmp_path, b'source-language="fr"', b'source-language="de"', ".xlf")
    with pytest.raises(ConflictError, match="source language"):
        import_reviewed(bad, out)


def test_duplicate_ids_are_a_parse_error(tree, tmp_path: Path) -> None:
    out, name = tree
    po = (out / "en" / f"{name}.po").read_text(encoding="utf-8")
    first = po.index("\n\n", po.index("toolkit-unit=")) + 2
    entry_start = po.rindex("\n\n", 0, po.index("toolkit-unit=")) + 2
    bad = tmp_path / "dup.po"
    bad.write_text(po[:first] + po[entry_start:first] + po[first:], encoding="utf-8")
    with pytest.raises(ParseError, match="duplicate") as err:
        import_reviewed(bad, out)
    assert err.value.line and err.value.path == str(bad)


def test_one_bad_file_means_nothing_is_written(tree, tmp_path: Path) -> None:
    out, name = tree
    good = tmp_path / "good.po"
    shutil.copy(out / "en" / f"{name}.po", good)
    review_po(good, edit=0, confirm=1)
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    before = _snapshot(out)
    with pytest.raises(ParseError) as err:
        import_many([good, bad], out)
    assert err.value.path == str(bad)
    assert _snapshot(out) == before
    result = runner.invoke(app, ["import", str(good), str(bad), "--out", str(out)])
    assert result.exit_code == 3 and "bad.po" in result.output
    assert _snapshot(out) == before
