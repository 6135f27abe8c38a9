"""Reviewed catalogues back into releases (text, HTML, Markdown) and a static site.

Mirrors :mod:`toolkit.ingest`: one renderer per format (:mod:`.text`,
:mod:`.markdown`, :mod:`.html`) over what they share (:mod:`.core`);
:mod:`.release` writes one release, :mod:`.site` a multilingual site.
"""

from .core import Rendered, block_texts, default_out, find_source, pending, refuse_drafts
from .release import publish, render
from .site import build_site

__all__ = ["Rendered", "block_texts", "build_site", "default_out", "find_source", "pending",
           "publish", "refuse_drafts", "render"]
