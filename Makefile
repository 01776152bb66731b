# jobbot: the two commands a newcomer needs are `make run` and `make test`.
# Both create what they need; a second run with unchanged lock files does nothing.

PYTHON ?= python3.11
APP_VENV := .venv
APP_LOCK := requirements/app.lock
# The stamp name carries a hash of everything that decides the environment's contents,
# so editing the lock (or pyproject) reinstalls and nothing else does.
APP_STAMP := $(APP_VENV)/.installed-$(shell cat $(APP_LOCK) pyproject.toml | sha256sum | cut -c1-16)
JOBBOT := $(APP_VENV)/bin/jobbot
EXAMPLE ?= 조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요

.PHONY: setup run test lint eval bench lock clean

setup: $(APP_STAMP)
	$(JOBBOT) model build

$(APP_STAMP): $(APP_LOCK) pyproject.toml
	test -x $(APP_VENV)/bin/python || $(PYTHON) -m venv $(APP_VENV)
	$(APP_VENV)/bin/pip install --quiet --upgrade-strategy only-if-needed -r $(APP_LOCK)
	$(APP_VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(APP_VENV)/.installed-*
	touch $@

run: setup
	$(JOBBOT) db upgrade
	$(JOBBOT) import data/openings/*.csv data/openings/*.xml
	$(JOBBOT) match "$(EXAMPLE)"

test: setup
	$(APP_VENV)/bin/python -m pytest -q

lint: $(APP_STAMP)
	$(APP_VENV)/bin/ruff check bot nlu retrieval storage tests bench
	$(APP_VENV)/bin/mypy

eval: setup
	$(JOBBOT) eval retrieval

bench: setup
	$(APP_VENV)/bin/python bench/retrieval_bench.py

# Re-pin the app environment from pyproject's ranges (needs the registries).
lock:
	rm -rf /tmp/jobbot-lock && $(PYTHON) -m venv /tmp/jobbot-lock
	/tmp/jobbot-lock/bin/pip install --quiet torch==2.13.0 -e '.[dev]'
	/tmp/jobbot-lock/bin/pip freeze --exclude-editable | grep -v '^jobbot' > $(APP_LOCK).new
	mv $(APP_LOCK).new $(APP_LOCK)

clean:
	rm -rf $(APP_VENV) var
