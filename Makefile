# Two entry points (see README): `make site` builds the site, `make test` runs every test.
# Both set up what they need themselves from the lock file (uv.lock): uv in .tools, a
# virtualenv in .venv and, for the tests, Debian's Chromium and the npm test tools.

PYTHON     ?= python3
UV_VERSION  = 0.13.9
TOOLS       = .tools
UV          = $(TOOLS)/bin/uv
VENV        = .venv
BIN         = $(VENV)/bin

# uv uses this machine's Python and never downloads one of its own.
export UV_PYTHON_DOWNLOADS = never
export UV_PYTHON = $(PYTHON)
export UV_PROJECT_ENVIRONMENT = $(VENV)
# Material prints its end-of-life notice on every run; the README states the platform's status.
export NO_MKDOCS_2_WARNING = 1

.PHONY: site test check serve validate chromium clean bench lighthouse lock

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==$(UV_VERSION)

# --locked: fails when pyproject.toml and uv.lock disagree (run `make lock`).
$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --quiet --locked --inexact
	touch $@

$(VENV)/.installed-test: $(UV) pyproject.toml uv.lock
	$(UV) sync --quiet --locked --extra test
	touch $@ $(VENV)/.installed

# Update uv.lock after editing the dependencies in pyproject.toml.
lock: $(UV)
	$(UV) lock --upgrade

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

# The fast loop: linters, formatter, types, architecture, then every test without a browser.
check: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -m "not browser" -q -n auto

# Benchmarks (never tests): one table, written into BENCHMARKS.md.
bench: $(VENV)/.installed-test chromium
	$(BIN)/python scripts/bench.py

# Lighthouse for make lighthouse (a benchmark), pinned by scripts/lighthouse/package-lock.json.
scripts/lighthouse/node_modules/.package-lock.json: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --no-audit --no-fund --loglevel=error

lighthouse: $(VENV)/.installed chromium scripts/lighthouse/node_modules/.package-lock.json
	bash scripts/lighthouse.sh

clean:
	rm -rf site test-output .pytest_cache
