"""Domain glossary: terms and concepts, French matching, TBX/CSV files, enforcement, checks.

>>> from toolkit.glossary import load_default, Matcher
>>> g = load_default()
>>> [m.concept.id for m in Matcher(g, "fr").find("L'OIM lutte contre la traite des personnes.")]
['iom', 'trafficking-in-persons']
"""

from .enforce import STRATEGIES, GlossaryEngine, note, restore
from .match import Match, Matcher
from .model import ADMITTED, DEPRECATED, PREFERRED, Concept, Glossary, Term, guess_type
from .store import (
    default_dir,
    default_file,
    dumps,
    editable_file,
    layers,
    load,
    load_default,
    load_layered,
    load_option,
    project_dir,
    save,
    user_dir,
)
from .verify import ConceptCheck, Verifier
from .wordkeys import en_key, es_key, fr_key, tokenize

__all__ = [
    "ADMITTED", "DEPRECATED", "PREFERRED", "STRATEGIES", "Concept", "ConceptCheck", "Glossary",
    "GlossaryEngine", "Match", "Matcher", "Term", "Verifier", "default_dir", "default_file",
    "dumps", "editable_file", "en_key", "es_key", "fr_key", "guess_type", "layers", "load",
    "load_default", "load_layered", "load_option", "note", "project_dir", "user_dir",
    "restore", "save", "tokenize",
]
