# VUM Implementering: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app implementering
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: install run serve load-test backup serve-dev scheduler test test-fast test-browser migrate messages vendor bench clean

install: $(STAMP)  ## Create .venv and install the project with its dev tools (fast when nothing changed)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

migrate: install  ## Apply database migrations
	$(FLASK) db upgrade

run: migrate  ## Migrate, load demo data the first time, serve on :5000 with the scheduler
	$(FLASK) seed demo --size small --if-empty
	@bash scripts/run-dev.sh

serve: install  ## Production-style: migrations once, the production check, gunicorn (several workers) + one scheduler
	$(FLASK) db upgrade
	$(FLASK) seed defaults
	$(FLASK) production check
	@bash deploy/serve.sh

load-test: install  ## 50 users for 2 minutes against a running server on VUM_BIND (see benchmarks/load_test.py)
	$(BIN)/python benchmarks/load_test.py --url http://$${VUM_BIND:-127.0.0.1:8000} --users 50 --seconds 120

backup: install  ## Back up the database now into BACKUP_DIR (default instance/backups)
	$(FLASK) scheduler run-job nightly_backup

test: install  ## The whole test suite (uses TEST_DATABASE_URL for PostgreSQL)
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test-fast: install  ## Everything but the browser tests
	$(BIN)/pytest -n 2 -m "not browser" $(PYTEST_ARGS)

test-browser: install  ## Only the Playwright browser tests
	$(BIN)/pytest -m browser $(PYTEST_ARGS)

messages: install  ## Extract all user-facing texts into implementering/translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k _l -o implementering/translations/messages.pot .

vendor:  ## Refresh vendored DKFDS and plotly.js in static/vendor from npm (pinned versions)
	bash scripts/vendor.sh

bench: install  ## Run the benchmarks and print ratios
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf $(VENV) .pytest_cache test-output
