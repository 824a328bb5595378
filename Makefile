# Tapestry developer entry points. The logic lives in scripts/*.sh.
SHELL := /bin/bash

.PHONY: run test lint format clean

PORT ?= 8000

## run: set up .venv, migrate, seed the demo, serve on http://127.0.0.1:$(PORT) (+ task worker); make run PORT=8050
run:
	@PORT="$(PORT)" bash scripts/run.sh

## test: ruff, then pytest on SQLite, on a throwaway PostgreSQL, and in real Chromium
test:
	@bash scripts/test.sh

## lint: ruff check + ruff format --check (changes nothing)
lint:
	@bash scripts/lint.sh

## format: ruff format + ruff check --fix
format:
	@bash scripts/lint.sh --fix

## clean: remove the virtualenv and local data (var/, including the SQLite database)
clean:
	rm -rf .venv var
