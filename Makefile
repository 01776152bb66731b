# jobbot: the two commands a newcomer needs are `make run` and `make test`.
# Both create what they need; a second run with unchanged lock files does nothing.

PYTHON ?= python3.11
APP_VENV := .venv
APP_LOCK := requirements/app.lock
# The stamp name carries a hash of everything that decides the environment's contents,
# so editing the lock (or pyproject) reinstalls and nothing else does.
APP_STAMP := $(APP_VENV)/.installed-$(shell cat $(APP_LOCK) pyproject.toml | sha256sum | cut -c1-16)
JOBBOT := $(APP_VENV)/bin/jobbot
# The Rasa server's own environment (Rasa 3.6 pins SQLAlchemy 1.4, pydantic 1, numpy 1.23);
# see docs/rasa-environment.md.
RASA_VENV := .venv-rasa
RASA_LOCK := requirements/rasa.lock
RASA_STAMP := $(RASA_VENV)/.installed-$(shell cat $(RASA_LOCK) | sha256sum | cut -c1-16)
EXAMPLE ?= 조선소에서 용접 15년, 특수용접 있어요, 야간은 못해요

.PHONY: setup setup-rasa run chat train test lint eval eval-nlu bench bench-turn lock clean

setup: $(APP_STAMP)
	$(JOBBOT) model build

$(APP_STAMP): $(APP_LOCK) pyproject.toml
	test -x $(APP_VENV)/bin/python || $(PYTHON) -m venv $(APP_VENV)
	$(APP_VENV)/bin/pip install --quiet --upgrade-strategy only-if-needed -r $(APP_LOCK)
	$(APP_VENV)/bin/pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(APP_VENV)/.installed-*
	touch $@

setup-rasa: $(RASA_STAMP)

$(RASA_STAMP): $(RASA_LOCK)
	test -x $(RASA_VENV)/bin/python || $(PYTHON) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install --quiet -r $(RASA_LOCK)
	$(RASA_VENV)/bin/pip install --quiet --no-deps --ignore-requires-python rasa==3.6.21 rasa-sdk==3.6.2
	rm -f $(RASA_VENV)/.installed-*
	touch $@

run: setup setup-rasa
	$(JOBBOT) db upgrade
	$(JOBBOT) import data/openings/*.csv data/openings/*.xml
	$(JOBBOT) match "$(EXAMPLE)" --top 3
	$(JOBBOT) rasa train
	$(JOBBOT) run

# The Rasa components' own tests run inside the Rasa environment (no app conftest there).
RASA_COMPONENT_TESTS := tests/nlu/components/test_kiwi_tokenizer.py tests/nlu/components/test_entity_normalizer.py tests/nlu/components/test_rasa_main.py

test: setup setup-rasa
	$(APP_VENV)/bin/python -m pytest -q
	$(RASA_VENV)/bin/python -m pytest -q --noconftest -p no:cacheprovider $(RASA_COMPONENT_TESTS)

lint: $(APP_STAMP)
	$(APP_VENV)/bin/ruff check actions bot nlu retrieval storage tests bench
	$(APP_VENV)/bin/mypy

eval: setup
	$(JOBBOT) eval retrieval

eval-nlu: setup setup-rasa
	$(JOBBOT) eval nlu

eval-dialogue: train
	$(JOBBOT) eval dialogue

# The hand-written end-to-end dialogs through the real stack and the Telegram stand-in.
eval-dialogs: train
	$(APP_VENV)/bin/python bench/dialog_eval.py

train: setup setup-rasa
	$(JOBBOT) rasa train

chat: train
	$(JOBBOT) chat

bench: setup
	$(APP_VENV)/bin/python bench/retrieval_bench.py

bench-turn: train
	$(APP_VENV)/bin/python bench/turn_bench.py

# Re-pin the app environment from pyproject's ranges (needs the registries).
lock:
	rm -rf /tmp/jobbot-lock && $(PYTHON) -m venv /tmp/jobbot-lock
	/tmp/jobbot-lock/bin/pip install --quiet torch==2.13.0 -e '.[dev]'
	/tmp/jobbot-lock/bin/pip freeze --exclude-editable | grep -v '^jobbot' > $(APP_LOCK).new
	mv $(APP_LOCK).new $(APP_LOCK)

clean:
	rm -rf $(APP_VENV) $(RASA_VENV) var .rasa
