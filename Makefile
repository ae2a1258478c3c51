# Two commands: `make run` (set up, open the demo project) and `make test` (set up, test).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup dev run test lint bench translations lock

# The interface translation: the .ts is kept in git, the .qm is compiled from it.
TS := annotator/data/translations/annotator_zh_CN.ts
QM := annotator/data/translations/annotator_zh_CN.qm

# `setup` (and `run`) installs the run-time dependencies only; `test` adds the test extras
# (pytest, statsmodels ... several hundred MB that a user of the program never needs).
setup: $(VENV)/.installed $(QM)

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

# The venv for running tests by hand (pytest, ruff): `make dev`.
dev: setup $(VENV)/.tested

$(VENV)/.tested: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# lupdate (every string of annotator/ui into the .ts; tr/_t/QT_TRANSLATE_NOOP), lrelease
# The .qm is kept in git beside its .ts, so every wheel and sdist carries it
# (tests/packaging checks it is up to date).
translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -silent -no-obsolete -locations relative \
		-tr-function-alias tr+=_t $$(find annotator/ui -name '*.py' | sort) -ts $(TS)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

$(QM): $(TS) $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $@

run: setup
	$(VENV)/bin/annotator demo

test: setup $(VENV)/.tested
	$(VENV)/bin/ruff check annotator tests bench
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: setup $(VENV)/.tested
	for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

# Installers and bundle (build.spec, packaging/): the one-folder bundle in dist/annotator/
# (and dist/Annotator.app on macOS), then its smoke test headless. PyInstaller is a build
# tool, installed only for these targets.
.PHONY: bundle smoke deb

$(VENV)/.pyinstaller: $(VENV)/.tested
	$(PY) -m pip install --quiet -e ".[build]"
	touch $@

# The bundle is rebuilt only when its inputs changed, so `make deb` after `make bundle`
# packs the bundle that is there.
BUNDLE_INPUTS := build.spec pyproject.toml $(shell find annotator packaging -type f \
	-not -path '*/__pycache__/*' 2>/dev/null)
BUNDLE_STAMP := dist/annotator/.bundle-built

bundle: setup $(VENV)/.pyinstaller $(BUNDLE_STAMP)

$(BUNDLE_STAMP): $(BUNDLE_INPUTS) | $(VENV)/.pyinstaller
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	touch $@

smoke:
	@test -d dist/annotator || { echo "no bundle: run 'make bundle' first"; exit 1; }
	$(PY) packaging/smoke_test.py

# The locked dependency set of the release workflow, from a venv with every extra.
lock: $(VENV)/.pyinstaller
	{ sed -n '1,3p' packaging/constraints.txt; \
	  $(PY) -m pip freeze --exclude-editable | grep -v '^annotator'; } > packaging/constraints.new
	mv packaging/constraints.new packaging/constraints.txt

deb: bundle
	packaging/linux/build_deb.sh
