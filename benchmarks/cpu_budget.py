"""Where the CPU of one `toolkit translate` run goes: each engine process, and Python.

    .venv/bin/python benchmarks/cpu_budget.py LOG -- translate FILES --from fr --to en ...

Runs the CLI in this process with one change: every child process reaped by
:mod:`subprocess` (an Apertium hop, a dictionary lookup), in this process or
in a forked copy of the engine stack, appends its own CPU time and command to
LOG. :func:`summary` groups LOG by kind; what the whole process tree used
minus those children is the Python of the run (every copy's included).

The rusage comes from ``os.wait4`` in place of the ``waitpid`` that
``Popen`` calls (its private ``_try_wait``): the only place that sees a
reaped child's own CPU, and a benchmark may lean on CPython's internals
where the toolkit must not.
"""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def _record(log: str) -> None:
    def try_wait(self, wait_flags):  # noqa: ANN001, ANN202 - CPython's own signature
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return (self.pid, 0)  # what CPython does: the child is gone, its status unknown
        if pid:
            args = self.args if isinstance(self.args, (list, tuple)) else [self.args]
            line = f"{usage.ru_utime + usage.ru_stime:.4f}\t{' '.join(map(str, args[:2]))}\n"
            with open(log, "a", encoding="utf-8") as f:  # one short append per child
                f.write(line)
        return (pid, status)

    subprocess.Popen._try_wait = try_wait  # type: ignore[attr-defined]


def kind(command: str, main_route: tuple[str, ...]) -> str:
    """A child's share of the budget, from its command line."""
    words = command.split()
    if words[:1] == ["apertium"] and len(words) > 1:
        return "main route" if words[1] in main_route else "other routes (unknown-word retries)"
    if words[:1] == ["lt-proc"]:
        return "dictionary lookups (lt-proc)"
    return "other processes"


def summary(log: Path, main_route: tuple[str, ...]) -> dict[str, tuple[int, float]]:
    """Processes and CPU seconds per kind, from LOG."""
    out: dict[str, list] = defaultdict(lambda: [0, 0.0])
    for line in log.read_text("utf-8").splitlines():
        cpu, _, command = line.partition("\t")
        row = out[kind(command, main_route)]
        row[0] += 1
        row[1] += float(cpu)
    return {k: (n, s) for k, (n, s) in out.items()}


def main() -> None:
    if len(sys.argv) < 3 or sys.argv[2] != "--":
        raise SystemExit(__doc__.split("\n\n")[1])
    _record(sys.argv[1])
    sys.argv = ["toolkit", *sys.argv[3:]]
    root = str(Path(__file__).resolve().parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    runpy.run_module("toolkit", run_name="__main__")


if __name__ == "__main__":
    main()
