#!/bin/sh
# bench-corpus.sh [MB] - makes out/bench-mix-MB.jsonl (MB megabytes, default
# 100) with scripts/benchmix.awk unless it is there from the same seed, mixer
# and corpus, and prints its path. A smaller corpus is a prefix of a larger
# one (the mixer is sequential). Shared by `make bench`, `make bench-instr` and `make bench-js`
# so that every tool reads the same text.
set -eu
mb=${1:-100}
seed=${BENCH_SEED:-20261122}
cd "$(dirname "$0")/.."
mkdir -p out
corpus=out/bench-mix-$mb.jsonl
stamp=out/bench-mix-$mb.stamp
if [ ! -s "$corpus" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$mb $seed $(cat scripts/benchmix.awk corpus/*.txt | cksum)" ]; then
    LC_ALL=C awk -v mb="$mb" -v seed="$seed" -f scripts/benchmix.awk corpus/*.txt > "$corpus.tmp"
    mv "$corpus.tmp" "$corpus"
    echo "$mb $seed $(cat scripts/benchmix.awk corpus/*.txt | cksum)" > "$stamp"
fi
echo "$corpus"
