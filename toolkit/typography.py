"""Target-language typography after translation.

Rule-based engines copy French spacing and quotes into the target:
``« Bonjour »`` and ``Contact :`` are wrong in English and Spanish. These
are conventions of the language, not choices of the translator, so they are
applied to machine output before a reviewer sees it.
"""

from __future__ import annotations

import re

_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]+([:;!?])(?=\s|$|[»”)])")
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]*(.*?)[ \u00a0\u202f]*»", re.DOTALL)
_LONE_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_LONE_CLOSE = re.compile(r"[ \u00a0\u202f]*»")
_INNER_SPACE = re.compile(r"«[ \u00a0\u202f]+|[ \u00a0\u202f]+»")
# English quotation marks, straight or curly, as a pair in one unit (an English source's).
_ENGLISH_QUOTES = re.compile(r'(?:"|“)[ \u00a0\u202f]*([^"“”«»]+?)[ \u00a0\u202f]*(?:"|”)')
# English puts the comma of reported speech inside the quotes; French and Spanish after them.
_COMMA_INSIDE = re.compile(r"[,][ \u00a0\u202f]*»")


def localise(text: str, lang: str) -> str:
    """Apply the target language's punctuation spacing and quotation marks.

    >>> localise("« Merci », a-t-il dit : oui !", "en")
    '“Merci”, a-t-il dit: oui!'
    >>> localise("Le retour volontaire », a-t-il dit.", "en")
    'Le retour volontaire”, a-t-il dit.'
    >>> localise("« Gracias » : sí", "es")
    '«Gracias»: sí'
    >>> localise('" Estamos listos," dijo.', "es"), localise("“Nous sommes prêts,” a dit", "fr")
    ('«Estamos listos», dijo.', '« Nous sommes prêts », a dit')
    """
    if lang.startswith(("fr", "es", "ca", "pt", "gl", "it", "oc")) and "«" not in text:
        text = _ENGLISH_QUOTES.sub(lambda m: f"« {m.group(1)} »", text)
        text = _COMMA_INSIDE.sub(" »,", text)
    if lang.startswith("fr"):
        return text
    text = _SPACE_BEFORE.sub(r"\1", text)
    if lang.startswith("en"):
        text = _GUILLEMETS.sub(lambda m: f"“{m.group(1)}”", text)
        # A quotation spanning several sentences leaves one guillemet per unit.
        return _LONE_CLOSE.sub("”", _LONE_OPEN.sub("“", text))
    if lang.startswith(("es", "ca", "pt", "gl", "it", "oc")):
        return _INNER_SPACE.sub(lambda m: m.group().strip(" \u00a0\u202f"), text)
    return text
