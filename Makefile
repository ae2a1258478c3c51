# Two commands: `make run` (set up, open the demo project) and `make test` (set up, test).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup run test lint bench

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: setup
	$(VENV)/bin/annotator demo

test: setup
	$(VENV)/bin/ruff check annotator tests bench
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: setup
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done
