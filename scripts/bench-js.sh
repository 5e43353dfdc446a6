#!/bin/sh
# bench-js.sh BINARY [MB] - quotegraph and wink-nlp side by side on the same
# text: the first MB megabytes (default 20) of the benchmark corpus. wink-nlp
# and its English model come from the npm registry, pinned by
# scripts/bench-js/package-lock.json; node and npm come from Debian
# (QG_WITH_NODE=1 sh scripts/install-deps.sh).
set -eu
QG=$1
mb=${2:-20}
cd "$(dirname "$0")/.."
command -v node >/dev/null && command -v npm >/dev/null ||
    { echo "bench-js: node and npm not found (QG_WITH_NODE=1 sh scripts/install-deps.sh)" >&2; exit 1; }
corpus=$(sh scripts/bench-corpus.sh "$mb")
if [ ! -d scripts/bench-js/node_modules/wink-nlp ]; then
    (cd scripts/bench-js && npm ci --no-audit --no-fund --silent)
fi
bytes=$(wc -c < "$corpus")
docs=$(wc -l < "$corpus")
echo "bench-js: the same $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $docs documents, for both"
stats=$(mktemp)
start=$(date +%s.%N)
"$QG" -q --stats -j 1 --jsonl "$corpus" > /dev/null 2> "$stats"
end=$(date +%s.%N)
peak=$(sed -n 's/.*peak memory \([0-9]*\) KB.*/\1/p' "$stats")
rm -f "$stats"
awk -v b="$bytes" -v d="$docs" -v s="$start" -v e="$end" -v p="$peak" 'BEGIN {
    secs = e - s
    printf "bench-js: quotegraph, every stage, 1 thread: %.2f s, %.1f MB/s, %.0f documents/s, peak memory %.1f MB\n",
           secs, b / 1e6 / secs, d / secs, p / 1024
}'
node scripts/bench-js/wink.js "$corpus"
