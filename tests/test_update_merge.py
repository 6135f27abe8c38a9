"""Update: a revised release keeps reviewed work and marks exactly the changed sentences."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import polib
import pytest
from conftest import needs_apertium
from typer.testing import CliRunner

from toolkit import formats
from toolkit.cli.app import app
from toolkit.errors import ConflictError
from toolkit.ingest import load as load_release
from toolkit.langs import Lang
from toolkit.merge import load_previous, update
from toolkit.model import Catalogue, Origin, Segment, State, segment_id
from toolkit.pipeline import translate_segments, translate_update
from toolkit.review import import_reviewed
from toolkit.stack import build

runner = CliRunner()
FR, EN = Lang.parse("fr"), Lang.parse("en")

RELEASE = """Titre de la note

Première phrase du paragraphe. Deuxième phrase du paragraphe. Troisième phrase du paragraphe.

Un autre paragraphe commence ici. Il contient une phrase de plus.

Dernier paragraphe avec une seule phrase.
"""
# One sentence added (shifting positions), one changed, one removed.
REVISED = """Titre de la note

Phrase ajoutée au début. Première phrase du paragraphe. Deuxième phrase, un peu modifiée, du \
paragraphe. Troisième phrase du paragraphe.

Un autre paragraphe commence ici.

Dernier paragraphe avec une seule phrase.
"""
CHANGED_OLD = "Deuxième phrase du paragraphe."
CHANGED_NEW = "Deuxième phrase, un peu modifiée, du paragraphe."
CONFIRMED = "Un autre paragraphe commence ici."
DRAFT = "Troisième phrase du paragraphe."
REMOVED = "Il contient une phrase de plus."
ADDED = "Phrase ajoutée au début."


def units(*sources: str, block: int = 1, start: int = 0) -> list[Segment]:
    return [Segment(id=segment_id("r", block, start + i, s), source=s, src="fr", tgt="en",
                    block=block, index=start + i) for i, s in enumerate(sources)]


def catalogue(segs: list[Segment], obsolete: tuple[Segment, ...] = ()) -> Catalogue:
    return Catalogue(name="r", src="fr", tgt="en", segments=tuple(segs), obsolete=obsolete)


def human(seg: Segment, target: str, state: State = State.TRANSLATED) -> Segment:
    return replace(seg, target=target, origin=Origin.HUMAN, state=state)


def test_unchanged_sentences_keep_work_when_positions_shift() -> None:
    old = [human(s, s.source.upper()) for s in units("Un.", "Deux.", "Trois.")]
    new = units("Zéro.", "Un.", "Deux.", "Trois.")
    res = update(catalogue(old), new)
    assert [s.target for s in res.segments] == ["", "UN.", "DEUX.", "TROIS."]
    assert [s.id for s in res.segments] == [s.id for s in new]  # new positions
    assert res.added == (new[0].id,) and not res.changed and not res.obsolete


def test_changed_sentence_keeps_old_translation_as_suggestion() -> None:
    old = [human(s, s.source.upper(), State.REVIEWED) for s in units("Un.", "Deux.", "Trois.")]
    new = units("Un.", "Deux, revu.", "Trois.")
    res = update(catalogue(old), new)
    changed = res.segments[1]
    assert (changed.state, changed.target) == (State.UNTRANSLATED, "")
    assert (changed.previous_source, changed.previous_target) == ("Deux.", "DEUX.")
    assert res.changed == (new[1].id,) and not res.added and not res.removed
    assert res.segments[0].state == State.REVIEWED


def test_replaced_sentence_between_same_neighbours_is_a_change() -> None:
    old = [human(s, s.source.upper()) for s in units("Un.", "Deux.", "Trois.")]
    res = update(catalogue(old), units("Un.", "Tout autre chose.", "Trois."))
    assert res.segments[1].previous_target == "DEUX."


def test_removed_sentences_become_obsolete_and_can_come_back() -> None:
    old = [human(s, s.source.upper()) for s in units("Un.", "Deux.", "Trois.")]
    res = update(catalogue(old), units("Un.", "Trois."))
    assert [s.source for s in res.obsolete] == ["Deux."]
    assert res.removed == (old[1].id,)
    back = update(catalogue(list(res.segments), res.obsolete), units("Un.", "Deux.", "Trois."))
    assert [s.target for s in back.segments] == ["UN.", "DEUX.", "TROIS."]
    assert not back.obsolete


def test_moved_sentence_keeps_work() -> None:
    old = [human(s, s.source.upper()) for s in units("Un.", "Deux.", "Trois.")]
    new = units("Trois.", "Un.", "Deux.", block=2)
    res = update(catalogue(old), new)
    assert [s.target for s in res.segments] == ["TROIS.", "UN.", "DEUX."]
    assert not res.changed and not res.obsolete


def test_gap_with_several_sentences_pairs_by_similarity() -> None:
    old = [human(s, s.source.upper()) for s in units("A.", "Le chat dort au soleil.",
                                                       "La pluie tombe fort.", "Z.")]
    new = units("A.", "Une phrase toute neuve ici.", "La pluie tombe très fort.",
                "Le chat dort au soleil levant.", "Z.")
    res = update(catalogue(old), new)
    by_src = {s.source: s for s in res.segments}
    assert by_src["La pluie tombe très fort."].previous_source == "La pluie tombe fort."
    assert by_src["Le chat dort au soleil levant."].previous_source == "Le chat dort au soleil."
    assert by_src["Une phrase toute neuve ici."].previous_source == ""
    assert len(res.changed) == 2 and len(res.added) == 1


def test_big_rewritten_stretch_pairs_each_sentence_with_its_old_version() -> None:
    # 600 changed sentences in one gap go through the bounded candidate set
    # (far more pairs than are scored exhaustively); each must still find
    # its own old version, with a new sentence in the middle left unpaired.
    words = ["migrants", "frontière", "retour", "santé", "abri", "eau", "école", "route",
             "famille", "emploi", "camp", "district", "village", "aide", "équipe"]
    olds = [f"Le rapport {k} décrit {words[k % 15]} et {words[k * 7 % 15]} à {k * 13 % 997}."
            for k in range(600)]
    news = [s.replace("décrit", "présente en détail") for s in olds]
    news.insert(300, "Une phrase entièrement nouvelle sans rapport.")
    old = [human(s, s.source.upper()) for s in units("A.", *olds, "Z.")]
    res = update(catalogue(old), units("A.", *news, "Z."))
    prev = {s.source: s.previous_source for s in res.segments}
    assert all(prev[n] == o for n, o in zip([x for x in news if "rapport " in x], olds))
    assert prev["Une phrase entièrement nouvelle sans rapport."] == ""
    assert len(res.changed) == 600 and len(res.added) == 1


def test_machine_draft_never_replaces_human_work() -> None:
    old = [human(s, "Hecho a mano.") for s in units("Un.", "Deux.")]
    res = update(catalogue(old), units("Un.", "Deux.", "Trois."))
    done = translate_segments(res.segments, build("pseudo", glossary=False), FR, EN)
    assert [s.target for s in done[:2]] == ["Hecho a mano."] * 2
    assert {s.origin for s in done[:2]} == {Origin.HUMAN}
    assert done[2].origin == Origin.MT and done[2].state == State.DRAFT


def _write(folder: Path, text: str) -> Path:
    path = folder / "note.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _translate(release: Path, out: Path, engine: str = "pseudo", command: str = "translate"):
    result = runner.invoke(app, [command, str(release), "--to", "en", "--engine", engine,
                                 "--no-glossary", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result


def _scripted_review_then_revision(tmp_path: Path, engine: str) -> dict[str, Segment]:
    out = tmp_path / "out"
    release = _write(tmp_path, RELEASE)
    _translate(release, out, engine)
    # Review in Poedit: edit one unit, confirm another, leave the rest fuzzy.
    po_path = out / "en" / "note.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    by_src = {e.msgid: e for e in po}
    by_src[CHANGED_OLD].msgstr = "Second sentence, by a human."
    by_src[CHANGED_OLD].flags.remove("fuzzy")
    by_src[CONFIRMED].flags.remove("fuzzy")
    po.save(str(po_path))
    res = import_reviewed(po_path, out)
    assert (len(res.edited), len(res.confirmed)) == (1, 1)
    # The release is revised and translated again over the same tree.
    _write(tmp_path, REVISED)
    result = _translate(release, out, engine, command="update")
    assert "1 changed, 1 added, 1 removed" in result.output
    cats = [formats.read_file(out / "en" / f"note{sfx}") for sfx in (".po", ".xlf")]
    assert cats[0] == cats[1]
    assert [s.source for s in cats[0].obsolete] == [REMOVED]
    return {s.source: s for s in cats[0].segments}


def _check_revision(after: dict[str, Segment]) -> None:
    changed = after[CHANGED_NEW]
    assert changed.state == State.DRAFT and changed.origin == Origin.MT
    assert changed.previous_source == CHANGED_OLD
    assert changed.previous_target == "Second sentence, by a human."
    confirmed = after[CONFIRMED]
    assert (confirmed.origin, confirmed.state) == (Origin.HUMAN, State.TRANSLATED)
    assert after[ADDED].state == State.DRAFT and not after[ADDED].previous_source
    assert after[DRAFT].state == State.DRAFT
    # exactly the changed sentence is marked as changed, and only reviewed work is human
    assert [s for s in after if after[s].previous_source] == [CHANGED_NEW]
    assert [s for s in after if after[s].origin == Origin.HUMAN] == [CONFIRMED]
    assert REMOVED not in after


def test_scripted_review_then_revision_pseudo(tmp_path: Path) -> None:
    after = _scripted_review_then_revision(tmp_path, "pseudo")
    _check_revision(after)
    assert after[ADDED].target.startswith("[")


@needs_apertium
def test_scripted_review_then_revision_apertium(tmp_path: Path) -> None:
    after = _scripted_review_then_revision(tmp_path, "apertium")
    _check_revision(after)
    assert after[ADDED].target and after[ADDED].target != ADDED


def test_library_update_only_sends_new_and_changed_units_to_the_engine(tmp_path: Path) -> None:
    class Counting:
        def __init__(self) -> None:
            self.inner, self.seen = build("pseudo", glossary=False), []

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def translate_batch(self, texts, src, tgt, **kw):
            self.seen.extend(texts)
            return self.inner.translate_batch(texts, src, tgt, **kw)

    eng = Counting()
    first, _ = translate_update(load_release(_write(tmp_path, RELEASE)), eng, FR, EN, None)
    eng.seen.clear()
    kept = replace(first, segments=tuple(human(s, "OK.") if s.source == CONFIRMED else s
                                         for s in first.segments))
    cat, res = translate_update(load_release(_write(tmp_path, REVISED)), eng, FR, EN, kept)
    assert sorted(eng.seen) == sorted([ADDED, CHANGED_NEW])
    assert {s.source: s.target for s in cat.segments}[CONFIRMED] == "OK."
    assert res is not None and res.summary() == "5 kept, 1 changed, 1 added, 1 removed"


def test_update_refuses_without_previous_catalogue(tmp_path: Path) -> None:
    release = _write(tmp_path, RELEASE)
    result = runner.invoke(app, ["update", str(release), "--to", "en", "--engine", "pseudo",
                                 "--no-glossary", "--out", str(tmp_path / "out")])
    assert result.exit_code == 6 and "toolkit translate" in result.output
    assert not (tmp_path / "out").exists()


def test_previous_catalogue_of_another_pair_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _translate(_write(tmp_path, RELEASE), out)
    po = out / "en" / "note.po"
    po.write_text(po.read_text(encoding="utf-8").replace("X-Source-Language: fr",
                                                         "X-Source-Language: es"),
                  encoding="utf-8")
    with pytest.raises(ConflictError, match="es → en"):
        load_previous(out, FR, EN, "note")
