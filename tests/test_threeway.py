"""Three-way merges on real files: import (base, current, reviewed) and copies of one release."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import polib
import pytest
from lxml import etree
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.errors import ConflictError
from toolkit.formats.states import fingerprint
from toolkit.memory import Memory
from toolkit.model import Origin, State
from toolkit.review import import_reviewed

runner = CliRunner()
NS12 = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
RELEASE = ("Titre du communiqué\n\n"
           "Genève, le 3 mars 2025. L'OIM aide les migrants. Le programme continue.\n\n"
           "Contact : presse@iom.int\n")


def _translate(release: Path, out: Path, *extra: str) -> None:
    result = runner.invoke(app, ["translate", str(release), "--to", "en", "--engine", "pseudo",
                                 "--no-glossary", "--out", str(out), "--quiet", *extra])
    assert result.exit_code == 0, result.output


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    release = tmp_path / "rel.txt"
    release.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    _translate(release, out)
    return out


def _units(path: Path) -> dict[str, object]:
    return {s.id: s for s in formats.read_file(path).segments}


def _ids(out: Path) -> list[str]:
    return [s.id for s in formats.read_file(out / "en" / "rel.po").segments]


def edit_po(path: Path, edits: dict[int, str]) -> None:
    """What Poedit does on an edit: new msgstr, ``#, fuzzy`` gone; the header is kept."""
    po = polib.pofile(str(path), wrapwidth=0)
    entries = [e for e in po if not e.obsolete]
    for n, text in edits.items():
        entries[n].msgstr = text
        if "fuzzy" in entries[n].flags:
            entries[n].flags.remove("fuzzy")
    po.save(str(path))


def edit_xlf(path: Path, edits: dict[int, str], state: str | None = "translated") -> None:
    """Change targets as an XLIFF editor does; ``state=None`` leaves the state (OmegaT)."""
    root = etree.parse(str(path))
    units = root.findall(".//x:body/x:trans-unit", NS12)
    for n, text in edits.items():
        target = units[n].find("x:target", NS12)
        target.text = text
        if state:
            target.set("state", state)
    root.write(str(path), xml_declaration=True, encoding="UTF-8")


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".toolkit" not in p.parts}


# --- the base travels in every format ------------------------------------------------

@pytest.mark.parametrize("fmt", ["po", "xliff", "xliff2"])
def test_every_unit_records_what_the_toolkit_wrote(fmt: str, tree: Path) -> None:
    cat = formats.read_file(tree / "en" / "rel.po")
    states = list(State)
    units = [replace(s, state=states[i % len(states)]) for i, s in enumerate(cat.segments)]
    units = [replace(s, target="") if s.state == State.UNTRANSLATED else s for s in units]
    cat = replace(cat, segments=tuple(units))
    buf = io.BytesIO()
    formats.get(fmt).write(cat, buf, now=_now(), tool="toolkit 1")
    back = formats.get(fmt).read(io.BytesIO(buf.getvalue()))
    for seg in back.segments:
        assert seg.base and seg.base == fingerprint(seg.target, seg.state), (fmt, seg.id)


def _now():
    from datetime import UTC, datetime
    return datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_po_with_base_header_passes_msgfmt_and_msgmerge(tree: Path, tmp_path: Path) -> None:
    po = tree / "en" / "rel.po"
    subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], check=True)
    merged = tmp_path / "merged.po"
    subprocess.run(["msgmerge", "--quiet", "-o", str(merged), str(po), str(po)], check=True)
    # gettext keeps the header field, so the bases survive a msgmerge.
    assert [s.base for s in formats.read_file(merged).segments] == \
        [s.base for s in formats.read_file(po).segments]


# --- import: stale copies, two reviewers, --prefer -----------------------------------

def test_stale_copy_imported_after_a_newer_one_reverts_nothing(tree: Path, tmp_path: Path) -> None:
    po = tree / "en" / "rel.po"
    stale, newer = tmp_path / "stale.po", tmp_path / "a.po"
    shutil.copy(po, stale)
    shutil.copy(po, newer)
    edit_po(newer, {0: "Title by translator A."})
    import_reviewed(newer, tree)
    edit_po(stale, {2: "Other sentence fixed."})  # an untouched title, one new edit
    result = runner.invoke(app, ["import", str(stale), "--out", str(tree)])
    assert result.exit_code == 0, result.output
    assert "older than the catalogue" in result.output
    ids = _ids(tree)
    for copy in ("rel.po", "rel.xlf"):
        units = _units(tree / "en" / copy)
        assert units[ids[0]].target == "Title by translator A."
        assert units[ids[2]].target == "Other sentence fixed."
        assert units[ids[2]].origin == Origin.HUMAN


