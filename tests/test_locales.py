"""The output tree has one owner: paths and suffixes come from toolkit.locales."""

from __future__ import annotations

from pathlib import Path

from toolkit import locales
from toolkit.langs import Lang


def test_catalogue_paths_follow_the_format_registry(tmp_path: Path) -> None:
    en, pt_br = Lang.parse("en"), Lang.parse("pt-BR")
    assert locales.catalogue_path(tmp_path, en, "rel", "po") == tmp_path / "en" / "rel.po"
    assert locales.catalogue_path(tmp_path, en, "rel", "xliff") == tmp_path / "en" / "rel.xlf"
    assert locales.catalogue_path(tmp_path, en, "rel", "xliff2") == tmp_path / "en" / "rel.xliff"
    assert locales.lang_dir(tmp_path, pt_br) == tmp_path / "pt_BR"
    assert set(locales.catalogue_suffixes()) >= {".po", ".xlf", ".xliff"}
    assert ".tmx" not in locales.catalogue_suffixes()


def test_existing_catalogues_and_memory_path(tmp_path: Path) -> None:
    en = Lang.parse("en")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "rel.po").write_text("", "utf-8")
    (tmp_path / "en" / "rel.xliff").write_text("", "utf-8")
    (tmp_path / "en" / ".rel.po.123.tmp").write_text("", "utf-8")
    assert locales.existing_catalogues(tmp_path, en, "rel") == {
        "po": tmp_path / "en" / "rel.po", "xliff2": tmp_path / "en" / "rel.xliff"}
    assert not locales.is_catalogue(tmp_path / "en" / ".rel.po.123.tmp")
    assert locales.memory_path(tmp_path) == tmp_path / ".toolkit" / "memory.sqlite"
