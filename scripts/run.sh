#!/usr/bin/env bash
# `make run`: set up .venv, migrate, seed the demo, then serve on http://127.0.0.1:8000
# (or the port in PORT: `make run PORT=8050`) with the django-tasks worker in the background.
# Ctrl-C stops both.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

PORT="${PORT:-8000}"
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT >= 1 && PORT <= 65535)) || die "PORT must be a port number (1-65535), not '$PORT'"

ensure_venv requirements.txt
ensure_pdf_libraries
mkdir -p var

# The demo agency logs in without a second factor (refused when TAPESTRY_ENV=production).
export TAPESTRY_DEMO_OTP_BYPASS=1

log "migrate"
python manage.py migrate --noinput
log "seed_demo"
python manage.py seed_demo

WORKER_PID=""
SERVER_PID=""
stop_process() { # stop_process NAME PID: SIGTERM, a few seconds' grace, then SIGKILL
    local name="$1" pid="$2"
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop_process "web server" "$SERVER_PID"
    stop_process "task worker" "$WORKER_PID"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap runs exactly once.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

log "starting task worker"
python manage.py db_worker &
WORKER_PID=$!

log "serving on http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
# runserver runs in the background + `wait`, because bash defers traps until a foreground
# child exits: a SIGTERM to make/this script (e.g. from `timeout`) must still stop everything.
# Give it back what bash takes from background jobs: Ctrl-C (SIGINT) and the terminal's stdin
# (for breakpoint()).
{ exec 3<&0; } 2>/dev/null || exec 3</dev/null
(
    trap - INT
    exec python manage.py runserver "127.0.0.1:$PORT"
) <&3 3<&- &
SERVER_PID=$!
rc=0
wait "$SERVER_PID" || rc=$?
SERVER_PID=""
exit "$rc"
