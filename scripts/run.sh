#!/usr/bin/env bash
# `make run`: set up .venv, migrate, seed the demo, then serve on http://127.0.0.1:8000
# with the django-tasks worker in the background. Ctrl-C stops both.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_venv requirements.txt
mkdir -p var

# The demo agency logs in without a second factor (refused when TAPESTRY_ENV=production).
export TAPESTRY_DEMO_OTP_BYPASS=1

log "migrate"
python manage.py migrate --noinput
log "seed_demo"
python manage.py seed_demo

WORKER_PID=""
stop_worker() {
    if [[ -n $WORKER_PID ]] && kill -0 "$WORKER_PID" 2>/dev/null; then
        log "stopping task worker (pid $WORKER_PID)"
        kill -TERM "$WORKER_PID" 2>/dev/null || true
        # Give it a moment to finish its current task, then insist.
        for _ in $(seq 1 50); do
            kill -0 "$WORKER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$WORKER_PID" 2>/dev/null || true
        wait "$WORKER_PID" 2>/dev/null || true
    fi
}
trap stop_worker EXIT
# Turn signals into a normal exit so the EXIT trap runs exactly once.
trap 'exit 130' INT
trap 'exit 143' TERM HUP

log "starting task worker"
python manage.py db_worker &
WORKER_PID=$!

log "serving on http://127.0.0.1:8000/ (Ctrl-C to stop)"
python manage.py runserver 127.0.0.1:8000
