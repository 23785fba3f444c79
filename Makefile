# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test lint typecheck pytest install install-test clean eval

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The demo needs only milepost itself; tests also need the dev tools and the
# diarize extra (torch==2.13.0 is a local CPU file on our machines and CI).
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,diarize]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/milepost ingest data/samples
	$(BIN)/milepost meetings --flagged
	$(BIN)/milepost brief "Northwind Dental"

test: install-test lint typecheck pytest

lint:
	$(BIN)/ruff format --check pipeline models tests benchmarks scripts
	$(BIN)/ruff check pipeline models tests benchmarks scripts

typecheck:
	$(BIN)/mypy pipeline models

pytest:
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/milepost eval ../shared/eval/cs_dev

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
