"""Block kinds every ingest format decides the same way: title first, contact block last."""

from __future__ import annotations

import re

from ..model import BlockKind

CONTACT = re.compile(
    r"^(pour (plus|de plus amples) d.informations|contacts?( presse| médias)?\s*:|"
    r"for (more|further) information|media contacts?|para más información)",
    re.IGNORECASE,
)


def is_contact_start(text: str, kind: BlockKind) -> bool:
    """True for the line that opens the contact block ("Pour plus d'informations…", "Contact")."""
    if CONTACT.match(text):
        return True
    return kind == BlockKind.HEADING and text.lower().rstrip(" :") in (
        "contact", "contacts", "contact presse", "contacts presse", "contact médias")


class KindTracker:
    """Turns the kind a format sees into the release's kind, block after block.

    Only the first title is the title (later ones are headings), and from
    the contact line on, paragraphs and list items belong to the contact block.
    """

    def __init__(self) -> None:
        self.seen_title = False
        self.in_contact = False

    def resolve(self, kind: BlockKind, text: str) -> BlockKind:
        if kind == BlockKind.TITLE:
            kind = BlockKind.HEADING if self.seen_title else BlockKind.TITLE
            self.seen_title = True
        if is_contact_start(text, kind):
            self.in_contact = True
        if self.in_contact and kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            return BlockKind.CONTACT
        return kind
