"""Both engines in one run: the Argos path (vs argostranslate and raw CTranslate2)
then the Apertium path (vs the raw ``apertium`` pipe and one process per sentence).

Run: ``.venv/bin/python benchmarks/bench_engines.py [--quick]``

``--quick`` uses a smaller Argos model (``--dim 256 --layers 3``), about a
minute instead of three. Each part prints its own baselines and ratios; see
``bench_argos.py`` and ``bench_apertium.py`` for what is measured.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    argos = [sys.executable, str(HERE / "bench_argos.py")]
    if quick:
        argos += ["--dim", "256", "--layers", "3"]
    print("=== Argos (CTranslate2) path", flush=True)
    code = subprocess.run(argos).returncode
    print("\n=== Apertium path", flush=True)
    code |= subprocess.run([sys.executable, str(HERE / "bench_apertium.py")]).returncode
    return code


if __name__ == "__main__":
    raise SystemExit(main())
