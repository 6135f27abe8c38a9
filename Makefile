# The two commands of the README: `make demo` and `make test`.
.PHONY: setup demo test lint bench

setup:
	bash scripts/setup.sh

demo: setup
	.venv/bin/toolkit translate examples/communique-retour-volontaire.txt --from fr --to en --to es --out locales

test: setup
	.venv/bin/ruff check toolkit tests benchmarks
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check toolkit tests benchmarks

bench:
	.venv/bin/python benchmarks/run_all.py
