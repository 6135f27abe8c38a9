"""What the XLIFF 1.2 and 2.1 inline-code mappings share.

Both turn the toolkit's ``<gN>``/``<xN/>`` codes into real elements and back;
the element names and attributes differ (:mod:`.xliff12_codes`,
:mod:`.xliff2_codes`), the text placement and the numbering of foreign ids
do not.
"""

from __future__ import annotations

import re

from lxml import etree

from ..xmlutil import clean

_DIGITS = re.compile(r"\d+")


def append_text(parent: etree._Element, text: str) -> None:
    """Add ``text`` after the last child of ``parent`` (or as its text when it has none)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + clean(text)
    else:
        parent.text = (parent.text or "") + clean(text)


def code_number(ref: str, numbers: dict[str, int]) -> int:
    """The code number of an inline id: its first digits, or one by order for other ids.

    Other tools' ids without digits are numbered from 900 so they cannot meet
    the toolkit's own; ``numbers`` is shared across a unit so the same id gets
    the same number in source, target and matches.
    """
    m = _DIGITS.search(ref)
    return int(m.group()) if m else numbers.setdefault(ref, 900 + len(numbers))
