"""Language codes, parsed once into a value that knows every spelling we need."""

from __future__ import annotations

from functools import lru_cache

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


class Lang(str):
    """A language, with the code spelling each standard or tool expects.

    A ``Lang`` is the BCP 47 code itself (a ``str``: ``"fr"``, ``"fr-FR"``), so
    segments and catalogues carry one and every comparison with a plain code
    still holds; the other spellings and the language's profile hang off it.

    >>> Lang.parse("fr_FR").iso639_3, Lang.parse("fr_FR") == "fr-FR"
    ('fra', True)
    """

    iso639_1: str
    iso639_3: str
    name: str
    plural_forms: str
    region: str

    def __new__(cls, iso639_1: str, iso639_3: str, name: str, plural_forms: str,
                region: str = "") -> Lang:
        self = super().__new__(cls, f"{iso639_1}-{region}" if region else iso639_1)
        self.iso639_1, self.iso639_3, self.name = iso639_1, iso639_3, name
        self.plural_forms, self.region = plural_forms, region
        return self

    def __reduce__(self) -> tuple:  # pickled as its code (cluster workers, process pools)
        return (_known, (str.__str__(self),))

    def __repr__(self) -> str:
        return f"Lang({str.__str__(self)!r})"

    @property
    def bcp47(self) -> str:
        return str.__str__(self)

    @property
    def posix(self) -> str:
        return f"{self.iso639_1}_{self.region}" if self.region else self.iso639_1

    @property
    def code(self) -> str:
        return self.iso639_1

    @property
    def profile(self):  # noqa: ANN201 - a toolkit.profiles.Profile (imported late: Babel)
        from .profiles import profile

        return profile(self.iso639_1)

    @classmethod
    def parse(cls, code: str) -> Lang:
        """Parse ``fr``, ``fra``, ``fr-FR``, ``fr_FR`` or ``fr_FR.UTF-8``."""
        if isinstance(code, Lang):
            return code
        return _parse(code)


@lru_cache(maxsize=256)
def _parse(code: str) -> Lang:
    raw = (code or "").strip()
    base = raw.split(".")[0].replace("_", "-")
    parts = base.split("-")
    head = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 else ""
    head = _ALIASES.get(head, head)
    for one, three, name, plural in _TABLE:
        if head in (one, three):
            return Lang(one, three, name, plural, region)
    raise LanguageError(
        f"unknown language code {code!r}",
        lang=code,
        hint="supported: " + ", ".join(row[0] for row in _TABLE),
    )


@lru_cache(maxsize=256)
def _known(code: str) -> Lang:
    """``code`` as a Lang, for data read from files: unknown or empty codes are kept as written.

    A catalogue from another tool may say ``xx`` or nothing; reading it must
    not fail on that (the commands that translate check languages with
    :meth:`Lang.parse`). Such a Lang has no other spellings than its code.
    """
    try:
        return _parse(code)
    except LanguageError:
        lang = Lang(code, code, code, "nplurals=2; plural=(n != 1);")
        lang.iso639_1 = code.replace("_", "-").split("-")[0].lower()
        return lang


def as_lang(code: str) -> Lang:
    """``code`` as a Lang without failing (see :func:`_known`); a Lang is returned as is."""
    return code if isinstance(code, Lang) else _known(code)


def supported() -> list[str]:
    return [row[0] for row in _TABLE]
