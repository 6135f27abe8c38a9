"""The value every QA check returns."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Span


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in a translation. ``severity`` is ``"error"`` or ``"warning"``."""

    code: str
    severity: str
    message: str
    segment_id: str = ""
    span: Span | None = None
