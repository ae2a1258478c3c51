# Two commands: `make run` (set up, open the demo project) and `make test` (set up, test).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup dev run test test-tree lint bench translations lock lock-check

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

# The README's test command: ruff, then the whole suite against the installed program —
# the sdist of this tree, a wheel built from it, installed with the test extras into a
# fresh venv outside the tree, and the sdist's own tests run there
# (packaging/test_installed.py). .ci/run runs this.
test: lint
	$(PY) packaging/test_installed.py -q

# The same suite straight from the source tree: quicker while working on the code.
test-tree: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: setup $(VENV)/.tested
	$(VENV)/bin/ruff check annotator tests bench packaging

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

# The locked dependency set of the release workflow, for Linux, Windows and macOS and every
# Python from 3.11 (uv's universal resolution; packaging/lock.py). lock-check resolves it
# again per platform and Python the workflows use, from wheels only. Both ask the index.
$(VENV)/.uv: $(VENV)/.installed
	$(PY) -m pip install --quiet 'uv>=0.9,<1'
	touch $@

lock: $(VENV)/.uv
	$(PY) packaging/lock.py compile

lock-check: $(VENV)/.uv
	$(PY) packaging/lock.py check

deb: bundle
	packaging/linux/build_deb.sh

# Typing Chinese into the frozen program through ibus and through fcitx5, under Xvfb
# (needs xvfb xdotool dbus-x11 ibus ibus-libpinyin fcitx5 fcitx5-chinese-addons).
.PHONY: check-input
check-input:
	@test -d dist/annotator || { echo "no bundle: run 'make bundle' first"; exit 1; }
	packaging/linux/check_chinese_input.sh ibus
	packaging/linux/check_chinese_input.sh fcitx5
