# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; do not run it.
#
#   ensure_venv FILE   create .venv if needed and pip install -r FILE, unless a stamp
#                      says exactly these requirement files were already installed.
#   run_privileged CMD run CMD as root (directly, or through sudo when not root).
#   apt_install PKG..  apt-get update + install, non-interactive.
#   ensure_pdf_libraries  the system libraries WeasyPrint draws PDFs with (pango, harfbuzz, a font),
#                      installed with apt-get when one is missing.

# The repository root, whichever directory the caller was started from.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV_DIR="${VENV_DIR:-$REPO_ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

run_privileged() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        # Without a terminal (CI) sudo must not wait for a password nobody can type.
        if [[ -t 0 ]]; then sudo "$@"; else sudo -n "$@"; fi
    else
        die "need root to run '$*' (not root and no sudo); install it by hand and retry"
    fi
}

APT_UPDATED=0
apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
    if [[ $APT_UPDATED -eq 0 ]]; then
        log "apt-get update"
        run_privileged env DEBIAN_FRONTEND=noninteractive apt-get update
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    run_privileged env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# sha256 over the requirement file's name and the content of every requirements*.txt at the
# root (they include each other with -r), so any edit invalidates the stamp.
requirements_hash() {
    local target="$1"
    {
        printf '%s\n' "$(basename "$target")"
        cat "$REPO_ROOT"/requirements*.txt
    } | sha256sum | cut -c1-64
}

create_venv() {
    command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found; Tapestry needs Python 3.11+"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "$("$PYTHON" --version 2>&1) is too old; Tapestry needs Python 3.11+"
    rm -rf "$VENV_DIR"
    log "creating $VENV_DIR"
    if ! "$PYTHON" -m venv "$VENV_DIR"; then
        # Debian splits venv/ensurepip out of the interpreter package.
        rm -rf "$VENV_DIR"
        local ver
        ver="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        apt_install "python${ver}-venv"
        "$PYTHON" -m venv "$VENV_DIR"
    fi
}

ensure_venv() {
    local req="$REPO_ROOT/$1"
    [[ -f $req ]] || die "$1 not found"
    # A venv whose interpreter no longer runs (system Python replaced) is rebuilt.
    if ! "$VENV_DIR/bin/python" -c 'import sys' >/dev/null 2>&1; then
        create_venv
    fi
    local stamp
    stamp="$VENV_DIR/.installed-$(requirements_hash "$req")"
    if [[ -f $stamp ]]; then
        log "$1 already installed in .venv"
    else
        log "pip install -r $1"
        "$VENV_DIR/bin/python" -m pip install --disable-pip-version-check -q -r "$req"
        touch "$stamp"
    fi
    export VIRTUAL_ENV="$VENV_DIR"
    export PATH="$VENV_DIR/bin:$PATH"
    unset PYTHONHOME
}

# WeasyPrint (case summary and safety plan PDFs) loads pango and harfbuzz through ctypes; a pip
# install cannot bring them. Debian's package names; checked by shared-object name first.
PDF_LIBRARIES=(libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0
    libharfbuzz-subset.so.0:libharfbuzz-subset0)
ensure_pdf_libraries() {
    local entry missing=()
    for entry in "${PDF_LIBRARIES[@]}"; do
        ldconfig -p 2>/dev/null | grep -q "${entry%%:*}" || missing+=("${entry##*:}")
    done
    [[ -d /usr/share/fonts/truetype/dejavu ]] || missing+=(fonts-dejavu-core)
    if [[ ${#missing[@]} -gt 0 ]]; then
        log "WeasyPrint needs ${missing[*]}"
        apt_install "${missing[@]}"
    fi
}
