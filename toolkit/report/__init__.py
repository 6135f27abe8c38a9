"""A bilingual review report: catalogues → one self-contained HTML page.

``collect`` reads the catalogues (files or locales folders), ``build``
looks at every unit (review category, QA findings, glossary terms, unknown
words) and ``render`` turns the result into HTML bytes.

>>> from toolkit.report import collect, build, render  # doctest: +SKIP
>>> html = render(build(collect(["locales"]), glossary=None))  # doctest: +SKIP
"""

from .html import render
from .inputs import collect
from .model import Category, Release, Unit, build

__all__ = ["Category", "Release", "Unit", "build", "collect", "render"]
