# make run: one real monitoring cycle with config/newsmon.yaml, then today's digest.
# make demo: the whole pipeline offline on the bundled demo site.   make test: the test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsmon --config config/newsmon.yaml run-once
	$(BIN)/newsmon --config config/newsmon.yaml digest --date today

demo: $(STAMP)
	$(BIN)/newsmon demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

clean:
	rm -rf demo-out out data .pytest_cache
