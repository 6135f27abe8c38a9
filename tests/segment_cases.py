"""Reader for the segmentation case files in tests/cases/segment/.

Format: ``== id [@tag ...]`` opens a case; the lines up to ``--`` are the input
(joined with newlines); the lines after it, up to the next ``==``, are the
expected sentences, one per line (blank lines ignored, compared stripped; a
literal ``\\n`` stands for a line break inside a sentence).
Lines starting with ``#`` before the first case are comments.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent / "cases" / "segment"


@dataclass(frozen=True)
class Case:
    lang: str
    name: str
    tags: tuple[str, ...]
    text: str
    expected: tuple[str, ...]
    where: str


def read_cases(path: Path) -> list[Case]:
    """Parse one case file; malformed files fail loudly with the line number."""
    cases: list[Case] = []
    head: tuple[str, tuple[str, ...], int] | None = None
    inp: list[str] = []
    out: list[str] = []
    in_output = False

    def flush() -> None:
        if head is None:
            return
        name, tags, line = head
        if not in_output:
            raise ValueError(f"{path}:{line}: case {name!r} has no '--' line")
        expected = tuple(s.replace("\\n", "\n").strip() for s in out if s.strip())
        cases.append(Case(path.stem, name, tags, "\n".join(inp), expected, f"{path.name}:{line}"))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("== "):
            flush()
            words = line[3:].split()
            head = (words[0], tuple(w[1:] for w in words[1:] if w.startswith("@")), number)
            inp, out, in_output = [], [], False
        elif head is None:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"{path}:{number}: text before the first case")
        elif line == "--" and not in_output:
            in_output = True
        elif in_output:
            out.append(line)
        else:
            inp.append(line)
    flush()
    return cases


def all_cases() -> list[Case]:
    return [c for p in sorted(CASES_DIR.glob("*.txt")) for c in read_cases(p)]
