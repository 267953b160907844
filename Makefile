# ChildHub — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
DEV_ENV := DJANGO_DEBUG=1
PROD_CHECK_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=check-only-$$(head -c 64 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9') \
	DJANGO_ALLOWED_HOSTS=childhub.example DATABASE_URL=sqlite:///var/check.sqlite3 REDIS_URL=redis://127.0.0.1:6379/0
LANGS := sq bg bs el hr hu mk ro ru sr sr_Latn uk
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements/dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	$(BIN)/pip install -qq --require-hashes -r requirements/dev.txt
	touch $@

install: $(VENV)/.installed ## Create the virtual environment and install the locked dependencies

catalogues: install ## Compile the translation catalogues (.po → .mo)
	$(DEV_ENV) $(MANAGE) compile_catalogues

setup: install catalogues ## Install, compile catalogues, migrate (SQLite by default)
	mkdir -p var
	$(DEV_ENV) $(MANAGE) migrate --no-input
	$(DEV_ENV) $(MANAGE) createcachetable

demo: setup ## Load the demo content (idempotent)
	$(DEV_ENV) $(MANAGE) seed_demo
	@$(DEV_ENV) $(MANAGE) demo_logins

run: demo ## Set up, load demo content, start the task worker and serve on http://127.0.0.1:8000
	@$(DEV_ENV) $(MANAGE) db_worker > var/worker.log 2>&1 & echo $$! > var/worker.pid; \
	trap 'kill $$(cat var/worker.pid) 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(MANAGE) runserver $(HOST):$(PORT)

test: install catalogues ## Run the test suite (SQLite unless DATABASE_URL is set)
	$(BIN)/pytest -m "not browser" -n 2 -q

test-browser: install catalogues ## Run the browser tests (needs /usr/bin/chromium)
	$(BIN)/pytest -m browser -q -p no:xdist

check: install ## Lint, types, migrations, translation catalogues, deploy checks
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV_ENV) $(BIN)/mypy
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run
	$(DEV_ENV) $(MANAGE) check_catalogues
	mkdir -p var && $(PROD_CHECK_ENV) $(MANAGE) check --deploy --fail-level WARNING

messages: install ## Extract new strings into every catalogue (then translate them)
	$(DEV_ENV) $(MANAGE) makemessages --no-location --no-obsolete $(addprefix -l ,$(LANGS))

bench: setup ## Load benchmark: seed data, serve under granian, measure with wrk (SCALE=10 for 10×)
	$(PY) bench/run.py --scale $${SCALE:-1}

lock: ## Re-lock dependencies from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements/base.txt
	uv pip compile pyproject.toml --group dev --python-version 3.11 --generate-hashes -o requirements/dev.txt

clean: ## Remove the virtual environment and local data
	rm -rf $(VENV) var

.PHONY: help install catalogues setup demo run test test-browser check messages bench lock clean
