#!/bin/sh
# run.sh HARNESS SECONDS - runs the libFuzzer HARNESS (build/fuzz/fuzz_NAME)
# for SECONDS on a working corpus build/fuzz/corpus-NAME (build/fuzz/corpus
# for the pipeline), seeded from the repository, with the dictionary NAME.dict
# beside this script (quotegraph.dict when there is none). Findings
# (crash-*, leak-*, timeout-*) land in build/fuzz/findings/NAME-* and fail
# the run; each should become a regression test.
set -eu
harness=$1
seconds=${2:-60}
here=$(dirname "$0")
name=$(basename "$harness")
name=${name#fuzz_}
findings=build/fuzz/findings
if [ "$name" = pipeline ]; then work=build/fuzz/corpus; else work=build/fuzz/corpus-$name; fi
mkdir -p "$work" "$findings"
case $name in
pipeline)
    for f in corpus/*.txt; do
        [ -f "$work/$(basename "$f")" ] || cp "$f" "$work/"
    done
    ;;
rules)
    # Each rules file as the harness reads it: its name, a newline, the text.
    for f in rules/*.txt; do
        b=$(basename "$f")
        [ -f "$work/$b" ] || { echo "$b"; cat "$f"; } >"$work/$b"
    done
    ;;
jsonl)
    for f in corpus/*.txt; do
        b=$(basename "$f" .txt).jsonl
        [ -f "$work/$b" ] || sh scripts/txt2jsonl.sh "$f" >"$work/$b"
    done
    [ -f "$work/odd.jsonl" ] || printf '%s\n' '{"id":7,"text":"a\u0000b","date":"2020-02-30"}' \
        '{"id":"x","text":"\u201cHi,\u201d she said.","date":"2021-06-02"}' '[1]' \
        '{"schema":"quotegraph-layers/1","doc":{"id":"x"}}' >"$work/odd.jsonl"
    ;;
esac
dict=$here/$name.dict
[ -f "$dict" ] || dict=$here/quotegraph.dict
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$harness" -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -dict="$dict" -artifact_prefix="$findings/$name-" -print_final_stats=1 "$work"
