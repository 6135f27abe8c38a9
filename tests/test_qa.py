"""QA checks as data cases, their contracts, and the ``toolkit qa`` command."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from toolkit.cli.app import app
from toolkit.formats import read_file, write_file
from toolkit.model import Catalogue, Origin, Segment, State
from toolkit.qa.consistency import consistency
from toolkit.qa.issue import Issue
from toolkit.qa.numbers import parse_number, quantities
from toolkit.qa.run import checks_for, run_checks, title

CASES = Path(__file__).resolve().parent / "cases" / "qa" / "cases.jsonl"
NOW = datetime(2024, 3, 14, 9, 30, tzinfo=UTC)
runner = CliRunner()


def _glossary():
    from toolkit.glossary import load_default

    return load_default()


def _cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]


def _seg(source: str, target: str, src: str = "fr", tgt: str = "en", i: int = 0) -> Segment:
    return Segment(id=f"u{i}", source=source, src=src, tgt=tgt, target=target,
                   state=State.DRAFT if target else State.TRANSLATED, origin=Origin.MT)


@pytest.mark.parametrize("case", _cases(), ids=lambda c: c["target"][:40] or "empty")
def test_case(case: dict) -> None:
    seg = _seg(case["source"], case["target"], case.get("src", "fr"), case.get("tgt", "en"))
    issues = run_checks([seg], _glossary() if case.get("glossary") else None)
    assert sorted({i.code for i in issues}) == sorted(case["codes"]), issues
    assert all(i.segment_id == "u0" for i in issues)


def test_every_check_has_a_title_and_returns_issues() -> None:
    for check in checks_for(_glossary()):
        fn = getattr(check, "func", check)
        assert title(fn) and not title(fn).endswith(":"), fn
        out = check(_seg("L'OIM a aidé 3 personnes le 14/03.", "IOM helped 3 people on 14 March."))
        assert isinstance(out, list) and all(isinstance(i, Issue) for i in out)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from(["en", "es", "fr"]))
def test_checks_never_raise(source: str, target: str, tgt: str) -> None:
    issues = run_checks([_seg(source, target, tgt=tgt)])
    assert all(i.severity in ("error", "warning") for i in issues)
    assert not [i for i in issues if i.code == "qa-internal"]


@pytest.mark.parametrize("text, lang, value", [
    ("1 200", "fr", "1200"), ("1\u202f200,5", "fr", "1200.5"), ("1,200", "en", "1200"),
    ("1,5", "fr", "1.5"), ("1.5", "en", "1.5"), ("1.200", "es", "1200"), ("12", "en", "12"),
])
def test_parse_number(text: str, lang: str, value: str) -> None:
    assert str(parse_number(text, lang).normalize()) == str(parse_number(value, "en").normalize())


def test_quantities_read_times_dates_money() -> None:
    keys = [q.keys[0] for q in quantities("Le 1er juin à 9 h, 2,5 millions d'euros (+ 4 %)", "fr")]
    assert keys == [("date", 6, 1), ("time", 540), ("money", "EUR", "2500000"), ("percent", "4")]


def _catalogue(tmp_path: Path) -> Path:
    segs = (
        _seg("Le billet coûte 30 €.", "The ticket costs $30.", i=0),
        _seg("L'OIM aide les migrants.", "IOM helps migrants.", i=1),
    )
    cat = Catalogue(name="rel", src="fr", tgt="en", segments=segs)
    path = tmp_path / "rel.po"
    write_file(cat, path, now=NOW, tool="toolkit 0.1.0")
    return path


def test_cli_table_json_and_exit_code(tmp_path: Path) -> None:
    path = _catalogue(tmp_path)
    res = runner.invoke(app, ["qa", str(path), "--no-glossary"])
    assert res.exit_code == 1
    assert "currency-mismatch" in res.stdout and "2 units, 1 errors" in res.output
    res = runner.invoke(app, ["qa", str(path), "--format", "json", "--no-glossary"])
    data = json.loads(res.stdout)
    assert [(d["code"], d["segment_id"], d["span"]) for d in data] == [
        ("currency-mismatch", "u0", [17, 20])]


def test_cli_clean_file_exits_zero(tmp_path: Path) -> None:
    cat = Catalogue(name="ok", src="fr", tgt="en",
                    segments=(_seg("L'OIM aide 3 migrants.", "IOM helps 3 migrants."),))
    path = tmp_path / "ok.xlf"
    write_file(cat, path, now=NOW, tool="toolkit 0.1.0", fmt="xliff")
    res = runner.invoke(app, ["qa", str(path), "--no-glossary"])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("suffix", [".po", ".xlf"])
def test_write_adds_and_refreshes_qa_notes(tmp_path: Path, suffix: str) -> None:
    po = _catalogue(tmp_path)
    path = po if suffix == ".po" else tmp_path / "rel.xlf"
    if suffix != ".po":
        write_file(read_file(po), path, now=NOW, tool="toolkit 0.1.0", fmt="xliff")
    runner.invoke(app, ["qa", str(path), "--write", "--no-glossary"])
    runner.invoke(app, ["qa", str(path), "--write", "--no-glossary"])  # no duplicates
    segs = read_file(path).segments
    lines = [n.text for n in segs[0].notes if n.origin == "qa"]
    assert len(lines) == 1 and "currency-mismatch" in lines[0]
    assert suffix != ".po" or "#. qa: error currency-mismatch" in path.read_text()
    assert suffix != ".xlf" or '<note from="qa">error currency-mismatch' in path.read_text()

    fixed = read_file(path)
    good = fixed.segments[0].__class__(**{**{f: getattr(fixed.segments[0], f) for f in
                                            fixed.segments[0].__slots__},
                                         "target": "The ticket costs €30."})
    write_file(Catalogue(fixed.name, fixed.src, fixed.tgt, (good,) + fixed.segments[1:]),
               path, now=NOW, tool="toolkit 0.1.0")
    res = runner.invoke(app, ["qa", str(path), "--write", "--no-glossary"])
    assert res.exit_code == 0, res.output
    seg = read_file(path).segments[0]
    assert not [n for n in seg.notes if n.origin == "qa"]
    assert not [c for c in seg.comments if c.startswith("qa: ")]


def test_consistency_lists_renderings() -> None:
    units = [
        ("a.po:1", _seg("Les travailleurs migrants sont protégés.", "Migrant workers are protected.")),
        ("a.po:2", _seg("Des travailleurs migrants arrivent.", "Migrant workers arrive.")),
        ("b.po:1", _seg("Les travailleurs migrants partent.", "Migrant labourers leave.")),
        ("b.po:2", _seg("La traite des êtres humains augmente.", "Human trafficking grows.")),
        ("b.po:3", _seg("La traite des êtres humains recule.", "The slave trade declines.")),
    ]
    entries = {(e.kind, e.key): e for e in consistency(units, _glossary())}
    phrase = entries[("phrase", "travailleurs migrants")]
    assert not phrase.consistent
    assert [(r.text, r.count) for r in phrase.renderings] == [
        ("migrant workers", 2), ("migrant labourers", 1)]
    assert phrase.renderings[1].where == ("b.po:1",)
    concept = next(e for (k, key), e in entries.items() if key.startswith("human-trafficking"))
    assert {r.text for r in concept.renderings} == {"Human trafficking", "slave trade"}


def test_cli_consistency(tmp_path: Path) -> None:
    path = _catalogue(tmp_path)
    res = runner.invoke(app, ["qa", "--consistency", str(path), str(path), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert any(e["kind"] == "concept" for e in json.loads(res.stdout))


@pytest.mark.parametrize("target,codes", [
    ("for an amount of 215 000 American dollars.", []),
    ("for US$215,000.", []),
    ("for 215,000 US dollars.", []),
    ("for 215 000 euros.", ["currency-mismatch"]),
])
def test_dollar_spellings_compare_by_value(target: str, codes: list[str]) -> None:
    from toolkit.qa.numbers import check_numbers

    seg = Segment(id="x", source="pour un montant de 215 000 dollars américains.", src="fr",
                  tgt="en", target=target)
    assert [i.code for i in check_numbers(seg)] == codes


def test_qa_ignore_comment_check_and_skip_and_list(tmp_path: Path) -> None:
    seg = _seg("Le centre a ouvert.", "The centre  opened.")
    assert [i.code for i in run_checks([seg])] == ["double-space"]
    from dataclasses import replace as _r
    silenced = _r(seg, comments=("qa-ignore: whitespace",))
    assert run_checks([silenced]) == []
    assert run_checks([seg], skip=["whitespace"]) == []
    assert [i.code for i in run_checks([seg], only=["whitespace"])] == ["double-space"]
    out = runner.invoke(app, ["qa", "--list"])
    assert out.exit_code == 0 and "whitespace" in out.output and "critical" in out.output
    assert runner.invoke(app, ["qa", "--check", "nope", str(tmp_path / "x.po")]).exit_code == 2


def _pair(i: int, source: str, target: str) -> tuple[str, Segment]:
    return (f"r{i}.po:u{i}", _seg(source, target, i=i))


def test_consistency_normalises_quotes_and_case_and_drops_unaligned() -> None:
    units = [_pair(0, "Les pays d'Afrique de l'Ouest coopèrent.", "West African countries cooperate."),
             _pair(1, "Les pays d’Afrique de l’Ouest signent.", "West African countries sign."),
             _pair(2, "Les pays d'afrique de l'ouest  votent.", "New regional roadmap voted.")]
    entries = {e.key: e for e in consistency(units)}
    assert "pays d’afrique" not in entries  # ’ and ' are one phrase
    e = entries["pays d'afrique de l'ouest"]
    texts = {r.text: r.count for r in e.renderings}
    assert texts["(not aligned)"] == 1 and "new regional roadmap" not in " ".join(texts)
    assert e.consistent


def test_consistency_reports_two_aligned_renderings() -> None:
    units = [_pair(i, f"Les migrants bloqués {w}.", t) for i, (w, t) in enumerate([
        ("attendent", "Stranded migrants wait."), ("partent", "Stranded migrants leave."),
        ("votent", "Migrant workers vote."), ("mangent", "Migrant workers eat.")])]
    e = {e.key: e for e in consistency(units)}["migrants bloqués"]
    assert not e.consistent and {r.text for r in e.renderings} >= {"stranded migrants"}
