#!/bin/sh
# run.sh BINARY [CASE...] - the command-line cases: one directory per case.
#
#   NAME/cmd     a shell script run by sh in an empty temporary directory, with
#                $QG the binary, $TESTS this directory, $RULES the rules
#                directory (also exported as QUOTEGRAPH_RULES)
#   NAME/stdout  expected standard output, compared exactly (no file: not compared)
#   NAME/stderr  fixed strings, one a line, that standard error must contain
#   NAME/exit    expected exit status (no file: 0)
#
# Shared inputs live in data/ and helpers in lib/ (directories without cmd).
# Prints "ok NAME" or "FAIL NAME" with the difference per case, then
# "cli: N passed, M failed"; exits 1 if any case failed.
set -u

if [ $# -lt 1 ]; then
    echo "usage: tests/cli/run.sh BINARY [CASE...]" >&2
    exit 2
fi
case $1 in
/*) QG=$1 ;;
*) QG=$(pwd)/$1 ;;
esac
shift
if [ ! -x "$QG" ]; then
    echo "cli: $QG is not an executable" >&2
    exit 2
fi
TESTS=$(cd "$(dirname "$0")" && pwd)
RULES=${RULES:-$(cd "$TESTS/../../rules" && pwd)}
QUOTEGRAPH_RULES=$RULES
export QG TESTS RULES QUOTEGRAPH_RULES
# Messages and sorting must not depend on the user's locale.
LC_ALL=C
export LC_ALL

work=$(mktemp -d "${TMPDIR:-/tmp}/qg-cli.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

if [ $# -gt 0 ]; then
    cases=$*
else
    cases=$(cd "$TESTS" && for d in */; do [ -f "$d/cmd" ] && printf '%s\n' "${d%/}"; done)
fi

pass=0
fail=0
for name in $cases; do
    dir=$TESTS/$name
    run=$work/$name
    mkdir -p "$run/cwd"
    (cd "$run/cwd" && sh "$dir/cmd") >"$run/stdout" 2>"$run/stderr" </dev/null
    status=$?
    want=0
    [ -f "$dir/exit" ] && want=$(cat "$dir/exit")
    problems=""
    if [ "$status" != "$want" ]; then
        problems="exit status $status, expected $want"
    fi
    if [ -f "$dir/stdout" ] && ! cmp -s "$dir/stdout" "$run/stdout"; then
        problems="$problems${problems:+; }stdout differs"
    fi
    if [ -f "$dir/stderr" ]; then
        while IFS= read -r want_line || [ -n "$want_line" ]; do
            [ -z "$want_line" ] && continue
            if ! grep -qF -- "$want_line" "$run/stderr"; then
                problems="$problems${problems:+; }stderr lacks: $want_line"
            fi
        done <"$dir/stderr"
    fi
    if [ -z "$problems" ]; then
        echo "ok $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name: $problems"
        if [ -f "$dir/stdout" ]; then
            diff -u "$dir/stdout" "$run/stdout" | sed 's/^/    /' | head -40
        fi
        echo "    --- stderr:"
        head -20 "$run/stderr" | sed 's/^/    /'
        fail=$((fail + 1))
    fi
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
