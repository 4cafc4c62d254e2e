# Two entry points: `make demo` (install the runtime + build the example timeline) and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin
TEST_EXTRAS ?= dev,distributed,warc

# the npm test tools of the browser tests (axe-core, TimelineJS3, ESLint, Stylelint)
BROWSER_DEPS = tests/browser/node_modules/.package-lock.json

.PHONY: demo test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# the runtime only: what a user installs
$(VENV)/.installed-runtime: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# the runtime plus what the tests need
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(TEST_EXTRAS)]'
	touch $@ $(VENV)/.installed-runtime

$(BROWSER_DEPS): tests/browser/package-lock.json tests/browser/package.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: $(VENV)/.installed-runtime
	$(BIN)/storyline build examples -o out/examples --query "Renaissance Dam"
	@echo "open out/examples/timeline.html, or read out/examples/timeline.md"

test: lint $(BROWSER_DEPS)
	$(BIN)/python -m pytest -n 2 -q
	$(BIN)/python -m pytest -q -p no:xdist -p no:cacheprovider --doctest-modules src/storyline

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: $(VENV)/.installed-test
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(VENV)/.installed-test
	$(BIN)/python bench/throughput.py --sizes 1000

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache tests/browser/_artifacts
