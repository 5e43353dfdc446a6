#!/bin/sh
# bench.sh BINARY [MB] - throughput of the full pipeline on a corpus made by
# repeating corpus/ (deterministic), one thread. Prints MB/s, documents/s
# and tokens/s, and appends them to out/bench.tsv with the commit.
set -eu
QG=$1
mb=${2:-20}
cd "$(dirname "$0")/.."
mkdir -p out
corpus=out/bench-corpus.jsonl
if [ ! -s "$corpus" ] || [ "$(wc -c < "$corpus")" -lt $((mb * 1000000)) ]; then
    one=$(mktemp)
    : > "$corpus"
    # One JSON line per article (awk escapes it), repeated until the size is reached.
    for f in corpus/*.txt; do
        awk -v id="$(basename "$f" .txt)" '
            { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r");
              text = text (NR > 1 ? "\\n" : "") $0 }
            END { printf "{\"id\":\"%s\",\"text\":\"%s\"}\n", id, text }' "$f"
    done > "$one"
    while [ "$(wc -c < "$corpus")" -lt $((mb * 1000000)) ]; do
        cat "$one" >> "$corpus"
    done
    rm -f "$one"
fi
bytes=$(wc -c < "$corpus")
docs=$(wc -l < "$corpus")
start=$(date +%s.%N)
"$QG" --jsonl "$corpus" > /dev/null
end=$(date +%s.%N)
tokens=$("$QG" --jsonl --stages tokenize --emit layers "$corpus" | grep -o '\],\[' | wc -l)
awk -v b="$bytes" -v d="$docs" -v t="$tokens" -v s="$start" -v e="$end" 'BEGIN {
    secs = e - s
    printf "bench: %.1f MB in %.2f s: %.1f MB/s, %.0f documents/s, %.2f M tokens/s (1 thread)\n",
           b / 1e6, secs, b / 1e6 / secs, d / secs, t / 1e6 / secs
}'
printf '%s\t%s\t%s\t%s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo -)" "$bytes" "$docs" \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" >> out/bench.tsv
