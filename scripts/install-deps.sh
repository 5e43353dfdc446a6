#!/bin/sh
# Installs the Debian packages quotegraph builds and tests with, and nothing else.
# Safe to run again: packages already present are left alone. Used by `make deps`.
set -eu

packages="libpcre2-dev libutf8proc-dev libjansson-dev check pkg-config parallel"
[ "${QG_WITH_VALGRIND:-0}" = 1 ] && packages="$packages valgrind"
[ "${QG_WITH_CLANG:-0}" = 1 ] && packages="$packages clang"
# Node.js and npm for make bench-js, unless a node and npm are already there
# (NodeSource's nodejs brings its own npm, which Debian's npm conflicts with).
if [ "${QG_WITH_NODE:-0}" = 1 ] && ! { command -v node && command -v npm; } >/dev/null 2>&1; then
    packages="$packages nodejs npm"
fi
# Headless Chromium for the audit report's browser test (tests/audit/browser.sh).
[ "${QG_WITH_CHROMIUM:-0}" = 1 ] && packages="$packages chromium"

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all build dependencies are present"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: this is not a Debian-like system; install their equivalents by hand" >&2
    exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "install-deps: need root (or sudo) to install:$missing" >&2
        exit 1
    fi
fi

echo "install-deps: installing:$missing"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
