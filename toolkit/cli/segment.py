"""``toolkit segment``: split a text file into sentences, or export the rules as SRX."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from ..segment import blocks, segment, srx
from ..segment.rules import rules_for


class OutputFormat(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("file not found", path=path) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory, not a file", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=path) from exc
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("not valid UTF-8", path=path, line=line) from exc


def segment_command(
    file: Annotated[
        Path | None, typer.Argument(help="Text file to split (UTF-8), one paragraph per line.")
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", "-l", help="Language code (fr, en, fr-FR...).")
    ] = "fr",
    format: Annotated[  # noqa: A002 - the option is called --format
        OutputFormat, typer.Option("--format", "-f", help="text: one sentence per line; jsonl.")
    ] = OutputFormat.TEXT,
    export_srx: Annotated[
        Path | None,
        typer.Option("--export-srx", help="Write the segmentation rules as SRX 2.0 to this file."),
    ] = None,
) -> None:
    """Split FILE into sentences (one per line, or JSON lines with offsets)."""
    if export_srx is not None:
        srx.export_srx(export_srx)
        typer.echo(f"wrote {export_srx}", err=True)
        if file is None:
            return
    if file is None:
        raise InputError("no input file given", hint="pass FILE or --export-srx OUT.srx")
    rules_for(lang)  # a bad code fails before the file is read
    text = _read(file)
    for number, block in enumerate(b for b in blocks(text) if b.kind != "blank"):
        for span in segment(block.text, lang):
            stripped = span.text.strip()
            if not stripped:
                continue
            if format is OutputFormat.TEXT:
                typer.echo(stripped)
                continue
            start = block.start + span.start + (len(span.text) - len(span.text.lstrip()))
            record = {"block": number, "start": start, "end": start + len(stripped),
                      "text": stripped}
            typer.echo(json.dumps(record, ensure_ascii=False))
