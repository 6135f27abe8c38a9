"""``toolkit segment``: split a release into sentences, or export the rules as SRX."""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError, LanguageError
from ..ingest import load
from ..ingest.decode import decode_bytes
from ..inline import tokens
from ..langs import Lang
from ..model import Document
from ..pipeline import block_sentences
from ..segment import srx
from ..segment.rules import rules_for, supported


class OutputFormat(StrEnum):
    TEXT = "text"
    JSONL = "jsonl"


class InputFormat(StrEnum):
    AUTO = "auto"
    TEXT = "text"
    HTML = "html"
    MARKDOWN = "markdown"


def _parse(text: str, kind: InputFormat, name: str, path: str, encoding: str) -> Document:
    """The ingest parser for ``kind`` (the same ones ``translate`` uses)."""
    if kind is InputFormat.HTML:
        from ..ingest.html import parse_html

        return parse_html(text, name, path, encoding=encoding)
    if kind is InputFormat.MARKDOWN:
        from ..ingest.markdown import parse_markdown

        return parse_markdown(text, name, path, encoding=encoding)
    from ..ingest.text import parse_text

    return parse_text(text, name, path, encoding=encoding)


def _read(file: Path, kind: InputFormat) -> Document:
    """The release as ingest reads it: chrome dropped, one block per layout unit."""
    if str(file) == "-":
        decoded = decode_bytes(sys.stdin.buffer.read(), "<stdin>")
        if kind is InputFormat.AUTO:
            # No suffix to go by: a page starts with a tag, anything else is text.
            kind = InputFormat.HTML if decoded.text.lstrip().startswith("<") else InputFormat.TEXT
        return _parse(decoded.text, kind, "stdin", "<stdin>", decoded.encoding)
    if kind is InputFormat.AUTO:
        return load(file)
    from ..ingest.decode import read_text

    decoded = read_text(file)
    return _parse(decoded.text, kind, file.stem, str(file), decoded.encoding)


def _visible(text: str, codes: tuple, fmt: str) -> str:
    """A sentence as a reader sees it: paired codes dropped, standalone ones as their text.

    A ``<br>`` becomes a space; a protected span (``<span translate="no">MIDAS</span>``,
    Markdown `` `MIDAS` ``) or an autolink keeps its words.
    """
    import lxml.html

    parts = []
    for kind, n, s in tokens(text, codes):
        if kind == "text":
            parts.append(s)
        elif kind == "x":
            markup = codes[n - 1].open
            if fmt == "html":
                words = lxml.html.fragment_fromstring(markup, create_parent="div").text_content()
            else:
                words = markup.strip().strip("<>`")
            parts.append(words or " ")
    return re.sub(" {2,}", " ", "".join(parts)).strip()


def _segmentation_lang(code: str) -> Lang:
    """The language of ``--lang``; one with no segmentation rules is an error."""
    try:
        rules_for(code, strict=True)
    except LanguageError as exc:
        raise LanguageError(exc.message, lang=code,
                            hint="supported: " + ", ".join(supported())) from exc
    return Lang.parse(code)


def segment_command(
    file: Annotated[
        Path | None,
        typer.Argument(help="Release to split (.txt, .html, .md; UTF-8), or - for standard input."),
    ] = None,
    lang: Annotated[
        str, typer.Option("--lang", "-l", help="Language code (fr, en, es, pt, it, de, fr-FR...).")
    ] = "fr",
    format: Annotated[  # noqa: A002 - the option is called --format
        OutputFormat, typer.Option("--format", "-f", help="text: one sentence per line; jsonl.")
    ] = OutputFormat.TEXT,
    input_format: Annotated[
        InputFormat,
        typer.Option("--input", "-i", help="Input format; auto: by suffix (standard input: "
                                           "HTML if it starts with a tag, else text)."),
    ] = InputFormat.AUTO,
    export_srx: Annotated[
        Path | None,
        typer.Option("--export-srx", help="Write the segmentation rules as SRX 2.0 to this file."),
    ] = None,
) -> None:
    """Split FILE into sentences (one per line, or JSON lines), website chrome left out."""
    if export_srx is not None:
        srx.export_srx(export_srx)
        typer.echo(f"wrote {export_srx}", err=True)
        if file is None:
            return
    if file is None:
        raise InputError("no input file given", hint="pass FILE, - for standard input, "
                                                     "or --export-srx OUT.srx")
    language = _segmentation_lang(lang)  # a bad code fails before the input is read
    doc = _read(file, input_format)
    for number, block in enumerate(doc.blocks):
        if not block.text.strip():
            continue
        for start, end, text in block_sentences(block, language):
            shown = _visible(text, block.codes, doc.fmt) if block.codes else text
            if format is OutputFormat.TEXT:
                typer.echo(shown)
                continue
            record = {"block": number, "line": block.line, "kind": block.kind.value,
                      "start": start, "end": end, "text": shown}
            typer.echo(json.dumps(record, ensure_ascii=False))
