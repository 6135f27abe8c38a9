"""OmegaT projects: export a locales tree as a ready project, read its target files back.

OmegaT 3.6 (Debian's version) takes the ``<target>`` of our XLIFF 1.2 as the
text to translate (the English draft shows as the source) and does not load
XLIFF 2 at all, so the project it gets is built from what it does read well:
the French sources as PO files with empty ``msgstr``, the drafts as TMX
under ``tm/auto/`` (inserted into empty segments on load), other suggestions
as TMX under ``tm/`` (shown as matches), the human translations as the
project memory ``omegat/project_save.tmx``, and the glossary as OmegaT's
tab-separated text. :func:`read_target` turns a file OmegaT wrote into
``target/`` into a reviewed catalogue that ``toolkit import`` merges.
"""

from .export import ExportResult, export_project
from .readback import is_target, read_target

__all__ = ["ExportResult", "export_project", "is_target", "read_target"]
