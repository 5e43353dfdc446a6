#!/bin/sh
# bench-instr.sh BINARY [MB] - instructions per byte of the full pipeline,
# counted by callgrind on one thread over the first MB megabytes (default 2)
# of the benchmark corpus. Unlike seconds, the count repeats exactly for the
# same binary and input whatever else the machine is doing, so it is the
# figure to compare between commits on a shared machine. Appends
#   commit  bytes  documents  instructions  instructions/byte
# to out/bench-instr.tsv.
set -eu
QG=$1
mb=${2:-2}
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench-instr: valgrind not found (QG_WITH_VALGRIND=1 sh scripts/install-deps.sh)" >&2; exit 1; }
corpus=$(sh scripts/bench-corpus.sh "$mb")
bytes=$(wc -c < "$corpus")
docs=$(wc -l < "$corpus")
out=$(mktemp -d)
# The rules are loaded once per run: count them apart by an empty input.
: > "$out/empty.jsonl"
count() {
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$QG" -q -j 1 --jsonl "$1" > /dev/null 2> "$out/log"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/log"
}
startup=$(count "$out/empty.jsonl")
total=$(count "$corpus")
rm -rf "$out"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo -)
awk -v b="$bytes" -v d="$docs" -v s="$startup" -v t="$total" -v c="$commit" 'BEGIN {
    n = t - s
    printf "bench-instr: %.1f MB, %d documents (commit %s): %.0f M instructions after %.0f M of start-up, %.0f per byte\n",
           b / 1e6, d, c, n / 1e6, s / 1e6, n / b
    printf "%s\t%d\t%d\t%d\t%.1f\n", c, b, d, n, n / b >> "out/bench-instr.tsv"
}'
