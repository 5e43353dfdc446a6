#!/bin/sh
# run.sh BINARY [DOC.md ...] - runs the shell examples of the documentation.
#
# An example is tested when the line before its ```sh fence (blank lines
# aside) is the HTML comment <!-- test --> or <!-- test NAME -->. Each such
# block runs as a script under `sh -e`, with the top of the source tree as
# the current directory and BINARY first on PATH as `quotegraph`
# (QUOTEGRAPH_RULES points at the tree's rules/). It passes when it exits 0
# and writes something to standard output. Blocks that use jq are skipped,
# with a message, when jq is not installed.
#
# Default documents: docs/*.md. Prints "ok NAME", "FAIL NAME" (with the
# block's output) or "skip NAME", then "docs: N passed, M failed"; exits 1
# if any example failed, 2 on a usage error.
set -u

if [ $# -lt 1 ]; then
    echo "usage: tests/docs/run.sh BINARY [DOC.md ...]" >&2
    exit 2
fi
case $1 in
/*) bin=$1 ;;
*) bin=$(pwd)/$1 ;;
esac
shift
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
    echo "docs: $bin is not an executable" >&2
    exit 2
fi
top=$(cd "$(dirname "$0")/../.." && pwd) || exit 2

# The documents: relative paths stay relative to the caller's directory,
# since only the examples themselves run in $top.
[ $# -gt 0 ] || set -- "$top"/docs/*.md

work=$(mktemp -d "${TMPDIR:-/tmp}/qg-docs.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
mkdir "$work/bin" "$work/blocks"
ln -s "$bin" "$work/bin/quotegraph"
PATH=$work/bin:$PATH
QUOTEGRAPH_RULES=$top/rules
LC_ALL=C
export PATH QUOTEGRAPH_RULES LC_ALL

have_jq=no
command -v jq >/dev/null 2>&1 && have_jq=yes

passed=0
failed=0
n=0
for doc in "$@"; do
    [ -f "$doc" ] || { echo "FAIL $doc: no such file"; failed=$((failed + 1)); continue; }
    base=$(basename "$doc")
    # Extract the marked blocks: one file per block, and a list of
    # "FILE NAME" lines. A block is named by its marker or by DOC:LINE.
    list=$work/list.$n
    awk -v dir="$work/blocks" -v doc="$base" -v prefix="$n" '
        function flush() { if (out != "") close(out); out = "" }
        inblock {
            if ($0 ~ /^[ \t]*```[ \t]*$/) { inblock = 0; flush(); next }
            print > out
            next
        }
        /^[ \t]*<!--[ \t]*test([ \t]+[^ \t]+)?[ \t]*-->[ \t]*$/ {
            marked = 1
            name = $0
            sub(/^[ \t]*<!--[ \t]*test[ \t]*/, "", name)
            sub(/[ \t]*-->[ \t]*$/, "", name)
            next
        }
        /^[ \t]*$/ { next }
        marked && /^[ \t]*```sh[ \t]*$/ {
            count++
            if (name == "") name = doc ":" NR
            out = dir "/" prefix "-" count ".sh"
            printf "" > out
            print out, name
            inblock = 1
            marked = 0
            next
        }
        { marked = 0 }
    ' "$doc" >"$list" || { echo "FAIL $base: cannot read"; failed=$((failed + 1)); continue; }
    n=$((n + 1))
    while read -r script name; do
        if [ "$have_jq" = no ] && grep -Eq '(^|[^[:alnum:]_-])jq([^[:alnum:]_-]|$)' "$script"; then
            echo "skip $name (jq is not installed)"
            continue
        fi
        log=$script.out
        (cd "$top" && sh -e "$script") >"$log" 2>"$log.err" </dev/null
        status=$?
        if [ "$status" -ne 0 ]; then
            echo "FAIL $name: exit status $status"
        elif [ ! -s "$log" ]; then
            echo "FAIL $name: no output"
            status=1
        fi
        if [ "$status" -ne 0 ]; then
            failed=$((failed + 1))
            sed 's/^/    | /' "$script"
            head -n 20 "$log" | sed 's/^/    > /'
            head -n 20 "$log.err" | sed 's/^/    ! /'
        else
            echo "ok $name"
            passed=$((passed + 1))
        fi
    done <"$list"
done

echo "docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
