"""Offline validation against the official schemas vendored in tests/data/schemas."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "data" / "schemas"
_LOCAL = {
    "http://www.w3.org/2001/xml.xsd": SCHEMAS / "xml.xsd",
    "http://www.w3.org/2009/01/xml.xsd": SCHEMAS / "xml.xsd",
}


class _Local(etree.Resolver):
    def resolve(self, url, pubid, context):  # noqa: D401 - lxml API
        if url in _LOCAL:
            return self.resolve_filename(str(_LOCAL[url]), context)
        # A relative schemaLocation arrives already resolved against the
        # importing schema: keep it, so xliff21/matches.xsd gets its own
        # sibling core schema and not another version's.
        local = Path(url.removeprefix("file://"))
        if local.is_absolute() and local.is_file():
            return self.resolve_filename(str(local), context)
        name = url.rsplit("/", 1)[-1]
        for candidate in SCHEMAS.rglob(name):
            return self.resolve_filename(str(candidate), context)
        return None


@cache
def xsd(relpath: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Local())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / relpath), parser))


def assert_valid(path_or_bytes, relpath: str) -> None:
    schema = xsd(relpath)
    if isinstance(path_or_bytes, bytes):
        doc = etree.ElementTree(etree.fromstring(path_or_bytes))
    else:
        doc = etree.parse(str(path_or_bytes))
    if not schema.validate(doc):
        raise AssertionError(f"{relpath}: " + "; ".join(str(e) for e in schema.error_log[:5]))
