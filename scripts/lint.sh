#!/usr/bin/env bash
# `make lint`  -> scripts/lint.sh         (ruff check + ruff format --check; changes nothing)
# `make format`-> scripts/lint.sh --fix   (ruff format + ruff check --fix)
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_venv requirements-dev.txt

if [[ ${1:-} == --fix ]]; then
    ruff format .
    ruff check --fix .
else
    rc=0
    ruff check . || rc=$?
    ruff format --check . || rc=$?
    exit "$rc"
fi
