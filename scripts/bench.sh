#!/bin/sh
# bench.sh BINARY [MB] - throughput of the full pipeline, every stage on.
#
# The corpus (out/bench-mix-MB.jsonl, MB megabytes, default 100) is made
# deterministically from the paragraphs of corpus/ by scripts/benchmix.awk
# (scripts/bench-corpus.sh; seed BENCH_SEED, default 20261122), as JSON lines. The run is timed on one
# thread and on all cores (-j), with --stats for the share of each stage and
# the peak memory. The figures are printed and one line per run is appended
# to out/bench.tsv with the commit, so runs can be compared between commits:
#   commit  threads  bytes  documents  tokens  seconds  MB/s  peak_kb
set -eu
QG=$1
mb=${2:-100}
cd "$(dirname "$0")/.."
mkdir -p out
corpus=$(sh scripts/bench-corpus.sh "$mb")
bytes=$(wc -c < "$corpus")
docs=$(wc -l < "$corpus")
# Tokens: the length of every document's token layer, counted once.
tokens=$("$QG" -q --jsonl --stages tokenize --emit layers "$corpus" | grep -o '\],\[' | wc -l)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo -)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
echo "bench: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $docs documents, $tokens tokens (commit $commit)"
for threads in 1 "$cores"; do
    stats=$(mktemp)
    start=$(date +%s.%N)
    "$QG" -q --stats -j "$threads" --jsonl "$corpus" > /dev/null 2> "$stats"
    end=$(date +%s.%N)
    peak=$(sed -n 's/.*peak memory \([0-9]*\) KB.*/\1/p' "$stats")
    awk -v b="$bytes" -v d="$docs" -v t="$tokens" -v s="$start" -v e="$end" -v j="$threads" -v p="$peak" 'BEGIN {
        secs = e - s
        printf "bench: %d thread(s): %.2f s, %.1f MB/s, %.0f documents/s, %.2f M tokens/s, peak memory %.1f MB\n",
               j, secs, b / 1e6 / secs, d / secs, t / 1e6 / secs, p / 1024
    }'
    sed -n 's/^quotegraph:   /bench:   /p' "$stats"
    awk -v c="$commit" -v j="$threads" -v b="$bytes" -v d="$docs" -v t="$tokens" -v s="$start" -v e="$end" -v p="$peak" \
        'BEGIN { printf "%s\t%d\t%d\t%d\t%d\t%.3f\t%.2f\t%d\n", c, j, b, d, t, e - s, b / 1e6 / (e - s), p }' >> out/bench.tsv
    rm -f "$stats"
done
