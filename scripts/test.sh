#!/usr/bin/env bash
# `make test`: lint, then three pytest suites (SQLite, a throwaway PostgreSQL, real Chromium).
# Installs what is missing (.venv, postgresql, chromium). Exits non-zero if anything failed.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=scripts/pg-throwaway.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg-throwaway.sh"
cd "$REPO_ROOT"

CHROMIUM="${TAPESTRY_CHROMIUM:-/usr/bin/chromium}"
PYTEST_ARGS=(-q -p no:cacheprovider)
# The two database suites run on every core (pytest-xdist), a test file per worker at a time so a
# module's shared set-up is built once; the browser suite stays in one process (one live server).
PARALLEL=(-n "${TAPESTRY_TEST_WORKERS:-auto}" --dist loadfile)

trap pg_throwaway_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# ---- set-up --------------------------------------------------------------------------------------
ensure_venv requirements-dev.txt
ensure_pdf_libraries
mkdir -p var

pg_ensure_binaries

if [[ ! -x $CHROMIUM ]]; then
    [[ $CHROMIUM == /usr/bin/chromium ]] || die "TAPESTRY_CHROMIUM=$CHROMIUM is not an executable"
    log "Chromium not found at $CHROMIUM"
    # The Debian package; `playwright install` would download a browser and is not allowed.
    apt_install chromium
    [[ -x $CHROMIUM ]] || die "chromium installed but $CHROMIUM is missing"
fi
log "Chromium: $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"

# ---- checks --------------------------------------------------------------------------------------
declare -a NAMES=() RESULTS=()
FAILED=0

record() { # record NAME EXIT_CODE
    local name="$1" rc="$2" result
    case $rc in
        0) result="PASS" ;;
        5) result="FAIL (exit 5: no tests collected)" ;;
        *) result="FAIL (exit $rc)" ;;
    esac
    [[ $rc -eq 0 ]] || FAILED=1
    NAMES+=("$name")
    RESULTS+=("$result")
}

log "lint: ruff check . && ruff format --check ."
rc=0
ruff check . || rc=$?
ruff format --check . || { r=$?; [[ $rc -ne 0 ]] || rc=$r; }
record "lint (ruff)" "$rc"

log "suite 1/3: SQLite (pytest -m 'not browser')"
rc=0
env -u DATABASE_URL pytest "${PYTEST_ARGS[@]}" "${PARALLEL[@]}" -m "not browser" || rc=$?
record "sqlite   (not browser)" "$rc"

log "suite 2/3: PostgreSQL (pytest -m 'not browser')"
pg_throwaway_start
rc=0
DATABASE_URL="$PG_DATABASE_URL" pytest "${PYTEST_ARGS[@]}" "${PARALLEL[@]}" -m "not browser" || rc=$?
record "postgres (not browser)" "$rc"
pg_throwaway_stop

log "suite 3/3: browser (pytest -m browser, Chromium, SQLite)"
rc=0
env -u DATABASE_URL TAPESTRY_CHROMIUM="$CHROMIUM" DJANGO_ALLOW_ASYNC_UNSAFE=true \
    pytest "${PYTEST_ARGS[@]}" -m browser || rc=$?
record "browser  (Chromium)" "$rc"

# ---- summary -------------------------------------------------------------------------------------
echo
echo "==================== make test summary ===================="
for i in "${!NAMES[@]}"; do
    printf '  %-24s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}"
done
echo "==========================================================="
if [[ $FAILED -ne 0 ]]; then
    echo "make test: FAILED"
    exit 1
fi
echo "make test: all passed"
