"""Sentence alignment of a hand-made release pair, and ``toolkit align``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.align import (
    Sentence,
    accuracy,
    align,
    align_files,
    length_probability,
    read_gold,
    sentences,
)
from toolkit.cli.app import app
from toolkit.formats import read_file
from toolkit.langs import Lang
from toolkit.memory import Memory
from toolkit.model import State

CASE = Path(__file__).resolve().parent / "cases" / "align"
FR, EN, GOLD = CASE / "release_fr.txt", CASE / "release_en.txt", CASE / "gold.tsv"
runner = CliRunner()


def _glossary():
    from toolkit.glossary import load_default

    return load_default()


def test_gold_matches_the_segmentation() -> None:
    gold = read_gold(GOLD)
    fr = sorted(i for a, _ in gold for i in a)
    en = sorted(i for _, b in gold for i in b)
    assert fr == list(range(len(sentences(FR, "fr"))))
    assert en == list(range(len(sentences(EN, "en"))))


@pytest.mark.parametrize("with_glossary, beads, precision, recall", [
    (False, 0.8, 1.0, 0.7),
    (True, 0.8, 1.0, 0.8),
])
def test_accuracy_on_hand_made_pair(with_glossary, beads, precision, recall) -> None:
    pairs = align_files(FR, EN, glossary=_glossary() if with_glossary else None)
    score = accuracy(pairs, read_gold(GOLD))
    assert score["beads"] >= beads
    assert score["precision"] >= precision
    assert score["recall"] >= recall


def test_beads_cover_both_documents_in_order() -> None:
    pairs = align_files(FR, EN)
    assert [i for p in pairs for i in p.src] == list(range(len(sentences(FR, "fr"))))
    assert [i for p in pairs for i in p.tgt] == list(range(len(sentences(EN, "en"))))
    assert all(0.0 <= p.confidence <= 1.0 for p in pairs)
    assert all(p.confidence == 0.0 for p in pairs if not p.src or not p.tgt)


def test_anchors_beat_length_alone() -> None:
    # Same lengths on both sides: only the numbers say which goes with which.
    src = [Sentence("Il y a eu 4 500 arrivées.", 0, ""), Sentence("Nous en attendons 300.", 1, "")]
    tgt = [Sentence("There were 4,500 arrivals.", 0, ""), Sentence("We expect 300 more.", 1, "")]
    pairs = align(src, tgt)
    assert [(p.src, p.tgt) for p in pairs] == [((0,), (0,)), ((1,), (1,))]
    assert min(p.confidence for p in pairs) > 0.7
    swapped = align(src, [tgt[1], tgt[0]])
    assert max(p.confidence for p in swapped if p.src and p.tgt) < 0.5


def test_length_probability_peaks_at_expected_ratio() -> None:
    assert length_probability(100, 90, 0.9) == pytest.approx(1.0)
    assert length_probability(100, 90, 0.9) > length_probability(100, 150, 0.9) > 0


def test_cli_fills_memory_and_review(tmp_path: Path) -> None:
    mem, review = tmp_path / "tm.sqlite", tmp_path / "review.po"
    res = runner.invoke(app, ["align", str(FR), str(EN), "--memory", str(mem),
                              "--review", str(review)])
    assert res.exit_code == 0, res.output
    with Memory(mem) as tm:
        units = list(tm.units())
        assert units and all(u.note == "aligned" and u.state == "translated" for u in units)
        hit = tm.exact("Suivez-nous sur Twitter : @OIM_Niger", Lang.parse("fr"), Lang.parse("en"))
        assert hit[0].unit.target == "Follow us on Twitter: @OIM_Niger"
    cat = read_file(review)
    assert cat.segments and all(s.state in (State.DRAFT, State.UNTRANSLATED) for s in cat.segments)
    assert all(any(n.text.startswith("aligned: confidence") for n in s.notes) for s in cat.segments)
    # a reviewer fixes the drafts (drops the fuzzy flag); the memory then takes them
    text = review.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    review.write_text(text, encoding="utf-8")
    before = len(units)
    res = runner.invoke(app, ["memory", "import", str(review), "--memory", str(mem)])
    assert res.exit_code == 0, res.output
    with Memory(mem) as tm:
        assert tm.stats()["units"] > before


def test_cli_review_tsv(tmp_path: Path) -> None:
    review = tmp_path / "review.tsv"
    res = runner.invoke(app, ["align", str(FR), str(EN), "--dry-run", "--review", str(review),
                              "--no-glossary"])
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(review.open(encoding="utf-8"), delimiter="\t"))
    assert rows[0] == ["confidence", "source_ref", "target_ref", "source", "target"]
    assert any(r[4] == "Who we are" and r[3] == "" for r in rows[1:])  # untranslated chrome


def test_align_checks_the_review_file_before_changing_the_memory(tmp_path: Path) -> None:
    """A review path that cannot be written used to fail after the memory had taken the pairs."""
    from typer.testing import CliRunner

    from toolkit.cli.app import app

    tm = tmp_path / "tm.sqlite"
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    result = CliRunner().invoke(app, ["align", str(CASE / "release_fr.txt"),
                                      str(CASE / "release_en.txt"), "--memory", str(tm),
                                      "--review", str(blocker / "review.po")])
    assert result.exit_code != 0 and not tm.exists()
    ok = CliRunner().invoke(app, ["align", str(CASE / "release_fr.txt"),
                                  str(CASE / "release_en.txt"), "--memory", str(tm),
                                  "--review", str(tmp_path / "review.po")])
    assert ok.exit_code == 0 and tm.exists() and (tmp_path / "review.po").is_file()
