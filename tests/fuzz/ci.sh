#!/bin/sh
# ci.sh [SECONDS] - the bounded fuzz run of CI: `make fuzz` (clang,
# AddressSanitizer, UndefinedBehaviorSanitizer) with each harness of
# tests/fuzz/ run for SECONDS (default 20: about a minute of fuzzing for the
# three). Fails on any finding; findings are in build/fuzz/findings/.
set -eu
cd "$(dirname "$0")/../.."
start=$(date +%s)
make --no-print-directory fuzz FUZZ_SECONDS="${1:-20}"
echo "fuzz-ci: done in $(($(date +%s) - start)) s"
