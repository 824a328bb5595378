# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the test suite. Source it, then:
#
#   pg_ensure_binaries     apt-get install postgresql if no initdb is found
#   pg_throwaway_start     initdb into a temp dir, start on 127.0.0.1:<free port>, create
#                          role+database tapestry/tapestry (CREATEDB), set PG_DATABASE_URL
#   pg_throwaway_stop      stop the server and delete the temp dir (idempotent; use in a trap)
#
# As root, initdb/pg_ctl run as the `postgres` system user (PostgreSQL refuses root).
# Needs log/die/apt_install from lib.sh.

PG_TMPDIR=""
PG_PORT=""
PG_BIN=""
PG_DATABASE_URL=""

pg_find_bin() {
    local dir
    PG_BIN=""
    # The newest installed major version.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        [[ -x $dir/initdb && -x $dir/pg_ctl ]] && PG_BIN="$dir"
    done
    [[ -n $PG_BIN ]]
}

pg_ensure_binaries() {
    if ! pg_find_bin; then
        log "PostgreSQL server binaries not found"
        apt_install --no-install-recommends postgresql
        pg_find_bin || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
    fi
    log "PostgreSQL binaries: $PG_BIN ($("$PG_BIN/postgres" --version))"
}

# Run a command as the cluster owner: `postgres` when we are root, ourselves otherwise.
# Run from inside the temp dir, so the postgres user never needs access to our cwd.
pg_as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$PG_TMPDIR" && runuser -u postgres -- "$@")
    else
        (cd "$PG_TMPDIR" && "$@")
    fi
}

# A free TCP port on 127.0.0.1: 54329 if available and $1 == 1 (first try), else one the kernel picks.
pg_free_port() {
    python3 - "$1" <<'EOF'
import socket
import sys

def free(port):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return None
        return s.getsockname()[1]

print((sys.argv[1] == "1" and free(54329)) or free(0))
EOF
}

pg_throwaway_start() {
    [[ -z $PG_TMPDIR ]] || die "pg_throwaway_start called twice"
    pg_find_bin || die "no PostgreSQL binaries; call pg_ensure_binaries first"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
    fi

    PG_TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/tapestry-pg.XXXXXX")"
    mkdir "$PG_TMPDIR/sock"
    if [[ $(id -u) -eq 0 ]]; then
        chown -R postgres:postgres "$PG_TMPDIR"
        # A TMPDIR under e.g. /root cannot be entered by postgres: fall back to /tmp.
        if ! runuser -u postgres -- test -w "$PG_TMPDIR"; then
            rm -rf "$PG_TMPDIR"
            PG_TMPDIR="$(mktemp -d /tmp/tapestry-pg.XXXXXX)"
            mkdir "$PG_TMPDIR/sock"
            chown -R postgres:postgres "$PG_TMPDIR"
        fi
    fi

    log "initdb $PG_TMPDIR/data"
    # Local socket connections are trusted (only the owner can reach the socket dir);
    # TCP needs the password.
    pg_as_owner "$PG_BIN/initdb" -D "$PG_TMPDIR/data" -U postgres --no-locale -E UTF8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$PG_TMPDIR/initdb.log" 2>&1 ||
        { cat "$PG_TMPDIR/initdb.log" >&2; die "initdb failed"; }

    cat >>"$PG_TMPDIR/data/postgresql.conf" <<EOF

# tapestry throwaway test cluster (the port is passed on the command line)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_TMPDIR/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
# No autovacuum: a test's rolled-back rows leave dead tuples, and an ANALYZE that lands mid-run records
# the tables as empty while the next test holds thousands of uncommitted rows; the planner then nests
# sequential scans and one statement ran for over ten minutes (the demo-seed tests). Never-analyzed
# tables keep PostgreSQL's default size estimate, so plans stay the same from run to run.
autovacuum = off
EOF

    # Another process may take the port between picking and binding: retry on a new one.
    local attempt started=0
    for attempt in 1 2 3 4 5; do
        PG_PORT="$(pg_free_port "$attempt")"
        rm -f "$PG_TMPDIR/server.log"
        log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
        if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMPDIR/data" -l "$PG_TMPDIR/server.log" -o "-p $PG_PORT" \
            -w -t 60 start >/dev/null; then
            started=1
            break
        fi
        grep -q "could not create any TCP/IP sockets" "$PG_TMPDIR/server.log" 2>/dev/null || break
    done
    if [[ $started -ne 1 ]]; then
        cat "$PG_TMPDIR/server.log" >&2 || true
        die "PostgreSQL did not start"
    fi

    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_TMPDIR/sock" -p "$PG_PORT" -U postgres -d postgres \
        -c "CREATE ROLE tapestry LOGIN CREATEDB PASSWORD 'tapestry'" \
        -c "CREATE DATABASE tapestry OWNER tapestry" ||
        die "could not create the tapestry role/database"
    PG_DATABASE_URL="postgres://tapestry:tapestry@127.0.0.1:$PG_PORT/tapestry"
}

pg_throwaway_stop() {
    [[ -n $PG_TMPDIR ]] || return 0
    if [[ -f $PG_TMPDIR/data/postmaster.pid ]]; then
        log "stopping PostgreSQL (127.0.0.1:$PG_PORT)"
        if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMPDIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
            # Last resort: kill the postmaster by the pid it recorded.
            local pid
            pid="$(head -n1 "$PG_TMPDIR/data/postmaster.pid" 2>/dev/null || true)"
            [[ $pid =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$PG_TMPDIR"
    PG_TMPDIR=""
    PG_PORT=""
    PG_DATABASE_URL=""
}
