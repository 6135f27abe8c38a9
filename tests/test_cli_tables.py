"""Tables: ruled (rich) on a terminal, plain columns in a pipe."""

from __future__ import annotations

from toolkit.cli.tables import plain, ruled

HEAD = ["file", "units", "draft"]
ROWS = [["locales/en/a.po", "15", "3"], ["locales/es/a.po", "7", "12"]]


def test_piped_tables_are_plain_columns() -> None:
    lines = plain(HEAD, ROWS).splitlines()
    assert lines[0].split() == HEAD and lines[2].split() == ROWS[1]
    assert len({len(line) for line in lines}) == 1  # aligned
    assert lines[1].endswith(" 3") and lines[2].endswith("12")  # numbers right-aligned
    assert not any(c in "".join(lines) for c in "│┃━")


def test_terminal_tables_are_ruled_with_every_cell() -> None:
    text = ruled(HEAD, ROWS)
    assert "┃ file" in text and "│ locales/es/a.po │" in text
    assert all(cell in text for row in ROWS for cell in row)
    assert "\x1b[" not in text  # no colour codes: readable when captured


def test_text_columns_stay_left_aligned() -> None:
    text = ruled(["where", "check", "units"], [["a.po:3", "leading-space", "15"],
                                               ["b.po:12", "numbers", "7"]])
    assert "│ numbers       │" in text and "│     7 │" in text
