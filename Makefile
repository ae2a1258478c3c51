# Two commands: `make run` (set up, open the demo project) and `make test` (set up, test).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup run test lint bench translations

# The interface translation: the .ts is kept in git, the .qm is compiled from it.
TS := resources/translations/annotator_zh_CN.ts
QM := resources/translations/annotator_zh_CN.qm

setup: $(VENV)/.installed $(QM)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# lupdate (every string of annotator/ui into the .ts; tr/_t/QT_TRANSLATE_NOOP), lrelease
translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -silent -no-obsolete -locations relative \
		-tr-function-alias tr+=_t $$(find annotator/ui -name '*.py' | sort) -ts $(TS)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

$(QM): $(TS) $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $@

run: setup
	$(VENV)/bin/annotator demo

test: setup
	$(VENV)/bin/ruff check annotator tests bench
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: setup
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

# Installers and bundle (build.spec, packaging/): the one-folder bundle in dist/annotator/
# (and dist/Annotator.app on macOS), then its smoke test headless. PyInstaller is a build
# tool, installed only for these targets.
.PHONY: bundle smoke deb

$(VENV)/.pyinstaller: $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[build]"
	touch $@

bundle: setup $(VENV)/.pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec

smoke:
	@test -d dist/annotator || { echo "no bundle: run 'make bundle' first"; exit 1; }
	$(PY) packaging/smoke_test.py

deb: bundle
	packaging/linux/build_deb.sh
