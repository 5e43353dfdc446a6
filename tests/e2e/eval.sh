#!/bin/sh
# eval.sh BINARY - scores the bundled corpus and, when ../shared is beside
# the checkout, the seed articles against their gold annotations.
# Writes the graphs to out/ and prints quotegraph eval's tables.
set -eu
QG=$1
cd "$(dirname "$0")/../.."
mkdir -p out
"$QG" -o out/corpus.jsonl corpus
echo "== corpus/ ($(git rev-parse --short HEAD 2>/dev/null || echo 'no git'))"
"$QG" eval --gold corpus/gold/corpus.gold.jsonl out/corpus.jsonl
if [ -d ../shared/corpus/seeds ] && [ -f ../shared/gold/seeds.gold.jsonl ]; then
    "$QG" -o out/seeds.jsonl ../shared/corpus/seeds
    echo "== ../shared seeds"
    "$QG" eval --gold ../shared/gold/seeds.gold.jsonl out/seeds.jsonl
else
    echo "== ../shared seeds: skipped (../shared is not beside this checkout)"
fi
