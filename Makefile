# Two entry points (see README): `make site` builds the site, `make test` runs every test.
# Both set up what they need themselves: a virtualenv in .venv and, for the tests, Chromium.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: site test serve validate chromium clean bench lighthouse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

validate: $(VENV)/.installed
	$(BIN)/zodoenwedat validate

# Debian's Chromium for the browser tests (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Browser-side test tools (axe-core) from the npm registry, pinned by package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: $(VENV)/.installed-test chromium node_modules/.package-lock.json
	$(BIN)/python -m pytest

# Benchmarks (never tests): one table, written into BENCHMARKS.md.
bench: $(VENV)/.installed-test chromium
	$(BIN)/python scripts/bench.py

lighthouse: $(VENV)/.installed chromium
	bash scripts/lighthouse.sh

clean:
	rm -rf site test-output .pytest_cache
