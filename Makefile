# Two entry points: `make demo` and `make test`. Both bootstrap .venv from nothing but
# Python and make; the stamp file reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LINTED := src tests bench scripts
DEMO_OUT ?= out

.PHONY: demo test lint unit bench wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,dask]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/testimony-nlp extract data/samples --published 2024-06-01 --out $(DEMO_OUT) --overwrite

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

unit: $(STAMP)
	$(BIN)/python -m pytest

test: lint unit

bench: $(STAMP)
	$(BIN)/python bench/run.py

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

clean:
	rm -rf $(VENV) $(DEMO_OUT) dist build .pytest_cache .ruff_cache
