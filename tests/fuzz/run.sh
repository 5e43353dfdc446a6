#!/bin/sh
# run.sh HARNESS SECONDS - runs the libFuzzer HARNESS for SECONDS on a
# working corpus seeded from corpus/*.txt, with the dictionary beside this
# script. Findings (crash-*, leak-*, timeout-*) land in build/fuzz/findings/
# and fail the run; each should become a regression test.
set -eu
harness=$1
seconds=${2:-60}
here=$(dirname "$0")
work=build/fuzz/corpus
findings=build/fuzz/findings
mkdir -p "$work" "$findings"
for f in corpus/*.txt; do
    [ -f "$work/$(basename "$f")" ] || cp "$f" "$work/"
done
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$harness" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict="$here/quotegraph.dict" -artifact_prefix="$findings/" -print_final_stats=1 "$work"