def test_two_reviewers_on_different_units_both_count(tree: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.po", tmp_path / "b.xlf"
    shutil.copy(tree / "en" / "rel.po", a)
    shutil.copy(tree / "en" / "rel.xlf", b)
    edit_po(a, {0: "Title by A."})
    edit_xlf(b, {1: "Dateline by B."})
    for path in (a, b):
        result = runner.invoke(app, ["import", str(path), "--out", str(tree)])
        assert result.exit_code == 0, result.output
    ids = _ids(tree)
    units = _units(tree / "en" / "rel.xlf")
    assert (units[ids[0]].target, units[ids[1]].target) == ("Title by A.", "Dateline by B.")


def test_two_reviewers_on_one_unit_conflict_until_told(tree: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.po", tmp_path / "b.po"
    shutil.copy(tree / "en" / "rel.po", a)
    shutil.copy(tree / "en" / "rel.po", b)
    edit_po(a, {0: "Title by A.", 3: "Only A touched this."})
    edit_po(b, {0: "Title by B.", 2: "Only B touched this."})
    assert runner.invoke(app, ["import", str(a), "--out", str(tree)]).exit_code == 0
    before = _snapshot(tree)
    result = runner.invoke(app, ["import", str(b), "--out", str(tree)])
    ids = _ids(tree)
    assert result.exit_code == 6
    assert ids[0] in result.output and "Title by A." in result.output \
        and "Title by B." in result.output and "--prefer" in result.output
    assert ids[2] not in result.output  # only the real conflict is listed
    assert _snapshot(tree) == before  # nothing written
    result = runner.invoke(app, ["import", str(b), "--out", str(tree), "--prefer", "current"])
    assert result.exit_code == 0, result.output
    units = _units(tree / "en" / "rel.po")
    assert [units[ids[i]].target for i in (0, 2, 3)] == [
        "Title by A.", "Only B touched this.", "Only A touched this."]
    result = runner.invoke(app, ["import", str(b), "--out", str(tree), "--prefer", "reviewed"])
    assert result.exit_code == 0, result.output
    assert _units(tree / "en" / "rel.xlf")[ids[0]].target == "Title by B."


def test_two_reviewed_files_of_one_release_in_one_run(tree: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.po", tmp_path / "b.xlf"
    shutil.copy(tree / "en" / "rel.po", a)
    shutil.copy(tree / "en" / "rel.xlf", b)
    edit_po(a, {0: "Title by A."})
    edit_xlf(b, {0: "Title by B.", 1: "Dateline by B."})
    before = _snapshot(tree)
    assert runner.invoke(app, ["import", str(a), str(b), "--out", str(tree)]).exit_code == 6
    assert _snapshot(tree) == before
    edit_xlf(b, {0: "Title by A."})
    result = runner.invoke(app, ["import", str(a), str(b), "--out", str(tree)])
    assert result.exit_code == 0, result.output
    units, ids = _units(tree / "en" / "rel.po"), _ids(tree)
    assert (units[ids[0]].target, units[ids[1]].target) == ("Title by A.", "Dateline by B.")


def test_xliff2_review_is_merged_three_ways(tmp_path: Path) -> None:
    release = tmp_path / "rel.txt"
    release.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    _translate(release, out, "--format", "po", "--format", "xliff2")
    stale = tmp_path / "stale.xliff"
    shutil.copy(out / "en" / "rel.xliff", stale)
    edit_po(out / "en" / "rel.po", {0: "Edited in place."})
    assert runner.invoke(app, ["import", str(out / "en" / "rel.po")]).exit_code == 0
    result = runner.invoke(app, ["import", str(stale), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _units(out / "en" / "rel.xliff")[_ids(out)[0]].target == "Edited in place."


def test_reviewed_file_inside_the_tree_needs_no_out(tree: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no ./locales here
    po = tree / "en" / "rel.po"
    edit_po(po, {1: "Edited in Poedit."})
    result = runner.invoke(app, ["import", str(po)])
    assert result.exit_code == 0, result.output
    assert "1 edited" in result.output and str(tree / "en" / "rel.xlf") in result.output
    assert _units(tree / "en" / "rel.xlf")[_ids(tree)[1]].target == "Edited in Poedit."
    assert (tree / ".toolkit" / "memory.sqlite").is_file()


# --- edits that keep the machine-draft marker (OmegaT) --------------------------------

def test_edit_that_keeps_the_draft_state_is_a_human_translation(tree: Path,
                                                                tmp_path: Path) -> None:
    copy = tmp_path / "omegat.xlf"
    shutil.copy(tree / "en" / "rel.xlf", copy)
    edit_xlf(copy, {1: "Typed in OmegaT."}, state=None)  # still needs-review-translation
    assert 'state="needs-review-translation"' in copy.read_text("utf-8")
    res = import_reviewed(copy, tree)
    uid = _ids(tree)[1]
    assert res.edited == (uid,)
    unit = _units(tree / "en" / "rel.po")[uid]
    assert (unit.target, unit.origin, unit.state) == ("Typed in OmegaT.", Origin.HUMAN,
                                                      State.TRANSLATED)
    assert uid in {s.id for s in res.approved}  # goes into the memory
    result = runner.invoke(app, ["import", str(copy), "--out", str(tree)])
    assert result.exit_code == 0
    mem = Memory(tree / ".toolkit" / "memory.sqlite")
    assert any(m.unit.target == "Typed in OmegaT." for m in
               mem.lookup(unit.source, "fr", "en", limit=1))
    # and a later run keeps it
    _translate(tree.parent / "rel.txt", tree)
    assert _units(tree / "en" / "rel.xlf")[uid].target == "Typed in OmegaT."


def test_in_place_edit_that_keeps_the_draft_state_survives_translate(tree: Path) -> None:
    edit_xlf(tree / "en" / "rel.xlf", {2: "Edited in place, still a draft."}, state=None)
    _translate(tree.parent / "rel.txt", tree)
    uid = _ids(tree)[2]
    for copy in ("rel.po", "rel.xlf"):
        unit = _units(tree / "en" / copy)[uid]
        assert (unit.target, unit.origin, unit.state) == (
            "Edited in place, still a draft.", Origin.HUMAN, State.TRANSLATED)


# --- copies of one release in the tree (issue 16) -------------------------------------

def test_touching_the_xlf_after_editing_the_po_keeps_the_po_edit(tree: Path) -> None:
    po, xlf = tree / "en" / "rel.po", tree / "en" / "rel.xlf"
    edit_po(po, {0: "Reviewed title, saved in place."})
    st = po.stat()
    os.utime(xlf, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # `touch rel.xlf`
    _translate(tree.parent / "rel.txt", tree)
    uid = _ids(tree)[0]
    for copy in (po, xlf):
        unit = _units(copy)[uid]
        assert (unit.target, unit.origin) == ("Reviewed title, saved in place.", Origin.HUMAN)
    status = runner.invoke(app, ["status", str(tree), "--json"])
    assert status.exit_code == 0 and '"translated": 1' in status.output


def test_copies_edited_differently_stop_the_run(tree: Path) -> None:
    po, xlf = tree / "en" / "rel.po", tree / "en" / "rel.xlf"
    edit_po(po, {0: "Title in the PO."})
    edit_xlf(xlf, {0: "Title in the XLIFF.", 1: "Dateline in the XLIFF."})
    before = _snapshot(tree)
    result = runner.invoke(app, ["translate", str(tree.parent / "rel.txt"), "--to", "en",
                                 "--engine", "pseudo", "--no-glossary", "--out", str(tree)])
    assert result.exit_code == 6
    uid = _ids(tree)[0]
    assert uid in result.output and "Title in the PO." in result.output \
        and "Title in the XLIFF." in result.output
    assert _ids(tree)[1] not in result.output
    assert _snapshot(tree) == before
    assert runner.invoke(app, ["status", str(tree)]).exit_code == 6


# --- files without a recorded base (older toolkit, or a tool dropped it) -------------

def _strip_bases(path: Path) -> None:
    text = path.read_text("utf-8")
    text = re.sub(r'"X-Toolkit-Base: [^"]*"\n', "", text)
    text = re.sub(r' extradata="toolkit-base:[0-9a-f]+"', "", text)
    path.write_text(text, "utf-8")


def test_without_bases_the_states_decide(tree: Path, tmp_path: Path) -> None:
    for copy in ("rel.po", "rel.xlf"):
        _strip_bases(tree / "en" / copy)
    assert all(not s.base for s in formats.read_file(tree / "en" / "rel.xlf").segments)
    stale, a = tmp_path / "stale.po", tmp_path / "a.po"
    shutil.copy(tree / "en" / "rel.po", stale)
    shutil.copy(tree / "en" / "rel.po", a)
    edit_po(a, {0: "Title by A.", 1: "Dateline by A."})
    assert runner.invoke(app, ["import", str(a), "--out", str(tree)]).exit_code == 0
    _strip_bases(tree / "en" / "rel.po")
    _strip_bases(tree / "en" / "rel.xlf")
    # the stale copy still has machine drafts there: A's work stays
    edit_po(stale, {2: "Stale copy's edit."})
    assert runner.invoke(app, ["import", str(stale), "--out", str(tree)]).exit_code == 0
    units, ids = _units(tree / "en" / "rel.po"), _ids(tree)
    assert [units[ids[i]].target for i in range(3)] == ["Title by A.", "Dateline by A.",
                                                       "Stale copy's edit."]
    # two different human texts without a base: a conflict
    _strip_bases(tree / "en" / "rel.po")
    _strip_bases(tree / "en" / "rel.xlf")
    edit_po(stale, {0: "Title by B."})
    _strip_bases(stale)
    with pytest.raises(ConflictError, match="changed differently"):
        import_reviewed(stale, tree)


def test_xliff2_edit_that_keeps_initial_state_is_human(tmp_path: Path) -> None:
    release = tmp_path / "rel.txt"
    release.write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    _translate(release, out, "--format", "po", "--format", "xliff2")
    path = out / "en" / "rel.xliff"
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    root = etree.parse(str(path))
    target = root.findall(".//x:unit/x:segment/x:target", ns)[1]
    target.text = "Typed by a person; the state still says initial."
    root.write(str(path), xml_declaration=True, encoding="UTF-8")
    res = import_reviewed(path)  # in the tree: no --out
    uid = _ids(out)[1]
    assert res.edited == (uid,)
    unit = _units(out / "en" / "rel.po")[uid]
    assert (unit.origin, unit.state) == (Origin.HUMAN, State.TRANSLATED)
