#!/bin/sh
# Runs the test suite against the build in BUILD (default build/):
#   unit  the Check executables built from tests/*/check_*.c
#   cli   the command-line cases in tests/cli/ (folders: cmd, stdout, exit)
#   e2e   end-to-end runs over corpus/ and ../shared seeds, scored against gold
#   docs  the shell examples in docs/ marked <!-- test -->
#   browser  the audit report in headless Chromium (tests/audit/browser.sh;
#         skipped with a message when Chromium is absent)
# Usage: tests/run.sh [BUILD] [unit|cli|e2e|docs|browser ...]
# Prints one line per suite and a closing "tests: N passed, M failed".
set -u
build=${1:-build}
[ $# -gt 0 ] && shift
suites=${*:-unit cli e2e docs browser}
top=$(cd "$(dirname "$0")/.." && pwd)
bin="$(cd "$build" && pwd)/quotegraph"
passed=0
failed=0

count_check_output() {
    # Check prints "100%: Checks: 12, Failures: 0, Errors: 0"
    sed -n 's/.*Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' "$1" | tail -n 1
}

for suite in $suites; do
    case $suite in
    unit)
        [ -d "$build/tests" ] || { echo "FAIL unit: no $build/tests (run make first)"; failed=$((failed + 1)); continue; }
        for t in $(find "$(cd "$build/tests" && pwd)" -type f -name 'check_*' | sort); do
            log=$(mktemp)
            (cd "$top" && CK_DEFAULT_TIMEOUT=${CK_DEFAULT_TIMEOUT:-60} "$t") >"$log" 2>&1
            set -- $(count_check_output "$log")
            if [ $# -eq 3 ]; then
                bad=$(($2 + $3))
                passed=$((passed + $1 - bad))
                failed=$((failed + bad))
                if [ "$bad" -gt 0 ]; then
                    echo "FAIL $t"
                    grep -v '^Running suite' "$log" | grep -v '^100%' | head -n 40
                else
                    echo "ok   $t ($1 checks)"
                fi
            else
                echo "FAIL $t (no Check summary; crashed?)"
                tail -n 20 "$log"
                failed=$((failed + 1))
            fi
            rm -f "$log"
        done
        ;;
    cli | e2e | docs | browser)
        log=$(mktemp)
        script=$top/tests/$suite/run.sh
        [ "$suite" = browser ] && script=$top/tests/audit/browser.sh
        sh "$script" "$bin" >"$log" 2>&1
        status=$?
        grep -v '^ok ' "$log"
        set -- $(sed -n "s/^$suite: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p" "$log" | tail -n 1)
        if [ $# -eq 2 ]; then
            passed=$((passed + $1))
            failed=$((failed + $2))
        fi
        if [ $# -ne 2 ] || { [ "$status" -ne 0 ] && [ "${2:-0}" -eq 0 ]; }; then
            echo "FAIL $suite runner (exit $status)"
            failed=$((failed + 1))
        fi
        rm -f "$log"
        ;;
    *)
        echo "tests/run.sh: unknown suite '$suite'" >&2
        exit 2
        ;;
    esac
done

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
