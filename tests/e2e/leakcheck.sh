#!/bin/sh
# leakcheck.sh BINARY - the end-to-end run under valgrind: every corpus
# article, stdin, JSON lines, a resumed run and the commands that read its
# output (eval, diff, export, import, audit, merge in every format and with
# a malformed line), with zero leaks and errors.
set -eu
QG=$1
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null 2>&1 || { echo "leakcheck: valgrind is not installed (QG_WITH_VALGRIND=1 make deps)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
vg="valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=99"
status=0
run() { # NAME CMD...
    name=$1
    shift
    if "$@" > "$tmp/out" 2> "$tmp/err"; then echo "ok $name"
    else
        rc=$?
        if [ $rc -eq 99 ]; then echo "FAIL $name: valgrind found errors"; cat "$tmp/err"; status=1
        else echo "ok $name (exit $rc, no valgrind errors)"; fi
    fi
}
run corpus $vg "$QG" corpus
run stdin sh -c "$vg '$QG' --date 2019-06-02 - < corpus/ap_city_council_budget.txt"
printf '{"id":"a","text":"\\u201cWe will see,\\u201d she said."}\nnot json\n' > "$tmp/in.jsonl"
run jsonl sh -c "$vg '$QG' --jsonl < '$tmp/in.jsonl'"
"$QG" --stages quotes --emit layers corpus > "$tmp/layers.jsonl"
run resume $vg "$QG" --from-layers "$tmp/layers.jsonl"
"$QG" corpus > "$tmp/graphs.jsonl"
run eval $vg "$QG" eval --gold corpus/gold/corpus.gold.jsonl "$tmp/graphs.jsonl"
"$QG" --rules rules --stages quotes corpus > "$tmp/partial.jsonl" 2>/dev/null || true
run diff $vg "$QG" diff "$tmp/graphs.jsonl" "$tmp/partial.jsonl"
run export $vg "$QG" export -o "$tmp/brat" "$tmp/graphs.jsonl" corpus
run import $vg "$QG" import -o "$tmp/gold.jsonl" "$tmp/brat"
run audit $vg "$QG" audit --gold corpus/gold/corpus.gold.jsonl -o "$tmp/audit" "$tmp/graphs.jsonl" corpus
printf 'not json\n' > "$tmp/bad.jsonl"
run merge $vg "$QG" merge -o "$tmp/merged.jsonl" "$tmp/graphs.jsonl" "$tmp/bad.jsonl"
run merge-again $vg "$QG" merge "$tmp/merged.jsonl" "$tmp/graphs.jsonl"
run merge-csv $vg "$QG" merge --format csv -o "$tmp/csv" "$tmp/merged.jsonl"
run merge-graphml $vg "$QG" merge --format graphml "$tmp/merged.jsonl"
exit $status
