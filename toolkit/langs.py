"""Language codes, parsed once into a value that knows every spelling we need."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import LanguageError

# iso639-1, iso639-3, English name, gettext Plural-Forms
_TABLE = (
    ("fr", "fra", "French", "nplurals=2; plural=(n > 1);"),
    ("en", "eng", "English", "nplurals=2; plural=(n != 1);"),
    ("es", "spa", "Spanish", "nplurals=2; plural=(n != 1);"),
    ("ca", "cat", "Catalan", "nplurals=2; plural=(n != 1);"),
    ("oc", "oci", "Occitan", "nplurals=2; plural=(n > 1);"),
    ("eo", "epo", "Esperanto", "nplurals=2; plural=(n != 1);"),
    ("pt", "por", "Portuguese", "nplurals=2; plural=(n != 1);"),
    ("gl", "glg", "Galician", "nplurals=2; plural=(n != 1);"),
    ("it", "ita", "Italian", "nplurals=2; plural=(n != 1);"),
    ("de", "deu", "German", "nplurals=2; plural=(n != 1);"),
    ("ar", "ara", "Arabic",
     "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
     ": n%100>=11 ? 4 : 5);"),
    ("ru", "rus", "Russian",
     "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
     "(n%100<10 || n%100>=20) ? 1 : 2);"),
    ("zh", "zho", "Chinese", "nplurals=1; plural=0;"),
)
_ALIASES = {"fre": "fr", "ger": "de", "chi": "zh", "epo": "eo", "esp": "es"}


@dataclass(frozen=True, slots=True)
class Lang:
    """A language, with the code spelling each standard or tool expects.

    >>> Lang.parse("fr_FR").iso639_3
    'fra'
    """

    iso639_1: str
    iso639_3: str
    name: str
    plural_forms: str
    region: str = ""

    @property
    def bcp47(self) -> str:
        return f"{self.iso639_1}-{self.region}" if self.region else self.iso639_1

    @property
    def posix(self) -> str:
        return f"{self.iso639_1}_{self.region}" if self.region else self.iso639_1

    @property
    def code(self) -> str:
        return self.iso639_1

    def __str__(self) -> str:
        return self.iso639_1

    @classmethod
    def parse(cls, code: str) -> Lang:
        """Parse ``fr``, ``fra``, ``fr-FR``, ``fr_FR`` or ``fr_FR.UTF-8``."""
        raw = (code or "").strip()
        base = raw.split(".")[0].replace("_", "-")
        parts = base.split("-")
        head = parts[0].lower()
        region = parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else ""
        head = _ALIASES.get(head, head)
        for one, three, name, plural in _TABLE:
            if head in (one, three):
                return cls(one, three, name, plural, region)
        raise LanguageError(
            f"unknown language code {code!r}",
            lang=code,
            hint="supported: " + ", ".join(row[0] for row in _TABLE),
        )


def supported() -> list[str]:
    return [row[0] for row in _TABLE]
