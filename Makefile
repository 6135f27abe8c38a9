# The two commands of the README: `make demo` and `make test`.
.PHONY: setup demo test lint bench

setup:
	bash scripts/setup.sh

# The Markdown copy of the border release is the same release as its HTML: its own tree.
demo: setup
	.venv/bin/toolkit translate examples/communique-retour-volontaire.txt examples/communique-frontieres.html --from fr --to en --to es --out locales
	.venv/bin/toolkit translate examples/communique-frontieres.md --from fr --to en --to es --out locales-md

test: setup
	.venv/bin/ruff check toolkit tests benchmarks
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check toolkit tests benchmarks

bench:
	.venv/bin/python benchmarks/run_all.py
