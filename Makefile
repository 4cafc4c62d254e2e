# Two entry points: `make demo` (install + build the example timeline) and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin
EXTRAS ?= dev,distributed

# the npm test tools of the browser tests (axe-core, TimelineJS3, ESLint, Stylelint)
BROWSER_DEPS = tests/browser/node_modules/.package-lock.json

.PHONY: demo test lint bench clean

$(BIN)/.installed-$(EXTRAS): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

$(BROWSER_DEPS): tests/browser/package-lock.json tests/browser/package.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: $(BIN)/.installed-$(EXTRAS)
	$(BIN)/storyline build examples -o out/examples --query "Renaissance Dam"
	@echo "open out/examples/timeline.html, or read out/examples/timeline.md"

test: $(BIN)/.installed-$(EXTRAS) $(BROWSER_DEPS)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2 -q

lint: $(BIN)/.installed-$(EXTRAS)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(BIN)/.installed-$(EXTRAS)
	$(BIN)/python bench/throughput.py --sizes 1000

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache tests/browser/_artifacts
