# Sát Hạch — the two set-up commands are `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEED   ?= 2019

.PHONY: demo test lint bench install system-deps clean

# Create the virtual environment and install the project with its pinned dependencies.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests need: chromium for the browser tests, poppler-utils for pdftotext.
system-deps:
	@bash scripts/install-system-deps.sh

# Seed the demo province (reused when it already exists) and serve it on 127.0.0.1:8000.
demo: $(STAMP)
	$(BIN)/sathach demo --seed $(SEED)

# Install everything and run every test on the database named by DATABASE_URL (SQLite if unset).
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/sathach bench

clean:
	rm -rf $(VENV) var/*.sqlite3* .pytest_cache
