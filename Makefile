# The contract between stages: every target installs what it needs from the lock file first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAW ?= raw
# Empty: flows/settings.py decides (MINSHENG_WAREHOUSE, else var/minsheng.duckdb, or the pre-var/
# warehouse/minsheng.duckdb with a hint). Everything runs produce is under var/ (git-ignored).
WAREHOUSE ?=
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: install run test lint bench sweep fast-opencc lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	# The lock is the whole closure with hashes, so no resolving: --no-deps (pip's resolver also
	# mishandles extras such as sqlalchemy[asyncio] in hash-checking mode), then `pip check`.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.lock
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/minsheng run --raw $(RAW)$(if $(WAREHOUSE), --warehouse $(WAREHOUSE))

CODE := flows transforms expectations warehouse tests

test: $(STAMP)
	$(BIN)/ruff check $(CODE)
	$(BIN)/python -m pytest tests

lint: $(STAMP)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m flows.bench

sweep: $(STAMP)
	MINSHENG_FULL_SWEEP=1 $(BIN)/python -m pytest tests/test_corpus_sweep.py tests/robustness -q

# Opt-in: the official OpenCC C++ binding (~35x faster) in a private folder of the venv, beside (not
# over) opencc-python-reimplemented; transforms/text/opencc_backend.py finds it (docs/performance.md).
OPENCC_OFFICIAL ?= opencc==1.4.2
fast-opencc: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --upgrade \
		--target $(VENV)/opencc-official $(OPENCC_OFFICIAL)
	MINSHENG_OPENCC=official $(BIN)/python -c "from transforms.text.opencc_backend import backend_name; print(backend_name())"

# Re-resolve the pins with hashes (needs the registry): edit pyproject.toml, then `make lock`.
# pip-compile keeps every pin the lock already has unless pyproject.toml asks otherwise, so the same
# inputs give the same lock; tests/test_lock.py fails when pyproject.toml and the lock disagree.
PIP_TOOLS ?= pip-tools==7.6.2
lock:
	rm -rf /tmp/minsheng-lock && $(PYTHON) -m venv /tmp/minsheng-lock
	/tmp/minsheng-lock/bin/pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	/tmp/minsheng-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --no-strip-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) var
